import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDirs } from './helpers/cli';
import { emptyVault, PASS } from './cli-vault.fixture';
import { addDemoArchive } from '../../electron/services/archive/demo';
import { Vault } from '../../electron/services/vault/vault';

/**
 * The demo shows the archive and SvarUt with data in them (issue 19): through the real CLI on a
 * `bro demo` vault, one closed case is filed whole (and can then be deleted by the retention rule
 * without --without-archive), one open case is filed in part with a letter sent through SvarUt and
 * read, and run again (alone, or as a second `bro demo`) it adds nothing.
 */
const bro = (args: string[]) => runCli(args, { BRO_PASSPHRASE: PASS });
const tempDir = tempDirs('bro-demo-archive-');
const TODAY = '2026-11-20';

interface Status {
  caseId: string;
  complete: boolean;
  case: { saksaar: number | null } | null;
  letters: { archived: boolean }[];
  documents: { archived: boolean }[];
  documentsMissing: string[];
}
interface Listed {
  ref: string;
  dispatch: { text: string };
  archive: { archived: boolean };
}

let vault: string;
let statuses: { id: string; status: string; archive: Status; letters: Listed[] }[];

const receiptsIn = async () => {
  let n = 0;
  for (const s of statuses) {
    const r = await bro(['archive', 'status', vault, '--case', s.id, '--json', '--today', TODAY]);
    n += (r.json as Status).letters.filter((l) => l.archived).length;
  }
  return n;
};

beforeAll(async () => {
  vault = await emptyVault(tempDir());
  expect((await bro(['demo', vault, '--cases', '30', '--seed', 'arkiv', '--today', TODAY])).code).toBe(0);
  const list = await bro(['cases', vault, '--json', '--today', TODAY]);
  expect(list.code).toBe(0);
  statuses = [];
  for (const c of (list.json as { cases: { id: string; status: string }[] }).cases) {
    const a = await bro(['archive', 'status', vault, '--case', c.id, '--json', '--today', TODAY]);
    const l = await bro(['letters', vault, '--case', c.id, '--json', '--today', TODAY]);
    if (a.code !== 0 || l.code !== 0) continue; // a restricted demo case
    statuses.push({ ...c, archive: a.json as Status, letters: (l.json as { letters: Listed[] }).letters });
  }
}, 240_000);

describe('the demo’s archive and SvarUt', () => {
  it('files one closed case whole, its letters and received documents, with a saksnummer', () => {
    const whole = statuses.filter((s) => s.archive.complete && s.archive.documentsMissing.length === 0);
    expect(whole.map((s) => s.status)).toEqual(['closed']);
    expect(whole[0]!.archive.case?.saksaar).toBe(2026);
  });

  it('files one open case in part, its first letter sent with SvarUt and read, the next as a package', () => {
    const sent = statuses.filter((s) =>
      s.letters.some((l) => l.dispatch.text.startsWith('Sendt med SvarUt')),
    );
    expect(sent).toHaveLength(1);
    const [s] = sent;
    expect(s!.status).toBe('open');
    expect(s!.letters[0]!.dispatch.text).toBe('Sendt med SvarUt: lest av mottakeren');
    expect(s!.letters[0]!.archive.archived).toBe(true);
    if (s!.letters.length > 1) {
      expect(s!.letters[1]!.dispatch.text).toMatch(/^Pakke/u);
      expect(s!.archive.complete).toBe(false);
    }
    // Every other case stays unarchived and unsent, as a new vault's would.
    const rest = statuses.filter((x) => x !== s && !(x.archive.complete && x.status === 'closed'));
    for (const x of rest) expect(x.archive.letters.every((l) => !l.archived)).toBe(true);
  });

  it('run again on the same vault, it adds no receipt or dispatch', async () => {
    const before = await receiptsIn();
    const v = await Vault.unlock(vault, { passphrase: PASS });
    try {
      expect(await addDemoArchive(v, TODAY)).toBe(0);
    } finally {
      await v.close();
    }
    expect(await receiptsIn()).toBe(before);
  });

  it('a second bro demo on the same vault succeeds and changes no case', async () => {
    const snapshot = () =>
      readdirSync(path.join(vault, 'cases'), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => {
          const f = path.join(e.parentPath, e.name);
          return `${path.relative(vault, f)} ${statSync(f).size}`;
        })
        .sort();
    const before = snapshot();
    const again = await bro(['demo', vault, '--cases', '30', '--seed', 'arkiv', '--today', TODAY]);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain('0 nye saker, 0 endret');
    expect(snapshot()).toEqual(before);
  });

  it('the case filed whole is deleted by the retention rule without --without-archive', async () => {
    const whole = statuses.find((s) => s.archive.complete && s.archive.documentsMissing.length === 0)!;
    const del = await bro([
      'case',
      'delete',
      vault,
      '--case',
      whole.id,
      '--reason',
      'Arkivert, oppbevaringstiden er ute.',
      '--yes',
      '--json',
    ]);
    expect(del.code, JSON.stringify(del.json)).toBe(0);
    const after = await bro(['cases', vault, '--json', '--today', TODAY]);
    expect((after.json as { cases: { id: string }[] }).cases.map((c) => c.id)).not.toContain(whole.id);
  });
});
