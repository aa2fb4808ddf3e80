// `bro report outcomes` end to end: the real CLI entry in-process on a real demo vault in a temp
// folder, with the files read back (CSV as text, XLSX with exceljs, PDF with pdftotext), and the
// outcomes part of the signed metrics bundle merged back.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, createHandlers } from '../../electron/services/handlers';
import { signMetrics } from '../../electron/services/reports/metrics';
import { Session } from '../../electron/services/session';
import type { MetricsPayload2 } from '../../shared/waiting/metrics';
import type { OutcomeGroup, OutcomesReport } from '../../shared/outcomes/report';
import { COUNT_PATHS, outcomeCount } from '../../shared/outcomes/suppress';
import { runCli, tempDirs } from './helpers/cli';

const run = promisify(execFile);
const PASS = 'synt-etisk passord 2026';
const TODAY = '2026-11-20';
const tempDir = tempDirs('bro-outcomes-test-');
const bro = (args: string[]) => runCli([...args, '--today', TODAY], { BRO_PASSPHRASE: PASS });
const YEAR = ['--from', '2025-08-01', '--to', '2026-11-30'];

let demo: string;
let root: string;
beforeAll(async () => {
  root = tempDir();
  demo = path.join(root, 'demo');
  expect((await bro(['demo', demo, '--cases', '80', '--seed', 'outcomes'])).code).toBe(0);
});

/** No count of 1–4 is ever shown; every hidden count is listed; a median goes with its n. */
function checkSuppressed(g: OutcomeGroup) {
  for (const p of COUNT_PATHS) {
    const v = outcomeCount(g, p);
    if (v === null) expect(g.suppressed).toContain(p);
    else expect(v === 0 || v >= 5, `${g.key} ${p} = ${v}`).toBe(true);
  }
  for (const s of [g.absence.referral, g.absence.firstContact, g.absence.closing, g.lag])
    if (s.n === null) expect([s.median, s.mean]).toEqual([null, null]);
}

