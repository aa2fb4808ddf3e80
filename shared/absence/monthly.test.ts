import { describe, expect, it } from 'vitest';
import type { Absence } from '../domain/absence';
import { absenceOverTime, absenceSnapshots, monthlyAbsence } from './monthly';

const rec = (
  from: string,
  to: string,
  wholeDays: number,
  partialDays: number,
  type: Absence['type'],
): Absence => ({
  from,
  to,
  wholeDays,
  partialDays,
  type,
  source: null,
});

describe('the monthly absence rate (hand-computed months)', () => {
  it('April 2026 has 19 school days: 22 weekdays less skjærtorsdag, langfredag and 2. påskedag', () => {
    // 3 whole days and 2 partial days (half a day each) = 4 days of 19.
    const [april] = monthlyAbsence([rec('2026-04-01', '2026-04-30', 3, 2, 'udokumentert')]);
    expect(april).toMatchObject({ month: '2026-04', schoolDays: 19, absentDays: 4, percent: 21.1 });
    expect(april!.wholeDays).toBe(3);
    expect(april!.partialDays).toBe(2);
    expect(april!.byType.udokumentert).toBe(4);
  });

  it('May 2026 has 18 school days: 21 weekdays less 1. mai, Kristi himmelfart and 2. pinsedag', () => {
    const [may] = monthlyAbsence([rec('2026-05-01', '2026-05-31', 9, 0, 'dokumentert')]);
    expect(may).toMatchObject({ month: '2026-05', schoolDays: 18, absentDays: 9, percent: 50 });
  });

  it('a period across two months is shared by their school days in it', () => {
    // 27–30 April: 4 school days; 1–8 May: 5 (1. mai is a holiday). 9 whole days: 4 and 5.
    const months = monthlyAbsence([rec('2026-04-27', '2026-05-08', 9, 0, 'elevmotivert')]);
    expect(months.map((m) => [m.month, m.schoolDays, m.absentDays, m.percent])).toEqual([
      ['2026-04', 4, 4, 100],
      ['2026-05', 5, 5, 100],
    ]);
  });

  it('records of different types for one period count its school days once, by type', () => {
    // March 2026: 22 weekdays, no holidays. 2 + (1 + 2 × ½) = 4 of 22 = 18.2 %.
    const [march] = monthlyAbsence([
      rec('2026-03-01', '2026-03-31', 2, 0, 'dokumentert'),
      rec('2026-03-01', '2026-03-31', 1, 2, 'elevmotivert'),
    ]);
    expect(march).toMatchObject({ schoolDays: 22, absentDays: 4, percent: 18.2 });
    expect(march!.byType).toEqual({ dokumentert: 2, udokumentert: 0, elevmotivert: 2, foreldremotivert: 0 });
  });

  it('months come oldest first, and a month without records is not invented', () => {
    const months = monthlyAbsence([
      rec('2026-05-01', '2026-05-31', 1, 0, 'dokumentert'),
      rec('2026-02-01', '2026-02-28', 1, 0, 'dokumentert'),
    ]);
    expect(months.map((m) => m.month)).toEqual(['2026-02', '2026-05']);
  });

  it('no records, no months', () => {
    expect(monthlyAbsence([])).toEqual([]);
    expect(absenceOverTime({})).toEqual({ months: [], snapshots: [] });
  });
});

describe('snapshots at referral, first contact and each evaluation', () => {
  it('takes the month of the date, or the last month before it with figures', () => {
    const months = monthlyAbsence([
      rec('2026-03-01', '2026-03-31', 2, 0, 'dokumentert'),
      rec('2026-04-01', '2026-04-30', 3, 2, 'udokumentert'),
    ]);
    const snaps = absenceSnapshots(
      {
        referrals: [{ received: '2026-03-20', firstContact: '2026-06-02' }],
        recommendations: [{ evaluations: [{ date: '2026-04-15' }] }],
      },
      months,
    );
    expect(snaps).toEqual([
      { kind: 'referral', date: '2026-03-20', month: '2026-03', percent: 9.1 },
      { kind: 'evaluation', date: '2026-04-15', month: '2026-04', percent: 21.1 },
      { kind: 'firstContact', date: '2026-06-02', month: '2026-04', percent: 21.1 },
    ]);
    // Before any figures: no rate.
    expect(absenceSnapshots({ referrals: [{ received: '2026-01-05' }] }, months)).toEqual([
      { kind: 'referral', date: '2026-01-05', month: null, percent: null },
    ]);
  });
});
