// Deleting a case for good (issue 14 item 9) on real vaults: through the contract, as the app and
// the API do, and through `bro case delete`, as a script does.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call, createHandlers } from '../../electron/services/handlers';
import { Session } from '../../electron/services/session';
import { BroError } from '../../shared/errors';
import { runCli } from './helpers/cli';

const FAST = { N: 2 ** 12, r: 8, p: 1 };
const PASS = 'syntetisk passord';
const TODAY = '2026-11-20';
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'bro-delete-'));
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

const pupil = (name: string) => ({ name, school: 'Nordby skole', grade: 7, birthDate: '2014-03-02' });

async function vaultWithTwoCases() {
  const dir = path.join(tempDir(), 'v');
  const session = new Session({ kdf: FAST, today: TODAY });
  const h = createHandlers(session);
  const made = await call(h, 'vault.create', { dir, passphrase: PASS });
  const a = await call(h, 'cases.create', { id: 'c-1', service: 'PPT', pupil: pupil('Ada Testesen') });
  const b = await call(h, 'cases.create', { id: 'c-2', service: 'PPT', pupil: pupil('Bo Prøvesen') });
  await call(h, 'cases.update', {
    caseId: a.caseId,
    changes: [{ op: 'set', entity: 'referrals', set: { id: 'r-1', received: '2026-02-02' } }],
  });
  return { dir, session, h, a: a.caseId, b: b.caseId, recoveryKey: made.recoveryKey };
}

