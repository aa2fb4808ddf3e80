import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { INTERCHANGE_EXAMPLE_CASE } from '../../shared/interchange/interchangeExample.fixture';
import { checkScreen, expect, test } from './fixtures';
import { CaseList, Folder } from './pages';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);

/** The real `bro absence … --json` in its own process, on the demo vault the app has open. */
async function broAbsence(dir: string, caseRef: string) {
  const { stdout } = await run(
    process.execPath,
    [path.join(ROOT, 'bin', 'bro.mjs'), 'absence', dir, '--case', caseRef, '--json'],
    { cwd: ROOT, env: { ...process.env, BRO_PASSPHRASE: 'demodata' } },
  );
  return JSON.parse(stdout) as {
    months: { month: string; schoolDays: number; absentDays: number; percent: number | null }[];
  };
}

/** A synthetic case (no absence yet) through the contract's import, then the list reloaded. */
async function importCase(page: Page, id: string, name: string, absence: unknown[]) {
  const c = structuredClone(INTERCHANGE_EXAMPLE_CASE) as Record<string, unknown>;
  c.id = id;
  c.pupil = { ...(c.pupil as object), name };
  c.absence = absence;
  const ok = await page.evaluate(async (d) => {
    const res = await fetch('./api/interchange.import', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Bro-Token': sessionStorage.getItem('bro.session')!,
      },
      body: JSON.stringify({ file: { format: 'bro-interchange/1', cases: [d] } }),
    });
    return ((await res.json()) as { ok: boolean }).ok;
  }, c);
  expect(ok).toBe(true);
  await page.reload();
}

/** Absence over time (issue 15, item 1): the month-by-month rate as a chart with its table beside it. */
const period = (from: string, to: string, wholeDays: number, partialDays: number) => ({
  from,
  to,
  wholeDays,
  partialDays,
  type: 'udokumentert',
  source: null,
});

