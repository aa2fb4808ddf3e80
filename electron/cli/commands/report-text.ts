// The reports as text for a terminal (`bro report`, `bro metrics merge`). A module of its own so
// that the report tables it uses are loaded only when a report is printed, not at every `bro` start.
import type { MeasuresReport } from '../../../shared/measures/report';
import { measureColumns, measureRows } from '../../../shared/measures/table';
import type { OutcomesReport } from '../../../shared/outcomes/report';
import { outcomeColumns, outcomeRows } from '../../../shared/outcomes/table';
import type { WaitingReport } from '../../../shared/waiting/report';
import type { Stats } from '../../../shared/waiting/stats';
import { nbNumber, UNIT_TEXT } from '../../../shared/waiting/table';
import { nbDate, pad } from '../cli';

const num = (v: number | null, decimals = 1) =>
  v === null ? '–' : nbNumber(Math.round(v * 10 ** decimals) / 10 ** decimals);

function statsLine(s: Stats): string {
  if (s.suppressed) return 'n <5 (prikket)';
  if (!s.n) return 'n 0';
  return `n ${s.n}, median ${num(s.median)}, snitt ${num(s.mean)}, p90 ${num(s.p90)}, maks ${num(s.max)}${
    s.withinTarget === null ? '' : `, innen mål ${num(s.withinTarget * 100)} %`
  }`;
}

/** The report as text for a terminal: one block per group, then the longest open waits. */
export function reportText(r: WaitingReport): string {
  const lines = [
    `Ventetider ${nbDate(r.from)}–${nbDate(r.to)}${r.measuredTo < r.to ? ` (målt til ${nbDate(r.measuredTo)})` : ''}, ${
      r.service ?? 'alle tjenester'
    }, i ${UNIT_TEXT[r.unit]}${r.suppression ? `; antall under ${r.suppression.below} er prikket` : ''}.`,
  ];
  for (const g of r.groups) {
    const cw = g.caseworkerChanges;
    lines.push(
      '',
      g.key === 'all' ? 'Alle' : g.key,
      `  Ventetid, avsluttet:           ${statsLine(g.ventetid.completed)}`,
      `  Ventetid, venter:              ${statsLine(g.ventetid.waiting)}`,
      `  Saksbehandlingstid, avsluttet: ${statsLine(g.saksbehandlingstid.completed)}`,
      `  Saksbehandlingstid, venter:    ${statsLine(g.saksbehandlingstid.waiting)}`,
      `  Fristbrudd: ${g.fristbrudd ?? '<5'}. Saksbehandlerbytter: ${cw.changes ?? '<5'} på ${
        cw.referrals ?? '<5'
      } henvisninger (${num(cw.perReferral, 2)} per henvisning); dager uten saksbehandler: ${cw.daysWithoutCaseworker ?? ':'}.`,
    );
  }
  const a = r.accessRequests;
  if (a) {
    const n = (v: number | null) => (v === null ? '<5' : String(v));
    lines.push(
      '',
      `Innsynskrav: ${n(a.received)} mottatt i perioden, ${n(a.answered)} besvart (${n(a.answeredWithinMonth)} innen én måned); ${n(a.open)} åpne ved periodens slutt (${n(a.openOverdue)} over fristen).`,
    );
  }
  if (r.openReferrals.length) {
    lines.push('', `Åpne henvisninger, lengst ventetid først (${r.openReferrals.length}):`);
    for (const o of r.openReferrals.slice(0, 20))
      lines.push(
        `  ${pad(o.case, 14)} ${pad(o.referral, 8)} ${pad(o.service, 10)} mottatt ${nbDate(o.received)}  ${o.days} ${
          UNIT_TEXT[r.unit]
        }${o.pastTarget ? '  over målet' : ''}`,
      );
    if (r.openReferrals.length > 20)
      lines.push(`  … og ${r.openReferrals.length - 20} til (se --json eller --format).`);
  }
  return lines.join('\n');
}

/** The measures report as text: one block per group (and the totals), hidden counts as <5 or :. */
export function measuresText(r: MeasuresReport): string {
  const cols = measureColumns().filter((c) => c.path !== null);
  const lines = [
    `Tiltak ${nbDate(r.from)}–${nbDate(r.to)}${r.measuredTo < r.to ? ` (målt til ${nbDate(r.measuredTo)})` : ''}${
      r.suppression
        ? `; antall under ${r.suppression.below} er prikket («<5»), «:» er skjult så de ikke kan regnes ut`
        : ''
    }.`,
  ];
  for (const g of measureRows(r)) {
    lines.push('', g === r.totals ? 'Sum' : g.key === 'all' ? 'Alle' : g.key);
    for (const c of cols) {
      const v = c.get(g, r);
      lines.push(`  ${pad(c.header, 40)} ${v === null ? '–' : typeof v === 'object' ? v.suppressed : v}`);
    }
  }
  return lines.join('\n');
}

/** The outcomes report as text: one block per group (and the totals), hidden figures as <5 or :. */
export function outcomesText(r: OutcomesReport): string {
  const cols = outcomeColumns().filter((c) => c.path !== null);
  const lines = [
    `Utfall ${nbDate(r.from)}–${nbDate(r.to)}${r.measuredTo < r.to ? ` (målt til ${nbDate(r.measuredTo)})` : ''}${
      r.suppression
        ? `; antall under ${r.suppression.below} er prikket («<5»), «:» er skjult så de ikke kan regnes ut`
        : ''
    }.`,
  ];
  for (const g of outcomeRows(r)) {
    lines.push('', g === r.totals ? 'Sum' : g.key === 'all' ? 'Alle' : g.key);
    for (const c of cols) {
      const v = c.get(g, r);
      lines.push(
        `  ${pad(c.header, 44)} ${v === null ? '–' : typeof v === 'object' ? v.suppressed : typeof v === 'number' ? nbNumber(v) : v}`,
      );
    }
  }
  return lines.join('\n');
}
