import { z } from 'zod';
import { epochDay, isoDay } from '../calendar/days';
import { service } from '../domain/common';
import { REFERRERS } from '../domain/referral';
import { caseworkerFigures, daysIn, prepare, type Prepared } from './measures';
import type { ReferralRecord } from './records';
import {
  calendarPeriods,
  CHANGE_KEYS,
  sortGroupKeys,
  SUPPRESSED_KEY,
  Tally,
  UNKNOWN_KEY,
  type GroupBy,
  type ReportGroup,
  type Unit,
  type WaitingReport,
} from './report';
import type { WaitingSettings } from './settings';
import { SUPPRESS_BELOW } from './suppress';

/**
 * The rows of a `bro-metrics/2` bundle: what the waiting-time statistics need of one referral,
 * and no calendar dates (issue 14 item 11). A `bro-metrics/1` row was the referral's dates
 * (signal, sent, received, decided, first contact, concluded, closed, every caseworker period):
 * a sequence of exact dates that can single out a pupil in a small municipality. A `/2` row
 * holds instead, for each month of the period, the figure that month's statistics take from the
 * referral — a completed wait (received → milestone) or one still waiting at the month's end, in
 * calendar and working days, with whether it met the service's target — its caseworker changes
 * and days without a caseworker to the month's end, the month a frist was broken, its status at
 * the period's end and its categories. The report across bundles is computed from these alone
 * (`factsReport`), and gives the same figures as the report over the referrals themselves
 * (`waitingReport`) for every grouping and unit (shared/waiting/facts.test.ts).
 *
 * What a row still reveals: a wait measured to a month's end, with the month, gives the day the
 * referral was received; a completed wait gives its length and month, not its dates. docs/
 * SECURITY.md § Metrics bundles says what a lead can and cannot learn.
 */

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const month = z.string().regex(MONTH);
const days = z.number().int().min(0).max(100_000);

export const STATUSES = ['waiting', 'started', 'concluded', 'closed', 'rejected', 'forwarded'] as const;
export type Status = (typeof STATUSES)[number];

const spanFigure = z.strictObject({
  /** `completed`: the milestone fell in this month. `waiting`: not reached by the month's end. */
  state: z.enum(['completed', 'waiting']),
  calendarDays: days,
  workingDays: days,
  /** Met (completed) or not yet past (waiting) the service's target; null without a target. */
  withinTarget: z.boolean().nullable(),
});
export type SpanFigure = z.infer<typeof spanFigure>;

const monthFacts = z.strictObject({
  month,
  ventetid: spanFigure.optional(),
  saksbehandlingstid: spanFigure.optional(),
  /** Present when the referral was open in the month: figures from received to the month's end. */
  caseworker: z
    .strictObject({ changes: z.number().int().min(0).max(1000), calendarDays: days, workingDays: days })
    .optional(),
});
export type MonthFacts = z.infer<typeof monthFacts>;

export const factsRow = z.strictObject({
  service,
  referredBy: z.enum(REFERRERS).nullable(),
  school: z
    .string()
    .regex(/^S-[A-Z2-7]{10}$/)
    .nullable(),
  suppressed: z
    .array(z.enum(['school', 'referredBy']))
    .max(2)
    .optional(),
  /** Where the referral stood at the period's end. */
  status: z.enum(STATUSES),
  /** Signal → referral, for a referral received in the period that records a first sign. */
  signalToReferral: z.strictObject({ month, calendarDays: days, workingDays: days }).nullable(),
  /** The month in which its frist passed without help having started (counted the day after). */
  fristbrudd: month.nullable(),
  /** Caseworker changes from received to the period's end (the `caseworker-changes` grouping). */
  caseworkerChanges: z.number().int().min(0).max(1000),
  months: z.array(monthFacts).max(1200),
});
export type FactsRow = z.infer<typeof factsRow>;

function status(p: Prepared, at: number): Status {
  const r = p.rec;
  if (p.removed <= at) {
    if (r.closed !== null && epochDay(r.closed) === p.removed) return 'closed';
    return r.decision === 'forwarded' ? 'forwarded' : 'rejected';
  }
  if (p.concluded <= at) return 'concluded';
  if (p.firstContact <= at) return 'started';
  return 'waiting';
}

