import path from 'node:path';
import { BroError } from '../../../shared/errors';
import { ensureDir, writeAtomic } from './atomic';
import { FORMAT_VERSION, VAULT_FILE } from './format';
import { serializeSealed } from './keys';
import { readVaultHeader } from './sealed-files';
import { putBlob } from './blobs';
import { listCaseIds } from './case-files';
import type { CaseStore } from './cases';
import type { VaultCore } from './core';
import type { CaseKeyRing } from './format';
import type { StoredEvent } from '../../../shared/events/vocabulary';

/** What a migration may use besides the folder: the unlocked vault's keys and case store. */
export interface MigrationContext {
  core: VaultCore;
  store: CaseStore;
}

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
 * 2 → 3 (§9.7, §16): letters' PDFs to blobs, `migrateLetterPdfsToBlobs`. 3 → 4 (§9.8): append logs, `toAppendLogs`.
 */
export const MIGRATIONS: Record<number, (dir: string, ctx: MigrationContext) => Promise<void>> = {
  1: async (dir) => {
    await ensureDir(path.join(dir, 'access'));
    const header = await readVaultHeader(dir);
    await writeAtomic(path.join(dir, VAULT_FILE), serializeSealed({ ...header, version: 2 }));
  },
  2: migrateLetterPdfsToBlobs,
  3: toAppendLogs,
};

/**
 * 2 → 3 (docs/VAULT-FORMAT.md §9.7, §16): version 3 keeps large files as blobs beside a case's
 * events. Every case this member can open that holds an issued letter's PDF inside a
 * `letters.pdf` event gets the PDF as a blob and its events rewritten into one pack, with each
 * such event (same id) holding the blob's reference instead of the bytes; then the files it
 * replaced are removed, as a compaction does. The header is written last, so a crash part-way
 * leaves a version-2 header and the next unlock runs the step again: blobs already there are
 * kept, and a case already moved has nothing left to move.
 *
 * A restricted case this member cannot open keeps its PDFs inside its events: version 3 still
 * reads them there (both forms of `letters.pdf` are valid), only not as cheaply.
 */
export async function migrateLetterPdfsToBlobs(dir: string, ctx: MigrationContext): Promise<void> {
  for (const caseId of listCaseIds(dir).ids) {
    if (ctx.core.containers.has(caseId)) continue;
    try {
      await ctx.store.compact(caseId, (events, ring) => pdfsToBlobs(ctx.core, caseId, ring, events));
    } catch (e) {
      // Not ours to open (RESTRICTED), or damaged: left as it is, and `vault check` names damage.
      if (!(e instanceof BroError)) throw e;
    }
  }
  const header3 = await readVaultHeader(dir);
  await writeAtomic(path.join(dir, VAULT_FILE), serializeSealed({ ...header3, version: 3 }));
}

/**
 * 3 → 4 (docs/VAULT-FORMAT.md §9.8): version 4 adds each device's append-only event log per case (`cases/<id>/logs/`, §9.8): a new
 * event is one record appended to it and one flush, instead of a new file. Existing event files
 * and packs stay as they are and are read as before; a case's `logs/` folder is made when its
 * first record is written. The step only writes the header with `version: 4`, so a Bro that knows
 * only version 3 refuses the vault (VAULT_NEWER_FORMAT) instead of taking `logs/` for foreign
 * files and every case with a log for a damaged one.
 */
export async function toAppendLogs(dir: string): Promise<void> {
  const header = await readVaultHeader(dir);
  await writeAtomic(path.join(dir, VAULT_FILE), serializeSealed({ ...header, version: 4 }));
}

/** The events with every inline letter PDF moved to a blob; null when there was none. */
async function pdfsToBlobs(
  core: VaultCore,
  caseId: string,
  ring: CaseKeyRing,
  events: StoredEvent[],
): Promise<StoredEvent[] | null> {
  let moved = 0;
  const out: StoredEvent[] = [];
  for (const ev of events) {
    const data = ev.data as { letterId?: unknown; pdf?: unknown };
    if (ev.type !== 'letters.pdf' || typeof data.pdf !== 'string') {
      out.push(ev);
      continue;
    }
    const blob = await putBlob(core, caseId, ring, Buffer.from(data.pdf, 'base64'));
    out.push({ ...ev, data: { letterId: data.letterId, blob } });
    moved++;
  }
  return moved ? out : null;
}

export async function migrate(dir: string, from: number, ctx: MigrationContext): Promise<number> {
  let v = from;
  while (v < FORMAT_VERSION) {
    const step = MIGRATIONS[v];
    if (!step)
      throw new BroError('VAULT_DAMAGED', `No migration from format ${v}`, { detail: { version: v } });
    await step(dir, ctx);
    v++;
  }
  return v;
}
