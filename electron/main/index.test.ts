// The main process's wiring, in plain Node: 'electron' is replaced by a recording stand-in, so
// this proves what index.ts asks of Electron (sandbox, scheme, in-memory session without cache,
// the window's options, handlers for navigation, permissions and IPC, auto-lock) — not that
// Electron honours it. That part is for the Electron specs where the binary exists.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const fx = vi.hoisted(() => {
  type Fn = (...args: never[]) => unknown;
  class Emitter {
    listeners = new Map<string, Fn[]>();
    on(event: string, fn: Fn) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
      return this;
    }
    once(event: string, fn: Fn) {
      return this.on(event, fn);
    }
    emit(event: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(event) ?? []) (fn as (...a: unknown[]) => unknown)(...args);
    }
  }
  const state = { userData: '', root: '', order: [] as string[], dialogAnswer: '' };
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((r) => (resolveReady = r));
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    setPath: vi.fn(),
    getPath: vi.fn(() => state.userData),
    getVersion: () => '0.0.0-test',
    enableSandbox: vi.fn(() => state.order.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: () => ready,
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const partition = Object.assign(new Emitter(), {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    setSpellCheckerEnabled: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
    protocol: { handle: vi.fn() },
  });
  class BrowserWindow extends Emitter {
    static instances: BrowserWindow[] = [];
    webContents = Object.assign(new Emitter(), {
      mainFrame: { url: 'bro://app/index.html', parent: null as unknown },
      reload: vi.fn(),
      send: vi.fn(),
      isDestroyed: () => false,
      setWindowOpenHandler: vi.fn(),
    });
    loadURL = vi.fn(async () => {});
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      super();
      BrowserWindow.instances.push(this);
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
  }
  const electron = {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => state.order.push('registerSchemesAsPrivileged')),
    },
    session: { fromPartition: vi.fn(() => partition) },
    ipcMain: { handle: vi.fn(), on: vi.fn(), removeAllListeners: vi.fn() },
    powerMonitor: Object.assign(new Emitter(), { getSystemIdleTime: vi.fn(() => 0) }),
    Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
    dialog: {
      showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [state.dialogAnswer] })),
    },
    shell: { openExternal: vi.fn(async () => {}) },
    safeStorage: {
      isAsyncEncryptionAvailable: async () => true,
      getSelectedStorageBackend: () => 'basic_text',
      encryptStringAsync: async (s: string) => Buffer.from(s),
      decryptStringAsync: async (b: Buffer) => ({ result: b.toString(), shouldReEncrypt: false }),
    },
  };
  return { electron, state, partition, BrowserWindow, resolveReady };
});

vi.mock('electron', () => ({ ...fx.electron, default: fx.electron }));
// electron-store imports the real 'electron' from node_modules; stand in with what it is: a Conf in userData.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  return {
    default: class extends Conf<Record<string, unknown>> {
      constructor(o: { name: string; configFileMode?: number }) {
        super({
          configName: o.name,
          cwd: fx.state.userData,
          projectName: 'bro',
          ...(o.configFileMode ? { configFileMode: o.configFileMode } : {}),
        });
      }
    },
  };
});
vi.mock('../cli/device', () => ({ localDeviceId: () => 'aaaaaaaaaaaaaaaaaaaaaaaaaa' }));
vi.mock('./paths', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./paths')>()),
  appRoot: () => fx.state.root,
}));

const { electron, partition, BrowserWindow } = fx;
type Handler = (...args: unknown[]) => unknown;
const ev = () => ({ preventDefault: vi.fn() });

beforeAll(async () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'bro-main-'));
  fx.state.root = tmp;
  fx.state.userData = path.join(tmp, 'profile');
  mkdirSync(path.join(tmp, 'dist', 'renderer'), { recursive: true });
  writeFileSync(path.join(tmp, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Bro</title>');
  await import('./index');
  fx.resolveReady();
  await new Promise((r) => setTimeout(r, 50));
});
afterAll(() => {
  // Stop the auto-lock timer and lock on the way out, as a real quit does.
  electron.app.emit('before-quit', ev());
  rmSync(fx.state.root, { recursive: true, force: true });
});

describe('before ready', () => {
  it('sandboxes every renderer and registers bro:// as a standard secure scheme, without bypassCSP', () => {
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'bro', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fx.state.order).toEqual(['enableSandbox', 'registerSchemesAsPrivileged']);
  });
});

