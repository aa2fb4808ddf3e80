import { SUPPRESSED_COUNT, SUPPRESSED_FIGURE, tableCsv, type Cell } from '../waiting/table';
import { BARRIER_LEVELS } from './records';
import { CANNOT_REASONS, type MeasureGroup, type MeasuresReport } from './report';

/**
 * The measures report as one table (a row per group, then the totals), shared by the CSV, the
 * XLSX and the PDF. A hidden count shows as `<5`; one hidden only so that another cannot be
 * worked out from a total shows as `:` (Statistics Norway's mark for "not shown").
 */
export interface MeasureColumn {
  header: string;
  /** Path in a group, e.g. `answers.cannot`; null for the group's name and period. */
  path: string | null;
  get(g: MeasureGroup, r: MeasuresReport): Cell;
}

export const REASON_TEXT: Record<(typeof CANNOT_REASONS)[number], string> = {
  ressurser: 'ressurser',
  kompetanse: 'kompetanse',
  organisering: 'organisering',
  annet: 'annet',
  unknown: 'uten kategori',
};

export function groupValue(g: MeasureGroup, path: string): number | null {
  const [a, b] = path.split('.') as [string, string | undefined];
  const v = (g as unknown as Record<string, unknown>)[a];
  return (b === undefined ? v : (v as Record<string, unknown>)[b]) as number | null;
}

/** A count as a cell: the number, or the mark for why it is hidden. */
export function countCell(g: MeasureGroup, path: string): Cell {
  const v = groupValue(g, path);
  if (v !== null) return v;
  if (g.complementary?.includes(path)) return SUPPRESSED_FIGURE;
  if (g.suppressed?.includes(path)) return SUPPRESSED_COUNT;
  return null;
}

const FIGURES: [string, string][] = [
  ['total', 'Tiltak aktive i perioden'],
  ['evaluationsDue', 'Evalueringer som skulle skje'],
  ['evaluatedOnTime', 'Evaluert i tide'],
  ['answers.done', 'Skolens svar: gjennomføres'],
  ['answers.changed', 'Skolens svar: med endring'],
  ['answers.cannot', 'Skolens svar: kan ikke'],
  ['answers.none', 'Ikke svart'],
  ...CANNOT_REASONS.map((r): [string, string] => [`cannotReasons.${r}`, `Kan ikke – ${REASON_TEXT[r]}`]),
  ['reportedByBoth', 'Meldt av både skole og foresatte'],
  ['disagreements', 'Uenige om tiltaket er på plass'],
  ...BARRIER_LEVELS.map((l): [string, string] => [`barriers.${l}`, `Barrierer: ${l}`]),
];

export const TOTALS_KEY = 'Sum';

export function measureColumns(): MeasureColumn[] {
  return [
    { header: 'Gruppe', path: null, get: (g, r) => (g === r.totals ? TOTALS_KEY : g.key) },
    { header: 'Fra', path: null, get: (g, r) => g.from ?? r.from },
    { header: 'Til', path: null, get: (g, r) => g.to ?? r.measuredTo },
    ...FIGURES.map(([path, header]) => ({ header, path, get: (g: MeasureGroup) => countCell(g, path) })),
  ];
}

/** The rows of the table: each group, then the totals when grouped. */
export const measureRows = (r: MeasuresReport): MeasureGroup[] => [
  ...r.groups,
  ...(r.totals ? [r.totals] : []),
];

export function measuresCsv(r: MeasuresReport): string {
  const cols = measureColumns();
  return tableCsv(
    cols.map((c) => c.header),
    measureRows(r).map((g) => cols.map((c) => c.get(g, r))),
  );
}

/** What each figure means, in the words of docs/MEASURES-REPORT.md (XLSX and PDF). */
export const MEASURE_DEFINITIONS: [string, string][] = [
  [
    'Tiltak aktive i perioden',
    'Tiltak med startdato senest ved periodens slutt som ikke ble avsluttet (evaluering «avsluttes») eller avslått av skolen («kan ikke») før perioden begynte. Tiltak uten startdato (utkast) telles ikke.',
  ],
  [
    'Evalueringer som skulle skje',
    'Planlagte evalueringsdatoer i perioden: datoen som ble avtalt da tiltaket ble satt opp, og hver neste dato en evaluering satte. En dato faller bort når tiltaket ble avsluttet før den eller avslått senest den dagen, og erstattes når en evaluering før vinduet satte en ny dato.',
  ],
  [
    'Evaluert i tide',
    'En evaluering er registrert fra 14 dager før den planlagte datoen til og med datoen (samme regel som oppgaven «evaluering»), etter evalueringen som satte datoen. Hver evaluering teller for én dato.',
  ],
  [
    'Skolens svar',
    'For anbefalinger og lovkrav blant de aktive tiltakene (ikke «Avtalt»): skolens svar slik det var ved periodens slutt. «Ikke svart»: ikke noe svar da.',
  ],
  [
    'Kan ikke – årsak',
    'Årsakskategorien skolen oppga; «uten kategori» for svar registrert før kategoriene fantes.',
  ],
  [
    'Uenige',
    'Aktive tiltak der siste melding fra skolen og siste fra foresatte (minst én av dem i perioden) sier ulikt om tiltaket er på plass.',
  ],
  ['Barrierer', 'Barrierer registrert i sakenes barrierelogg med dato i perioden, etter nivå.'],
  [
    '<5 og :',
    '<5: et antall på 1–4, skjult (prikket). «:»: skjult fordi et prikket tall ellers kunne regnes ut fra en sum i raden eller kolonnen.',
  ],
];
