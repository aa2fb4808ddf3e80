import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { OpOutput } from '../../../shared/contract';
import { ABSENCE_POINTS, OUTCOME_KEYS } from '../../../shared/outcomes/records';
import type { OutcomeGroupBy } from '../../../shared/outcomes/report';
import { BroError } from '../../../shared/errors';
import { api } from '../../api';
import { safeFileName } from '../../app/files';
import { isoFromInput, nbDate, todayIso } from '../../app/format';
import { useI18n, type TextKey } from '../../app/i18n';
import { ErrorBox } from '../../app/ui';
import { DateField, ExportPanel } from './controls';
import { QUICK_PERIODS, quickPeriod, validIso, type QuickPeriod } from './period';

type OutcomesReport = OpOutput<'reports.outcomes'>['report'];
type Group = OutcomesReport['groups'][number];

interface OutcomesSelection {
  from: string;
  to: string;
  by: OutcomeGroupBy | '';
}

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The figures in sections, each a table with a row per figure and a column per group. */
const SECTIONS: [TextKey, string[]][] = [
  ['outcomes.section.outcomes', ['closed', ...OUTCOME_KEYS.map((k) => `outcomes.${k}`)]],
  [
    'outcomes.section.absence',
    ABSENCE_POINTS.flatMap((p) => [`absence.${p}.n`, `absence.${p}.median`, `absence.${p}.mean`]),
  ],
  ['outcomes.section.lag', ['lag.n', 'lag.median', 'lag.mean']],
];

function value(g: Group, path: string): number | null {
  let v: unknown = g;
  for (const p of path.split('.')) v = (v as Record<string, unknown>)[p];
  return v as number | null;
}

/**
 * A figure as the tab shows it: the number (decimal comma), `<5` (hidden: 1–4), `:` (hidden so a
 * `<5` cannot be worked out from a sum, or a median over a hidden count) or `–` (no figure).
 */
export function outcomeText(g: Group, path: string): string {
  const v = value(g, path);
  if (v !== null) return String(v).replace('.', ',');
  const count = path.replace(/\.(median|mean)$/, '.n');
  if (g.complementary?.includes(count)) return ':';
  if (g.suppressed?.includes(count)) return count === path ? '<5' : ':';
  return '–';
}

const input = (sel: OutcomesSelection) => ({
  from: sel.from,
  to: sel.to,
  ...(sel.by ? { by: sel.by } : {}),
});

/**
 * The «Utfall» tab (issue 15 item 6): referrals closed by outcome, the absence rate at referral,
 * first contact and closing, and the signal-to-referral lag, per school or service — the same
 * report as `bro report outcomes` (always suppressed), and the report as CSV, XLSX and PDF.
 */
export function OutcomesScreen({ focusTitle = true }: { focusTitle?: boolean }) {
  const { t, error, issue } = useI18n();
  const today = todayIso();
  const [applied, setApplied] = useState<OutcomesSelection>(() => ({
    ...quickPeriod('thisYear', today),
    by: '',
  }));
  const [fromText, setFromText] = useState(nbDate(applied.from));
  const [toText, setToText] = useState(nbDate(applied.to));
  const [fieldErrors, setFieldErrors] = useState<{ from?: string; to?: string }>({});
  const ids = useId();

  useEffect(() => {
    if (focusTitle) document.getElementById('outcomes-title')?.focus();
  }, [focusTitle]);

  const q = useQuery({
    queryKey: ['report.outcomes', applied],
    queryFn: () => api['reports.outcomes']({ ...input(applied), format: 'json' }),
    retry: false,
  });
  const serverIssues = q.error instanceof BroError ? q.error.issues : [];
  const issueAt = (f: 'from' | 'to') => {
    const i = serverIssues.find((x) => x.path[0] === f);
    return fieldErrors[f] ?? (i ? sentence(issue(i.code)) : undefined);
  };

  const apply = (patch: Partial<OutcomesSelection> = {}, dates?: { from: string; to: string }) => {
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
    <section className="wt" aria-labelledby="outcomes-title">
      <div className="page-head">
        <h1 id="outcomes-title" tabIndex={-1}>
          {t('outcomes.title')}
        </h1>
      </div>
      <p className="lead">{t('outcomes.lead')}</p>

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
          <label htmlFor={`${ids}-by`}>{t('outcomes.by')}</label>
          <select
            id={`${ids}-by`}
            value={applied.by}
            onChange={(e) => apply({ by: e.target.value as OutcomesSelection['by'] })}
          >
            <option value="">{t('outcomes.by.none')}</option>
            <option value="school">{t('outcomes.by.school')}</option>
            <option value="service">{t('outcomes.by.service')}</option>
          </select>
        </div>
        <button type="submit" className="primary">
          {t('outcomes.show')}
        </button>
      </form>

      <p className="count wt-result" role="status" aria-live="polite">
        {q.isFetching
          ? t('outcomes.loading')
          : report && all
            ? t('outcomes.shown', {
                from: nbDate(report.from),
                to: nbDate(report.to),
                closed: outcomeText(all, 'closed'),
                helt: outcomeText(all, 'outcomes.helt'),
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
          <OutcomeTables report={report} />
          <ExportPanel
            selection={{ from: applied.from, to: applied.to, service: '', unit: 'calendar' }}
            lead={t('outcomes.export.lead')}
            make={async (format) => ({
              file: (await api['reports.outcomes']({ ...input(applied), format })).file,
              name: safeFileName(
                ['utfall', ...(applied.by ? [applied.by] : []), applied.from, applied.to],
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
 * The outcome figures as tables, one per section: on the «Utfall» tab, and under a merge of
 * metrics bundles (renderer/features/reports/Metrics.tsx) when the bundles carry outcomes.
 */
export function OutcomeTables({
  report,
  idPrefix = 'outcomes',
  level = 'h2',
}: {
  report: OutcomesReport;
  idPrefix?: string;
  level?: 'h2' | 'h4';
}) {
  const { t } = useI18n();
  const columns = [...report.groups, ...(report.totals ? [report.totals] : [])];
  const groupName = (g: Group) => {
    if (g === report.totals) return t('outcomes.group.totals');
    if (g.key === 'all') return t('outcomes.group.all');
    return g.key;
  };
  const suppressed = columns.some((g) => (g.suppressed?.length ?? 0) > 0);
  const Heading = level;
  return (
    <>
      {SECTIONS.map(([title, paths], i) => (
        <section key={title} className="panel" aria-labelledby={`${idPrefix}-s${i}`}>
          <Heading id={`${idPrefix}-s${i}`}>{t(title)}</Heading>
          {/* Wide per school: the scrolling box takes keyboard focus, so arrows scroll it. */}
          <div className="wt-scroll" tabIndex={0} role="group" aria-labelledby={`${idPrefix}-s${i}`}>
            <table className="data wt-table">
              <caption className="sr-only">
                {`${t(title)}, ${t('outcomes.table.caption', { from: nbDate(report.from), to: nbDate(report.measuredTo) })}`}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('outcomes.col.figure')}</th>
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
                    <th scope="row">{t(`outcomes.row.${p}` as TextKey)}</th>
                    {columns.map((g) => (
                      <td className="num" key={g === report.totals ? '\u0000sum' : g.key}>
                        {outcomeText(g, p)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {i === 1 && <p className="muted">{t('outcomes.absenceNote')}</p>}
        </section>
      ))}
      {suppressed && <p className="muted">{t('outcomes.suppressedNote')}</p>}
    </>
  );
}
