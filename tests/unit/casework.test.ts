// Daily casework through the contract (`call`, the path every door uses) on real vaults: your own
// name, the registers in the vault, "mine", and one source of deadlines for every view.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar/days';
import { BroError } from '../../shared/errors';
import { call, createHandlers, type Handlers } from '../../electron/services/handlers';
import { containerId, Vault } from '../../electron/services/vault/vault';
import { Session } from '../../electron/services/session';
import { DEFAULT_SETTINGS } from '../../shared/waiting/settings';
import { completeCase } from '../../shared/letters/letters.fixture';

const FAST = { N: 2 ** 12, r: 8, p: 1 };
const PASS = 'syntetisk passord';
const TODAY = '2026-11-20';
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'bro-casework-'));
  roots.push(d);
  return d;
}

async function errorOf(p: Promise<unknown>): Promise<BroError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BroError) return e;
    throw new Error(`not a BroError: ${String(e)}`);
  }
  throw new Error('expected an error');
}

/** A vault made as the quick start does: no name. */
async function quickStart(today = TODAY, deviceId?: string) {
  const dir = path.join(tempDir(), 'v');
  const session = new Session({ kdf: FAST, today, ...(deviceId ? { deviceId } : {}) });
  const h = createHandlers(session);
  const made = await call(h, 'vault.create', { dir, passphrase: PASS });
  return { dir, session, h, memberId: made.memberId, recoveryKey: made.recoveryKey };
}

async function reopen(dir: string, today: string, deviceId?: string) {
  const session = new Session({ kdf: FAST, today, ...(deviceId ? { deviceId } : {}) });
  const h = createHandlers(session);
  await call(h, 'vault.unlock', { dir, passphrase: PASS });
  return { session, h };
}

const indexFiles = (dir: string) => readdirSync(path.join(dir, 'index')).sort();

