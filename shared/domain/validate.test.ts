import { describe, expect, it } from 'vitest';
import { formatPath, type Issue } from '../errors';
import { exampleCase } from '../interchange/interchangeExample.fixture';
import { caseDoc, type CaseDoc } from './caseDoc';
import { AFTER_RECEIVED } from './referral';
import { validateCaseDoc, validateCaseRules } from './validate';

/** The INTERCHANGE.md example as a parsed case: valid, with one referral, two assignments, one measure. */
const valid = (): CaseDoc => caseDoc.parse(exampleCase());
const ref0 = (d: CaseDoc) => d.referrals![0]!;
const rec0 = (d: CaseDoc) => d.recommendations![0]!;

/** The issues of a valid case after `change`, without messages (paths and codes are the contract). */
function rulesAfter(change: (d: CaseDoc) => void): Pick<Issue, 'path' | 'code'>[] {
  const d = valid();
  change(d);
  return validateCaseRules(d).map(({ path, code }) => ({ path, code }));
}

const consent = {
  givenBy: 'Ánde Nango',
  information: 'Sakkyndig vurdering',
  recipient: 'Hov skole',
  purpose: 'Tilrettelegging',
  date: '2026-02-01',
};
const absence = {
  from: '2026-01-05',
  to: '2026-01-30',
  wholeDays: 8,
  partialDays: 3,
  type: 'elevmotivert' as const,
};

