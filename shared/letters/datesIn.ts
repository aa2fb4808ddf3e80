/** The months as letters write them (bokmål and nynorsk spell them alike). */
export const MONTHS = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
];

const DATE = new RegExp(
  `\\b(?:(\\d{1,2})\\.\\s?(${MONTHS.join('|')})\\s(\\d{4})|(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})|(\\d{4})-(\\d{2})-(\\d{2}))\\b`,
  'giu',
);

const pad = (s: string) => s.padStart(2, '0');

/** Every date written in a text ("4. desember 2026", "04.12.2026", "2026-12-04"), as YYYY-MM-DD. */
export function datesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(DATE)) {
    if (m[1]) out.push(`${m[3]}-${pad(String(MONTHS.indexOf(m[2]!.toLowerCase()) + 1))}-${pad(m[1])}`);
    else if (m[4]) out.push(`${m[6]}-${pad(m[5]!)}-${pad(m[4])}`);
    else out.push(`${m[7]}-${m[8]}-${m[9]}`);
  }
  return out;
}

/** Whether a text written earlier speaks of a date that has passed by `today` (so it cannot be printed as current). */
export function mentionsPastDate(text: string, today: string): boolean {
  return datesIn(text).some((d) => d < today);
}
