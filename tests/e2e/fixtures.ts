import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHost, type Host } from '../../electron/host/server';
import { call, createHandlers } from '../../electron/services/handlers';
import { Session } from '../../electron/services/session';
import { electronBro, electronSkipReason } from '../electron/door';

/**
 * Fixtures for every e2e spec. Each test gets its own host (one Session) on a fresh temp folder
 * with its own settings file, so tests never share a vault.
 *
 *  - `door`: how the renderer is reached. 'browser' (default): Chromium against the loopback host.
 *    An Electron project sets `door: 'electron'` in playwright.config.ts; where the Electron binary
 *    is not installed, every test of that project skips with one clear line.
 *  - `vault`: what exists before the test: 'none' (first run) or 'demo' (a small demo vault, unlocked).
 *  - `bro`: the page at the app's first screen, plus the host and folders for checks from outside.
 */
export interface Bro {
  page: Page;
  host: Host;
  /** A folder for the test's vault (empty; the create form is pointed here). */
  vaultDir: string;
  /** The folder a demo vault lives in (when `vault: 'demo'`). */
  demoDir: string;
  root: string;
  /** The desktop app only: makes its next file or folder dialog answer `path` (the user's choice). */
  answerDialog?: (path: string) => Promise<void>;
}

type Options = { door: 'browser' | 'electron'; vault: 'none' | 'demo'; demoCases: number };

// A cheap key derivation keeps each test's unlocks fast; the vault format and code are the real ones.
const TEST_KDF = { N: 2 ** 12, r: 8, p: 1 };
const ROOT = path.resolve(import.meta.dirname, '..', '..');

export const test = base.extend<Options & { bro: Bro }>({
  door: ['browser', { option: true }],
  vault: ['none', { option: true }],
  demoCases: [40, { option: true }],
  bro: async ({ browser, door, vault, demoCases }, use, testInfo) => {
    if (door === 'electron') {
      // The real app through _electron.launch (tests/electron/door.ts); one clear line where it cannot run.
      const reason = electronSkipReason();
      testInfo.skip(reason !== null, reason ?? '');
      await electronBro({ vault, demoCases, root: mkdtempSync(path.join(os.tmpdir(), 'bro-e2e-')) }, use);
      return;
    }
    const root = mkdtempSync(path.join(os.tmpdir(), 'bro-e2e-'));
    const vaultDir = path.join(root, 'arkiv');
    const demoDir = path.join(root, 'demo');
    mkdirSync(path.join(root, 'settings'));
    const session = new Session({ kdf: TEST_KDF, settingsDir: path.join(root, 'settings') });
    // The test's temp folder plays the folder given on the command line (`--vault`): the page may
    // create and open vaults in it and below it, nowhere else.
    const host = await startHost({
      session,
      staticDir: path.join(ROOT, 'dist', 'renderer'),
      folders: [root],
    });
    if (vault === 'demo') {
      // The same call the first-run button makes, through the one contract.
      await call(createHandlers(session), 'vault.demo', { dir: demoDir, cases: demoCases });
    }
    // A fresh context per test, as a person opening the printed link in a new browser.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(host.url);
    await use({ page, host, vaultDir, demoDir, root });
    await context.close();
    await host.close();
    rmSync(root, { recursive: true, force: true });
  },
});

export { expect };

/** Saves a screenshot of the whole page to test-results/screenshots/<name>.png (gitignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: path.join(ROOT, 'test-results', 'screenshots', `${name}.png`),
    fullPage: false,
  });
}

/** axe (WCAG 2.0/2.1 A and AA rules) finds nothing on the page as it is now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
  expect(found, `axe on ${screen}`).toEqual([]);
}

/** Screenshot and axe together: what every screen in the specs goes through. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await expectAccessible(page, name);
}