describe('after ready', () => {
  it('uses an in-memory partition with the HTTP cache off', () => {
    expect(electron.session.fromPartition).toHaveBeenCalledTimes(1);
    const [name, opts] = electron.session.fromPartition.mock.calls[0] as unknown as [string, unknown];
    expect(name.startsWith('persist:')).toBe(false);
    expect(opts).toEqual({ cache: false });
  });

  it('denies permissions, device access, network requests and foreign downloads on that session', () => {
    const request = partition.setPermissionRequestHandler.mock.calls[0]![0] as unknown as Handler;
    const answers: boolean[] = [];
    for (const p of ['media', 'notifications', 'geolocation'])
      request({}, p, (ok: boolean) => answers.push(ok));
    expect(answers).toEqual([false, false, false]);
    const check = partition.setPermissionCheckHandler.mock.calls[0]![0] as unknown as Handler;
    expect(check({}, 'clipboard-read')).toBe(false);
    expect((partition.setDevicePermissionHandler.mock.calls[0]![0] as unknown as Handler)()).toBe(false);
    const onBefore = partition.webRequest.onBeforeRequest.mock.calls[0]![0] as unknown as Handler;
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      onBefore({ url }, (r: { cancel: boolean }) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict('https://example.com/track')).toBe(true);
    expect(verdict('bro://app/assets/a.js')).toBe(false);
    const download = partition.listeners.get('will-download')![0] as unknown as Handler;
    const e = ev();
    download(e, { getURL: () => 'https://example.com/x.exe' });
    expect(e.preventDefault).toHaveBeenCalled();
    expect(partition.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
  });

  it('serves the renderer on bro:// from that session, with the CSP header', async () => {
    expect(partition.protocol.handle).toHaveBeenCalledTimes(1);
    const [scheme, handler] = partition.protocol.handle.mock.calls[0] as unknown as [string, Handler];
    expect(scheme).toBe('bro');
    const res = (await handler(new Request('bro://app/index.html'))) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('creates one window with the secure preferences, the partition and the bundled preload', () => {
    expect(BrowserWindow.instances).toHaveLength(1);
    const win = BrowserWindow.instances[0]!;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      devTools: true, // unpackaged here
      preload: path.join(fx.state.root, 'out', 'preload', 'index.cjs'),
    });
    expect(prefs.session).toBe(partition);
    expect(win.loadURL).toHaveBeenCalledWith('bro://app/index.html');
    const e = ev();
    (win.listeners.get('page-title-updated')![0] as unknown as Handler)(e, 'Kari Nordmann – sak');
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('hardens every webContents: no navigation, no new windows, no webviews', () => {
    const wc = BrowserWindow.instances[0]!.webContents;
    electron.app.emit('web-contents-created', ev(), wc);
    const nav = ev();
    (wc.listeners.get('will-navigate')![0] as unknown as Handler)(nav, 'https://evil.example/');
    expect(nav.preventDefault).toHaveBeenCalled();
    const lovdata = ev();
    (wc.listeners.get('will-navigate')![0] as unknown as Handler)(lovdata, 'https://lovdata.no/');
    expect(lovdata.preventDefault).toHaveBeenCalled();
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://lovdata.no/');
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
    const open = wc.setWindowOpenHandler.mock.calls[0]![0] as unknown as Handler;
    expect(open({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
    for (const name of ['will-attach-webview', 'will-redirect']) {
      const e = ev();
      (wc.listeners.get(name)![0] as unknown as Handler)(e);
      expect(e.preventDefault).toHaveBeenCalled();
    }
    const frameNav = ev();
    (wc.listeners.get('will-frame-navigate')![0] as unknown as Handler)(frameNav);
    expect(frameNav.preventDefault).toHaveBeenCalled();
  });

  it('removes electron-store’s own IPC listener', () => {
    expect(electron.ipcMain.removeAllListeners).toHaveBeenCalledWith('electron-store-get-data');
  });

  it('answers bro:call from the window’s main frame only, through the contract', async () => {
    expect(electron.ipcMain.handle).toHaveBeenCalledTimes(1);
    const [channel, handler] = electron.ipcMain.handle.mock.calls[0] as unknown as [string, Handler];
    expect(channel).toBe('bro:call');
    const wc = BrowserWindow.instances[0]!.webContents;
    const ok = await handler({ sender: wc, senderFrame: wc.mainFrame }, 'vault.status', {});
    expect(ok).toMatchObject({ ok: true, value: { unlocked: false, remember: { keychain: 'insecure' } } });
    const iframe = { url: 'bro://app/index.html', parent: wc.mainFrame };
    expect(await handler({ sender: wc, senderFrame: iframe }, 'vault.status', {})).toMatchObject({
      ok: false,
      error: { code: 'USAGE' },
    });
    expect(await handler({ sender: {}, senderFrame: wc.mainFrame }, 'vault.status', {})).toMatchObject({
      ok: false,
    });
    expect(await handler({ sender: wc, senderFrame: null }, 'vault.status', {})).toMatchObject({ ok: false });
    expect(await handler({ sender: wc, senderFrame: wc.mainFrame }, 'vault.status', { x: 1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('locks the vault and reloads the page when the screen locks', async () => {
    const [, handler] = electron.ipcMain.handle.mock.calls[0] as unknown as [string, Handler];
    const wc = BrowserWindow.instances[0]!.webContents;
    const sender = { sender: wc, senderFrame: wc.mainFrame };
    const dir = path.join(fx.state.root, 'arkiv');
    // The renderer names no path: the folder is chosen in the main process's dialog.
    expect(await handler(sender, 'vault.create', { dir, passphrase: 'syntetisk passord' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ code: 'PATH_NOT_ALLOWED' }] },
    });
    fx.state.dialogAnswer = dir;
    const picked = (await handler(sender, 'files.pick', { kind: 'newVaultFolder' })) as {
      value: { handle: string };
    };
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledTimes(1);
    expect(
      await handler(sender, 'vault.create', { dir: picked.value.handle, passphrase: 'syntetisk passord' }),
    ).toMatchObject({ ok: true });
    expect(await handler(sender, 'vault.status', {})).toMatchObject({ value: { unlocked: true } });
    electron.powerMonitor.emit('lock-screen');
    await vi.waitFor(() => expect(wc.reload).toHaveBeenCalled());
    expect(await handler(sender, 'vault.status', {})).toMatchObject({ value: { unlocked: false } });
  });

  it.skipIf(process.platform === 'win32')(
    'keeps the profile folder private: 0700, the settings file 0600',
    async () => {
      const [, handler] = electron.ipcMain.handle.mock.calls[0] as unknown as [string, Handler];
      const wc = BrowserWindow.instances[0]!.webContents;
      await handler({ sender: wc, senderFrame: wc.mainFrame }, 'settings.set', { autoLockMinutes: 7 });
      expect(statSync(fx.state.userData).mode & 0o777).toBe(0o700);
      expect(statSync(path.join(fx.state.userData, 'settings.json')).mode & 0o777).toBe(0o600);
    },
  );
});
