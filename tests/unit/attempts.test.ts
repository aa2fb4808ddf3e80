// Unlock attempts in the process that holds the keys: the wait after wrong passphrases (an
// injected clock, never the wall clock), the record flushed into the audit log, an open vault
// that stays open, one unlock and one key derivation at a time; and the same rules for the CLI.
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_WAIT_MS, MAX_WAIT_MS, waitAfter } from '../../electron/services/access/attempts';
import { call, createHandlers } from '../../electron/services/handlers';
import { Session } from '../../electron/services/session';
import { kdfMeter } from '../../electron/services/vault/crypto';
import { Vault } from '../../electron/services/vault/vault';
import { BroError } from '../../shared/errors';
import { runCli, tempDirs } from './helpers/cli';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const PASS = 'riktig passordfrase';
const WRONG = 'feil passordfrase';
const temp = tempDirs('bro-attempts-');

async function errorOf(p: Promise<unknown>): Promise<BroError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BroError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

async function setup() {
  const root = temp();
  let t = Date.UTC(2026, 2, 2, 8, 0, 0);
  const clock = { now: () => t, advance: (ms: number) => (t += ms) };
  const session = new Session({ kdf: FAST, now: clock.now, stateDir: path.join(root, 'config') });
  const h = createHandlers(session);
  const dir = path.join(root, 'arkiv');
  await call(h, 'vault.create', { dir, passphrase: PASS });
  await call(h, 'vault.lock', {});
  return { root, dir, session, h, clock };
}

describe('the wait after wrong passphrases', () => {
  it('doubles from 30 seconds after five in a row, up to a ceiling', () => {
    expect([0, 1, 4].map(waitAfter)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8].map(waitAfter)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(waitAfter(5)).toBe(FIRST_WAIT_MS);
    expect(waitAfter(40)).toBe(MAX_WAIT_MS);
    expect(waitAfter(10_000)).toBe(MAX_WAIT_MS);
  });

  it('refuses at once during the wait, counts on after it, and a success clears it and audits every attempt', async () => {
    const { dir, h, clock, root } = await setup();
    const unlock = (passphrase: string) => call(h, 'vault.unlock', { dir, passphrase });
    for (let i = 1; i <= 4; i++) {
      const e = await errorOf(unlock(WRONG));
      expect(e.code).toBe('WRONG_PASSPHRASE');
      expect(e.detail?.retryAfterSeconds).toBeUndefined();
      clock.advance(1_000);
    }
    // The fifth: still a plain "wrong", and it says how long the next must wait.
    expect(await errorOf(unlock(WRONG))).toMatchObject({
      code: 'WRONG_PASSPHRASE',
      detail: { retryAfterSeconds: 30 },
    });
    const kdfBefore = kdfMeter.runs;
    // During the wait even the right passphrase is refused, before any key derivation.
    expect(await errorOf(unlock(PASS))).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      detail: { retryAfterSeconds: 30 },
    });
    clock.advance(29_000);
    expect(await errorOf(unlock(WRONG))).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      detail: { retryAfterSeconds: 1 },
    });
    expect(kdfMeter.runs).toBe(kdfBefore);
    clock.advance(1_000);
    // The sixth wrong one doubles the wait.
    expect(await errorOf(unlock(WRONG))).toMatchObject({
      code: 'WRONG_PASSPHRASE',
      detail: { retryAfterSeconds: 60 },
    });
    clock.advance(59_999);
    expect((await errorOf(unlock(PASS))).code).toBe('TOO_MANY_ATTEMPTS');
    clock.advance(1);
    // The record is private and holds counts and times only.
    const [record] = readdirSync(path.join(root, 'config', 'attempts'));
    const file = path.join(root, 'config', 'attempts', record!);
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    }
    const text = readFileSync(file, 'utf8');
    for (const secret of [PASS, WRONG, dir, 'arkiv']) expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({ format: 'bro-attempts', failures: 6 });

    const opened = await call(h, 'vault.unlock', { dir, passphrase: PASS });
    expect(opened.vaultId).toMatch(/^[a-z2-7]{26}$/u);
    expect(readdirSync(path.join(root, 'config', 'attempts'))).toEqual([]);
    // A success starts the count again: five more before any wait.
    await call(h, 'vault.lock', {});
    for (let i = 0; i < 4; i++)
      expect((await errorOf(unlock(WRONG))).detail?.retryAfterSeconds).toBeUndefined();
    expect(await call(h, 'vault.unlock', { dir, passphrase: PASS })).toBeTruthy();

    // Every failed and refused attempt is now in the audit log, at the time it happened.
    const vault = await Vault.unlock(dir, { passphrase: PASS }, { now: clock.now });
    const audit = await vault.readAudit();
    await vault.close();
    const failed = audit.filter((a) => a.action === 'vault.unlock.failed');
    const refused = audit.filter((a) => a.action === 'vault.unlock.refused');
    expect(failed).toHaveLength(6 + 4);
    expect(failed.every((a) => a.actor === 'unknown')).toBe(true);
    expect(failed[0]!.at).toBe('2026-03-02T08:00:00.000Z');
    expect(failed[4]!.at).toBe('2026-03-02T08:00:04.000Z');
    // Refusals in a row are one line with a count.
    expect(refused.map((a) => a.count ?? 1)).toEqual([2, 1]);
    expect(refused[0]!.until).toBe('2026-03-02T08:00:33.000Z');
    expect(audit.filter((a) => a.action === 'vault.unlock').length).toBeGreaterThanOrEqual(3);
  });

  it('never closes an open vault on a failed unlock', async () => {
    const { dir, h, session } = await setup();
    await call(h, 'vault.unlock', { dir, passphrase: PASS });
    const open = session.vault;
    expect((await errorOf(call(h, 'vault.unlock', { dir, passphrase: WRONG }))).code).toBe(
      'WRONG_PASSPHRASE',
    );
    expect(session.vault).toBe(open);
    expect((await call(h, 'cases.list', {})).cases).toEqual([]);
    expect(
      (await errorOf(call(h, 'vault.unlock', { dir: path.join(dir, 'nope'), passphrase: PASS }))).code,
    ).toBe('VAULT_NOT_FOUND');
    expect((await call(h, 'vault.status', {})).unlocked).toBe(true);
  });

  it('runs one unlock and one key derivation at a time: eight parallel guesses are counted exactly', async () => {
    const { dir, h } = await setup();
    kdfMeter.peak = 0;
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => call(h, 'vault.unlock', { dir, passphrase: WRONG })),
    );
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as BroError).code : 'OK'));
    // Five guesses ran (one after another); the other three were refused without a derivation.
    expect(codes.filter((c) => c === 'WRONG_PASSPHRASE')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(3);
    expect(kdfMeter.peak).toBe(1);
  });

  it('counts per vault (by its id): a copy of the same vault in another folder shares the count', async () => {
    const { dir, h, root } = await setup();
    const other = path.join(root, 'kopi');
    cpSync(dir, other, { recursive: true });
    for (let i = 0; i < 5; i++) await errorOf(call(h, 'vault.unlock', { dir, passphrase: WRONG }));
    expect((await errorOf(call(h, 'vault.unlock', { dir: other, passphrase: PASS }))).code).toBe(
      'TOO_MANY_ATTEMPTS',
    );
  });
});

