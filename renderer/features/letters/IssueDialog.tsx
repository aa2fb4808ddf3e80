import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { OpOutput } from '../../../shared/contract';
import { BroError } from '../../../shared/errors';
import type { LetterKind, LetterLang } from '../../../shared/letters/kinds';
import type { LetterOptionsInput } from '../../../shared/letters/options';
import { api } from '../../api';
import { fileToBase64, safeFileName, saveBase64 } from '../../app/files';
import { useI18n, type TextKey } from '../../app/i18n';
import { ErrorBox, Modal } from '../../app/ui';
import { printPdf } from './pdf';

type Issued = OpOutput<'letters.issue'>;
interface Recipient {
  recipient: string;
  names: string[];
}

/** The file name of an issued letter: kind, date and code — never the pupil's name. */
export function letterFileName(r: { kind: string; letterId: string; code: string | null }, date: string) {
  return safeFileName([r.kind, date, r.code ?? r.letterId.slice(0, 8)], 'pdf');
}

/**
 * Signing and issuing: who receives it, then the signature (the member's key), the record in the
 * case, and the PDF offered for saving where the user chooses, and for printing.
 */
export function IssueDialog({
  caseId,
  kind,
  lang,
  options,
  draftId,
  letter,
  warnings,
  onClose,
}: {
  caseId: string;
  kind: LetterKind;
  lang: LetterLang;
  options: LetterOptionsInput;
  draftId: string | null;
  letter: unknown;
  warnings: number;
  onClose: (issued: boolean) => void;
}) {
  const { t, error } = useI18n();
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<BroError | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  // The submit button is replaced by the result: focus goes to what comes next, saving the PDF.
  useEffect(() => {
    if (issued) saveButton.current?.focus();
  }, [issued]);
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => api['settings.get']({}) });
  // The certificate chosen in Innstillinger (shown by its file name), or, without one, a P12 file
  // chosen here whose bytes go with the call: the page never names a path.
  const configured = settings.data?.signing.p12File || null;
  const configuredName = configured?.split(/[\\/]/u).pop() ?? null;
  const [upload, setUpload] = useState<File | null>(null);
  const [pades, setPades] = useState(true);
  const [password, setPassword] = useState('');
  const withPades = configured !== null ? pades : upload !== null;
  const model = letter as { addressee?: Recipient; copies?: Recipient[]; date?: string } | null;
  const who = (r: Recipient) =>
    r.recipient === 'tjeneste' && r.names.length
      ? r.names.join(', ')
      : `${t(`recipient.${r.recipient}` as TextKey)}${r.names.length ? ` (${r.names.join(', ')})` : ''}`;
  const date = model?.date ?? new Date().toISOString().slice(0, 10);

  const save = (r: Issued) => {
    if (r.pdf) saveBase64(letterFileName(r, date), 'application/pdf', r.pdf);
  };

  const issue = async () => {
    setBusy(true);
    setErr(null);
    try {
      const r = await api['letters.issue']({
        caseId,
        kind,
        lang,
        options,
        ...(draftId ? { draftId } : {}),
        ...(withPades
          ? {
              p12: upload
                ? { bytes: await fileToBase64(upload), password }
                : { configured: true as const, password },
            }
          : {}),
      });
      setIssued(r);
      save(r);
    } catch (e) {
      setErr(e instanceof BroError ? e : new BroError('INTERNAL', 'issue failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('sign.title')} onClose={() => onClose(issued !== null)}>
      {issued ? (
        <div className="issued" role="status">
          <p className="ok-line">{t('sign.done')}</p>
          {issued.code && <p className="mono">{t('sign.doneCode', { code: issued.code })}</p>}
          {issued.pades && <p>{t('sign.padesDone', { subject: issued.pades.subject })}</p>}
          <p className="hint">{t('sign.verifyHint')}</p>
          <div className="actions">
            <button type="button" className="primary" ref={saveButton} onClick={() => save(issued)}>
              {t('sign.saveAgain')}
            </button>
            <button type="button" onClick={() => issued.pdf && void printPdf(issued.pdf)}>
              {t('sign.print')}
            </button>
            <button type="button" onClick={() => onClose(true)}>
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void issue();
          }}
        >
          <p>{t('sign.lead')}</p>
          {model?.addressee && (
            <dl className="facts-grid">
              <dt>{t('sign.to')}</dt>
              <dd>{who(model.addressee)}</dd>
              {(model.copies ?? []).length > 0 && (
                <>
                  <dt>{t('sign.copies')}</dt>
                  <dd>{(model.copies ?? []).map(who).join('; ')}</dd>
                </>
              )}
            </dl>
          )}
          {warnings > 0 && <p className="warn">{t('sign.warnings', { n: warnings })}</p>}
          <fieldset className="opt-group">
            <legend>{t('letters.pades')}</legend>
            {configuredName ? (
              <label className="check-row">
                <input type="checkbox" checked={pades} onChange={(e) => setPades(e.target.checked)} />
                {t('sign.pades', { file: configuredName })}
              </label>
            ) : (
              <div className="field">
                <label htmlFor="p12-file">{t('sign.p12File')}</label>
                <input
                  id="p12-file"
                  type="file"
                  accept=".p12,.pfx,application/x-pkcs12"
                  onChange={(e) => setUpload(e.target.files?.[0] ?? null)}
                />
              </div>
            )}
            {withPades && (
              <div className="field">
                <label htmlFor="p12-password">{t('sign.p12Password')}</label>
                <input
                  id="p12-password"
                  type="password"
                  autoComplete="off"
                  value={password}
                  aria-invalid={err?.code === 'P12_WRONG_PASSWORD' ? true : undefined}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </div>
            )}
          </fieldset>
          {err && (
            <ErrorBox>
              <p>{error(err.code)}</p>
            </ErrorBox>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy || (withPades && password === '')}>
              {busy ? t('sign.working') : t('sign.confirm')}
            </button>
            <button type="button" onClick={() => onClose(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