test.describe('absence over time', () => {
  test.use({ vault: 'demo', demoCases: 4 });

  test('the absence tab shows the monthly rate; the chart and the table agree', async ({ bro }) => {
    const { page } = bro;
    const list = new CaseList(page);
    await expect(list.heading).toBeVisible();
    const c = structuredClone(INTERCHANGE_EXAMPLE_CASE) as Record<string, unknown>;
    c.id = 'c-fravaer-1';
    c.pupil = { ...(c.pupil as object), name: 'Frida Fraværsen' };
    c.absence = [
      period('2026-01-01', '2026-01-31', 2, 0),
      period('2026-02-01', '2026-02-28', 4, 2),
      period('2026-04-01', '2026-04-30', 3, 2),
    ];
    const ok = await page.evaluate(async (d) => {
      const res = await fetch('./api/interchange.import', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Bro-Token': sessionStorage.getItem('bro.session')!,
        },
        body: JSON.stringify({ file: { format: 'bro-interchange/1', cases: [d] } }),
      });
      return ((await res.json()) as { ok: boolean }).ok;
    }, c);
    expect(ok).toBe(true);
    await page.reload();
    await list.open('Frida Fraværsen');
    await new Folder(page).tab('Fravær');

    const table = page.getByRole('table', { name: 'Fravær måned for måned' });
    const rows = table.locator('tbody tr');
    // Hand-computed: January 21 school days (1 January), February 20 less the demo's vinterferie
    // (23–27 February) = 15, April 19 (Easter) less 1 April (the demo's påskeferie) = 18.
    await expect(rows).toHaveText([
      /01\.2026\s*21\s*2\s*9,5/u,
      /02\.2026\s*15\s*5\s*33,3/u,
      /04\.2026\s*18\s*4\s*22,2/u,
    ]);
    const fromTable = (await rows.locator('td:nth-child(4)').allInnerTexts()).map((x) =>
      Number(x.replace(',', '.')),
    );
    const fromChart = await page
      .getByTestId('absence-trend')
      .locator('rect[data-percent]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-percent'))));
    expect(fromChart).toEqual(fromTable);
    await expect(page.getByText('Ved henvisning 07.01.2026: 9,5 % (01.2026)')).toBeVisible();
    await expect(page.getByText('Ved første kontakt 16.02.2026: 33,3 % (02.2026)')).toBeVisible();
    await checkScreen(page, 'absence-10-trend');
  });

  test("the school's CSV imported in the app: a bad row is refused by line, then the chart, the table and `bro absence` agree", async ({
    bro,
  }) => {
    const { page } = bro;
    const list = new CaseList(page);
    await expect(list.heading).toBeVisible();
    await importCase(page, 'c-fravaer-2', 'Fredrik Fraværsen', []);
    await list.open('Fredrik Fraværsen');
    await new Folder(page).tab('Fravær');

    // A file with a bad row (31 June): refused with its line number, nothing imported.
    const bad = path.join(bro.root, 'fravaer-feil.csv');
    writeFileSync(
      bad,
      'fra;til;hele dager;delvise dager;type\n01.01.2026;31.01.2026;2;0;udokumentert\n01.06.2026;31.06.2026;1;0;udokumentert\n',
    );
    const choose = page.getByRole('button', { name: 'Velg CSV-fil …' });
    await choose.focus();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
    await chooser.setFiles(bad);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Ingenting ble lest inn fra fravaer-feil.csv');
    await expect(alert).toContainText('Linje 3, kolonnen «til»: må være en dato');
    await expect(page.getByRole('table', { name: 'Fravær måned for måned' })).toHaveCount(0);
    await checkScreen(page, 'absence-20-import-refused');

    // As a school's spreadsheet saves it: BOM, CRLF, semicolons, Norwegian dates, decimal commas.
    const good = path.join(bro.root, 'fravaer.csv');
    writeFileSync(
      good,
      '\uFEFFFra;Til;Hele dager;Delvise dager;Type;Kilde\r\n' +
        '01.01.2026;31.01.2026;2;0;Udokumentert;Visma\r\n' +
        '01.02.2026;28.02.2026;4;2;Elevmotivert;Visma\r\n' +
        '01.02.2026;28.02.2026;1;0;Dokumentert;foresatte\r\n' +
        '01.04.2026;30.04.2026;3;2,0;Udokumentert;Visma\r\n',
    );
    const [again] = await Promise.all([page.waitForEvent('filechooser'), choose.press('Enter')]);
    await again.setFiles(good);
    await expect(page.getByText('Leste inn 4 fraværsperioder fra fravaer.csv.')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);

    const table = page.getByRole('table', { name: 'Fravær måned for måned' });
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(3);
    const fromTable = await rows.evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent!.trim());
        const n = (s: string) => (s === '–' ? null : Number(s.replace(',', '.')));
        const [mm, yyyy] = cells[0]!.split('.');
        return {
          month: `${yyyy}-${mm}`,
          schoolDays: n(cells[1]!),
          absentDays: n(cells[2]!),
          percent: n(cells[3]!),
        };
      }),
    );
    const fromChart = await page
      .getByTestId('absence-trend')
      .locator('rect[data-percent]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-percent'))));
    expect(fromChart).toEqual(fromTable.map((r) => r.percent));
    // The same figures as the command line gives (and the holidays of the demo's calendar left out).
    const cli = await broAbsence(bro.demoDir, 'c-fravaer-2');
    expect(fromTable).toEqual(
      cli.months.map(({ month, schoolDays, absentDays, percent }) => ({
        month,
        schoolDays,
        absentDays,
        percent,
      })),
    );
    // February: 15 school days (vinterferie), 4 + 1 + 2×½ = 6 days = 40 %.
    expect(fromTable[1]).toEqual({ month: '2026-02', schoolDays: 15, absentDays: 6, percent: 40 });
    await expect(page.getByText(/Skoleferiene i registeret \(\d+ perioder\)/u)).toBeVisible();
    await checkScreen(page, 'absence-21-imported');

    // Dropped on the import zone instead of chosen: read in here, and the window's «drop a letter
    // to check it» leaves it alone (the drop is handled, and the page stays on the case).
    const at = page.url();
    const dropped = await page.getByTestId('absence-drop').evaluate((zone, csv) => {
      const dt = new DataTransfer();
      dt.items.add(new File([csv], 'fravaer-mai.csv', { type: 'text/csv' }));
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      return !zone.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    }, 'Fra;Til;Hele dager;Delvise dager;Type\n01.05.2026;31.05.2026;1;0;Udokumentert\n');
    expect(dropped).toBe(true);
    await expect(page.getByText('Leste inn 1 fraværsperioder fra fravaer-mai.csv.')).toBeVisible();
    await expect(rows).toHaveCount(4);
    expect(page.url()).toBe(at);
  });

  test('the school holidays are entered in the registers from the keyboard', async ({ bro }) => {
    const { page } = bro;
    await expect(new CaseList(page).heading).toBeVisible();
    await page.getByRole('link', { name: 'Innstillinger' }).click();
    const section = page.getByRole('region', { name: 'Skoleruta: skoleferier' });
    await expect(section.getByRole('table')).toContainText('Vinterferie');
    await section.getByRole('button', { name: 'Legg til skoleferie' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Legg til skoleferie' });
    await dialog.getByLabel('Skoleår (f.eks. 2025-2026)').fill('2026-2027');
    await dialog.getByLabel('Navn på ferien').fill('Planleggingsdag');
    await dialog.getByLabel('Fra og med').fill('20.11.2026');
    await dialog.getByLabel('Til og med').fill('19.11.2026');
    await dialog.getByLabel('Til og med').press('Enter');
    await expect(dialog.getByText('ferien slutter før den begynner')).toBeVisible();
    await dialog.getByLabel('Til og med').fill('20.11.2026');
    await dialog.getByLabel('Til og med').press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(section.getByRole('row', { name: /Planleggingsdag/u })).toContainText(
      '20.11.2026–20.11.2026',
    );
    await checkScreen(page, 'absence-30-holidays');
  });
});
