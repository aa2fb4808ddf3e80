// The waiting-time commands end to end: the real CLI entry (`main`) in-process, real vaults in
// temp folders, real files read back (CSV as text, XLSX with exceljs, PDF with pdftotext).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, createHandlers } from '../../electron/services/handlers';
import { foldAllCases } from '../../electron/services/reports/cases';
import { schoolPseudonyms, signMetrics } from '../../electron/services/reports/metrics';
import { Session } from '../../electron/services/session';
import { metricsRows1, type MetricsPayload1 } from '../../shared/waiting/metrics';
import { caseRecords } from '../../shared/waiting/records';
import { runCli, tempDirs } from './helpers/cli';
import { marchCases } from './helpers/march-cases';

const run = promisify(execFile);
const PASS = 'synt-etisk passord 2026';
const TODAY = '2026-11-20';
const tempDir = tempDirs('bro-waiting-test-');
const bro = (args: string[]) => runCli([...args, '--today', TODAY], { BRO_PASSPHRASE: PASS });

const pdfText = async (file: string) => (await run('pdftotext', ['-layout', file, '-'])).stdout;

let demo: string; // 60 synthetic cases
let imported: string; // the hand-computed cases
const MARCH = ['--from', '2026-03-01', '--to', '2026-03-31'];

beforeAll(async () => {
  const root = tempDir();
  demo = path.join(root, 'demo');
  expect((await bro(['demo', demo, '--cases', '60', '--seed', 'waiting'])).code).toBe(0);
  imported = path.join(root, 'imported');
  expect((await bro(['vault', 'init', imported])).code).toBe(0);
  const file = path.join(root, 'march.json');
  writeFileSync(file, JSON.stringify(marchCases()));
  const r = await bro(['import', imported, file, '--json']);
  expect(r.json).toMatchObject({ ok: true, created: 7 });
});

