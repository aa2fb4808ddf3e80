import { assessmentStatusIssues } from '../referrals/assessment';
import type { z } from 'zod';
import type { Issue, Path } from '../errors';
import { caseDoc, type CaseDoc } from './caseDoc';
import { AFTER_RECEIVED } from './referral';

/** Our own messages on schemas are codes (`DATE_FORMAT`, `REQUIRED`, ...); zod's are sentences. */
const OWN_CODE = /^[A-Z][A-Z_]*$/;

/** zod issues → our issues (path + code; no values, so no personal data). */
export function zodIssues(error: z.ZodError, prefix: Path = []): Issue[] {
  return error.issues.map((i) => ({
    path: [...prefix, ...(i.path as Path)],
    code: i.code === 'custom' || OWN_CODE.test(i.message) ? i.message : i.code,
    message: i.code === 'invalid_value' || i.code === 'unrecognized_keys' ? i.message : undefined,
  }));
}

const before = (a: string | null | undefined, b: string | null | undefined) =>
  a != null && b != null && a < b;

/**
 * The case rules beyond field shapes. Paths are in the interchange shape, so an import can
 * report `cases[3].referrals[0].received` and a form can point at its field.
 */
export function validateCaseRules(doc: CaseDoc): Issue[] {
  const issues: Issue[] = [...assessmentStatusIssues(doc)];
  (doc.referrals ?? []).forEach((r, i) => {
    const at = (f: string): Path => ['referrals', i, f];
    if (before(r.received, r.sent)) issues.push({ path: at('received'), code: 'RECEIVED_BEFORE_SENT' });
    if (before(r.sent, r.signal) || before(r.received, r.signal))
      issues.push({ path: at('signal'), code: 'SIGNAL_AFTER_REFERRAL' });
    for (const m of AFTER_RECEIVED) {
      if (before(r[m], r.received)) issues.push({ path: at(m), code: 'BEFORE_RECEIVED' });
    }
    if (r.decision != null && r.decided == null)
      issues.push({ path: at('decided'), code: 'DECISION_WITHOUT_DATE' });
    if (before(r.frist, r.decided)) issues.push({ path: at('frist'), code: 'FRIST_BEFORE_DECIDED' });
    if (r.outcome != null && r.closed == null)
      issues.push({ path: at('closed'), code: 'OUTCOME_WITHOUT_CLOSED' });
  });
  const assignments = doc.assignments ?? [];
  assignments.forEach((a, i) => {
    if (before(a.to, a.from)) issues.push({ path: ['assignments', i, 'to'], code: 'ENDS_BEFORE_START' });
    // A caseworker change needs a handover note: the study found each change loses time and promises.
    const followed = assignments.some((b, j) => j !== i && b.from >= a.from);
    if (a.to != null && followed && a.handoverNote == null)
      issues.push({ path: ['assignments', i, 'handoverNote'], code: 'HANDOVER_NOTE_REQUIRED' });
  });
  (doc.recommendations ?? []).forEach((r, i) => {
    if (r.label === 'Lovkrav' && !r.legalRef)
      issues.push({ path: ['recommendations', i, 'legalRef'], code: 'LEGAL_REF_REQUIRED' });
    if (r.evaluation && before(r.evaluation.date, r.start))
      issues.push({ path: ['recommendations', i, 'evaluation', 'date'], code: 'EVALUATION_BEFORE_START' });
  });
  (doc.consents ?? []).forEach((c, i) => {
    if (before(c.expires, c.date))
      issues.push({ path: ['consents', i, 'expires'], code: 'EXPIRES_BEFORE_GIVEN' });
    if (before(c.withdrawn, c.date))
      issues.push({ path: ['consents', i, 'withdrawn'], code: 'WITHDRAWN_BEFORE_GIVEN' });
  });
  (doc.absence ?? []).forEach((a, i) => {
    if (before(a.to, a.from)) issues.push({ path: ['absence', i, 'to'], code: 'ENDS_BEFORE_START' });
  });
  (doc.accessRequests ?? []).forEach((a, i) => {
    if (before(a.answered, a.received))
      issues.push({ path: ['accessRequests', i, 'answered'], code: 'BEFORE_RECEIVED' });
    if (before(a.extendedTo, a.received))
      issues.push({ path: ['accessRequests', i, 'extendedTo'], code: 'BEFORE_RECEIVED' });
  });
  return issues;
}

/** Shape and rules together. */
export function validateCaseDoc(input: unknown, prefix: Path = []): { doc?: CaseDoc; issues: Issue[] } {
  const parsed = caseDoc.safeParse(input);
  if (!parsed.success) return { issues: zodIssues(parsed.error, prefix) };
  const issues = validateCaseRules(parsed.data).map((i) => ({ ...i, path: [...prefix, ...i.path] }));
  return { doc: parsed.data, issues };
}
