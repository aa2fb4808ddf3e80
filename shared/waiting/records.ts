import type { CaseDoc } from '../domain/caseDoc';
import type { Service } from '../domain/common';
import type { Referral } from '../domain/referral';
import { earliestSignal } from '../pathway/signals';

/**
 * One referral as the waiting-time arithmetic sees it: its service, who referred, a school key
 * for grouping, the milestone dates and the case's caseworker periods (dates only). The same
 * shape is built from a case in the vault and read from a metrics bundle, so the report and the
 * merge of bundles share every definition.
 */
export interface ReferralRecord {
  service: Service;
  referredBy: string | null;
  /** Grouping key: the school's name inside the vault, a pseudonym in a metrics bundle, null if unknown or suppressed. */
  school: string | null;
  signal: string | null;
  sent: string | null;
  received: string;
  decided: string | null;
  decision: 'accepted' | 'rejected' | 'forwarded' | null;
  frist: string | null;
  firstContact: string | null;
  concluded: string | null;
  closed: string | null;
  /** The case's caseworker assignments (who is left out), in any order. */
  assignments: { from: string; to: string | null }[];
  /** Inside the vault only: which case and referral, for the list of open referrals. */
  ref?: { caseId: string; case: string; referral: string };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A date as the fold holds it: a draft may lack one, and only well-formed dates are used. */
const date = (v: unknown): string | null => (typeof v === 'string' && DATE.test(v) ? v : null);

/**
 * The referrals of one case as records. Referrals without a received date (drafts) are left out.
 * Impossible values (shared/domain/validity.ts) never reach a figure, whatever an old vault holds:
 * a referral received after `today` or before the pupil's birth is left out (it would wait a
 * negative time, or for ever), and any other milestone after `today`, before the birth or before
 * the referral was received counts as not yet reached.
 */
export function caseRecords(caseId: string, doc: CaseDoc, today: string): ReferralRecord[] {
  const assignments = (doc.assignments ?? [])
    .filter((a) => date(a.from))
    .map((a) => ({ from: a.from, to: date(a.to) }));
  const out: ReferralRecord[] = [];
  for (const r of doc.referrals ?? []) {
    const rec = referralRecord(r, doc, assignments, today);
    if (rec) out.push({ ...rec, ref: { caseId, case: doc.id, referral: r.id } });
  }
  return out;
}

function referralRecord(
  r: Referral,
  doc: CaseDoc,
  assignments: ReferralRecord['assignments'],
  today: string,
): ReferralRecord | null {
  const born = date(doc.pupil?.birthDate);
  const possible = (v: string | null) => v != null && v <= today && (born == null || v >= born);
  const received = date(r.received);
  const service = r.service ?? doc.service;
  if (!received || !service || !possible(received)) return null;
  const happened = (v: unknown) => {
    const d = date(v);
    return d != null && possible(d) && d >= received ? d : null;
  };
  const before = (v: unknown) => {
    const d = date(v);
    return d != null && possible(d) ? d : null;
  };
  return {
    service,
    referredBy: r.referredBy ?? null,
    school: typeof doc.pupil?.school === 'string' ? doc.pupil.school : null,
    // The earliest of the referral's signal and the case's early signs (issue 15 item 2).
    signal: before(earliestSignal(doc, r)?.date),
    sent: before(r.sent),
    received,
    decided: happened(r.decided),
    decision: r.decision ?? null,
    frist: date(r.frist),
    firstContact: happened(r.firstContact),
    concluded: happened(r.concluded),
    closed: happened(r.closed),
    assignments,
  };
}
