// Builds the real bundles (scripts/build-electron.mjs) and runs the preload bundle in a VM with a
// recording stand-in for 'electron': proves it is one self-contained CommonJS file that exposes
// exactly a PreloadBridge as window.bro and talks only over the two fixed channels.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_CHANNEL, PROGRESS_CHANNEL } from '../main/bridge';
import { LAYOUT } from '../main/paths';
import { expectWorkerRuns } from '../../tests/unit/helpers/case-worker';
import { bundledEntry } from '../services/vault/case-helper';

const root = path.resolve(import.meta.dirname, '..', '..');
let out: string;
let preloadCode: string;
let mainCode: string;

beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), 'bro-bundles-'));
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs'), '--outdir', out], {
    cwd: root,
    stdio: 'pipe',
  });
  preloadCode = readFileSync(path.join(out, LAYOUT.preload), 'utf8');
  mainCode = readFileSync(path.join(out, LAYOUT.main), 'utf8');
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

function runPreload() {
  const exposed: { key: string; api: Record<string, unknown> }[] = [];
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
  const required: string[] = [];
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.push({ key, api }),
    },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => (invoked.push(args), { ok: true, value: 'pong' }),
      on: (ch: string, fn: (...a: unknown[]) => void) => {
        if (!listeners.has(ch)) listeners.set(ch, new Set());
        listeners.get(ch)!.add(fn);
      },
      removeListener: (ch: string, fn: (...a: unknown[]) => void) => listeners.get(ch)?.delete(fn),
    },
  };
  const sandboxRequire = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${id}`);
  };
  const module = { exports: {} };
  vm.runInNewContext(preloadCode, { require: sandboxRequire, module, exports: module.exports });
  return { exposed, invoked, listeners, required };
}

describe('preload bundle', () => {
  it('is one CommonJS file that requires only electron', () => {
    const requires = [...preloadCode.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(requires).toEqual(['electron']);
    expect(preloadCode).not.toMatch(/\bimport\s|import\(/);
  });

  it('exposes exactly { call, onProgress } as window.bro, once', () => {
    const { exposed, required } = runPreload();
    expect(required).toEqual(['electron']);
    expect(exposed).toHaveLength(1);
    expect(exposed[0]!.key).toBe('bro');
    expect(Object.keys(exposed[0]!.api).sort()).toEqual(['call', 'onProgress']);
  });

  it('call() invokes the one call channel with the op and input only', async () => {
    const { exposed, invoked } = runPreload();
    const call = exposed[0]!.api.call as (op: string, input: unknown) => Promise<unknown>;
    await expect(call('vault.status', {})).resolves.toEqual({ ok: true, value: 'pong' });
    expect(invoked).toEqual([[CALL_CHANNEL, 'vault.status', {}]]);
  });

  it('onProgress() hands the listener the message, never the IPC event, and unsubscribes', () => {
    const { exposed, listeners } = runPreload();
    const onProgress = exposed[0]!.api.onProgress as (l: (...a: unknown[]) => void) => () => void;
    const got: unknown[][] = [];
    const off = onProgress((...args) => got.push(args));
    const fns = [...(listeners.get(PROGRESS_CHANNEL) ?? [])];
    expect(fns).toHaveLength(1);
    const msg = { op: 'vault.check', done: 1, total: 2, phase: 'check' };
    fns[0]!({ sender: 'secret ipcRenderer' }, msg);
    expect(got).toEqual([[msg]]);
    off();
    expect(listeners.get(PROGRESS_CHANNEL)?.size).toBe(0);
  });
});

describe('main bundle', () => {
  it('imports only electron and Node built-ins (everything else is bundled)', () => {
    const specifiers = [...mainCode.matchAll(/^\s*import\s[^'"]*?from\s*["']([^"']+)["']/gm)].map(
      (m) => m[1]!,
    );
    const builtin = (s: string) => s.startsWith('node:') || builtinModules.includes(s.split('/')[0]!);
    expect(specifiers).toContain('electron');
    expect(specifiers.filter((s) => s !== 'electron' && !builtin(s))).toEqual([]);
  });

  it('finds every data file it locates relative to itself', () => {
    const refs = [...mainCode.matchAll(/new URL\(\s*["'](\.[^"']+)["']\s*,\s*import\.meta\.url\s*\)/g)].map(
      (m) => m[1]!,
    );
    const mainDir = path.dirname(path.join(out, LAYOUT.main));
    for (const ref of refs) expect(existsSync(path.join(mainDir, ref)), ref).toBe(true);
  });

  it('carries the case list helper thread beside it, and the thread runs its jobs', async () => {
    const file = path.join(path.dirname(path.join(out, LAYOUT.main)), 'case-worker.mjs');
    await expectWorkerRuns(file);
    // As in the packaged app: the file inside app.asar, its text handed to the thread.
    const inAsar = path.join(out, 'app.asar', LAYOUT.main.replace('index.mjs', 'case-worker.mjs'));
    mkdirSync(path.dirname(inAsar), { recursive: true });
    copyFileSync(file, inAsar);
    expect(bundledEntry(inAsar)).toMatchObject({ url: expect.objectContaining({ protocol: 'data:' }) });
    await expectWorkerRuns(inAsar);
  });

  it('ships the fonts letters and reports embed', () => {
    expect(existsSync(path.join(out, LAYOUT.fonts, 'NotoSans-Regular.ttf'))).toBe(true);
  });
});
