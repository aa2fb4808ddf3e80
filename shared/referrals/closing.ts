import type { CaseDoc } from '../domain/caseDoc';
import type { Issue } from '../errors';

/** What the rule needs of an issued letter: its kind and which referral it ends. */
export interface ClosingLetterRef {
  kind: string;
  options?: { closing?: { referral?: string | undefined } | undefined } | undefined;
}

/**
 * CLOSING_LETTER_REQUIRED (issue 15 item 5): a referral decided "avslått" (rejected) or
 * "videresendt" (forwarded), or closed, needs an issued avslutningsbrev that says where
 * responsibility now lies. The letter counts for the referral it names (`options.closing.referral`);
 * a letter that names none counts for every referral of the case (it spoke of the case's main one).
 *
 * The app and the API refuse a change that breaks it (electron/services/cases/update.ts); history
 * already closed without one (imported, or recorded before the rule) opens as before and shows as a
 * finding on the case (`cases.get`). The demo issues its avslutningsbrev (shared/demo/closing.ts),
 * so it opens clean.
 */
export const referralEnds = (r: {
  closed?: string | null | undefined;
  decision?: string | null | undefined;
}): boolean => r.closed != null || r.decision === 'rejected' || r.decision === 'forwarded';

export function closingLetterIssues(doc: CaseDoc, letters: readonly ClosingLetterRef[]): Issue[] {
  const closingLetters = letters.filter((l) => l.kind === 'avslutningsbrev');
  const issues: Issue[] = [];
  (doc.referrals ?? []).forEach((r, i) => {
    if (!referralEnds(r)) return;
    const has = closingLetters.some((l) => {
      const named = l.options?.closing?.referral;
      return named == null || named === r.id;
    });
    if (!has)
      issues.push({
        path: ['referrals', i, r.closed != null ? 'closed' : 'decision'],
        code: 'CLOSING_LETTER_REQUIRED',
      });
  });
  return issues;
}
