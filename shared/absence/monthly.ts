import { civil, epochDay, isoDay } from '../calendar/days';
import { workingDaysBetween } from '../calendar/workdays';
import { ABSENCE_TYPES, type Absence } from '../domain/absence';
import { schoolHolidayDays } from './holidays';

/**
 * Absence over time (issue 15, item 1): the monthly absence rate, one derivation for the app, the
 * API and `bro absence`.
 *
 * - A school day is a weekday that is not a public holiday (shared/calendar) and, when the service
 *   has entered the school year's calendar (register `schoolHolidays`, shared/absence/holidays.ts),
 *   not in one of its school holidays. Without a calendar a month with a school holiday counts its
 *   holiday weekdays as school days (the rate reads a little low).
 * - A month's `schoolDays` are the school days of that month that some absence record covers (a
 *   record is the school's count for a period: from–to, whole and partial days, one type). Records
 *   of different types for the same period cover the same days once.
 * - A partial day counts as half a day (PARTIAL_DAY_WEIGHT). A record whose period spans months
 *   is shared between them in proportion to their school days in it.
 * - `percent` = absentDays / schoolDays × 100, one decimal.
 */
export const PARTIAL_DAY_WEIGHT = 0.5;

export type AbsenceType = (typeof ABSENCE_TYPES)[number];

export interface AbsenceMonth {
  /** YYYY-MM */
  month: string;
  schoolDays: number;
  /** Whole days plus partial days × PARTIAL_DAY_WEIGHT. */
  absentDays: number;
  /** absentDays / schoolDays × 100, one decimal; null when no school day is covered. */
  percent: number | null;
  wholeDays: number;
  partialDays: number;
  /** absentDays by Havik's types. */
  byType: Record<AbsenceType, number>;
}

export type SnapshotKind = 'referral' | 'firstContact' | 'evaluation';

export interface AbsenceSnapshot {
  kind: SnapshotKind;
  /** The date of the referral, first contact or evaluation. */
  date: string;
  /** The month whose rate is taken: the one of the date, or the last one before it with figures. */
  month: string | null;
  percent: number | null;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const monthOf = (day: number) => isoDay(day).slice(0, 7);

/** What the rate may take besides the records: the school holidays the service has entered. */
export interface AbsenceCalendar {
  holidays?: readonly { from: string; to: string }[] | null;
}

/** School days (weekdays less public holidays, less the school holidays given) in [from, to]. */
function schoolDaysIn(from: number, to: number, off: ReadonlySet<number>): number {
  if (to < from) return 0;
  let n = workingDaysBetween(from - 1, to);
  if (off.size > 0) for (const d of off) if (d >= from && d <= to && workingDaysBetween(d - 1, d) === 1) n--;
  return n;
}

/** The first and last day number of the month containing `day`. */
function monthBounds(day: number): [number, number] {
  const [y, m] = civil(day);
  const first = epochDay(`${y}-${String(m).padStart(2, '0')}-01`);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return [first, epochDay(next) - 1];
}

/** The monthly absence rate from a case's absence records, oldest month first. */
export function monthlyAbsence(records: readonly Absence[], calendar: AbsenceCalendar = {}): AbsenceMonth[] {
  const off = schoolHolidayDays(calendar.holidays ?? []);
  const months = new Map<string, AbsenceMonth & { covered: Set<number> }>();
  const month = (key: string) => {
    let m = months.get(key);
    if (!m) {
      m = {
        month: key,
        schoolDays: 0,
        absentDays: 0,
        percent: null,
        wholeDays: 0,
        partialDays: 0,
        byType: Object.fromEntries(ABSENCE_TYPES.map((t) => [t, 0])) as Record<AbsenceType, number>,
        covered: new Set(),
      };
      months.set(key, m);
    }
    return m;
  };
  for (const r of records) {
    const from = epochDay(r.from);
    const to = epochDay(r.to);
    if (to < from) continue;
    const total = schoolDaysIn(from, to, off);
    // The parts of the period in each month, and their share of its school days.
    const parts: { key: string; from: number; to: number; share: number }[] = [];
    for (let d = from; d <= to;) {
      const [, last] = monthBounds(d);
      const end = Math.min(last, to);
      parts.push({ key: monthOf(d), from: d, to: end, share: 0 });
      d = end + 1;
    }
    for (const p of parts)
      p.share = total === 0 ? (p === parts[0] ? 1 : 0) : schoolDaysIn(p.from, p.to, off) / total;
    for (const p of parts) {
      const m = month(p.key);
      for (let d = p.from; d <= p.to; d++) if (schoolDaysIn(d, d, off) === 1) m.covered.add(d);
      const whole = r.wholeDays * p.share;
      const partial = r.partialDays * p.share;
      const absent = whole + partial * PARTIAL_DAY_WEIGHT;
      m.wholeDays += whole;
      m.partialDays += partial;
      m.absentDays += absent;
      m.byType[r.type] += absent;
    }
  }
  return [...months.values()]
    .sort((a, b) => (a.month < b.month ? -1 : 1))
    .map(({ covered, ...m }) => {
      const schoolDays = covered.size;
      return {
        ...m,
        schoolDays,
        absentDays: round(m.absentDays, 2),
        wholeDays: round(m.wholeDays, 2),
        partialDays: round(m.partialDays, 2),
        byType: Object.fromEntries(Object.entries(m.byType).map(([k, v]) => [k, round(v, 2)])) as Record<
          AbsenceType,
          number
        >,
        percent: schoolDays === 0 ? null : round((m.absentDays / schoolDays) * 100, 1),
      };
    });
}

/** What a snapshot needs from the case (shared/domain: referrals and measures' evaluations). */
export interface SnapshotSource {
  referrals?: readonly { received: string; firstContact?: string | null; voided?: unknown }[] | null;
  recommendations?: readonly { evaluations?: readonly { date: string }[] | null }[] | null;
}

/**
 * The absence rate at referral, at first contact and at each evaluation: the rate of the month of
 * the date, or of the last month before it with figures (null when there is none). Sorted by date.
 */
export function absenceSnapshots(doc: SnapshotSource, months: readonly AbsenceMonth[]): AbsenceSnapshot[] {
  const at = (kind: SnapshotKind, date: string): AbsenceSnapshot => ({
    kind,
    date,
    ...absenceRateAt(months, date),
  });
  const out: AbsenceSnapshot[] = [];
  for (const r of doc.referrals ?? []) {
    if (r.voided) continue;
    out.push(at('referral', r.received));
    if (r.firstContact) out.push(at('firstContact', r.firstContact));
  }
  for (const rec of doc.recommendations ?? [])
    for (const e of rec.evaluations ?? []) out.push(at('evaluation', e.date));
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The absence rate on a date: that month's, or the last month's before it with figures (null
 * when there is none). Snapshots use it, and so does the closing form (the rate at closing).
 */
export function absenceRateAt(
  months: readonly AbsenceMonth[],
  date: string,
): { month: string | null; percent: number | null } {
  const key = date.slice(0, 7);
  const hit = [...months].reverse().find((m) => m.month <= key && m.percent !== null);
  return { month: hit?.month ?? null, percent: hit?.percent ?? null };
}

/** Both, from a case document: what `bro absence --json` and the absence tab show. */
export function absenceOverTime(
  doc: SnapshotSource & { absence?: readonly Absence[] | null },
  calendar: AbsenceCalendar = {},
) {
  const months = monthlyAbsence(doc.absence ?? [], calendar);
  return { months, snapshots: absenceSnapshots(doc, months) };
}
