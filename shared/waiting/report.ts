import { civil, dayNumber, epochDay, isoDay } from '../calendar/days';
import { workingDaysBetween } from '../calendar/workdays';
import type { Service } from '../domain/common';
import { BroError } from '../errors';
import { caseworkerFigures, daysIn, prepare, type CaseworkerFigures, type Prepared } from './measures';
import type { AccessRequestFigures } from '../innsyn/figures';
import type { ReferralRecord } from './records';
import type { WaitingSettings } from './settings';
import { round, summarize, type Stats } from './stats';

/**
 * The waiting-time report over a period, as Helsedirektoratet reports waiting times (DESIGN §4):
 * completed waits and those still waiting are kept apart.
 * - completed: the end milestone (firstContact for ventetid, concluded for saksbehandlingstid)
 *   falls inside the period, both ends inclusive; the value is received → end;
 * - still waiting: received on or before the period's end and not ended (nor taken off the
 *   list) by then; the value is received → the period's end.
 * A period that reaches past the as-of date (today) is measured to the as-of date: what has not
 * happened yet is not known (`measuredTo`).
 */

export const GROUP_BY = ['month', 'quarter', 'school', 'referrer', 'caseworker-changes'] as const;
export type GroupBy = (typeof GROUP_BY)[number];
export type Unit = 'calendar' | 'working';

export const UNKNOWN_KEY = '(ukjent)';
export const SUPPRESSED_KEY = '(prikket)';

export interface SpanStats {
  completed: Stats;
  waiting: Stats;
}

export interface CaseworkerStats {
  /** Referrals open at some point in the period. */
  referrals: number | null;
  /** Caseworker changes in those referrals, from received to closed or the period's end. */
  changes: number | null;
  perReferral: number | null;
  /** Days without a caseworker (in the report's unit) in the same span, summed. */
  daysWithoutCaseworker: number | null;
  daysWithoutCaseworkerPerReferral: number | null;
}

export interface ReportGroup {
  key: string;
  /** The group's own period (month and quarter groups). */
  from?: string;
  to?: string;
  ventetid: SpanStats;
  saksbehandlingstid: SpanStats;
  /** Signal → referral for referrals received in the period that record a first sign of concern. */
  signalToReferral: Stats;
  /** Frister that passed in the period without help having started (counted on the day after). */
  fristbrudd: number | null;
  caseworkerChanges: CaseworkerStats;
  /** Figures suppressed in this group (counts of 1–4 leaving the vault), by path. */
  suppressed?: string[];
}

export interface OpenReferral {
  caseId: string;
  case: string;
  referral: string;
  service: Service;
  received: string;
  /** Days waited to the period's end, in the report's unit. */
  days: number;
  frist: string | null;
  /** The ventetid target date, or null when the service has none. */
  targetDate: string | null;
  pastTarget: boolean | null;
}

export interface WaitingReport {
  from: string;
  to: string;
  measuredTo: string;
  unit: Unit;
  by: GroupBy | null;
  service: Service | null;
  groups: ReportGroup[];
  /** Inside the vault only: referrals still waiting for first contact, longest wait first. */
  openReferrals: OpenReferral[];
  /** Present when counts under 5 were suppressed (for anything leaving the vault). */
  suppression?: { below: number };
  /** Innsyn requests in the period (shared/innsyn/figures.ts); absent in reports merged from bundles. */
  accessRequests?: AccessRequestFigures;
}

export interface ReportOptions {
  from: string;
  to: string;
  /** Today: a period reaching past it is measured to it. */
  asOf: string;
  unit: Unit;
  by?: GroupBy | null;
  service?: Service | null;
}

/** Reused for every referral's caseworker figures: a report makes no garbage per referral for them. */
const SCRATCH: CaseworkerFigures = { changes: 0, calendarDays: 0, workingDays: 0 };

/**
 * One group's values as they are collected: the waits (completed and still waiting, each with
 * whether it met its target), signal→referral, fristbrudd and the caseworker figures. The report
 * over referrals (`Bucket`) and the report over a bundle's figures (facts.ts) fill it alike.
 */
