import { CHECKED_PAYLOADS, markChecked } from '../../../shared/events/checked';
import { storedEvent, type StoredEvent } from '../../../shared/events/vocabulary';
import type { VaultCore } from './core';
import { decodeJson, digestId, encodeJson, open, peekKid, sealContent, sha256Hex } from './crypto';
import { currentDataKey } from './case-keys';
import type { CaseKeyRing } from './format';

/**
 * Event files and packs (docs/VAULT-FORMAT.md §9): one event per file, or several events of one
 * case in one pack named by the digest of their ids, each sealed under the case's data key.
 */

/** One sealed file ready to be written: its name inside the case folder and its bytes. */
export interface SealedEvents {
  file: string;
  jwe: string;
}

/** One event becomes one event file; several become one pack, so a batch lands whole or not at all. */
export async function sealEvents(
  core: VaultCore,
  caseId: string,
  ring: CaseKeyRing,
  stored: StoredEvent[],
  /** A pack's `checked` mark (shared/events/checked.ts), when the writer checked every payload. */
  checked?: string,
): Promise<SealedEvents> {
  const key = currentDataKey(ring);
  if (stored.length === 1) {
    const ev = stored[0]!;
    const jwe = await sealContent(key, encodeJson(ev), {
      vault: core.vaultId,
      kind: 'event',
      case: caseId,
      id: ev.id,
      kid: ring.current,
    });
    return { file: `events/${ev.id}.jwe`, jwe };
  }
  const packId = digestId(stored.map((e) => e.id).sort());
  const jwe = await sealContent(key, encodeJson(checked ? { events: stored, checked } : { events: stored }), {
    vault: core.vaultId,
    kind: 'pack',
    case: caseId,
    id: packId,
    kid: ring.current,
  });
  return { file: `packs/${packId}.jwe`, jwe };
}

/** Returns the events in one file, or null when it fails authentication or does not belong here. */
export async function openCaseFile(
  core: VaultCore,
  caseId: string,
  ring: CaseKeyRing,
  kind: 'event' | 'pack',
  id: string,
  jwe: string,
  file: string,
): Promise<StoredEvent[] | null> {
  const kid = peekKid(jwe);
  const k = ring.keys.find((x) => x.kid === kid);
  if (!k || !kid) return null;
  // SECURITY: a retired data key may have been kept by a removed member; what it encrypted
  // must be exactly what existed when it was retired.
  if (kid !== ring.current && ring.sealed && ring.sealed[file] !== sha256Hex(jwe)) return null;
  let plain: Uint8Array;
  try {
    plain = await open(new Uint8Array(Buffer.from(k.k, 'base64url')), jwe, {
      vault: core.vaultId,
      kind,
      case: caseId,
      id,
      kid,
    });
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = decodeJson(plain);
  } catch {
    return null;
  }
  const list = kind === 'event' ? [json] : (json as { events?: unknown })?.events;
  if (!Array.isArray(list) || list.length === 0) return null;
  const out: StoredEvent[] = [];
  for (const item of list) {
    const ev = storedEvent.safeParse(item);
    if (!ev.success || ev.data.caseId !== caseId) return null;
    out.push(ev.data);
  }
  if (kind === 'event' && out[0]?.id !== id) return null;
  if (kind === 'pack' && digestId(out.map((e) => e.id).sort()) !== id) return null;
  // Payloads this build's schemas already checked when the pack was written are not parsed again.
  if (kind === 'pack' && (json as { checked?: unknown }).checked === CHECKED_PAYLOADS)
    for (const ev of out) markChecked(ev);
  return out;
}
