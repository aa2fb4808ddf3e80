import ExcelJS from 'exceljs';
import { calculateJwkThumbprint } from 'jose';
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';
import type { WaitingReport } from '../../shared/waiting/report';
import type { MeasureGroup } from '../../shared/measures/report';
import { checkScreen, expect, test } from './fixtures';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);

/** The real `bro` command in its own process, as a lead would run it next to the app. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the CLI's JSON, checked by the assertions
async function bro(args: string[]): Promise<any> {
  const { stdout } = await run(process.execPath, [path.join(ROOT, 'bin', 'bro.mjs'), ...args, '--json'], {
    cwd: ROOT,
    env: { ...process.env, BRO_PASSPHRASE: 'demodata' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout);
}

/** How the dashboard writes a figure: at most `d` decimals, decimal comma, "–" for none. */
const nb = (v: number | null, d = 1) =>
  v === null ? '–' : String(Math.round(v * 10 ** d) / 10 ** d).replace('.', ',');
const pct = (v: number | null) => (v === null ? '–' : `${nb(v * 100, 1)} %`);

/** The data cells of the row whose header is `row`. */
async function rowCells(table: Locator, row: string): Promise<string[]> {
  const tr = table
    .locator('tr')
    .filter({ has: table.page().getByRole('rowheader', { name: row, exact: true }) });
  return (await tr.getByRole('cell').allInnerTexts()).map((s) => s.trim());
}

interface Stats {
  n: number | null;
  mean: number | null;
  median: number | null;
  p90: number | null;
  max: number | null;
  withinTarget: number | null;
}
const statRow = (s: Stats) => [
  nb(s.n, 0),
  nb(s.median),
  nb(s.mean),
  nb(s.p90, 0),
  nb(s.max, 0),
  pct(s.withinTarget),
];

/** Every figure the dashboard shows for the report, against the CLI's JSON for the same period. */
async function expectFigures(page: Page, cli: WaitingReport, prefix = '') {
  const g = cli.groups[0]!;
  const scope = prefix ? page.getByRole('region', { name: prefix }) : page;
  const figures = scope.getByRole('table', { name: /^Ventetider i perioden/ });
  expect(await rowCells(figures, 'Ventetid, fikk første kontakt')).toEqual(statRow(g.ventetid.completed));
  expect(await rowCells(figures, 'Ventetid, venter fortsatt')).toEqual(statRow(g.ventetid.waiting));
  expect(await rowCells(figures, 'Saksbehandlingstid, ferdig behandlet')).toEqual(
    statRow(g.saksbehandlingstid.completed),
  );
  expect(await rowCells(figures, 'Saksbehandlingstid, ikke ferdig')).toEqual(
    statRow(g.saksbehandlingstid.waiting),
  );
  expect(await rowCells(figures, 'Fra bekymring til henvisning')).toEqual(statRow(g.signalToReferral));
  const cw = scope.getByRole('table', { name: 'Saksbehandlerbytter og fristbrudd' });
  const cwc = g.caseworkerChanges;
  expect(await rowCells(cw, 'Henvisninger åpne i perioden')).toEqual([nb(cwc.referrals, 0)]);
  expect(await rowCells(cw, 'Bytter av saksbehandler')).toEqual([nb(cwc.changes, 0)]);
  expect(await rowCells(cw, 'Bytter per henvisning')).toEqual([nb(cwc.perReferral, 2)]);
  expect(await rowCells(cw, 'Fristbrudd (BUP)')).toEqual([nb(g.fristbrudd, 0)]);
}

/** The open referrals: as many rows as the CLI lists, longest wait first, each a link to its case. */
async function expectOpenReferrals(page: Page, cli: WaitingReport) {
  const open = cli.openReferrals;
  const region = page.getByRole('region', { name: /^Åpne henvisninger/ });
  await expect(region.getByRole('heading', { level: 2 })).toHaveText(`Åpne henvisninger ${open.length}`);
  if (open.length === 0) return;
  const table = region.getByRole('table', { name: 'Åpne henvisninger, lengst ventetid først' });
  await expect(table.locator('tbody tr')).toHaveCount(open.length);
  const links = table.getByRole('link');
  for (const [i, o] of open.slice(0, 5).entries()) {
    await expect(links.nth(i)).toHaveText(o.case);
    await expect(links.nth(i)).toHaveAttribute('href', `#/cases/${o.caseId}/referrals`);
  }
  const days = (await table.locator('tbody tr td:nth-child(5)').allInnerTexts()).map(Number);
  expect(days).toEqual(open.map((o) => o.days));
}

