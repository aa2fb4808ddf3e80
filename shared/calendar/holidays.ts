import { dayNumber, isoDay } from './days';

/**
 * Norwegian public holidays, computed (not looked up), for any year Bro accepts (1900–2200).
 *
 * The days are those of helligdagsfredloven § 2 plus 1 and 17 May (lov om 1. og 17. mai § 1):
 * twelve fixed or Easter-based days (eleven dates in 2027, when 17 May is Whit Monday). Sundays are non-working days anyway. Today's list is applied to every year, also
 * before 1947, when 1 and 17 May became statutory holidays: Bro counts current cases.
 */

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return { month: Math.floor(n / 31), day: (n % 31) + 1 };
}

export interface Holiday {
  date: string;
  /** The Norwegian (bokmål) name. */
  name: string;
}

/** Offsets from Easter Sunday in days. */
const MOVABLE: readonly [number, string][] = [
  [-3, 'Skjærtorsdag'],
  [-2, 'Langfredag'],
  [0, 'Første påskedag'],
  [1, 'Andre påskedag'],
  [39, 'Kristi himmelfartsdag'],
  [49, 'Første pinsedag'],
  [50, 'Andre pinsedag'],
];

const FIXED: readonly [number, number, string][] = [
  [1, 1, 'Nyttårsdag'],
  [5, 1, 'Offentlig høytidsdag'],
  [5, 17, 'Grunnlovsdag'],
  [12, 25, 'Første juledag'],
  [12, 26, 'Andre juledag'],
];

/** Day numbers of the year's public holidays, sorted, each once. */
export function holidayDayNumbers(year: number): number[] {
  const { month, day } = easterSunday(year);
  const easter = dayNumber(year, month, day);
  const days = new Set<number>([
    ...FIXED.map(([m, d]) => dayNumber(year, m, d)),
    ...MOVABLE.map(([offset]) => easter + offset),
  ]);
  return [...days].sort((a, b) => a - b);
}

/** The year's twelve public holidays in date order, each with its name (two share a date in 2027). */
export function norwegianHolidays(year: number): Holiday[] {
  const { month, day } = easterSunday(year);
  const easter = dayNumber(year, month, day);
  const all = [
    ...FIXED.map(([m, d, name]) => ({ n: dayNumber(year, m, d), name })),
    ...MOVABLE.map(([offset, name]) => ({ n: easter + offset, name })),
  ];
  all.sort((a, b) => a.n - b.n);
  return all.map(({ n, name }) => ({ date: isoDay(n), name }));
}
