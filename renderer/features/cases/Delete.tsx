import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Attachment } from '../../../shared/attachments/document';
import { BroError } from '../../../shared/errors';
import type { IssuedLetter } from '../../../shared/letters/events';
import { api } from '../../api';
import { EntityForm } from '../../app/forms';
import { nbDate } from '../../app/format';
import { useI18n, type TextKey } from '../../app/i18n';
import { go } from '../../app/router';
import { Modal } from '../../app/ui';
import { refresh } from './useCase';

/**
 * «Slett saken …»: deletes the case for good (`cases.delete`) after a dialog that names the pupil,
 * says what cannot be undone and what deletion cannot reach, and asks why. The retention task
 * («Arkiver og slett arbeidskopien») leads here. Archive, then delete (issue 19 item 4): it shows
 * what the municipality's archive has (`archive.status`) and lists each letter (by kind and date)
 * and each received document (by title) it lacks; such a case is deleted only with «Slett likevel …»
 * ticked (`withoutArchive`), else refused with NOT_ARCHIVED (shared/archive/status.ts
 * archiveBeforeDelete).
 */
export function CaseDelete({
  caseId,
  pupil,
  externalId,
  letters = [],
  attachments = [],
}: {
  caseId: string;
  pupil: string;
  externalId: string;
  letters?: IssuedLetter[];
  attachments?: Attachment[];
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const who = pupil || t('delete.unnamed');
  const status = useQuery({
    queryKey: ['archive.status', caseId, letters.length, attachments.length],
    queryFn: () => api['archive.status']({ caseId }),
    enabled: open,
  });
  const missingLetters = status.data
    ? status.data.letters
        .filter((l) => !l.archived)
        .map((l) => {
          const letter = letters.find((x) => x.letterId === l.letterId);
          return {
            id: l.letterId,
            label: letter ? `${t(`kind.${letter.kind}` as TextKey)} ${nbDate(letter.date)}` : l.letterId,
          };
        })
    : [];
  const missingDocuments = status.data
    ? status.data.documents
        .filter((d) => !d.archived)
        .map((d) => {
          const doc = attachments.find((x) => x.attachmentId === d.attachmentId);
          return {
            id: d.attachmentId,
            label: doc
              ? t('delete.documentItem', { title: doc.title, date: nbDate(doc.received) })
              : d.attachmentId,
          };
        })
    : [];
  const missing = [...missingLetters, ...missingDocuments];
  return (
    <>
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        {t('delete.button')}
      </button>
      {open && (
        <Modal title={t('delete.title', { who })} onClose={() => setOpen(false)}>
          <p>{t('delete.lead', { who, id: externalId })}</p>
          <p>{t('delete.archiveFirst')}</p>
          <div role="status" className="delete-archive">
            {status.isPending ? (
              <p className="muted">{t('delete.checking')}</p>
            ) : !status.data ? null : status.data.letters.length === 0 &&
              status.data.documents.length === 0 ? (
              <p>{t('delete.noLetters')}</p>
            ) : missing.length === 0 ? (
              <p>
                {[
                  status.data.letters.length > 0
                    ? t('delete.archived', { n: status.data.letters.length })
                    : '',
                  status.data.documents.length > 0
                    ? t('delete.documentsArchived', { n: status.data.documents.length })
                    : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
              </p>
            ) : (
              <>
                <p>
                  {missingDocuments.length === 0
                    ? t('delete.missing', { n: missingLetters.length })
                    : missingLetters.length === 0
                      ? t('delete.missingDocuments', { n: missingDocuments.length })
                      : t('delete.missingBoth', {
                          letters: missingLetters.length,
                          documents: missingDocuments.length,
                        })}
                </p>
                <ul aria-label={t('archive.notArchived')}>
                  {missing.map((m) => (
                    <li key={m.id}>{m.label}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <p>{t('delete.copies')}</p>
          <EntityForm
            entity="delete"
            fields={[
              {
                name: 'reason',
                kind: 'textarea',
                required: true,
                label: 'delete.reason',
                hint: 'delete.reasonHint',
              },
              ...(missing.length > 0
                ? [
                    {
                      name: 'withoutArchive',
                      kind: 'checkbox' as const,
                      label: 'delete.withoutArchive' as const,
                      wide: true,
                    },
                  ]
                : []),
            ]}
            skip={() => 0}
            submitLabel={t('delete.confirm', { who })}
            onCancel={() => setOpen(false)}
            onSubmit={async (set) => {
              const reason = typeof set.reason === 'string' ? set.reason.trim() : '';
              if (!reason)
                throw new BroError('VALIDATION', 'A reason is needed', {
                  issues: [{ path: ['reason'], code: 'REQUIRED' }],
                });
              const withoutArchive = set.withoutArchive === true;
              try {
                await api['cases.delete']({ caseId, reason, ...(withoutArchive ? { withoutArchive } : {}) });
              } catch (e) {
                // The archive lacks letters or documents (archiveBeforeDelete): point at the box that deletes anyway.
                if (e instanceof BroError && e.issues.some((i) => i.code === 'NOT_ARCHIVED')) {
                  await qc.invalidateQueries({ queryKey: ['archive.status', caseId] });
                  throw new BroError('VALIDATION', 'Not archived', {
                    issues: [{ path: ['withoutArchive'], code: 'NOT_ARCHIVED' }],
                  });
                }
                throw e;
              }
              setOpen(false);
              // The case is gone: drop it rather than fetch it again, then refresh the lists and figures.
              qc.removeQueries({ queryKey: ['case', caseId] });
              await refresh(qc, caseId);
              go({ name: 'cases' });
            }}
          />
        </Modal>
      )}
    </>
  );
}
