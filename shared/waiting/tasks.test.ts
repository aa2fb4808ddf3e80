import { describe, expect, it } from 'vitest';
import type { CaseDoc } from '../domain/caseDoc';
import type { Referral } from '../domain/referral';
import type { Recommendation } from '../domain/recommendation';
import { DEFAULT_SETTINGS } from './settings';
import { deriveTasks, gradeAsOf, type Task, type TaskInput, type TaskKind } from './tasks';

const referral = (r: Partial<Referral> = {}): Referral => ({
  id: 'r-1',
  referredBy: 'skole',
  reason: 'ufrivillig skolefravær',
  received: '2026-01-05',
  ...r,
});

const measure = (m: Partial<Recommendation> = {}): Recommendation => ({
  id: 't-1',
  what: 'Fleksibel oppstart',
  label: 'Anbefaling',
  target: 'skolemiljø',
  ...m,
});

function caseWith(d: Partial<CaseDoc> = {}, history?: TaskInput['history']): TaskInput {
  return {
    caseId: 'vaultcaseid',
    doc: {
      id: 'c-1',
      service: 'PPT',
      pupil: { name: 'Test Elev', school: 'Hov skole', grade: 3 },
      guardians: [{ name: 'Anne Elev', relation: 'mor', parentalResponsibility: true }],
      referrals: [referral()],
      ...d,
    },
    ...(history ? { history } : {}),
  };
}

const tasks = (input: TaskInput, asOf: string, kind?: TaskKind): Task[] =>
  deriveTasks(input, asOf, DEFAULT_SETTINGS).filter((t) => kind === undefined || t.kind === kind);
const brief = (ts: Task[]) => ts.map((t) => [t.kind, t.due, t.status, t.ref]);

describe('foreløpig svar (forvaltningsloven § 11 a)', () => {
  const c = caseWith();
  it('is owed one calendar month after received while nothing is concluded', () => {
    expect(tasks(c, '2026-01-10', 'provisionalReply')).toEqual([]); // due 5 Feb, beyond 14 days
    expect(tasks(c, '2026-02-02', 'provisionalReply')).toEqual([
      {
        caseId: 'vaultcaseid',
        case: 'c-1',
        kind: 'provisionalReply',
        due: '2026-02-05',
        status: 'due',
        rule: 'fvl-11a-provisional-reply',
        ruleText: expect.stringContaining('1 måned etter mottak'),
        ref: 'r-1',
        item: 0,
      },
    ]);
    expect(brief(tasks(c, '2026-02-06', 'provisionalReply'))).toEqual([
      ['provisionalReply', '2026-02-05', 'overdue', 'r-1'],
    ]);
  });

  it('clamps to the end of a shorter month', () => {
    const late = caseWith({ referrals: [referral({ received: '2026-01-31' })] });
    expect(brief(tasks(late, '2026-02-28', 'provisionalReply'))).toEqual([
      ['provisionalReply', '2026-02-28', 'due', 'r-1'],
    ]);
  });

  it('is not owed once concluded — but was, as of a day before the conclusion', () => {
    const done = caseWith({ referrals: [referral({ concluded: '2026-02-03' })] });
    expect(tasks(done, '2026-02-06', 'provisionalReply')).toEqual([]);
    expect(tasks(done, '2026-02-02', 'provisionalReply')).toHaveLength(1);
  });

  it('is answered by the decision in BUP, and not owed for a rejected or closed referral', () => {
    const bup = caseWith({
      service: 'BUP',
      referrals: [referral({ decided: '2026-01-14', decision: 'accepted', frist: '2026-03-30' })],
    });
    expect(tasks(bup, '2026-02-06', 'provisionalReply')).toEqual([]);
    const rejected = caseWith({ referrals: [referral({ decided: '2026-01-14', decision: 'rejected' })] });
    expect(tasks(rejected, '2026-02-06')).toHaveLength(1); // only: tell the parents about the decision
    expect(tasks(rejected, '2026-02-06')[0]!.kind).toBe('informParents');
    const closed = caseWith({ referrals: [referral({ closed: '2026-01-20' })] });
    expect(tasks(closed, '2026-02-06', 'provisionalReply')).toEqual([]);
  });
});

