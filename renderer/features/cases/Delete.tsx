import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { BroError } from '../../../shared/errors';
import { api } from '../../api';
import { EntityForm } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { go } from '../../app/router';
import { Modal } from '../../app/ui';
import { refresh } from './useCase';

/**
 * «Slett saken …»: deletes the case for good (`cases.delete`) after a dialog that names the pupil,
 * says what cannot be undone and what deletion cannot reach, and asks why. The retention task
 * («Arkiver og slett arbeidskopien») leads here.
 */
export function CaseDelete({
  caseId,
  pupil,
  externalId,
}: {
  caseId: string;
  pupil: string;
  externalId: string;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const who = pupil || t('delete.unnamed');
  return (
    <>
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        {t('delete.button')}
      </button>
      {open && (
        <Modal title={t('delete.title', { who })} onClose={() => setOpen(false)}>
          <p>{t('delete.lead', { who, id: externalId })}</p>
          <p>{t('delete.archiveFirst')}</p>
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
              await api['cases.delete']({ caseId, reason });
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
