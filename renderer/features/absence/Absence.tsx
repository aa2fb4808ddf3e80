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