describe('cases.delete', () => {
  it('removes the key ring and every file; the other case, the list and vault check stay clean', async () => {
    const { dir, h, a, b, recoveryKey } = await vaultWithTwoCases();
    expect(existsSync(path.join(dir, 'cases', a, 'key.jwe'))).toBe(true);
    expect(
      await call(h, 'cases.delete', { caseId: a, reason: 'Oppbevaringstiden er ute, arkivert' }),
    ).toEqual({
      deleted: true,
    });
    expect(existsSync(path.join(dir, 'cases', a))).toBe(false);
    // Nothing of it is left anywhere in cases/ (no temp folder either).
    expect(readdirSync(path.join(dir, 'cases')).filter((n) => !/^[a-z2-7]{26}$/.test(n))).toEqual([]);
    const list = await call(h, 'cases.list', {});
    expect(list.cases.map((c) => c.externalId)).toEqual(['c-2']);
    expect(list.damaged).toEqual([]);
    const check = await call(h, 'vault.check', {});
    expect(check).toMatchObject({ ok: true, damaged: [], junk: [] });
    expect(JSON.stringify(await call(h, 'cases.get', { caseId: b }))).toContain('Bo Prøvesen');
    await call(h, 'vault.lock', {});

    // Neither a member nor the recovery key reads it again.
    const again = createHandlers(new Session({ kdf: FAST, today: TODAY }));
    await call(again, 'vault.unlock', { dir, recoveryKey });
    expect((await errorOf(call(again, 'cases.get', { caseId: a }))).code).toBe('NOT_FOUND');
    expect((await call(again, 'cases.list', {})).cases).toHaveLength(1);
    await call(again, 'vault.lock', {});
  });

  it('writes a deletion record with the case id, who and why, and no name', async () => {
    const { dir, session, h, a } = await vaultWithTwoCases();
    await call(h, 'cases.delete', { caseId: a, reason: 'Opprettet ved en feil' });
    const log = await session.requireVault().readAudit();
    const rec = log.find((e) => e.action === 'case.delete');
    expect(rec).toMatchObject({ caseId: a, reason: 'Opprettet ved en feil' });
    expect(rec!.actor).toMatch(/^[a-z2-7]{26}$/);
    expect(JSON.stringify(log)).not.toContain('Ada');
    // The log file on disk is encrypted: neither the reason nor the id is readable there.
    const auditDir = path.join(dir, 'audit');
    const files = readdirSync(auditDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    const raw = files.map((f) => readFileSync(path.join(f.parentPath, f.name), 'utf8')).join('');
    expect(raw).not.toContain('Opprettet ved en feil');
  });

  it('refuses what is not a case, and a missing reason, changing nothing', async () => {
    const { dir, h, a } = await vaultWithTwoCases();
    const before = readdirSync(path.join(dir, 'cases')).sort();
    expect((await errorOf(call(h, 'cases.delete', { caseId: 'a'.repeat(26), reason: 'x' }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await errorOf(call(h, 'cases.delete', { caseId: a, reason: '   ' }))).code).toBe('VALIDATION');
    expect((await errorOf(call(h, 'cases.delete', { caseId: '../keys', reason: 'x' }))).code).toBe(
      'VALIDATION',
    );
    // The registers are a container, not a case.
    await call(h, 'registers.get', {});
    const containers = readdirSync(path.join(dir, 'cases')).filter((n) => !before.includes(n));
    for (const c of [...before, ...containers].filter((n) => n !== a)) {
      const listed = (await call(h, 'cases.list', {})).cases.some((x) => x.caseId === c);
      if (!listed)
        expect((await errorOf(call(h, 'cases.delete', { caseId: c, reason: 'x' }))).code).toBe('NOT_FOUND');
    }
    expect(readdirSync(path.join(dir, 'cases')).sort()).toEqual([...before, ...containers].sort());
    // Deleting twice: the second finds nothing.
    await call(h, 'cases.delete', { caseId: a, reason: 'x' });
    expect((await errorOf(call(h, 'cases.delete', { caseId: a, reason: 'x' }))).code).toBe('NOT_FOUND');
  });

  it('deletes a damaged case too (it cannot be read, but it can be removed)', async () => {
    const { dir, h, a } = await vaultWithTwoCases();
    await call(h, 'vault.lock', {});
    const key = path.join(dir, 'cases', a, 'key.jwe');
    writeFileSync(
      key,
      readFileSync(key, 'utf8').replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
    );
    const h2 = createHandlers(new Session({ kdf: FAST, today: TODAY }));
    await call(h2, 'vault.unlock', { dir, passphrase: PASS });
    expect((await call(h2, 'cases.list', {})).damaged.map((d) => d.caseId)).toEqual([a]);
    await call(h2, 'cases.delete', { caseId: a, reason: 'Skadet kopi' });
    expect((await call(h2, 'vault.check', {})).damaged).toEqual([]);
  });
});

describe('bro case delete', () => {
  const bro = (args: string[]) => runCli([...args, '--today', TODAY], { BRO_PASSPHRASE: PASS });

  it('needs --yes when not at a terminal, and a reason; then deletes and says so', async () => {
    const { dir, a } = await vaultWithTwoCases();
    const noYes = await bro(['case', 'delete', dir, '--case', 'c-1', '--reason', 'Arkivert', '--json']);
    expect(noYes.code).toBe(2);
    expect(existsSync(path.join(dir, 'cases', a))).toBe(true);
    const noReason = await bro(['case', 'delete', dir, '--case', 'c-1', '--yes', '--json']);
    expect(noReason.code).toBe(2);
    const unknown = await bro(['case', 'delete', dir, '--case', 'c-9', '--reason', 'x', '--yes', '--json']);
    expect(unknown.code).toBe(6);
    expect(existsSync(path.join(dir, 'cases', a))).toBe(true);
    const ok = await bro(['case', 'delete', dir, '--case', 'c-1', '--reason', 'Arkivert', '--yes', '--json']);
    expect(ok.code).toBe(0);
    expect(ok.json).toEqual({ deleted: true, caseId: a });
    expect(existsSync(path.join(dir, 'cases', a))).toBe(false);
    const cases = await bro(['cases', dir, '--json']);
    expect(cases.json.cases.map((c: { id: string }) => c.id)).toEqual(['c-2']);
    const check = await bro(['vault', 'check', dir, '--json']);
    expect(check.code).toBe(0);
    // The deletion record: case id, when, who and why, read back by `bro log` (no pupil name).
    const log = await bro(['log', dir, '--json']);
    expect(log.code).toBe(0);
    const rec = log.json.entries.find((e: { action: string }) => e.action === 'case.delete');
    expect(rec).toMatchObject({ caseIds: [a], reason: 'Arkivert' });
    const text = await bro(['log', dir]);
    expect(text.out).toContain('«Arkivert»');
  });
});
