// The contract operations through the one adapter path every door uses (`call`), on a real vault.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type OpName } from '../../shared/contract';
import { BroError } from '../../shared/errors';
import { call, createHandlers, type Handlers } from '../../electron/services/handlers';
import { Session } from '../../electron/services/session';

const PASS = 'syntetisk passord';
const example = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'interchange-example.json'), 'utf8'),
);
let dir: string;
let session: Session;
let h: Handlers;

beforeAll(async () => {
  dir = path.join(mkdtempSync(path.join(tmpdir(), 'bro-handlers-')), 'v');
  session = new Session({ kdf: { N: 2 ** 12, r: 8, p: 1 } });
  h = createHandlers(session);
  await call(h, 'vault.create', { dir, passphrase: PASS });
});
afterAll(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

async function errorOf(p: Promise<unknown>): Promise<BroError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BroError) return e;
    throw new Error(`not a BroError: ${String(e)}`);
  }
  throw new Error('expected an error');
}

function snapshot(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, f);
    if (!f.startsWith('audit') && statSync(p).isFile())
      out[f] = createHash('sha256').update(readFileSync(p)).digest('hex');
  }
  return out;
}

async function newCase() {
  return call(h, 'cases.create', {
    service: 'BUP',
    pupil: { name: 'Ánte Utsi', school: 'Lia skole', grade: 9, birthDate: '2011-02-03' },
    // One synthetic pupil for every test here: the duplicate warning is tested on its own.
    allowDuplicate: true,
  });
}

describe('cases through the contract', () => {
  it('creates a case, adds a referral, corrects it only with a reason, and keeps both values', async () => {
    const { caseId } = await newCase();
    const add = await call(h, 'cases.update', {
      caseId,
      changes: [
        {
          op: 'set',
          entity: 'referrals',
          set: { id: 'r-1', referredBy: 'fastlege', reason: 'angst', received: '2026-02-02' },
        },
      ],
    });
    const key = add.keys[0]!;
    const missing = await errorOf(
      call(h, 'cases.update', {
        caseId,
        changes: [{ op: 'set', entity: 'referrals', key, set: { received: '2026-02-03' } }],
      }),
    );
    expect(missing.code).toBe('VALIDATION');
    expect(missing.issues).toEqual([
      { path: ['changes', 0, 'set', 'received'], code: 'CORRECTION_REASON_REQUIRED' },
    ]);

    await call(h, 'cases.update', {
      caseId,
      changes: [
        {
          op: 'set',
          entity: 'referrals',
          key,
          set: { received: '2026-02-03' },
          reason: 'Feil dato i henvisningen',
        },
      ],
    });
    const got = await call(h, 'cases.get', { caseId });
    expect((got.doc as { referrals: { received: string }[] }).referrals[0]!.received).toBe('2026-02-03');
    const change = (
      got.history as { reason: string | null; changes: { field: string; from: unknown; to: unknown }[] }[]
    ).find((e) => e.reason === 'Feil dato i henvisningen');
    expect(change?.changes).toEqual([{ field: 'received', from: '2026-02-02', to: '2026-02-03' }]);
  });

  it('refuses a change that breaks a rule, and writes nothing', async () => {
    const { caseId } = await newCase();
    const { keys } = await call(h, 'cases.update', {
      caseId,
      changes: [
        {
          op: 'set',
          entity: 'referrals',
          set: { id: 'r-1', referredBy: 'skole', reason: 'fravær', received: '2026-03-01' },
        },
      ],
    });
    const before = snapshot();
    const e = await errorOf(
      call(h, 'cases.update', {
        caseId,
        changes: [{ op: 'set', entity: 'referrals', key: keys[0]!, set: { firstContact: '2026-02-01' } }],
      }),
    );
    expect(e.code).toBe('VALIDATION');
    expect(e.issues).toEqual([{ path: ['case', 'referrals', 0, 'firstContact'], code: 'BEFORE_RECEIVED' }]);
    expect(snapshot()).toEqual(before);
  });

  it('changes caseworker only with a handover note, and ends the previous assignment', async () => {
    const { caseId } = await newCase();
    await call(h, 'assignments.change', {
      caseId,
      caseworker: 'Kari Nordmann',
      role: 'behandler',
      from: '2026-01-10',
      reason: 'ny sak',
    });
    const refused = await errorOf(
      call(h, 'assignments.change', {
        caseId,
        caseworker: 'Ola Hansen',
        role: 'behandler',
        from: '2026-03-01',
        reason: 'permisjon',
      }),
    );
    expect(refused.code).toBe('VALIDATION');
    expect(refused.issues[0]!.code).toBe('HANDOVER_NOTE_REQUIRED');
    const r = await call(h, 'assignments.change', {
      caseId,
      caseworker: 'Ola Hansen',
      role: 'behandler',
      from: '2026-03-01',
      reason: 'permisjon',
      handoverNote: {
        status: 'Utredning i gang',
        openPromises: 'Ringe mor fredag',
        nextDeadlines: 'Frist 15.03.2026',
      },
    });
    expect(r.ended).toHaveLength(1);
    const got = await call(h, 'cases.get', { caseId });
    expect(got.summary.caseworker).toBe('Ola Hansen');
    const assignments = (
      got.doc as { assignments: { caseworker: string; to?: string; handoverNote?: { status: string } }[] }
    ).assignments;
    expect(assignments[0]).toMatchObject({
      caseworker: 'Kari Nordmann',
      to: '2026-03-01',
      handoverNote: { status: 'Utredning i gang' },
    });
  });

  it('import is idempotent and export round-trips through the contract', async () => {
    const first = await call(h, 'interchange.import', { file: example });
    expect(first.created).toBe(1);
    const again = await call(h, 'interchange.import', { file: example });
    expect(again).toMatchObject({ unchanged: 1, events: 0 });
    const out = await call(h, 'interchange.export', { cases: ['c-0001'] });
    const back = await call(h, 'interchange.import', { file: out.file });
    expect(back).toMatchObject({ unchanged: 1, events: 0 });
  });

  it('a locked vault answers VAULT_LOCKED, and unlock works again', async () => {
    await call(h, 'vault.lock', {});
    expect((await errorOf(call(h, 'cases.list', {}))).code).toBe('VAULT_LOCKED');
    expect((await errorOf(call(h, 'vault.unlock', { dir, passphrase: 'feil' }))).code).toBe(
      'WRONG_PASSPHRASE',
    );
    await call(h, 'vault.unlock', { dir, passphrase: PASS });
    expect((await call(h, 'vault.status', {})).unlocked).toBe(true);
  });

  it("adds to a measure's log without a reason, but changing a logged entry is a correction", async () => {
    const { caseId } = await newCase();
    const measure = {
      id: 't-log',
      what: 'Ukentlig samtale med foresatte',
      label: 'Avtalt',
      target: 'hjem',
      goal: 'Foresatte vet hva de gjør om morgenen.',
      responsible: { role: 'helsesykepleier' },
      leader: { role: 'rektor', name: 'Randi Lie' },
      start: '2026-02-02',
      evaluation: { date: '2026-03-02', method: 'samtale', convenedBy: 'PPT' },
    };
    const add = await call(h, 'cases.update', {
      caseId,
      changes: [{ op: 'set', entity: 'recommendations', set: measure }],
    });
    const key = add.keys[0]!;
    const one = [{ date: '2026-02-09', held: true }];
    const two = [...one, { date: '2026-02-16', held: false, note: 'Avlyst' }];
    for (const occurrences of [one, two])
      await call(h, 'cases.update', {
        caseId,
        changes: [{ op: 'set', entity: 'recommendations', key, set: { occurrences } }],
      });
    const changed = await errorOf(
      call(h, 'cases.update', {
        caseId,
        changes: [
          {
            op: 'set',
            entity: 'recommendations',
            key,
            set: { occurrences: [{ ...two[0]!, held: false }, two[1]] },
          },
        ],
      }),
    );
    expect(changed.issues).toEqual([
      { path: ['changes', 0, 'set', 'occurrences'], code: 'CORRECTION_REASON_REQUIRED' },
    ]);
    const got = await call(h, 'cases.get', { caseId });
    expect(
      (got.doc as { recommendations: { occurrences: unknown }[] }).recommendations[0]!.occurrences,
    ).toEqual(two);
  });
});

