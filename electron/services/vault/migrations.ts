import path from 'node:path';
import { BroError } from '../../../shared/errors';
import { ensureDir, writeAtomic } from './atomic';
import { FORMAT_VERSION, VAULT_FILE } from './format';
import { serializeSealed } from './keys';
import { readVaultHeader } from './sealed-files';

/**
 * Format migrations, one per version step: MIGRATIONS[n] turns a version-n vault into n+1.
 * Each migration only adds new files (and writes bro-vault.json last), so a crash mid-way
 * leaves a vault the old version still opens, and a rerun finishes the job. Each one ships with
 * a test that opens a vault written by the previous version (tests/fixtures/vault-v<n>).
 *
 * 1 → 2 (docs/VAULT-FORMAT.md §16): version 2 adds restricted cases (a `key.jwe` holding
 * per-member grants instead of the ring, §8.1) and the `access/` folder of access requests
 * (§12.1). No existing file changes: the step makes `access/` and writes the header with
 * `version: 2`, so that a Bro that knows only version 1 refuses the vault (VAULT_NEWER_FORMAT)
 * instead of taking a restricted case for a damaged one.
 *
 * 2 → 3 (docs/VAULT-FORMAT.md §9.7, §16): see `toAppendLogs`.
 */
export const MIGRATIONS: Record<number, (dir: string) => Promise<void>> = {
  1: async (dir) => {
    await ensureDir(path.join(dir, 'access'));
    const header = await readVaultHeader(dir);
    await writeAtomic(path.join(dir, VAULT_FILE), serializeSealed({ ...header, version: 2 }));
  },
  2: toAppendLogs,
};

/**
 * Version 3 adds each device's append-only event log per case (`cases/<id>/logs/`, §9.7): a new
 * event is one record appended to it and one flush, instead of a new file. Existing event files
 * and packs stay as they are and are read as before; a case's `logs/` folder is made when its
 * first record is written. The step only writes the header with `version: 3`, so a Bro that knows
 * only version 2 refuses the vault (VAULT_NEWER_FORMAT) instead of taking `logs/` for foreign
 * files and every case with a log for a damaged one.
 */
export async function toAppendLogs(dir: string): Promise<void> {
  const header = await readVaultHeader(dir);
  await writeAtomic(path.join(dir, VAULT_FILE), serializeSealed({ ...header, version: 3 }));
}

export async function migrate(dir: string, from: number): Promise<number> {
  let v = from;
  while (v < FORMAT_VERSION) {
    const step = MIGRATIONS[v];
    if (!step)
      throw new BroError('VAULT_DAMAGED', `No migration from format ${v}`, { detail: { version: v } });
    await step(dir);
    v++;
  }
  return v;
}
