// `bro report measures` end to end: the real CLI entry in-process on a real demo vault in a temp
// folder, with the files read back (CSV as text, XLSX with exceljs, PDF with pdftotext).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MeasureGroup, MeasuresReport } from '../../shared/measures/report';
import { groupValue } from '../../shared/measures/table';
import { runCli, tempDirs } from './helpers/cli';

const run = promisify(execFile);
const PASS = 'synt-etisk passord 2026';
const TODAY = '2026-11-20';
const tempDir = tempDirs('bro-measures-test-');
const bro = (args: string[]) => runCli([...args, '--today', TODAY], { BRO_PASSPHRASE: PASS });
const YEAR = ['--from', '2025-08-01', '--to', '2026-11-30'];

const PATHS = [
  'total',
  'evaluationsDue',
  'evaluatedOnTime',
  'answers.done',
  'answers.changed',
  'answers.cannot',
  'answers.none',
  'reportedByBoth',
  'disagreements',
];

let demo: string;
let root: string;
beforeAll(async () => {
  root = tempDir();
  demo = path.join(root, 'demo');
  expect((await bro(['demo', demo, '--cases', '80', '--seed', 'measures'])).code).toBe(0);
});

/** No count of 1–4 is ever shown, and every hidden figure is listed with why. */
function checkSuppressed(g: MeasureGroup) {
  for (const p of PATHS) {
    const v = groupValue(g, p);
    if (v === null) expect(g.suppressed).toContain(p);
    else expect(v === 0 || v >= 5, `${g.key} ${p} = ${v}`).toBe(true);
  }
}

