import { absenceOverTime } from '../../../shared/absence/monthly';
import { ABSENCE_TYPES, type Absence } from '../../../shared/domain/absence';
import type { FieldSpec } from '../../app/forms';
import { nbDate } from '../../app/format';
import { optLabel, useI18n } from '../../app/i18n';
import { Collection } from '../cases/Collection';
import type { CaseData } from '../cases/useCase';

const FIELDS: FieldSpec[] = [
  { name: 'from', kind: 'date', required: true },
  { name: 'to', kind: 'date', required: true },
  { name: 'wholeDays', kind: 'number', required: true },
  { name: 'partialDays', kind: 'number', required: true },
  { name: 'type', kind: 'select', options: ABSENCE_TYPES, optKey: 'absenceType', required: true },
  { name: 'source', kind: 'text' },
];

/** Absence by period: a bar chart (whole and partial days) with the same figures as a table beside it. */
export function AbsencePanel({ caseId, data }: { caseId: string; data: CaseData }) {
  const { t } = useI18n();
  const items = data.doc.absence ?? [];
  const sorted = [...items].sort((a, b) => (a.from < b.from ? -1 : 1));
  return (
    <>
      {sorted.length > 0 && <AbsenceTrend data={data} />}
      {sorted.length > 0 && <AbsenceChart items={sorted} />}
      <Collection<Absence>
        caseId={caseId}
        entity="absence"
        title={t('case.tab.absence')}
        fields={FIELDS}
        items={items}
        keys={data.keys.absence ?? []}
        addLabel={t('abs.add')}
        emptyText={t('abs.none')}
        render={(a) => (
          <p>
            <strong>
              {nbDate(a.from)}–{nbDate(a.to)}
            </strong>
            : {a.wholeDays} {t('abs.whole').toLowerCase()}, {a.partialDays} {t('abs.partial').toLowerCase()} ·{' '}
            {optLabel(t, 'absenceType', a.type)}
            {a.source ? ` · ${a.source}` : ''}
          </p>
        )}
      />
    </>
  );
}

const W = 560;
const H = 200;
const PAD = 28;

function AbsenceChart({ items }: { items: Absence[] }) {
  const { t } = useI18n();
  const max = Math.max(1, ...items.map((a) => a.wholeDays + a.partialDays));
  const bw = Math.min(40, (W - PAD * 2) / items.length - 4);
  const y = (v: number) => ((H - PAD * 2) * v) / max;
  return (
    <section className="panel chart-panel" aria-labelledby="abs-chart">
      <h2 id="abs-chart">{t('abs.chart')}</h2>
      <div className="chart-row">
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="abs-chart" className="chart">
          <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} className="axis" />
          <text x={4} y={PAD} className="tick">
            {max}
          </text>
          {items.map((a, i) => {
            const x = PAD + 4 + i * ((W - PAD * 2) / items.length);
            const hw = y(a.wholeDays);
            const hp = y(a.partialDays);
            return (
              <g key={`${a.from}-${i}`}>
                <rect x={x} y={H - PAD - hw} width={bw} height={hw} className="bar whole" />
                <rect x={x} y={H - PAD - hw - hp} width={bw} height={hp} className="bar partial" />
                <text x={x} y={H - 8} className="tick">
                  {`${a.from.slice(5, 7)}.${a.from.slice(2, 4)}`}
                </text>
              </g>
            );
          })}
        </svg>
        <table className="data">
          <caption className="legend">
            <span className="swatch whole" aria-hidden="true" /> {t('abs.whole')}{' '}
            <span className="swatch partial" aria-hidden="true" /> {t('abs.partial')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('f.absence.from')}</th>
              <th scope="col">{t('abs.whole')}</th>
              <th scope="col">{t('abs.partial')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a, i) => (
              <tr key={`${a.from}-${i}`}>
                <td>
                  {nbDate(a.from)}–{nbDate(a.to)}
                </td>
                <td className="num">{a.wholeDays}</td>
                <td className="num">{a.partialDays}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const pct = (p: number | null) => (p === null ? '–' : p.toLocaleString('nb'));
const monthName = (m: string) => `${m.slice(5, 7)}.${m.slice(0, 4)}`;

/**
 * The monthly absence rate (shared/absence/monthly.ts, the same figures as `bro absence`): a bar
 * per month, the figures as a table beside it, and the rate at referral, first contact and each
 * evaluation.
 */
function AbsenceTrend({ data }: { data: CaseData }) {
  const { t } = useI18n();
  const { months, snapshots } = absenceOverTime(data.doc as Parameters<typeof absenceOverTime>[0]);
  if (months.length === 0) return null;
  const step = (W - PAD * 2) / months.length;
  const bw = Math.min(40, step - 4);
  const y = (v: number) => ((H - PAD * 2) * v) / 100;
  return (
    <section className="panel chart-panel" aria-labelledby="abs-trend">
      <h2 id="abs-trend">{t('abs.trend')}</h2>
      <p className="hint">{t('abs.trendLead')}</p>
      <div className="chart-row">
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-labelledby="abs-trend"
          aria-describedby="abs-trend-table"
          className="chart"
          data-testid="absence-trend"
        >
          <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} className="axis" />
          <text x={4} y={PAD} className="tick">
            100 %
          </text>
          {months.map((m, i) => {
            const x = PAD + 4 + i * step;
            const h = y(m.percent ?? 0);
            return (
              <g key={m.month}>
                <rect
                  x={x}
                  y={H - PAD - h}
                  width={bw}
                  height={h}
                  className="bar whole"
                  data-percent={m.percent}
                />
                <text x={x} y={H - 8} className="tick">
                  {`${m.month.slice(5, 7)}.${m.month.slice(2, 4)}`}
                </text>
              </g>
            );
          })}
        </svg>
        <table className="data" id="abs-trend-table">
          <caption className="legend">{t('abs.trend')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('abs.month')}</th>
              <th scope="col">{t('abs.schoolDays')}</th>
              <th scope="col">{t('abs.absentDays')}</th>
              <th scope="col">{t('abs.percent')}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{monthName(m.month)}</th>
                <td className="num">{m.schoolDays}</td>
                <td className="num">{m.absentDays.toLocaleString('nb')}</td>
                <td className="num">{pct(m.percent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {snapshots.length > 0 && (
        <>
          <h3>{t('abs.snapshots')}</h3>
          <ul className="abs-snapshots">
            {snapshots.map((s, i) => (
              <li key={`${s.kind}-${s.date}-${i}`}>
                {t(`abs.snap.${s.kind}`, { date: nbDate(s.date) })}:{' '}
                {s.percent === null ? t('abs.snapNone') : `${pct(s.percent)} % (${monthName(s.month!)})`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
