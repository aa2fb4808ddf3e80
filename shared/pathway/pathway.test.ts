import { describe, expect, it } from 'vitest';
import { caseDoc } from '../domain/caseDoc';
import { caseRecords } from '../waiting/records';
import { earliestSignal, signalCandidates } from './signals';
import { nextTransition, stageOf } from './stage';

const base = {
  id: 'sak-1',
  service: 'PPT' as const,
  pupil: { name: 'Test Elev', birthDate: '2014-03-01', grade: 4 },
};

describe('earliestSignal', () => {
  it('is null when nothing is dated', () => {
    expect(earliestSignal({ doc: {} })).toBeNull();
    expect(earliestSignal({ earlySigns: { noticedBy: 'mor' } })).toBeNull();
  });

  it('takes the earliest of first signs, first absence, the school concern and the referral signal', () => {
    const doc = {
      earlySigns: {
        firstSignsDate: '2023-09-10',
        firstAbsence: '2023-10-02',
        schoolFirstConcern: '2024-01-15',
      },
      referrals: [{ id: 'r1', received: '2024-05-01', signal: '2024-02-01' }],
    };
    expect(earliestSignal({ doc })).toEqual({ date: '2023-09-10', source: 'firstSigns' });
    expect(earliestSignal(doc, doc.referrals[0])).toEqual({ date: '2023-09-10', source: 'firstSigns' });
    const later = { ...doc, earlySigns: { ...doc.earlySigns, firstSignsDate: '2024-03-01' } };
    expect(earliestSignal(later)).toEqual({ date: '2023-10-02', source: 'firstAbsence' });
    const onlyReferral = { referrals: [{ id: 'r1', received: '2024-05-01', signal: '2024-02-01' }] };
    expect(earliestSignal(onlyReferral)).toEqual({ date: '2024-02-01', source: 'referral' });
  });

  it('for one referral ignores signs dated after it was sent (received when not sent)', () => {
    const doc = {
      earlySigns: { firstSignsDate: '2024-06-01', schoolFirstConcern: '2024-04-20' },
      referrals: [{ id: 'r1', received: '2024-05-01', sent: '2024-04-25', signal: null }],
    };
    expect(earliestSignal(doc, doc.referrals[0])).toEqual({
      date: '2024-04-20',
      source: 'schoolFirstConcern',
    });
    const noSent = { id: 'r2', received: '2024-04-10' };
    expect(earliestSignal(doc, noSent)).toBeNull();
    expect(signalCandidates(doc).map((s) => s.source)).toEqual(['firstSigns', 'schoolFirstConcern']);
  });

  it('is where the waiting statistics start the signal-to-referral lag', () => {
    const doc = caseDoc.parse({
      ...base,
      earlySigns: { firstSignsDate: '2023-09-10' },
      referrals: [{ id: 'r1', received: '2024-05-01', sent: '2024-04-28', signal: '2024-02-01' }],
    });
    expect(caseRecords('c1', doc, '2024-06-01')[0]!.signal).toBe('2023-09-10');
    // A date after today never reaches a figure.
    const future = caseDoc.parse({
      ...base,
      earlySigns: { firstAbsence: '2030-01-01' },
      referrals: doc.referrals,
    });
    expect(caseRecords('c1', future, '2024-06-01')[0]!.signal).toBe('2024-02-01');
  });

  it('the schema refuses an unknown sign and accepts the checklist', () => {
    expect(caseDoc.safeParse({ ...base, earlySigns: { signs: { vondtIMagen: true } } }).success).toBe(true);
    expect(caseDoc.safeParse({ ...base, earlySigns: { signs: { vondt: true } } }).success).toBe(false);
    expect(caseDoc.safeParse({ ...base, riskFactors: { family: { samlivsbrudd: true } } }).success).toBe(
      true,
    );
    expect(
      caseDoc.safeParse({ ...base, transitionEvents: [{ date: '2024-08-15', kind: 'skolebytte' }] }).success,
    ).toBe(true);
    expect(
      caseDoc.safeParse({ ...base, transitionEvents: [{ date: '2024-08-15', kind: 'ferie' }] }).success,
    ).toBe(false);
  });
});

describe('stage and next transition', () => {
  it('maps grades to stages', () => {
    expect([0, 1, 4, 5, 7, 8, 10, 11, 13].map(stageOf)).toEqual([
      'barnehage',
      '1-4',
      '1-4',
      '5-7',
      '5-7',
      '8-10',
      '8-10',
      'vgs',
      'vgs',
    ]);
    expect(stageOf(null)).toBeNull();
    expect(stageOf(14)).toBeNull();
  });

  it('dates the next transition at the school-year start after the stage ends', () => {
    // Grade 7 in March 2025 (school year 2024/25): ungdomsskolen from August 2025.
    expect(nextTransition(7, '2025-03-01', '08-01')).toEqual({
      from: '5-7',
      to: '8-10',
      lastGrade: 7,
      date: '2025-08-01',
    });
    // Grade 5 in September 2024: two more years of mellomtrinnet.
    expect(nextTransition(5, '2024-09-01', '08-01')?.date).toBe('2027-08-01');
    expect(nextTransition(10, '2024-12-01', '08-15')).toMatchObject({ to: 'vgs', date: '2025-08-15' });
    expect(nextTransition(0, '2025-02-01', '08-01')).toMatchObject({
      from: 'barnehage',
      to: '1-4',
      date: '2025-08-01',
    });
    expect(nextTransition(13, '2025-02-01', '08-01')).toMatchObject({ to: null, date: '2025-08-01' });
    expect(nextTransition(null, '2025-02-01', '08-01')).toBeNull();
  });
});
