import { useQuery } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import type { OpOutput } from '../../../shared/contract';
import { BroError } from '../../../shared/errors';
import { safeFileName } from '../../app/files';
import { nbDate } from '../../app/format';
import { useI18n, type TextKey } from '../../app/i18n';
import { ErrorBox } from '../../app/ui';
import { ExportPanel, type FileFormat } from './controls';
import { PeriodFields, usePeriodForm } from './period-form';

/** A column of a suppressed figure report: its key and which figures it hides. */
export interface FigureGroup {
  key: string;
  suppressed?: string[] | undefined;
  complementary?: string[] | undefined;
}

/** What the «Tiltak» and «Utfall» tabs and the merged-metrics panel need of a report. */
export interface FigureReport<G extends FigureGroup> {
  from: string;
  to: string;
  measuredTo: string;
  groups: G[];
  totals?: G | null | undefined;
}

/**
 * One figure report as the app shows it: its text keys' prefix (`measures.*`, `outcomes.*`), its
 * sections (a heading and the figures' paths into a group, a row each), how a figure reads in a
 * cell (`<5` and `:` where the report hides it), and the note under one section.
 */
export interface FigureSpec<G extends FigureGroup> {
  prefix: 'measures' | 'outcomes';
  sections: [TextKey, string[]][];
  cell: (g: G, path: string) => string;
  note: { section: number; key: TextKey };
}

/** The number at `a.b.c` in a group, or null where the report has none (or hides it). */
export function figureAt(g: FigureGroup, path: string): number | null {
  let v: unknown = g;
  for (const p of path.split('.')) v = (v as Record<string, unknown> | null | undefined)?.[p];
  return (v ?? null) as number | null;
}

/**
 * A figure report's tables, one section per kind of figure, a column per group (and «Sum»), small
 * counts marked as the report hides them. A tab shows a vault's report; the metrics panel shows
 * the report merged from signed bundles (`metrics.merge`).
 */
