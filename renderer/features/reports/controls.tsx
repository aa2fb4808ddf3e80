import { useState } from 'react';
import { BroError } from '../../../shared/errors';
import { api, onProgress, type ProgressEvent } from '../../api';
import { saveBase64 } from '../../app/files';
import { useI18n } from '../../app/i18n';
import { ErrorBox } from '../../app/ui';
import { reportFileName, type Selection } from './period';

/**
 * Controls the report tabs share (a date field, the file export panel). Kept apart from
 * Report.tsx so the Tiltak and Utfall tabs can use them without an import cycle through
 * the metrics panel.
 */
export type FileFormat = 'csv' | 'xlsx' | 'pdf';
const FILE_FORMATS: FileFormat[] = ['csv', 'xlsx', 'pdf'];
const FORMAT_NAME: Record<FileFormat, string> = { csv: 'CSV', xlsx: 'XLSX', pdf: 'PDF' };

/** The contract's input for a selection (no service = all services). */
export const reportInput = (sel: Selection) => ({
  from: sel.from,
  to: sel.to,
  unit: sel.unit,
  ...(sel.service ? { service: sel.service } : {}),
});

export function DateField({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('common.dateHint')}
      </p>
      <input
        id={id}
        type="text"
        className="date"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('common.dateHint')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-err` : ''}`}
      />
      {error && (
        <p className="field-error" id={`${id}-err`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** CSV, XLSX and PDF of the selection, made by the handler; reading the cases shows as progress. */
export function ExportPanel({
  selection,
  make,
  lead,
}: {
  selection: Selection;
  /** Makes the file and its name (default: the waiting-time report of the selection). */
  make?: (
    format: FileFormat,
  ) => Promise<{ file: { mediaType: string; base64: string } | null; name: string }>;
  lead?: string;
}) {
  const { t, error } = useI18n();
  const [job, setJob] = useState<{ format: FileFormat; progress: ProgressEvent | null } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<unknown>(null);

  const run = async (format: FileFormat) => {
    if (job !== null) return;
    setJob({ format, progress: null });
    setDone(null);
    setFailed(null);
    const stop = onProgress((p) => {
      if (p.op === 'reports.waiting' || p.op === 'reports.measures' || p.op === 'reports.outcomes')
        setJob((j) => (j ? { ...j, progress: p } : j));
    });
    try {
      const { file, name } = make
        ? await make(format)
        : {
            file: (await api['reports.waiting']({ ...reportInput(selection), format })).file,
            name: reportFileName(selection, format),
          };
      if (!file) throw new BroError('INTERNAL', 'No file');
      saveBase64(name, file.mediaType, file.base64);
      setDone(t('report.export.done', { name }));
    } catch (e) {
      setFailed(e);
    } finally {
      stop();
      setJob(null);
    }
  };

  const p = job?.progress;
  const reading = p && p.total > 0 && p.done < p.total;
  const label = job
    ? reading
      ? t('report.export.reading', { format: FORMAT_NAME[job.format], done: p.done, total: p.total })
      : t('report.export.busy', { format: FORMAT_NAME[job.format] })
    : '';
  return (
    <section className="panel" aria-labelledby="wt-export">
      <h2 id="wt-export">{t('report.export.title')}</h2>
      <p className="muted">{lead ?? t('report.export.lead')}</p>
      <div className="actions wt-actions">
        {FILE_FORMATS.map((f) => (
          <button
            key={f}
            type="button"
            // aria-disabled, not disabled: a disabled button loses keyboard focus while the export runs.
            aria-disabled={job !== null || undefined}
            onClick={() => void run(f)}
          >
            {t(`report.export.${f}`)}
          </button>
        ))}
      </div>
      <div className="wt-status" role="status" aria-live="polite">
        {job && (
          <div className="progress">
            <span>{label}</span>
            {reading ? (
              <progress max={p.total} value={p.done} aria-label={label} />
            ) : (
              <progress aria-label={label} />
            )}
          </div>
        )}
        {done && <p className="saved">{done}</p>}
      </div>
      {failed !== null && (
        <ErrorBox>{failed instanceof BroError ? error(failed.code) : error('INTERNAL')}</ErrorBox>
      )}
    </section>
  );
}
