import { dayNumber, epochDay, isoDay, weekdayOf } from './days';
import { holidayDayNumbers } from './holidays';
import { BroError } from '../errors';

/**
 * Working days (virkedager / arbeidsdager) as DESIGN §4 defines them:
 * - a working day is Monday–Friday (and Saturday when the setting says so) that is not a public
 *   holiday;
 * - working days between two dates = the working days `d` with `from < d ≤ to`;
 * - a deadline of N working days after a date = the date of the N-th working day after it.
 *
 * Whether Saturday is a virkedag differs between Acts (ferieloven counts it; Helsedirektoratet's
 * indicator speaks of "arbeidsdager"), so it is a setting, off by default.
 */
export interface CalendarSettings {
  /** Count Saturdays (that are not holidays) as working days. Default false. */
  saturday: boolean;
}

export const DEFAULT_CALENDAR: CalendarSettings = { saturday: false };

/** The dates Bro accepts (as `isoDate` in shared/domain/common.ts). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;

// The table starts the day before FIRST_YEAR (so that 1 January 1900 has a day before it) and
// runs one year past LAST_YEAR so that a target date computed from a late date still has room;
// public results beyond LAST_YEAR are refused (deadline()).
const TABLE_FIRST = dayNumber(FIRST_YEAR, 1, 1) - 1;
const TABLE_LAST = dayNumber(LAST_YEAR + 1, 12, 31);
const LAST_ACCEPTED = dayNumber(LAST_YEAR, 12, 31);

/**
 * Prefix counts: `cum[i]` = working days in [TABLE_FIRST, TABLE_FIRST + i). Built once per
 * setting, on first use (about 110 000 days, a millisecond or two), so that counting working
 * days between any two dates is two array reads.
 */
let weekdayTable: Int32Array | null = null;
let saturdayTable: Int32Array | null = null;

function table(saturday: boolean): Int32Array {
  const cached = saturday ? saturdayTable : weekdayTable;
  return cached ?? buildTable(saturday);
}

function buildTable(saturday: boolean): Int32Array {
  const size = TABLE_LAST - TABLE_FIRST + 1;
  const holiday = new Uint8Array(size);
  for (let y = FIRST_YEAR; y <= LAST_YEAR + 1; y++)
    for (const d of holidayDayNumbers(y)) holiday[d - TABLE_FIRST] = 1;
  const cum = new Int32Array(size + 1);
  for (let i = 0; i < size; i++) {
    const w = weekdayOf(TABLE_FIRST + i);
    const working = holiday[i] === 0 && (w <= 5 || (saturday && w === 6));
    cum[i + 1] = (cum[i] as number) + (working ? 1 : 0);
  }
  if (saturday) saturdayTable = cum;
  else weekdayTable = cum;
  return cum;
}

function outOfRange(): BroError {
  return new BroError('VALIDATION', 'Date outside the calendar (1900–2200)', {
    issues: [{ path: [], code: 'DATE_OUT_OF_RANGE' }],
  });
}

function index(day: number): number {
  if (day < TABLE_FIRST || day > TABLE_LAST) throw outOfRange();
  return day - TABLE_FIRST;
}

/** Working days `d` with `from < d ≤ to`, on day numbers; negative when `to` is before `from`. */
export function workingDaysBetween(from: number, to: number, settings: CalendarSettings = DEFAULT_CALENDAR) {
  const cum = table(settings.saturday);
  return (cum[index(to) + 1] as number) - (cum[index(from) + 1] as number);
}

/** Working days `d` with `from < d ≤ to` (dates `YYYY-MM-DD`): received Friday, contact Monday = 1. */
export function workingDays(from: string, to: string, settings: CalendarSettings = DEFAULT_CALENDAR): number {
  return workingDaysBetween(epochDay(from), epochDay(to), settings);
}

export function isWorkingDay(date: string, settings: CalendarSettings = DEFAULT_CALENDAR): boolean {
  const d = epochDay(date);
  return workingDaysBetween(d - 1, d, settings) === 1;
}

/** The day number of the N-th working day after `day` (N ≥ 1). */
export function addWorkingDaysTo(
  day: number,
  n: number,
  settings: CalendarSettings = DEFAULT_CALENDAR,
): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('n must be a positive integer');
  const cum = table(settings.saturday);
  // The first index whose prefix count reaches cum[day+1] + n: binary search over the table.
  const want = (cum[index(day) + 1] as number) + n;
  let lo = index(day) + 1;
  let hi = cum.length - 2;
  if ((cum[hi + 1] as number) < want) throw outOfRange();
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cum[mid + 1] as number) >= want) hi = mid;
    else lo = mid + 1;
  }
  return TABLE_FIRST + lo;
}

/**
 * Deadline: the date of the N-th working day after `date` (N ≥ 1). BUP's 10 virkedager from a
 * referral received on Friday 27 March 2026 end on Wednesday 15 April (Easter in between).
 * Refuses a result after 31 December 2200.
 */
export function deadline(date: string, n: number, settings: CalendarSettings = DEFAULT_CALENDAR): string {
  const day = addWorkingDaysTo(epochDay(date), n, settings);
  if (day > LAST_ACCEPTED) throw outOfRange();
  return isoDay(day);
}
