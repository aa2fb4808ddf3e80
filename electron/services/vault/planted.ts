// For the vault's tests: files planted in a real vault as an attacker or another writer would
// leave them, sealed with the vault's own keys. Not used by the app.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { StoredEvent } from '../../../shared/events/vocabulary';
import { writeAtomic } from './atomic';
import { sealEvents } from './case-events';
import type { CaseStore } from './cases';
import type { VaultCore } from './core';
import { randomId } from './crypto';
import type { Vault } from './vault';

/** The parts of an open vault a test reaches into. */
export const internals = (v: Vault) => v as unknown as { core: VaultCore; store: CaseStore };

/** Removes every index file: the next open reads every case. */
export function dropIndex(dir: string): void {
  for (const f of readdirSync(path.join(dir, 'index'))) rmSync(path.join(dir, 'index', f));
}

/** An event envelope of this vault's member for `caseId`, written by a device of its own. */
export function envelope(v: Vault, caseId: string, type: string, data: unknown, ver = 1): StoredEvent {
  return {
    v: ver,
    id: randomId(),
    caseId,
    type,
    hlc: '999999999999999-000000',
    device: randomId(),
    actor: v.actor,
    at: '2026-12-05T12:00:00.000Z',
    data,
  };
}

/**
 * Writes an authentic pack (sealed with `caseId`'s key) holding `events`, with the given
 * `checked` mark; returns its vault-relative path.
 */
export async function plantPack(
  v: Vault,
  dir: string,
  caseId: string,
  events: StoredEvent[],
  mark?: string,
): Promise<string> {
  const { core, store } = internals(v);
  const { file, jwe } = await sealEvents(core, caseId, await store.keyRing(caseId), events, mark);
  await writeAtomic(path.join(dir, 'cases', caseId, ...file.split('/')), jwe);
  return `cases/${caseId}/${file}`;
}
