import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/days';
import { generateDemo } from '../demo/generate';
import type { CaseDoc } from '../domain/caseDoc';
import { DEFAULT_SETTINGS } from '../waiting/settings';
import { deriveTasks } from '../waiting/tasks';
import {
  caseObligations,
  caseworkerOn,
  firstDateBetween,
  nextDeadline,
  obligationRulesVersion,
  overdueCount,
  type ObligationInput,
} from './obligations';
import { summaryRules, summarizeCase } from './summary';
import { foldCase } from '../events/fold';

const doc = (d: Partial<CaseDoc> = {}): CaseDoc => ({
  id: 'c-1',
  service: 'PPT',
  pupil: { name: 'Test Elev', school: 'Hov skole', grade: 3 },
  referrals: [{ id: 'r-1', referredBy: 'skole', reason: 'fravær', received: '2026-01-05' }],
  ...d,
});
const input = (d: Partial<CaseDoc> = {}): ObligationInput => ({ caseId: 'vault-id', doc: doc(d) });
const of = (d: Partial<CaseDoc>, asOf: string) => caseObligations(input(d), asOf, DEFAULT_SETTINGS);

describe('one derivation of every open obligation', () => {
  it('makes an overdue foreløpig svar the next deadline and an overdue task (they used to disagree)', () => {
    const r = of({}, '2026-03-01');
    expect(r.obligations.map((o) => [o.kind, o.due])).toEqual([['provisionalReply', '2026-02-05']]);
    expect(nextDeadline(r.obligations)).toEqual({ due: '2026-02-05', kind: 'provisionalReply' });
    expect(overdueCount(r.obligations, '2026-03-01')).toBe(1);
    const tasks = deriveTasks(input(), '2026-03-01', DEFAULT_SETTINGS);
    expect(tasks.filter((t) => t.status === 'overdue')).toHaveLength(1);
  });

  it('makes an open meeting agreement a task too, from a meeting that has been held', () => {
    const meetings: CaseDoc['meetings'] = [
      {
        date: '2026-02-01',
        participants: [{ role: 'rektor', name: 'R' }],
        agreements: [
          { what: 'Ringe hjem hver fredag', owner: 'kontaktlærer', deadline: '2026-02-10', status: 'åpen' },
          { what: 'Lage plan', owner: 'PPT', deadline: '2026-02-12', status: 'utført' },
          {
            what: 'Fast voksen i garderoben',
            owner: 'rektor',
            deadline: '2026-02-20',
            status: 'åpen',
            promisedToPupil: true,
          },
        ],
      },
    ];
    const concluded = [
      {
        id: 'r-1',
        referredBy: 'skole' as const,
        reason: 'x',
        received: '2026-01-05',
        concluded: '2026-01-30',
      },
    ];
    const r = of({ meetings, referrals: concluded }, '2026-02-15');
    const agreements = r.obligations.filter((o) => o.kind === 'agreement');
    expect(agreements.map((o) => [o.due, o.label, o.promisedToPupil ?? false, o.item, o.agreement])).toEqual([
      ['2026-02-10', 'Ringe hjem hver fredag', false, 0, 0],
      ['2026-02-20', 'Fast voksen i garderoben', true, 0, 2],
    ]);
    const tasks = deriveTasks(input({ meetings, referrals: concluded }), '2026-02-15', DEFAULT_SETTINGS);
    expect(tasks.filter((t) => t.kind === 'agreement').map((t) => [t.due, t.status])).toEqual([
      ['2026-02-10', 'overdue'],
      ['2026-02-20', 'due'],
    ]);
    // A meeting after the as-of date has not been held: its agreements do not exist yet.
    expect(
      of({ meetings, referrals: concluded }, '2026-01-31').obligations.some((o) => o.kind === 'agreement'),
    ).toBe(false);
    // A closed case owes no agreements.
    const closed = [{ ...concluded[0]!, closed: '2026-02-14' }];
    expect(
      of({ meetings, referrals: closed }, '2026-02-15').obligations.some((o) => o.kind === 'agreement'),
    ).toBe(false);
  });

  it('asks for the next evaluation on the date an evaluation that continued the measure set', () => {
    const measure = {
      id: 't-1',
      what: 'Fleksibel oppstart',
      label: 'Anbefaling' as const,
      target: 'elev' as const,
      evaluation: { date: '2026-03-01', method: 'samtale', convenedBy: 'PPT' },
      schoolAnswer: { answer: 'gjennomføres' as const, by: 'rektor', date: '2026-02-01' },
      evaluations: [
        {
          date: '2026-03-02',
          outcome: 'bedring' as const,
          decision: 'videreføres' as const,
          decidedBy: 'rektor',
          nextEvaluation: '2026-04-20',
        },
      ],
    };
    const evaluations = (asOf: string) =>
      of({ recommendations: [measure] }, asOf).obligations.filter((o) => o.kind === 'evaluation');
    expect(evaluations('2026-03-10').map((o) => o.due)).toEqual(['2026-04-20']);
    // Before the evaluation was held, the planned one was what was owed.
    expect(evaluations('2026-02-20').map((o) => o.due)).toEqual(['2026-03-01']);
    // Ended: nothing more.
    const ended = {
      ...measure,
      evaluations: [{ ...measure.evaluations[0]!, decision: 'avsluttes' as const }],
    };
    expect(
      of({ recommendations: [ended] }, '2026-03-10').obligations.filter((o) => o.kind === 'evaluation'),
    ).toEqual([]);
  });

  it('names the owner: the caseworker on the as-of date, by register id when the case links it', () => {
    const assignments: CaseDoc['assignments'] = [
      {
        caseworker: 'Kari',
        role: 'rådgiver',
        from: '2026-01-06',
        to: '2026-03-01',
        handoverNote: { status: 'x' },
      },
      { caseworker: 'Ola', caseworkerId: 'o'.repeat(26), role: 'rådgiver', from: '2026-03-01' },
    ];
    expect(of({ assignments }, '2026-02-01').owner).toEqual({ name: 'Kari', id: null });
    expect(of({ assignments }, '2026-03-01').owner).toEqual({ name: 'Ola', id: 'o'.repeat(26) });
    expect(of({ assignments }, '2026-01-05').owner).toBeNull();
    expect(caseworkerOn(doc({ assignments }), '2026-03-02')?.name).toBe('Ola');
  });

  it('says until when it holds, and holds exactly that long for an unchanged case (demo cases, many dates)', () => {
    const file = generateDemo({ cases: 60, seed: 'validity', today: '2026-11-20' });
    let checked = 0;
    for (const c of file.cases) {
      const inp = { caseId: c.id, doc: c };
      for (const asOf of ['2025-01-15', '2025-07-31', '2026-03-02', '2026-11-20']) {
        const r = caseObligations(inp, asOf, DEFAULT_SETTINGS);
        expect(r.validUntil >= asOf).toBe(true);
        // Every day up to validUntil gives the same obligations (a cache may reuse them)...
        const until = r.validUntil < addDays(asOf, 400) ? r.validUntil : addDays(asOf, 400);
        for (let d = asOf; d <= until; d = addDays(d, d < addDays(until, -3) ? 7 : 1))
          expect(caseObligations(inp, d, DEFAULT_SETTINGS).obligations, `${c.id} ${asOf}→${d}`).toEqual(
            r.obligations,
          );
        checked++;
      }
    }
    expect(checked).toBe(240);
  });

  it('is versioned with the settings that feed it: other targets, another version', () => {
    const other = { ...DEFAULT_SETTINGS, tasks: { ...DEFAULT_SETTINGS.tasks, schoolReplyWorkingDays: 15 } };
    expect(obligationRulesVersion(DEFAULT_SETTINGS)).toBe(obligationRulesVersion({ ...DEFAULT_SETTINGS }));
    expect(obligationRulesVersion(other)).not.toBe(obligationRulesVersion(DEFAULT_SETTINGS));
  });
});

