import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { BroError } from '../../../shared/errors';
import type { Attachment } from '../../../shared/attachments/document';
import type { IssuedLetter } from '../../../shared/letters/events';
import { api } from '../../api';
import { safeFileName, saveBase64 } from '../../app/files';
import { nbDate, todayIso } from '../../app/format';
import { useI18n, type TextKey } from '../../app/i18n';
import { ErrorBox } from '../../app/ui';
import type { CaseData } from '../cases/useCase';

/**
 * The archive package on the case (issue 19 item 1): one button makes the Fiks Arkiv arkivmeldinger
 * with the issued letters and offers the .zip to save (bytes from the handler, never a path).
 */
export function ArchivePanel({ caseId, data }: { caseId: string; data: CaseData }) {
  const { t, error } = useI18n();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<{
    name: string;
    messages: number;
    letters: number;
    documents: number;
  } | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const letters = (data.letters ?? []) as IssuedLetter[];
  const issued = letters.filter((l) => l.stored).length;
  const docs = (data.attachments ?? []) as Attachment[];
  // The archive status of each issued letter: shared/archive/status.ts through `archive.status`.
  const status = useQuery({
    queryKey: ['archive.status', caseId, letters.length, docs.length],
    queryFn: () => api['archive.status']({ caseId }),
  });
  const [reading, setReading] = useState(false);
  const [receipt, setReceipt] = useState<{ recorded: number } | null>(null);
  const importReceipt = async (file: File | undefined) => {
    if (!file || busy) return;
    setBusy(true);
    setReading(true);
    setMade(null);
    setReceipt(null);
    setFailed(null);
    try {
      const r = await api['archive.receipt']({ xml: await file.text() });
      setReceipt({ recorded: r.recorded });
      // The case too: its timeline has a line for each receipt recorded.
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['archive.status', caseId] }),
        qc.invalidateQueries({ queryKey: ['case', caseId] }),
      ]);
    } catch (e) {
      setFailed(e);
    } finally {
      setBusy(false);
    }
  };

  const make = async () => {
    if (busy) return;
    setBusy(true);
    setMade(null);
    setFailed(null);
    try {
      const r = await api['archive.make']({ caseId });
      const name = safeFileName(['arkivpakke', data.doc.id, todayIso()], 'zip');
      if (r.zip) saveBase64(name, 'application/zip', r.zip);
      setMade({
        name,
        messages: r.messages.length,
        letters: r.messages.filter((m) => m.letterId !== null).length,
        documents: r.messages.filter((m) => m.attachmentId !== undefined).length,
      });
      await qc.invalidateQueries({ queryKey: ['audit', caseId] });
    } catch (e) {
      setFailed(e);
    } finally {
      setBusy(false);
      setReading(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="archive-title">
      <h2 id="archive-title">{t('archive.title')}</h2>
      <p className="muted">{t('archive.lead')}</p>
      {issued === 0 && <p className="muted">{t('archive.noLetters')}</p>}
      <button type="button" disabled={busy} onClick={() => void make()}>
        {t('archive.make')}
      </button>
      {status.data && status.data.letters.length + status.data.documents.length > 0 && (
        <p id="archive-summary">
          {t(
            status.data.documents.length === 0
              ? 'archive.summaryLetters'
              : status.data.letters.length === 0
                ? 'archive.summaryDocuments'
                : 'archive.summary',
            {
              letters: status.data.letters.length - status.data.missing.length,
              lettersTotal: status.data.letters.length,
              documents: status.data.documents.length - status.data.documentsMissing.length,
              documentsTotal: status.data.documents.length,
            },
          )}
        </p>
      )}
      {status.data && status.data.letters.length > 0 && (
        <ul className="archive-status" aria-label={t('archive.statusTitle')}>
          {status.data.letters.map((s) => {
            const l = letters.find((x) => x.letterId === s.letterId);
            return (
              <li key={s.letterId}>
                {l ? `${t(`kind.${l.kind}` as TextKey)} ${l.date}: ` : ''}
                {s.archived ? t('archive.archivedAs', { ref: s.reference ?? '' }) : t('archive.notArchived')}
              </li>
            );
          })}
        </ul>
      )}
      {status.data && status.data.documents.length > 0 && (
        <ul className="archive-status" aria-label={t('archive.statusDocuments')}>
          {status.data.documents.map((s) => {
            const d = docs.find((x) => x.attachmentId === s.attachmentId);
            return (
              <li key={s.attachmentId}>
                {d ? `${d.title} (${t('archive.receivedOn', { date: nbDate(d.received) })}): ` : ''}
                {s.archived ? t('archive.archivedAs', { ref: s.reference ?? '' }) : t('archive.notArchived')}
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <label htmlFor="archive-receipt">{t('archive.receipt')}</label>{' '}
        <input
          id="archive-receipt"
          type="file"
          accept=".xml,application/xml,text/xml"
          disabled={busy}
          onChange={(e) => {
            void importReceipt(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </p>
      {receipt && (
        <p role="status">
          {receipt.recorded === 0
            ? t('archive.receiptSame')
            : t('archive.receiptSaved', { n: receipt.recorded })}
        </p>
      )}
      {busy && <p role="status">{t(reading ? 'archive.reading' : 'archive.making')}</p>}
      {made && (
        <p role="status">
          {made.documents > 0
            ? t('archive.madeWithDocuments', {
                name: made.name,
                messages: made.messages,
                letters: made.letters,
                documents: made.documents,
              })
            : t('archive.made', { name: made.name, messages: made.messages, letters: made.letters })}
        </p>
      )}
      {failed !== null && (
        <ErrorBox>
          {failed instanceof BroError
            ? failed.issues.some((i) => i.code.startsWith('ARCHIVE_RECEIPT_'))
              ? t('archive.receiptRefused')
              : error(failed.code)
            : error('INTERNAL')}
        </ErrorBox>
      )}
    </section>
  );
}
