import { z } from 'zod';
import { BARRIER_LEVELS } from '../domain/schoolSide';
import { SUPPRESSED_KEY, UNKNOWN_KEY } from '../waiting/report';
import { SUPPRESS_BELOW } from '../waiting/suppress';
import type { BarrierRecord, MeasureRecord } from './records';
import { Bucket, measuresReport, months, type MeasureGroupBy, type MeasuresReport } from './report';
import { GROUP_PATHS } from './suppress';

/**
 * The measures part of a signed metrics bundle (`measures` in `bro-metrics/2`; docs/
 * MEASURES-REPORT.md § In a metrics bundle). Kept apart from the referral rows: the bundle's
 * payload holds it under one optional key, so a bundle without it (older, or from a vault with
 * no measures) still reads, and the referral rows can change without touching it.
 *
 * Like the referral rows it has no calendar dates. Every figure of the measures report is a sum
 * over measures (and barriers), so a row is what one measure adds to each figure: over the whole
 * period, and in each calendar month of it (only the counts that are not zero). A barrier is its
 * month and level. The report across bundles adds these up (`factsMeasuresReport`) and equals
 * the report over the measures themselves for every grouping (shared/measures/metrics.test.ts).
 * Schools are the vault's pseudonyms; one that fewer than five rows share is left out (null).
 */

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const PSEUDONYM = /^S-[A-Z2-7]{10}$/;
const counts = z.partialRecord(
  z.enum(GROUP_PATHS as [string, ...string[]]),
  z.number().int().min(1).max(100_000),
);
const school = {
  school: z.string().regex(PSEUDONYM).nullable(),
  /** Present when the school was suppressed (fewer than five rows share it). */
  suppressed: z.array(z.literal('school')).max(1).optional(),
};

export const measureFactsRow = z.strictObject({
  ...school,
  period: counts,
  months: z.array(z.strictObject({ month: z.string().regex(MONTH), counts })).max(1200),
});
export type MeasureFactsRow = z.infer<typeof measureFactsRow>;

export const barrierFactsRow = z.strictObject({
  ...school,
  month: z.string().regex(MONTH),
  level: z.enum(BARRIER_LEVELS),
});
export type BarrierFactsRow = z.infer<typeof barrierFactsRow>;

export const measuresPart = z.strictObject({
  rows: z.array(measureFactsRow).max(500_000),
  barriers: z.array(barrierFactsRow).max(500_000),
});
export type MeasuresPart = z.infer<typeof measuresPart>;

type Counts = Partial<Record<string, number>>;

/** The non-zero counts one bucket holds, by path. */
function countsOf(b: Bucket): Counts {
  const g = b.result(false) as unknown as Record<string, unknown>;
  const out: Counts = {};
  for (const p of GROUP_PATHS) {
    const [a, k] = p.split('.') as [string, string | undefined];
    const v = (k === undefined ? g[a] : (g[a] as Record<string, number>)[k]) as number;
    if (v > 0) out[p] = v;
  }
  return out;
}