describe('the case summary the vault index caches', () => {
  const state = foldCase('v'.repeat(26), [
    {
      v: 1,
      id: 'a'.repeat(26),
      caseId: 'v'.repeat(26),
      type: 'case.opened',
      hlc: '000000000000001-000000',
      device: 'd'.repeat(26),
      actor: 'm'.repeat(26),
      at: '2026-01-05T10:00:00.000Z',
      data: { externalId: 'c-1', service: 'PPT' },
    },
    {
      v: 1,
      id: 'b'.repeat(26),
      caseId: 'v'.repeat(26),
      type: 'referrals.recorded',
      hlc: '000000000000002-000000',
      device: 'd'.repeat(26),
      actor: 'm'.repeat(26),
      at: '2026-01-05T10:00:00.000Z',
      data: {
        key: 'k'.repeat(26),
        set: { id: 'r-1', referredBy: 'skole', reason: 'x', received: '2026-01-05' },
      },
    },
  ]);
  it('holds from the day it was made until its obligations could change, and no longer', () => {
    const s = summarizeCase(state, '2026-01-10', DEFAULT_SETTINGS);
    expect(s.obligations).toEqual([{ due: '2026-02-05', kind: 'provisionalReply' }]);
    expect(summaryRules('2026-01-10').holds(s)).toBe(true);
    expect(summaryRules('2026-03-01').holds(s)).toBe(true); // nothing changes with the date alone
    expect(summaryRules('2026-01-09').holds(s)).toBe(false); // made later than asked for
    expect(summaryRules(addDays(s.validUntil!, 1)).holds(s)).toBe(false);
    // A summary from before obligations were cached never holds.
    const { obligations: _o, ...old } = s;
    expect(summaryRules('2026-01-10').holds(old)).toBe(false);
  });
});

