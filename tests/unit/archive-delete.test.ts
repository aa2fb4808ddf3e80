import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDirs } from './helpers/cli';
import { journalpostKvittering } from './helpers/kvittering';
import { archiveBeforeDelete, archiveStatus, NOT_ARCHIVED } from '../../shared/archive/status';
import { caseVault, PASS } from './cli-vault.fixture';

/**
 * Archive, then delete (issue 19 item 4), through the real CLI on a real vault: a case whose
 * letters the archive has not all filed is refused with one NOT_ARCHIVED issue per letter it lacks
 * and stays whole; once the kvitteringer are in it is deleted; `--without-archive` deletes a case
 * that must not be kept although nothing was archived.
 */
const bro = (args: string[]) => runCli(args, { BRO_PASSPHRASE: PASS });
const tempDir = tempDirs('bro-archive-delete-');

let vault: string;
let work: string;
let letterKeys: { key: string; letterId: string }[];

const caseIds = async (): Promise<string[]> => {
  const r = await bro(['cases', vault, '--json']);
  expect(r.code, JSON.stringify(r.json)).toBe(0);
  return (r.json as { cases: { id: string }[] }).cases.map((c) => c.id).sort();
};
const receipt = async (name: string, key: string, nr: number) => {
  const f = path.join(work, name);
  writeFileSync(f, journalpostKvittering(key, nr));
  const r = await bro(['archive', 'receipt', vault, f, '--json']);
  expect(r.code, JSON.stringify(r.json)).toBe(0);
};
const del = (id: string, ...extra: string[]) =>
  bro([
    'case',
    'delete',
    vault,
    '--case',
    id,
    '--reason',
    'Oppbevaringstiden er ute.',
    '--yes',
    '--json',
    ...extra,
  ]);

beforeAll(async () => {
  work = tempDir();
  vault = await caseVault(work, { cases: ['c-0001', 'c-0002'], letters: ['anbefaling', 'tiltaksoversikt'] });
  const made = await bro(['archive', vault, '--case', 'c-0001', '--out', path.join(work, 'pakke'), '--json']);
  expect(made.code, JSON.stringify(made.json)).toBe(0);
  letterKeys = (made.json as { messages: { key: string; letterId: string | null }[] }).messages.filter(
    (m): m is { key: string; letterId: string } => m.letterId !== null,
  );
  expect(letterKeys).toHaveLength(2);
});

describe('archive, then delete', () => {
  it('the rule: one NOT_ARCHIVED per letter the archive lacks; none once all are filed or none was issued', () => {
    const r = {
      of: 'letter' as const,
      letterId: 'L1',
      systemID: '1a2b3c4d-5e6f-4a7b-8c9d-cccccccccc01',
      journalaar: 2026,
      journalsekvensnummer: 1,
      journalpostnummer: 1,
    };
    expect(archiveBeforeDelete(archiveStatus([r], ['L1', 'L2']))).toEqual([
      { path: ['letters', 'L2'], code: NOT_ARCHIVED },
    ]);
    expect(archiveBeforeDelete(archiveStatus([r], ['L1']))).toEqual([]);
    expect(archiveBeforeDelete(archiveStatus([], []))).toEqual([]);
  });

  it('refuses a case the archive lacks letters of, names each one, and deletes nothing', async () => {
    await receipt('forste.xml', letterKeys[0]!.key, 1);
    const r = await del('c-0001');
    expect(r.code).not.toBe(0);
    const err = (r.json as { error: { code: string; issues: { path: string; code: string }[] } }).error;
    expect(err.code).toBe('VALIDATION');
    expect(err.issues).toEqual([{ path: `letters.${letterKeys[1]!.letterId}`, code: NOT_ARCHIVED }]);
    expect(await caseIds()).toEqual(['c-0001', 'c-0002']);
    const status = await bro(['archive', 'status', vault, '--case', 'c-0001', '--json']);
    expect((status.json as { missing: string[] }).missing).toEqual([letterKeys[1]!.letterId]);
  });

  it('says so in Norwegian without --json', async () => {
    const r = await bro([
      'case',
      'delete',
      vault,
      '--case',
      'c-0001',
      '--reason',
      'Oppbevaringstiden er ute.',
      '--yes',
    ]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('brevet er ikke arkivert i kommunens arkiv ennå');
    expect(r.err).toContain('NOT_ARCHIVED');
  });

  it('deletes the case once the archive has filed every letter', async () => {
    await receipt('andre.xml', letterKeys[1]!.key, 2);
    const r = await del('c-0001');
    expect(r.code, JSON.stringify(r.json)).toBe(0);
    expect(r.json).toMatchObject({ deleted: true });
    expect(await caseIds()).toEqual(['c-0002']);
  });

  it('deletes a case that must not be kept with --without-archive', async () => {
    expect((await del('c-0002')).code).not.toBe(0);
    const r = await del('c-0002', '--without-archive');
    expect(r.code, JSON.stringify(r.json)).toBe(0);
    expect(await caseIds()).toEqual([]);
  });
});