describe('bro days / bro deadline', () => {
  it('counts calendar and working days (from < d ≤ to), Saturday optional', async () => {
    expect((await bro(['days', '2026-03-27', '2026-04-15', '--json'])).json).toEqual({
      calendarDays: 19,
      workingDays: 10,
    });
    // Saturdays 28 March, 4 April (Easter Saturday is no holiday) and 11 April.
    expect((await bro(['days', '2026-03-27', '2026-04-15', '--saturday', '--json'])).json).toEqual({
      calendarDays: 19,
      workingDays: 13,
    });
    const text = await bro(['days', '2026-03-02', '2026-03-09']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('7 kalenderdager, 5 virkedager');
  });

  it('gives the N-th working day after a date', async () => {
    expect((await bro(['deadline', '2026-03-27', '10', '--json'])).json).toEqual({ date: '2026-04-15' });
    expect((await bro(['deadline', '2027-05-14', '1', '--json'])).json).toEqual({ date: '2027-05-18' });
    expect((await bro(['deadline', '2027-05-14', '1', '--saturday', '--json'])).json).toEqual({
      date: '2027-05-15',
    });
  });

  it('refuses dates out of order, impossible dates and bad counts', async () => {
    const order = await bro(['days', '2026-04-15', '2026-03-27', '--json']);
    expect(order.code).toBe(3);
    expect(order.json.error).toEqual({
      code: 'VALIDATION',
      issues: [{ path: 'to', code: 'DATE_ORDER' }],
      detail: {},
    });
    const text = await bro(['days', '2026-04-15', '2026-03-27']);
    expect(text.err).toContain('til-datoen kan ikke være før fra-datoen');
    expect((await bro(['days', '2026-02-30', '2026-03-02', '--json'])).json.error.issues).toEqual([
      { path: 'from', code: 'DATE_INVALID' },
    ]);
    for (const n of ['0', 'ti', '2.5'])
      expect((await bro(['deadline', '2026-03-27', n, '--json'])).code).toBe(3);
    expect((await bro(['deadline', '2026-03-27', '-3'])).code).toBe(2); // read as an unknown option
    expect((await bro(['deadline', '2200-12-30', '5', '--json'])).json.error.issues).toEqual([
      { path: 'n', code: 'DATE_OUT_OF_RANGE' },
    ]);
    expect((await bro(['days', '2026-03-27'])).code).toBe(2);
  });
});

describe('bro tasks', () => {
  it('lists each task with case, kind, due date and rule, as of a date', async () => {
    const r = await bro(['tasks', imported, '--as-of', '2026-11-16', '--json']);
    expect(r.code).toBe(0);
    expect(r.json.asOf).toBe('2026-11-16');
    const byCase = (c: string) =>
      r.json.tasks
        .filter((t: { case: string }) => t.case === c)
        .map((t: Record<string, unknown>) => [t.kind, t.due, t.status, t.rule]);
    // c-7: BUP received Friday 30 October 2026, not decided: 10 working days → 13 November.
    // Its innsynskrav of 1 October was due 1 November. Its foreløpig svar is due 30 November.
    expect(byCase('c-7')).toEqual([
      ['accessRequest', '2026-11-01', 'overdue', 'innsyn-one-month'],
      ['decision', '2026-11-13', 'overdue', 'pasrl-2-2-assessment'],
      ['provisionalReply', '2026-11-30', 'due', 'fvl-11a-provisional-reply'],
    ]);
    // c-2: PPT received 16 February, never concluded: the foreløpig svar was due 16 March.
    expect(byCase('c-2')).toEqual([
      ['provisionalReply', '2026-03-16', 'overdue', 'fvl-11a-provisional-reply'],
    ]);
    for (const t of r.json.tasks)
      expect(Object.keys(t)).toEqual(expect.arrayContaining(['case', 'kind', 'due', 'rule', 'ruleText']));
  });

  it('reproduces an earlier day: as of 17 March, c-4 still waited for its first contact', async () => {
    const r = await bro(['tasks', imported, '--as-of', '2026-03-17', '--json']);
    const c4 = r.json.tasks.filter((t: { case: string }) => t.case === 'c-4');
    expect(c4.map((t: { kind: string; due: string; status: string }) => [t.kind, t.due, t.status])).toEqual([
      ['firstContactTarget', '2026-03-24', 'due'],
    ]);
  });

  it('works on a demo vault, as text too', async () => {
    const r = await bro(['tasks', demo, '--json']);
    expect(r.code).toBe(0);
    expect(r.json.tasks.length).toBeGreaterThan(0);
    expect(new Set(r.json.tasks.map((t: { kind: string }) => t.kind)).size).toBeGreaterThan(2);
    const text = await bro(['tasks', demo]);
    expect(text.out).toMatch(/^Oppgaver per 20\.11\.2026: \d+/);
    expect((await bro(['tasks', demo, '--as-of', '2026-13-01', '--json'])).code).toBe(3);
  });
});

describe('bro report waiting', () => {
  it('gives the hand-computed figures for imported cases (--json)', async () => {
    const r = await bro(['report', 'waiting', imported, ...MARCH, '--json']);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ from: '2026-03-01', to: '2026-03-31', unit: 'calendar' });
    expect(r.json.groups).toHaveLength(1);
    const g = r.json.groups[0];
    expect(g.key).toBe('all');
    expect(g.ventetid).toEqual({
      completed: { n: 3, mean: 29, median: 21, p90: 56, max: 56, withinTarget: 0.5 },
      waiting: { n: 1, mean: 43, median: 43, p90: 43, max: 43, withinTarget: null },
    });
    expect(g.saksbehandlingstid).toEqual({
      completed: { n: 1, mean: 85, median: 85, p90: 85, max: 85, withinTarget: 1 },
      waiting: { n: 3, mean: 31, median: 29, p90: 43, max: 43, withinTarget: 1 },
    });
    expect(g.fristbrudd).toBe(1);
    expect(g.caseworkerChanges).toMatchObject({ referrals: 6, changes: 1, daysWithoutCaseworker: 9 });
    expect(r.json.openReferrals.map((o: { case: string; days: number }) => [o.case, o.days])).toEqual([
      ['c-2', 43],
    ]);
  });

  it('counts working days with --workdays and filters with --service', async () => {
    const w = await bro(['report', 'waiting', imported, ...MARCH, '--workdays', '--json']);
    expect(w.json.unit).toBe('working');
    expect(w.json.groups[0].ventetid.completed).toEqual({
      n: 3,
      mean: 21,
      median: 15,
      p90: 40,
      max: 40,
      withinTarget: 0.5,
    });
    const bup = await bro(['report', 'waiting', imported, ...MARCH, '--service', 'BUP', '--json']);
    expect(bup.json.groups[0].ventetid.completed).toMatchObject({ n: 1, median: 21, withinTarget: 0 });
  });

  it('groups by month, quarter, school, referrer and caseworker changes', async () => {
    const month = await bro([
      'report',
      'waiting',
      demo,
      '--from',
      '2026-01-01',
      '--to',
      '2026-06-30',
      '--by',
      'month',
      '--json',
    ]);
    expect(month.json.groups.map((g: { key: string }) => g.key)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    const quarter = await bro([
      'report',
      'waiting',
      demo,
      '--from',
      '2026-01-01',
      '--to',
      '2026-06-30',
      '--by',
      'quarter',
      '--json',
    ]);
    expect(quarter.json.groups.map((g: { key: string }) => g.key)).toEqual(['2026-Q1', '2026-Q2']);
    const school = await bro(['report', 'waiting', imported, ...MARCH, '--by', 'school', '--json']);
    expect(school.json.groups.map((g: { key: string }) => g.key)).toEqual([
      'Berg skole',
      'Dal skole',
      'Hov skole',
    ]);
    const referrer = await bro(['report', 'waiting', imported, ...MARCH, '--by', 'referrer', '--json']);
    expect(referrer.json.groups.map((g: { key: string }) => g.key)).toEqual(['fastlege', 'skole']);
    const changes = await bro([
      'report',
      'waiting',
      imported,
      ...MARCH,
      '--by',
      'caseworker-changes',
      '--json',
    ]);
    expect(
      changes.json.groups.map((g: { key: string; caseworkerChanges: { referrals: number } }) => [
        g.key,
        g.caseworkerChanges.referrals,
      ]),
    ).toEqual([
      ['0', 5],
      ['1', 1],
    ]);
  });

  it('writes CSV that Norwegian Excel reads: BOM, semicolons, decimal commas', async () => {
    const out = path.join(tempDir(), 'ventetid.csv');
    const r = await bro([
      'report',
      'waiting',
      imported,
      ...MARCH,
      '--workdays',
      '--format',
      'csv',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    const header = lines[0]!.split(';');
    const row = lines[1]!.split(';');
    expect(header.slice(0, 5)).toEqual(['Gruppe', 'Fra', 'Til', 'Enhet', 'Ventetid avsluttet – antall']);
    expect(row).toHaveLength(header.length);
    const cell = (h: string) => row[header.indexOf(h)];
    expect(cell('Gruppe')).toBe('all');
    expect(cell('Enhet')).toBe('virkedager');
    expect(cell('Saksbehandlingstid venter – gjennomsnitt')).toBe('22,33');
    expect(cell('Ventetid avsluttet – andel innen mål (%)')).toBe('50');
    expect(cell('Bytter per henvisning')).toBe('0,17');
    // Without --out the CSV goes to stdout.
    const stdout = await bro(['report', 'waiting', imported, ...MARCH, '--format', 'csv']);
    expect(stdout.out.startsWith('\uFEFFGruppe;Fra;Til;')).toBe(true);
    // The lead's innsyn figure (issue 14 item 10) follows the table after an empty line, the same as --json.
    const json = (await bro(['report', 'waiting', imported, ...MARCH, '--workdays', '--json'])).json;
    const a = json.accessRequests;
    const start = lines.indexOf('Innsynskrav;Antall');
    expect(start).toBeGreaterThan(1);
    expect(lines[start - 1]).toBe('');
    expect(lines.slice(start + 1, start + 6)).toEqual([
      `Innsynskrav mottatt i perioden;${a.received}`,
      `Av disse besvart;${a.answered}`,
      `Av disse besvart innen én måned;${a.answeredWithinMonth}`,
      `Åpne ved periodens slutt;${a.open}`,
      `Av de åpne over fristen;${a.openOverdue}`,
    ]);
  });

  it('writes XLSX that reads back with the same figures', async () => {
    const out = path.join(tempDir(), 'ventetid.xlsx');
    expect(
      (await bro(['report', 'waiting', imported, ...MARCH, '--format', 'xlsx', '--out', out])).code,
    ).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Ventetider',
      'Åpne henvisninger',
      'Innsynskrav',
      'Definisjoner',
    ]);
    const ws = wb.getWorksheet('Ventetider')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const row = (ws.getRow(2).values as unknown[]).slice(1);
    const cell = (h: string) => row[header.indexOf(h)];
    expect(cell('Gruppe')).toBe('all');
    expect(cell('Ventetid avsluttet – antall')).toBe(3);
    expect(cell('Ventetid avsluttet – median')).toBe(21);
    expect(cell('Saksbehandlingstid avsluttet – maks')).toBe(85);
    expect(cell('Fristbrudd')).toBe(1);
    const open = wb.getWorksheet('Åpne henvisninger')!;
    expect((open.getRow(2).values as unknown[]).slice(1, 6)).toEqual(['c-2', 'r-1', 'PPT', '2026-02-16', 43]);
    // The innsyn figure, as in --json.
    const a = (await bro(['report', 'waiting', imported, ...MARCH, '--json'])).json.accessRequests;
    const innsyn = wb.getWorksheet('Innsynskrav')!;
    const rows = [2, 3, 4, 5, 6].map((i) => (innsyn.getRow(i).values as unknown[]).slice(1));
    expect(rows).toEqual([
      ['Innsynskrav mottatt i perioden', a.received],
      ['Av disse besvart', a.answered],
      ['Av disse besvart innen én måned', a.answeredWithinMonth],
      ['Åpne ved periodens slutt', a.open],
      ['Av de åpne over fristen', a.openOverdue],
    ]);
  });

  it('writes a PDF with a chart per month and the figures as a table', async () => {
    const out = path.join(tempDir(), 'ventetid.pdf');
    const r = await bro([
      'report',
      'waiting',
      demo,
      '--from',
      '2026-01-01',
      '--to',
      '2026-06-30',
      '--format',
      'pdf',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(out);
    expect(text).toContain('Ventetider');
    expect(text).toContain('Ventetid per måned (median, kalenderdager)');
    for (const m of ['jan 2026', 'feb 2026', 'mar 2026', 'apr 2026', 'mai 2026', 'jun 2026'])
      expect(text).toContain(m);
    expect(text).toContain('Ventetid: fra mottatt til første kontakt');
    expect(text).toContain('Saksbehandlingstid: fra mottatt til konkludert');
    expect(text).toContain('Periode: 01.01.2026–30.06.2026');
    // The figures in the table are those of --json.
    const j = await bro(['report', 'waiting', demo, '--from', '2026-01-01', '--to', '2026-06-30', '--json']);
    const c = j.json.groups[0].ventetid.completed;
    expect(text).toMatch(new RegExp(`Alle\\s+${c.n}\\s+${String(c.median).replace('.', ',')}\\s`));
    // The innsyn figure, as in --json (the demo has requests answered in time, late and open).
    const a = j.json.accessRequests;
    expect(a.received).toBeGreaterThan(0);
    expect(text).toMatch(new RegExp(`Innsynskrav mottatt i perioden\\s+${a.received}\\s`));
    expect(text).toMatch(new RegExp(`Av disse besvart innen én måned\\s+${a.answeredWithinMonth}\\s`));
    expect(text).toMatch(new RegExp(`Åpne ved periodens slutt\\s+${a.open}\\s`));
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    const out = path.join(tempDir(), 'skal-ikke-finnes.csv');
    const backwards = await bro([
      'report',
      'waiting',
      imported,
      '--from',
      '2026-03-31',
      '--to',
      '2026-03-01',
      '--format',
      'csv',
      '--out',
      out,
      '--json',
    ]);
    expect(backwards.code).toBe(3);
    expect(backwards.json.error.issues).toEqual([{ path: 'to', code: 'PERIOD_ORDER' }]);
    const service = await bro([
      'report',
      'waiting',
      imported,
      ...MARCH,
      '--service',
      'Barnehage',
      '--out',
      out,
      '--json',
    ]);
    expect(service.code).toBe(3);
    expect(service.json.error.issues).toEqual([{ path: 'service', code: 'invalid_value' }]);
    const by = await bro(['report', 'waiting', imported, ...MARCH, '--by', 'week', '--out', out, '--json']);
    expect(by.json.error.issues).toEqual([{ path: 'by', code: 'invalid_value' }]);
    const format = await bro([
      'report',
      'waiting',
      imported,
      ...MARCH,
      '--format',
      'docx',
      '--out',
      out,
      '--json',
    ]);
    expect(format.json.error.issues).toEqual([{ path: 'format', code: 'invalid_value' }]);
    expect((await bro(['report', 'waiting', imported, ...MARCH, '--format', 'pdf'])).code).toBe(2);
    expect((await bro(['report', 'waiting', imported, '--from', '2026-03-01'])).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('suppresses small counts with --suppress', async () => {
    const r = await bro(['report', 'waiting', imported, ...MARCH, '--suppress', '--json']);
    const g = r.json.groups[0];
    expect(r.json.suppression).toEqual({ below: 5 });
    expect(r.json.openReferrals).toEqual([]);
    expect(g.ventetid.completed).toMatchObject({ n: null, median: null, suppressed: true });
    expect(g.fristbrudd).toBeNull();
    expect(g.suppressed).toContain('fristbrudd');
  });
});

describe('bro metrics', () => {
  let bundle: string;
  let trust: string;
  let foreign: string;
  let work: string;
  beforeAll(async () => {
    work = tempDir();
    bundle = path.join(work, 'demo.jws');
    trust = path.join(work, 'trust.json');
    foreign = path.join(work, 'imported.jws');
    const r = await bro([
      'metrics',
      'export',
      demo,
      '--from',
      '2026-01-01',
      '--to',
      '2026-06-30',
      '--out',
      bundle,
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(r.json.rows).toBeGreaterThan(20);
    expect((await bro(['metrics', 'key', demo, '--out', trust])).code).toBe(0);
    expect((await bro(['metrics', 'export', imported, ...MARCH, '--out', foreign])).code).toBe(0);
  });

  const payload = (file: string) =>
    JSON.parse(Buffer.from(readFileSync(file, 'utf8').trim().split('.')[1]!, 'base64url').toString('utf8'));

  it('writes a JWS signed by the vault key that merges back to the vault’s own figures', async () => {
    const jws = readFileSync(bundle, 'utf8').trim();
    expect(jws.split('.')).toHaveLength(3);
    const header = JSON.parse(Buffer.from(jws.split('.')[0]!, 'base64url').toString());
    const key = JSON.parse(readFileSync(trust, 'utf8')).keys[0];
    expect(header).toMatchObject({ alg: 'EdDSA', typ: 'bro-metrics+jws', kid: key.kid });
    const merged = await bro(['metrics', 'merge', bundle, '--trust', trust, '--json']);
    expect(merged.code).toBe(0);
    expect(merged.json.sources).toEqual([
      { kid: key.kid, rows: payload(bundle).rows.length, format: 'bro-metrics/2', exported: TODAY },
    ]);
    const own = await bro([
      'report',
      'waiting',
      demo,
      '--from',
      '2026-01-01',
      '--to',
      '2026-06-30',
      '--json',
    ]);
    // Figures over five or more referrals are the vault's own; smaller ones are suppressed.
    type Block = { n: number | null };
    type Group = Record<'ventetid' | 'saksbehandlingstid', { completed: Block; waiting: Block }>;
    const blocks = (g: Group) => [
      g.ventetid.completed,
      g.ventetid.waiting,
      g.saksbehandlingstid.completed,
      g.saksbehandlingstid.waiting,
    ];
    const ours = blocks(own.json.groups[0]);
    const theirs = blocks(merged.json.groups[0]);
    expect(ours.some((b) => (b.n ?? 0) >= 5)).toBe(true);
    ours.forEach((b, i) => {
      if (b.n === 0 || (b.n ?? 0) >= 5) expect(theirs[i]).toEqual(b);
      else expect(theirs[i]).toMatchObject({ n: null, suppressed: true });
    });
  });

  it('carries no names, birth dates, school names or free text', async () => {
    const exported = path.join(work, 'plain.json');
    expect((await bro(['export', demo, exported])).code).toBe(0);
    const file = JSON.parse(readFileSync(exported, 'utf8'));
    const secrets = new Set<string>();
    for (const c of file.cases) {
      secrets.add(c.pupil.name);
      secrets.add(c.pupil.school);
      if (c.pupil.birthDate) secrets.add(c.pupil.birthDate);
      if (c.pupil.coordinator?.name) secrets.add(c.pupil.coordinator.name);
      for (const g of c.guardians ?? []) secrets.add(g.name);
      for (const a of c.assignments ?? []) secrets.add(a.caseworker);
      for (const r of c.referrals ?? []) secrets.add(r.reason);
      for (const m of c.recommendations ?? []) secrets.add(m.what);
      if (c.pupilVoice) secrets.add(c.pupilVoice);
      if (c.parentsView) secrets.add(c.parentsView);
      secrets.add(c.id);
    }
    const text = JSON.stringify(payload(bundle));
    const found = [...secrets].filter((s) => text.includes(s));
    expect(found).toEqual([]);
    const rowKeys = new Set(payload(bundle).rows.flatMap((r: object) => Object.keys(r)));
    expect([...rowKeys].sort()).toEqual(
      [
        'caseworkerChanges',
        'fristbrudd',
        'months',
        'referredBy',
        'school',
        'service',
        'signalToReferral',
        'status',
        'suppressed',
      ].sort(),
    );
    // No calendar date anywhere in the rows: durations, months and categories only.
    expect(JSON.stringify(payload(bundle).rows)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    for (const r of payload(bundle).rows) if (r.school !== null) expect(r.school).toMatch(/^S-[A-Z2-7]{10}$/);
  });

  it('merges an old bro-metrics/1 bundle of the same vault to the same report as the new one', async () => {
    // A /1 bundle as the previous export wrote it, signed by the same vault's key.
    const session = new Session({ kdf: { N: 2 ** 12, r: 8, p: 1 }, today: TODAY });
    const h = createHandlers(session);
    await call(h, 'vault.unlock', { dir: demo, passphrase: PASS });
    const vault = session.requireVault();
    const key = await vault.vaultSigningKey();
    const { states } = await foldAllCases(vault);
    const records = states.flatMap((s) => caseRecords(s.caseId, s.doc, TODAY));
    const period = { from: '2026-01-01', to: '2026-06-30', measuredTo: '2026-06-30' };
    const old: MetricsPayload1 = {
      format: 'bro-metrics/1',
      kid: key.kid,
      period,
      exported: TODAY,
      calendar: { saturday: false },
      suppression: { below: 5 },
      rows: metricsRows1(records, { from: period.from, at: period.to }, schoolPseudonyms(key)),
    };
    const oldFile = path.join(work, 'old.jws');
    writeFileSync(oldFile, await signMetrics(old, key));
    await call(h, 'vault.lock', {});
    expect(old.rows).toHaveLength(payload(bundle).rows.length);
    for (const by of [[], ['--by', 'month'], ['--by', 'school'], ['--by', 'caseworker-changes']])
      for (const unit of [[], ['--workdays']]) {
        const a = await bro(['metrics', 'merge', oldFile, '--trust', trust, ...by, ...unit, '--json']);
        const b = await bro(['metrics', 'merge', bundle, '--trust', trust, ...by, ...unit, '--json']);
        expect(a.code).toBe(0);
        const { sources: _a, ...reportA } = a.json;
        // The measures and outcomes parts are new in /2 bundles (shared/measures/metrics.ts,
        // shared/outcomes/metrics.ts); /1 had none.
        const { sources: _b, measures: _m, outcomes: _o, ...reportB } = b.json;
        expect(reportA).toEqual(reportB);
        expect(reportA.groups.length).toBeGreaterThan(0);
      }
    // Both versions in one merge.
    const both = await bro(['metrics', 'merge', oldFile, bundle, '--trust', trust, '--json']);
    expect(both.json.sources.map((x: { format: string }) => x.format)).toEqual([
      'bro-metrics/1',
      'bro-metrics/2',
    ]);
  });

  it('suppresses and marks counts under 5, in the bundle and in the merge', async () => {
    // Seven referrals in three schools: every school is shared by fewer than five rows.
    const rows = payload(foreign).rows;
    expect(
      rows.every(
        (r: { school: null; suppressed: string[] }) => r.school === null && r.suppressed.includes('school'),
      ),
    ).toBe(true);
    const foreignTrust = path.join(work, 'both.json');
    const keys = [JSON.parse(readFileSync(trust, 'utf8')).keys[0]];
    const imp = path.join(work, 'imp-key.json');
    await bro(['metrics', 'key', imported, '--out', imp]);
    keys.push(JSON.parse(readFileSync(imp, 'utf8')).keys[0]);
    writeFileSync(foreignTrust, JSON.stringify({ keys }));
    const merged = await bro(['metrics', 'merge', foreign, '--trust', foreignTrust, '--json']);
    expect(merged.code).toBe(0);
    const g = merged.json.groups[0];
    expect(merged.json.suppression).toEqual({ below: 5 });
    expect(g.ventetid.completed).toEqual({
      n: null,
      mean: null,
      median: null,
      p90: null,
      max: null,
      withinTarget: null,
      suppressed: true,
    });
    expect(g.fristbrudd).toBeNull();
    expect(g.suppressed).toEqual(expect.arrayContaining(['ventetid.completed', 'fristbrudd']));
    const byMonth = await bro(['metrics', 'merge', bundle, '--trust', trust, '--by', 'month', '--json']);
    for (const grp of byMonth.json.groups)
      for (const s of [
        grp.ventetid.completed,
        grp.ventetid.waiting,
        grp.saksbehandlingstid.completed,
        grp.saksbehandlingstid.waiting,
      ])
        expect(s.n === null ? s.suppressed : s.n === 0 || s.n >= 5).toBe(true);
    // Bundles of two periods are not mixed.
    const mixed = await bro(['metrics', 'merge', bundle, foreign, '--trust', foreignTrust, '--json']);
    expect(mixed.json.error.issues).toEqual([{ path: 'bundles[1]', code: 'PERIOD_MISMATCH' }]);
  });

  it('writes a merged PDF report', async () => {
    const out = path.join(work, 'samlet.pdf');
    expect(
      (await bro(['metrics', 'merge', bundle, '--trust', trust, '--format', 'pdf', '--out', out])).code,
    ).toBe(0);
    const text = await pdfText(out);
    expect(text).toContain('Ventetider – samlet fra flere arkiver');
    expect(text).toContain('Kilder (signerte nøkkeltallsfiler)');
    expect(text).toContain('prikket');
  });

  it('refuses a changed byte, an unsigned file and an unknown key, and writes nothing', async () => {
    const jws = readFileSync(bundle, 'utf8');
    const out = path.join(work, 'skal-ikke-finnes.json');
    const flipped = (i: number) => {
      const f = path.join(work, `flipped-${i}.jws`);
      const c = jws[i] === 'A' ? 'B' : 'A';
      writeFileSync(f, jws.slice(0, i) + c + jws.slice(i + 1));
      return f;
    };
    const payloadAt = jws.indexOf('.') + 50;
    const lastSignatureChar = jws.trimEnd().length - 1;
    for (const i of [payloadAt, lastSignatureChar, 10]) {
      const r = await bro(['metrics', 'merge', bundle, flipped(i), '--trust', trust, '--out', out, '--json']);
      expect(r.code).not.toBe(0);
      expect(r.json.error.issues[0].path).toBe('bundles[1]');
      expect(['BAD_SIGNATURE', 'NOT_METRICS', 'NOT_SIGNED', 'UNKNOWN_KEY']).toContain(
        r.json.error.issues[0].code,
      );
    }
    const tampered = await bro(['metrics', 'merge', flipped(payloadAt), '--trust', trust, '--json']);
    expect(tampered.code).toBe(4);
    expect(tampered.json.error).toMatchObject({
      code: 'TAMPERED',
      issues: [{ path: 'bundles[0]', code: 'BAD_SIGNATURE' }],
    });

    const plain = path.join(work, 'plain-payload.json');
    writeFileSync(plain, JSON.stringify(payload(bundle)));
    const unsigned = await bro(['metrics', 'merge', plain, '--trust', trust, '--out', out, '--json']);
    expect(unsigned.code).toBe(3);
    expect(unsigned.json.error.issues).toEqual([{ path: 'bundles[0]', code: 'NOT_SIGNED' }]);
    const none = path.join(work, 'alg-none.jws');
    writeFileSync(none, `${Buffer.from('{"alg":"none"}').toString('base64url')}.${jws.split('.')[1]}.`);
    expect((await bro(['metrics', 'merge', none, '--trust', trust, '--json'])).json.error.issues).toEqual([
      { path: 'bundles[0]', code: 'NOT_SIGNED' },
    ]);

    const unknown = await bro(['metrics', 'merge', foreign, '--trust', trust, '--out', out, '--json']);
    expect(unknown.code).toBe(3);
    expect(unknown.json.error.issues).toEqual([{ path: 'bundles[0]', code: 'UNKNOWN_KEY' }]);
    expect((await bro(['metrics', 'merge', bundle])).code).toBe(2); // no trust list
    expect(existsSync(out)).toBe(false);
  });
});
