import { z } from 'zod';
import { isoDate, service } from '../domain/common';
import { DECISIONS, REFERRERS } from '../domain/referral';
import type { ReferralRecord } from './records';
import { factsRow, suppressRare } from './facts';
import { SUPPRESSED_KEY } from './report';
import { serviceTargets } from './settings';
import { measuresPart } from '../measures/metrics';
import { outcomesPart } from '../outcomes/metrics';

/**
 * De-identified metrics for service leads (DESIGN §4): one row per referral, with the dates
 * the waiting-time arithmetic needs and nothing else — no names, birth dates, free text or
 * school names. Schools are pseudonyms made with a key only this vault has, so the same school
 * has another pseudonym in another vault. A school or referrer that fewer than five rows share
 * is suppressed (null) and the row says so. The payload is signed as a JWS by the vault's key
 * (electron/services/reports/metrics.ts); `bro metrics merge` verifies and reports across bundles.
 */
export const METRICS_FORMAT_1 = 'bro-metrics/1';
/** The format `bro metrics export` writes: durations per month instead of dates (shared/waiting/facts.ts). */
export const METRICS_FORMAT = 'bro-metrics/2';
export const SCHOOL_PSEUDONYM = /^S-[A-Z2-7]{10}$/;

const day = isoDate.nullable();

export const metricsRow = z.strictObject({
  service,
  referredBy: z.enum(REFERRERS).nullable(),
  school: z.string().regex(SCHOOL_PSEUDONYM).nullable(),
  /** Which of `school` and `referredBy` were suppressed (shared by fewer than five rows). */
  suppressed: z
    .array(z.enum(['school', 'referredBy']))
    .max(2)
    .optional(),
  signal: day,
  sent: day,
  received: isoDate,
  decided: day,
  decision: z.enum(DECISIONS).nullable(),
  frist: day,
  firstContact: day,
  concluded: day,
  closed: day,
  assignments: z.array(z.strictObject({ from: isoDate, to: day })).max(500),
});
export type MetricsRow = z.infer<typeof metricsRow>;

/** A `bro-metrics/1` bundle: one row of dates per referral. Still read by `bro metrics merge`. */
export const metricsPayload1 = z.strictObject({
  format: z.literal(METRICS_FORMAT_1),
  /** The signing key's id (RFC 7638 thumbprint), repeated inside the signed part. */
  kid: z.string().min(20).max(100),
  period: z.strictObject({ from: isoDate, to: isoDate, measuredTo: isoDate }),
  exported: isoDate,
  calendar: z.strictObject({ saturday: z.boolean() }),
  suppression: z.strictObject({ below: z.number().int() }),
  rows: z.array(metricsRow).max(500_000),
});
export type MetricsPayload1 = z.infer<typeof metricsPayload1>;

/**
 * A `bro-metrics/2` bundle: one row of figures per referral (no calendar dates), measured to
 * `period.measuredTo` against the exporting service's own `targets` and `calendar`.
 */
export const metricsPayload2 = z.strictObject({
  format: z.literal(METRICS_FORMAT),
  kid: z.string().min(20).max(100),
  period: z.strictObject({ from: isoDate, to: isoDate, measuredTo: isoDate }),
  exported: isoDate,
  calendar: z.strictObject({ saturday: z.boolean() }),
  /** The targets each figure's `withinTarget` was measured against, per service. */
  targets: z.record(service, serviceTargets.pick({ decided: true, firstContact: true, concluded: true })),
  suppression: z.strictObject({ below: z.number().int() }),
  rows: z.array(factsRow).max(500_000),
  /** The measures report's part (shared/measures/metrics.ts): absent in older bundles. */
  measures: measuresPart.optional(),
  /** The outcomes report's part (shared/outcomes/metrics.ts): absent in older bundles. */
  outcomes: outcomesPart.optional(),
});
export type MetricsPayload2 = z.infer<typeof metricsPayload2>;

/** Either version, told apart by `format`. */
export const metricsPayload = z.discriminatedUnion('format', [metricsPayload1, metricsPayload2]);
export type MetricsPayload = z.infer<typeof metricsPayload>;

/** Whether a record belongs in a bundle for the period: open in it, or ended inside it. */
function relevant(r: ReferralRecord, from: string, at: string): boolean {
  if (r.received > at) return false;
  const offList = r.decision === 'rejected' || r.decision === 'forwarded' ? r.decided : null;
  const ends = [r.closed, offList].filter((d): d is string => d !== null && d <= at);
  const removed = ends.length ? ends.sort()[0]! : null;
  if (removed === null || removed >= from) return true;
  const inPeriod = (d: string | null) => d !== null && d >= from && d <= at;
  return inPeriod(r.firstContact) || inPeriod(r.concluded);
}

/**
 * The referrals relevant to the period (the records a bundle describes).
 */
export function relevantRecords(
  records: readonly ReferralRecord[],
  opts: { from: string; at: string },
): ReferralRecord[] {
  return records.filter((r) => relevant(r, opts.from, opts.at));
}

/**
 * The rows of a `/1` bundle (what `bro metrics export` wrote before `/2`; kept so that tests can
 * make one and the merge of old and new bundles stays proven): the referrals relevant to `from`–`at` (at = the period's end, or today
 * if earlier), with dates after `at` left out (a frist is a deadline and stays).
 */
export function metricsRows1(
  records: readonly ReferralRecord[],
  opts: { from: string; at: string },
  pseudonym: (school: string) => string,
): MetricsRow[] {
  const { from, at } = opts;
  const upTo = (d: string | null) => (d !== null && d <= at ? d : null);
  const rows: MetricsRow[] = [];
  for (const r of records) {
    if (!relevant(r, from, at)) continue;
    rows.push({
      service: r.service,
      referredBy: (REFERRERS as readonly string[]).includes(r.referredBy ?? '')
        ? (r.referredBy as MetricsRow['referredBy'])
        : null,
      school: r.school === null ? null : pseudonym(r.school),
      signal: upTo(r.signal),
      sent: upTo(r.sent),
      received: r.received,
      decided: upTo(r.decided),
      decision: upTo(r.decided) === null ? null : r.decision,
      frist: r.frist,
      firstContact: upTo(r.firstContact),
      concluded: upTo(r.concluded),
      closed: upTo(r.closed),
      assignments: r.assignments
        .filter((a) => a.from <= at)
        .map((a) => ({ from: a.from, to: upTo(a.to) }))
        .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)),
    });
  }
  suppressRare(rows, 'school');
  suppressRare(rows, 'referredBy');
  // Rows in a stable order that says nothing about the vault's case order.
  rows.sort((a, b) => {
    const x = `${a.received} ${a.service} ${a.referredBy ?? ''} ${a.school ?? ''}`;
    const y = `${b.received} ${b.service} ${b.referredBy ?? ''} ${b.school ?? ''}`;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return rows;
}

/** Bundle rows back to records, for the report across bundles. */
export function rowsToRecords(rows: readonly MetricsRow[]): ReferralRecord[] {
  return rows.map((r) => ({
    service: r.service,
    referredBy: r.suppressed?.includes('referredBy') ? SUPPRESSED_KEY : r.referredBy,
    school: r.suppressed?.includes('school') ? SUPPRESSED_KEY : r.school,
    signal: r.signal,
    sent: r.sent,
    received: r.received,
    decided: r.decided,
    decision: r.decision,
    frist: r.frist,
    firstContact: r.firstContact,
    concluded: r.concluded,
    closed: r.closed,
    assignments: r.assignments,
  }));
}
