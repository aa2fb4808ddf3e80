import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import type { OutcomesReport } from '../../shared/outcomes/report';
import { checkScreen, expect, test } from './fixtures';
import { localDay } from './pages';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);

/** The real `bro` command in its own process, as a lead would run it next to the app. */
async function bro(args: string[]): Promise<OutcomesReport> {
  const { stdout } = await run(process.execPath, [path.join(ROOT, 'bin', 'bro.mjs'), ...args, '--json'], {
    cwd: ROOT,
    env: { ...process.env, BRO_PASSPHRASE: 'demodata' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as OutcomesReport;
}

type Group = OutcomesReport['groups'][number];

/** A cell as the tab shows it: the figure with a decimal comma, `<5`, `:` or `–`. */
function cell(g: Group, p: string): string {
  let v: unknown = g;
  for (const k of p.split('.')) v = (v as Record<string, unknown>)[k];
  if (v !== null) return String(v).replace('.', ',');
  const count = p.replace(/\.(median|mean)$/, '.n');
  if (g.complementary?.includes(count)) return ':';
  if (g.suppressed?.includes(count)) return count === p ? '<5' : ':';
  return '–';
}

const point = (label: string, key: string): [string, string][] => [
  [`${label}: antall med tall`, `absence.${key}.n`],
  [`${label}: median`, `absence.${key}.median`],
  [`${label}: snitt`, `absence.${key}.mean`],
];

const SECTIONS: [string, [string, string][]][] = [
  [
    'Avsluttede henvisninger etter utfall',
    [
      ['Avsluttede henvisninger', 'closed'],
      ['Helt tilbake på skolen', 'outcomes.helt'],
      ['Delvis tilbake', 'outcomes.delvis'],
      ['Ikke tilbake', 'outcomes.ikke'],
      ['Utfall ikke registrert', 'outcomes.unknown'],
    ],
  ],
  [
    'Fravær i prosent: hva ventingen kostet',
    [
      ...point('Ved henvisning', 'referral'),
      ...point('Ved første kontakt', 'firstContact'),
      ...point('Ved avslutning', 'closing'),
    ],
  ],
  [
    'Fra første tegn til henvisning (dager)',
    [
      ['Antall med dato for første tegn', 'lag.n'],
      ['Median', 'lag.median'],
      ['Snitt', 'lag.mean'],
    ],
  ],
];

/** Every figure in every table of the tab equals the CLI's JSON, column by column. */
async function expectSameFigures(page: Page, cli: OutcomesReport) {
  const columns = [...cli.groups, ...(cli.totals ? [cli.totals] : [])];
  for (const [title, rows] of SECTIONS) {
    const table = page.getByRole('region', { name: title, exact: true }).getByRole('table');
    await expect(table.locator('thead th')).toHaveCount(columns.length + 1);
    await expect(table.locator('tbody tr')).toHaveCount(rows.length);
    for (const [label, p] of rows) {
      const tr = table
        .locator('tr')
        .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
      const shown = (await tr.getByRole('cell').allInnerTexts()).map((s) => s.trim());
      expect(shown, `${title}: ${label}`).toEqual(columns.map((g) => cell(g, p)));
    }
  }
}

test.describe('the «Utfall» tab of the dashboard on a demo vault', () => {
  test.use({ vault: 'demo', demoCases: 80 });

  test('figures equal `bro report outcomes --json`, all together and per service; by keyboard; axe clean; CSV', async ({
    bro: app,
  }, testInfo) => {
    testInfo.setTimeout(240_000);
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'Saker', level: 1 })).toBeVisible();
    await page.keyboard.press('Alt+3');
    await expect(page.getByRole('heading', { name: 'Ventetider', level: 1 })).toBeFocused();

    // Keyboard: from «Ventetider», → → reaches «Utfall», Enter opens it.
    const waitingTab = page.getByRole('tab', { name: 'Ventetider' });
    await waitingTab.focus();
    await expect(waitingTab).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Tiltak' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    const outcomesTab = page.getByRole('tab', { name: 'Utfall' });
    await expect(outcomesTab).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(outcomesTab).toHaveAttribute('aria-selected', 'true');
    await expect(page).toHaveURL(/#\/report\/outcomes$/);
    await expect(page.getByRole('heading', { name: 'Utfall', level: 1 })).toBeVisible();
    const status = page.locator('.wt-result');
    await expect(status).toHaveText(/^Viser /);

    // A period long enough for the demo's closed referrals: chosen by keyboard in the date fields.
    const today = localDay().iso;
    const from = `${Number(today.slice(0, 4)) - 2}-01-01`;
    const fromField = page.getByLabel('Fra', { exact: true });
    await fromField.fill(`01.01.${from.slice(0, 4)}`);
    await fromField.press('Enter');
    await expect(status).toContainText(`Viser 01.01.${from.slice(0, 4)}`);
    const all = await bro(['report', 'outcomes', app.demoDir, '--from', from, '--to', today]);
    // The demo gives real figures: enough closed referrals to show, and medians.
    expect(all.groups[0]!.closed).toBeGreaterThanOrEqual(5);
    expect(all.groups[0]!.absence.referral.median).not.toBeNull();
    await expect(status).toContainText(`${cell(all.groups[0]!, 'closed')} avsluttede henvisninger`);
    await expectSameFigures(page, all);
    await checkScreen(page, 'report-outcomes');

    // Per service, chosen by keyboard: more columns and a «Sum»; some cells hidden, some shown.
    await page.getByLabel('Grupper').focus();
    await page.getByLabel('Grupper').selectOption('service');
    await expect(page.getByRole('columnheader', { name: 'Sum' }).first()).toBeVisible();
    await expect(status).toHaveText(/^Viser /);
    const byService = await bro([
      'report',
      'outcomes',
      app.demoDir,
      '--from',
      from,
      '--to',
      today,
      '--by',
      'service',
    ]);
    await expectSameFigures(page, byService);
    const texts = await page.locator('.wt-table td').allInnerTexts();
    expect(texts.some((s) => s === '<5')).toBe(true);
    expect(texts.some((s) => /^\d+$/.test(s) && Number(s) >= 5)).toBe(true);
    await expect(page.getByText(/«<5» betyr færre enn fem/)).toBeVisible();
    await checkScreen(page, 'report-outcomes-services');

    // The CSV is the same report.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV (Excel)' }).click();
    const csv = await download;
    expect(csv.suggestedFilename()).toBe(`utfall-service-${from}-${today}.csv`);
    const lines = readFileSync(await csv.path(), 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(byService.groups.length + 2);
    expect(lines.at(-1)!.split(';')[3]).toBe(cell(byService.totals!, 'closed'));
  });
});