describe('validateCaseRules', () => {
  it('passes the INTERCHANGE.md example with zero issues', () => {
    expect(validateCaseRules(valid())).toEqual([]);
    expect(validateCaseDoc(exampleCase())).toEqual({ doc: valid(), issues: [] });
  });

  it('passes a minimal case with no collections', () => {
    expect(validateCaseRules(caseDoc.parse({ id: 'c', service: 'BUP', pupil: exampleCase().pupil }))).toEqual(
      [],
    );
  });

  describe('referral milestones', () => {
    it('flags received before sent', () => {
      expect(rulesAfter((d) => (ref0(d).sent = '2026-01-08'))).toEqual([
        { path: ['referrals', 0, 'received'], code: 'RECEIVED_BEFORE_SENT' },
      ]);
    });

    it('allows received on the day it was sent', () => {
      expect(rulesAfter((d) => (ref0(d).sent = '2026-01-07'))).toEqual([]);
    });

    it.each(AFTER_RECEIVED)('flags %s before received', (m) => {
      expect(rulesAfter((d) => (ref0(d)[m] = '2026-01-06'))).toEqual([
        { path: ['referrals', 0, m], code: 'BEFORE_RECEIVED' },
      ]);
    });

    it('covers exactly the milestones after received', () => {
      expect([...AFTER_RECEIVED].sort()).toEqual(
        ['decided', 'firstContact', 'assessmentStarted', 'concluded', 'firstMeasure', 'closed'].sort(),
      );
    });

    it.each(AFTER_RECEIVED)('allows %s on the day received', (m) => {
      // firstMeasure etc. may coincide with received; decided must stay before frist, which is unset.
      expect(rulesAfter((d) => (ref0(d)[m] = '2026-01-07'))).toEqual([]);
    });

    it('flags a decision without a date', () => {
      expect(rulesAfter((d) => (ref0(d).decided = null))).toEqual([
        { path: ['referrals', 0, 'decided'], code: 'DECISION_WITHOUT_DATE' },
      ]);
    });

    it('flags a frist before the decision', () => {
      expect(rulesAfter((d) => (ref0(d).frist = '2026-01-19'))).toEqual([
        { path: ['referrals', 0, 'frist'], code: 'FRIST_BEFORE_DECIDED' },
      ]);
      expect(rulesAfter((d) => (ref0(d).frist = '2026-01-20'))).toEqual([]);
    });

    it('flags an outcome without a closed date', () => {
      expect(rulesAfter((d) => (ref0(d).outcome = 'partial'))).toEqual([
        { path: ['referrals', 0, 'closed'], code: 'OUTCOME_WITHOUT_CLOSED' },
      ]);
      expect(
        rulesAfter((d) => {
          ref0(d).outcome = 'partial';
          ref0(d).closed = '2026-06-30';
        }),
      ).toEqual([]);
    });

    it('flags a signal after the referral was sent', () => {
      expect(rulesAfter((d) => (ref0(d).signal = '2026-01-06'))).toEqual([
        { path: ['referrals', 0, 'signal'], code: 'SIGNAL_AFTER_REFERRAL' },
      ]);
      expect(rulesAfter((d) => (ref0(d).signal = '2025-11-01'))).toEqual([]);
    });

    it('flags a signal after the referral was received when sent is unknown', () => {
      expect(
        rulesAfter((d) => {
          ref0(d).sent = null;
          ref0(d).signal = '2026-01-08';
        }),
      ).toEqual([{ path: ['referrals', 0, 'signal'], code: 'SIGNAL_AFTER_REFERRAL' }]);
    });

    it('points at the right referral by index', () => {
      expect(
        rulesAfter((d) => {
          d.referrals!.push({
            ...ref0(d),
            id: 'r-2',
            received: '2026-03-01',
            sent: '2026-03-02',
            decided: null,
            decision: null,
            firstContact: null,
            assessmentStarted: null,
            concluded: null,
            firstMeasure: null,
          });
        }),
      ).toEqual([{ path: ['referrals', 1, 'received'], code: 'RECEIVED_BEFORE_SENT' }]);
    });
  });

  describe('assignments', () => {
    it('flags an assignment that ends before it starts', () => {
      expect(rulesAfter((d) => (d.assignments![1]!.to = '2026-03-01'))).toEqual([
        { path: ['assignments', 1, 'to'], code: 'ENDS_BEFORE_START' },
      ]);
    });

    it('requires a handover note when the caseworker changes', () => {
      expect(rulesAfter((d) => (d.assignments![0]!.handoverNote = null))).toEqual([
        { path: ['assignments', 0, 'handoverNote'], code: 'HANDOVER_NOTE_REQUIRED' },
      ]);
    });

    it('finds the change whatever the order of assignments', () => {
      expect(
        rulesAfter((d) => {
          d.assignments!.reverse();
          d.assignments![1]!.handoverNote = null;
        }),
      ).toEqual([{ path: ['assignments', 1, 'handoverNote'], code: 'HANDOVER_NOTE_REQUIRED' }]);
    });

    it('does not require a handover note for the last assignment', () => {
      expect(rulesAfter((d) => (d.assignments![1]!.to = '2026-06-30'))).toEqual([]);
    });

    it('does not require a handover note for the only assignment', () => {
      expect(
        rulesAfter((d) => {
          d.assignments = [{ ...d.assignments![0]!, handoverNote: null }];
        }),
      ).toEqual([]);
    });
  });

  describe('recommendations', () => {
    it('requires a legal reference for Lovkrav', () => {
      expect(rulesAfter((d) => (rec0(d).label = 'Lovkrav'))).toEqual([
        { path: ['recommendations', 0, 'legalRef'], code: 'LEGAL_REF_REQUIRED' },
      ]);
      expect(
        rulesAfter((d) => {
          rec0(d).label = 'Lovkrav';
          rec0(d).legalRef = '';
        }),
      ).toEqual([{ path: ['recommendations', 0, 'legalRef'], code: 'LEGAL_REF_REQUIRED' }]);
      expect(
        rulesAfter((d) => {
          rec0(d).label = 'Lovkrav';
          rec0(d).legalRef = 'opplæringslova § 11-6';
        }),
      ).toEqual([]);
    });

    it('flags an evaluation date before the start', () => {
      expect(rulesAfter((d) => (rec0(d).evaluation!.date = '2026-05-10'))).toEqual([
        { path: ['recommendations', 0, 'evaluation', 'date'], code: 'EVALUATION_BEFORE_START' },
      ]);
    });
  });

  describe('consents and absence', () => {
    it('flags a consent that expires before it was given', () => {
      expect(rulesAfter((d) => (d.consents = [{ ...consent, expires: '2026-01-31' }]))).toEqual([
        { path: ['consents', 0, 'expires'], code: 'EXPIRES_BEFORE_GIVEN' },
      ]);
    });

    it('flags a consent withdrawn before it was given', () => {
      expect(rulesAfter((d) => (d.consents = [consent, { ...consent, withdrawn: '2026-01-31' }]))).toEqual([
        { path: ['consents', 1, 'withdrawn'], code: 'WITHDRAWN_BEFORE_GIVEN' },
      ]);
    });

    it('accepts a consent with expiry and withdrawal after it was given', () => {
      expect(
        rulesAfter((d) => (d.consents = [{ ...consent, expires: '2027-02-01', withdrawn: '2026-02-01' }])),
      ).toEqual([]);
    });

    it('flags an absence period that ends before it starts', () => {
      expect(rulesAfter((d) => (d.absence = [absence, { ...absence, to: '2026-01-04' }]))).toEqual([
        { path: ['absence', 1, 'to'], code: 'ENDS_BEFORE_START' },
      ]);
    });
  });

  it('reports every broken rule at once', () => {
    const codes = rulesAfter((d) => {
      ref0(d).sent = '2026-01-08';
      ref0(d).outcome = 'full';
      rec0(d).label = 'Lovkrav';
      d.assignments![0]!.handoverNote = null;
    }).map((i) => i.code);
    expect(codes.sort()).toEqual(
      [
        'HANDOVER_NOTE_REQUIRED',
        'LEGAL_REF_REQUIRED',
        'OUTCOME_WITHOUT_CLOSED',
        'RECEIVED_BEFORE_SENT',
      ].sort(),
    );
  });
});

