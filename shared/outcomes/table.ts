import { SUPPRESSED_COUNT, SUPPRESSED_FIGURE, tableCsv, type Cell } from '../waiting/table';
import { ABSENCE_POINTS, OUTCOME_KEYS } from './records';
import type { OutcomeGroup, OutcomesReport } from './report';
import { outcomeCount } from './suppress';

/**
 * The outcomes report as one table (a row per group, then the totals), shared by the CSV, the
 * XLSX, the PDF and the CLI's text. A hidden count shows as `<5`; one hidden only so that another
 * cannot be worked out from a total shows as `:`; a median or mean behind a hidden count as `:`.
 */
export interface OutcomeColumn {
  header: string;
  /** Path in a group, e.g. `outcomes.ikke` or `absence.closing.median`; null for name and period. */
  path: string | null;
  get(g: OutcomeGroup, r: OutcomesReport): Cell;
}

export const OUTCOME_TEXT = {
  helt: 'helt',
  delvis: 'delvis',
  ikke: 'ikke',
  unknown: 'ikke registrert',
} as const;
export const POINT_TEXT = {
  referral: 'ved henvisning',
  firstContact: 'ved første kontakt',
  closing: 'ved avslutning',
} as const;

/** A count or figure as a cell: the number, or the mark for why it is hidden. */
export function outcomeCell(g: OutcomeGroup, path: string): Cell {
  const v = outcomeCount(g, path);
  if (v !== null) return v;
  const count =
    path.endsWith('.median') || path.endsWith('.mean') ? path.replace(/\.(median|mean)$/, '.n') : path;
  if (g.complementary?.includes(count)) return SUPPRESSED_FIGURE;
  if (g.suppressed?.includes(count)) return count === path ? SUPPRESSED_COUNT : SUPPRESSED_FIGURE;
  return null;
}

const FIGURES: [string, string][] = [
  ['closed', 'Avsluttede henvisninger'],
  ...OUTCOME_KEYS.map((k): [string, string] => [`outcomes.${k}`, `Tilbake på skolen: ${OUTCOME_TEXT[k]}`]),
  ...ABSENCE_POINTS.flatMap((p): [string, string][] => [
    [`absence.${p}.n`, `Fravær ${POINT_TEXT[p]}: antall`],
    [`absence.${p}.median`, `Fravær ${POINT_TEXT[p]}: median %`],
    [`absence.${p}.mean`, `Fravær ${POINT_TEXT[p]}: snitt %`],
  ]),
  ['lag.n', 'Signal til henvisning: antall'],
  ['lag.median', 'Signal til henvisning: median dager'],
  ['lag.mean', 'Signal til henvisning: snitt dager'],
];

export const TOTALS_KEY = 'Sum';

export function outcomeColumns(): OutcomeColumn[] {
  return [
    { header: 'Gruppe', path: null, get: (g, r) => (g === r.totals ? TOTALS_KEY : g.key) },
    { header: 'Fra', path: null, get: (_g, r) => r.from },
    { header: 'Til', path: null, get: (_g, r) => r.measuredTo },
    ...FIGURES.map(([path, header]) => ({ header, path, get: (g: OutcomeGroup) => outcomeCell(g, path) })),
  ];
}

/** The rows of the table: each group, then the totals when grouped. */
export const outcomeRows = (r: OutcomesReport): OutcomeGroup[] => [
  ...r.groups,
  ...(r.totals ? [r.totals] : []),
];

export function outcomesCsv(r: OutcomesReport): string {
  const cols = outcomeColumns();
  return tableCsv(
    cols.map((c) => c.header),
    outcomeRows(r).map((g) => cols.map((c) => c.get(g, r))),
  );
}

/** What each figure means, in the words of docs/OUTCOMES.md (XLSX and PDF). */
export const OUTCOME_DEFINITIONS: [string, string][] = [
  [
    'Avsluttede henvisninger',
    'Henvisninger med avslutningsdato i perioden. Henvisninger som ble avslått eller videresendt er ikke med: de endte uten hjelp fra tjenesten.',
  ],
  [
    'Tilbake på skolen',
    'Utfallet saksbehandleren registrerte ved avslutning: helt, delvis eller ikke tilbake på skolen. «Ikke registrert»: ingen utfall er ført.',
  ],
  [
    'Fravær ved henvisning, første kontakt og avslutning',
    'Fraværsprosenten ført på henvisningen (fravær ved henvisning, ved første kontakt, ved avslutning). Der ingen er ført: sakens månedlige fraværsprosent for måneden datoen ligger i, eller siste måned før med tall. Median og snitt over henvisningene der tallet finnes; «antall» er hvor mange det er.',
  ],
  [
    'Signal til henvisning',
    'Kalenderdager fra det tidligste daterte tegnet på bekymring (henvisningens signaldato og sakens tidlige tegn) til henvisningen ble sendt (mottatt når sendt ikke er ført).',
  ],
  [
    '<5 og :',
    '<5: et antall på 1–4, skjult (prikket). «:»: skjult fordi et prikket tall ellers kunne regnes ut fra en sum, eller en median eller et snitt over et skjult antall.',
  ],
];