describe('your name', () => {
  it('lets a vault made without a name issue a letter once you set it; names are checked as for approve', async () => {
    const { h } = await quickStart();
    const { caseId } = await call(h, 'cases.create', {
      service: 'PPT',
      pupil: {
        name: 'Áile Nango',
        school: 'Hov skole',
        grade: 7,
        coordinator: { role: 'sosiallærer', name: 'Siri Lie' },
      },
    });
    await call(h, 'cases.update', {
      caseId,
      changes: [
        {
          op: 'set',
          entity: 'referrals',
          set: { id: 'r-1', referredBy: 'skole', reason: 'fravær', received: '2026-11-02' },
        },
        {
          op: 'set',
          entity: 'guardians',
          set: { name: 'Ánde Nango', relation: 'far', parentalResponsibility: true },
        },
        {
          op: 'set',
          entity: 'consents',
          set: {
            givenBy: 'Ánde Nango (far)',
            information: 'henvisning og fravær',
            recipient: 'Hov skole (rektor og kontaktlærer)',
            purpose: 'samarbeid om tiltak',
            date: '2026-11-02',
          },
        },
      ],
    });
    await call(h, 'assignments.change', {
      caseId,
      caseworker: 'Kari Nordmann',
      role: 'PP-rådgiver',
      from: '2026-11-03',
      reason: 'ny sak',
    });
    const options = {
      expectedFirstContact: '2026-12-01',
      recipients: { rektor: 'Anne Dahl', kontaktlærer: 'Per Berg' },
    };
    const before = await call(h, 'letters.preview', { caseId, kind: 'mottaksbrev', lang: 'nb', options });
    expect(before.findings.map((f) => f.code)).toContain('SIGNER_NAME_MISSING');
    expect(before.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual([
      'SIGNER_NAME_MISSING',
    ]);
    expect(before.canIssue).toBe(false);
    const refused = await errorOf(
      call(h, 'letters.issue', { caseId, kind: 'mottaksbrev', lang: 'nb', options }),
    );
    expect(refused.code).toBe('LETTER_INCOMPLETE');

    expect((await errorOf(call(h, 'members.rename', { name: '   ' }))).issues[0]).toMatchObject({
      path: ['name'],
      code: 'REQUIRED',
    });
    expect((await errorOf(call(h, 'members.rename', { name: 'x'.repeat(201) }))).code).toBe('VALIDATION');
    expect((await errorOf(call(h, 'members.rename', { name: 'Kari\u0007' }))).issues[0]!.code).toBe(
      'CONTROL_CHARS',
    );
    expect(await call(h, 'members.rename', { name: ' Kari Nordmann ' })).toMatchObject({
      name: 'Kari Nordmann',
    });
    const members = await call(h, 'members.list', {});
    expect(members.members.find((m) => m.me)?.name).toBe('Kari Nordmann');

    const after = await call(h, 'letters.preview', { caseId, kind: 'mottaksbrev', lang: 'nb', options });
    expect(after.findings.map((f) => f.code)).not.toContain('SIGNER_NAME_MISSING');
    const issued = await call(h, 'letters.issue', { caseId, kind: 'mottaksbrev', lang: 'nb', options });
    expect(issued.draft).toBe(false);
    expect(issued.code).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
  });

  it('is refused to the recovery key, which has no member record', async () => {
    const { dir, recoveryKey } = await quickStart();
    const session = new Session({ kdf: FAST, today: TODAY });
    const h = createHandlers(session);
    await call(h, 'vault.unlock', { dir, recoveryKey });
    expect((await errorOf(call(h, 'members.rename', { name: 'Kari' }))).code).toBe('ACCESS_REVOKED');
  });
});

describe('letters take addresses from the registers', () => {
  it('prints the school’s postal address, names rektor from the register, and says where the reply goes', async () => {
    const { h } = await quickStart();
    await call(h, 'members.rename', { name: 'Kari Nordmann' });
    const c = completeCase() as Record<string, unknown>;
    c.id = 'c-adr-1';
    c.pupil = { ...(c.pupil as object), school: 'Hov skole' };
    // The case itself names no rektor (else the case's name wins).
    const unnamed = (p: { role: string; name?: string | null }) =>
      p.role === 'rektor' ? { ...p, name: null } : p;
    c.recommendations = (c.recommendations as { leader?: { role: string } }[]).map((r) =>
      r.leader ? { ...r, leader: unnamed(r.leader) } : r,
    );
    c.meetings = (c.meetings as { participants: { role: string }[] }[]).map((m) => ({
      ...m,
      participants: m.participants.map(unnamed),
    }));
    await call(h, 'interchange.import', { file: { format: 'bro-interchange/1', cases: [c] } });
    const before = await call(h, 'letters.preview', {
      caseId: 'c-adr-1',
      kind: 'anbefaling',
      lang: 'nb',
      options: {},
    });
    expect((before.letter as { schoolAddress: unknown }).schoolAddress).toBeNull();
    await call(h, 'registers.record', {
      register: 'schools',
      set: {
        name: 'hov skole',
        address: 'Postboks 12',
        postcode: '9990',
        place: 'Brovik',
        rektor: 'Randi Rektor',
      },
    });
    const r = await call(h, 'letters.preview', {
      caseId: 'c-adr-1',
      kind: 'anbefaling',
      lang: 'nb',
      options: {},
    });
    const model = r.letter as {
      schoolAddress: unknown;
      returnAddress: string[];
      addressee: { names: string[] };
    };
    expect(model.schoolAddress).toEqual({ address: 'Postboks 12', postcode: '9990', place: 'Brovik' });
    expect(model.returnAddress[0]).toBe('Ola Hansen'); // the case's caseworker, then the service
    // The case names no rektor; the register does.
    expect(model.addressee.names).toEqual(['Randi Rektor']);
  });
});

describe('NEXT_EVALUATION_REQUIRED', () => {
  it('asks an evaluation that continues a measure for the next date, at that field, and writes nothing', async () => {
    const { h } = await quickStart();
    const c = completeCase() as Record<string, unknown>;
    c.id = 'c-eval-1';
    await call(h, 'interchange.import', { file: { format: 'bro-interchange/1', cases: [c] } });
    const { cases } = await call(h, 'cases.list', {});
    const caseId = cases[0]!.caseId;
    const got = await call(h, 'cases.get', { caseId });
    const parent = got.keys.recommendations![0]!;
    const evaluation = {
      date: '2026-11-02',
      outcome: 'bedring',
      decision: 'videreføres',
      decidedBy: 'rektor',
      pupilView: 'Det går bedre nå.',
    };
    const err = await errorOf(
      call(h, 'cases.update', {
        caseId,
        changes: [{ op: 'set', entity: 'evaluations', parent, set: evaluation }],
      }),
    );
    expect(err.issues).toEqual([
      expect.objectContaining({
        path: ['case', 'recommendations', 0, 'evaluations', 0, 'nextEvaluation'],
        code: 'NEXT_EVALUATION_REQUIRED',
      }),
    ]);
    expect((await call(h, 'cases.get', { caseId })).history).toHaveLength(got.history.length);
    await call(h, 'cases.update', {
      caseId,
      changes: [
        { op: 'set', entity: 'evaluations', parent, set: { ...evaluation, nextEvaluation: '2026-12-14' } },
      ],
    });
    const { tasks } = await call(h, 'tasks.list', { asOf: '2026-12-10' });
    expect(tasks.filter((t) => t.kind === 'evaluation').map((t) => t.due)).toContain('2026-12-14');
  });
});

describe('the registers container', () => {
  it('keeps the registers in a case-shaped folder at a fixed id, out of the case list and the index', async () => {
    const { dir, h, session } = await quickStart();
    const vault = session.requireVault();
    const id = containerId('bro-registers-v1', vault.vaultId);
    expect(readdirSync(path.join(dir, 'cases'))).toEqual([]);
    const school = await call(h, 'registers.record', {
      register: 'schools',
      set: {
        name: 'Hov skole',
        orgNumber: '974 760 673',
        address: 'Postboks 4',
        postcode: '9990',
        place: 'Brovik',
      },
    });
    expect(readdirSync(path.join(dir, 'cases'))).toEqual([id]);
    expect(readdirSync(path.join(dir, 'cases', id)).sort()).toEqual(['events', 'key.jwe', 'logs', 'packs']);
    expect((await call(h, 'registers.get', {})).schools).toEqual([
      expect.objectContaining({ id: school.id, name: 'Hov skole', orgNumber: '974760673', postcode: '9990' }),
    ]);
    // Not a case: not listed, not in the index, and a second listing writes no new index.
    const list = await call(h, 'cases.list', {});
    expect(list.cases).toEqual([]);
    const idx = indexFiles(dir);
    await call(h, 'cases.list', {});
    const again = await reopen(dir, TODAY, session.opts.deviceId);
    await call(again.h, 'cases.list', {});
    expect(indexFiles(dir)).toEqual(idx);
    expect((await errorOf(call(h, 'cases.get', { caseId: id }))).code).toBe('NOT_FOUND');
    expect(
      (
        await errorOf(
          call(h, 'cases.update', { caseId: id, changes: [{ op: 'set', entity: 'case', set: {} }] }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    // vault check proves it, counts its events and files, and does not call it junk or a case.
    const check = await call(h, 'vault.check', {});
    expect(check).toMatchObject({ ok: true, cases: 0, junk: [] });
    expect(check.events).toBe(2); // registers.opened + the school
    // Refuses what a register cannot hold, naming the field; writes nothing.
    const bad = await errorOf(
      call(h, 'registers.record', {
        register: 'schools',
        set: { name: 'Lia skole', orgNumber: '123456789' },
      }),
    );
    expect(bad.issues).toEqual([
      expect.objectContaining({ path: ['set', 'orgNumber'], code: 'ORG_NUMBER_INVALID' }),
    ]);
    const dup = await errorOf(
      call(h, 'registers.record', { register: 'schools', set: { name: 'hov  SKOLE' } }),
    );
    expect(dup.issues[0]).toMatchObject({ path: ['set', 'name'], code: 'DUPLICATE_NAME' });
    expect((await call(h, 'vault.check', {})).events).toBe(2);
  });

  it('reports a changed byte in the registers by file, and the cases keep working', async () => {
    const { dir, h, session } = await quickStart();
    await call(h, 'registers.record', { register: 'caseworkers', set: { name: 'Siri Lie', service: 'BUP' } });
    await call(h, 'cases.create', { service: 'PPT', pupil: { name: 'E', school: 'S', grade: 3 } });
    const id = containerId('bro-registers-v1', session.requireVault().vaultId);
    const file = ['events', 'packs', 'logs'].flatMap((sub) => {
      const d = path.join(dir, 'cases', id, sub);
      return readdirSync(d).map((f) => path.join(d, f));
    })[0]!;
    const bytes = readFileSync(file);
    bytes.writeUInt8(bytes[bytes.length - 5]! ^ 1, bytes.length - 5);
    writeFileSync(file, bytes);
    const fresh = await reopen(dir, TODAY);
    const check = await call(fresh.h, 'vault.check', {});
    expect(check.ok).toBe(false);
    expect(check.damaged.map((d) => d.caseId)).toEqual([id]);
    expect((await call(fresh.h, 'cases.list', {})).cases).toHaveLength(1);
    expect((await errorOf(call(fresh.h, 'registers.get', {}))).code).toBe('TAMPERED');
  });

  it('is readable whichever device made it first: its first key comes from the master key', async () => {
    const { dir, h } = await quickStart(TODAY, 'a'.repeat(26));
    await call(h, 'registers.record', { register: 'schools', set: { name: 'Hov skole' } });
    const vault = (await reopen(dir, TODAY)).session.requireVault();
    const id = containerId('bro-registers-v1', vault.vaultId);
    // Another device, not yet synced, makes the container itself and records a school.
    const copy = path.join(tempDir(), 'copy');
    cpSync(dir, copy, { recursive: true });
    rmSync(path.join(copy, 'cases', id), { recursive: true });
    const other = await reopen(copy, TODAY, 'b'.repeat(26));
    await call(other.h, 'registers.record', { register: 'schools', set: { name: 'Lia skole' } });
    // The sync tool merges the event files; one key.jwe wins.
    for (const sub of ['events', 'packs', 'logs'])
      cpSync(path.join(copy, 'cases', id, sub), path.join(dir, 'cases', id, sub), { recursive: true });
    const merged = await reopen(dir, TODAY);
    expect((await call(merged.h, 'registers.get', {})).schools.map((s) => s.name)).toEqual([
      'Hov skole',
      'Lia skole',
    ]);
    expect((await call(merged.h, 'vault.check', {})).ok).toBe(true);
  });

  it('is re-keyed with the cases when a member is removed', async () => {
    const { dir, h, session } = await quickStart();
    await call(h, 'registers.record', { register: 'schools', set: { name: 'Hov skole' } });
    const req = await Vault.requestMembership(dir, { passphrase: 'Bjørns passordfrase', kdf: FAST });
    const vault = session.requireVault();
    await vault.approveMember(req.code, 'Bjørn');
    const id = containerId('bro-registers-v1', vault.vaultId);
    const keyBefore = readFileSync(path.join(dir, 'cases', id, 'key.jwe'), 'utf8');
    await call(h, 'members.remove', { memberId: req.memberId });
    expect(readFileSync(path.join(dir, 'cases', id, 'key.jwe'), 'utf8')).not.toBe(keyBefore);
    await call(h, 'registers.record', { register: 'schools', set: { name: 'Lia skole' } });
    const fresh = await reopen(dir, TODAY);
    expect((await call(fresh.h, 'registers.get', {})).schools.map((s) => s.name)).toEqual([
      'Hov skole',
      'Lia skole',
    ]);
    expect((await call(fresh.h, 'vault.check', {})).ok).toBe(true);
  });
});

describe('my work', () => {
  it('moves the open tasks with the caseworker; "mine" follows the member, typed names join the register', async () => {
    const { h, memberId } = await quickStart();
    await call(h, 'members.rename', { name: 'Kari Nordmann' });
    const { caseId } = await call(h, 'cases.create', {
      service: 'PPT',
      pupil: { name: 'Per Elev', school: 'Nordby skole', grade: 5 },
    });
    await call(h, 'cases.update', {
      caseId,
      changes: [
        {
          op: 'set',
          entity: 'referrals',
          set: { id: 'r-1', referredBy: 'skole', reason: 'x', received: '2026-09-01' },
        },
      ],
    });
    // The school typed in the form joined the register.
    expect((await call(h, 'registers.get', {})).schools.map((s) => s.name)).toEqual(['Nordby skole']);
    // No caseworker: the tasks are everyone's («uten saksbehandler»).
    let tasks = await call(h, 'tasks.list', {});
    expect(tasks.tasks.map((t) => [t.kind, t.owner, t.mine])).toEqual([['provisionalReply', null, false]]);
    expect((await call(h, 'tasks.list', { mine: true })).tasks).toEqual([]);

    await call(h, 'assignments.change', {
      caseId,
      caseworker: 'kari nordmann',
      role: 'PP-rådgiver',
      from: '2026-09-05',
      reason: 'ny sak',
    });
    const asg = (await call(h, 'cases.get', { caseId })).doc as { assignments: { caseworkerId?: string }[] };
    expect(asg.assignments[0]!.caseworkerId).toBe(memberId);
    tasks = await call(h, 'tasks.list', { mine: true });
    expect(tasks.tasks.map((t) => [t.kind, t.owner, t.ownerId, t.mine])).toEqual([
      ['provisionalReply', 'Kari Nordmann', memberId, true],
    ]);
    expect((await call(h, 'cases.list', {})).cases[0]).toMatchObject({
      caseworker: 'Kari Nordmann',
      mine: true,
    });

    // A rename shows everywhere at once: the owner is the member, not a spelling.
    await call(h, 'members.rename', { name: 'Kari N. Berg' });
    expect((await call(h, 'tasks.list', { owner: 'kari n. berg' })).tasks).toHaveLength(1);

    await call(h, 'assignments.change', {
      caseId,
      caseworker: 'Ola Hansen',
      role: 'PP-rådgiver',
      from: '2026-10-01',
      reason: 'permisjon',
      handoverNote: { status: 'Venter på første samtale.' },
    });
    expect((await call(h, 'tasks.list', { mine: true })).tasks).toEqual([]);
    const theirs = await call(h, 'tasks.list', { owner: 'Ola Hansen' });
    expect(theirs.tasks.map((t) => [t.kind, t.owner])).toEqual(
      expect.arrayContaining([['provisionalReply', 'Ola Hansen']]),
    );
    const cw = (await call(h, 'registers.get', {})).caseworkers;
    const ola = cw.find((c) => c.name === 'Ola Hansen');
    expect(ola).toMatchObject({ member: false, role: 'PP-rådgiver' });
    expect(theirs.tasks[0]!.ownerId).toBe(ola!.id);
    // As of a day before the change, the tasks were still hers.
    expect((await call(h, 'tasks.list', { asOf: '2026-09-30', mine: true })).tasks.length).toBeGreaterThan(0);

    const load = await call(h, 'reports.caseload', {});
    expect(load.rows).toEqual([
      expect.objectContaining({ owner: 'Ola Hansen', openCases: 1, overdueTasks: expect.any(Number) }),
    ]);
  });
});

describe('one source of deadlines', () => {
  let dir: string;
  let h: Handlers;
  let deviceId: string;
  beforeAll(async () => {
    const q = await quickStart();
    dir = q.dir;
    h = q.h;
    deviceId = q.session.opts.deviceId!;
    await call(h, 'demo.create', { cases: 120, seed: 'agreement', today: TODAY });
  });

  /** Every case's next deadline and overdue count from the case list equal what tasks.list gives. */
  async function agree(hh: Handlers, asOf: string) {
    const list = await call(hh, 'cases.list', { asOf });
    const { tasks } = await call(hh, 'tasks.list', { asOf });
    const horizon = addDays(asOf, DEFAULT_SETTINGS.tasks.horizonDays);
    let withTasks = 0;
    for (const c of list.cases) {
      const own = tasks.filter((t) => t.caseId === c.caseId);
      expect(c.overdue, `${c.externalId} ${asOf}`).toBe(own.filter((t) => t.status === 'overdue').length);
      if (own.length) withTasks++;
      if (c.nextDeadline && c.nextDeadline.due <= horizon)
        expect({ due: own[0]?.due, kind: own[0]?.kind }, `${c.externalId} ${asOf}`).toEqual(c.nextDeadline);
      else
        expect(
          own.filter((t) => t.kind !== 'transition'),
          `${c.externalId} ${asOf}`,
        ).toEqual([]);
    }
    // «Bare forfalte frister» finds exactly the cases Oppgaver has overdue tasks for.
    const overdueCases = new Set(tasks.filter((t) => t.status === 'overdue').map((t) => t.caseId));
    expect(new Set(list.cases.filter((c) => c.overdue > 0).map((c) => c.caseId))).toEqual(overdueCases);
    return withTasks;
  }

  it('agrees between the case list and tasks.list on a demo vault, for several as-of dates', async () => {
    let total = 0;
    for (const asOf of ['2024-03-11', '2025-06-30', '2026-02-02', TODAY, '2026-12-24'])
      total += await agree(h, asOf);
    expect(total).toBeGreaterThan(100);
  });

  it('agrees from the cached index too, as days pass and when the settings change', async () => {
    await call(h, 'cases.list', {});
    await call(h, 'vault.lock', {});
    for (const day of ['2026-11-21', '2026-12-15', '2027-03-01']) {
      const later = await reopen(dir, day, deviceId);
      await agree(later.h, day);
      await call(later.h, 'vault.lock', {});
    }
    // Other targets (a device's settings): the index is made again with them.
    const other = await reopen(dir, TODAY, deviceId);
    other.session.settings.set({
      targets: { ...other.session.settings.get().targets, interimReplyMonths: 2 },
    });
    await agree(other.h, TODAY);
  });

  it('gives a letter the same obligations: «Neste frister» in a ny-kontaktperson letter', async () => {
    ({ h } = await reopen(dir, TODAY, deviceId));
    const list = await call(h, 'cases.list', {});
    const changed = list.cases.find((c) => c.status === 'open' && c.caseworker && c.nextDeadline);
    expect(changed).toBeDefined();
    const preview = await call(h, 'letters.preview', {
      caseId: changed!.caseId,
      kind: 'ny-kontaktperson',
      lang: 'nb',
      options: {},
    }).catch((e: BroError) => e);
    // A case without a change of caseworker cannot have this letter (LETTER_OUTDATED).
    if (preview instanceof BroError)
      expect(['LETTER_DATA_MISSING', 'LETTER_OUTDATED']).toContain(preview.code);
    else {
      type Due = { due: string; kind: string };
      const model = preview.letter as { change: { deadlines: Due[]; overdueDeadlines: Due[] } | null };
      // «Neste frister» holds only dates to come; a passed one is stated as overdue.
      const next = changed!.nextDeadline!;
      if (model.change)
        expect(next.due < TODAY ? model.change.overdueDeadlines[0] : model.change.deadlines[0]).toMatchObject(
          next,
        );
    }
  });
});

describe('schools in bro-interchange/1', () => {
  it('round-trips the school register through export and import, idempotently; a bad entry writes nothing', async () => {
    const a = await quickStart();
    await call(a.h, 'demo.create', { cases: 12, seed: 'schools', today: TODAY });
    const out = await call(a.h, 'interchange.export', {});
    const file = out.file as {
      cases: unknown[];
      schools: { name: string; orgNumber: string; address: string }[];
    };
    expect(file.schools.length).toBeGreaterThan(5);
    const b = await quickStart();
    const first = await call(b.h, 'interchange.import', { file });
    expect(first.schools).toBe(file.schools.length);
    expect((await call(b.h, 'interchange.import', { file })).schools).toBe(0);
    const back = (await call(b.h, 'interchange.export', {})).file as typeof file;
    expect(back.schools).toEqual(file.schools);
    // One case exported: the schools of its pupil only.
    const one = (await call(b.h, 'interchange.export', { cases: ['demo-0001'] })).file as typeof file;
    expect(one.schools.length).toBe(1);

    const c = await quickStart();
    const broken = structuredClone(file);
    broken.schools[1]!.orgNumber = '123456789';
    const err = await errorOf(call(c.h, 'interchange.import', { file: broken }));
    expect(err.issues.map((i) => `${i.path.join('.')}:${i.code}`)).toEqual([
      'schools.1.orgNumber:ORG_NUMBER_INVALID',
    ]);
    expect((await call(c.h, 'cases.list', {})).cases).toEqual([]);
    expect(readdirSync(path.join(c.dir, 'cases'))).toEqual([]);
  });
});
