// The IPC door as plain Node: sender check, then the one contract path (`call`) on a real vault.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronDoor } from '../services/access/door';
import { createHandlers, type Handlers } from '../services/handlers';
import { Session } from '../services/session';
import {
  CALL_CHANNEL,
  PROGRESS_CHANNEL,
  createCallHandler,
  throttleProgress,
  type ProgressMessage,
} from './bridge';
import type { SenderFacts } from './policy';

const trusted: SenderFacts = { fromAppWindow: true, isMainFrame: true, frameUrl: 'bro://app/index.html' };
let tmp: string;
let handlers: Handlers;
let handle: ReturnType<typeof createCallHandler>;
let session: Session;
/** What the main-process dialog answers next (the test plays the user). */
let dialogAnswer: string | null = null;

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'bro-bridge-'));
  session = new Session({ kdf: { N: 2 ** 12, r: 8, p: 1 }, pickFile: async () => dialogAnswer });
  handlers = createHandlers(session);
  handle = createCallHandler(handlers, electronDoor(session.picked));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const noProgress = () => {};

describe('createCallHandler', () => {
  it('answers a trusted call with a CallResult', async () => {
    const r = await handle(trusted, 'vault.status', {}, noProgress);
    expect(r.ok).toBe(true);
    expect(r.ok && (r.value as { unlocked: boolean }).unlocked).toBe(false);
  });

  it('refuses an untrusted sender before any handler runs', async () => {
    let ran = false;
    const spy = {
      ...handlers,
      'vault.status': async () => ((ran = true), { unlocked: false }),
    } as unknown as Handlers;
    const guarded = createCallHandler(spy, electronDoor(session.picked));
    for (const facts of [
      { ...trusted, isMainFrame: false },
      { ...trusted, fromAppWindow: false },
      { ...trusted, frameUrl: 'https://evil.example/' },
    ]) {
      const r = await guarded(facts, 'vault.status', {}, noProgress);
      expect(r).toMatchObject({ ok: false, error: { code: 'USAGE' } });
    }
    expect(ran).toBe(false);
  });

  it.each([['nope'], ['__proto__'], ['constructor'], ['toString'], [42], [null], [{ op: 'vault.status' }]])(
    'refuses an operation name that is not in the contract: %s',
    async (op) => {
      expect(await handle(trusted, op, {}, noProgress)).toMatchObject({
        ok: false,
        error: { code: 'USAGE' },
      });
    },
  );

  it('validates input against the contract (VALIDATION with field paths, no values)', async () => {
    const r = await handle(
      trusted,
      'vault.unlock',
      { dir: tmp, passphrase: 'x', extra: '<script>' },
      noProgress,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(JSON.stringify(r.error)).not.toContain('<script>');
    const missing = await handle(trusted, 'cases.get', { caseId: 42 }, noProgress);
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('turns handler errors into codes without stack traces', async () => {
    const r = await handle(trusted, 'cases.list', {}, noProgress);
    expect(r).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(JSON.stringify(r)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('names no file by path: only a handle from the main-process dialog, for the kind it was chosen as', async () => {
    const dir = path.join(tmp, 'by-path');
    const byPath = await handle(
      trusted,
      'vault.create',
      { dir, passphrase: 'syntetisk passord' },
      noProgress,
    );
    expect(byPath).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['dir'], code: 'PATH_NOT_ALLOWED' }] },
    });
    expect(existsSync(dir)).toBe(false);
    for (const [op, input] of [
      ['letters.verify', { file: '/etc/passwd' }],
      ['cert.test', { out: path.join(tmp, 'x.p12'), name: 'X', password: 'pw' }],
      ['vault.unlock', { dir: tmp, passphrase: 'x' }],
      ['members.request', { dir: tmp, passphrase: 'syntetisk passord' }],
      ['settings.set', { signing: { p12File: '/etc/passwd' } }],
    ] as const)
      expect(await handle(trusted, op, input, noProgress), op).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', issues: [{ code: 'PATH_NOT_ALLOWED' }] },
      });
    // A certificate's handle is no vault folder.
    dialogAnswer = path.join(tmp, 'cert.p12');
    const cert = await handle(trusted, 'files.pick', { kind: 'certificate' }, noProgress);
    expect(cert).toMatchObject({ ok: true, value: { name: 'cert.p12' } });
    const certHandle = cert.ok ? (cert.value as { handle: string }).handle : '';
    expect(
      await handle(trusted, 'vault.create', { dir: certHandle, passphrase: 'syntetisk passord' }, noProgress),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // Cancelled: no handle.
    dialogAnswer = null;
    expect(await handle(trusted, 'files.pick', { kind: 'newVaultFolder' }, noProgress)).toMatchObject({
      ok: true,
      value: { handle: null, name: null },
    });
  });

  it('creates a vault in a folder chosen in the dialog and reports progress of a long operation', async () => {
    const dir = path.join(tmp, 'v');
    dialogAnswer = dir;
    const picked = await handle(trusted, 'files.pick', { kind: 'newVaultFolder' }, noProgress);
    expect(picked).toMatchObject({ ok: true, value: { name: dir } });
    const folder = picked.ok ? (picked.value as { handle: string }).handle : '';
    expect(folder).toMatch(/^[a-z2-7]{26}$/u);
    const created = await handle(
      trusted,
      'vault.create',
      { dir: folder, passphrase: 'syntetisk passord' },
      noProgress,
    );
    expect(created.ok).toBe(true);
    expect(existsSync(path.join(dir, 'bro-vault.json'))).toBe(true);
    const progress: ProgressMessage[] = [];
    const demo = await handle(trusted, 'demo.create', { cases: 5, seed: 1 }, (p) => progress.push(p));
    expect(demo.ok).toBe(true);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.op === 'demo.create' && p.total > 0)).toBe(true);
    expect((await handle(trusted, 'cases.list', {}, noProgress)).ok).toBe(true);
    expect((await handle(trusted, 'vault.lock', {}, noProgress)).ok).toBe(true);
  });

  it('uses the channel names the preload uses', () => {
    expect([CALL_CHANNEL, PROGRESS_CHANNEL]).toEqual(['bro:call', 'bro:progress']);
  });
});

describe('throttleProgress', () => {
  it('passes the first, the last, each new phase, and at most one per interval', () => {
    let t = 0;
    const sent: ProgressMessage[] = [];
    const send = throttleProgress(
      (p) => sent.push(p),
      100,
      () => t,
    );
    const p = (done: number, phase = 'open'): ProgressMessage => ({
      op: 'vault.check',
      done,
      total: 10,
      phase,
    });
    send(p(0));
    for (let i = 1; i < 10; i++) {
      t += 30;
      send(p(i));
    }
    send(p(10));
    send(p(0, 'check'));
    expect(sent.map((m) => `${m.phase}:${m.done}`)).toEqual([
      'open:0',
      'open:4',
      'open:8',
      'open:10',
      'check:0',
    ]);
  });
});
