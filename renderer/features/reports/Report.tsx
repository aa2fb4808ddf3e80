import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { OpOutput } from '../../../shared/contract';
import { SERVICES, type Service } from '../../../shared/domain/common';
import { BroError } from '../../../shared/errors';
import type { Unit } from '../../../shared/waiting/report';
import { api, onProgress, type ProgressEvent } from '../../api';
import { saveBase64 } from '../../app/files';
import { isoFromInput, nbDate, todayIso } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { ErrorBox } from '../../app/ui';
import { ReportFigures } from './Figures';
import { MetricsPanel } from './Metrics';
import { CaseloadPanel } from '../registers/Caseload';
import {
  QUICK_PERIODS,
  chartGrouping,
  quickPeriod,
  reportFileName,
  validIso,
  type QuickPeriod,
  type Selection,
} from './period';

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

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The service lead's waiting-time dashboard: a period, a service and a unit; the report's key
 * figures with their targets, a chart per measure with its table, caseworker changes and the open
 * referrals; the report as CSV, XLSX and PDF; and signed metrics bundles to export and merge.
 */
export function ReportScreen({ focusTitle = true }: { focusTitle?: boolean }) {
  const { t, error, issue } = useI18n();
  const today = todayIso();
  const [applied, setApplied] = useState<Selection>(() => ({
    ...quickPeriod('thisYear', today),
    service: '',
    unit: 'calendar',
  }));
  const [fromText, setFromText] = useState(nbDate(applied.from));
  const [toText, setToText] = useState(nbDate(applied.to));
  const [fieldErrors, setFieldErrors] = useState<{ from?: string; to?: string }>({});
  const ids = useId();

  useEffect(() => {
    if (focusTitle) document.getElementById('report-title')?.focus();
  }, [focusTitle]);

  const settings = useQuery({ queryKey: ['settings'], queryFn: () => api['settings.get']({}) });
  const totals = useQuery({
    queryKey: ['report.waiting', applied],
    queryFn: () => api['reports.waiting']({ ...reportInput(applied), format: 'json' }),
    retry: false,
  });
  const by = chartGrouping(applied.from, applied.to);
  const monthly = useQuery({
    queryKey: ['report.waiting', applied, by],
    queryFn: () => api['reports.waiting']({ ...reportInput(applied), by, format: 'json' }),
    retry: false,
    enabled: totals.isSuccess,
  });

  // Period errors the handler finds (a start after today, an end before the start) go to their field.
  const serverIssues = totals.error instanceof BroError ? totals.error.issues : [];
  const issueAt = (f: 'from' | 'to') => {
    const i = serverIssues.find((x) => x.path[0] === f);
    return fieldErrors[f] ?? (i ? sentence(issue(i.code)) : undefined);
  };

  /** Reads the form; a date that is not dd.mm.åååå stays in its field with a message. */
  const apply = (patch: Partial<Selection> = {}, dates?: { from: string; to: string }) => {
    const from = dates?.from ?? isoFromInput(fromText);
    const to = dates?.to ?? isoFromInput(toText);
    const errs: { from?: string; to?: string } = {};
    if (!validIso(from)) errs.from = sentence(issue('DATE_FORMAT'));
    if (!validIso(to)) errs.to = sentence(issue('DATE_FORMAT'));
    if (!errs.from && !errs.to && to < from) errs.to = sentence(issue('PERIOD_ORDER'));
    setFieldErrors(errs);
    if (errs.from || errs.to) {
      document.getElementById(errs.from ? `${ids}-from` : `${ids}-to`)?.focus();
      return;
    }
    setApplied((a) => ({ ...a, ...patch, from, to }));
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    apply();
  };
  const choose = (kind: QuickPeriod) => {
    const p = quickPeriod(kind, today);
    setFromText(nbDate(p.from));
    setToText(nbDate(p.to));
    apply({}, p);
  };
  const currentQuick = QUICK_PERIODS.find((k) => {
    const p = quickPeriod(k, today);
    return p.from === applied.from && p.to === applied.to;
  });

  const report = totals.data?.report;
  const unitText = t(applied.unit === 'working' ? 'report.unit.working' : 'report.unit.calendar');
  const serviceText = applied.service || t('report.allServicesInline');
  const failed = totals.error ?? monthly.error;
  const errorText = (e: unknown) => (e instanceof BroError ? error(e.code) : error('INTERNAL'));

  return (
    <section className="wt" aria-labelledby="report-title">
      <div className="page-head">
        <h1 id="report-title" tabIndex={-1}>
          {t('report.title')}
        </h1>
      </div>
      <p className="lead">{t('report.lead')}</p>

      <form className="filters wt-filters" aria-label={t('report.filters')} onSubmit={onSubmit} noValidate>
        <div className="wt-quick" role="group" aria-label={t('report.quick')}>
          {QUICK_PERIODS.map((k) => (
            <button key={k} type="button" aria-pressed={currentQuick === k} onClick={() => choose(k)}>
              {t(`report.quick.${k}`)}
            </button>
          ))}
        </div>
        <DateField
          id={`${ids}-from`}
          label={t('report.from')}
          value={fromText}
          onChange={setFromText}
          error={issueAt('from')}
        />
        <DateField
          id={`${ids}-to`}
          label={t('report.to')}
          value={toText}
          onChange={setToText}
          error={issueAt('to')}
        />
        <div className="field">
          <label htmlFor={`${ids}-service`}>{t('report.service')}</label>
          <select
            id={`${ids}-service`}
            value={applied.service}
            onChange={(e) => apply({ service: e.target.value as Service | '' })}
          >
            <option value="">{t('report.allServices')}</option>
            {SERVICES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="wt-unit">
          <legend>{t('report.unit')}</legend>
          {(['calendar', 'working'] as Unit[]).map((u) => (
            <label key={u}>
              <input
                type="radio"
                name={`${ids}-unit`}
                value={u}
                checked={applied.unit === u}
                onChange={() => apply({ unit: u })}
              />{' '}
              {t(`report.unit.${u}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary">
          {t('report.show')}
        </button>
      </form>

      <p className="count wt-result" role="status" aria-live="polite">
        {totals.isFetching
          ? t('report.loading')
          : report
            ? t('report.shown', {
                from: nbDate(report.from),
                to: nbDate(report.to),
                service: serviceText,
                unit: unitText,
                done: report.groups[0]?.ventetid.completed.n ?? 0,
                waiting: report.groups[0]?.ventetid.waiting.n ?? 0,
                open: report.openReferrals.length,
              })
            : ''}
      </p>
      {failed && !serverIssues.some((i) => i.path[0] === 'from' || i.path[0] === 'to') && (
        <ErrorBox>{errorText(failed)}</ErrorBox>
      )}
      {report && !totals.isFetching && (
        <>
          {report.measuredTo < report.to && (
            <p className="muted">{t('report.measuredTo', { date: nbDate(report.measuredTo) })}</p>
          )}
          {(totals.data?.skipped.length ?? 0) > 0 && (
            <p className="warn">{t('report.skipped', { n: totals.data!.skipped.length })}</p>
          )}
          <Targets service={applied.service} targets={settings.data?.targets} />
          <ReportFigures report={report} monthly={monthly.data?.report} idPrefix="wt" />
          <ExportPanel selection={applied} />
        </>
      )}
      <CaseloadPanel />
      <MetricsPanel selection={applied} />
    </section>
  );
}

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

type Targets = OpOutput<'settings.get'>['targets'];

/** The targets the shares are measured against, from the settings screen. */
function Targets({ service, targets }: { service: Service | ''; targets: Targets | undefined }) {
  const { t } = useI18n();
  if (!targets) return null;
  const lines: string[] = [];
  if (!service || service === 'PPT') lines.push(t('report.target.PPT', { n: targets.pptConcludedMonths }));
  if (!service || service === 'BUP') lines.push(t('report.target.BUP', { n: targets.bupDecidedWorkingDays }));
  if (!service || service === 'Skoleteam')
    lines.push(t('report.target.Skoleteam', { n: targets.skoleteamFirstContactWorkingDays }));
  if (lines.length === 0) lines.push(t('report.target.none', { service }));
  return (
    <div className="wt-targets">
      <p className="kicker">{t('report.targets')}</p>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
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
      if (p.op === 'reports.waiting' || p.op === 'reports.measures')
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
