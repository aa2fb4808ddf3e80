import { describe, expect, it } from 'vitest';
import type { Absence } from '../domain/absence';
import { schoolHoliday, schoolHolidayDays, schoolHolidayIssues, schoolYearOf } from './holidays';
import { absenceOverTime, monthlyAbsence } from './monthly';

const rec = (from: string, to: string, wholeDays: number, partialDays: number): Absence => ({
  from,
  to,
  wholeDays,
  partialDays,
  type: 'udokumentert',
  source: null,
});
// The service's calendar for 2025-2026 (a typical one: høstferie week 41, påskeferie around Easter).
const HOSTFERIE = { schoolYear: '2025-2026', label: 'Høstferie', from: '2025-10-06', to: '2025-10-10' };
const PASKEFERIE = { schoolYear: '2025-2026', label: 'Påskeferie', from: '2026-03-30', to: '2026-04-06' };
const holidays = [HOSTFERIE, PASKEFERIE];

describe('the monthly rate less the school holidays (hand-computed)', () => {
  it('April 2026 with påskeferie 30.03–06.04: 19 school days less onsdag 1. april = 18', () => {
    // 22 weekdays; skjærtorsdag, langfredag and 2. påskedag are public holidays (19); the
    // påskeferie adds only Wednesday 1 April (the others are public holidays already): 18.
    const [without] = monthlyAbsence([rec('2026-04-01', '2026-04-30', 3, 2)]);
    const [april] = monthlyAbsence([rec('2026-04-01', '2026-04-30', 3, 2)], { holidays });
    expect(without).toMatchObject({ schoolDays: 19, absentDays: 4, percent: 21.1 });
    expect(april).toMatchObject({ month: '2026-04', schoolDays: 18, absentDays: 4, percent: 22.2 });
  });

  it('October 2025 with høstferie 6–10 October and partial days: 23 weekdays less 5 = 18', () => {
    // 3 whole days and 3 partial days (half a day each) = 4.5 of 18 = 25 %.
    const [oct] = monthlyAbsence([rec('2025-10-01', '2025-10-31', 3, 3)], { holidays });
    expect(oct).toMatchObject({ month: '2025-10', schoolDays: 18, absentDays: 4.5, percent: 25 });
    expect(oct!.partialDays).toBe(3);
  });

  it('a period that covers part of a month counts only its school days outside the holiday', () => {
    // 1–15 October 2025: 1, 2, 3, 13, 14, 15 (6–10 is høstferie) = 6 school days; 3 days = 50 %.
    const [oct] = monthlyAbsence([rec('2025-10-01', '2025-10-15', 3, 0)], { holidays });
    expect(oct).toMatchObject({ schoolDays: 6, absentDays: 3, percent: 50 });
  });

  it('a period across the påskeferie is shared between the months by their school days', () => {
    // 16.03–17.04.2026: March 16–27 = 10 (30 and 31 March are påskeferie), April 1–17 = 13 weekdays
    // less 2, 3, 6 (public) and 1 (påskeferie) = 9; 19 in all. 10 whole days: March 10·10/19,
    // April 10·9/19, both 52.6 % of their school days.
    const months = monthlyAbsence([rec('2026-03-16', '2026-04-17', 10, 0)], { holidays });
    expect(months).toMatchObject([
      { month: '2026-03', schoolDays: 10, absentDays: 5.26, percent: 52.6 },
      { month: '2026-04', schoolDays: 9, absentDays: 4.74, percent: 52.6 },
    ]);
  });

  it('a school year without a calendar counts as before; absenceOverTime passes the calendar on', () => {
    const doc = { absence: [rec('2026-10-01', '2026-10-31', 2, 0)], referrals: [] };
    // October 2026 (school year 2026-2027, no entries): 22 weekdays, no holiday taken off.
    expect(absenceOverTime(doc, { holidays }).months[0]).toMatchObject({ schoolDays: 22 });
    expect(
      absenceOverTime({ ...doc, absence: [rec('2025-10-01', '2025-10-31', 2, 0)] }, { holidays }).months[0],
    ).toMatchObject({ schoolDays: 18 });
  });

  it('a record entirely inside a holiday has no school days: no rate for that month', () => {
    const [m] = monthlyAbsence([rec('2025-10-06', '2025-10-10', 1, 0)], { holidays });
    expect(m).toMatchObject({ schoolDays: 0, percent: null });
  });
});

describe('the school holiday rule', () => {
  it('accepts a period inside its school year', () => {
    expect(schoolHoliday.safeParse(HOSTFERIE).success).toBe(true);
    expect(schoolHolidayIssues(HOSTFERIE)).toEqual([]);
    expect(schoolHolidayIssues(PASKEFERIE)).toEqual([]);
  });
  it('refuses a reversed period, one outside its year and a year that does not follow on', () => {
    expect(schoolHolidayIssues({ ...HOSTFERIE, to: '2025-10-01' })).toEqual([
      { path: ['to'], code: 'SCHOOL_HOLIDAY_TO_BEFORE_FROM' },
    ]);
    expect(schoolHolidayIssues({ ...HOSTFERIE, schoolYear: '2026-2027' })).toEqual([
      { path: ['from'], code: 'SCHOOL_HOLIDAY_OUTSIDE_YEAR' },
    ]);
    expect(schoolHolidayIssues({ ...HOSTFERIE, schoolYear: '2025-2027' })).toEqual([
      { path: ['schoolYear'], code: 'SCHOOL_YEAR_FORMAT' },
    ]);
    expect(schoolHoliday.safeParse({ ...HOSTFERIE, schoolYear: '25/26' }).success).toBe(false);
  });
  it('knows the school year of a date and the days of a period', () => {
    expect(schoolYearOf('2026-03-02')).toBe('2025-2026');
    expect(schoolYearOf('2026-08-01')).toBe('2026-2027');
    expect(schoolHolidayDays([HOSTFERIE]).size).toBe(5);
    expect(schoolHolidayDays([{ from: '2025-10-10', to: '2025-10-06' }]).size).toBe(0);
  });
});

describe("the demo's school calendar", () => {
  it('has the six holidays of each school year, each valid by the rule', async () => {
    const { demoSchoolHolidays } = await import('../demo/holidays');
    const all = demoSchoolHolidays('2026-12-05');
    expect(all).toHaveLength(30);
    for (const h of all) expect(schoolHolidayIssues(h), JSON.stringify(h)).toEqual([]);
    const y = all.filter((h) => h.schoolYear === '2025-2026');
    expect(y.map((h) => [h.label, h.from, h.to])).toEqual([
      ['Sommerferie (før skolestart)', '2025-08-01', '2025-08-16'],
      ['Høstferie', '2025-09-29', '2025-10-03'],
      ['Juleferie', '2025-12-22', '2026-01-01'],
      ['Vinterferie', '2026-02-23', '2026-02-27'],
      ['Påskeferie', '2026-03-30', '2026-04-06'],
      ['Sommerferie', '2026-06-20', '2026-07-31'],
    ]);
  });
});
