import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { OpOutput } from '../../../shared/contract';
import { BARRIER_LEVELS } from '../../../shared/measures/records';
import { CANNOT_REASONS, type MeasureGroupBy } from '../../../shared/measures/report';
import { BroError } from '../../../shared/errors';
import { api } from '../../api';
import { safeFileName } from '../../app/files';
import { isoFromInput, nbDate, todayIso } from '../../app/format';
import { useI18n, type TextKey } from '../../app/i18n';
import { ErrorBox } from '../../app/ui';
import { DateField, ExportPanel } from './controls';
import { QUICK_PERIODS, quickPeriod, validIso, type QuickPeriod } from './period';

type MeasuresReport = OpOutput<'reports.measures'>['report'];
type Group = MeasuresReport['groups'][number];

interface MeasuresSelection {
  from: string;
  to: string;
  by: MeasureGroupBy | '';
}

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The figures in sections, each a table with a row per figure and a column per group. */
const SECTIONS: [TextKey, string[]][] = [
  ['measures.section.evaluation', ['total', 'evaluationsDue', 'evaluatedOnTime']],
  ['measures.section.answers', ['answers.done', 'answers.changed', 'answers.cannot', 'answers.none']],
  ['measures.section.reasons', CANNOT_REASONS.map((r) => `cannotReasons.${r}`)],
  ['measures.section.agreement', ['reportedByBoth', 'disagreements']],
  ['measures.section.barriers', BARRIER_LEVELS.map((l) => `barriers.${l}`)],
];

function value(g: Group, path: string): number | null {
  const [a, b] = path.split('.') as [string, string | undefined];
  const v = (g as unknown as Record<string, unknown>)[a];
  return (b === undefined ? v : (v as Record<string, unknown>)[b]) as number | null;
}

/** A count, or `<5` (hidden: 1–4) or `:` (hidden so a `<5` cannot be worked out from a sum). */
export function measureCell(g: Group, path: string): string {
  const v = value(g, path);
  if (v !== null) return String(v);
  if (g.complementary?.includes(path)) return ':';
  if (g.suppressed?.includes(path)) return '<5';
  return '–';
}

const input = (sel: MeasuresSelection) => ({
  from: sel.from,
  to: sel.to,
  ...(sel.by ? { by: sel.by } : {}),
});

/**
 * The «Tiltak» tab: the lead's figures for measures over a period, per school or month, the same
 * report as `bro report measures` (always suppressed), and the report as CSV, XLSX and PDF.
 */
