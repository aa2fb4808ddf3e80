import { describe, expect, it } from 'vitest';
import { caseDoc } from '../domain/caseDoc';
import { foldClosingOutcome } from '../domain/referral';
import { foldCase } from '../events/fold';
import { formatHlc, type StoredEvent } from '../events/vocabulary';

/**
 * Issue 15 item 5 (a): `outcome` (full/partial/none, INTERCHANGE.md) and the short-lived
 * `closingOutcome` (helt/delvis/ikke) are one field. Old events and files with `closingOutcome`
 * still open, and read as `outcome`.
 */
const id = (s: string) => s.padEnd(26, '2');
const CASE = id('case');
const REF = id('ref');
let n = 0;
function ev(type: string, data: unknown): StoredEvent {
  n++;
  return {
    v: 1,
    id: id(`ev${String.fromCharCode(97 + (n % 26))}${String.fromCharCode(97 + Math.floor(n / 26))}`),
    caseId: CASE,
    type,
    hlc: formatHlc({ wall: 1_700_000_000_000 + n, counter: 0 }),
    device: id('dev'),
    actor: id('act'),
    at: '2026-05-01T10:00:00.000Z',
    data,
  };
}
const opened = () => ev('case.opened', { externalId: 'sak-1', service: 'PPT' });
const received = () =>
  ev('referrals.recorded', { key: REF, set: { id: 'h-1', received: '2026-01-05', closed: '2026-05-01' } });

describe('one outcome field', () => {
  it('reads an old closingOutcome event as outcome, and the case carries no closingOutcome', () => {
    for (const [old, now] of [
      ['helt', 'full'],
      ['delvis', 'partial'],
      ['ikke', 'none'],
    ] as const) {
      const s = foldCase(CASE, [
        opened(),
        received(),
        ev('referrals.recorded', { key: REF, set: { closingOutcome: old } }),
      ]);
      expect(s.skippedEvents).toBe(0);
      expect(s.doc.referrals![0]!.outcome).toBe(now);
      expect(s.doc.referrals![0]).not.toHaveProperty('closingOutcome');
    }
  });

  it('a later change to either spelling wins; outcome wins within one change', () => {
    const later = foldCase(CASE, [
      opened(),
      received(),
      ev('referrals.recorded', { key: REF, set: { outcome: 'full' } }),
      ev('referrals.recorded', { key: REF, set: { closingOutcome: 'ikke' } }),
    ]);
    expect(later.doc.referrals![0]!.outcome).toBe('none');
    expect(foldClosingOutcome({ outcome: 'partial', closingOutcome: 'helt' })).toEqual({
      outcome: 'partial',
    });
    expect(foldClosingOutcome({ closingOutcome: null })).toEqual({});
    expect(foldClosingOutcome({ note: 'x' })).toEqual({ note: 'x' });
  });

  it('an imported file with closingOutcome opens with outcome', () => {
    const doc = caseDoc.parse({
      id: 'sak-1',
      service: 'PPT',
      pupil: { name: 'Test Testesen' },
      referrals: [{ id: 'h-1', received: '2026-01-05', closed: '2026-05-01', closingOutcome: 'delvis' }],
    });
    expect(doc.referrals![0]).toEqual({
      id: 'h-1',
      received: '2026-01-05',
      closed: '2026-05-01',
      outcome: 'partial',
    });
  });
});
