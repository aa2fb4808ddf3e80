import { accessFigureRows } from '../innsyn/figures';
import type { ReportGroup, WaitingReport } from './report';
import type { Stats } from './stats';

/**
 * The report as one table (a row per group), shared by the CSV, the XLSX and the PDF, so the
 * three say the same thing in the same words. A cell is a number, text, null (no value) or a
 * suppressed mark: `<5` for a count, `:` for a figure computed from a suppressed count (the
 * symbol Statistics Norway uses for "not shown for confidentiality").
 */
export type Cell = number | string | null | { suppressed: '<5' | ':' };

export interface Column {
  header: string;
  /** Decimals to show (0 for counts and days). */
  decimals: number;
  get(g: ReportGroup, report: WaitingReport): Cell;
}

export const SUPPRESSED_COUNT = { suppressed: '<5' } as const;
export const SUPPRESSED_FIGURE = { suppressed: ':' } as const;

const MEASURES = [
  ['ventetid', 'Ventetid'],
  ['saksbehandlingstid', 'Saksbehandlingstid'],
] as const;
const STATUSES = [
  ['completed', 'avsluttet'],
  ['waiting', 'venter'],
] as const;
const FIGURES: [keyof Stats, string, number][] = [
  ['n', 'antall', 0],
  ['mean', 'gjennomsnitt', 2],
  ['median', 'median', 1],
  ['p90', 'p90', 0],
  ['max', 'maks', 0],
  ['withinTarget', 'andel innen mål (%)', 1],
];

function statCell(s: Stats, key: keyof Stats): Cell {
  if (s.suppressed) return key === 'n' ? SUPPRESSED_COUNT : SUPPRESSED_FIGURE;
  const v = s[key];
  if (typeof v !== 'number') return null;
  return key === 'withinTarget' ? Math.round(v * 1000) / 10 : v;
}

const marked = (g: ReportGroup, path: string) => g.suppressed?.includes(path) ?? false;

export const UNIT_TEXT = { calendar: 'kalenderdager', working: 'virkedager' } as const;

export function reportColumns(): Column[] {
  const cols: Column[] = [
    { header: 'Gruppe', decimals: 0, get: (g) => g.key },
    { header: 'Fra', decimals: 0, get: (g, r) => g.from ?? r.from },
    { header: 'Til', decimals: 0, get: (g, r) => g.to ?? r.measuredTo },
    { header: 'Enhet', decimals: 0, get: (_g, r) => UNIT_TEXT[r.unit] },
  ];
  for (const [m, mText] of MEASURES)
    for (const [s, sText] of STATUSES)
      for (const [key, kText, decimals] of FIGURES)
        cols.push({ header: `${mText} ${sText} – ${kText}`, decimals, get: (g) => statCell(g[m][s], key) });
  const cw = (key: keyof ReportGroup['caseworkerChanges'], count: boolean) => (g: ReportGroup) => {
    const v = g.caseworkerChanges[key];
    if (v !== null) return v;
    if (marked(g, 'caseworkerChanges') || marked(g, 'caseworkerChanges.changes'))
      return count ? SUPPRESSED_COUNT : SUPPRESSED_FIGURE;
    return null;
  };
  cols.push(
    {
      header: 'Fristbrudd',
      decimals: 0,
      get: (g) => (g.fristbrudd === null && marked(g, 'fristbrudd') ? SUPPRESSED_COUNT : g.fristbrudd),
    },
    { header: 'Henvisninger åpne i perioden', decimals: 0, get: cw('referrals', true) },
    { header: 'Bytter av saksbehandler', decimals: 0, get: cw('changes', true) },
    { header: 'Bytter per henvisning', decimals: 2, get: cw('perReferral', false) },
    { header: 'Dager uten saksbehandler', decimals: 0, get: cw('daysWithoutCaseworker', false) },
    {
      header: 'Dager uten saksbehandler per henvisning',
      decimals: 2,
      get: cw('daysWithoutCaseworkerPerReferral', false),
    },
  );
  return cols;
}

// ---------------------------------------------------------------- CSV for Norwegian Excel

/** A number the way Norwegian Excel reads it: decimal comma, no thousands separator. */
export function nbNumber(x: number): string {
  return String(x).replace('.', ',');
}

/**
 * SECURITY: a cell that starts with = + - @ (or a tab/CR) is a formula to Excel; a school name
 * from a case must never run as one, so such text gets a leading apostrophe.
 */
function csvText(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvCell(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'number') return nbNumber(c);
  if (typeof c === 'string') return csvText(c);
  return c.suppressed;
}

/**
 * CSV that Norwegian Excel opens as columns: UTF-8 with a byte-order mark (so æøå survive),
 * semicolons between fields (Excel's list separator where the decimal separator is a comma),
 * decimal commas, CRLF line ends. One row per group.
 */
export function reportCsv(report: WaitingReport): string {
  const cols = reportColumns();
  const table = tableCsv(
    cols.map((c) => c.header),
    report.groups.map((g) => cols.map((c) => c.get(g, report))),
  );
  if (!report.accessRequests) return table;
  // The lead's innsyn figure (issue 14 item 10) is one figure for the whole report, not per group:
  // a second block after an empty line, «Innsynskrav;Antall» then one row per count.
  const block = tableCsv(['Innsynskrav', 'Antall'], accessFigureRows(report.accessRequests));
  return table + '\r\n' + block.slice(1);
}

/** Any table as CSV for Norwegian Excel, in the same form (the measures report uses it too). */
export function tableCsv(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [headers.map(csvText).join(';')];
  for (const r of rows) lines.push(r.map(csvCell).join(';'));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
