import type { OpOutput } from '../../../shared/contract';
import type { Stats } from '../../../shared/waiting/stats';
import { nbDate } from '../../app/format';
import { useI18n, type TextKey } from '../../app/i18n';
import { href } from '../../app/router';
import { Empty } from '../../app/ui';
import { figure, percent } from './period';

export type Report = OpOutput<'reports.waiting'>['report'];
type Group = Report['groups'][number];
type Measure = 'ventetid' | 'saksbehandlingstid';
type Heading = 'h2' | 'h3' | 'h4';

/** At most this many open referrals on screen; the files have all of them. */
const OPEN_SHOWN = 300;

const SUPPRESSED_COUNT = '<5';
const SUPPRESSED_FIGURE = ':';

/** A statistic's cell: `<5` for a suppressed count, `:` for a figure computed from one. */
function statCell(s: Stats, key: keyof Stats): string {
  if (s.suppressed) return key === 'n' ? SUPPRESSED_COUNT : SUPPRESSED_FIGURE;
  const v = s[key];
  if (typeof v !== 'number') return '–';
  if (key === 'withinTarget') return percent(v);
  return figure(v, key === 'n' || key === 'p90' || key === 'max' ? 0 : 1);
}

/** A caseworker figure: null in a group that marks it suppressed is `<5` (a count) or `:`. */
function cwCell(g: Group, key: keyof Group['caseworkerChanges'], count: boolean, decimals = 0): string {
  const v = g.caseworkerChanges[key];
  if (v !== null) return figure(v, decimals);
  const marked = g.suppressed?.some((p) => p === 'caseworkerChanges' || p === 'caseworkerChanges.changes');
  return marked ? (count ? SUPPRESSED_COUNT : SUPPRESSED_FIGURE) : '–';
}

function useUnit(report: Report) {
  const { t } = useI18n();
  return t(report.unit === 'working' ? 'report.unit.working' : 'report.unit.calendar');
}

/** The whole report: key figures, a chart per measure, caseworker changes and open referrals. */
export function ReportFigures({
  report,
  monthly,
  idPrefix,
  level = 'h2',
  showOpen = true,
}: {
  report: Report;
  monthly?: Report | undefined;
  idPrefix: string;
  level?: Heading;
  showOpen?: boolean;
}) {
  const { t } = useI18n();
  const all = report.groups[0];
  if (!all) return null;
  const suppressed = report.groups.some((g) => (g.suppressed?.length ?? 0) > 0);
  return (
    <>
      <SummaryPanel report={report} group={all} idPrefix={idPrefix} level={level} />
      {monthly && (
        <>
          <MeasureChart report={monthly} measure="ventetid" idPrefix={idPrefix} level={level} />
          <MeasureChart report={monthly} measure="saksbehandlingstid" idPrefix={idPrefix} level={level} />
        </>
      )}
      <CaseworkerPanel report={report} group={all} idPrefix={idPrefix} level={level} />
      {report.accessRequests && <AccessRequestsPanel report={report} idPrefix={idPrefix} level={level} />}
      {showOpen && <OpenReferrals report={report} idPrefix={idPrefix} level={level} />}
      {suppressed && <p className="muted">{t('report.suppressedNote')}</p>}
    </>
  );
}

/** The lead's innsyn figure (issue 14 item 10): counts only, suppressed like the rest when asked. */
function AccessRequestsPanel({
  report,
  idPrefix,
  level: H,
}: {
  report: Report;
  idPrefix: string;
  level: Heading;
}) {
  const { t } = useI18n();
  const a = report.accessRequests;
  if (!a) return null;
  const id = `${idPrefix}-innsyn`;
  const n = (v: number | null) => (v === null ? t('report.innsyn.suppressed') : String(v));
  const card = (label: TextKey, v: number | null, sub?: string) => (
    <div className="wt-card">
      <dt>{t(label)}</dt>
      <dd>
        <span className="wt-big">{n(v)}</span>
        {sub ? <span className="sub">{sub}</span> : null}
      </dd>
    </div>
  );
  return (
    <section className="panel" aria-labelledby={id}>
      <H id={id}>{t('report.innsyn.title')}</H>
      <dl className="wt-cards">
        {card('report.innsyn.received', a.received)}
        {card(
          'report.innsyn.answeredWithinMonth',
          a.answeredWithinMonth,
          t('report.innsyn.answered', { n: n(a.answered) }),
        )}
        {card('report.innsyn.open', a.open, t('report.innsyn.overdue', { n: n(a.openOverdue) }))}
      </dl>
    </section>
  );
}

