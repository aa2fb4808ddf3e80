import { addDays, civil, dayNumber, epochDay, isoDay } from '../calendar/days';
import { BroError } from '../errors';
import { UNKNOWN_KEY } from '../waiting/report';
import {
  BARRIER_LEVELS,
  REASON_CATEGORIES,
  type BarrierLevel,
  type BarrierRecord,
  type MeasureRecord,
} from './records';

/**
 * The lead's figures for measures (tiltak) over a period (docs/MEASURES-REPORT.md): per group,
 * the measures active in the period, the evaluations due in it and how many were evaluated on
 * time, the school's answers to recommendations and the reasons for «kan ikke», the measures on
 * which school and parents disagree, and the barriers logged, by level. Pure: the as-of date is
 * an argument, so any past day can be reproduced. `suppressMeasuresReport` (./suppress.ts) makes
 * it fit to leave the vault.
 */

export const MEASURE_GROUP_BY = ['school', 'month'] as const;
export type MeasureGroupBy = (typeof MEASURE_GROUP_BY)[number];

/**
 * How early an evaluation may come and still count for a planned date: the same 14 days as the
 * evaluation task (shared/waiting/settings.ts `tasks.evaluationEarlyDays`).
 */
export const EARLY_DAYS = 14;

export type CannotReason = (typeof REASON_CATEGORIES)[number] | 'unknown';
export const CANNOT_REASONS: readonly CannotReason[] = [...REASON_CATEGORIES, 'unknown'];

export interface MeasureGroup {
  key: string;
  /** The group's own period (month groups). */
  from?: string;
  to?: string;
  /** Measures active at some point in the period: started by its end, not ended or refused before it. */
  total: number | null;
  /** Planned evaluation dates that fall in the period. */
  evaluationsDue: number | null;
  /** Of those, evaluated on time: from 14 days before the date up to and including it. */
  evaluatedOnTime: number | null;
  /** The school's answers to the recommendations among `total`, as of the period's end. */
  answers: { done: number | null; changed: number | null; cannot: number | null; none: number | null };
  /** Why the school cannot («kan ikke»); `unknown` for answers recorded without a category. */
  cannotReasons: Record<CannotReason, number | null>;
  /** Measures whose latest reports from the school and from the parents (one in the period) both exist… */
  reportedByBoth: number | null;
  /** …and disagree on whether the measure is in place. */
  disagreements: number | null;
  /** Barriers logged in the period, by level. */
  barriers: Record<BarrierLevel, number | null>;
  /** Every figure not shown (paths such as `answers.cannot`): counts of 1–4 and their complements. */
  suppressed?: string[];
  /** Of `suppressed`, those hidden only so that no small count can be worked out from totals. */
  complementary?: string[];
}

export interface MeasuresReport {
  from: string;
  to: string;
  measuredTo: string;
  by: MeasureGroupBy | null;
  groups: MeasureGroup[];
  /** With `by`: the whole period over every group (the column totals). */
  totals: MeasureGroup | null;
  /** Present once small counts are suppressed. */
  suppression?: { below: number };
}

export interface MeasuresReportOptions {
  from: string;
  to: string;
  /** Today: a period reaching past it is measured to it. */
  asOf: string;
  by?: MeasureGroupBy | null;
}

interface Due {
  date: string;
  /** Only an evaluation after this date meets it (a date set by an earlier evaluation). */
  after: string | null;
}

/** The date a measure stopped: the first evaluation that ended it, or the school's «kan ikke». */
function endOf(m: MeasureRecord): string | null {
  const ended = m.evaluations.find((e) => e.ended)?.date ?? null;
  const refused = m.answer?.key === 'cannot' ? m.answer.date : null;
  if (ended === null) return refused;
  if (refused === null) return ended;
  return ended < refused ? ended : refused;
}

/**
 * The evaluation dates a measure owes: the one planned at the start and each next date an
 * evaluation set. A date lapses when the measure ended before it (or was refused on or before
 * it), and is replaced when an evaluation before its window set a new date.
 */
