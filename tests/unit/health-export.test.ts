import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDirs } from './helpers/cli';
import { emptyVault, PASS } from './cli-vault.fixture';
import { completeCase } from '../../shared/letters/letters.fixture';

/**
 * Health data marked as a special category in exports (issue 14 item 9): `specialCategories` in the
 * interchange export and the notice in the innsyn PDF, through the real CLI, a real vault and
 * poppler. The rule is shared/privacy/health.ts.
 */
const run = promisify(execFile);
const bro = (args: string[]) => runCli(args, { BRO_PASSPHRASE: PASS });
const tempDir = tempDirs('bro-health-test-');
const NOTICE = 'Særlig kategori personopplysninger (helseopplysninger), personvernforordningen art. 9';

let vault: string;
let work: string;

beforeAll(async () => {
  work = tempDir();
  vault = await emptyVault(work);
  const ppt = completeCase();
  ppt.notes = [
    { id: 'n-1', date: '2026-04-10', kind: 'samtale', text: 'Mor ringte om morgenrutinene.' },
    { id: 'n-2', date: '2026-04-11', kind: 'telefon', text: 'BUP bekrefter diagnosen F93.8.' },
  ];
  const bup = { ...completeCase(), id: 'c-bup', service: 'BUP' as const, notes: [] };
  const plain = { ...completeCase(), id: 'c-plain', notes: [], referrals: [] };
  const file = path.join(work, 'cases.json');
  writeFileSync(
    file,
    JSON.stringify({ format: 'bro-interchange/1', cases: [{ ...ppt, id: 'c-ppt' }, bup, plain] }),
  );
  const r = await bro(['import', vault, file]);
  expect(r.code, r.err).toBe(0);
});

describe('health data in exports', () => {
  it('the interchange export marks them per case, and an import reads the file back unchanged', async () => {
    const out = path.join(work, 'ut.json');
    expect((await bro(['export', vault, out])).code).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    const marks = Object.fromEntries(file.specialCategories.map((m: { case: string }) => [m.case, m]));
    expect(marks['c-bup']).toEqual({
      case: 'c-bup',
      category: 'helseopplysninger',
      basis: 'personvernforordningen art. 9',
      whole: true,
      items: expect.any(Array),
    });
    const ppt = file.cases.find((c: { id: string }) => c.id === 'c-ppt');
    expect(marks['c-ppt'].whole).toBe(false);
    expect(marks['c-ppt'].items).toContain(
      `notes[${ppt.notes.findIndex((n: { id: string }) => n.id === 'n-2')}]`,
    );
    expect(marks['c-ppt'].items).not.toContain(
      `notes[${ppt.notes.findIndex((n: { id: string }) => n.id === 'n-1')}]`,
    );
    expect(marks['c-plain']).toBeUndefined();
    // The mark is derived: importing the export changes nothing, and exports it again the same.
    const again = await bro(['import', vault, out, '--json']);
    expect(again.code, again.err).toBe(0);
    expect(again.json.unchanged).toBe(3);
    const out2 = path.join(work, 'ut2.json');
    await bro(['export', vault, out2]);
    expect(JSON.parse(readFileSync(out2, 'utf8')).specialCategories).toEqual(file.specialCategories);
  });

  it('a mark the file gets wrong is refused like any other bad field', async () => {
    const bad = path.join(work, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'bro-interchange/1',
        cases: [],
        specialCategories: [{ case: 'c-1', category: 'annet', basis: '', whole: true, items: [] }],
      }),
    );
    const r = await bro(['import', vault, bad, '--json']);
    expect(r.code).toBe(3);
    expect(r.json.error.issues[0].path).toMatch(/^specialCategories\[0\]\.category/u);
  });

  it('the innsyn file prints the notice on the health items, and once at the top of a BUP case', async () => {
    const a = path.join(work, 'ppt.pdf');
    expect((await bro(['innsyn', vault, '--case', 'c-ppt', '--out', a])).code).toBe(0);
    const text = (await run('pdftotext', [a, '-'])).stdout.replace(/\s+/gu, ' ');
    const at = text.indexOf('BUP bekrefter diagnosen');
    expect(at).toBeGreaterThan(0);
    // The notice stands just before the item it marks, and not on the plain note.
    const before = text.slice(Math.max(0, at - 300), at);
    expect(before).toContain(NOTICE);
    const plainAt = text.indexOf('Mor ringte om morgenrutinene');
    expect(text.slice(Math.max(0, plainAt - 120), plainAt)).not.toContain(NOTICE);

    const b = path.join(work, 'bup.pdf');
    expect((await bro(['innsyn', vault, '--case', 'c-bup', '--out', b, '--lang', 'nn'])).code).toBe(0);
    const nn = (await run('pdftotext', [b, '-'])).stdout.replace(/\s+/gu, ' ');
    expect(nn).toContain(
      'Særleg kategori personopplysningar (helseopplysningar), personvernforordninga art. 9: saka er ført i ei helseteneste',
    );

    const c = path.join(work, 'plain.pdf');
    expect((await bro(['innsyn', vault, '--case', 'c-plain', '--out', c])).code).toBe(0);
    expect((await run('pdftotext', [c, '-'])).stdout.replace(/\s+/gu, ' ')).not.toContain('Særlig kategori');
  });
});
