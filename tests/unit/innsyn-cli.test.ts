import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDirs } from './helpers/cli';
import { emptyVault, PASS } from './cli-vault.fixture';
import { completeCase, LETTER_TODAY } from '../../shared/letters/letters.fixture';

/**
 * `bro innsyn` and `bro log` end to end (issue 14 items 5 and 6): the real CLI entry in-process, a
 * real vault, real letters issued first, and the innsyn file checked with poppler (pdfinfo,
 * pdfdetach, pdftotext). No mocks.
 */
const run = promisify(execFile);
const ENV = { BRO_PASSPHRASE: PASS };
const tempDir = tempDirs('bro-innsyn-test-');
const bro = (args: string[]) => runCli(args, ENV);
const SECRET = 'NABOEN-FORTALTE-OM-FAREN';
const RELEASED = 'Far forteller at morgenene er tunge';
const OTHER_CONTACT = 'mor-telefon 400 00 000';

let vault: string;
let work: string;

function writeJson(name: string, obj: unknown): string {
  const f = path.join(work, name);
  writeFileSync(f, JSON.stringify(obj));
  return f;
}

beforeAll(async () => {
  work = tempDir();
  vault = await emptyVault(work);
  const c = completeCase();
  c.guardians = [
    { name: 'Ánde Nango', relation: 'far', parentalResponsibility: true, contact: 'far-telefon 900 00 000' },
    { name: 'Sara Nango', relation: 'mor', parentalResponsibility: true, contact: OTHER_CONTACT },
  ];
  c.notes = [
    { id: 'n-1', date: '2026-04-10', kind: 'samtale', text: `${RELEASED}.` },
    { id: 'n-2', date: '2026-04-12', kind: 'telefon', text: `${SECRET}: opplysninger.`, confidential: true },
  ];
  c.accessRequests = [{ received: '2026-05-02', requestedBy: 'foresatte', scope: 'Hele saken' }];
  const second = { ...completeCase(), id: 'c-0002' };
  second.guardians = c.guardians;
  second.accessRequests = [{ received: '2026-05-03', requestedBy: 'Ánde Nango' }];
  const file = writeJson('cases.json', {
    format: 'bro-interchange/1',
    cases: [{ ...c, id: 'c-0001' }, second],
  });
  expect((await bro(['import', vault, file])).code).toBe(0);
  for (const kind of ['anbefaling', 'tiltaksoversikt']) {
    const r = await bro([
      'letter',
      vault,
      '--case',
      'c-0001',
      '--kind',
      kind,
      '--out',
      path.join(work, `${kind}.pdf`),
      '--today',
      LETTER_TODAY,
      '--json',
    ]);
    expect(r.code, JSON.stringify(r.json)).toBe(0);
  }
});

