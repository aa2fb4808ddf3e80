// A real vault for the CLI test files (attach, archive, archive-delete, dispatch, letters): made
// with a low scrypt cost so the many unlocks stay quick (`bro` opens it like any vault;
// tests/unit/cli.test.ts covers `bro vault init` itself), the complete letter fixture imported with
// `bro import` under the ids asked for, and letters issued with `bro letter` on LETTER_TODAY. Every
// step is checked. Synthetic data only.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { runCli, type CliRun } from './helpers/cli';
import { Vault } from '../../electron/services/vault/vault';
import type { LetterKind } from '../../shared/letters';
import { completeCase, LETTER_TODAY } from '../../shared/letters/letters.fixture';

export const PASS = 'synt-etisk passord 2026';

/** A new, empty vault at `work/arkiv` with Ola Hansen as its member; returns its folder. */
export async function emptyVault(work: string, passphrase = PASS): Promise<string> {
  const vault = path.join(work, 'arkiv');
  const created = await Vault.create(vault, {
    passphrase,
    memberName: 'Ola Hansen',
    kdf: { N: 2 ** 12, r: 8, p: 1 },
  });
  await created.vault.close();
  return vault;
}

/** Where caseVault wrote the PDF of the `kind` letter it issued in case `caseId`. */
export const letterFile = (work: string, caseId: string, kind: LetterKind): string =>
  path.join(work, `${caseId}-${kind}.pdf`);

export interface CaseVaultOptions {
  /** The cases' external ids, each the complete letter fixture (default: c-0001). */
  cases?: readonly string[];
  /** The letter kinds issued in every case, in this order (default: an anbefaling). */
  letters?: readonly LetterKind[];
  /** The school register, as bro-interchange/1 has it (default: none). */
  schools?: readonly Record<string, unknown>[];
  /** How `bro` is run (default: runCli with BRO_PASSPHRASE). */
  bro?: (args: string[]) => Promise<CliRun>;
}

/** emptyVault, then the cases imported and their letters issued through the real CLI. */
export async function caseVault(work: string, o: CaseVaultOptions = {}): Promise<string> {
  const bro = o.bro ?? ((args: string[]) => runCli(args, { BRO_PASSPHRASE: PASS }));
  const cases = o.cases ?? ['c-0001'];
  const vault = await emptyVault(work);
  const file = path.join(work, 'cases.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: 'bro-interchange/1',
      ...(o.schools ? { schools: o.schools } : {}),
      cases: cases.map((id) => ({ ...completeCase(), id })),
    }),
  );
  expect((await bro(['import', vault, file])).code).toBe(0);
  for (const id of cases)
    for (const kind of o.letters ?? ['anbefaling']) {
      const r = await bro([
        'letter',
        vault,
        '--case',
        id,
        '--kind',
        kind,
        '--out',
        letterFile(work, id, kind),
        '--today',
        LETTER_TODAY,
        '--json',
      ]);
      expect(r.code, JSON.stringify(r.json)).toBe(0);
    }
  return vault;
}
