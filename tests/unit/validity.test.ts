// Impossible data and undo (issue 12, items 6 and 7) through the contract (`call`, the path every
// door uses) on real vaults: each rule refused by the API and the importer with nothing written,
// old data that breaks a rule still opening with findings and out of the figures, voiding.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BroError } from '../../shared/errors';
import { call, createHandlers } from '../../electron/services/handlers';
import { Session } from '../../electron/services/session';
import { completeCase } from '../../shared/letters/letters.fixture';

const FAST = { N: 2 ** 12, r: 8, p: 1 };
const PASS = 'syntetisk passord';
const TODAY = '2026-03-10';
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

async function vault(today = TODAY) {
  const root = mkdtempSync(path.join(tmpdir(), 'bro-validity-'));
  roots.push(root);
  const dir = path.join(root, 'v');
  const session = new Session({ kdf: FAST, today });
  const h = createHandlers(session);
  await call(h, 'vault.create', { dir, passphrase: PASS, memberName: 'Kari Saksbehandler' });
  return { dir, h, session };
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

/** Every file with a hash of its content (the audit log records reads, so it is left out). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    if (f.startsWith('audit')) continue;
    const p = path.join(dir, f);
    if (statSync(p).isFile()) out[f] = createHash('sha256').update(readFileSync(p)).digest('hex');
  }
  return out;
}

const pupil = { name: 'Sol Synnøve Test', school: 'Lia skole', grade: 5, birthDate: '2015-06-01' };
const referral = { id: 'h-1', referredBy: 'skole', reason: 'Fravær', received: '2026-01-05' };
const file = (c: Record<string, unknown>) => ({
  format: 'bro-interchange/1',
  cases: [{ id: 'sak-1', service: 'PPT', pupil, referrals: [referral], ...c }],
});
const absence = { from: '2025-11-01', to: '2025-11-30', wholeDays: 4, partialDays: 0, type: 'udokumentert' };
const meeting = { date: '2026-02-01', participants: [{ role: 'rektor' }] };
const consent = {
  givenBy: 'foresatte',
  information: 'i',
  recipient: 'BUP',
  purpose: 'p',
  date: '2026-02-01',
};

/** One impossible value per rule: the change, where the issue points and what it states. */
const IMPOSSIBLE: {
  name: string;
  entity: string;
  set: Record<string, unknown>;
  field: string;
  code: string;
  limit?: string;
}[] = [
  {
    name: 'a referral received after today',
    entity: 'referrals',
    set: { ...referral, received: '2026-03-11' },
    field: 'received',
    code: 'DATE_IN_FUTURE',
    limit: TODAY,
  },
  {
    name: 'a first contact after today',
    entity: 'referrals',
    set: { ...referral, firstContact: '2026-04-01' },
    field: 'firstContact',
    code: 'DATE_IN_FUTURE',
    limit: TODAY,
  },
  {
    name: 'a meeting held after today',
    entity: 'meetings',
    set: { ...meeting, date: '2026-03-20' },
    field: 'date',
    code: 'DATE_IN_FUTURE',
    limit: TODAY,
  },
  {
    name: 'a consent given after today',
    entity: 'consents',
    set: { ...consent, date: '2026-03-20' },
    field: 'date',
    code: 'DATE_IN_FUTURE',
    limit: TODAY,
  },
  {
    name: 'an absence period after today',
    entity: 'absence',
    set: { ...absence, from: '2026-03-01', to: '2026-03-31' },
    field: 'to',
    code: 'DATE_IN_FUTURE',
    limit: TODAY,
  },
  {
    name: 'a referral before the birth',
    entity: 'referrals',
    set: { ...referral, sent: '2015-01-01', received: '2015-01-02' },
    field: 'received',
    code: 'BEFORE_BIRTH',
  },
  {
    name: '45 whole days in a 30-day month',
    entity: 'absence',
    set: { ...absence, wholeDays: 45 },
    field: 'wholeDays',
    code: 'ABSENCE_EXCEEDS_DAYS',
    limit: '30',
  },
];

describe('impossible data through the API', () => {
  it.each(IMPOSSIBLE)('refuses $name at the field, stating the limit, and writes nothing', async (x) => {
    const { dir, h } = await vault();
    const { caseId } = await call(h, 'cases.create', { service: 'PPT', pupil });
    const before = snapshot(dir);
    const e = await errorOf(
      call(h, 'cases.update', { caseId, changes: [{ op: 'set', entity: x.entity as never, set: x.set }] }),
    );
    expect(e.code).toBe('VALIDATION');
    expect(e.issues).toContainEqual({
      path: ['case', x.entity, 0, x.field],
      code: x.code,
      ...(x.limit ? { limit: x.limit } : {}),
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a birth date that does not fit a pupil, or lies after today, on a new case and a change', async () => {
    const { dir, h } = await vault();
    const before = snapshot(dir);
    for (const [birthDate, code, limit] of [
      ['2023-01-01', 'BIRTH_DATE_OUT_OF_RANGE', '5–25'],
      ['1960-01-01', 'BIRTH_DATE_OUT_OF_RANGE', '5–25'],
      ['2026-04-01', 'DATE_IN_FUTURE', TODAY],
    ]) {
      const e = await errorOf(call(h, 'cases.create', { service: 'PPT', pupil: { ...pupil, birthDate } }));
      expect(e.code).toBe('VALIDATION');
      expect(e.issues).toEqual([{ path: ['pupil', 'birthDate'], code, limit }]);
    }
    expect(snapshot(dir)).toEqual(before);
    const { caseId } = await call(h, 'cases.create', { service: 'PPT', pupil });
    const mid = snapshot(dir);
    const e = await errorOf(
      call(h, 'cases.update', {
        caseId,
        changes: [{ op: 'set', entity: 'pupil', set: { birthDate: '2024-02-29' }, reason: 'Rettet' }],
      }),
    );
    expect(e.issues).toEqual([
      { path: ['case', 'pupil', 'birthDate'], code: 'BIRTH_DATE_OUT_OF_RANGE', limit: '5–25' },
    ]);
    expect(snapshot(dir)).toEqual(mid);
  });
});

describe('impossible data through the importer', () => {
  it.each(IMPOSSIBLE)('refuses $name in a new case by its path, and writes nothing', async (x) => {
    const { dir, h } = await vault();
    const coll = x.entity === 'referrals' ? [x.set] : [referral];
    const extra = x.entity === 'referrals' ? {} : { [x.entity]: [x.set] };
    const before = snapshot(dir);
    const e = await errorOf(call(h, 'interchange.import', { file: file({ referrals: coll, ...extra }) }));
    expect(e.code).toBe('VALIDATION');
    expect(e.issues).toContainEqual({
      path: ['cases', 0, x.entity, 0, x.field],
      code: x.code,
      ...(x.limit ? { limit: x.limit } : {}),
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses an impossible change to a case in the vault, and a pupil who cannot be in school', async () => {
    const { dir, h } = await vault();
    await call(h, 'interchange.import', { file: file({}) });
    const before = snapshot(dir);
    const e = await errorOf(
      call(h, 'interchange.import', {
        file: file({ referrals: [{ ...referral, closed: '2026-05-01', outcome: 'full' }] }),
      }),
    );
    expect(e.issues).toContainEqual({
      path: ['cases', 0, 'referrals', 0, 'closed'],
      code: 'DATE_IN_FUTURE',
      limit: TODAY,
    });
    const f = file({});
    f.cases[0]!.pupil = { ...pupil, birthDate: '2024-01-01' };
    f.cases[0]!.id = 'sak-2';
    const e2 = await errorOf(call(h, 'interchange.import', { file: f }));
    expect(e2.issues).toContainEqual({
      path: ['cases', 0, 'pupil', 'birthDate'],
      code: 'BIRTH_DATE_OUT_OF_RANGE',
      limit: '5–25',
    });
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('old data that breaks a new rule', () => {
  it('still opens, shows as findings on its case, and never reaches the waiting figures', async () => {
    // Recorded on 2026-03-01 as if it were then possible: opened again ten days later, the
    // referral "received" on 2026-03-09 is fine, but one received 2026-04-01 (typed wrong) is not.
    const later = await vault('2026-05-01');
    await call(later.h, 'interchange.import', {
      file: file({
        referrals: [
          { ...referral, firstContact: '2026-02-01' },
          { ...referral, id: 'h-2', received: '2026-04-01' },
        ],
        absence: [{ ...absence, wholeDays: 45 }].map((a) => ({ ...a, wholeDays: 30 })),
      }),
    });
    // Read on an earlier day (the clock was wrong when it was typed): h-2 lies in the future.
    const s = new Session({ kdf: FAST, today: TODAY });
    const h = createHandlers(s);
    await call(h, 'vault.unlock', { dir: later.dir, passphrase: PASS });
    const list = await call(h, 'cases.list', {});
    expect(list.cases).toHaveLength(1);
    const got = await call(h, 'cases.get', { caseId: list.cases[0]!.caseId });
    expect(got.findings).toEqual([
      { path: ['referrals', 1, 'received'], code: 'DATE_IN_FUTURE', limit: TODAY },
    ]);
    const r = await call(h, 'reports.waiting', { from: '2026-01-01', to: '2026-03-10' });
    const v = r.report.groups[0]!.ventetid;
    // Only h-1 (31 days); h-2 would wait a negative time.
    expect(v.completed.n).toBe(1);
    expect(v.completed.mean).toBe(27);
    expect(v.waiting.n ?? 0).toBe(0);
    expect(r.report.openReferrals.map((o) => o.referral)).toEqual([]);
    // An unrelated change is not refused for what the case already held.
    await call(h, 'cases.update', {
      caseId: list.cases[0]!.caseId,
      changes: [{ op: 'set', entity: 'meetings', set: meeting }],
    });
  });
});

describe('undo', () => {
  it('voids a referral with a reason: it stays in the history and leaves the waiting figures and tasks', async () => {
    const { h } = await vault();
    const { caseId } = await call(h, 'cases.create', { service: 'PPT', pupil });
    const { keys } = await call(h, 'cases.update', {
      caseId,
      changes: [
        { op: 'set', entity: 'referrals', set: referral },
        { op: 'set', entity: 'referrals', set: { ...referral, id: 'h-2', received: '2026-02-01' } },
      ],
    });
    const report = async () =>
      (await call(h, 'reports.waiting', { from: '2026-01-01', to: '2026-03-10' })).report;
    expect((await report()).openReferrals).toHaveLength(2);
    const tasksBefore = (await call(h, 'tasks.list', {})).tasks.length;
    await call(h, 'cases.update', {
      caseId,
      changes: [{ op: 'remove', entity: 'referrals', key: keys[1]!, reason: 'Feil sak' }],
    });
    expect((await report()).openReferrals.map((o) => o.referral)).toEqual(['h-1']);
    expect((await call(h, 'tasks.list', {})).tasks.length).toBeLessThan(tasksBefore);
    const got = await call(h, 'cases.get', { caseId });
    expect((got.doc as { referrals: unknown[] }).referrals).toHaveLength(1);
    const last = got.history.at(-1) as { type: string; reason: string; actor: string; changes: unknown[] };
    expect(last).toMatchObject({
      type: 'referrals.removed',
      reason: 'Feil sak',
      changes: [{ field: '*', to: 'removed' }],
    });
    expect(last.actor).toMatch(/^[a-z2-7]{26}$/);
  });

  it('voids a referral recorded before a rule existed, though the case breaks other rules', async () => {
    const later = await vault('2026-05-01');
    await call(later.h, 'interchange.import', {
      file: file({
        referrals: [referral, { ...referral, id: 'h-2', received: '2026-04-01' }],
        absence: [{ ...absence, wholeDays: 30 }],
      }),
    });
    const h = createHandlers(new Session({ kdf: FAST, today: TODAY }));
    await call(h, 'vault.unlock', { dir: later.dir, passphrase: PASS });
    const { cases } = await call(h, 'cases.list', {});
    const got = await call(h, 'cases.get', { caseId: cases[0]!.caseId });
    // Voiding the first moves the impossible second one up: that is not a new finding.
    await call(h, 'cases.update', {
      caseId: cases[0]!.caseId,
      changes: [{ op: 'remove', entity: 'referrals', key: got.keys.referrals![0]!, reason: 'Feil' }],
    });
  });

  it('warns of a second case for the same pupil, names the first, and voids a duplicate out of every view', async () => {
    const { dir, h } = await vault();
    const first = await call(h, 'cases.create', { service: 'PPT', pupil });
    await call(h, 'cases.update', {
      caseId: first.caseId,
      changes: [{ op: 'set', entity: 'referrals', set: referral }],
    });
    // The case list's index is a cache any read may refresh: the cases are what must not change.
    const cases = () => Object.entries(snapshot(dir)).filter(([f]) => !f.startsWith('index'));
    const before = cases();
    // Same name and birth date (another school), or same name and school (no birth date).
    for (const p of [
      { ...pupil, name: ' sol  synnøve TEST', school: 'Berg skole' },
      { name: pupil.name, school: pupil.school, grade: 5 },
    ]) {
      const e = await errorOf(call(h, 'cases.create', { service: 'BUP', pupil: p }));
      expect(e.code).toBe('DUPLICATE_PUPIL');
      expect(e.issues).toEqual([{ path: ['pupil', 'name'], code: 'DUPLICATE_PUPIL' }]);
      expect(e.detail).toEqual({ caseId: first.caseId });
    }
    expect(cases()).toEqual(before);
    // Another pupil with the same name elsewhere is no duplicate.
    await call(h, 'cases.create', {
      service: 'PPT',
      pupil: { ...pupil, birthDate: '2014-01-01', school: 'Berg skole' },
    });
    const dup = await call(h, 'cases.create', { service: 'PPT', pupil, allowDuplicate: true });
    await call(h, 'cases.update', {
      caseId: dup.caseId,
      changes: [{ op: 'set', entity: 'referrals', set: referral }],
    });
    await call(h, 'assignments.change', {
      caseId: dup.caseId,
      caseworker: 'Kari Saksbehandler',
      role: 'saksbehandler',
      from: '2026-01-05',
      reason: 'Ny sak',
    });
    const open = async () =>
      (await call(h, 'reports.waiting', { from: '2026-01-01', to: '2026-03-10' })).report.openReferrals
        .length;
    expect(await open()).toBe(2);
    const caseload = async () =>
      (await call(h, 'reports.caseload', {})).rows.reduce((n, r) => n + r.openCases, 0);
    const loadBefore = await caseload();
    await call(h, 'cases.void', { caseId: dup.caseId, reason: 'Duplikat' });
    expect(await open()).toBe(1);
    expect(await caseload()).toBe(loadBefore - 1);
    expect((await call(h, 'tasks.list', {})).tasks.every((t) => t.caseId !== dup.caseId)).toBe(true);
    // Out of the case list, unless asked for.
    expect((await call(h, 'cases.list', {})).cases.some((c) => c.caseId === dup.caseId)).toBe(false);
    const listed = (await call(h, 'cases.list', { includeVoided: true })).cases.find(
      (c) => c.caseId === dup.caseId,
    )!;
    expect(listed).toMatchObject({ voided: true, nextDeadline: null, overdue: 0, openReferral: null });
    const got = await call(h, 'cases.get', { caseId: dup.caseId });
    expect(got.voided).toMatchObject({ reason: 'Duplikat' });
    expect(got.history.at(-1)).toMatchObject({ type: 'case.voided', reason: 'Duplikat' });
    // No letters from a voided case; voiding twice is refused.
    const e = await errorOf(call(h, 'cases.void', { caseId: dup.caseId, reason: 'igjen' }));
    expect(e.issues).toEqual([{ path: ['caseId'], code: 'CASE_VOIDED' }]);
    // A voided case is no longer the pupil's case: a new one is not a duplicate of it.
    await call(h, 'cases.void', { caseId: first.caseId, reason: 'Duplikat' });
    await call(h, 'cases.create', { service: 'PPT', pupil });
  });

  it('refuses a letter in a voided case', async () => {
    const { h } = await vault('2026-12-31');
    await call(h, 'interchange.import', { file: { format: 'bro-interchange/1', cases: [completeCase()] } });
    const { cases } = await call(h, 'cases.list', {});
    await call(h, 'cases.void', { caseId: cases[0]!.caseId, reason: 'Feil' });
    const e = await errorOf(
      call(h, 'letters.preview', { caseId: cases[0]!.caseId, kind: 'mottaksbrev' } as never),
    );
    expect(e.code).toBe('VALIDATION');
    expect(e.issues).toEqual([{ path: ['caseId'], code: 'CASE_VOIDED' }]);
  });

  it('the demo has one voided referral and one voided duplicate case, and nothing impossible', async () => {
    const { h } = await vault('2026-11-20');
    await call(h, 'demo.create', { cases: 12, seed: 'validity', today: '2026-11-20' });
    const { cases } = await call(h, 'cases.list', { includeVoided: true });
    expect(cases.filter((c) => c.voided)).toHaveLength(1);
    expect((await call(h, 'cases.list', {})).cases).toHaveLength(12);
    let voidedReferrals = 0;
    for (const c of cases) {
      const got = await call(h, 'cases.get', { caseId: c.caseId });
      expect(got.findings).toEqual([]);
      voidedReferrals += got.history.filter(
        (e) => (e as { type: string }).type === 'referrals.removed',
      ).length;
    }
    expect(voidedReferrals).toBe(1);
  });
});