export function MeasuresScreen({ focusTitle = true }: { focusTitle?: boolean }) {
  const { t, error, issue } = useI18n();
  const today = todayIso();
  const [applied, setApplied] = useState<MeasuresSelection>(() => ({
    ...quickPeriod('thisYear', today),
    by: '',
  }));
  const [fromText, setFromText] = useState(nbDate(applied.from));
  const [toText, setToText] = useState(nbDate(applied.to));
  const [fieldErrors, setFieldErrors] = useState<{ from?: string; to?: string }>({});
  const ids = useId();

  useEffect(() => {
    if (focusTitle) document.getElementById('measures-title')?.focus();
  }, [focusTitle]);

  const q = useQuery({
    queryKey: ['report.measures', applied],
    queryFn: () => api['reports.measures']({ ...input(applied), format: 'json' }),
    retry: false,
  });
  const serverIssues = q.error instanceof BroError ? q.error.issues : [];
  const issueAt = (f: 'from' | 'to') => {
    const i = serverIssues.find((x) => x.path[0] === f);
    return fieldErrors[f] ?? (i ? sentence(issue(i.code)) : undefined);
  };

  const apply = (patch: Partial<MeasuresSelection> = {}, dates?: { from: string; to: string }) => {
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

  const report = q.data?.report;
  const all = report?.totals ?? report?.groups[0];

  return (
    <section className="wt" aria-labelledby="measures-title">
      <div className="page-head">
        <h1 id="measures-title" tabIndex={-1}>
          {t('measures.title')}
        </h1>
      </div>
      <p className="lead">{t('measures.lead')}</p>

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
          <label htmlFor={`${ids}-by`}>{t('measures.by')}</label>
          <select
            id={`${ids}-by`}
            value={applied.by}
            onChange={(e) => apply({ by: e.target.value as MeasuresSelection['by'] })}
          >
            <option value="">{t('measures.by.none')}</option>
            <option value="school">{t('measures.by.school')}</option>
            <option value="month">{t('measures.by.month')}</option>
          </select>
        </div>
        <button type="submit" className="primary">
          {t('measures.show')}
        </button>
      </form>

      <p className="count wt-result" role="status" aria-live="polite">
        {q.isFetching
          ? t('measures.loading')
          : report && all
            ? t('measures.shown', {
                from: nbDate(report.from),
                to: nbDate(report.to),
                total: measureCell(all, 'total'),
                due: measureCell(all, 'evaluationsDue'),
                onTime: measureCell(all, 'evaluatedOnTime'),
              })
            : ''}
      </p>
      {q.error && !serverIssues.some((i) => i.path[0] === 'from' || i.path[0] === 'to') ? (
        <ErrorBox>{q.error instanceof BroError ? error(q.error.code) : error('INTERNAL')}</ErrorBox>
      ) : null}
      {report && !q.isFetching && (
        <>
          {report.measuredTo < report.to && (
            <p className="muted">{t('report.measuredTo', { date: nbDate(report.measuredTo) })}</p>
          )}
          {(q.data?.skipped.length ?? 0) > 0 && (
            <p className="warn">{t('report.skipped', { n: q.data!.skipped.length })}</p>
          )}
          <MeasureTables report={report} />
          <ExportPanel
            selection={{ from: applied.from, to: applied.to, service: '', unit: 'calendar' }}
            lead={t('measures.export.lead')}
            make={async (format) => ({
              file: (await api['reports.measures']({ ...input(applied), format })).file,
              name: safeFileName(
                ['tiltak', ...(applied.by ? [applied.by] : []), applied.from, applied.to],
                format,
              ),
            })}
          />
        </>
      )}
    </section>
  );
}

/**
 * The measures report's tables, one section per kind of figure, a column per group (and «Sum»),
 * small counts marked as the report hides them. The «Tiltak» tab shows a vault's report; the
 * metrics panel shows the report merged from signed bundles (`metrics.merge` `measures`).
 */
export function MeasureTables({
  report,
  idPrefix = 'measures',
  level = 'h2',
}: {
  report: MeasuresReport;
  /** Prefix of the sections' heading ids (unique on the page). */
  idPrefix?: string;
  /** The sections' heading level under the surrounding heading. */
  level?: 'h2' | 'h3' | 'h4' | 'h5';
}) {
  const { t } = useI18n();
  const Heading = level;
  const columns = [...report.groups, ...(report.totals ? [report.totals] : [])];
  const groupName = (g: Group) => {
    if (g === report.totals) return t('measures.group.totals');
    if (g.key === 'all') return t('measures.group.all');
    const m = /^(\d{4})-(\d{2})$/.exec(g.key);
    if (m) return `${t('report.months').split(',')[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
    return g.key;
  };
  const suppressed = columns.some((g) => (g.suppressed?.length ?? 0) > 0);
  return (
    <>
      {SECTIONS.map(([title, paths], i) => (
        <section key={title} className="panel" aria-labelledby={`${idPrefix}-s${i}`}>
          <Heading id={`${idPrefix}-s${i}`}>{t(title)}</Heading>
          {/* Wide per school: the scrolling box takes keyboard focus, so arrows scroll it. */}
          <div className="wt-scroll" tabIndex={0} role="group" aria-labelledby={`${idPrefix}-s${i}`}>
            <table className="data wt-table">
              <caption className="sr-only">
                {`${t(title)}, ${t('measures.table.caption', { from: nbDate(report.from), to: nbDate(report.measuredTo) })}`}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('measures.col.figure')}</th>
                  {columns.map((g) => (
                    <th scope="col" key={g === report.totals ? '\u0000sum' : g.key}>
                      {groupName(g)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {paths.map((p) => (
                  <tr key={p}>
                    <th scope="row">{t(`measures.row.${p}` as TextKey)}</th>
                    {columns.map((g) => (
                      <td className="num" key={g === report.totals ? '\u0000sum' : g.key}>
                        {measureCell(g, p)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {i === 0 && <p className="muted">{t('measures.onTime')}</p>}
        </section>
      ))}
      {suppressed && <p className="muted">{t('measures.suppressedNote')}</p>}
    </>
  );
}
