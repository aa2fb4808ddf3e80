import { epochDay, isoDay } from '../calendar/days';
import { workingDaysBetween, type CalendarSettings } from '../calendar/workdays';
import type { ReferralRecord } from './records';
import { spanEndDay, type TargetSpan, type WaitingSettings } from './settings';

/**
 * Measures per referral (DESIGN §4), in calendar and working days:
 * - ventetid = received → firstContact;
 * - saksbehandlingstid = received → concluded;
 * - decision time = received → decided (BUP's rights assessment);
 * - signal-to-referral = first sign of concern → referral sent (received when sent is unknown);
 * - caseworker changes and days without a caseworker while the referral is open.
 * A referral is taken off the list without reaching the milestone when it is closed, or
 * rejected or forwarded at the decision: it is then neither completed nor waiting.
 * A referral that is still open is measured to the as-of date.
 */

const NEVER = Number.POSITIVE_INFINITY;
const NO_ASSIGNMENTS: readonly number[] = [];

function day(d: string | null): number {
  return d === null ? NEVER : epochDay(d);
}

/** A record with its dates as day numbers and its target days worked out once. */
export interface Prepared {
  rec: ReferralRecord;
  received: number;
  decided: number;
  firstContact: number;
  concluded: number;
  frist: number;
  /** Taken off the list without the milestone (closed, rejected, forwarded); NEVER if not. */
  removed: number;
  /** First sign of concern and the day the referral was sent (NaN when unknown). */
  signal: number;
  referred: number;
  /** Target days: the milestone is within target if it falls on or before it (NaN = no target). */
  decidedTarget: number;
  firstContactTarget: number;
  concludedTarget: number;
  /** Caseworker periods sorted by start: [from, to, from, to, …] with NEVER for an open end. */
  assignments: readonly number[];
}

function targetDay(received: number, span: TargetSpan | null, cal: CalendarSettings): number {
  return span ? spanEndDay(received, span, cal) : Number.NaN;
}

function assignmentDays(list: ReferralRecord['assignments']): readonly number[] {
  if (list.length === 0) return NO_ASSIGNMENTS;
  let sorted = list;
  for (let i = 1; i < list.length; i++)
    if ((list[i] as { from: string }).from < (list[i - 1] as { from: string }).from) {
      sorted = [...list].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
      break;
    }
  const out = new Array<number>(sorted.length * 2);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i] as { from: string; to: string | null };
    out[2 * i] = epochDay(a.from);
    out[2 * i + 1] = day(a.to);
  }
  return out;
}

/**
 * The record as day numbers. Reports prepare tens of thousands of these, so this allocates
 * one object and (when there are caseworkers) one array, and nothing else.
 */
export function prepare(rec: ReferralRecord, settings: WaitingSettings): Prepared {
  const received = epochDay(rec.received);
  const decided = day(rec.decided);
  const closed = day(rec.closed);
  const offList = rec.decision === 'rejected' || rec.decision === 'forwarded' ? decided : NEVER;
  const frist = day(rec.frist);
  const targets = settings.targets[rec.service];
  const cal = settings.calendar;
  const fc = targets.firstContact;
  return {
    rec,
    received,
    decided,
    firstContact: day(rec.firstContact),
    concluded: day(rec.concluded),
    frist,
    removed: closed < offList ? closed : offList,
    signal: rec.signal === null ? Number.NaN : epochDay(rec.signal),
    referred: rec.sent === null ? received : epochDay(rec.sent),
    decidedTarget: targetDay(received, targets.decided, cal),
    firstContactTarget:
      fc === 'frist' ? (rec.frist === null ? Number.NaN : frist) : targetDay(received, fc, cal),
    concludedTarget: targetDay(received, targets.concluded, cal),
    assignments: assignmentDays(rec.assignments),
  };
}

/** Where a measure stands on day `at`. */
export type SpanStatus = 'completed' | 'waiting' | 'removed' | 'notReceived';

export function spanStatus(p: Prepared, end: number, at: number): SpanStatus {
  if (p.received > at) return 'notReceived';
  if (end <= at) return 'completed';
  if (p.removed <= at) return 'removed';
  return 'waiting';
}

export function daysIn(
  unit: 'calendar' | 'working',
  from: number,
  to: number,
  cal: CalendarSettings,
): number {
  return unit === 'calendar' ? to - from : workingDaysBetween(from, to, cal);
}

export interface CaseworkerFigures {
  changes: number;
  calendarDays: number;
  workingDays: number;
}

