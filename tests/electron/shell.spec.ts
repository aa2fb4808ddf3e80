/// <reference lib="dom" />
import { test as base, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronSkipReason, launchElectron, type ElectronDoor } from './door';

/**
 * What only the Electron door can show: the shell's own controls, checked in the running app.
 * The renderer's journeys run here too (the e2e specs, `electron` project); these are the extras.
 */
const test = base.extend<{ electron: ElectronDoor }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  electron: async ({}, use, testInfo) => {
    const reason = electronSkipReason();
    testInfo.skip(reason !== null, reason ?? '');
    const root = mkdtempSync(path.join(os.tmpdir(), 'bro-electron-'));
    const door = await launchElectron(path.join(root, 'profile'));
    try {
      await use(door);
    } finally {
      await door.close();
      rmSync(root, { recursive: true, force: true });
    }
  },
});

test('the page is bro://app, sees only window.bro { call, onProgress }, and no Node', async ({
  electron,
}) => {
  const { page } = electron;
  expect(page.url()).toMatch(/^bro:\/\/app\//);
  const seen = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown> & { bro?: Record<string, unknown> };
    return {
      bro: Object.keys(w.bro ?? {}).sort(),
      require: typeof w.require,
      process: typeof w.process,
      module: typeof w.module,
      electron: typeof w.electron,
      ipc: typeof w.ipcRenderer,
    };
  });
  expect(seen).toEqual({
    bro: ['call', 'onProgress'],
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    electron: 'undefined',
    ipc: 'undefined',
  });
  const status = await page.evaluate(() =>
    (window as unknown as { bro: { call: (op: string, i: unknown) => Promise<unknown> } }).bro.call(
      'vault.status',
      {},
    ),
  );
  expect(status).toMatchObject({ ok: true, value: { unlocked: false } });
});

test('the CSP arrives as a header and blocks injected script and remote connections', async ({
  electron,
}) => {
  const { page } = electron;
  const outcome = await page.evaluate(async () => {
    const csp = (await fetch('bro://app/index.html')).headers.get('content-security-policy');
    const violation = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), {
        once: true,
      }),
    );
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = true;';
    document.body.appendChild(s);
    const directive = await violation;
    const remote = await fetch('https://example.com/').then(
      () => 'reached',
      () => 'blocked',
    );
    return { csp, directive, remote, ran: (window as unknown as { __pwned?: boolean }).__pwned === true };
  });
  expect(outcome.csp).toContain("script-src 'self'");
  expect(outcome.csp).toContain("frame-ancestors 'none'");
  expect(outcome.directive).toMatch(/^script-src/);
  expect(outcome.ran).toBe(false);
  expect(outcome.remote).toBe('blocked');
});

test('navigation, new windows and permissions are denied', async ({ electron }) => {
  const { app, page } = electron;
  const before = page.url();
  const results = await page.evaluate(async () => {
    const opened = window.open('https://example.com/', '_blank');
    const notification = await Notification.requestPermission();
    const camera = await navigator.mediaDevices?.getUserMedia({ video: true }).then(
      () => 'granted',
      () => 'denied',
    );
    return { opened: opened === null, notification, camera: camera ?? 'denied' };
  });
  expect(results).toEqual({ opened: true, notification: 'denied', camera: 'denied' });
  // A navigation that happened would show as a framenavigated event; none may come.
  const navigated = page.waitForEvent('framenavigated', { timeout: 2_000 }).then(
    () => true,
    () => false,
  );
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  expect(await navigated).toBe(false);
  expect(page.url()).toBe(before);
  expect(app.windows()).toHaveLength(1);
});

test('one window, titled Bro, in an in-memory session', async ({ electron }) => {
  const facts = await electron.app.evaluate(({ BrowserWindow }) => {
    const win = BrowserWindow.getAllWindows()[0]!;
    return {
      windows: BrowserWindow.getAllWindows().length,
      persistent: win.webContents.session.isPersistent(),
      storagePath: win.webContents.session.getStoragePath(),
      title: win.getTitle(),
    };
  });
  expect(facts).toEqual({ windows: 1, persistent: false, storagePath: null, title: 'Bro' });
});

test('locking the screen locks the vault and clears the page', async ({ electron }) => {
  const { app, page } = electron;
  const root = mkdtempSync(path.join(os.tmpdir(), 'bro-electron-vault-'));
  try {
    type Bridge = { bro: { call: (op: string, i: unknown) => Promise<{ ok: boolean; value?: unknown }> } };
    // The renderer names no path: the folder comes from the main process's dialog, as a handle.
    const byPath = await page.evaluate(
      (dir) =>
        (window as unknown as Bridge).bro.call('vault.create', { dir, passphrase: 'syntetisk passord' }),
      path.join(root, 'arkiv'),
    );
    expect(byPath).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await app.evaluate(
      ({ dialog }, chosen) => {
        dialog.showOpenDialog = (async () => ({
          canceled: false,
          filePaths: [chosen],
        })) as typeof dialog.showOpenDialog;
      },
      path.join(root, 'arkiv'),
    );
    const created = await page.evaluate(async () => {
      const bridge = (window as unknown as Bridge).bro;
      const picked = (await bridge.call('files.pick', { kind: 'newVaultFolder' })) as {
        value: { handle: string };
      };
      return bridge.call('vault.create', { dir: picked.value.handle, passphrase: 'syntetisk passord' });
    });
    expect(created.ok).toBe(true);
    const reloaded = page.waitForEvent('load');
    await app.evaluate(({ powerMonitor }) => powerMonitor.emit('lock-screen'));
    await reloaded;
    const status = await page.evaluate(() =>
      (window as unknown as { bro: { call: (op: string, i: unknown) => Promise<unknown> } }).bro.call(
        'vault.status',
        {},
      ),
    );
    expect(status).toMatchObject({ ok: true, value: { unlocked: false } });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
