// The measure rules (shared/measures/rules.ts) at every door: the importer refuses each rule's
// violation with nothing written, old data opens with findings and a task, and a measure's
// status change asks for «informer foresatte» until a call is noted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BroError } from '../../shared/errors';
import { call, createHandlers } from '../../electron/services/handlers';
import { Session } from '../../electron/services/session';
import { completeCase } from '../../shared/letters/letters.fixture';

const FAST = { N: 2 ** 12, r: 8, p: 1 };
const TODAY = '2026-12-08';
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

async function vault() {
  const root = mkdtempSync(path.join(tmpdir(), 'bro-measures-'));
  roots.push(root);
  const session = new Session({ kdf: FAST, today: TODAY });
  const h = createHandlers(session);
  await call(h, 'vault.create', { dir: path.join(root, 'v'), passphrase: 'syntetisk passord' });
  return h;
}

async function errorOf(p: Promise<unknown>): Promise<BroError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BroError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

const file = (c: unknown) => ({ format: 'bro-interchange/1', cases: [c] });
const base = () => {
  const c = completeCase() as Record<string, unknown>;
  c.id = 'c-mr-1';
  return c;
};
const planned = {
  id: 't-9',
  what: 'Pauseavtale',
  responsible: { role: 'kontaktlærer' },
  leader: { role: 'rektor' },
  start: '2026-11-02',
  goal: 'Eleven blir på skolen hele dagen fire av fem dager.',
  evaluation: { date: '2026-12-14', method: 'samtale', convenedBy: 'PPT' },
  label: 'Anbefaling',
  target: 'elev',
};
const ev = {
  date: '2026-12-01',
  outcome: 'ingen endring',
  decidedBy: 'rektor',
  pupilView: 'Vil prøve litt til.',
};

describe('the importer refuses each measure rule on a case in the vault, with nothing written', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['GOAL_REQUIRED', { goal: null }, 'goal'],
    ['RESPONSIBLE_REQUIRED', { responsible: null }, 'responsible.role'],
    ['LEADER_REQUIRED', { leader: { role: 'kontaktlærer' } }, 'leader.role'],
    ['START_REQUIRED', { start: null }, 'start'],
    ['EVALUATION_REQUIRED', { evaluation: null }, 'evaluation.date'],
    ['END_REASON_REQUIRED', { evaluations: [{ ...ev, decision: 'avsluttes' }] }, 'evaluations.0.why'],
    [
      'ENDS_WORKING_MEASURE',
      { evaluations: [{ ...ev, outcome: 'bedring', decision: 'avsluttes', why: 'Ferdig' }] },
      'evaluations.0.endWarningSeen',
    ],
    [
      'NEXT_EVALUATION_REQUIRED',
      {
        evaluation: { date: '2026-12-01', method: 'samtale', convenedBy: 'PPT' },
        evaluations: [{ ...ev, decision: 'justeres' }],
      },
      'evaluations.0.nextEvaluation',
    ],
    [
      'REASON_CATEGORY_REQUIRED',
      { schoolAnswer: { answer: 'kan ikke', by: 'rektor', date: '2026-11-20', alternative: 'Annet' } },
      'schoolAnswer.reasonCategory',
    ],
    [
      'ALTERNATIVE_REQUIRED',
      {
        schoolAnswer: {
          answer: 'med endring',
          by: 'rektor',
          date: '2026-11-20',
          reasonCategory: 'ressurser',
        },
      },
      'schoolAnswer.alternative',
    ],
  ];
  it.each(cases)('%s', async (code, change, field) => {
    const h = await vault();
    const c = base();
    await call(h, 'interchange.import', { file: file(c) });
    const before = await call(h, 'interchange.export', {});
    const recs = c.recommendations as unknown[];
    const err = await errorOf(
      call(h, 'interchange.import', {
        file: file({ ...c, recommendations: [...recs, { ...planned, ...change }] }),
      }),
    );
    expect(err.code).toBe('VALIDATION');
    expect(err.issues.map((i) => `${i.path.join('.')}:${i.code}`)).toEqual([
      `cases.0.recommendations.2.${field}:${code}`,
    ]);
    expect(await call(h, 'interchange.export', {})).toEqual(before);
    // The planned measure itself is accepted.
    await call(h, 'interchange.import', { file: file({ ...c, recommendations: [...recs, planned] }) });
  });
});

describe('old data and status changes', () => {
  it('opens a measure recorded before the rules with findings and a task', async () => {
    const h = await vault();
    const c = base();
    const bare = { id: 't-old', what: 'Gammelt tiltak', label: 'Anbefaling', target: 'elev' };
    // A new case in a file is history: accepted as it is.
    await call(h, 'interchange.import', {
      file: file({ ...c, recommendations: [...(c.recommendations as unknown[]), bare] }),
    });
    const caseId = (await call(h, 'cases.list', {})).cases[0]!.caseId;
    const got = await call(h, 'cases.get', { caseId });
    expect((got.findings ?? []).filter((f) => f.path[1] === 2).map((f) => f.code)).toEqual([
      'GOAL_REQUIRED',
      'RESPONSIBLE_REQUIRED',
      'LEADER_REQUIRED',
      'START_REQUIRED',
      'EVALUATION_REQUIRED',
    ]);
    const { tasks } = await call(h, 'tasks.list', { asOf: TODAY });
    expect(tasks.filter((t) => t.kind === 'measureRules').map((t) => t.ref)).toEqual(['t-old']);
    // Editing another field of the old measure is allowed: only new breaches are refused.
    const key = got.keys.recommendations![2]!;
    await call(h, 'cases.update', {
      caseId,
      changes: [{ op: 'set', entity: 'recommendations', key, set: { frequency: 'hver dag' } }],
    });
  });

  it('asks «informer foresatte» after a status change until a call is noted', async () => {
    const h = await vault();
    await call(h, 'interchange.import', { file: file(base()) });
    const caseId = (await call(h, 'cases.list', {})).cases[0]!.caseId;
    const got = await call(h, 'cases.get', { caseId });
    const key = got.keys.recommendations![1]!;
    const started = [{ date: '2026-12-07', status: 'startet', by: 'rektor' }];
    await call(h, 'cases.update', {
      caseId,
      changes: [{ op: 'set', entity: 'recommendations', key, set: { statusChanges: started } }],
    });
    const inform = async () =>
      (await call(h, 'tasks.list', { asOf: TODAY })).tasks.filter(
        (t) => t.kind === 'informParents' && t.change === 'measure',
      );
    expect((await inform()).map((t) => t.ref)).toEqual(['t-2']);
    // Ending it needs a reason.
    const err = await errorOf(
      call(h, 'cases.update', {
        caseId,
        changes: [
          {
            op: 'set',
            entity: 'recommendations',
            key,
            set: { statusChanges: [...started, { date: '2026-12-08', status: 'avsluttet', by: 'rektor' }] },
            reason: 'Avsluttet',
          },
        ],
      }),
    );
    expect(err.issues.map((i) => i.code)).toEqual(['END_REASON_REQUIRED']);
    await call(h, 'cases.update', {
      caseId,
      changes: [
        {
          op: 'set',
          entity: 'notes',
          set: { date: TODAY, kind: 'telefon', text: 'Ringte mor om oppstarten.' },
        },
      ],
    });
    expect(await inform()).toEqual([]);
  });
});
