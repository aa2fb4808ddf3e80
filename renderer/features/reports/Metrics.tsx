import { useId, useRef, useState, type FormEvent } from 'react';
import type { OpInput, OpOutput } from '../../../shared/contract';
import { BroError, type Issue } from '../../../shared/errors';
import { api } from '../../api';
import { safeFileName, saveBase64, saveText } from '../../app/files';
import { nbDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { ErrorBox } from '../../app/ui';
import { ReportFigures } from './Figures';
import { OutcomeTables } from './Outcomes';
import { MeasureTables } from './Measures';
import type { Selection } from './period';

type Merged = OpOutput<'metrics.merge'>;
type MergeInput = OpInput<'metrics.merge'>;

/**
 * Signed, de-identified metrics bundles: export this vault's for the period, hand over the
 * vault's public key, and (as a lead) merge bundles from several vaults against a trust list.
 */
export function MetricsPanel({ selection }: { selection: Selection }) {
  const { t } = useI18n();
  return (
    <section className="panel wt-metrics" aria-labelledby="wt-metrics">
      <h2 id="wt-metrics">{t('report.metrics.title')}</h2>
      <p className="muted">{t('report.metrics.lead')}</p>
      <BundleActions selection={selection} />
      <MergeForm selection={selection} />
    </section>
  );
}

function BundleActions({ selection }: { selection: Selection }) {
  const { t, error } = useI18n();
  const [busy, setBusy] = useState<'export' | 'key' | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [kid, setKid] = useState<string | null>(null);
  const [failed, setFailed] = useState<unknown>(null);

  // The buttons stay focusable while busy (aria-disabled), so each handler ignores a second press.
  const run = async (what: 'export' | 'key') => {
    if (busy !== null) return;
    setBusy(what);
    setStatus(null);
    setFailed(null);
    try {
      if (what === 'export') {
        const r = await api['metrics.export']({ from: selection.from, to: selection.to });
        const name = safeFileName(['noekkeltall', selection.from, selection.to], 'jws');
        saveText(name, 'application/jose', r.jws);
        setStatus(t('report.metrics.exported', { name, rows: r.rows, kid: r.kid }));
      } else {
        const r = await api['metrics.key']({});
        const name = safeFileName(['bro-noekkel', r.kid.slice(0, 12)], 'json');
        saveText(name, 'application/jwk-set+json', `${JSON.stringify(r.jwks, null, 2)}\n`);
        setKid(r.kid);
        setStatus(t('report.metrics.keySaved', { name }));
      }
    } catch (e) {
      setFailed(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="wt-bundle">
      <div className="wt-bundle-row">
        <button type="button" aria-disabled={busy !== null || undefined} onClick={() => void run('export')}>
          {t('report.metrics.export')}
        </button>
        <p className="hint">
          {t('report.metrics.exportHelp', { from: nbDate(selection.from), to: nbDate(selection.to) })}
        </p>
      </div>
      <div className="wt-bundle-row">
        <button type="button" aria-disabled={busy !== null || undefined} onClick={() => void run('key')}>
          {t('report.metrics.key')}
        </button>
        <p className="hint">{t('report.metrics.keyHelp')}</p>
      </div>
      <div className="wt-status" role="status" aria-live="polite">
        {busy && <p className="busy">{t('common.busy')}</p>}
        {status && <p className="saved">{status}</p>}
      </div>
      {kid && (
        <p className="wt-kid">
          {t('report.metrics.kid')} <span className="mono">{kid}</span>
        </p>
      )}
      {failed !== null && (
        <ErrorBox>{failed instanceof BroError ? error(failed.code) : error('INTERNAL')}</ErrorBox>
      )}
    </div>
  );
}

function MergeForm({ selection }: { selection: Selection }) {
  const { t, error, issue } = useI18n();
  const ids = useId();
  const [bundles, setBundles] = useState<File[]>([]);
  const [trust, setTrust] = useState<File | null>(null);
  const [missing, setMissing] = useState<{ bundles?: boolean; trust?: boolean }>({});
  const [busy, setBusy] = useState<'merge' | 'pdf' | null>(null);
  const [result, setResult] = useState<{ merged: Merged; input: MergeInput } | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const [pdfDone, setPdfDone] = useState<string | null>(null);

  const fileName = (path: Issue['path']) => {
    if (path[0] === 'trust') return trust?.name ?? t('report.merge.trust');
    if (path[0] === 'bundles' && typeof path[1] === 'number')
      return bundles[path[1]]?.name ?? t('report.file.unnamed', { n: path[1] + 1 });
    return null;
  };

  const merge = async (e: FormEvent) => {
    e.preventDefault();
    const miss = { bundles: bundles.length === 0, trust: trust === null };
    setMissing(miss);
    if (miss.bundles || miss.trust) {
      document.getElementById(miss.bundles ? `${ids}-bundles-btn` : `${ids}-trust-btn`)?.focus();
      return;
    }
    if (busy !== null) return;
    setBusy('merge');
    setFailed(null);
    setResult(null);
    setPdfDone(null);
    try {
      const texts = await Promise.all(bundles.map((f) => f.text()));
      const trustText = await trust!.text();
      let trustJson: unknown;
      try {
        trustJson = JSON.parse(trustText);
      } catch {
        // Not JSON: the handler refuses it with the trust list's own message.
        trustJson = trustText;
      }
      const input: MergeInput = {
        bundles: texts,
        trust: trustJson,
        unit: selection.unit,
        ...(selection.service ? { service: selection.service } : {}),
      };
      const merged = await api['metrics.merge']({ ...input, format: 'json' });
      setResult({ merged, input });
    } catch (err) {
      setFailed(err);
    } finally {
      setBusy(null);
    }
  };

  const pdf = async () => {
    if (!result || busy !== null) return;
    setBusy('pdf');
    setFailed(null);
    setPdfDone(null);
    try {
      const r = await api['metrics.merge']({ ...result.input, format: 'pdf' });
      if (!r.file) throw new BroError('INTERNAL', 'No file');
      const rep = result.merged.report;
      const name = safeFileName(['ventetider-samlet', rep.from, rep.to], 'pdf');
      saveBase64(name, r.file.mediaType, r.file.base64);
      setPdfDone(t('report.export.done', { name }));
    } catch (err) {
      setFailed(err);
    } finally {
      setBusy(null);
    }
  };

  const issues = failed instanceof BroError ? failed.issues : [];
  const merged = result?.merged;
  const rows = merged?.sources.reduce((n, s) => n + s.rows, 0) ?? 0;
  return (
    <div className="wt-merge">
      <h3 id="wt-merge">{t('report.merge.title')}</h3>
      <p className="muted">{t('report.merge.lead')}</p>
      <form
        className="grid wt-merge-form"
        aria-labelledby="wt-merge"
        onSubmit={(e) => void merge(e)}
        noValidate
      >
        <FileField
          id={`${ids}-bundles`}
          label={t('report.merge.bundles')}
          hint={t('report.merge.bundlesHint')}
          accept=".jws,application/jose"
          multiple
          error={missing.bundles ? t('report.merge.needBundles') : undefined}
          onFiles={(f) => setBundles(f)}
        />
        <FileField
          id={`${ids}-trust`}
          label={t('report.merge.trust')}
          hint={t('report.merge.trustHint')}
          accept=".json,.jwks,application/json"
          error={missing.trust ? t('report.merge.needTrust') : undefined}
          onFiles={(f) => setTrust(f[0] ?? null)}
        />
        <div className="actions wt-merge-actions">
          <button type="submit" className="primary" aria-disabled={busy !== null || undefined}>
            {t('report.merge.submit')}
          </button>
        </div>
      </form>
      <div className="wt-status" role="status" aria-live="polite">
        {busy === 'merge' && <p className="busy">{t('report.merge.busy')}</p>}
        {busy === 'pdf' && <p className="busy">{t('report.export.busy', { format: 'PDF' })}</p>}
        {merged && !busy && (
          <p className="saved">{t('report.merge.done', { files: merged.sources.length, rows })}</p>
        )}
        {pdfDone && <p className="saved">{pdfDone}</p>}
      </div>
      {failed !== null && (
        <ErrorBox>
          <p>
            <strong>{t('report.merge.failed')}</strong>{' '}
            {issues.length > 0
              ? null
              : failed instanceof BroError
                ? failed.code === 'TAMPERED'
                  ? t('report.merge.TAMPERED')
                  : error(failed.code)
                : error('INTERNAL')}
          </p>
          {issues.length > 0 && (
            <ul>
              {issues.map((i, n) => {
                const name = fileName(i.path);
                return <li key={n}>{name ? `${name}: ${issue(i.code)}` : issue(i.code)}</li>;
              })}
            </ul>
          )}
        </ErrorBox>
      )}
      {merged && (
        <section className="wt-merged" aria-labelledby="wt-merged">
          <h3 id="wt-merged">
            {t('report.merge.result', { from: nbDate(merged.report.from), to: nbDate(merged.report.to) })}
          </h3>
          <h4>{t('report.merge.sources')}</h4>
          <ul className="wt-sources">
            {merged.sources.map((s, i) => (
              <li key={`${s.kid}-${i}`}>
                {t('report.merge.source', {
                  kid: s.kid,
                  rows: s.rows,
                  date: nbDate(s.exported),
                })}
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" aria-disabled={busy !== null || undefined} onClick={() => void pdf()}>
              {t('report.merge.pdf')}
            </button>
          </div>
          <ReportFigures report={merged.report} idPrefix="wt-merged" level="h4" showOpen={false} />
          {/* The outcome figures of the bundles that carry them (older bundles do not). */}
          {merged.outcomes && (
            <OutcomeTables report={merged.outcomes} idPrefix="wt-merged-outcomes" level="h4" />
          )}
          <section className="wt-merged-measures" aria-labelledby="wt-merged-measures">
            <h4 id="wt-merged-measures">{t('measures.merged.title')}</h4>
            {merged.measures ? (
              <>
                <p className="muted">{t('measures.merged.lead')}</p>
                <MeasureTables report={merged.measures} idPrefix="wt-merged-measures" level="h5" />
              </>
            ) : (
              <p className="muted">{t('measures.merged.none')}</p>
            )}
          </section>
        </section>
      )}
    </div>
  );
}

/**
 * A file chooser with a Norwegian button (the browser's own file input speaks the browser's
 * language) and the chosen files' names; the input itself is hidden and reached through the button.
 */
function FileField({
  id,
  label,
  hint,
  accept,
  multiple,
  error,
  onFiles,
}: {
  id: string;
  label: string;
  hint: string;
  accept: string;
  multiple?: boolean;
  error: string | undefined;
  onFiles: (files: File[]) => void;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [names, setNames] = useState<string[]>([]);
  return (
    <div className="field">
      <span className="field-label" id={`${id}-label`}>
        {label}
      </span>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <div className="wt-file">
        <button
          type="button"
          id={`${id}-btn`}
          aria-describedby={`${id}-label ${id}-hint ${id}-names${error ? ` ${id}-err` : ''}`}
          aria-invalid={error ? true : undefined}
          onClick={() => input.current?.click()}
        >
          {multiple ? t('report.file.chooseMany') : t('report.file.chooseOne')}
        </button>
        <span className="muted" id={`${id}-names`}>
          {names.length > 0 ? names.join(', ') : t('report.file.none')}
        </span>
      </div>
      <input
        ref={input}
        id={id}
        type="file"
        hidden
        aria-label={label}
        accept={accept}
        multiple={multiple}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          setNames(files.map((f) => f.name));
          onFiles(files);
        }}
      />
      {error && (
        <p className="field-error" id={`${id}-err`}>
          {error}
        </p>
      )}
    </div>
  );
}
