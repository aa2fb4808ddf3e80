import { absenceSnapshots, monthlyAbsence, type AbsenceMonth } from '../absence/monthly';
import type { CaseDoc } from '../domain/caseDoc';
import type { Service } from '../domain/common';
import { CLOSING_OUTCOMES, type Referral } from '../domain/referral';
import { caseRecords, type ReferralRecord } from '../waiting/records';

/**
 * One closed referral as the lead's outcome figures see it (issue 15 item 6, docs/OUTCOMES.md):
 * the service, a school key, how it ended, the absence rate at three points and the
 * signal-to-referral lag. No names, no text, no ids. The same shape is built from a case in the
 * vault and read from a metrics bundle (shared/outcomes/metrics.ts), so the report inside a vault
 * and the merge of bundles share every definition.
 */
export type Outcome = (typeof CLOSING_OUTCOMES)[number] | 'unknown';
export const OUTCOME_KEYS: readonly Outcome[] = [...CLOSING_OUTCOMES, 'unknown'];
export const ABSENCE_POINTS = ['referral', 'firstContact', 'closing'] as const;
export type AbsencePoint = (typeof ABSENCE_POINTS)[number];

export interface OutcomeRecord {
  service: Service;
  /** Grouping key: the school's name inside the vault, a pseudonym in a bundle, null if unknown. */
  school: string | null;
  /** The day the referral was closed (inside the vault only; a bundle holds its period instead). */
  closed: string;
  outcome: Outcome;
  /** Absence rate (percent) at referral, at first contact and at closing; null when not known. */
  absence: Record<AbsencePoint, number | null>;
  /** Calendar days from the earliest sign of concern to the referral; null when no sign is dated. */
  lag: number | null;
}

/** The older `outcome` field (full/partial/none) in the words of `closingOutcome`. */
const OLD_OUTCOME: Record<string, Outcome> = { full: 'helt', partial: 'delvis', none: 'ikke' };

/**
 * A referral's outcome at closing, read through one accessor: `closingOutcome` (issue 15 item 5)
 * when recorded, else the older `outcome`, else `unknown`. Anything not in the lists (an old
 * vault, a hand-edited file) is `unknown` rather than an error.
 */
export function closingOutcomeOf(r: Pick<Referral, 'closingOutcome' | 'outcome'>): Outcome {
  const v = r.closingOutcome;
  if (typeof v === 'string' && (CLOSING_OUTCOMES as readonly string[]).includes(v)) return v as Outcome;
  const old = typeof r.outcome === 'string' ? OLD_OUTCOME[r.outcome] : undefined;
  return old ?? 'unknown';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (v: unknown): v is string => typeof v === 'string' && DATE.test(v);

/**
 * The earliest dated sign of concern for a referral: the referral's own `signal`, and every
 * early-sign date the case holds (`earlySigns[].date`, `firstAbsence`, `schoolFirstConcern`:
 * read when a vault has them, issue 15 item 2). Dates after the referral was sent (or received)
 * or after `today` are not signs before it and are left out.
 */
export function earliestSignal(doc: CaseDoc, r: ReferralRecord, today: string): string | null {
  const loose = doc as unknown as Record<string, unknown>;
  const early = Array.isArray(loose.earlySigns) ? (loose.earlySigns as unknown[]) : [];
  const dates = [
    r.signal,
    ...early.map((e) => (e && typeof e === 'object' ? (e as Record<string, unknown>).date : null)),
    loose.firstAbsence,
    loose.schoolFirstConcern,
  ];
  const referred = r.sent ?? r.received;
  let best: string | null = null;
  for (const d of dates)
    if (isDate(d) && d <= referred && d <= today && (best === null || d < best)) best = d;
  return best;
}

const percent = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100 ? v : null;

/**
 * The absence rate at a date: the case's monthly rate (shared/absence/monthly.ts) of the date's
 * month, or of the last month before it with figures — the same rule as the absence snapshots.
 */
export function absenceAt(months: readonly AbsenceMonth[], date: string): number | null {
  const [s] = absenceSnapshots({ referrals: [{ received: date }] }, months);
  return s?.percent ?? null;
}

/**
 * The three absence figures of a referral: what the caseworker recorded on the referral
 * (`absenceAtReferral`, `absenceAtFirstContact`, `closingAbsencePercent`) and, where nothing was
 * recorded, the rate from the case's absence records at that date.
 */
export function referralAbsence(
  r: Pick<Referral, 'absenceAtReferral' | 'absenceAtFirstContact' | 'closingAbsencePercent'>,
  rec: Pick<ReferralRecord, 'received' | 'firstContact' | 'closed'>,
  months: readonly AbsenceMonth[],
): Record<AbsencePoint, number | null> {
  const from = (recorded: unknown, date: string | null) =>
    percent(recorded) ?? (date === null ? null : absenceAt(months, date));
  return {
    referral: from(r.absenceAtReferral, rec.received),
    firstContact: from(r.absenceAtFirstContact, rec.firstContact),
    closing: from(r.closingAbsencePercent, rec.closed),
  };
}

const dayMs = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / dayMs);

/**
 * The closed referrals of one case as records. A referral avslått or videresendt ended without
 * help from this service and is left out; so is one not closed, or closed on an impossible date
 * (the waiting records' rules: after today, before the birth or before it was received).
 */
export function caseOutcomeRecords(caseId: string, doc: CaseDoc, today: string): OutcomeRecord[] {
  const months = monthlyAbsence(doc.absence ?? []);
  const byId = new Map((doc.referrals ?? []).map((r) => [r.id, r]));
  const out: OutcomeRecord[] = [];
  for (const rec of caseRecords(caseId, doc, today)) {
    if (rec.closed === null || rec.decision === 'rejected' || rec.decision === 'forwarded') continue;
    const r = byId.get(rec.ref!.referral);
    if (!r) continue;
    const signal = earliestSignal(doc, rec, today);
    out.push({
      service: rec.service,
      school: rec.school,
      closed: rec.closed,
      outcome: closingOutcomeOf(r),
      absence: referralAbsence(r, rec, months),
      lag: signal === null ? null : days(signal, rec.sent ?? rec.received),
    });
  }
  return out;
}