describe('BUP decision within 10 working days (pasrl. § 2-2)', () => {
  const bup = (r: Partial<Referral> = {}) =>
    caseWith({ service: 'BUP', referrals: [referral({ received: '2026-03-27', ...r })] });
  it('is due on the 10th working day after received (over Easter: 15 April)', () => {
    expect(brief(tasks(bup(), '2026-04-06', 'decision'))).toEqual([['decision', '2026-04-15', 'due', 'r-1']]);
    expect(brief(tasks(bup(), '2026-04-16', 'decision'))).toEqual([
      ['decision', '2026-04-15', 'overdue', 'r-1'],
    ]);
    expect(tasks(bup(), '2026-04-16', 'decision')[0]!.rule).toBe('pasrl-2-2-assessment');
  });
  it('goes away with the decision', () => {
    expect(tasks(bup({ decided: '2026-04-10', decision: 'accepted' }), '2026-04-16', 'decision')).toEqual([]);
  });
  it('is not raised for PPT', () => {
    expect(tasks(caseWith(), '2026-01-30', 'decision')).toEqual([]);
  });
});

describe('frist passing (BUP) and the first-contact target (Skoleteam)', () => {
  const bup = (r: Partial<Referral> = {}) =>
    caseWith({
      service: 'BUP',
      referrals: [
        referral({
          received: '2026-03-27',
          decided: '2026-04-10',
          decision: 'accepted',
          frist: '2026-05-20',
          ...r,
        }),
      ],
    });
  it('warns before the frist and flags it once passed', () => {
    expect(tasks(bup(), '2026-05-01', 'fristPassing')).toEqual([]);
    expect(brief(tasks(bup(), '2026-05-10', 'fristPassing'))).toEqual([
      ['fristPassing', '2026-05-20', 'due', 'r-1'],
    ]);
    expect(brief(tasks(bup(), '2026-05-21', 'fristPassing'))).toEqual([
      ['fristPassing', '2026-05-20', 'overdue', 'r-1'],
    ]);
  });
  it('is met by a first contact', () => {
    expect(tasks(bup({ firstContact: '2026-05-19' }), '2026-05-21', 'fristPassing')).toEqual([]);
  });
  it('gives Skoleteam 10 working days to first contact', () => {
    const st = caseWith({ service: 'Skoleteam', referrals: [referral({ received: '2026-03-10' })] });
    expect(brief(tasks(st, '2026-03-25', 'firstContactTarget'))).toEqual([
      ['firstContactTarget', '2026-03-24', 'overdue', 'r-1'],
    ]);
    expect(tasks(st, '2026-03-25', 'fristPassing')).toEqual([]);
  });
});