function figure(
  p: Prepared,
  end: number,
  target: number,
  mFrom: number,
  mTo: number,
  settings: WaitingSettings,
): SpanFigure | undefined {
  const cal = settings.calendar;
  const noTarget = Number.isNaN(target);
  if (end <= mTo) {
    if (end < mFrom) return undefined;
    return {
      state: 'completed',
      calendarDays: end - p.received,
      workingDays: daysIn('working', p.received, end, cal),
      withinTarget: noTarget ? null : end <= target,
    };
  }
  if (p.removed <= mTo) return undefined;
  return {
    state: 'waiting',
    calendarDays: mTo - p.received,
    workingDays: daysIn('working', p.received, mTo, cal),
    withinTarget: noTarget ? null : mTo <= target,
  };
}

const monthKey = (day: number) => isoDay(day).slice(0, 7);

/**
 * One record's facts for the period `from`–`at` (the period's end, or the as-of date if
 * earlier), measured against `settings` (the exporting service's targets and calendar).
 */
export function referralFacts(
  rec: ReferralRecord,
  opts: { from: string; at: string },
  settings: WaitingSettings,
): Omit<FactsRow, 'referredBy' | 'school' | 'suppressed'> & {
  school: string | null;
  referredBy: string | null;
} {
  const p = prepare(rec, settings);
  const from = epochDay(opts.from);
  const at = epochDay(opts.at);
  const cal = settings.calendar;
  const months: MonthFacts[] = [];
  for (const m of calendarPeriods(from, at, 1)) {
    if (p.received > m.to) continue;
    const f: MonthFacts = { month: m.key };
    const v = figure(p, p.firstContact, p.firstContactTarget, m.from, m.to, settings);
    if (v) f.ventetid = v;
    const s = figure(p, p.concluded, p.concludedTarget, m.from, m.to, settings);
    if (s) f.saksbehandlingstid = s;
    if (p.removed >= m.from) {
      const cw = caseworkerFigures(p, m.to, cal);
      f.caseworker = { changes: cw.changes, calendarDays: cw.calendarDays, workingDays: cw.workingDays };
    }
    if (f.ventetid || f.saksbehandlingstid || f.caseworker) months.push(f);
  }
  const b = p.frist + 1;
  const broken = b >= from && b <= at && p.firstContact > p.frist && p.removed > p.frist;
  const signal =
    !Number.isNaN(p.signal) && p.received >= from && p.received <= at
      ? {
          month: monthKey(p.received),
          calendarDays: daysIn('calendar', p.signal, p.referred, cal),
          workingDays: daysIn('working', p.signal, p.referred, cal),
        }
      : null;
  return {
    service: rec.service,
    referredBy: rec.referredBy,
    school: rec.school,
    status: status(p, at),
    signalToReferral: signal,
    fristbrudd: broken ? monthKey(b) : null,
    caseworkerChanges: caseworkerFigures(p, at, cal).changes,
    months,
  };
}

/**
 * The rows of a `/2` bundle from the vault's records (those `relevant` to the period, see
 * metrics.ts), with schools as pseudonyms and rare schools or referrers suppressed.
 */
