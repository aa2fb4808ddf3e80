import { z } from 'zod';
import { epochDay } from '../calendar/days';
import { isoDate, text } from '../domain/common';
import type { Issue } from '../errors';

/**
 * The school year's calendar (issue 15, item 1): the school holidays the service has entered, one
 * register entry per holiday period (register `schoolHolidays`, shared by the vault's members and
 * edited under Innstillinger → Registre). The monthly absence rate (shared/absence/monthly.ts)
 * leaves the days of these periods out of a month's school days. A school year without entries
 * counts weekdays less public holidays only, as before.
 *
 * - `schoolYear` is «2025-2026»: 1 August 2025 to 31 July 2026.
 * - `from`–`to` is the holiday, both days included; it lies inside its school year.
 */
export const schoolHoliday = z.strictObject({
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/u, { message: 'SCHOOL_YEAR_FORMAT' }),
  /** «Høstferie», «Juleferie», «Vinterferie», «Påskeferie», «Planleggingsdag». */
  label: text(100),
  from: isoDate,
  to: isoDate,
});
export type SchoolHoliday = z.infer<typeof schoolHoliday>;

/** The first and last day of a school year «2025-2026»: 2025-08-01 and 2026-07-31. */
export function schoolYearBounds(schoolYear: string): [string, string] {
  const start = Number(schoolYear.slice(0, 4));
  return [`${start}-08-01`, `${start + 1}-07-31`];
}

/** The school year a date falls in: 2026-03-02 → «2025-2026». */
export function schoolYearOf(date: string): string {
  const y = Number(date.slice(0, 4));
  const start = date.slice(5) >= '08-01' ? y : y - 1;
  return `${start}-${start + 1}`;
}

/**
 * The rule for one holiday period (code SCHOOL_HOLIDAY_*), called by the registers' writer: the
 * school year's second year follows its first, `to` is not before `from`, and the period lies in
 * its school year. Paths are the field names.
 */
export function schoolHolidayIssues(h: Partial<SchoolHoliday>): Issue[] {
  const issues: Issue[] = [];
  const y = h.schoolYear;
  if (y && /^\d{4}-\d{4}$/u.test(y) && Number(y.slice(5)) !== Number(y.slice(0, 4)) + 1)
    issues.push({ path: ['schoolYear'], code: 'SCHOOL_YEAR_FORMAT' });
  if (h.from && h.to && h.to < h.from) issues.push({ path: ['to'], code: 'SCHOOL_HOLIDAY_TO_BEFORE_FROM' });
  else if (y && h.from && h.to && issues.length === 0) {
    const [first, last] = schoolYearBounds(y);
    if (h.from < first || h.to > last)
      issues.push({ path: [h.from < first ? 'from' : 'to'], code: 'SCHOOL_HOLIDAY_OUTSIDE_YEAR' });
  }
  return issues;
}

/** The day numbers (shared/calendar/days) of every holiday period; a reversed period adds none. */
export function schoolHolidayDays(holidays: readonly { from: string; to: string }[]): Set<number> {
  const out = new Set<number>();
  for (const h of holidays) {
    const from = epochDay(h.from);
    const to = epochDay(h.to);
    for (let d = from; d <= to && d - from < 400; d++) out.add(d);
  }
  return out;
}
