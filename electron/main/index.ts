import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, powerMonitor, session as electronSession } from 'electron';
import { localDeviceId } from '../cli/device';
import { electronDoor } from '../services/access/door';
import { ensurePrivateDir } from '../services/device/private';
import { RememberedSecrets } from '../services/device/remember';
import { DispatchSecret } from '../services/dispatch/secret';
import { call, createHandlers } from '../services/handlers';
import { Session } from '../services/session';
import { startAutoLock } from '../services/access/idle';
import { registerIpc } from './ipc';
import { electronKeychain } from './keychain';
import { installMenu } from './menu';
import { appRoot, LAYOUT } from './paths';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { createElectronSettings } from './settings';
import { createMainWindow } from './window';

/**
 * The Electron main process: one window, one in-memory session, one IPC channel. Everything that
 * decides something lives in plain modules beside this file (policy, assets, bridge, idle) and in
 * electron/services; this file only wires them to Electron's lifecycle.
 */
const root = appRoot(import.meta.dirname);
const development = !app.isPackaged;

// Tests and development may point the profile folder elsewhere (a fresh one per e2e test).
// SECURITY: only in unpackaged builds; the installed app always uses the OS profile folder.
if (development && process.env.BRO_USER_DATA_DIR) app.setPath('userData', process.env.BRO_USER_DATA_DIR);

// SECURITY: every renderer is sandboxed, whatever a future window's options say.
app.enableSandbox();
// Must happen before `ready`.
registerAppScheme();

// SECURITY: one instance per user, so two processes never hold the same vault unlocked with
// different auto-lock state; a second start focuses the first window.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let closed = false;

  // SECURITY: navigation, window and webview rules on every webContents, including any created later.
  app.on('web-contents-created', (_event, wc) => hardenWebContents(wc));

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  void app.whenReady().then(() => {
    const rendererDir = path.join(root, LAYOUT.renderer);
    if (!existsSync(path.join(rendererDir, 'index.html'))) {
      console.error(
        `Bro: the user interface is not built (${LAYOUT.renderer}/index.html is missing); run npm start.`,
      );
      app.exit(2);
      return;
    }

    // SECURITY: a partition without "persist:" lives in memory only, and its HTTP cache is off:
    // nothing the renderer loads or stores (cache, cookies, localStorage, IndexedDB) reaches the disk.
    const ses = electronSession.fromPartition('bro-app', { cache: false });
    hardenSession(ses);
    serveRenderer(ses, rendererDir);

    const userData = app.getPath('userData');
    // SECURITY: the profile folder holds the settings, attempt records and remembered passphrases: 0700.
    ensurePrivateDir(userData, true);
    const session = new Session({
      deviceId: localDeviceId(),
      settingsStore: createElectronSettings(),
      remembered: new RememberedSecrets(path.join(userData, 'remembered.json'), electronKeychain),
      dispatchSecret: new DispatchSecret(path.join(userData, 'svarut-secret.json'), electronKeychain),
      stateDir: userData,
      // SECURITY: files and folders are chosen here, in the main process; the renderer gets a handle.
      pickFile: async (kind) => {
        const owner = win && !win.isDestroyed() ? win : null;
        const options: Electron.OpenDialogOptions =
          kind === 'certificate'
            ? {
                title: 'Velg virksomhetssertifikat',
                properties: ['openFile'],
                filters: [{ name: 'Sertifikat (P12)', extensions: ['p12', 'pfx'] }],
              }
            : {
                title:
                  kind === 'newVaultFolder' ? 'Velg en tom mappe for arkivet' : 'Velg mappen med arkivet',
                properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
              };
        const r = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
        return r.canceled ? null : (r.filePaths[0] ?? null);
      },
    });
    const handlers = createHandlers(session);
    registerIpc(() => win, handlers, electronDoor(session.picked));

    /** Locks the vault and reloads the page, so nothing decrypted stays on screen or in the renderer. */
    const lockAndClear = async () => {
      await call(handlers, 'vault.lock', {});
      if (win && !win.isDestroyed()) win.webContents.reload();
    };

    installMenu({ lockNow: () => void lockAndClear(), development });

    const autoLock = startAutoLock({
      idleSeconds: () => powerMonitor.getSystemIdleTime(),
      autoLockMinutes: () => session.settings.get().autoLockMinutes,
      isUnlocked: async () => session.vault !== null,
      lock: lockAndClear,
    });
    // SECURITY: locking the screen or suspending the machine locks the vault at once.
    powerMonitor.on('lock-screen', () => void autoLock.systemEvent());
    powerMonitor.on('suspend', () => void autoLock.systemEvent());

    win = createMainWindow({ session: ses, preload: path.join(root, LAYOUT.preload), devTools: development });
    win.on('closed', () => {
      win = null;
    });

    // Closing the vault writes its index; do it before the process ends.
    app.on('before-quit', (event) => {
      if (closed) return;
      event.preventDefault();
      autoLock.stop();
      void call(handlers, 'vault.lock', {})
        .catch(() => {})
        .finally(() => {
          closed = true;
          app.quit();
        });
    });
  });

  // One window: closing it ends the app on every platform (the vault is locked on the way out).
  app.on('window-all-closed', () => app.quit());
}