export function FigureTables<G extends FigureGroup>({
  report,
  spec,
  idPrefix = spec.prefix,
  level = 'h2',
}: {
  report: FigureReport<G>;
  spec: FigureSpec<G>;
  /** Prefix of the sections' heading ids (unique on the page). */
  idPrefix?: string;
  /** The sections' heading level under the surrounding heading. */
  level?: 'h2' | 'h3' | 'h4' | 'h5';
}) {
  const { t } = useI18n();
  const k = (rest: string) => `${spec.prefix}.${rest}` as TextKey;
  const Heading = level;
  const columns = [...report.groups, ...(report.totals ? [report.totals] : [])];
  const colKey = (g: G) => (g === report.totals ? '\u0000sum' : g.key);
  const groupName = (g: G) => {
    if (g === report.totals) return t(k('group.totals'));
    if (g.key === 'all') return t(k('group.all'));
    const m = /^(\d{4})-(\d{2})$/.exec(g.key);
    if (m) return `${t('report.months').split(',')[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
    return g.key;
  };
  const suppressed = columns.some((g) => (g.suppressed?.length ?? 0) > 0);
  return (
    <>
      {spec.sections.map(([title, paths], i) => (
        <section key={title} className="panel" aria-labelledby={`${idPrefix}-s${i}`}>
          <Heading id={`${idPrefix}-s${i}`}>{t(title)}</Heading>
          {/* Wide per school: the scrolling box takes keyboard focus, so arrows scroll it. */}
          <div className="wt-scroll" tabIndex={0} role="group" aria-labelledby={`${idPrefix}-s${i}`}>
            <table className="data wt-table">
              <caption className="sr-only">
                {`${t(title)}, ${t(k('table.caption'), { from: nbDate(report.from), to: nbDate(report.measuredTo) })}`}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t(k('col.figure'))}</th>
                  {columns.map((g) => (
                    <th scope="col" key={colKey(g)}>
                      {groupName(g)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {paths.map((p) => (
                  <tr key={p}>
                    <th scope="row">{t(k(`row.${p}`))}</th>
                    {columns.map((g) => (
                      <td className="num" key={colKey(g)}>
                        {spec.cell(g, p)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {i === spec.note.section && <p className="muted">{t(spec.note.key)}</p>}
        </section>
      ))}
      {suppressed && <p className="muted">{t(k('suppressedNote'))}</p>}
    </>
  );
}

type Op = 'reports.measures' | 'reports.outcomes';
type Selection<B extends string> = { from: string; to: string; by: B | '' };

/**
 * A report tab over a period (the «Tiltak» and «Utfall» tabs): the period form and a grouping,
 * a status line, the tables, and the report as CSV, XLSX and PDF — the same report as the
 * matching `bro report` command (always suppressed).
 */
export function FigureReportScreen<O extends Op, B extends string>({
  spec,
  groupings,
  run,
  fileStem,
  shown,
  focusTitle,
}: {
  spec: FigureSpec<OpOutput<O>['report']['groups'][number]>;
  /** The groupings besides «none», each with its text key `${prefix}.by.${b}`. */
  groupings: readonly B[];
  run: (input: { from: string; to: string; by?: B }, format: 'json' | FileFormat) => Promise<OpOutput<O>>;
  /** The first word of the exported file's name. */
  fileStem: string;
  /** The status line under the form, from the report's «all» column. */
  shown: (all: OpOutput<O>['report']['groups'][number], report: OpOutput<O>['report']) => ReactNode;
  focusTitle: boolean;
}) {
  const { t, error } = useI18n();
  const k = (rest: string) => `${spec.prefix}.${rest}` as TextKey;
  const titleId = `${spec.prefix}-title`;
  const form = usePeriodForm<Selection<B>>((p) => ({ ...p, by: '' }));
  const { applied, apply, ids } = form;
  const input = { from: applied.from, to: applied.to, ...(applied.by ? { by: applied.by } : {}) };

  useEffect(() => {
    if (focusTitle) document.getElementById(titleId)?.focus();
  }, [focusTitle, titleId]);

  const q = useQuery({
    queryKey: [spec.prefix === 'measures' ? 'report.measures' : 'report.outcomes', applied],
    queryFn: () => run(input, 'json'),
    retry: false,
  });
  const report = q.data?.report;
  const all = report?.totals ?? report?.groups[0];

  return (
    <section className="wt" aria-labelledby={titleId}>
      <div className="page-head">
        <h1 id={titleId} tabIndex={-1}>
          {t(k('title'))}
        </h1>
      </div>
      <p className="lead">{t(k('lead'))}</p>

      <form
        className="filters wt-filters"
        aria-label={t('report.filters')}
        onSubmit={form.onSubmit}
        noValidate
      >
        <PeriodFields form={form} error={q.error} />
        <div className="field">
          <label htmlFor={`${ids}-by`}>{t(k('by'))}</label>
          <select
            id={`${ids}-by`}
            value={applied.by}
            onChange={(e) => apply({ by: e.target.value as B | '' })}
          >
            <option value="">{t(k('by.none'))}</option>
            {groupings.map((b) => (
              <option key={b} value={b}>
                {t(k(`by.${b}`))}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary">
          {t(k('show'))}
        </button>
      </form>

      <p className="count wt-result" role="status" aria-live="polite">
        {q.isFetching ? t(k('loading')) : report && all ? shown(all, report) : ''}
      </p>
      {q.error && !form.atFields(q.error) ? (
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
          <FigureTables report={report} spec={spec} />
          <ExportPanel
            selection={{ from: applied.from, to: applied.to, service: '', unit: 'calendar' }}
            lead={t(k('export.lead'))}
            make={async (format) => ({
              file: (await run(input, format)).file,
              name: safeFileName(
                [fileStem, ...(applied.by ? [applied.by] : []), applied.from, applied.to],
                format,
              ),
            })}
          />
        </>
      )}
    </section>
  );
}