export class Tally {
  readonly vc: number[] = [];
  readonly vcw: number[] = [];
  readonly vw: number[] = [];
  readonly vww: number[] = [];
  readonly sc: number[] = [];
  readonly scw: number[] = [];
  readonly sw: number[] = [];
  readonly sww: number[] = [];
  readonly signal: number[] = [];
  fristbrudd = 0;
  active = 0;
  changes = 0;
  gapDays = 0;
  touched = false;

  /** The group as the report gives it, with its own period when it has one. */
  group(key: string, period?: { from: string; to: string }): ReportGroup {
    const per = (x: number) => (this.active > 0 ? round(x / this.active, 2) : null);
    return {
      key,
      ...(period ?? {}),
      ventetid: { completed: summarize(this.vc, this.vcw), waiting: summarize(this.vw, this.vww) },
      saksbehandlingstid: { completed: summarize(this.sc, this.scw), waiting: summarize(this.sw, this.sww) },
      signalToReferral: summarize(this.signal),
      fristbrudd: this.fristbrudd,
      caseworkerChanges: {
        referrals: this.active,
        changes: this.changes,
        perReferral: per(this.changes),
        daysWithoutCaseworker: this.gapDays,
        daysWithoutCaseworkerPerReferral: per(this.gapDays),
      },
    };
  }
}

/** Collects one group's values in one pass over the referrals. */
class Bucket extends Tally {
  constructor(
    readonly key: string,
    readonly from: number,
    readonly at: number,
  ) {
    super();
  }

  add(p: Prepared, unit: Unit, settings: WaitingSettings): void {
    const { from, at } = this;
    if (p.received > at) return;
    const cal = settings.calendar;
    // ventetid
    span(
      p,
      p.firstContact,
      p.firstContactTarget,
      from,
      at,
      unit,
      cal,
      this.vc,
      this.vcw,
      this.vw,
      this.vww,
      this,
    );
    span(p, p.concluded, p.concludedTarget, from, at, unit, cal, this.sc, this.scw, this.sw, this.sww, this);
    if (!Number.isNaN(p.signal) && p.received >= from) {
      this.signal.push(daysIn(unit, p.signal, p.referred, cal));
      this.touched = true;
    }
    const b = p.frist + 1;
    if (b >= from && b <= at && p.firstContact > p.frist && p.removed > p.frist) this.fristbrudd++;
    if (p.removed >= from) {
      const cw = caseworkerFigures(p, at, cal, SCRATCH);
      this.active++;
      this.changes += cw.changes;
      this.gapDays += unit === 'calendar' ? cw.calendarDays : cw.workingDays;
      this.touched = true;
    }
  }

  result(withPeriod: boolean): ReportGroup {
    return this.group(this.key, withPeriod ? { from: isoDay(this.from), to: isoDay(this.at) } : undefined);
  }
}

function span(
  p: Prepared,
  end: number,
  target: number,
  from: number,
  at: number,
  unit: Unit,
  cal: WaitingSettings['calendar'],
  completed: number[],
  completedWithin: number[],
  waiting: number[],
  waitingWithin: number[],
  bucket: Bucket,
): void {
  const noTarget = Number.isNaN(target);
  if (end <= at) {
    if (end >= from) {
      completed.push(unit === 'calendar' ? end - p.received : workingDaysBetween(p.received, end, cal));
      completedWithin.push(noTarget ? -1 : end <= target ? 1 : 0);
      bucket.touched = true;
    }
  } else if (p.removed > at) {
    waiting.push(unit === 'calendar' ? at - p.received : workingDaysBetween(p.received, at, cal));
    waitingWithin.push(noTarget ? -1 : at <= target ? 1 : 0);
    bucket.touched = true;
  }
}

function periodError(path: string, code: string): BroError {
  return new BroError('VALIDATION', 'Invalid report period', { issues: [{ path: [path], code }] });
}