function SummaryPanel({
  report,
  group,
  idPrefix,
  level: H,
}: {
  report: Report;
  group: Group;
  idPrefix: string;
  level: Heading;
}) {
  const { t } = useI18n();
  const unit = useUnit(report);
  const id = `${idPrefix}-summary`;
  const v = group.ventetid;
  const s = group.saksbehandlingstid;
  const card = (label: TextKey, stats: Stats, withTarget: boolean) => (
    <div className="wt-card">
      <dt>{t(label)}</dt>
      <dd>
        <span className="wt-big">{statCell(stats, 'n')}</span>
        {!stats.suppressed && stats.n ? (
          <span className="sub">{t('report.card.median', { v: statCell(stats, 'median'), unit })}</span>
        ) : null}
        {withTarget && !stats.suppressed && stats.n ? (
          <span className="sub">
            {stats.withinTarget === null
              ? t('report.card.noTarget')
              : t('report.card.within', { v: statCell(stats, 'withinTarget') })}
          </span>
        ) : null}
      </dd>
    </div>
  );
  const rows: [TextKey, Stats][] = [
    ['report.row.ventetid.completed', v.completed],
    ['report.row.ventetid.waiting', v.waiting],
    ['report.row.saksbehandlingstid.completed', s.completed],
    ['report.row.saksbehandlingstid.waiting', s.waiting],
    ['report.row.signal', group.signalToReferral],
  ];
  return (
    <section className="panel" aria-labelledby={id}>
      <H id={id}>{t('report.summary')}</H>
      <dl className="wt-cards">
        {card('report.card.completed', v.completed, true)}
        {card('report.card.waiting', v.waiting, true)}
        {card('report.card.concluded', s.completed, true)}
        {showOpenCard(report) && (
          <div className="wt-card">
            <dt>{t('report.card.open')}</dt>
            <dd>
              <span className="wt-big">{report.openReferrals.length}</span>
            </dd>
          </div>
        )}
      </dl>
      <div className="wt-scroll">
        <table className="data wt-table" id={`${idPrefix}-figures`}>
          <caption>{t('report.table.caption', { unit })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.col.measure')}</th>
              <th scope="col">{t('report.col.n')}</th>
              <th scope="col">{t('report.col.median')}</th>
              <th scope="col">{t('report.col.mean')}</th>
              <th scope="col">{t('report.col.p90')}</th>
              <th scope="col">{t('report.col.max')}</th>
              <th scope="col">{t('report.col.within')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, st]) => (
              <tr key={label}>
                <th scope="row">{t(label)}</th>
                <td className="num">{statCell(st, 'n')}</td>
                <td className="num">{statCell(st, 'median')}</td>
                <td className="num">{statCell(st, 'mean')}</td>
                <td className="num">{statCell(st, 'p90')}</td>
                <td className="num">{statCell(st, 'max')}</td>
                <td className="num">{statCell(st, 'withinTarget')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A suppressed report has no open referrals to count (they never leave the vault). */
const showOpenCard = (report: Report) => !report.suppression;

const W = 600;
const H = 240;
const LEFT = 40;
const BOTTOM = 34;
const TOP = 12;

function groupLabel(key: string, months: string[], quarter: (q: string, y: string) => string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return `${months[Number(m[2]) - 1] ?? m[2]} ${m[1]!.slice(2)}`;
  const q = /^(\d{4})-Q(\d)$/.exec(key);
  if (q) return quarter(q[2]!, q[1]!);
  return key;
}

/** Median per month (or quarter) for one measure: completed and still waiting side by side, with the figures as a table. */
function MeasureChart({
  report,
  measure,
  idPrefix,
  level: Hd,
}: {
  report: Report;
  measure: Measure;
  idPrefix: string;
  level: Heading;
}) {
  const { t } = useI18n();
  const unit = useUnit(report);
  const id = `${idPrefix}-${measure}`;
  const name = t(`report.measure.${measure}`);
  const period = t(report.by === 'quarter' ? 'report.chart.quarter' : 'report.chart.month');
  const months = t('report.months').split(',');
  const label = (key: string) => groupLabel(key, months, (q, y) => t('report.quarterLabel', { q, y }));
  const groups = report.groups;
  const values = groups.flatMap((g) => [g[measure].completed.median ?? 0, g[measure].waiting.median ?? 0]);
  const max = Math.max(1, ...values);
  // A round top for the axis: 1, 2 or 5 times a power of ten.
  const pow = 10 ** Math.floor(Math.log10(max));
  const top = [1, 2, 5, 10].map((k) => k * pow).find((k) => k >= max) ?? max;
  const plotW = W - LEFT - 8;
  const plotH = H - TOP - BOTTOM;
  const slot = plotW / Math.max(1, groups.length);
  const bw = Math.max(2, Math.min(22, slot / 2 - 3));
  const y = (v: number) => (plotH * v) / top;
  const every = Math.ceil(groups.length / 12);
  const titleId = `${id}-chart-title`;
  const descId = `${id}-chart-desc`;
  return (
    <section className="panel" aria-labelledby={id}>
      <Hd id={id}>{name}</Hd>
      <p className="muted">{t(`report.measure.${measure}Help`)}</p>
      <div className="chart-row wt-chart-row">
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descId}
          className="chart wt-chart"
        >
          <title id={titleId}>{t('report.chart.title', { measure: name, period, unit })}</title>
          <desc id={descId}>{t('report.chart.desc')}</desc>
          {[0, 0.5, 1].map((f) => (
            <g key={f}>
              <line
                x1={LEFT}
                x2={W - 8}
                y1={TOP + plotH - y(top * f)}
                y2={TOP + plotH - y(top * f)}
                className={f === 0 ? 'axis' : 'wt-grid'}
              />
              <text x={LEFT - 6} y={TOP + plotH - y(top * f) + 4} className="tick" textAnchor="end">
                {figure(top * f, 1)}
              </text>
            </g>
          ))}
          {groups.map((g, i) => {
            const x = LEFT + i * slot + (slot - 2 * bw - 2) / 2;
            const c = g[measure].completed.median;
            const w = g[measure].waiting.median;
            return (
              <g key={g.key}>
                {c !== null && (
                  <rect x={x} y={TOP + plotH - y(c)} width={bw} height={y(c)} className="bar wt-completed" />
                )}
                {w !== null && (
                  <rect
                    x={x + bw + 2}
                    y={TOP + plotH - y(w)}
                    width={bw}
                    height={y(w)}
                    className="bar wt-waiting"
                  />
                )}
                {i % every === 0 && (
                  <text x={LEFT + i * slot + slot / 2} y={H - 12} className="tick" textAnchor="middle">
                    {label(g.key)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
        <div className="wt-scroll">
          <table className="data wt-table">
            <caption className="legend">
              {t('report.chart.caption', { measure: name, period })}
              <span className="wt-legend">
                <span className="swatch wt-completed" aria-hidden="true" /> {t('report.chart.completed')}{' '}
                <span className="swatch wt-waiting" aria-hidden="true" /> {t('report.chart.waiting')}
              </span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('report.col.period')}</th>
                <th scope="col">{t('report.col.completedN')}</th>
                <th scope="col">{t('report.col.completedMedian')}</th>
                <th scope="col">{t('report.col.waitingN')}</th>
                <th scope="col">{t('report.col.waitingMedian')}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.key}>
                  <th scope="row">{label(g.key)}</th>
                  <td className="num">{statCell(g[measure].completed, 'n')}</td>
                  <td className="num">{statCell(g[measure].completed, 'median')}</td>
                  <td className="num">{statCell(g[measure].waiting, 'n')}</td>
                  <td className="num">{statCell(g[measure].waiting, 'median')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

function CaseworkerPanel({
  report,
  group,
  idPrefix,
  level: H,
}: {
  report: Report;
  group: Group;
  idPrefix: string;
  level: Heading;
}) {
  const { t } = useI18n();
  const unit = useUnit(report);
  const id = `${idPrefix}-cw`;
  const fristbrudd =
    group.fristbrudd !== null
      ? figure(group.fristbrudd, 0)
      : group.suppressed?.includes('fristbrudd')
        ? SUPPRESSED_COUNT
        : '–';
  const rows: [string, string][] = [
    [t('report.cw.referrals'), cwCell(group, 'referrals', true)],
    [t('report.cw.changes'), cwCell(group, 'changes', true)],
    [t('report.cw.perReferral'), cwCell(group, 'perReferral', false, 2)],
    [t('report.cw.days', { unit }), cwCell(group, 'daysWithoutCaseworker', false)],
    [t('report.cw.daysPerReferral'), cwCell(group, 'daysWithoutCaseworkerPerReferral', false, 2)],
    [t('report.cw.fristbrudd'), fristbrudd],
  ];
  return (
    <section className="panel" aria-labelledby={id}>
      <H id={id}>{t('report.cw.title')}</H>
      <p className="muted">{t('report.cw.lead')}</p>
      <table className="data wt-table">
        <caption className="sr-only">{t('report.cw.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.cw.figure')}</th>
            <th scope="col">{t('report.cw.value')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="num">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function OpenReferrals({ report, idPrefix, level: H }: { report: Report; idPrefix: string; level: Heading }) {
  const { t } = useI18n();
  const unit = useUnit(report);
  const id = `${idPrefix}-open`;
  // The report sorts them already; sorting here keeps the promise if that ever changes.
  const open = [...report.openReferrals].sort((a, b) => b.days - a.days);
  const shown = open.slice(0, OPEN_SHOWN);
  return (
    <section className="panel" aria-labelledby={id}>
      <H id={id}>
        {t('report.open.title')} <span className="count-badge">{open.length}</span>
      </H>
      <p className="muted">{t('report.open.lead')}</p>
      {open.length === 0 ? (
        <Empty>{t('report.open.none')}</Empty>
      ) : (
        <div className="wt-scroll">
          <table className="data wt-table wt-open">
            <caption className="sr-only">{t('report.open.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.open.case')}</th>
                <th scope="col">{t('report.open.referral')}</th>
                <th scope="col">{t('report.open.service')}</th>
                <th scope="col">{t('report.open.received')}</th>
                <th scope="col">{t('report.open.days', { unit })}</th>
                <th scope="col">{t('report.open.frist')}</th>
                <th scope="col">{t('report.open.target')}</th>
                <th scope="col">{t('report.open.status')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((o) => (
                <tr key={`${o.caseId}/${o.referral}`}>
                  <th scope="row">
                    <a
                      href={href({ name: 'case', caseId: o.caseId, tab: 'referrals' })}
                      aria-label={t('report.open.linkLabel', { case: o.case, referral: o.referral })}
                    >
                      {o.case}
                    </a>
                  </th>
                  <td>{o.referral}</td>
                  <td>{o.service}</td>
                  <td>{nbDate(o.received)}</td>
                  <td className="num">{figure(o.days, 0)}</td>
                  <td>{nbDate(o.frist)}</td>
                  <td>{nbDate(o.targetDate)}</td>
                  <td>
                    {o.pastTarget === true ? (
                      <span className="badge bad">{t('report.open.past')}</span>
                    ) : o.pastTarget === false ? (
                      <span className="badge ok">{t('report.open.within')}</span>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open.length > shown.length && (
        <p className="muted">{t('report.open.more', { n: shown.length, total: open.length })}</p>
      )}
    </section>
  );
}