describe('evaluation due or overdue', () => {
  const withMeasure = (m: Partial<Recommendation>, d: Partial<CaseDoc> = {}) =>
    caseWith({
      recommendations: [
        measure({
          start: '2026-05-11',
          evaluation: { date: '2026-06-22', method: 'samtale', convenedBy: 'PPT' },
          ...m,
        }),
      ],
      referrals: [referral({ concluded: '2026-04-30' })],
      ...d,
    });
  const evaluation = (date: string, decision: 'videreføres' | 'avsluttes' = 'videreføres') => ({
    date,
    outcome: 'bedring' as const,
    decision,
    decidedBy: 'rektor',
  });
  it('is due on the planned date and overdue after it', () => {
    expect(brief(tasks(withMeasure({}), '2026-06-10', 'evaluation'))).toEqual([
      ['evaluation', '2026-06-22', 'due', 't-1'],
    ]);
    expect(brief(tasks(withMeasure({}), '2026-06-23', 'evaluation'))).toEqual([
      ['evaluation', '2026-06-22', 'overdue', 't-1'],
    ]);
  });
  it('is done by an evaluation up to 14 days before the planned date, not by an earlier one', () => {
    expect(
      tasks(withMeasure({ evaluations: [evaluation('2026-06-08')] }), '2026-06-23', 'evaluation'),
    ).toEqual([]);
    expect(
      tasks(withMeasure({ evaluations: [evaluation('2026-06-07')] }), '2026-06-23', 'evaluation'),
    ).toHaveLength(1);
  });
  it('is not raised for an ended measure, one the school cannot do, or a closed case', () => {
    const ended = withMeasure({ evaluations: [evaluation('2026-05-30', 'avsluttes')] });
    expect(tasks(ended, '2026-06-23', 'evaluation')).toEqual([]);
    const cannot = withMeasure({ schoolAnswer: { answer: 'kan ikke', by: 'rektor', date: '2026-05-05' } });
    expect(tasks(cannot, '2026-06-23', 'evaluation')).toEqual([]);
    const closed = withMeasure(
      {},
      { referrals: [referral({ concluded: '2026-04-30', closed: '2026-06-01' })] },
    );
    expect(tasks(closed, '2026-06-23', 'evaluation')).toEqual([]);
  });
});

describe('school reply overdue', () => {
  const withMeasure = (m: Partial<Recommendation> = {}) =>
    caseWith({ recommendations: [measure(m)], referrals: [referral({ concluded: '2026-04-30' })] });
  it('is due 10 working days after the recommendation was sent (1 May and Ascension Day skipped)', () => {
    expect(brief(tasks(withMeasure(), '2026-05-19', 'schoolReply'))).toEqual([
      ['schoolReply', '2026-05-18', 'overdue', 't-1'],
    ]);
    expect(tasks(withMeasure(), '2026-04-29', 'schoolReply')).toEqual([]); // not sent yet
  });
  it('is met by the school’s answer, and not awaited for an agreed measure', () => {
    const answered = withMeasure({
      schoolAnswer: { answer: 'gjennomføres', by: 'rektor', date: '2026-05-10' },
    });
    expect(tasks(answered, '2026-05-19', 'schoolReply')).toEqual([]);
    expect(tasks(withMeasure({ label: 'Avtalt' }), '2026-05-19', 'schoolReply')).toEqual([]);
  });
});

