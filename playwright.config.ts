import { defineConfig } from '@playwright/test';

// The browser runs in Europe/Oslo (below); the host and its vault run in this process (and the
// workers, which inherit the environment). On a person's machine both have the same clock, so here
// they must too: otherwise between midnight in Oslo and midnight UTC the page's «today» is a day
// ahead of the service's, and a date the page records as today lies in the service's future.
process.env.TZ = 'Europe/Oslo';

// End-to-end: the renderer in Debian's Chromium against the loopback host, with a real vault in
// a temp folder per test (tests/e2e/fixtures.ts). `npm test` adds `--reporter=list,json`.
// The Electron door can run the same specs as a second project (see fixtures.ts, `door`).
export default defineConfig<{ door: 'browser' | 'electron' }>({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  // The second setup bundles Electron's main and preload, or prints once why the electron project skips.
  globalSetup: ['./tests/e2e/global-setup.ts', './tests/electron/global-setup.ts'],
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    viewport: { width: 1360, height: 860 },
    launchOptions: {
      executablePath: process.env.BRO_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' } },
    // The same specs in the real app (where the Electron binary is installed; else each skips with
    // one line), plus the shell's own checks. The host's token/Origin spec has no Electron meaning.
    {
      name: 'electron',
      testDir: 'tests',
      testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
      testIgnore: ['e2e/security.spec.ts'],
      use: { door: 'electron' },
    },
  ],
});
