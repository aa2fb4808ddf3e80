/**
 * Assessment status (issue 15 item 5): the one rule for when a change of the assessment's status
 * asks the caseworker to revisit the recommendations, and for what may be recorded about it.
 *
 * Codes:
 *  - REVISITED_BEFORE_CHANGE: the recommendations are recorded as revisited before the status
 *    change that asked for it (a cross-field rule in validateCaseRules: app, API and importer).
 *
 * The task: the newest status change (a status other than the one before it, in date order) in a
 * case with recommendations, not yet marked `recommendationsRevisited`, is due REVISIT_WORKING_DAYS
 * working days after the change. The first status recorded is not a change.
 */
import type { CaseDoc } from '../domain/caseDoc';
import type { AssessmentStatus } from '../domain/involved';
import type { Issue } from '../errors';

export const REVISIT_WORKING_DAYS = 10;

export function assessmentStatusIssues(doc: CaseDoc): Issue[] {
  const out: Issue[] = [];
  (doc.assessmentStatuses ?? []).forEach((s, i) => {
    if (s.recommendationsRevisited != null && s.recommendationsRevisited < s.date)
      out.push({
        path: ['assessmentStatuses', i, 'recommendationsRevisited'],
        code: 'REVISITED_BEFORE_CHANGE',
      });
  });
  return out;
}

/** The entries in date order (stable), each with its index in the case's list. */
function ordered(doc: CaseDoc, seen: (d: string) => boolean): { s: AssessmentStatus; item: number }[] {
  return (doc.assessmentStatuses ?? [])
    .map((s, item) => ({ s, item }))
    .filter((x) => seen(x.s.date))
    .sort((a, b) => (a.s.date < b.s.date ? -1 : a.s.date > b.s.date ? 1 : a.item - b.item));
}

/** The current status (the newest entry on or before the as-of date), or null. */
export function currentAssessmentStatus(doc: CaseDoc, seen: (d: string) => boolean = () => true) {
  const list = ordered(doc, seen);
  return list[list.length - 1] ?? null;
}

/** The status change that still asks for the recommendations to be revisited, or null. */
export function revisitOwed(
  doc: CaseDoc,
  seen: (d: string) => boolean,
): { s: AssessmentStatus; item: number; from: AssessmentStatus['status'] } | null {
  const hasRecommendations = (doc.recommendations ?? []).length > 0;
  if (!hasRecommendations) return null;
  const list = ordered(doc, seen);
  for (let i = list.length - 1; i >= 1; i--) {
    const cur = list[i]!;
    const prev = list[i - 1]!;
    if (cur.s.status === prev.s.status) continue;
    // Only the newest change counts: once it is revisited (or if it is), older ones are moot.
    if (cur.s.recommendationsRevisited != null && seen(cur.s.recommendationsRevisited)) return null;
    return { ...cur, from: prev.s.status };
  }
  return null;
}