/** Month or quarter periods covering [from, at], each clipped to it. */
export function calendarPeriods(
  from: number,
  at: number,
  months: 1 | 3,
): { key: string; from: number; to: number }[] {
  const out: { key: string; from: number; to: number }[] = [];
  let [y, m] = civil(from);
  m = months === 3 ? Math.floor((m - 1) / 3) * 3 + 1 : m;
  for (;;) {
    const start = dayNumber(y, m, 1);
    if (start > at) break;
    const nm = m + months > 12 ? m + months - 12 : m + months;
    const ny = m + months > 12 ? y + 1 : y;
    const end = dayNumber(ny, nm, 1) - 1;
    const key = months === 3 ? `${y}-Q${(m + 2) / 3}` : `${y}-${String(m).padStart(2, '0')}`;
    out.push({ key, from: Math.max(start, from), to: Math.min(end, at) });
    y = ny;
    m = nm;
  }
  return out;
}

/** The groups of `caseworker-changes`. */
export const CHANGE_KEYS = ['0', '1', '2', '3+'];

/** Group keys in the report's order: change counts as numbers, other keys in Norwegian order. */
export function sortGroupKeys(by: GroupBy, keys: string[]): string[] {
  return keys.sort(
    by === 'caseworker-changes' ? (a, b) => (a < b ? -1 : 1) : (a, b) => a.localeCompare(b, 'nb'),
  );
}

/** The waiting-time report over `records` for the period `from`–`to` (both inclusive). */
export function waitingReport(
  records: readonly ReferralRecord[],
  opts: ReportOptions,
  settings: WaitingSettings,
): WaitingReport {
  if (opts.to < opts.from) throw periodError('to', 'PERIOD_ORDER');
  if (opts.from > opts.asOf) throw periodError('from', 'PERIOD_AFTER_TODAY');
  const from = epochDay(opts.from);
  const at = Math.min(epochDay(opts.to), epochDay(opts.asOf));
  const by = opts.by ?? null;
  const unit = opts.unit;
  const cal = settings.calendar;

  const prepared: Prepared[] = [];
  for (const r of records) {
    if (opts.service && r.service !== opts.service) continue;
    if (r.received > opts.to) continue;
    prepared.push(prepare(r, settings));
  }

  let groups: ReportGroup[];
  if (by === 'month' || by === 'quarter') {
    groups = calendarPeriods(from, at, by === 'month' ? 1 : 3).map((period) => {
      const b = new Bucket(period.key, period.from, period.to);
      for (const p of prepared) b.add(p, unit, settings);
      return b.result(true);
    });
  } else if (by === null) {
    const b = new Bucket('all', from, at);
    for (const p of prepared) b.add(p, unit, settings);
    groups = [b.result(false)];
  } else {
    const buckets = new Map<string, Bucket>();
    for (const p of prepared) {
      let key: string;
      if (by === 'school') key = p.rec.school ?? UNKNOWN_KEY;
      else if (by === 'referrer') key = p.rec.referredBy ?? UNKNOWN_KEY;
      else key = CHANGE_KEYS[Math.min(3, caseworkerFigures(p, at, cal, SCRATCH).changes)] as string;
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = new Bucket(key, from, at)));
      b.add(p, unit, settings);
    }
    const keys = [...buckets.keys()].filter((k) => buckets.get(k)!.touched);
    groups = sortGroupKeys(by, keys).map((k) => buckets.get(k)!.result(false));
  }

  const openReferrals: OpenReferral[] = [];
  for (const p of prepared) {
    const ref = p.rec.ref;
    if (!ref || p.firstContact <= at || p.removed <= at) continue;
    const target = p.firstContactTarget;
    openReferrals.push({
      ...ref,
      service: p.rec.service,
      received: p.rec.received,
      days: daysIn(unit, p.received, at, cal),
      frist: p.rec.frist,
      targetDate: Number.isNaN(target) ? null : isoDay(target),
      pastTarget: Number.isNaN(target) ? null : at > target,
    });
  }
  openReferrals.sort(
    (a, b) =>
      b.days - a.days ||
      (a.received < b.received ? -1 : a.received > b.received ? 1 : 0) ||
      a.case.localeCompare(b.case, 'nb'),
  );

  return {
    from: opts.from,
    to: opts.to,
    measuredTo: isoDay(at),
    unit,
    by,
    service: opts.service ?? null,
    groups,
    openReferrals,
  };
}
