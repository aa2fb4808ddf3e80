import { BroError } from '../../../shared/errors';
import { FORMAT_VERSION } from './format';

/**
 * Format migrations, one per version step: MIGRATIONS[n] turns a version-n vault into n+1.
 * Each migration only adds new files (and writes bro-vault.json last), so a crash mid-way
 * leaves a vault the old version still opens, and a rerun finishes the job. Each one ships with
 * a test that opens a vault written by the previous version (tests/fixtures/vault-v<n>).
 *
 * Version 1 is the first format: there is nothing to migrate yet.
 */
export const MIGRATIONS: Record<number, (dir: string) => Promise<void>> = {};

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
