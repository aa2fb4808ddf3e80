import { z } from 'zod';
import { service } from '../domain/common';
import { SUPPRESSED_KEY } from '../waiting/report';
import { SUPPRESS_BELOW } from '../waiting/suppress';
import { ABSENCE_POINTS, OUTCOME_KEYS, type OutcomeRecord } from './records';
import { groupOutcomes, type OutcomeGroupBy, type OutcomesReport } from './report';

/**
 * The outcomes part of a signed metrics bundle (`outcomes` in `bro-metrics/2`; docs/OUTCOMES.md §
 * In a metrics bundle). Kept under one optional key, so a bundle without it (older, or from a
 * vault with nothing closed) still reads. A row is one referral closed in the bundle's period:
 * its service, school pseudonym, outcome, the three absence figures and the lag — no dates, no
 * ids. The merge groups these rows with the same function as the report inside the vault
 * (`groupOutcomes`), so the figures are the same (shared/outcomes/outcomes.test.ts). A school that
 * fewer than five rows share is left out (null, marked suppressed).
 */
const PSEUDONYM = /^S-[A-Z2-7]{10}$/;
const pct = z.number().min(0).max(100).nullable();

export const outcomeFactsRow = z.strictObject({
  service,
  school: z.string().regex(PSEUDONYM).nullable(),
  suppressed: z.array(z.literal('school')).max(1).optional(),
  outcome: z.enum(OUTCOME_KEYS as [string, ...string[]]),
  absence: z.strictObject(
    Object.fromEntries(ABSENCE_POINTS.map((p) => [p, pct])) as Record<
      (typeof ABSENCE_POINTS)[number],
      typeof pct
    >,
  ),
  lag: z.number().int().min(0).max(100_000).nullable(),
});
export type OutcomeFactsRow = z.infer<typeof outcomeFactsRow>;

export const outcomesPart = z.strictObject({ rows: z.array(outcomeFactsRow).max(500_000) });
export type OutcomesPart = z.infer<typeof outcomesPart>;

/** The outcomes part of a bundle for `from`–`at`: the referrals closed in it. */
export function outcomesFacts(
  records: readonly OutcomeRecord[],
  opts: { from: string; at: string },
  pseudonym: (school: string) => string,
): OutcomesPart {
  const rows: OutcomeFactsRow[] = records
    .filter((r) => r.closed >= opts.from && r.closed <= opts.at)
    .map((r) => ({
      service: r.service,
      school: r.school === null ? null : pseudonym(r.school),
      outcome: r.outcome,
      absence: { ...r.absence },
      lag: r.lag,
    }));
  const n = new Map<string, number>();
  for (const r of rows) if (r.school) n.set(r.school, (n.get(r.school) ?? 0) + 1);
  for (const r of rows)
    if (r.school && (n.get(r.school) ?? 0) < SUPPRESS_BELOW) {
      r.school = null;
      r.suppressed = ['school'];
    }
  // An order that says nothing about the vault's case order.
  const key = (r: OutcomeFactsRow) =>
    JSON.stringify([r.school ?? '', r.service, r.outcome, r.absence, r.lag]);
  rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return { rows };
}

/** The outcomes report across bundles (unsuppressed; the merge suppresses it). */
export function factsOutcomesReport(
  parts: readonly OutcomesPart[],
  head: { from: string; to: string; measuredTo: string; by: OutcomeGroupBy | null },
): OutcomesReport {
  const records = parts.flatMap((p) =>
    p.rows.map((r): OutcomeRecord & { hidden: boolean } => ({
      service: r.service,
      school: r.school,
      hidden: r.suppressed?.includes('school') ?? false,
      closed: head.measuredTo,
      outcome: r.outcome as OutcomeRecord['outcome'],
      absence: { ...r.absence },
      lag: r.lag,
    })),
  );
  return groupOutcomes(records, head, (r) =>
    (r as { hidden?: boolean }).hidden ? SUPPRESSED_KEY : r.school,
  );
}
