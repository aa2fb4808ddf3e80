import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { BroError } from '../../../shared/errors';
import type { IssuedLetter } from '../../../shared/letters/events';
import { api } from '../../api';
import { safeFileName, saveBase64 } from '../../app/files';
import { todayIso } from '../../app/format';
import { useI18n } from '../../app/i18n';
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
  const [made, setMade] = useState<{ name: string; messages: number; letters: number } | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const issued = ((data.letters ?? []) as IssuedLetter[]).filter((l) => l.stored).length;

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
      });
      await qc.invalidateQueries({ queryKey: ['audit', caseId] });
    } catch (e) {
      setFailed(e);
    } finally {
      setBusy(false);
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
      {busy && <p role="status">{t('archive.making')}</p>}
      {made && (
        <p role="status">
          {t('archive.made', { name: made.name, messages: made.messages, letters: made.letters })}
        </p>
      )}
      {failed !== null && (
        <ErrorBox>{failed instanceof BroError ? error(failed.code) : error('INTERNAL')}</ErrorBox>
      )}
    </section>
  );
}