describe('parents to be informed of a status change', () => {
  const change = (meetings: NonNullable<CaseDoc['meetings']> = []) =>
    caseWith({
      referrals: [
        referral({
          received: '2026-01-05',
          decided: '2026-01-08',
          decision: 'accepted',
          firstContact: '2026-01-12',
        }),
      ],
      assignments: [
        {
          caseworker: 'A',
          role: 'rådgiver',
          from: '2026-01-08',
          to: '2026-03-01',
          handoverNote: { status: 'x' },
        },
        { caseworker: 'B', role: 'rådgiver', from: '2026-03-09' },
      ],
      meetings: [{ date: '2026-01-09', participants: [{ role: 'far', name: 'Per Elev' }] }, ...meetings],
    });
  it('is due 5 working days after a new caseworker starts', () => {
    expect(tasks(change(), '2026-03-17', 'informParents')).toEqual([
      expect.objectContaining({
        due: '2026-03-16',
        status: 'overdue',
        change: 'caseworker',
        rule: 'inform-parents',
      }),
    ]);
  });
  it('is met by a meeting a parent attends, named by role or by name', () => {
    const mor = { date: '2026-03-12', participants: [{ role: 'mor', name: null }] };
    expect(tasks(change([mor]), '2026-03-17', 'informParents')).toEqual([]);
    const byName = { date: '2026-03-12', participants: [{ role: 'deltaker', name: 'Anne Elev' }] };
    expect(tasks(change([byName]), '2026-03-17', 'informParents')).toEqual([]);
    const teacher = { date: '2026-03-12', participants: [{ role: 'kontaktlærer', name: 'Per Berg' }] };
    expect(tasks(change([teacher]), '2026-03-17', 'informParents')).toHaveLength(1);
  });
  it('is met by a letter with a copy to foresatte issued on or after the change, not by one before it', () => {
    const letter = (date: string, roles: string[]) => ({ date, recipients: roles.map((role) => ({ role })) });
    const withLetters = (letters: ReturnType<typeof letter>[]) => ({ ...change(), letters });
    expect(
      tasks(withLetters([letter('2026-03-10', ['rektor', 'foresatte'])]), '2026-03-17', 'informParents'),
    ).toEqual([]);
    // Before the change, to rektor only, or not yet sent on the day asked about: still owed.
    expect(
      tasks(withLetters([letter('2026-03-02', ['rektor', 'foresatte'])]), '2026-03-17', 'informParents'),
    ).toHaveLength(1);
    expect(
      tasks(withLetters([letter('2026-03-10', ['rektor', 'kontaktlærer'])]), '2026-03-17', 'informParents'),
    ).toHaveLength(1);
    expect(
      tasks(withLetters([letter('2026-03-18', ['foresatte'])]), '2026-03-17', 'informParents'),
    ).toHaveLength(1);
  });
  it('covers decisions, conclusions, closing and a school that cannot follow a recommendation', () => {
    const c = caseWith({
      referrals: [
        referral({
          decided: '2026-01-08',
          decision: 'accepted',
          concluded: '2026-02-02',
          closed: '2026-02-20',
        }),
      ],
      recommendations: [measure({ schoolAnswer: { answer: 'kan ikke', by: 'rektor', date: '2026-02-10' } })],
    });
    expect(tasks(c, '2026-02-20', 'informParents').map((t) => [t.change, t.due, t.status])).toEqual([
      ['decided', '2026-01-15', 'overdue'],
      ['concluded', '2026-02-09', 'overdue'],
      ['schoolAnswer', '2026-02-17', 'overdue'],
      ['closed', '2026-02-27', 'due'],
    ]);
  });
  it('lets changes older than 60 days rest', () => {
    expect(tasks(change(), '2026-05-09', 'informParents')).toEqual([]);
  });
});

describe('transition coming', () => {
  it('appears from 90 days before 1 June of the last year in grades 4, 7 and 10', () => {
    const seventh = caseWith({ pupil: { name: 'E', school: 'S', grade: 7 } });
    expect(tasks(seventh, '2026-02-15', 'transition')).toEqual([]);
    expect(tasks(seventh, '2026-03-15', 'transition')).toEqual([
      expect.objectContaining({ due: '2026-06-01', status: 'due', grade: 7, ref: null, rule: 'transition' }),
    ]);
    expect(brief(tasks(seventh, '2026-06-15', 'transition'))).toEqual([
      ['transition', '2026-06-01', 'overdue', null],
    ]);
    expect(
      tasks(caseWith({ pupil: { name: 'E', school: 'S', grade: 6 } }), '2026-03-15', 'transition'),
    ).toEqual([]);
  });
  it('moves the recorded grade on by the school years since it was recorded', () => {
    const history = [
      {
        at: '2025-05-01T10:00:00.000Z',
        type: 'pupil.recorded',
        changes: [{ field: 'grade', from: null, to: 6 }],
      },
    ];
    const c = caseWith({ pupil: { name: 'E', school: 'S', grade: 6 } }, history);
    expect(gradeAsOf(c, '2025-06-30', '08-01')).toBe(6);
    expect(gradeAsOf(c, '2025-08-01', '08-01')).toBe(7);
    expect(tasks(c, '2026-03-15', 'transition')).toHaveLength(1);
  });
  it('is not raised for a closed case', () => {
    const closed = caseWith({
      pupil: { name: 'E', school: 'S', grade: 10 },
      referrals: [referral({ closed: '2026-02-01' })],
    });
    expect(tasks(closed, '2026-03-15', 'transition')).toEqual([]);
  });
});