describe('garbage into every operation', () => {
  // Small deterministic generator of hostile values (the fault-suite issue scales this up).
  function* garbage(seed: number): Generator<unknown> {
    const atoms: unknown[] = [
      null,
      undefined,
      0,
      -1,
      1e308,
      NaN,
      '',
      'x'.repeat(5000),
      '../../etc/passwd',
      '<script>alert(1)</script>',
      true,
      [],
      {},
      { __proto__: { polluted: true } },
      '2026-02-30',
      { caseId: 'aaaaaaaaaaaaaaaaaaaaaaaaaa' },
      { dir: '/' },
      { file: { format: 'bro-interchange/1', cases: [{}] } },
      {
        changes: [{ op: 'set', entity: 'referrals', set: { received: 5 } }],
        caseId: 'aaaaaaaaaaaaaaaaaaaaaaaaaa',
      },
    ];
    let x = seed;
    for (let i = 0; i < 60; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      const a = atoms[x % atoms.length];
      const b = atoms[(x >> 8) % atoms.length];
      yield i % 3 === 0 ? a : i % 3 === 1 ? { ...(typeof a === 'object' && a ? a : {}), extra: b } : [a, b];
    }
  }

  it('answers only typed errors and changes no case', async () => {
    const before = snapshot();
    // registers.seedCatalogue takes no input: `{}` is a valid call that writes the catalogue.
    const ops = Object.keys(contract).filter(
      (n) => !['vault.create', 'vault.lock', 'vault.unlock', 'registers.seedCatalogue'].includes(n),
    ) as OpName[];
    let inputs = 0;
    for (const [i, name] of ops.entries()) {
      for (const input of garbage(i + 1)) {
        inputs++;
        try {
          await call(h, name, input);
        } catch (e) {
          expect(e).toBeInstanceOf(BroError);
        }
      }
    }
    expect(inputs).toBeGreaterThan(500);
    // Read-only operations may rebuild the index; no case file may change.
    const caseFiles = (s: Record<string, string>) =>
      Object.fromEntries(Object.entries(s).filter(([f]) => f.startsWith('cases')));
    expect(caseFiles(snapshot())).toEqual(caseFiles(before));
  });
});