describe('retention: the working copy of a closed case', () => {
  type Ref = NonNullable<CaseDoc['referrals']>[number];
  const closed = (closedOn: string): Partial<CaseDoc> => ({
    referrals: [
      {
        id: 'r-1',
        referredBy: 'skole',
        reason: 'fravær',
        received: '2025-01-06',
        decided: '2025-01-10',
        decision: 'accepted',
        firstContact: '2025-01-20',
        concluded: '2025-03-01',
        closed: closedOn,
        outcome: 'full',
      } as Ref,
    ],
  });

  it('is due the configured number of years after the last referral closed', () => {
    const r = of(closed('2025-06-20'), '2028-06-10');
    expect(r.obligations.filter((o) => o.kind === 'retention').map((o) => o.due)).toEqual(['2028-06-20']);
    const five = caseObligations(input(closed('2025-06-20')), '2028-06-10', {
      ...DEFAULT_SETTINGS,
      tasks: { ...DEFAULT_SETTINGS.tasks, retentionYears: 5 },
    });
    expect(five.obligations.find((o) => o.kind === 'retention')?.due).toBe('2030-06-20');
    expect(five.obligations.find((o) => o.kind === 'retention')?.ruleText).toMatch(/5 år/);
  });

  it('is not raised while a referral is open, nor for a closing after the as-of date', () => {
    expect(of({}, '2030-01-01').obligations.some((o) => o.kind === 'retention')).toBe(false);
    expect(of(closed('2026-06-20'), '2026-06-19').obligations.some((o) => o.kind === 'retention')).toBe(
      false,
    );
    const two = {
      referrals: [
        ...closed('2025-06-20').referrals!,
        { id: 'r-2', referredBy: 'skole' as const, reason: 'x', received: '2026-01-05' },
      ],
    };
    expect(of(two, '2030-01-01').obligations.some((o) => o.kind === 'retention')).toBe(false);
  });
});