export function evaluationDues(m: MeasureRecord): Due[] {
  const ended = m.evaluations.find((e) => e.ended)?.date ?? null;
  const refused = m.answer?.key === 'cannot' ? m.answer.date : null;
  const candidates: Due[] = [];
  if (m.planned) candidates.push({ date: m.planned, after: null });
  for (const e of m.evaluations)
    if (e.next && e.next > e.date) candidates.push({ date: e.next, after: e.date });
  const out: Due[] = [];
  for (const d of candidates) {
    if (ended !== null && ended < d.date) continue;
    if (refused !== null && refused <= d.date) continue;
    const early = addDays(d.date, -EARLY_DAYS);
    const replaced = m.evaluations.some(
      (e) => (d.after === null || e.date > d.after) && e.date < early && e.next !== null && e.next !== d.date,
    );
    if (replaced) continue;
    if (out.some((x) => x.date === d.date)) continue;
    out.push(d);
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Each due date with whether it was evaluated on time: an evaluation dated from EARLY_DAYS
 * before it up to and including the date (and after the evaluation that set it), each
 * evaluation meeting one date at most.
 */
export function evaluationsOnTime(m: MeasureRecord): { date: string; onTime: boolean }[] {
  const used = new Set<number>();
  return evaluationDues(m).map((d) => {
    const lo = addDays(d.date, -EARLY_DAYS);
    const i = m.evaluations.findIndex(
      (e, j) => !used.has(j) && e.date >= lo && e.date <= d.date && (d.after === null || e.date > d.after),
    );
    if (i >= 0) used.add(i);
    return { date: d.date, onTime: i >= 0 };
  });
}

const latest = (m: MeasureRecord, by: 'skole' | 'foresatte', at: string) => {
  let best: MeasureRecord['reports'][number] | null = null;
  for (const r of m.reports) if (r.by === by && r.date <= at && (!best || r.date >= best.date)) best = r;
  return best;
};

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Collects one group's figures over measures and barriers (each figure a sum over them). */
export class Bucket {
  total = 0;
  due = 0;
  onTime = 0;
  answers = { done: 0, changed: 0, cannot: 0, none: 0 };
  reasons = zeros(CANNOT_REASONS);
  both = 0;
  disagree = 0;
  barriers = zeros(BARRIER_LEVELS);
  touched = false;

  constructor(
    readonly key: string,
    readonly from: string,
    readonly at: string,
  ) {}

  add(m: MeasureRecord): void {
    const { from, at } = this;
    for (const d of evaluationsOnTime(m))
      if (d.date >= from && d.date <= at) {
        this.due++;
        if (d.onTime) this.onTime++;
        this.touched = true;
      }
    if (m.start === null || m.start > at) return;
    const end = endOf(m);
    if (end !== null && end < from) return;
    this.total++;
    this.touched = true;
    if (m.recommended) {
      const a = m.answer && m.answer.date <= at ? m.answer : null;
      this.answers[a?.key ?? 'none']++;
      if (a?.key === 'cannot') this.reasons[a.reason ?? 'unknown']++;
    }
    const school = latest(m, 'skole', at);
    const parents = latest(m, 'foresatte', at);
    if (school && parents && (school.date >= from || parents.date >= from)) {
      this.both++;
      if (school.inPlace !== parents.inPlace) this.disagree++;
    }
  }

  addBarrier(b: BarrierRecord): void {
    if (b.date < this.from || b.date > this.at) return;
    this.barriers[b.level]++;
    this.touched = true;
  }

  result(withPeriod: boolean): MeasureGroup {
    return {
      key: this.key,
      ...(withPeriod ? { from: this.from, to: this.at } : {}),
      total: this.total,
      evaluationsDue: this.due,
      evaluatedOnTime: this.onTime,
      answers: { ...this.answers },
      cannotReasons: { ...this.reasons },
      reportedByBoth: this.both,
      disagreements: this.disagree,
      barriers: { ...this.barriers },
    };
  }
}

function periodError(path: string, code: string): BroError {
  return new BroError('VALIDATION', 'Invalid report period', { issues: [{ path: [path], code }] });
}

/** Calendar months covering [from, at], each clipped to it. */
export function months(from: string, at: string): { key: string; from: string; to: string }[] {
  const out: { key: string; from: string; to: string }[] = [];
  let [y, m] = civil(epochDay(from));
  const end = epochDay(at);
  for (;;) {
    const start = dayNumber(y, m, 1);
    if (start > end) break;
    const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
    const last = dayNumber(ny, nm, 1) - 1;
    out.push({
      key: `${y}-${String(m).padStart(2, '0')}`,
      from: isoDay(Math.max(start, epochDay(from))),
      to: isoDay(Math.min(last, end)),
    });
    [y, m] = [ny, nm];
  }
  return out;
}

/** The measures report over `measures` and `barriers` for `from`–`to` (both inclusive), unsuppressed. */
export function measuresReport(
  measures: readonly MeasureRecord[],
  barriers: readonly BarrierRecord[],
  opts: MeasuresReportOptions,
): MeasuresReport {
  if (opts.to < opts.from) throw periodError('to', 'PERIOD_ORDER');
  if (opts.from > opts.asOf) throw periodError('from', 'PERIOD_AFTER_TODAY');
  const at = opts.to < opts.asOf ? opts.to : opts.asOf;
  const by = opts.by ?? null;
  const whole = () => {
    const b = new Bucket('all', opts.from, at);
    for (const m of measures) b.add(m);
    for (const x of barriers) b.addBarrier(x);
    return b.result(false);
  };
  let groups: MeasureGroup[];
  if (by === 'month') {
    groups = months(opts.from, at).map((p) => {
      const b = new Bucket(p.key, p.from, p.to);
      for (const m of measures) b.add(m);
      for (const x of barriers) b.addBarrier(x);
      return b.result(true);
    });
  } else if (by === 'school') {
    const buckets = new Map<string, Bucket>();
    const bucket = (school: string | null) => {
      const key = school ?? UNKNOWN_KEY;
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = new Bucket(key, opts.from, at)));
      return b;
    };
    for (const m of measures) bucket(m.school).add(m);
    for (const x of barriers) bucket(x.school).addBarrier(x);
    const keys = [...buckets.keys()].filter((k) => buckets.get(k)!.touched);
    keys.sort((a, b) => a.localeCompare(b, 'nb'));
    groups = keys.map((k) => buckets.get(k)!.result(false));
  } else groups = [whole()];
  return {
    from: opts.from,
    to: opts.to,
    measuredTo: at,
    by,
    groups,
    totals: by === null ? null : whole(),
  };
}