describe('bro innsyn', () => {
  let out: string;
  let made: Awaited<ReturnType<typeof bro>>;
  beforeAll(async () => {
    out = path.join(work, 'innsyn.pdf');
    made = await bro(['innsyn', vault, '--case', 'c-0001', '--out', out, '--today', '2026-05-20', '--json']);
  });

  it('writes one tagged PDF/A file readable only by its owner', async () => {
    expect(made.code, JSON.stringify(made.json)).toBe(0);
    expect(statSync(out).mode & 0o077).toBe(0);
    const info = (await run('pdfinfo', [out])).stdout;
    expect(info).toMatch(/Tagged:\s+yes/u);
    expect(info).toMatch(/Title:\s+Innsyn i saken/u);
    const meta = (await run('pdfinfo', ['-meta', out])).stdout;
    expect(meta).toMatch(/pdfaid:part>3</u);
    expect(made.json.pages).toBeGreaterThan(1);
  });

  it('attaches every issued letter, as it was sent', async () => {
    const list = (await run('pdfdetach', ['-list', out])).stdout;
    expect(list).toMatch(/^2 embedded files/mu);
    expect(list).toMatch(/brev-01-anbefaling-2026-05-12\.pdf/u);
    expect(list).toMatch(/brev-02-tiltaksoversikt-2026-05-12\.pdf/u);
    expect(made.json.letters).toHaveLength(2);
    // The attached letter is byte for byte the one written when it was issued.
    await run('pdfdetach', ['-save', '1', '-o', path.join(work, 'vedlegg-1.pdf'), out]);
    expect(
      readFileSync(path.join(work, 'vedlegg-1.pdf')).equals(readFileSync(path.join(work, 'anbefaling.pdf'))),
    ).toBe(true);
  });

  it('lists the confidential note as withheld with its basis, and leaves its text out', async () => {
    const text = (await run('pdftotext', [out, '-'])).stdout.replace(/\s+/gu, ' ');
    expect(text).not.toContain(SECRET);
    expect(text).toContain(RELEASED);
    // A table cell wraps: the words, not the line.
    expect(text).toMatch(/12\.04\.2026 Fortrolig journalnotat/u);
    expect(text).toContain('(telefon)');
    expect(text).toContain('forvaltningsloven § 18 a');
    expect(made.json.withheld).toEqual([expect.objectContaining({ date: '2026-04-12', path: ['notes', 1] })]);
    // The case in date order: the referral before the meeting before the letters.
    const order = ['Henvisning mottatt', 'Møte', 'Brev sendt: Anbefaling til skolen'].map((w) =>
      text.indexOf(w),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Both parents asked (foresatte): both guardians' contact details are theirs to see.
    expect(text).toContain(OTHER_CONTACT);
  });

  it('withholds the other guardian’s contact details when one parent asks', async () => {
    const out2 = path.join(work, 'innsyn-2.pdf');
    const r = await bro(['innsyn', vault, '--case', 'c-0002', '--out', out2, '--lang', 'nn', '--json']);
    expect(r.code, JSON.stringify(r.json)).toBe(0);
    const text = (await run('pdftotext', [out2, '-'])).stdout.replace(/\s+/gu, ' ');
    expect(text).not.toContain(OTHER_CONTACT);
    expect(text).toContain('far-telefon');
    expect(text).toMatch(/Kontaktopplysningar for Sara/u);
    expect(text).toContain('Innsyn i saka');
  });

  it('records the request as answered, which closes its task', async () => {
    const before = await bro(['tasks', vault, '--as-of', '2026-05-20', '--json']);
    const mine = (t: { caseRef?: string; kind: string }) => t.kind === 'accessRequest';
    const open = before.json.tasks.filter(mine).length;
    expect(open).toBe(2);
    const out3 = path.join(work, 'innsyn-3.pdf');
    const r = await bro([
      'innsyn',
      vault,
      '--case',
      'c-0001',
      '--out',
      out3,
      '--answered',
      '--today',
      '2026-05-20',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('registrert som besvart 20.05.2026');
    const after = await bro(['tasks', vault, '--as-of', '2026-05-20', '--json']);
    expect(after.json.tasks.filter(mine)).toHaveLength(1);
    // Nothing left to answer: refused, and no file written.
    const again = await bro([
      'innsyn',
      vault,
      '--case',
      'c-0001',
      '--out',
      path.join(work, 'x.pdf'),
      '--answered',
      '--json',
    ]);
    expect(again.code).toBe(3);
    expect(again.json.error.issues).toEqual([{ path: 'answer', code: 'NO_OPEN_REQUEST' }]);
    expect(existsSync(path.join(work, 'x.pdf'))).toBe(false);
  });

  it('refuses bad input with a typed error and writes nothing', async () => {
    const bad = path.join(work, 'innsyn.txt');
    const r = await bro(['innsyn', vault, '--case', 'c-0001', '--out', bad, '--json']);
    expect(r.code).toBe(3);
    expect(r.json.error.issues).toEqual([{ path: 'out', code: 'PDF_EXTENSION' }]);
    expect(existsSync(bad)).toBe(false);
    expect(
      (await bro(['innsyn', vault, '--case', 'c-9999', '--out', bad.replace('.txt', '.pdf'), '--json'])).code,
    ).toBe(6);
    expect((await bro(['innsyn', vault, '--out', path.join(work, 'y.pdf')])).code).toBe(2);
  });
});

describe('bro log', () => {
  it('shows who did what to the case, by member name, and nothing about the pupil', async () => {
    const r = await bro(['log', vault, '--case', 'c-0001']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Ola Hansen\s+laget innsynsfil/u);
    expect(r.out).toMatch(/Ola Hansen\s+sendte et brev/u);
    expect(r.out).toMatch(/importerte saken/u);
    expect(r.out).not.toMatch(/Nango|Hov skole/u);
    const json = await bro(['log', vault, '--case', 'c-0001', '--json']);
    expect(json.json.entries.length).toBe(json.json.total);
    const kinds = new Set(json.json.entries.map((e: { kind: string }) => e.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(['export', 'issue', 'change']));
    // Newest first, one case only.
    const at = json.json.entries.map((e: { at: string }) => e.at);
    expect([...at].sort().reverse()).toEqual(at);
    expect(json.json.entries.every((e: { caseIds: string[] }) => e.caseIds.length === 1)).toBe(true);
  });

  it('the whole vault’s log holds the unlocks and the export', async () => {
    await bro(['export', vault, path.join(work, 'ut.json'), '--case', 'c-0002']);
    const r = await bro(['log', vault, '--json']);
    const actions = r.json.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['vault.unlock', 'export', 'innsyn.make', 'letter.issue']),
    );
    expect(JSON.stringify(r.json)).not.toMatch(/Nango/u);
  });
});