describe('validateCaseDoc (shape)', () => {
  /** Issues (without messages) for the example after `change`, validated as `cases[3]` of a file. */
  function shapeIssues(change: (d: ReturnType<typeof exampleCase>) => void) {
    const d = exampleCase();
    change(d);
    const r = validateCaseDoc(d, ['cases', 3]);
    expect(r.doc).toBeUndefined();
    return r.issues;
  }

  it('reports a missing received date by path', () => {
    const issues = shapeIssues((d) => delete (d.referrals[0] as { received?: string }).received);
    expect(issues.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: ['cases', 3, 'referrals', 0, 'received'], code: 'invalid_type' },
    ]);
    expect(formatPath(issues[0]!.path)).toBe('cases[3].referrals[0].received');
  });

  it('reports a date that does not exist', () => {
    const issues = shapeIssues((d) => (d.referrals[0]!.decided = '2026-02-30'));
    expect(issues).toEqual([{ path: ['cases', 3, 'referrals', 0, 'decided'], code: 'DATE_INVALID' }]);
  });

  it('reports a badly written date once, with its own code', () => {
    const issues = shapeIssues((d) => (d.pupil.birthDate = '2013-4-2'));
    expect(issues.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: ['cases', 3, 'pupil', 'birthDate'], code: 'DATE_FORMAT' },
    ]);
  });

  it('accepts 29 February only in a leap year', () => {
    const leap = exampleCase();
    leap.pupil.birthDate = '2012-02-29';
    expect(validateCaseDoc(leap).issues).toEqual([]);
    expect(shapeIssues((d) => (d.pupil.birthDate = '2013-02-29'))).toEqual([
      { path: ['cases', 3, 'pupil', 'birthDate'], code: 'DATE_INVALID' },
    ]);
  });

  it('reports grade 14', () => {
    const issues = shapeIssues((d) => (d.pupil.grade = 14));
    expect(issues.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: ['cases', 3, 'pupil', 'grade'], code: 'too_big' },
    ]);
    expect(formatPath(issues[0]!.path)).toBe('cases[3].pupil.grade');
  });

  it('reports an unknown field on the object that has it, naming the key', () => {
    const issues = shapeIssues((d) => Object.assign(d.recommendations[0]!, { colour: 'blå' }));
    expect(issues).toEqual([
      {
        path: ['cases', 3, 'recommendations', 0],
        code: 'unrecognized_keys',
        message: expect.stringContaining('colour'),
      },
    ]);
    // The message names the key, never the value.
    expect(issues[0]!.message).not.toContain('blå');
  });

  it('reports an empty required text as REQUIRED', () => {
    const issues = shapeIssues((d) => (d.pupil.name = '   '));
    expect(issues.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: ['cases', 3, 'pupil', 'name'], code: 'REQUIRED' },
    ]);
  });

  it('takes a referral with only its id and received date (INTERCHANGE.md marks nothing else required)', () => {
    const d = exampleCase();
    d.referrals = [{ id: 'r-min', received: '2026-01-07' }] as typeof d.referrals;
    const r = validateCaseDoc(d, ['cases', 3]);
    expect(r.issues).toEqual([]);
    expect(r.doc?.referrals?.[0]).toEqual({ id: 'r-min', received: '2026-01-07' });
    // A guardian needs only a name; relation and parental responsibility may be unknown (null).
    const g = exampleCase();
    g.guardians = [{ name: 'Syntetisk Foresatt', relation: null }] as unknown as typeof g.guardians;
    expect(validateCaseDoc(g).issues).toEqual([]);
  });

  it('lists every shape problem of a case at once', () => {
    const issues = shapeIssues((d) => {
      d.pupil.grade = -1;
      d.referrals[0]!.firstContact = '2026-13-01';
      d.assignments[1]!.from = 'mandag';
    });
    expect(issues.map((i) => formatPath(i.path)).sort()).toEqual(
      ['cases[3].pupil.grade', 'cases[3].referrals[0].firstContact', 'cases[3].assignments[1].from'].sort(),
    );
  });

  it('prefixes rule issues too', () => {
    const d = exampleCase();
    d.referrals[0]!.sent = '2026-01-08';
    const r = validateCaseDoc(d, ['cases', 3]);
    expect(r.doc).toBeDefined();
    expect(r.issues.map((i) => formatPath(i.path))).toEqual(['cases[3].referrals[0].received']);
  });
});
