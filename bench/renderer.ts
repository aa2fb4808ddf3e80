/// <reference lib="dom" />
// The renderer against the loopback host in Chromium, with a 10,000-case demo vault:
//  - keystroke in the case search → the list updated and painted (median over many keystrokes),
//    against the same keystroke in a bare <input> on a blank page (the browser's own floor);
//  - the initial JavaScript the page loads, gzipped, against the 350 KB budget.
// The vault is made once through the contract (`vault.demo`, cheap KDF) and kept in .bench/.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { ensureRendererBuilt } from '../electron/host/build';
import { startHost } from '../electron/host/server';
import { call, createHandlers } from '../electron/services/handlers';
import { Session } from '../electron/services/session';
import { median, type BenchResult } from './util';

const ROOT = path.resolve(import.meta.dirname, '..');
const CASES = 10_000;
const LAUNCH = {
  executablePath: process.env.BRO_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
};

/** Installs the latency probe: keydown on `input` → `changed` mutates → two frames later (painted). */
async function probe(page: Page, input: string, changed: string): Promise<void> {
  await page.evaluate(
    ([inputSel, changedSel]) => {
      const w = window as unknown as { __lat: number[] };
      w.__lat = [];
      let t0 = 0;
      document.querySelector(inputSel!)!.addEventListener('keydown', () => (t0 = performance.now()), true);
      new MutationObserver(() => {
        const start = t0;
        requestAnimationFrame(() => setTimeout(() => w.__lat.push(performance.now() - start), 0));
      }).observe(document.querySelector(changedSel!)!, {
        characterData: true,
        childList: true,
        subtree: true,
      });
    },
    [input, changed],
  );
}

async function typeAll(page: Page, selector: string, words: string[]): Promise<number[]> {
  for (const w of words) {
    await page.fill(selector, '');
    for (const ch of w) {
      const before = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat.length);
      await page.keyboard.type(ch);
      await page
        .waitForFunction((n) => (window as unknown as { __lat: number[] }).__lat.length > n, before, {
          timeout: 5000,
        })
        .catch(() => {}); // a keystroke that does not change the count is not a sample
    }
  }
  return page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
}

/** Gzipped bytes of every script the built index.html loads before the app runs. */
function initialJsGzip(): number {
  const dir = path.join(ROOT, 'dist', 'renderer');
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g),
  ];
  return scripts.reduce(
    (sum, m) => sum + gzipSync(readFileSync(path.join(dir, m[1]!)), { level: 9 }).length,
    0,
  );
}

export async function rendererBenchmarks(opts: { rounds: number }): Promise<BenchResult[]> {
  await ensureRendererBuilt(ROOT, (l) => console.log(`    ${l}`));
  const base = path.join(ROOT, '.bench', `renderer-${CASES}`);
  mkdirSync(base, { recursive: true });
  const session = new Session({ kdf: { N: 2 ** 12, r: 8, p: 1 }, settingsDir: path.join(base, 'settings') });
  const handlers = createHandlers(session);
  const vaultDir = path.join(base, 'vault');
  if (!existsSync(vaultDir)) console.log(`    making a ${CASES}-case demo vault once (a few minutes) …`);
  await call(handlers, 'vault.demo', { dir: vaultDir, cases: CASES });
  await call(handlers, 'cases.list', {}); // the index, so the page's open is the everyday one
  const host = await startHost({ session, staticDir: path.join(ROOT, 'dist', 'renderer') });
  const browser = await chromium.launch(LAUNCH);
  try {
    // The floor: a bare input whose keystroke updates one text node.
    const blank = await browser.newPage();
    await blank.setContent('<input id="q"><p id="c">0</p><script></script>');
    await blank.evaluate(() => {
      const q = document.getElementById('q') as HTMLInputElement;
      q.addEventListener('input', () => (document.getElementById('c')!.textContent = q.value));
    });
    await probe(blank, '#q', '#c');
    await blank.focus('#q');

    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    await page.goto(host.url);
    await page
      .getByText(`Viser ${CASES.toLocaleString('nb')} av ${CASES.toLocaleString('nb')} saker`)
      .waitFor({ timeout: 120_000 });
    await probe(page, '#case-search', '#case-count');
    await page.focus('#case-search');
    // Words that narrow the list letter by letter: common name parts, schools, a case id.
    const words = ['anne', 'ole', 'skole', 'berg', 'demo-01', 'sæl', 'ungdom', 'hansen'];
    const app: number[] = [];
    const floor: number[] = [];
    for (let r = 0; r < opts.rounds; r++) {
      app.push(...(await typeAll(page, '#case-search', words)).slice(app.length));
      floor.push(...(await typeAll(blank, '#q', words)).slice(floor.length));
    }
    const keystroke = median(app);
    const bare = median(floor);
    const js = initialJsGzip() / 1024;
    return [
      {
        name: `keystroke in the case search → list updated and painted, ${CASES} cases (median of ${app.length}; target ≤ 50 ms), vs a bare <input>`,
        value: keystroke,
        baseline: bare,
        ratio: keystroke / bare,
        unit: 'ms',
      },
      {
        name: 'initial JavaScript of the renderer, gzipped (target ≤ 350 KB), vs the budget',
        value: js,
        baseline: 350,
        ratio: js / 350,
        unit: 'KB',
        target: 1,
      },
    ];
  } finally {
    await browser.close();
    await host.close();
  }
}
