import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { absenceOverTime } from '../../../shared/absence/monthly';
import { ABSENCE_CSV_MAX_BYTES } from '../../../shared/contract/absence';
import { ABSENCE_TYPES, type Absence } from '../../../shared/domain/absence';
import { BroError } from '../../../shared/errors';
import { api } from '../../api';
import { fileToBase64 } from '../../app/files';
import type { FieldSpec } from '../../app/forms';
import { nbDate } from '../../app/format';
import { optLabel, useI18n } from '../../app/i18n';
import { ErrorBox, FileDrop } from '../../app/ui';
import { Collection } from '../cases/Collection';
import { refresh, type CaseData } from '../cases/useCase';
import { useRegisters } from '../registers/people';

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
      <AbsenceImport caseId={caseId} />
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
  // The school holidays the service has entered leave the school days (as in `bro absence`).
  const holidays = useRegisters().data?.schoolHolidays ?? [];
  const { months, snapshots } = absenceOverTime(data.doc as Parameters<typeof absenceOverTime>[0], {
    holidays,
  });
  if (months.length === 0) return null;
  const step = (W - PAD * 2) / months.length;
  const bw = Math.min(40, step - 4);
  const y = (v: number) => ((H - PAD * 2) * v) / 100;
  return (
    <section className="panel chart-panel" aria-labelledby="abs-trend">
      <h2 id="abs-trend">{t('abs.trend')}</h2>
      <p className="hint">{t('abs.trendLead')}</p>
      {holidays.length > 0 && <p className="hint">{t('abs.holidaysUsed', { n: String(holidays.length) })}</p>}
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
              <th scope="col">{t('abs.byType')}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{monthName(m.month)}</th>
                <td className="num">{m.schoolDays}</td>
                <td className="num">{m.absentDays.toLocaleString('nb')}</td>
                <td className="num">{pct(m.percent)}</td>
                <td className="abs-types">
                  {ABSENCE_TYPES.filter((k) => m.byType[k] > 0)
                    .map((k) => `${optLabel(t, 'absenceTypeShort', k)} ${m.byType[k].toLocaleString('nb')}`)
                    .join(', ') || '–'}
                </td>
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

/** Where a CSV fault is: «Linje 3, kolonnen «fra»: må være en dato». */
function faultText(
  t: ReturnType<typeof useI18n>['t'],
  issue: ReturnType<typeof useI18n>['issue'],
  i: BroError['issues'][number],
) {
  const [, line, column] = i.path;
  const where =
    typeof column === 'string' && column !== ''
      ? t('abs.import.lineColumn', { line: String(line), column })
      : t('abs.import.line', { line: String(line) });
  return `${where}: ${issue(i.code)}`;
}

/**
 * «Les inn fraværstall (CSV)»: the school's export, chosen or dropped, sent as bytes to
 * `absence.import` (the one parser, shared/absence/csv.ts). A bad row is named by its line number
 * and nothing is imported.
 */
function AbsenceImport({ caseId }: { caseId: string }) {
  const { t, error, issue } = useI18n();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [faults, setFaults] = useState<{ title: string; lines: string[] } | null>(null);

  const load = async (file: File) => {
    setMessage('');
    setFaults(null);
    if (file.size > ABSENCE_CSV_MAX_BYTES) {
      setFaults({ title: t('abs.import.failed', { file: file.name }), lines: [issue('CSV_FILE_TOO_LARGE')] });
      return;
    }
    setBusy(true);
    try {
      const r = await api['absence.import']({ caseId, csv: await fileToBase64(file) });
      await refresh(qc, caseId);
      setMessage(t('abs.import.done', { n: String(r.imported), file: file.name }));
    } catch (e) {
      const title = t('abs.import.failed', { file: file.name });
      if (e instanceof BroError && e.code === 'VALIDATION' && e.issues.some((i) => i.path[0] === 'line'))
        setFaults({
          title,
          lines: e.issues.filter((i) => i.path[0] === 'line').map((i) => faultText(t, issue, i)),
        });
      else if (e instanceof BroError && e.code === 'VALIDATION')
        setFaults({ title, lines: e.issues.map((i) => issue(i.code)) });
      else setFaults({ title, lines: [e instanceof BroError ? error(e.code) : error('INTERNAL')] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="abs-import">
      <h2 id="abs-import">{t('abs.import.title')}</h2>
      <FileDrop
        testId="absence-drop"
        choose={t('abs.import.choose')}
        accept=".csv,text/csv,text/plain"
        disabled={busy}
        describedBy="abs-import-lead"
        onFile={(file) => void load(file)}
      >
        <p className="hint" id="abs-import-lead">
          {t('abs.import.lead')}
        </p>
      </FileDrop>
      {busy && (
        <p role="status" className="busy">
          {t('abs.import.busy')}
        </p>
      )}
      {faults && (
        <ErrorBox>
          <p>
            <strong>{faults.title}</strong>
          </p>
          <ul>
            {faults.lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        </ErrorBox>
      )}
      <p role="status" className="saved">
        {message}
      </p>
    </section>
  );
}
