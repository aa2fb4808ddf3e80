/**
 * Calendar dates as day numbers (days since 1970-01-01), so the generator can add and
 * compare without Date objects or time zones. Weekends count as non-working days;
 * public holidays are ignored here (the demo only needs plausible dates, not exact frister).
 */

import { civil, dayNumber, weekdayOf } from '../calendar/days';

// The day-number arithmetic is the calendar's (shared/calendar/days.ts).
export { civil, dayNumber };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`; returns null for anything that is not a real calendar date. */
export function parseDay(s: string): number | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const n = dayNumber(y, mo, d);
  const [cy, cm, cd] = civil(n);
  return cy === y && cm === mo && cd === d ? n : null;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

// Memoised by day number: a demo file holds millions of dates over a few thousand distinct
// days, and one shared string per day keeps both the time and the memory down. The cache
// is a dense array over 1950–2149 (a sparse one would fall back to slow dictionary elements).
const CACHE_FROM = -7305; // 1950-01-01
const CACHE_SIZE = 73_049; // up to 2149-12-31
const isoCache: (string | undefined)[] = new Array<string | undefined>(CACHE_SIZE).fill(undefined);
const norwegianCache: (string | undefined)[] = new Array<string | undefined>(CACHE_SIZE).fill(undefined);

function cached(
  cache: (string | undefined)[],
  day: number,
  make: (y: number, m: number, d: number) => string,
) {
  const i = day - CACHE_FROM;
  let s = i >= 0 && i < CACHE_SIZE ? cache[i] : undefined;
  if (s === undefined) {
    const [y, m, d] = civil(day);
    s = make(y, m, d);
    if (i >= 0 && i < CACHE_SIZE) cache[i] = s;
  }
  return s;
}

const makeIso = (y: number, m: number, d: number) => `${y}-${pad2(m)}-${pad2(d)}`;
const makeNorwegian = (y: number, m: number, d: number) => `${pad2(d)}.${pad2(m)}.${y}`;

/** `YYYY-MM-DD` */
export function iso(day: number): string {
  return cached(isoCache, day, makeIso);
}

/** `dd.mm.yyyy`, the way dates are written in Norwegian running text. */
export function norwegian(day: number): string {
  return cached(norwegianCache, day, makeNorwegian);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const weekday = weekdayOf;

export function isWeekend(day: number): boolean {
  return weekday(day) >= 6;
}

/** The day itself if it is a weekday, else the following Monday. */
export function nextWeekday(day: number): number {
  const w = weekday(day);
  return w === 6 ? day + 2 : w === 7 ? day + 1 : day;
}

/** The day itself if it is a weekday, else the Friday before. */
export function previousWeekday(day: number): number {
  const w = weekday(day);
  return w === 6 ? day - 1 : w === 7 ? day - 2 : day;
}

/** `n` working days (Monday–Friday) after `day`. */
export function addWorkingDays(day: number, n: number): number {
  let d = day;
  let left = n;
  while (left > 0) {
    d++;
    if (!isWeekend(d)) left--;
  }
  return d;
}

export function month(day: number): number {
  return civil(day)[1];
}

export function year(day: number): number {
  return civil(day)[0];
}

/** First day of the month `day` lies in. */
export function startOfMonth(day: number): number {
  const [y, m] = civil(day);
  return dayNumber(y, m, 1);
}

/** First day of the next month. */
export function nextMonth(day: number): number {
  const [y, m] = civil(day);
  return m === 12 ? dayNumber(y + 1, 1, 1) : dayNumber(y, m + 1, 1);
}