describe('innsyn request due', () => {
  const req = (a: Partial<NonNullable<CaseDoc['accessRequests']>[number]> = {}) =>
    caseWith({ accessRequests: [{ id: 'i-1', received: '2026-01-31', requestedBy: 'foresatte', ...a }] });
  it('is due one month after received (clamped) and overdue after', () => {
    expect(brief(tasks(req(), '2026-03-01', 'accessRequest'))).toEqual([
      ['accessRequest', '2026-02-28', 'overdue', 'i-1'],
    ]);
    expect(tasks(req(), '2026-03-01', 'accessRequest')[0]!.rule).toBe('innsyn-one-month');
  });
  it('is met by an answer and moved by an extension', () => {
    expect(tasks(req({ answered: '2026-02-20' }), '2026-03-01', 'accessRequest')).toEqual([]);
    expect(tasks(req({ extendedTo: '2026-04-30' }), '2026-03-01', 'accessRequest')).toEqual([]);
    expect(brief(tasks(req({ extendedTo: '2026-04-30' }), '2026-04-20', 'accessRequest'))).toEqual([
      ['accessRequest', '2026-04-30', 'due', 'i-1'],
    ]);
  });
});

it('sorts tasks by due date, then case, then kind', () => {
  const c = caseWith({
    service: 'BUP',
    referrals: [referral({ received: '2026-03-27' })],
    accessRequests: [{ received: '2026-03-15', requestedBy: 'foresatte' }],
  });
  expect(brief(tasks(c, '2026-04-16'))).toEqual([
    ['decision', '2026-04-15', 'overdue', 'r-1'],
    ['accessRequest', '2026-04-15', 'overdue', '#1'],
    ['provisionalReply', '2026-04-27', 'due', 'r-1'],
  ]);
});

it('says where each task’s item is in the case (its index), so the app can go straight to it', () => {
  const c = caseWith({
    service: 'BUP',
    referrals: [
      referral({ id: 'r-0', received: '2025-01-06', closed: '2025-03-01' }),
      referral({ id: 'r-1', received: '2026-03-27' }),
    ],
    recommendations: [
      measure({ id: 't-0' }),
      measure({
        id: 't-1',
        evaluation: { date: '2026-04-20', method: 'samtale', convenedBy: 'PPT' },
        schoolAnswer: { answer: 'kan ikke', by: 'rektor', date: '2026-04-10' },
      }),
      measure({ id: 't-2', evaluation: { date: '2026-04-22', method: 'samtale', convenedBy: 'PPT' } }),
    ],
    accessRequests: [
      { received: '2026-01-02', requestedBy: 'foresatte', answered: '2026-01-20' },
      { received: '2026-03-15', requestedBy: 'foresatte' },
    ],
  });
  const got = tasks(c, '2026-04-16').map((t) => [t.kind, t.ref, t.item, t.change ?? null]);
  expect(got).toEqual([
    ['decision', 'r-1', 1, null],
    ['accessRequest', '#2', 1, null],
    ['informParents', 't-1', 1, 'schoolAnswer'],
    ['evaluation', 't-2', 2, null],
    ['provisionalReply', 'r-1', 1, null],
  ]);
  // A new caseworker is no one item in the case's lists.
  const handover = caseWith({
    assignments: [
      {
        caseworker: 'A',
        role: 'rådgiver',
        from: '2026-01-08',
        to: '2026-03-01',
        handoverNote: { status: 'x' },
      },
      { caseworker: 'B', role: 'rådgiver', from: '2026-03-09' },
    ],
  });
  expect(tasks(handover, '2026-03-10', 'informParents')[0]).not.toHaveProperty('item');
});
