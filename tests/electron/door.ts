/// <reference lib="dom" />
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Host } from '../../electron/host/server';
import type { PreloadBridge } from '../../shared/contract/transport';
import type { Bro } from '../e2e/fixtures';
import { desktopUnavailable, findElectronBinary } from '../../scripts/electron-binary.mjs';

/**
 * The Electron door for the e2e specs: the real app (out/main, out/preload, dist/renderer) through
 * Playwright's `_electron.launch`, with a fresh profile folder per test. Where Electron cannot run
 * here, `electronSkipReason()` says why in one line and the tests skip with it.
 */
export const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Null when the desktop app can start here; else the one-line reason every Electron test skips with. */
export function electronSkipReason(): string | null {
  const reason = desktopUnavailable({ binary: findElectronBinary(ROOT) });
  return reason
    ? `Electron skipped: ${reason.en} The same specs ran in Chromium against the browser host.`
    : null;
}

export interface ElectronDoor {
  app: ElectronApplication;
  page: Page;
  close(): Promise<void>;
}

/** Starts the app with `profileDir` as its userData folder and waits for the window. */
export async function launchElectron(profileDir: string): Promise<ElectronDoor> {
  const executablePath = findElectronBinary(ROOT);
  if (!executablePath) throw new Error('Electron binary missing (check electronSkipReason() first)');
  const args = [ROOT];
  // Chromium refuses to start as root with its sandbox on (CI runs as root); only then, and only here.
  if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  delete env.ELECTRON_RUN_AS_NODE;
  env.BRO_USER_DATA_DIR = profileDir;
  const app = await _electron.launch({ executablePath, args, env, cwd: ROOT, timeout: 60_000 });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page, close: () => app.close() };
}

/**
 * The e2e `bro` fixture for the Electron door (tests/e2e/fixtures.ts hands over here): the same
 * shape as the browser door, with the window's page and a fresh profile and temp folder per test.
 * There is no loopback host in this door; a spec that needs one is not run in the Electron project.
 */
export async function electronBro(
  o: { vault: 'none' | 'demo'; demoCases: number; root: string },
  use: (bro: Bro) => Promise<void>,
): Promise<void> {
  const { root } = o;
  mkdirSync(path.join(root, 'profile'), { recursive: true });
  const door = await launchElectron(path.join(root, 'profile'));
  const vaultDir = path.join(root, 'arkiv');
  const demoDir = path.join(root, 'profile', 'demo-arkiv');
  try {
    if (o.vault === 'demo') {
      // The same call the first-run button makes, through the real preload and IPC. The renderer
      // names no folder: the demo goes to the profile folder.
      const r = await door.page.evaluate(
        ({ cases }) => (window as unknown as { bro: PreloadBridge }).bro.call('vault.demo', { cases }),
        { cases: o.demoCases },
      );
      if (!r.ok) throw new Error(`vault.demo failed: ${r.error.code}`);
      await door.page.reload();
    }
    const host = new Proxy({} as Host, {
      get: () => {
        throw new Error('The Electron door has no loopback host; this spec belongs to the browser project.');
      },
    });
    // The main process's dialogs answer as the user would: with the path the test chose.
    const answerDialog = (chosen: string) =>
      door.app.evaluate(({ dialog }, p) => {
        dialog.showOpenDialog = (async () => ({
          canceled: false,
          filePaths: [p],
        })) as typeof dialog.showOpenDialog;
      }, chosen);
    await use({ page: door.page, host, vaultDir, demoDir, root, answerDialog });
  } finally {
    await door.close();
    rmSync(root, { recursive: true, force: true });
  }
}