/** A measures cell as the app shows it: the count, `<5`, `:` or `–` (as tests/e2e/measures.spec.ts). */
function measureCell(g: MeasureGroup, p: string): string {
  const [a, b] = p.split('.') as [string, string | undefined];
  const o = (g as unknown as Record<string, unknown>)[a];
  const v = (b === undefined ? o : (o as Record<string, unknown>)[b]) as number | null;
  if (v !== null) return String(v);
  if (g.complementary?.includes(p)) return ':';
  if (g.suppressed?.includes(p)) return '<5';
  return '–';
}

const MEASURE_SECTIONS: [string, [string, string][]][] = [
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

test.describe('waiting-time dashboard on a demo vault', () => {
  test.use({ vault: 'demo', demoCases: 80 });

  test('figures match `bro report waiting`; period, service and unit by keyboard; CSV, XLSX and PDF', async ({
    bro: app,
  }) => {
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'Saker', level: 1 })).toBeVisible();
    await page.keyboard.press('Alt+3');
    const title = page.getByRole('heading', { name: 'Ventetider', level: 1 });
    await expect(title).toBeFocused();
    const status = page.locator('.wt-result');
    await expect(status).toHaveText(/^Viser /);

    // Keyboard: from the heading, Tab reaches the quick choices; Enter on "Forrige år".
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'I år' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Forrige år' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Forrige år' })).toHaveAttribute('aria-pressed', 'true');
    const year = Number(new Date().toISOString().slice(0, 4)) - 1;
    await expect(page.getByLabel('Fra', { exact: true })).toHaveValue(`01.01.${year}`);
    await expect(page.getByLabel('Til', { exact: true })).toHaveValue(`31.12.${year}`);
    await page.getByLabel('Tjeneste').focus();
    await page.getByLabel('Tjeneste').selectOption('PPT');
    await expect(status).toContainText(`Viser 01.01.${year}–31.12.${year}, PPT, i kalenderdager:`);

    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const ppt = await bro(['report', 'waiting', app.demoDir, '--from', from, '--to', to, '--service', 'PPT']);
    await expect(status).toContainText(
      `${ppt.groups[0].ventetid.completed.n} fikk første kontakt, ${ppt.groups[0].ventetid.waiting.n} venter fortsatt, ${ppt.openReferrals.length} åpne henvisninger`,
    );
    await expectFigures(page, ppt);
    await expectOpenReferrals(page, ppt);

    // One chart per measure, each with a title and its figures as a table: the months add up.
    for (const [name, key] of [
      ['Ventetid', 'ventetid'],
      ['Saksbehandlingstid', 'saksbehandlingstid'],
    ] as const) {
      const region = page.getByRole('region', { name, exact: true });
      await expect(
        region.getByRole('img', { name: `${name}: median per måned, i kalenderdager` }),
      ).toBeVisible();
      await expect(region.locator('svg title')).toHaveText(`${name}: median per måned, i kalenderdager`);
      const months = region.getByRole('table', { name: new RegExp(`^${name} per måned`) });
      await expect(months.locator('tbody tr')).toHaveCount(12);
      const counts = (await months.locator('tbody tr td:nth-child(2)').allInnerTexts()).map(Number);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(ppt.groups[0][key].completed.n);
    }
    await checkScreen(page, 'report');
    await page.getByRole('region', { name: 'Ventetid', exact: true }).scrollIntoViewIfNeeded();
    await checkScreen(page, 'report-charts');

    // Typed dates (dd.mm.åååå), Enter to apply; working days; all services.
    await page.getByLabel('Tjeneste').selectOption('');
    await page.getByLabel('Fra', { exact: true }).fill(`1.7.${year}`);
    await page.getByLabel('Til', { exact: true }).fill(`30.06.${year + 1}`);
    await page.getByLabel('virkedager').check();
    await page.getByLabel('Til', { exact: true }).press('Enter');
    await expect(status).toHaveText(
      new RegExp(`^Viser 01\\.07\\.${year}–30\\.06\\.${year + 1}, alle tjenester, i virkedager`),
    );
    const working = await bro([
      'report',
      'waiting',
      app.demoDir,
      '--from',
      `${year}-07-01`,
      '--to',
      `${year + 1}-06-30`,
      '--workdays',
    ]);
    await expectFigures(page, working);
    await expectOpenReferrals(page, working);
    const cw = page.getByRole('table', { name: 'Saksbehandlerbytter og fristbrudd' });
    expect(await rowCells(cw, 'Dager uten saksbehandler (virkedager)')).toEqual([
      nb(working.groups[0].caseworkerChanges.daysWithoutCaseworker, 0),
    ]);

    // A date that is not a date stays in its field with a message; nothing else changes.
    await page.getByLabel('Fra', { exact: true }).fill('31.02.2025');
    await page.getByRole('button', { name: 'Vis ventetider' }).click();
    await expect(page.getByLabel('Fra', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Fra', { exact: true })).toBeFocused();
    await expect(page.getByText('Må være en dato på formen dd.mm.åååå')).toBeVisible();
    await checkScreen(page, 'report-date-error');

    // Back to PPT last year for the files.
    await page.getByRole('button', { name: 'Forrige år' }).click();
    await page.getByLabel('kalenderdager').check();
    await page.getByLabel('Tjeneste').selectOption('PPT');
    await expect(status).toContainText(`Viser 01.01.${year}–31.12.${year}, PPT, i kalenderdager`);
    const g = ppt.groups[0];

    // CSV: BOM, semicolons, decimal commas; the same figures.
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV (Excel)' }).click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toBe(`ventetider-PPT-${from}-${to}.csv`);
    await expect(page.getByRole('status').filter({ hasText: 'er lastet ned' })).toHaveText(
      `Fila ventetider-PPT-${from}-${to}.csv er lastet ned.`,
    );
    const csvText = readFileSync(await csv.path(), 'utf8');
    expect(csvText.startsWith('\uFEFF')).toBe(true);
    const [head, row] = csvText
      .slice(1)
      .split('\r\n')
      .map((l) => l.split(';'));
    const col = (name: string) => row![head!.indexOf(name)];
    expect(col('Ventetid avsluttet – antall')).toBe(String(g.ventetid.completed.n));
    expect(col('Ventetid venter – antall')).toBe(String(g.ventetid.waiting.n));
    expect(col('Saksbehandlingstid avsluttet – median')).toBe(
      String(g.saksbehandlingstid.completed.median).replace('.', ','),
    );
    expect(col('Saksbehandlingstid avsluttet – gjennomsnitt')).toBe(
      String(g.saksbehandlingstid.completed.mean).replace('.', ','),
    );
    expect(col('Bytter av saksbehandler')).toBe(String(g.caseworkerChanges.changes));
    expect(col('Bytter per henvisning')).toBe(String(g.caseworkerChanges.perReferral).replace('.', ','));

    // XLSX: numbers stored as numbers; the open referrals on their own sheet.
    const xlsxDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Excel-arbeidsbok (XLSX)' }).click();
    const xlsx = await xlsxDownload;
    expect(xlsx.suggestedFilename()).toBe(`ventetider-PPT-${from}-${to}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await xlsx.path());
    const sheet = wb.getWorksheet('Ventetider')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (name: string) => sheet.getRow(2).getCell(headers.indexOf(name) + 1).value;
    expect(cell('Ventetid avsluttet – antall')).toBe(g.ventetid.completed.n);
    expect(cell('Ventetid avsluttet – median')).toBe(g.ventetid.completed.median);
    expect(cell('Saksbehandlingstid avsluttet – andel innen mål (%)')).toBe(
      g.saksbehandlingstid.completed.withinTarget === null
        ? null
        : Math.round(g.saksbehandlingstid.completed.withinTarget * 1000) / 10,
    );
    expect(cell('Henvisninger åpne i perioden')).toBe(g.caseworkerChanges.referrals);
    if (ppt.openReferrals.length > 0)
      expect(wb.getWorksheet('Åpne henvisninger')!.actualRowCount).toBe(ppt.openReferrals.length + 1);

    // PDF: a progress status while it is made (the real request, held back until we have looked).
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/reports.waiting', async (route) => {
      await held;
      await route.continue();
    });
    const pdfDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PDF-rapport' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Lager PDF …' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'CSV (Excel)' })).toBeDisabled();
    await checkScreen(page, 'report-export-busy');
    release();
    const pdf = await pdfDownload;
    await page.unroute('**/api/reports.waiting');
    expect(pdf.suggestedFilename()).toBe(`ventetider-PPT-${from}-${to}.pdf`);
    await expect(page.getByRole('button', { name: 'CSV (Excel)' })).toBeEnabled();
    const { stdout: pdfText } = await run('pdftotext', ['-layout', await pdf.path(), '-']);
    expect(pdfText).toContain('Ventetider');
    expect(pdfText).toContain(`01.01.${year}`);
    expect(pdfText).toContain(`31.12.${year}`);
    if (ppt.openReferrals.length > 0) expect(pdfText).toContain(ppt.openReferrals[0].case);
  });

  test('metrics: export a bundle and our key, merge them into a suppressed report, refuse a changed file', async ({
    bro: app,
  }, testInfo) => {
    // Three CLI merges beside the app and axe over wide screens on a shared machine.
    testInfo.setTimeout(240_000);
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'Saker', level: 1 })).toBeVisible();
    await page.getByRole('link', { name: 'Ventetider' }).click();
    await expect(page.locator('.wt-result')).toHaveText(/^Viser /);
    const metrics = page.getByRole('region', { name: 'Nøkkeltall fra flere arkiv' });

    const bundleDownload = page.waitForEvent('download');
    await metrics.getByRole('button', { name: 'Eksporter nøkkeltall' }).click();
    const bundle = await bundleDownload;
    expect(bundle.suggestedFilename()).toMatch(/^noekkeltall-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.jws$/);
    await expect(metrics.getByRole('status').filter({ hasText: 'er lastet ned' })).toContainText(
      bundle.suggestedFilename(),
    );

    const keyDownload = page.waitForEvent('download');
    await metrics.getByRole('button', { name: 'Vår offentlige nøkkel' }).click();
    const key = await keyDownload;
    expect(key.suggestedFilename()).toMatch(/^bro-noekkel-[A-Za-z0-9_-]{12}\.json$/);
    const jwks = JSON.parse(readFileSync(await key.path(), 'utf8'));
    await expect(metrics.getByText(jwks.keys[0].kid, { exact: true })).toBeVisible();
    await checkScreen(page, 'report-metrics');

    const bundlePath = path.join(app.root, 'a.jws');
    const keyPath = path.join(app.root, 'trust.json');
    writeFileSync(bundlePath, readFileSync(await bundle.path()));
    writeFileSync(keyPath, readFileSync(await key.path()));

    // Nothing chosen: the fields say what is missing.
    await metrics.getByRole('button', { name: 'Slå sammen', exact: true }).click();
    await expect(metrics.getByText('Velg minst én nøkkeltallsfil.')).toBeVisible();

    await metrics.getByLabel('Nøkkeltallsfiler (.jws)').setInputFiles([bundlePath]);
    await metrics.getByLabel('Tillitsliste (JWKS, .json)').setInputFiles(keyPath);
    await metrics.getByRole('button', { name: 'Slå sammen', exact: true }).click();
    const merged = page.getByRole('region', { name: /^Samlet rapport / });
    await expect(merged).toBeVisible();
    await expect(merged.getByText(`Nøkkel-ID ${jwks.keys[0].kid}:`)).toBeVisible();

    // The same merge by the real CLI: the figures agree, small counts marked.
    const cli = await bro(['metrics', 'merge', bundlePath, '--trust', keyPath]);
    const report = cli.report ?? cli;
    const g = report.groups[0];
    const figures = merged.getByRole('table', { name: /^Ventetider i perioden/ });
    const row = (s: Stats & { suppressed?: true }) =>
      s.suppressed ? ['<5', ':', ':', ':', ':', ':'] : statRow(s);
    expect(await rowCells(figures, 'Ventetid, fikk første kontakt')).toEqual(row(g.ventetid.completed));
    expect(await rowCells(figures, 'Ventetid, venter fortsatt')).toEqual(row(g.ventetid.waiting));
    expect(await rowCells(figures, 'Saksbehandlingstid, ferdig behandlet')).toEqual(
      row(g.saksbehandlingstid.completed),
    );
    expect(await rowCells(figures, 'Saksbehandlingstid, ikke ferdig')).toEqual(
      row(g.saksbehandlingstid.waiting),
    );
    // The outcomes part of the bundle (docs/OUTCOMES.md), as the CLI merges it, cell for cell.
    const og = cli.outcomes.groups[0];
    const oCell = (p: string, v: number | null) =>
      v !== null ? String(v) : og.complementary?.includes(p) ? ':' : '<5';
    const outcomeTable = merged.getByRole('table', { name: /^Avsluttede henvisninger etter utfall/ });
    expect(await rowCells(outcomeTable, 'Avsluttede henvisninger')).toEqual([oCell('closed', og.closed)]);
    expect(await rowCells(outcomeTable, 'Helt tilbake på skolen')).toEqual([
      oCell('outcomes.helt', og.outcomes.helt),
    ]);
    expect(await rowCells(outcomeTable, 'Ikke tilbake')).toEqual([oCell('outcomes.ikke', og.outcomes.ikke)]);
    const anySuppressed = report.groups.some(
      (x: { suppressed?: string[] }) => (x.suppressed?.length ?? 0) > 0,
    );
    if (anySuppressed) await expect(merged.getByText(/«<5» betyr færre enn fem henvisninger/)).toBeVisible();
    await expect(merged.getByRole('region', { name: /^Åpne henvisninger/ })).toHaveCount(0);
    await merged.getByRole('heading', { name: 'Nøkkeltall for perioden' }).scrollIntoViewIfNeeded();
    await checkScreen(page, 'report-merged');

    // The measures part of the bundle (issue 13 item 8): every figure equals the CLI's merge,
    // small counts marked as there.
    expect(cli.measures).toBeTruthy();
    const mergedMeasures = merged.getByRole('region', { name: 'Tiltak, samlet fra nøkkeltallsfilene' });
    for (const [title, rows] of MEASURE_SECTIONS) {
      const table = mergedMeasures.getByRole('region', { name: title, exact: true }).getByRole('table');
      for (const [label, p] of rows) {
        const tr = table
          .locator('tr')
          .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
        expect(await tr.getByRole('cell').allInnerTexts(), `${title}: ${label}`).toEqual([
          measureCell(cli.measures.groups[0], p),
        ]);
      }
    }
    await mergedMeasures.getByRole('heading', { name: 'Barrierer etter nivå' }).scrollIntoViewIfNeeded();
    await checkScreen(page, 'report-merged-measures');

    const pdfDownload = page.waitForEvent('download');
    await merged.getByRole('button', { name: 'Last ned samlet PDF' }).click();
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toMatch(/^ventetider-samlet-.*\.pdf$/);
    const { stdout: pdfText } = await run('pdftotext', ['-layout', await pdf.path(), '-']);
    expect(pdfText).toContain(jwks.keys[0].kid);

    // One service: small counts are suppressed, shown as «<5» and «:», as the CLI marks them.
    await page.getByLabel('Tjeneste').selectOption('Skoleteam');
    await metrics.getByRole('button', { name: 'Slå sammen', exact: true }).click();
    await expect(merged).toBeVisible();
    const small = await bro(['metrics', 'merge', bundlePath, '--trust', keyPath, '--service', 'Skoleteam']);
    const sg = small.groups[0];
    expect(sg.suppressed.length).toBeGreaterThan(0);
    expect(await rowCells(figures, 'Ventetid, fikk første kontakt')).toEqual(row(sg.ventetid.completed));
    expect(await rowCells(figures, 'Ventetid, venter fortsatt')).toEqual(row(sg.ventetid.waiting));
    expect(await rowCells(figures, 'Saksbehandlingstid, ferdig behandlet')).toEqual(
      row(sg.saksbehandlingstid.completed),
    );
    expect(await rowCells(figures, 'Fra bekymring til henvisning')).toEqual(row(sg.signalToReferral));
    await expect(merged.getByText(/«<5» betyr færre enn fem henvisninger/)).toBeVisible();
    await expect(figures.getByRole('cell', { name: '<5', exact: true }).first()).toBeVisible();
    await figures.scrollIntoViewIfNeeded();
    await checkScreen(page, 'report-merged-suppressed');

    // One changed character in the signed payload: refused in Norwegian, nothing merged.
    const jws = readFileSync(bundlePath, 'utf8').trim();
    const [h, p, s] = jws.split('.') as [string, string, string];
    const i = Math.floor(p.length / 2);
    const changed = `${h}.${p.slice(0, i)}${p[i] === 'A' ? 'B' : 'A'}${p.slice(i + 1)}.${s}`;
    const tamperedPath = path.join(app.root, 'endret.jws');
    writeFileSync(tamperedPath, changed);
    await metrics.getByLabel('Nøkkeltallsfiler (.jws)').setInputFiles([bundlePath, tamperedPath]);
    await metrics.getByRole('button', { name: 'Slå sammen', exact: true }).click();
    const alert = metrics.getByRole('alert');
    await expect(alert).toContainText('Nøkkeltallene ble ikke slått sammen. Ingenting er endret.');
    await expect(alert).toContainText('endret.jws: signaturen stemmer ikke');
    await expect(merged).toHaveCount(0);
    await checkScreen(page, 'report-merge-refused');

    // A trust list that names another vault's key only: our bundle is refused.
    const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
    const otherJwk = { kty: 'OKP', crv: 'Ed25519', x: other.x! };
    const otherList = { keys: [{ ...otherJwk, kid: await calculateJwkThumbprint(otherJwk, 'sha256') }] };
    await metrics.getByLabel('Tillitsliste (JWKS, .json)').setInputFiles({
      name: 'andre.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(otherList)),
    });
    await metrics.getByLabel('Nøkkeltallsfiler (.jws)').setInputFiles([bundlePath]);
    await metrics.getByRole('button', { name: 'Slå sammen', exact: true }).click();
    await expect(alert).toContainText('a.jws: fila er signert med en nøkkel som ikke står i lista');
  });
});
