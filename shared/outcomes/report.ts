import { BroError } from '../errors';
import { UNKNOWN_KEY } from '../waiting/report';
import { round, summarize } from '../waiting/stats';
import { ABSENCE_POINTS, OUTCOME_KEYS, type AbsencePoint, type Outcome, type OutcomeRecord } from './records';

/**
 * The lead's outcome figures over a period (issue 15 item 6, docs/OUTCOMES.md): per group, the
 * referrals closed in the period by outcome (back at school helt / delvis / ikke, or not
 * recorded), the absence rate at referral, at first contact and at closing (median and mean
 * over the referrals where it is known: the cost of waiting), and the signal-to-referral lag.
 * Pure: the as-of date is an argument. `suppressOutcomesReport` (./suppress.ts) makes it fit to
 * leave the vault.
 */

export const OUTCOME_GROUP_BY = ['school', 'service'] as const;
export type OutcomeGroupBy = (typeof OUTCOME_GROUP_BY)[number];

/** A figure over the referrals where it is known: how many, the median and the mean. */
export interface Summary {
  n: number | null;
  median: number | null;
  mean: number | null;
}

export interface OutcomeGroup {
  key: string;
  /** Referrals closed in the period (not avslått or videresendt). */
  closed: number | null;
  /** Of those, by outcome at closing; `unknown`: none recorded. */
  outcomes: Record<Outcome, number | null>;
  /** Absence rate in percent, at referral, at first contact and at closing. */
  absence: Record<AbsencePoint, Summary>;
  /** Calendar days from the earliest dated sign of concern to the referral. */
  lag: Summary;
  /** Every count not shown (paths such as `outcomes.ikke`, `absence.closing.n`): 1–4 and complements. */
  suppressed?: string[];
  /** Of `suppressed`, those hidden only so that no small count can be worked out from totals. */
  complementary?: string[];
}

export interface OutcomesReport {
  from: string;
  to: string;
  measuredTo: string;
  by: OutcomeGroupBy | null;
  groups: OutcomeGroup[];
  /** With `by`: the whole period over every group (the column totals). */
  totals: OutcomeGroup | null;
  /** Present once small counts are suppressed. */
  suppression?: { below: number };
}

export interface OutcomesReportOptions {
  from: string;
  to: string;
  /** Today: a period reaching past it is measured to it. */
  asOf: string;
  by?: OutcomeGroupBy | null;
}

/** n, median and mean (one decimal) of `values`. */
export function summary(values: number[]): Summary {
  const s = summarize(values);
  return {
    n: s.n,
    median: s.median === null ? null : round(s.median, 1),
    mean: s.mean === null ? null : round(s.mean, 1),
  };
}

/** One group's figures over the records given (already the ones closed in the period). */
export function outcomeGroup(key: string, records: readonly OutcomeRecord[]): OutcomeGroup {
  const outcomes = Object.fromEntries(OUTCOME_KEYS.map((k) => [k, 0])) as Record<Outcome, number>;
  for (const r of records) outcomes[r.outcome]++;
  const known = (vs: (number | null)[]) => vs.filter((v): v is number => v !== null);
  return {
    key,
    closed: records.length,
    outcomes,
    absence: Object.fromEntries(
      ABSENCE_POINTS.map((p) => [p, summary(known(records.map((r) => r.absence[p])))]),
    ) as Record<AbsencePoint, Summary>,
    lag: summary(known(records.map((r) => r.lag))),
  };
}

function periodError(path: string, code: string): BroError {
  return new BroError('VALIDATION', 'Invalid report period', { issues: [{ path: [path], code }] });
}

/** The period's end as measured: `to`, or today when the period reaches past it. */
export function measuredTo(opts: { from: string; to: string; asOf: string }): string {
  if (opts.to < opts.from) throw periodError('to', 'PERIOD_ORDER');
  if (opts.from > opts.asOf) throw periodError('from', 'PERIOD_AFTER_TODAY');
  return opts.to < opts.asOf ? opts.to : opts.asOf;
}

/**
 * The outcomes report over records already chosen for the period (a bundle's rows: they carry
 * no date), grouped. Groups are sorted by name; a record without a school is `(ukjent)`.
 */
export function groupOutcomes(
  records: readonly OutcomeRecord[],
  head: { from: string; to: string; measuredTo: string; by: OutcomeGroupBy | null },
  schoolKey: (r: OutcomeRecord) => string | null = (r) => r.school,
): OutcomesReport {
  const { by } = head;
  let groups: OutcomeGroup[];
  if (by === null) groups = [outcomeGroup('all', records)];
  else {
    const buckets = new Map<string, OutcomeRecord[]>();
    for (const r of records) {
      const key = (by === 'school' ? schoolKey(r) : r.service) ?? UNKNOWN_KEY;
      const list = buckets.get(key) ?? [];
      list.push(r);
      buckets.set(key, list);
    }
    const keys = [...buckets.keys()].sort((a, b) => a.localeCompare(b, 'nb'));
    groups = keys.map((k) => outcomeGroup(k, buckets.get(k)!));
  }
  return { ...head, groups, totals: by === null ? null : outcomeGroup('all', records) };
}

/** The outcomes report over `records` for `from`–`to` (both inclusive), unsuppressed. */
export function outcomesReport(
  records: readonly OutcomeRecord[],
  opts: OutcomesReportOptions,
): OutcomesReport {
  const at = measuredTo(opts);
  const inPeriod = records.filter((r) => r.closed >= opts.from && r.closed <= at);
  return groupOutcomes(inPeriod, { from: opts.from, to: opts.to, measuredTo: at, by: opts.by ?? null });
}