describe('new absence figures while a referral waits (issue 15, item 1)', () => {
  const abs = (from: string, to: string): NonNullable<CaseDoc['absence']>[number] => ({
    from,
    to,
    wholeDays: 2,
    partialDays: 1,
    type: 'udokumentert',
  });
  const updates = (d: Partial<CaseDoc>, asOf: string, weeks = 4) =>
    caseObligations(input(d), asOf, {
      ...DEFAULT_SETTINGS,
      tasks: { ...DEFAULT_SETTINGS.tasks, absenceUpdateWeeks: weeks },
    }).obligations.filter((o) => o.kind === 'absenceUpdate');

  it('is due N weeks after the end of the newest figures, and a new import moves it on', () => {
    const one = { absence: [abs('2026-01-01', '2026-01-31')] };
    expect(updates(one, '2026-02-10').map((o) => [o.due, o.ref, o.item])).toEqual([['2026-02-28', 'r-1', 0]]);
    expect(updates(one, '2026-02-10', 2).map((o) => o.due)).toEqual(['2026-02-14']);
    expect(updates(one, '2026-02-10', 2)[0]!.ruleText).toMatch(/hver 2\. uke/);
    const two = { absence: [abs('2026-01-01', '2026-01-31'), abs('2026-02-01', '2026-02-27')] };
    expect(updates(two, '2026-03-01').map((o) => o.due)).toEqual(['2026-03-27']);
    // Figures the as-of date has not reached yet do not count.
    expect(updates(two, '2026-02-10').map((o) => o.due)).toEqual(['2026-02-28']);
  });

  it('counts from the receipt when the figures end before the referral came', () => {
    expect(updates({ absence: [abs('2025-11-01', '2025-11-30')] }, '2026-01-10').map((o) => o.due)).toEqual([
      '2026-02-02',
    ]);
  });

  it('is not raised without figures, after first contact, for a rejected or a closed referral', () => {
    const a = { absence: [abs('2026-01-01', '2026-01-31')] };
    expect(updates({}, '2026-02-10')).toEqual([]);
    const ref = doc().referrals![0]!;
    expect(updates({ ...a, referrals: [{ ...ref, firstContact: '2026-02-01' }] }, '2026-02-10')).toEqual([]);
    expect(
      updates({ ...a, referrals: [{ ...ref, decided: '2026-01-20', decision: 'rejected' }] }, '2026-02-10'),
    ).toEqual([]);
    expect(updates({ ...a, referrals: [{ ...ref, closed: '2026-02-01' }] }, '2026-02-10')).toEqual([]);
    // but a first contact that lies ahead of the as-of date has not happened yet
    expect(updates({ ...a, referrals: [{ ...ref, firstContact: '2026-03-01' }] }, '2026-02-10')).toHaveLength(
      1,
    );
  });
});

describe('the overgangsbrev reminder before a recorded transition (issue 15 item 3)', () => {
  const ev = { date: '2027-08-16', kind: 'skolebytte' as const, receivingSchool: 'Nye skole' };
  const letterTasks = (asOf: string, months?: number) =>
    caseObligations(input({ transitionEvents: [ev] }), asOf, {
      ...DEFAULT_SETTINGS,
      tasks: {
        ...DEFAULT_SETTINGS.tasks,
        ...(months === undefined ? {} : { transitionReminderMonths: months }),
      },
    }).obligations.filter((o) => o.rule === 'transition-letter');

  it('appears N months before the transition (default 5: March before an August start), not before', () => {
    expect(letterTasks('2027-03-15')).toEqual([]);
    const [task] = letterTasks('2027-03-16');
    expect(task).toMatchObject({ kind: 'transition', showFrom: '2027-03-16', label: 'Nye skole' });
    expect(task!.due <= '2027-08-15').toBe(true);
    expect(task!.ruleText).toMatch(/overgangsbrev til den nye skolen/);
  });

  it('moves with the setting, and is gone once the transition has passed', () => {
    expect(letterTasks('2027-05-15', 2)).toEqual([]);
    expect(letterTasks('2027-06-16', 2).map((o) => o.showFrom)).toEqual(['2027-06-16']);
    expect(letterTasks('2027-07-15', 1)).toEqual([]);
    expect(letterTasks('2027-08-15', 1).map((o) => o.due)).toEqual(['2027-08-15']);
    expect(letterTasks('2027-08-16', 1)).toEqual([]);
  });
});