describe('bro report outcomes', () => {
  it('gives non-trivial figures as JSON, suppressed, per school and per service with totals', async () => {
    const all = await bro(['report', 'outcomes', demo, ...YEAR, '--json']);
    expect(all.code).toBe(0);
    const r = all.json as OutcomesReport;
    expect(r).toMatchObject({
      from: '2025-08-01',
      to: '2026-11-30',
      measuredTo: TODAY,
      by: null,
      totals: null,
    });
    expect(r.suppression).toEqual({ below: 5 });
    const g = r.groups[0]!;
    expect(g.closed).toBeGreaterThanOrEqual(20);
    expect(g.absence.referral.n).toBeGreaterThanOrEqual(10);
    expect(g.absence.closing.median).not.toBeNull();
    expect(g.lag.median).toBeGreaterThan(0);
    checkSuppressed(g);
    for (const by of ['school', 'service']) {
      const grouped = (await bro(['report', 'outcomes', demo, ...YEAR, '--by', by, '--json']))
        .json as OutcomesReport;
      expect(grouped.groups.length, by).toBeGreaterThan(1);
      // The totals row is the ungrouped report's group.
      const { key: _k, ...t } = grouped.totals!;
      const { key: _a, ...a } = g;
      expect(t).toEqual(a);
      for (const x of [...grouped.groups, grouped.totals!]) checkSuppressed(x);
    }
  });

  it('writes CSV for Norwegian Excel, XLSX and PDF with the same figures', async () => {
    const json = (await bro(['report', 'outcomes', demo, ...YEAR, '--by', 'service', '--json']))
      .json as OutcomesReport;
    const csv = await bro(['report', 'outcomes', demo, ...YEAR, '--by', 'service', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.out.startsWith('\uFEFFGruppe;Fra;Til;Avsluttede henvisninger;Tilbake på skolen: helt;')).toBe(
      true,
    );
    const lines = csv.out.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(json.groups.length + 2);
    const sum = lines.at(-1)!.split(';');
    expect(sum[0]).toBe('Sum');
    expect(sum[3]).toBe(String(json.totals!.closed));
    expect(csv.out).toMatch(/;<5;/);

    const xlsx = path.join(root, 'utfall.xlsx');
    const x = await bro([
      'report',
      'outcomes',
      demo,
      ...YEAR,
      '--by',
      'service',
      '--format',
      'xlsx',
      '--out',
      xlsx,
    ]);
    expect(x.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('Utfall')!;
    expect(ws.getCell(1, 4).value).toBe('Avsluttede henvisninger');
    expect(ws.rowCount).toBe(json.groups.length + 2);
    expect(ws.getCell(json.groups.length + 2, 4).value).toBe(json.totals!.closed);
    expect(wb.getWorksheet('Definisjoner')!.getCell(3, 1).value).toBe('Avsluttede henvisninger');

    const pdf = path.join(root, 'utfall.pdf');
    expect((await bro(['report', 'outcomes', demo, ...YEAR, '--format', 'pdf', '--out', pdf])).code).toBe(0);
    const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
    expect(text).toContain('Utfall');
    expect(text).toContain('Avsluttede henvisninger etter utfall');
    expect(text).toContain('tidligste daterte tegnet');
  });

  it('goes into the signed metrics bundle without dates, and the merge gives the same report', async () => {
    const bundle = path.join(root, 'b.jws');
    const trust = path.join(root, 'trust.json');
    expect((await bro(['metrics', 'export', demo, ...YEAR, '--out', bundle])).code).toBe(0);
    expect((await bro(['metrics', 'key', demo, '--out', trust])).code).toBe(0);
    const payload = JSON.parse(
      Buffer.from(readFileSync(bundle, 'utf8').trim().split('.')[1]!, 'base64url').toString(),
    );
    expect(payload.outcomes.rows.length).toBeGreaterThanOrEqual(20);
    expect(JSON.stringify(payload.outcomes)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const merged = await bro(['metrics', 'merge', bundle, '--trust', trust, '--json']);
    expect(merged.code).toBe(0);
    const { skipped: _s, ...own } = (await bro(['report', 'outcomes', demo, ...YEAR, '--json'])).json;
    expect(merged.json.outcomes).toEqual(own);
    // Per school: the same totals; the groups are the vault's pseudonyms (or «(prikket)»).
    const bySchool = await bro(['metrics', 'merge', bundle, '--trust', trust, '--by', 'school', '--json']);
    const ownSchool = (await bro(['report', 'outcomes', demo, ...YEAR, '--by', 'school', '--json'])).json;
    expect(bySchool.json.outcomes.totals).toEqual(ownSchool.totals);
    expect(bySchool.json.outcomes.groups.every((g: OutcomeGroup) => /^S-|^\(/.test(g.key))).toBe(true);
  });

  it('a bundle without the outcomes part (made before it existed) still merges, with no outcomes in the merge', async () => {
    const bundle = path.join(root, 'new.jws');
    const trust = path.join(root, 'trust2.json');
    expect((await bro(['metrics', 'export', demo, ...YEAR, '--out', bundle])).code).toBe(0);
    expect((await bro(['metrics', 'key', demo, '--out', trust])).code).toBe(0);
    const payload = JSON.parse(
      Buffer.from(readFileSync(bundle, 'utf8').trim().split('.')[1]!, 'base64url').toString(),
    ) as MetricsPayload2;
    const { outcomes: _o, ...older } = payload;
    // Signed by the same vault's key, as an export before this report would have been.
    const session = new Session({ kdf: { N: 2 ** 12, r: 8, p: 1 }, today: TODAY });
    const h = createHandlers(session);
    await call(h, 'vault.unlock', { dir: demo, passphrase: PASS });
    const key = await session.requireVault().vaultSigningKey();
    const olderFile = path.join(root, 'older.jws');
    writeFileSync(olderFile, await signMetrics(older, key));
    await call(h, 'vault.lock', {});
    const a = await bro(['metrics', 'merge', olderFile, '--trust', trust, '--json']);
    expect(a.code).toBe(0);
    expect(a.json.outcomes).toBeUndefined();
    expect(a.json.measures).toBeDefined();
    // With the new bundle beside it, the merge reports outcomes from the part that exists.
    const b = await bro(['metrics', 'merge', olderFile, bundle, '--trust', trust, '--json']);
    expect(b.code).toBe(0);
    expect(b.json.outcomes.groups[0].closed).toBe(payload.outcomes!.rows.length);
  });

  it('refuses a bad grouping or period with its code, and says how it is used', async () => {
    const q = await bro(['report', 'outcomes', demo, ...YEAR, '--by', 'month', '--json']);
    expect(q.code).toBe(3);
    expect(q.json.error.issues).toEqual([expect.objectContaining({ path: 'by' })]);
    const order = await bro([
      'report',
      'outcomes',
      demo,
      '--from',
      '2026-05-01',
      '--to',
      '2026-04-01',
      '--json',
    ]);
    expect(order.json.error.issues).toEqual([{ path: 'to', code: 'PERIOD_ORDER' }]);
    expect((await bro(['report', 'outcomes', demo, '--from', '2026-05-01'])).code).toBe(2);
    expect((await bro(['report', '--help'])).out + (await bro(['help'])).out).toContain('report outcomes');
  });
});
