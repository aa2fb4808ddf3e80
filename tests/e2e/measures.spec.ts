import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import type { MeasuresReport } from '../../shared/measures/report';
import { checkScreen, expect, test } from './fixtures';
import { localDay } from './pages';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);

/** The real `bro` command in its own process, as a lead would run it next to the app. */
async function bro(args: string[]): Promise<MeasuresReport> {
  const { stdout } = await run(process.execPath, [path.join(ROOT, 'bin', 'bro.mjs'), ...args, '--json'], {
    cwd: ROOT,
    env: { ...process.env, BRO_PASSPHRASE: 'demodata' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as MeasuresReport;
}

type Group = MeasuresReport['groups'][number];

/** A cell as the tab shows it: the count, `<5`, `:` or `–`. */
function cell(g: Group, p: string): string {
  const [a, b] = p.split('.') as [string, string | undefined];
  const o = (g as unknown as Record<string, unknown>)[a];
  const v = (b === undefined ? o : (o as Record<string, unknown>)[b]) as number | null;
  if (v !== null) return String(v);
  if (g.complementary?.includes(p)) return ':';
  if (g.suppressed?.includes(p)) return '<5';
  return '–';
}

const SECTIONS: [string, [string, string][]][] = [
  [
    'Tiltak og evaluering',
    [
      ['Aktive tiltak', 'total'],
      ['Evalueringer som skulle skje', 'evaluationsDue'],
      ['Evaluert i tide', 'evaluatedOnTime'],
    ],
  ],
  [
    'Skolens svar på anbefalingene',
    [
      ['Gjennomføres', 'answers.done'],
      ['Med endring', 'answers.changed'],
      ['Kan ikke', 'answers.cannot'],
      ['Ikke svart', 'answers.none'],
    ],
  ],
  [
    'Årsak når skolen svarte «kan ikke»',
    [
      ['Ressurser', 'cannotReasons.ressurser'],
      ['Kompetanse', 'cannotReasons.kompetanse'],
      ['Organisering', 'cannotReasons.organisering'],
      ['Annet', 'cannotReasons.annet'],
      ['Uten kategori', 'cannotReasons.unknown'],
    ],
  ],
  [
    'Skole og foresatte',
    [
      ['Meldt av både skole og foresatte', 'reportedByBoth'],
      ['Uenige om tiltaket er på plass', 'disagreements'],
    ],
  ],
  [
    'Barrierer etter nivå',
    [
      ['Elev', 'barriers.elev'],
      ['Hjem', 'barriers.hjem'],
      ['Lærer', 'barriers.lærer'],
      ['Skoleledelse', 'barriers.skoleledelse'],
      ['Tjeneste', 'barriers.tjeneste'],
      ['Kommunens ressurser', 'barriers.kommunens ressurser'],
    ],
  ],
];

/** Every figure in every table of the tab equals the CLI's JSON, column by column. */
async function expectSameFigures(page: Page, cli: MeasuresReport) {
  const columns = [...cli.groups, ...(cli.totals ? [cli.totals] : [])];
  for (const [title, rows] of SECTIONS) {
    const table = page.getByRole('region', { name: title, exact: true }).getByRole('table');
    await expect(table.locator('thead th')).toHaveCount(columns.length + 1);
    for (const [label, p] of rows) {
      const tr = table
        .locator('tr')
        .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
      const shown = (await tr.getByRole('cell').allInnerTexts()).map((s) => s.trim());
      expect(shown, `${title}: ${label}`).toEqual(columns.map((g) => cell(g, p)));
    }
  }
}

test.describe('the «Tiltak» tab of the dashboard on a demo vault', () => {
  test.use({ vault: 'demo', demoCases: 80 });

  test('figures equal `bro report measures --json`, all together and per school; by keyboard; axe clean; CSV', async ({
    bro: app,
  }, testInfo) => {
    // Two CLI runs beside the app and axe over two wide screens on a shared machine.
    testInfo.setTimeout(240_000);
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'Saker', level: 1 })).toBeVisible();
    await page.keyboard.press('Alt+3');
    await expect(page.getByRole('heading', { name: 'Ventetider', level: 1 })).toBeFocused();

    // Keyboard: the tab «Ventetider» is the selected one; → moves to «Tiltak», Enter opens it.
    const waitingTab = page.getByRole('tab', { name: 'Ventetider' });
    await expect(waitingTab).toHaveAttribute('aria-selected', 'true');
    await waitingTab.focus();
    await page.keyboard.press('ArrowRight');
    const measuresTab = page.getByRole('tab', { name: 'Tiltak' });
    await expect(measuresTab).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(measuresTab).toHaveAttribute('aria-selected', 'true');
    await expect(page).toHaveURL(/#\/report\/measures$/);
    await expect(page.getByRole('heading', { name: 'Tiltak', level: 1 })).toBeVisible();
    const status = page.locator('.wt-result');
    await expect(status).toHaveText(/^Viser /);

    // «I år» is the default: 1 January to today.
    const today = localDay().iso;
    const from = `${today.slice(0, 4)}-01-01`;
    const all = await bro(['report', 'measures', app.demoDir, '--from', from, '--to', today]);
    await expect(status).toContainText(`${cell(all.groups[0]!, 'total')} aktive tiltak`);
    await expectSameFigures(page, all);
    await checkScreen(page, 'report-measures');

    // Per school, chosen by keyboard: more columns and a «Sum»; some cells hidden, some shown.
    await page.getByLabel('Grupper').focus();
    await page.getByLabel('Grupper').selectOption('school');
    await expect(status).toHaveText(/^Viser /);
    const bySchool = await bro([
      'report',
      'measures',
      app.demoDir,
      '--from',
      from,
      '--to',
      today,
      '--by',
      'school',
    ]);
    await expect(page.getByRole('columnheader', { name: 'Sum' }).first()).toBeVisible();
    await expectSameFigures(page, bySchool);
    const texts = await page.locator('.wt-table td').allInnerTexts();
    expect(texts.some((s) => s === '<5')).toBe(true);
    expect(texts.some((s) => /^\d+$/.test(s) && Number(s) >= 5)).toBe(true);
    await expect(page.getByText(/«<5» betyr færre enn fem/)).toBeVisible();
    await checkScreen(page, 'report-measures-schools');

    // The CSV is the same report.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV (Excel)' }).click();
    const csv = await download;
    expect(csv.suggestedFilename()).toBe(`tiltak-school-${from}-${today}.csv`);
    const lines = readFileSync(await csv.path(), 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(bySchool.groups.length + 2);
    expect(lines.at(-1)!.split(';')[3]).toBe(cell(bySchool.totals!, 'total'));
  });
});