describe('the CLI keeps the same rules across runs', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits after five wrong passphrases, says how long, and audits them at the next unlock', async () => {
    const root = temp();
    const dir = path.join(root, 'arkiv');
    const env = { BRO_CONFIG_DIR: path.join(root, 'config') };
    // The clock the CLI reads is injected (only Date is faked; scrypt and files run for real).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 4, 4, 12, 0, 0));
    expect((await runCli(['vault', 'init', dir, '--json'], { ...env, BRO_PASSPHRASE: PASS })).code).toBe(0);
    for (let i = 0; i < 4; i++) {
      const r = await runCli(['cases', dir, '--json'], { ...env, BRO_PASSPHRASE: WRONG });
      expect(r.code).toBe(5);
      expect(r.json.error.code).toBe('WRONG_PASSPHRASE');
    }
    const fifth = await runCli(['cases', dir], { ...env, BRO_PASSPHRASE: WRONG });
    expect(fifth.code).toBe(5);
    expect(fifth.err).toContain('Neste forsøk kan gjøres om 30 sekunder.');
    vi.setSystemTime(Date.UTC(2026, 4, 4, 12, 0, 10));
    const waiting = await runCli(['cases', dir, '--json'], { ...env, BRO_PASSPHRASE: PASS });
    expect(waiting.code).toBe(5);
    expect(waiting.json.error).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      detail: { retryAfterSeconds: 20 },
    });
    const human = await runCli(['cases', dir], { ...env, BRO_PASSPHRASE: PASS });
    expect(human.err).toContain('Feil (TOO_MANY_ATTEMPTS): For mange feil forsøk');
    expect(human.err).toContain('Neste forsøk kan gjøres om 20 sekunder.');
    vi.setSystemTime(Date.UTC(2026, 4, 4, 12, 0, 30));
    const ok = await runCli(['cases', dir, '--json'], { ...env, BRO_PASSPHRASE: PASS });
    expect(ok.code).toBe(0);
    vi.useRealTimers();
    const vault = await Vault.unlock(dir, { passphrase: PASS });
    const audit = await vault.readAudit();
    await vault.close();
    expect(audit.filter((a) => a.action === 'vault.unlock.failed')).toHaveLength(5);
    expect(audit.filter((a) => a.action === 'vault.unlock.refused').map((a) => a.count ?? 1)).toEqual([2]);
  });
});
