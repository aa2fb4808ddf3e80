import { describe, expect, it } from 'vitest';
import { measureReferral } from './measures';
import type { ReferralRecord } from './records';
import { waitingReport, type ReportOptions } from './report';
import { DEFAULT_SETTINGS, resolveSettings } from './settings';
import { summarize } from './stats';
import { suppressReport } from './suppress';

const rec = (r: Partial<ReferralRecord> & Pick<ReferralRecord, 'service' | 'received'>): ReferralRecord => ({
  referredBy: 'skole',
  school: null,
  signal: null,
  sent: null,
  decided: null,
  decision: null,
  frist: null,
  firstContact: null,
  concluded: null,
  closed: null,
  assignments: [],
  ...r,
});

describe('summarize', () => {
  it('odd n: the middle value; p90 the ⌈0.9·n⌉-th smallest', () => {
    expect(summarize([5, 1, 3])).toEqual({ n: 3, mean: 3, median: 3, p90: 5, max: 5, withinTarget: null });
  });

  it('even n: the mean of the two middle values', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({
      n: 4,
      mean: 2.5,
      median: 2.5,
      p90: 4,
      max: 4,
      withinTarget: null,
    });
    expect(summarize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toMatchObject({ median: 5.5, p90: 9, mean: 5.5 });
    expect(summarize([10, 20])).toMatchObject({ median: 15, p90: 20 });
  });

  it('p90 by nearest rank for n = 11 and n = 1', () => {
    expect(summarize([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toMatchObject({ median: 6, p90: 10, max: 11 });
    expect(summarize([7])).toEqual({ n: 1, mean: 7, median: 7, p90: 7, max: 7, withinTarget: null });
  });

  it('rounds the mean to two decimals and the share within target to four', () => {
    expect(summarize([1, 2, 4], [1, 0, -1]).mean).toBe(2.33);
    expect(summarize([1, 2, 4, 5], [1, 0, 1, -1]).withinTarget).toBe(0.6667);
    expect(summarize([1, 2], [-1, -1]).withinTarget).toBeNull();
  });

  it('gives nulls for no values', () => {
    expect(summarize([])).toEqual({
      n: 0,
      mean: null,
      median: null,
      p90: null,
      max: null,
      withinTarget: null,
    });
  });
});

/**
 * March 2026, hand-computed. Working days: Mon–Fri, no holidays in Jan–Mar 2026 after New Year.
 * R1 PPT   received Mon 5 Jan, first contact Mon 2 Mar (56 d / 40 wd), concluded Tue 31 Mar (85 d / 61 wd,
 *          PPT target 5 Apr: within); caseworkers 20 Jan–10 Feb and from 20 Feb (1 change, gap 11–19 Feb:
 *          9 d / 7 wd).
 * R2 PPT   received Mon 16 Feb, nothing since: waiting 43 d / 31 wd at 31 Mar (target 16 May: within).
 * R3 BUP   received Mon 2 Mar, decided 13 Mar, frist 20 Mar, first contact Mon 23 Mar (21 d / 15 wd, after
 *          the frist: not within, one fristbrudd on 21 Mar); not concluded: waiting 29 d / 21 wd.
 * R4 Skole received Tue 10 Mar, first contact Fri 20 Mar (10 d / 8 wd, target 24 Mar: within); waiting for a
 *          conclusion 21 d / 15 wd; signal 20 Feb, sent 9 Mar: 17 d / 11 wd.
 * R5 PPT   received 20 Mar, rejected 25 Mar: off the list, neither completed nor waiting.
 * R6 PPT   received Oct 2025, first contact Nov, concluded 27 Feb: both before the period; still open.
 * R7 PPT   received 2 Apr: after the period.
 */
const MARCH: ReferralRecord[] = [
  rec({
    service: 'PPT',
    school: 'Hov skole',
    received: '2026-01-05',
    firstContact: '2026-03-02',
    concluded: '2026-03-31',
    assignments: [
      { from: '2026-02-20', to: null },
      { from: '2026-01-20', to: '2026-02-10' },
    ],
    ref: { caseId: 'v1', case: 'c-1', referral: 'r-1' },
  }),
  rec({
    service: 'PPT',
    school: 'Hov skole',
    received: '2026-02-16',
    ref: { caseId: 'v2', case: 'c-2', referral: 'r-1' },
  }),
  rec({
    service: 'BUP',
    school: 'Berg skole',
    referredBy: 'fastlege',
    received: '2026-03-02',
    decided: '2026-03-13',
    decision: 'accepted',
    frist: '2026-03-20',
    firstContact: '2026-03-23',
    ref: { caseId: 'v3', case: 'c-3', referral: 'r-1' },
  }),
  rec({
    service: 'Skoleteam',
    received: '2026-03-10',
    signal: '2026-02-20',
    sent: '2026-03-09',
    firstContact: '2026-03-20',
    ref: { caseId: 'v4', case: 'c-4', referral: 'r-1' },
  }),
  rec({ service: 'PPT', received: '2026-03-20', decided: '2026-03-25', decision: 'rejected' }),
  rec({ service: 'PPT', received: '2025-10-01', firstContact: '2025-11-03', concluded: '2026-02-27' }),
  rec({ service: 'PPT', received: '2026-04-02' }),
];

const opts = (o: Partial<ReportOptions> = {}): ReportOptions => ({
  from: '2026-03-01',
  to: '2026-03-31',
  asOf: '2026-04-15',
  unit: 'calendar',
  ...o,
});

describe('waitingReport', () => {
  it('keeps completed and still waiting apart, in calendar days', () => {
    const r = waitingReport(MARCH, opts(), DEFAULT_SETTINGS);
    expect(r).toMatchObject({
      from: '2026-03-01',
      to: '2026-03-31',
      measuredTo: '2026-03-31',
      unit: 'calendar',
    });
    expect(r.groups).toHaveLength(1);
    const g = r.groups[0]!;
    expect(g.key).toBe('all');
    expect(g.ventetid).toEqual({
      completed: { n: 3, mean: 29, median: 21, p90: 56, max: 56, withinTarget: 0.5 },
      waiting: { n: 1, mean: 43, median: 43, p90: 43, max: 43, withinTarget: null },
    });
    expect(g.saksbehandlingstid).toEqual({
      completed: { n: 1, mean: 85, median: 85, p90: 85, max: 85, withinTarget: 1 },
      waiting: { n: 3, mean: 31, median: 29, p90: 43, max: 43, withinTarget: 1 },
    });
    expect(g.fristbrudd).toBe(1);
    expect(g.signalToReferral).toMatchObject({ n: 1, median: 17 });
    expect(g.caseworkerChanges).toEqual({
      referrals: 6,
      changes: 1,
      perReferral: 0.17,
      daysWithoutCaseworker: 9,
      daysWithoutCaseworkerPerReferral: 1.5,
    });
  });

  it('counts working days when asked', () => {
    const g = waitingReport(MARCH, opts({ unit: 'working' }), DEFAULT_SETTINGS).groups[0]!;
    expect(g.ventetid.completed).toEqual({ n: 3, mean: 21, median: 15, p90: 40, max: 40, withinTarget: 0.5 });
    expect(g.ventetid.waiting).toMatchObject({ n: 1, median: 31 });
    expect(g.saksbehandlingstid.completed).toMatchObject({ n: 1, median: 61 });
    expect(g.saksbehandlingstid.waiting).toEqual({
      n: 3,
      mean: 22.33,
      median: 21,
      p90: 31,
      max: 31,
      withinTarget: 1,
    });
    expect(g.signalToReferral).toMatchObject({ median: 11 });
    expect(g.caseworkerChanges.daysWithoutCaseworker).toBe(7);
  });

  it('lists the open referrals by days waited, longest first', () => {
    const r = waitingReport(MARCH, opts(), DEFAULT_SETTINGS);
    expect(r.openReferrals).toEqual([
      {
        caseId: 'v2',
        case: 'c-2',
        referral: 'r-1',
        service: 'PPT',
        received: '2026-02-16',
        days: 43,
        frist: null,
        targetDate: null,
        pastTarget: null,
      },
    ]);
  });

  it('measures a period that reaches past today to today', () => {
    const r = waitingReport(MARCH, opts({ asOf: '2026-03-15' }), DEFAULT_SETTINGS);
    expect(r.measuredTo).toBe('2026-03-15');
    // R1 (2 Mar) is completed; R3 and R4 wait for first contact at 15 March: 13 and 5 days; R2: 27.
    expect(r.groups[0]!.ventetid.completed).toMatchObject({ n: 1, median: 56 });
    expect(r.groups[0]!.ventetid.waiting).toMatchObject({ n: 3, median: 13, max: 27 });
    expect(r.groups[0]!.fristbrudd).toBe(0);
  });

  it('splits by month, each month its own period', () => {
    const r = waitingReport(MARCH, opts({ from: '2026-02-01', by: 'month' }), DEFAULT_SETTINGS);
    expect(r.groups.map((g) => [g.key, g.from, g.to])).toEqual([
      ['2026-02', '2026-02-01', '2026-02-28'],
      ['2026-03', '2026-03-01', '2026-03-31'],
    ]);
    // February: nobody had first contact; R1 (54 d) and R2 (12 d) wait at 28 February.
    expect(r.groups[0]!.ventetid).toEqual({
      completed: { n: 0, mean: null, median: null, p90: null, max: null, withinTarget: null },
      waiting: { n: 2, mean: 33, median: 33, p90: 54, max: 54, withinTarget: null },
    });
    // R6 was concluded on 27 February (149 d after 1 October 2025, past its 3-month target).
    expect(r.groups[0]!.saksbehandlingstid.completed).toMatchObject({ n: 1, max: 149, withinTarget: 0 });
    expect(r.groups[1]!.ventetid.completed.n).toBe(3);
  });

  it('splits by quarter, clipped to the period', () => {
    const r = waitingReport(
      MARCH,
      opts({ from: '2026-02-15', to: '2026-04-10', by: 'quarter' }),
      DEFAULT_SETTINGS,
    );
    expect(r.groups.map((g) => [g.key, g.from, g.to])).toEqual([
      ['2026-Q1', '2026-02-15', '2026-03-31'],
      ['2026-Q2', '2026-04-01', '2026-04-10'],
    ]);
  });

  it('groups by school, referrer and caseworker changes', () => {
    const bySchool = waitingReport(MARCH, opts({ by: 'school' }), DEFAULT_SETTINGS);
    expect(bySchool.groups.map((g) => g.key).sort()).toEqual(['(ukjent)', 'Berg skole', 'Hov skole'].sort());
    const hov = bySchool.groups.find((g) => g.key === 'Hov skole')!;
    expect(hov.ventetid.completed).toMatchObject({ n: 1, max: 56 });
    expect(hov.ventetid.waiting).toMatchObject({ n: 1, max: 43 });
    const byReferrer = waitingReport(MARCH, opts({ by: 'referrer' }), DEFAULT_SETTINGS);
    expect(byReferrer.groups.map((g) => g.key)).toEqual(['fastlege', 'skole']);
    expect(byReferrer.groups[0]!.fristbrudd).toBe(1);
    const byChanges = waitingReport(MARCH, opts({ by: 'caseworker-changes' }), DEFAULT_SETTINGS);
    expect(byChanges.groups.map((g) => [g.key, g.caseworkerChanges.referrals])).toEqual([
      ['0', 5],
      ['1', 1],
    ]);
  });

  it('filters by service', () => {
    const r = waitingReport(MARCH, opts({ service: 'BUP' }), DEFAULT_SETTINGS);
    expect(r.service).toBe('BUP');
    expect(r.groups[0]!.ventetid.completed).toMatchObject({ n: 1, median: 21, withinTarget: 0 });
  });

  it('takes targets from the settings', () => {
    const strict = resolveSettings({ targets: { PPT: { concluded: { unit: 'months', n: 2 } } } });
    const g = waitingReport(MARCH, opts(), strict).groups[0]!;
    expect(g.saksbehandlingstid.completed.withinTarget).toBe(0); // 85 days > 2 months
  });

  it('refuses a period that ends before it starts, or starts after today', () => {
    expect(() => waitingReport(MARCH, opts({ to: '2026-02-28' }), DEFAULT_SETTINGS)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', issues: [{ path: ['to'], code: 'PERIOD_ORDER' }] }),
    );
    expect(() => waitingReport(MARCH, opts({ asOf: '2026-02-01' }), DEFAULT_SETTINGS)).toThrow(
      expect.objectContaining({ issues: [{ path: ['from'], code: 'PERIOD_AFTER_TODAY' }] }),
    );
  });
});

describe('suppressReport', () => {
  it('hides counts of 1–4 and everything computed from them, and marks them', () => {
    const r = suppressReport(waitingReport(MARCH, opts(), DEFAULT_SETTINGS));
    const g = r.groups[0]!;
    expect(r.suppression).toEqual({ below: 5 });
    expect(r.openReferrals).toEqual([]);
    expect(g.ventetid.completed).toEqual({
      n: null,
      mean: null,
      median: null,
      p90: null,
      max: null,
      withinTarget: null,
      suppressed: true,
    });
    expect(g.fristbrudd).toBeNull();
    // Six referrals were open: shown; one change: suppressed.
    expect(g.caseworkerChanges).toMatchObject({ referrals: 6, changes: null, perReferral: null });
    expect(g.suppressed).toEqual([
      'ventetid.completed',
      'ventetid.waiting',
      'saksbehandlingstid.completed',
      'saksbehandlingstid.waiting',
      'signalToReferral',
      'fristbrudd',
      'caseworkerChanges.changes',
    ]);
  });

  it('keeps counts of five and more, and zero', () => {
    const five = Array.from({ length: 5 }, (_, i) =>
      rec({ service: 'PPT', received: `2026-03-0${i + 2}`, firstContact: '2026-03-20' }),
    );
    const g = suppressReport(waitingReport(five, opts(), DEFAULT_SETTINGS)).groups[0]!;
    expect(g.ventetid.completed).toMatchObject({ n: 5, median: 16 });
    expect(g.ventetid.waiting).toMatchObject({ n: 0 });
    expect(g.saksbehandlingstid.waiting).toMatchObject({ n: 5, withinTarget: 1 });
    expect(g.fristbrudd).toBe(0);
    expect(g.suppressed).toBeUndefined();
  });
});

describe('measureReferral', () => {
  it('measures each span in both units, open ones to the as-of date', () => {
    const m = measureReferral(MARCH[2]!, '2026-03-25', DEFAULT_SETTINGS);
    expect(m.ventetid).toEqual({
      status: 'completed',
      calendarDays: 21,
      workingDays: 15,
      targetDate: '2026-03-20',
      withinTarget: false,
    });
    expect(m.decision).toMatchObject({
      status: 'completed',
      calendarDays: 11,
      workingDays: 9,
      withinTarget: true,
    });
    expect(m.decision.targetDate).toBe('2026-03-16');
    expect(m.saksbehandlingstid).toEqual({
      status: 'waiting',
      calendarDays: 23,
      workingDays: 17,
      targetDate: null,
      withinTarget: null,
    });
    expect(m.fristbrudd).toBe(true);
  });

  it('treats milestones after the as-of date as not reached', () => {
    const m = measureReferral(MARCH[2]!, '2026-03-20', DEFAULT_SETTINGS);
    expect(m.ventetid).toMatchObject({ status: 'waiting', calendarDays: 18, withinTarget: true });
    expect(m.fristbrudd).toBe(false);
    expect(measureReferral(MARCH[2]!, '2026-03-22', DEFAULT_SETTINGS).fristbrudd).toBe(true);
  });

  it('counts caseworker changes, days without one, and the signal-to-referral lag', () => {
    const m = measureReferral(MARCH[0]!, '2026-03-31', DEFAULT_SETTINGS);
    expect(m.caseworkerChanges).toBe(1);
    expect(m.withoutCaseworker).toEqual({ calendarDays: 9, workingDays: 7 });
    expect(measureReferral(MARCH[3]!, '2026-03-31', DEFAULT_SETTINGS).signalToReferral).toEqual({
      calendarDays: 17,
      workingDays: 11,
    });
    // The last caseworker left on 20 March and nobody came: 11 days (7 working days) to 31 March.
    const left = { ...MARCH[0]!, assignments: [{ from: '2026-01-20', to: '2026-03-20' }] };
    expect(measureReferral(left, '2026-03-31', DEFAULT_SETTINGS)).toMatchObject({
      caseworkerChanges: 0,
      withoutCaseworker: { calendarDays: 11, workingDays: 7 },
    });
  });

  it('takes a rejected referral off the list', () => {
    const m = measureReferral(MARCH[4]!, '2026-03-31', DEFAULT_SETTINGS);
    expect(m.ventetid).toMatchObject({ status: 'removed', calendarDays: null, withinTarget: null });
    expect(m.decision).toMatchObject({ status: 'completed', calendarDays: 5 });
  });
});