/**
 * Caseworker changes and days without a caseworker for the referral's open period up to `at`
 * (received to closed, or to `at` when still open). A change is every assignment after the first
 * that overlaps the period. Days without a caseworker are the days after the first assignment
 * began on which nobody was assigned (gaps between assignments and after the last one ended);
 * the wait before anyone is assigned is the ventetid, not counted twice.
 */
export function caseworkerFigures(
  p: Prepared,
  at: number,
  cal: CalendarSettings,
  into: CaseworkerFigures = { changes: 0, calendarDays: 0, workingDays: 0 },
): CaseworkerFigures {
  const end = Math.min(p.removed, at);
  const a = p.assignments;
  let count = 0;
  let covered = Number.NEGATIVE_INFINITY;
  let calendarDays = 0;
  let workingDays = 0;
  for (let i = 0; i < a.length; i += 2) {
    const from = a[i] as number;
    const to = a[i + 1] as number;
    if (from > end) break;
    if (to < p.received) continue;
    if (count > 0 && from > covered + 1) {
      calendarDays += from - 1 - covered;
      workingDays += workingDaysBetween(covered, from - 1, cal);
    }
    count++;
    if (to > covered) covered = to;
  }
  if (count > 0 && covered < end) {
    calendarDays += end - covered;
    workingDays += workingDaysBetween(covered, end, cal);
  }
  // Written into `into` (reports pass one scratch object for all referrals: no garbage per call).
  into.changes = count > 0 ? count - 1 : 0;
  into.calendarDays = calendarDays;
  into.workingDays = workingDays;
  return into;
}

// ---------------------------------------------------------------- per referral, both units

export interface SpanMeasure {
  status: SpanStatus;
  /** To the milestone when completed, to the as-of date while waiting; null otherwise. */
  calendarDays: number | null;
  workingDays: number | null;
  /** The last day within target, or null when the service has no target for it. */
  targetDate: string | null;
  /** Completed: met the target. Waiting: not past it yet on the as-of date. Null: no target, or removed. */
  withinTarget: boolean | null;
}

export interface ReferralMeasures {
  asOf: string;
  service: ReferralRecord['service'];
  received: string;
  ventetid: SpanMeasure;
  saksbehandlingstid: SpanMeasure;
  decision: SpanMeasure;
  signalToReferral: { calendarDays: number; workingDays: number } | null;
  caseworkerChanges: number;
  withoutCaseworker: { calendarDays: number; workingDays: number };
  /** BUP: first contact after the frist, or none by an as-of date past it. Null without a frist. */
  fristbrudd: boolean | null;
}

function spanMeasure(
  p: Prepared,
  end: number,
  target: number,
  at: number,
  cal: CalendarSettings,
): SpanMeasure {
  const status = spanStatus(p, end, at);
  const to = status === 'completed' ? end : status === 'waiting' ? at : null;
  const hasTarget = !Number.isNaN(target);
  return {
    status,
    calendarDays: to === null ? null : to - p.received,
    workingDays: to === null ? null : workingDaysBetween(p.received, to, cal),
    targetDate: hasTarget ? isoDay(target) : null,
    withinTarget: to === null || !hasTarget ? null : to <= target,
  };
}

/** Every measure of one referral as of `asOf` (milestones after it count as not yet reached). */
export function measureReferral(
  rec: ReferralRecord,
  asOf: string,
  settings: WaitingSettings,
): ReferralMeasures {
  const p = prepare(rec, settings);
  const at = epochDay(asOf);
  const cal = settings.calendar;
  const cw = caseworkerFigures(p, at, cal);
  let fristbrudd: boolean | null = null;
  if (p.frist !== NEVER) {
    if (p.firstContact <= at) fristbrudd = p.firstContact > p.frist;
    else fristbrudd = at > p.frist && p.removed > p.frist;
  }
  const signal =
    Number.isNaN(p.signal) || p.signal > at
      ? null
      : { calendarDays: p.referred - p.signal, workingDays: workingDaysBetween(p.signal, p.referred, cal) };
  return {
    asOf,
    service: rec.service,
    received: rec.received,
    ventetid: spanMeasure(p, p.firstContact, p.firstContactTarget, at, cal),
    saksbehandlingstid: spanMeasure(p, p.concluded, p.concludedTarget, at, cal),
    decision: spanMeasure(p, p.decided, p.decidedTarget, at, cal),
    signalToReferral: signal,
    caseworkerChanges: cw.changes,
    withoutCaseworker: { calendarDays: cw.calendarDays, workingDays: cw.workingDays },
    fristbrudd,
  };
}
