import type { CaseDoc } from '../domain/caseDoc';
import { SCHOOL_FACTORS, type SchoolFactor } from '../domain/schoolSide';

/**
 * The school-factor checklist rule (issue 13 item 6): before an anbefaling or a sakkyndig
 * vurdering is signed, every school factor has been assessed («ikke et problem», «et problem» or
 * «ukjent»), and a factor assessed as «et problem» says what the problem is (its note).
 * One function, called by the letter checks (`SCHOOL_FACTORS_MISSING`, shared/letters/checks.ts)
 * and by the app's school tab. A case that predates the checklist simply has every factor missing:
 * a finding when a letter is checked, never an error when the case is read.
 */
export function missingSchoolFactors(doc: Pick<CaseDoc, 'schoolFactors'>): SchoolFactor[] {
  const sf = doc.schoolFactors ?? {};
  return SCHOOL_FACTORS.filter((f) => {
    const a = sf[f];
    if (!a?.assessed) return true;
    return a.assessed === 'et problem' && (a.note ?? '').trim() === '';
  });
}

/** The checklist is complete (nothing missing). */
export const schoolFactorsComplete = (doc: Pick<CaseDoc, 'schoolFactors'>) =>
  missingSchoolFactors(doc).length === 0;
