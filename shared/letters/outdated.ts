import { addDays } from '../calendar/days';
import type { CaseDoc } from '../domain/caseDoc';
import { BroError, type Issue } from '../errors';
import type { LetterKind, LetterLang } from './kinds';

/** A letter issued earlier in the case (the fold's `letters`): kind, language and date are enough. */
export interface EarlierLetter {
  kind: LetterKind;
  lang: LetterLang;
  date: string;
}

/**
 * Whether a letter of this kind would say something already false on `today` (issue 16: a letter
 * is true on the day it is issued). One rule for the app, the API and the CLI; buildLetter calls
 * it, so a preview shows the same error the issue would give.
 *
 * - A mottaksbrev promises a first contact: once first contact is recorded it is too late
 *   (`FIRST_CONTACT_RECORDED`), unless it is a foreløpig svar (the assessment still open more
 *   than a month after the referral), which then says when the answer comes.
 * - A ny-kontaktperson letter announces a change: it needs a previous caseworker
 *   (`NO_CASEWORKER_CHANGE`) and no letter of this kind in the same language since the current
 *   caseworker started (`ALREADY_ANNOUNCED`). The other language may follow on any day.
 *
 * Returns the issue (code and the path of the data that makes it outdated), or null.
 */
export function letterOutdated(
  doc: CaseDoc,
  kind: LetterKind,
  lang: LetterLang,
  today: string,
  earlier: readonly EarlierLetter[],
  referralIndex: number,
): Issue | null {
  if (kind === 'mottaksbrev') {
    const ref = doc.referrals?.[referralIndex];
    // Still a foreløpig svar (fvl. § 11 a) while the assessment is open past a month: it then
    // says first contact was had and when the answer comes, and promises nothing that happened.
    const interim = ref != null && ref.concluded == null && addDays(ref.received, 30) < today;
    if (ref?.firstContact && ref.firstContact <= today && !interim)
      return { path: ['referrals', referralIndex, 'firstContact'], code: 'FIRST_CONTACT_RECORDED' };
  }
  if (kind === 'ny-kontaktperson') {
    const all = (doc.assignments ?? []).map((a, i) => ({ a, i }));
    const live = all
      .filter(({ a }) => a.from <= today && (a.to == null || a.to >= today))
      .sort((x, y) => (x.a.from < y.a.from ? 1 : -1))[0];
    if (!live) return null; // NO_CASEWORKER (LETTER_DATA_MISSING) is the model's to say.
    const before = all.some(({ a, i }) => i !== live.i && a.from < live.a.from);
    if (!before) return { path: ['assignments', live.i, 'from'], code: 'NO_CASEWORKER_CHANGE' };
    if (earlier.some((l) => l.kind === kind && l.lang === lang && l.date >= live.a.from))
      return { path: ['assignments', live.i, 'from'], code: 'ALREADY_ANNOUNCED' };
  }
  return null;
}

export function outdatedError(issue: Issue): BroError {
  return new BroError('LETTER_OUTDATED', 'The letter would no longer be true on its date', {
    issues: [issue],
  });
}