describe('bro report measures', () => {
  it('gives the figures as JSON, suppressed, and the same figures per school add up to the totals', async () => {
    const all = await bro(['report', 'measures', demo, ...YEAR, '--json']);
    expect(all.code).toBe(0);
    const r = all.json as MeasuresReport & { skipped: unknown[] };
    expect(r).toMatchObject({
      from: '2025-08-01',
      to: '2026-11-30',
      measuredTo: TODAY,
      by: null,
      totals: null,
    });
    expect(r.suppression).toEqual({ below: 5 });
    expect(r.groups).toHaveLength(1);
    const g = r.groups[0]!;
    expect(g.total).toBeGreaterThanOrEqual(5);
    expect(g.evaluationsDue).toBeGreaterThanOrEqual(5);
    checkSuppressed(g);

    const bySchool = (await bro(['report', 'measures', demo, ...YEAR, '--by', 'school', '--json']))
      .json as MeasuresReport;
    expect(bySchool.groups.length).toBeGreaterThan(1);
    // The totals row is the ungrouped report's group, wherever both show a figure.
    for (const p of PATHS) {
      const a = groupValue(g, p);
      const t = groupValue(bySchool.totals!, p);
      if (a !== null && t !== null) expect(t, p).toBe(a);
    }
    // Some cells hidden, some shown: the demo makes suppression visible.
    const cells = bySchool.groups.flatMap((x) => PATHS.map((p) => groupValue(x, p)));
    expect(cells.some((v) => v === null)).toBe(true);
    expect(cells.some((v) => v !== null && v >= 5)).toBe(true);
    for (const x of [...bySchool.groups, bySchool.totals!]) checkSuppressed(x);
    // Where every school's figure is shown, they add up to the total.
    for (const p of PATHS) {
      const vs = bySchool.groups.map((x) => groupValue(x, p));
      if (vs.every((v) => v !== null) && groupValue(bySchool.totals!, p) !== null)
        expect(
          vs.reduce((s, v) => s! + v!, 0),
          p,
        ).toBe(groupValue(bySchool.totals!, p));
    }

    const months = (await bro(['report', 'measures', demo, ...YEAR, '--by', 'month', '--json']))
      .json as MeasuresReport;
    expect(months.groups.map((x) => x.key)).toHaveLength(16);
    expect(months.groups[0]).toMatchObject({ key: '2025-08', from: '2025-08-01', to: '2025-08-31' });
    expect(months.groups.at(-1)).toMatchObject({ key: '2026-11', to: TODAY });
  });

  it('writes CSV for Norwegian Excel, XLSX and PDF with the same figures', async () => {
    const json = (await bro(['report', 'measures', demo, ...YEAR, '--by', 'school', '--json']))
      .json as MeasuresReport;
    const csv = await bro(['report', 'measures', demo, ...YEAR, '--by', 'school', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.out.startsWith('\uFEFFGruppe;Fra;Til;Tiltak aktive i perioden;')).toBe(true);
    const lines = csv.out.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(json.groups.length + 2);
    const sum = lines.at(-1)!.split(';');
    expect(sum[0]).toBe('Sum');
    expect(sum[3]).toBe(json.totals!.total === null ? '<5' : String(json.totals!.total));
    expect(csv.out).toMatch(/;<5;|;:;/);

    const xlsx = path.join(root, 'tiltak.xlsx');
    expect(
      (await bro(['report', 'measures', demo, ...YEAR, '--by', 'school', '--format', 'xlsx', '--out', xlsx]))
        .code,
    ).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('Tiltak')!;
    expect(ws.getCell(1, 4).value).toBe('Tiltak aktive i perioden');
    expect(ws.rowCount).toBe(json.groups.length + 2);
    expect(wb.getWorksheet('Definisjoner')!.getCell(3, 1).value).toBe('Tiltak aktive i perioden');

    const pdf = path.join(root, 'tiltak.pdf');
    expect((await bro(['report', 'measures', demo, ...YEAR, '--format', 'pdf', '--out', pdf])).code).toBe(0);
    const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
    expect(text).toContain('Tiltak');
    expect(text).toContain('Evaluert i tide');
    expect(text).toContain('fra 14 dager før den planlagte datoen');
  });

  it('goes into the signed metrics bundle without dates, and the merge gives the same report', async () => {
    const bundle = path.join(root, 'b.jws');
    const trust = path.join(root, 'trust.json');
    expect((await bro(['metrics', 'export', demo, ...YEAR, '--out', bundle])).code).toBe(0);
    expect((await bro(['metrics', 'key', demo, '--out', trust])).code).toBe(0);
    const payload = JSON.parse(
      Buffer.from(readFileSync(bundle, 'utf8').trim().split('.')[1]!, 'base64url').toString(),
    );
    expect(payload.measures.rows.length).toBeGreaterThan(20);
    expect(JSON.stringify(payload.measures)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    for (const by of [[], ['--by', 'month']]) {
      const merged = await bro(['metrics', 'merge', bundle, '--trust', trust, ...by, '--json']);
      expect(merged.code).toBe(0);
      const { skipped: _s, ...own } = (await bro(['report', 'measures', demo, ...YEAR, ...by, '--json']))
        .json;
      expect(merged.json.measures).toEqual(own);
    }
    // Per school: the same figures under the vault's pseudonyms (or «(prikket)» for a rare one).
    const merged = await bro(['metrics', 'merge', bundle, '--trust', trust, '--by', 'school', '--json']);
    const own = (await bro(['report', 'measures', demo, ...YEAR, '--by', 'school', '--json'])).json;
    expect(merged.json.measures.totals).toEqual(own.totals);
    expect(merged.json.measures.groups.every((g: MeasureGroup) => /^S-|^\(/.test(g.key))).toBe(true);
  });

  it('refuses a bad grouping or period with its code, and says how it is used', async () => {
    const q = await bro(['report', 'measures', demo, ...YEAR, '--by', 'quarter', '--json']);
    expect(q.code).toBe(3);
    expect(q.json.error.issues).toEqual([expect.objectContaining({ path: 'by' })]);
    const order = await bro([
      'report',
      'measures',
      demo,
      '--from',
      '2026-05-01',
      '--to',
      '2026-04-01',
      '--json',
    ]);
    expect(order.json.error.issues).toEqual([{ path: 'to', code: 'PERIOD_ORDER' }]);
    expect((await bro(['report', 'measures', demo, '--from', '2026-05-01'])).code).toBe(2);
  });
});