describe('barnehage: a child referred the year before school (grade 0)', () => {
  const kid = (asOf: string) =>
    caseObligations(input({ pupil: { name: 'Test Barn', school: null, grade: 0 } }), asOf, DEFAULT_SETTINGS)
      .obligations;

  it('is recordable and gets the school-start transition task, not a grade task', () => {
    const transition = kid('2026-04-01').filter((o) => o.rule === 'transition');
    expect(transition).toHaveLength(1);
    expect(transition[0]!.ruleText).toMatch(/begynner på skolen/);
    expect(transition[0]!.ruleText).not.toMatch(/trinn/);
  });
});

describe('the first date in a case that could change its obligations', () => {
  // The plain walk the fast one replaced: every string of every own value, one callback per date.
  const plainFirstDate = (v: unknown, after: string, before: string): string => {
    let first = before;
    const walk = (x: unknown): void => {
      if (typeof x === 'string') {
        if (/^\d{4}-\d{2}-\d{2}$/.test(x) && x > after && x < first) first = x;
      } else if (Array.isArray(x)) for (const y of x) walk(y);
      else if (x && typeof x === 'object')
        for (const k in x) if (Object.hasOwn(x, k)) walk((x as Record<string, unknown>)[k]);
    };
    walk(v);
    return first;
  };
  // A seeded generator: the same values every run.
  let seed = 0x18;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const randomDay = () => addDays('2024-01-01', next(1500));
  const leaf = (): unknown => {
    switch (next(12)) {
      case 0:
      case 1:
      case 2:
        return randomDay();
      case 3: // looks like a date to the pattern, is none on the calendar: still a date string
        return `20${20 + next(10)}-${13 + next(80)}-${32 + next(60)}`;
      case 4: // near misses: another length, separator or a letter
        return [
          `${randomDay()}T08:00`,
          randomDay().replaceAll('-', '/'),
          `${randomDay().slice(0, 9)}x`,
          ' 2026-01-01',
        ][next(4)];
      case 5:
        return next(1000);
      case 6:
        return null;
      case 7:
        return next(2) === 0;
      case 8:
        return undefined;
      default:
        return 'Fravær fra skolen siden høsten'.slice(0, next(30));
    }
  };
  const value = (depth: number): unknown => {
    if (depth > 3 || next(3) === 0) return leaf();
    if (next(2) === 0) return Array.from({ length: next(6) }, () => value(depth + 1));
    const o: Record<string, unknown> = {};
    for (let i = next(6); i > 0; i--) o[`f${next(20)}`] = value(depth + 1);
    return o;
  };

  it('is what a plain walk over every value finds, over many random documents and days', () => {
    let found = 0;
    for (let i = 0; i < 3000; i++) {
      const v = value(0);
      const after = randomDay();
      const before = next(4) === 0 ? addDays(after, next(5)) : addDays(after, 30 + next(400));
      const expected = plainFirstDate(v, after, before);
      if (expected !== before) found++;
      expect(firstDateBetween(v, after, before), JSON.stringify(v)).toBe(expected);
    }
    expect(found).toBeGreaterThan(300); // a date in between was often there to be found
  });

  it('reads own values only, as the plain walk, and the demo cases give the same day', () => {
    const inherited = Object.create({ due: '2026-05-05' }) as Record<string, unknown>;
    inherited.own = '2026-06-06';
    Object.defineProperty(inherited, 'hidden', { value: '2026-04-04', enumerable: false });
    const sparse = ['2026-09-09'];
    sparse[5] = '2026-07-07';
    for (const v of [inherited, sparse, [inherited, { x: [sparse] }], '2026-03-03', 42, null])
      expect(firstDateBetween(v, '2026-01-01', '2027-01-01')).toBe(
        plainFirstDate(v, '2026-01-01', '2027-01-01'),
      );
    expect(firstDateBetween(inherited, '2026-01-01', '2027-01-01')).toBe('2026-06-06');
    const demo = generateDemo({ cases: 60, seed: 'first-date', today: '2026-11-26' });
    for (const c of demo.cases)
      for (const after of ['2025-01-01', '2026-03-15', '2026-11-26', '2027-06-01'])
        expect(firstDateBetween(c, after, '2027-08-01')).toBe(plainFirstDate(c, after, '2027-08-01'));
  });
});