export function factsRows(
  records: readonly ReferralRecord[],
  opts: { from: string; at: string },
  settings: WaitingSettings,
  pseudonym: (school: string) => string,
): FactsRow[] {
  const rows: FactsRow[] = records.map((r) => {
    const f = referralFacts(r, opts, settings);
    return {
      ...f,
      referredBy: (REFERRERS as readonly string[]).includes(f.referredBy ?? '')
        ? (f.referredBy as FactsRow['referredBy'])
        : null,
      school: f.school === null ? null : pseudonym(f.school),
    };
  });
  suppressRare(rows, 'school');
  suppressRare(rows, 'referredBy');
  // An order that says nothing about the vault's case order: by content.
  const keyed = rows.map((r) => [JSON.stringify(r), r] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return keyed.map(([, r]) => r);
}

/**
 * A school or referrer that fewer than five rows share is suppressed (null) and the row says so:
 * the same rule for `/1` and `/2` rows.
 */
export function suppressRare<
  R extends { school: string | null; referredBy: string | null; suppressed?: ('school' | 'referredBy')[] },
>(rows: R[], field: 'school' | 'referredBy'): void {
  const counts = new Map<string, number>();
  for (const r of rows) if (r[field] !== null) counts.set(r[field]!, (counts.get(r[field]!) ?? 0) + 1);
  for (const r of rows) {
    const v = r[field];
    if (v !== null && (counts.get(v) ?? 0) < SUPPRESS_BELOW) {
      r[field] = null;
      r.suppressed = [...(r.suppressed ?? []), field];
    }
  }
}

// ---------------------------------------------------------------- the report from facts

class FactBucket extends Tally {
  /** `months`: the bucket's months in order; the waiting figures are those of the last one. */
  constructor(
    readonly key: string,
    readonly months: ReadonlySet<string>,
    readonly last: string,
    readonly period?: { from: string; to: string },
  ) {
    super();
  }

  add(row: FactsRow, unit: Unit): void {
    const pick = (x: { calendarDays: number; workingDays: number }) =>
      unit === 'calendar' ? x.calendarDays : x.workingDays;
    let cw: MonthFacts['caseworker'];
    for (const m of row.months) {
      if (!this.months.has(m.month)) continue;
      for (const [f, c, cw2, w, ww] of [
        [m.ventetid, this.vc, this.vcw, this.vw, this.vww],
        [m.saksbehandlingstid, this.sc, this.scw, this.sw, this.sww],
      ] as const) {
        if (!f) continue;
        const within = f.withinTarget === null ? -1 : f.withinTarget ? 1 : 0;
        if (f.state === 'completed') {
          c.push(pick(f));
          cw2.push(within);
          this.touched = true;
        } else if (m.month === this.last) {
          w.push(pick(f));
          ww.push(within);
          this.touched = true;
        }
      }
      if (m.caseworker) cw = m.caseworker;
    }
    if (row.signalToReferral && this.months.has(row.signalToReferral.month)) {
      this.signal.push(pick(row.signalToReferral));
      this.touched = true;
    }
    if (row.fristbrudd && this.months.has(row.fristbrudd)) this.fristbrudd++;
    if (cw) {
      this.active++;
      this.changes += cw.changes;
      this.gapDays += pick(cw);
      this.touched = true;
    }
  }

  result(): ReportGroup {
    return this.group(this.key, this.period);
  }
}

/**
 * The waiting-time report from `/2` rows: the groups `waitingReport` makes from the referrals
 * themselves, with no list of open referrals (a bundle names none). `at` is the day the rows
 * were measured to. Months group as months; a quarter is its months, waiting at its last one.
 */
export function factsReport(
  rows: readonly FactsRow[],
  opts: {
    from: string;
    to: string;
    at: string;
    unit: Unit;
    by?: GroupBy | null;
    service?: FactsRow['service'] | null;
  },
): WaitingReport {
  const from = epochDay(opts.from);
  const at = epochDay(opts.at);
  const by = opts.by ?? null;
  const unit = opts.unit;
  const own = rows.filter((r) => !opts.service || r.service === opts.service);
  const months = calendarPeriods(from, at, 1);
  const all = new Set(months.map((m) => m.key));
  const lastKey = months.length ? months[months.length - 1]!.key : '';
  let groups: ReportGroup[];
  if (by === 'month' || by === 'quarter') {
    groups = calendarPeriods(from, at, by === 'month' ? 1 : 3).map((period) => {
      const inIt = months.filter((m) => m.from >= period.from && m.to <= period.to).map((m) => m.key);
      const b = new FactBucket(period.key, new Set(inIt), inIt[inIt.length - 1] ?? '', {
        from: isoDay(period.from),
        to: isoDay(period.to),
      });
      for (const r of own) b.add(r, unit);
      return b.result();
    });
  } else if (by === null) {
    const b = new FactBucket('all', all, lastKey);
    for (const r of own) b.add(r, unit);
    groups = [b.result()];
  } else {
    const buckets = new Map<string, FactBucket>();
    for (const r of own) {
      let key: string;
      if (by === 'school')
        key = r.suppressed?.includes('school') ? SUPPRESSED_KEY : (r.school ?? UNKNOWN_KEY);
      else if (by === 'referrer')
        key = r.suppressed?.includes('referredBy') ? SUPPRESSED_KEY : (r.referredBy ?? UNKNOWN_KEY);
      else key = CHANGE_KEYS[Math.min(3, r.caseworkerChanges)] as string;
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = new FactBucket(key, all, lastKey)));
      b.add(r, unit);
    }
    const keys = [...buckets.keys()].filter((k) => buckets.get(k)!.touched);
    groups = sortGroupKeys(by, keys).map((k) => buckets.get(k)!.result());
  }
  return {
    from: opts.from,
    to: opts.to,
    measuredTo: opts.at,
    unit,
    by,
    service: opts.service ?? null,
    groups,
    openReferrals: [],
  };
}