/** The measures part of a bundle for `from`–`at` (at: the period's end, or today if earlier). */
export function measuresFacts(
  measures: readonly MeasureRecord[],
  barriers: readonly BarrierRecord[],
  opts: { from: string; at: string },
  pseudonym: (school: string) => string,
): MeasuresPart {
  const periods = months(opts.from, opts.at);
  const rows: MeasureFactsRow[] = [];
  for (const m of measures) {
    const whole = new Bucket('', opts.from, opts.at);
    whole.add(m);
    const period = countsOf(whole);
    if (Object.keys(period).length === 0) continue;
    const perMonth: MeasureFactsRow['months'] = [];
    for (const p of periods) {
      const b = new Bucket('', p.from, p.to);
      b.add(m);
      const c = countsOf(b);
      if (Object.keys(c).length) perMonth.push({ month: p.key, counts: c });
    }
    rows.push({ school: m.school === null ? null : pseudonym(m.school), period, months: perMonth });
  }
  const barrierRows: BarrierFactsRow[] = barriers
    .filter((b) => b.date >= opts.from && b.date <= opts.at)
    .map((b) => ({
      school: b.school === null ? null : pseudonym(b.school),
      month: b.date.slice(0, 7),
      level: b.level,
    }));
  // A school fewer than five rows share is not named.
  const n = new Map<string, number>();
  for (const r of [...rows, ...barrierRows]) if (r.school) n.set(r.school, (n.get(r.school) ?? 0) + 1);
  for (const r of [...rows, ...barrierRows])
    if (r.school && (n.get(r.school) ?? 0) < SUPPRESS_BELOW) {
      r.school = null;
      r.suppressed = ['school'];
    }
  // An order that says nothing about the vault's case order.
  const key = (r: { school: string | null }, rest: string) => `${r.school ?? ''} ${rest}`;
  rows.sort((a, b) => (key(a, JSON.stringify(a.months)) < key(b, JSON.stringify(b.months)) ? -1 : 1));
  barrierRows.sort((a, b) => (key(a, a.month + a.level) < key(b, b.month + b.level) ? -1 : 1));
  return { rows, barriers: barrierRows };
}

function add(target: Record<string, unknown>, c: Counts): void {
  for (const [p, v] of Object.entries(c)) {
    const [a, k] = p.split('.') as [string, string | undefined];
    if (k === undefined) target[a] = (target[a] as number) + v!;
    else (target[a] as Record<string, number>)[k]! += v!;
  }
}

const schoolKey = (r: { school: string | null; suppressed?: string[] | undefined }) =>
  r.suppressed?.includes('school') ? SUPPRESSED_KEY : r.school;

/**
 * The measures report across bundles (unsuppressed; the merge suppresses it), from their
 * measures parts: the same figures `measuresReport` gives over the measures themselves.
 */
export function factsMeasuresReport(
  parts: readonly MeasuresPart[],
  opts: { from: string; to: string; measuredTo: string; by: MeasureGroupBy | null },
): MeasuresReport {
  const { from, measuredTo: at, by } = opts;
  // An empty report of the right shape, whose groups the rows then add to.
  const empty = measuresReport([], [], { from, to: opts.to, asOf: at, by: by === 'month' ? 'month' : null });
  const zero = () =>
    JSON.parse(
      JSON.stringify(empty.groups[0] ?? measuresReport([], [], { from, to: opts.to, asOf: at }).groups[0]),
    ) as MeasuresReport['groups'][number];
  const totals = zero();
  totals.key = 'all';
  delete totals.from;
  delete totals.to;
  const rows = parts.flatMap((p) => p.rows);
  const barriers = parts.flatMap((p) => p.barriers);
  for (const r of rows) add(totals as unknown as Record<string, unknown>, r.period);
  for (const b of barriers) totals.barriers[b.level]! += 1;
  if (by === null) return { ...empty, groups: [totals], totals: null };
  if (by === 'month') {
    const groups = empty.groups;
    const at = new Map(groups.map((g) => [g.key, g]));
    for (const r of rows)
      for (const m of r.months) add(at.get(m.month) as unknown as Record<string, unknown>, m.counts);
    for (const b of barriers) at.get(b.month)!.barriers[b.level]! += 1;
    return { ...empty, groups, totals };
  }
  const bySchool = new Map<string, MeasuresReport['groups'][number]>();
  const group = (r: { school: string | null; suppressed?: string[] | undefined }) => {
    const key = schoolKey(r) ?? UNKNOWN_KEY;
    let g = bySchool.get(key);
    if (!g) {
      g = zero();
      g.key = key;
      delete g.from;
      delete g.to;
      bySchool.set(key, g);
    }
    return g;
  };
  for (const r of rows) add(group(r) as unknown as Record<string, unknown>, r.period);
  for (const b of barriers) group(b).barriers[b.level]! += 1;
  const keys = [...bySchool.keys()].sort((a, b) => a.localeCompare(b, 'nb'));
  return { ...empty, by: 'school', groups: keys.map((k) => bySchool.get(k)!), totals };
}
