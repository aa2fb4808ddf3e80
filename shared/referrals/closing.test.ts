import { describe, expect, it } from 'vitest';
import type { CaseDoc } from '../domain/caseDoc';
import { closingLetterIssues } from './closing';

const referral = { id: 'h-1', received: '2026-03-02' };
const doc = (r: Record<string, unknown>): CaseDoc =>
  ({ referrals: [{ ...referral, ...r }] }) as unknown as CaseDoc;
const letter = (referralId?: string) => ({
  kind: 'avslutningsbrev',
  options: referralId ? { closing: { referral: referralId } } : {},
});

describe('CLOSING_LETTER_REQUIRED', () => {
  it('an open or accepted referral needs no letter', () => {
    expect(closingLetterIssues(doc({}), [])).toEqual([]);
    expect(closingLetterIssues(doc({ decision: 'accepted', decided: '2026-03-05' }), [])).toEqual([]);
  });
  it('closed, rejected and forwarded referrals need an avslutningsbrev', () => {
    expect(closingLetterIssues(doc({ closed: '2026-05-01' }), [])).toEqual([
      { path: ['referrals', 0, 'closed'], code: 'CLOSING_LETTER_REQUIRED' },
    ]);
    for (const decision of ['rejected', 'forwarded'])
      expect(closingLetterIssues(doc({ decision, decided: '2026-03-05' }), [])).toEqual([
        { path: ['referrals', 0, 'decision'], code: 'CLOSING_LETTER_REQUIRED' },
      ]);
  });
  it('another kind of letter does not count', () => {
    expect(closingLetterIssues(doc({ closed: '2026-05-01' }), [{ kind: 'mottaksbrev' }])).toHaveLength(1);
  });
  it('a letter for another referral does not count; one naming this one or none does', () => {
    const d = doc({ closed: '2026-05-01' });
    expect(closingLetterIssues(d, [letter('h-2')])).toHaveLength(1);
    expect(closingLetterIssues(d, [letter('h-1')])).toEqual([]);
    expect(closingLetterIssues(d, [letter()])).toEqual([]);
  });
});
