/**
 * Calendar dates `YYYY-MM-DD` as day numbers (days since 1970-01-01): plain integer arithmetic,
 * no Date objects and no time zones. Every waiting-time figure in Bro is built on these.
 */

/** Day number of a civil date (Howard Hinnant's days_from_civil, proleptic Gregorian). */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** `[year, month, day]` of a day number (the inverse of `dayNumber`). */
export function civil(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/**
 * Days since 1970-01-01 for a calendar date `YYYY-MM-DD` (the caller has validated the date).
 * Read digit by digit: reports compute millions of these, and this is several times faster
 * than splitting the string or going through `Date.UTC`.
 */
export function epochDay(date: string): number {
  const y = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const m = digit(date, 5) * 10 + digit(date, 6);
  const d = digit(date, 8) * 10 + digit(date, 9);
  return dayNumber(y, m, d);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD` of a day number. */
export function isoDay(day: number): string {
  const [y, m, d] = civil(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/**
 * The calendar day, in this machine's time zone, of an instant such as an event's `at` (UTC):
 * a package made at 00:30 in Norway on 7 December is of the 7th, though its UTC date is the 6th.
 */
export function localDayOf(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant.slice(0, 10);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

/** `dd.mm.åååå`, the way Norwegian text writes a date `YYYY-MM-DD`. */
export function nbDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** Calendar days from `from` to `to` (`to − from`): received Monday, first contact next Monday = 7. */
export function calendarDays(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** The date `n` calendar days after `date` (before it for negative `n`). */
export function addDays(date: string, n: number): string {
  return isoDay(epochDay(date) + n);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export function weekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function daysInMonth(y: number, m: number): number {
  return dayNumber(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - dayNumber(y, m, 1);
}

/**
 * The date `n` calendar months after `date`, with end-of-month clamping: the same day number in
 * the month `n` months on, or that month's last day when it is shorter (31 January + 1 month =
 * 28 or 29 February; 30 November + 3 months = 28/29 February). This is how Norwegian law counts a
 * time limit in months (domstolloven § 148 second paragraph, which the administration follows):
 * the limit ends on the day that "by its number" matches the starting day, else on the month's
 * last day. Bro does not move the date off a weekend or holiday: a reminder that comes a day
 * early is harmless, one that comes late is not.
 */
export function addMonths(date: string, n: number): string {
  return isoDay(addMonthsToDay(epochDay(date), n));
}

/** `addMonths` on day numbers. */
export function addMonthsToDay(day: number, n: number): number {
  const c = civil(day);
  const y = c[0];
  const m = c[1];
  const d = c[2];
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return dayNumber(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}
