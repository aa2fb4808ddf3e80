import { CHECKED_PAYLOADS, markChecked } from '../../../shared/events/checked';
import { parseStoredEvent, type StoredEvent } from '../../../shared/events/vocabulary';
import type { VaultCore } from './core';
import {
  OpenFailure,
  decodeJson,
  digestId,
  encodeJson,
  open,
  peekKid,
  sealContent,
  sha256Hex,
} from './crypto';
import { currentDataKey } from './case-keys';
import { LOG_FILE_RE, type CaseKeyRing } from './format';

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

/** An event file's or pack's plaintext, or null when it fails authentication or is bound elsewhere. */
export async function decryptCaseFile(
  core: VaultCore,
  caseId: string,
  ring: CaseKeyRing,
  kind: 'event' | 'pack',
  id: string,
  jwe: string,
  file: string,
): Promise<Uint8Array | null> {
  const kid = peekKid(jwe);
  const k = ring.keys.find((x) => x.kid === kid);
  if (!k || !kid) return null;
  // SECURITY: a retired data key may have been kept by a removed member; what it encrypted
  // must be exactly what existed when it was retired.
  if (kid !== ring.current && ring.sealed && ring.sealed[file] !== sha256Hex(jwe)) return null;
  try {
    return await open(new Uint8Array(Buffer.from(k.k, 'base64url')), jwe, {
      vault: core.vaultId,
      kind,
      case: caseId,
      id,
      kid,
    });
  } catch {
    return null;
  }
}

/** Where a decrypted plaintext was found, which its events must agree with. */
export interface PlainPlace {
  kind: 'event' | 'pack' | 'log';
  caseId: string;
  /** The event's id (an event file), or the digest of the events' ids (a pack, a log record). */
  id: string;
  /** A log record's writer, from the log's file name. */
  device?: string;
}

/**
 * The events one decrypted event file, pack or log record holds, or null when its content does
 * not belong where it was found (§9): not events, another case's, another device's (a log), or
 * not the id the file or record is bound to. Pure: the case list runs it on a helper thread too.
 */
export function eventsOfPlain(plain: Uint8Array, at: PlainPlace): StoredEvent[] | null {
  try {
    const json = decodeJson(plain);
    const list = at.kind === 'event' ? [json] : (json as { events?: unknown })?.events;
    if (!Array.isArray(list) || list.length === 0) return null;
    const out: StoredEvent[] = [];
    for (const item of list) {
      const ev = parseStoredEvent(item);
      if (!ev || ev.caseId !== at.caseId || (at.kind === 'log' && ev.device !== at.device)) return null;
      out.push(ev);
    }
    if (at.kind === 'event' ? out[0]!.id !== at.id : digestId(out.map((e) => e.id).sort()) !== at.id)
      return null;
    // Payloads this build's schemas already checked when the pack was written are not parsed again.
    if (at.kind !== 'event' && (json as { checked?: unknown }).checked === CHECKED_PAYLOADS)
      for (const ev of out) markChecked(ev);
    return out;
  } catch {
    return null;
  }
}

/**
 * Append-only logs (docs/VAULT-FORMAT.md §9.8): `logs/<deviceId>-<kid>.log` holds records, each a
 * 4-byte big-endian length L (1 ≤ L ≤ LOG_RECORD_MAX) followed by L bytes: an ASCII compact JWE
 * sealed under data key `kid`, bound to `bro.kind` "log", the case and the record id (the digest
 * of its events' ids, as a pack's), whose plaintext is a pack's: `{"events":[…]}` with an optional
 * `checked` mark. Only the device named in the file name appends to it.
 */
export const LOG_RECORD_MAX = 64 * 1024 * 1024;

/** One record's bytes: the length prefix and the sealed events. */
export async function sealLogRecord(
  core: VaultCore,
  caseId: string,
  ring: CaseKeyRing,
  stored: StoredEvent[],
  checked?: string,
): Promise<Buffer> {
  const id = digestId(stored.map((e) => e.id).sort());
  const jwe = await sealContent(
    currentDataKey(ring),
    encodeJson(checked ? { events: stored, checked } : { events: stored }),
    { vault: core.vaultId, kind: 'log', case: caseId, id, kid: ring.current },
  );
  const body = Buffer.from(jwe, 'ascii');
  const out = Buffer.allocUnsafe(4 + body.length);
  out.writeUInt32BE(body.length, 0);
  body.copy(out, 4);
  return out;
}

/** What a log holds: its events, and where its last whole, authentic record ends. */
export interface OpenedLog {
  events: StoredEvent[];
  /** Bytes from the start that are whole records; anything after is a torn tail. */
  end: number;
  /** How many whole records it holds. */
  records: number;
}

/** A log decrypted, its records not yet parsed (`eventsOfPlain` with each record's place). */
export interface DecryptedLog {
  records: { plain: Uint8Array; at: PlainPlace }[];
  /** Bytes from the start that are whole records; anything after is a torn tail. */
  end: number;
}

/**
 * Reads one log. A torn tail is a write that a crash cut off, never acknowledged, and is ignored:
 * fewer than 4 bytes left; or a length of 0, or longer than what is left, followed by what
 * `torn` below accepts; or a record that does not open, followed to the end of the file by what
 * `torn` accepts with at least one zero byte (§9.8). Any other record that does
 * not open, a log under an unknown key, or under a retired key and not exactly as sealed, is
 * damage: null (the case is TAMPERED).
 */
export async function openLog(
  core: VaultCore,
  caseId: string,
  ring: CaseKeyRing,
  file: string,
  bytes: Buffer,
): Promise<OpenedLog | null> {
  const log = await decryptLog(core, caseId, ring, file, bytes);
  if (!log) return null;
  const events: StoredEvent[] = [];
  for (const r of log.records) {
    const got = eventsOfPlain(r.plain, r.at);
    if (!got) return null;
    events.push(...got);
  }
  return { events, end: log.end, records: log.records.length };
}

/**
 * `openLog` up to the decryption: each whole record's plaintext with the place its events must
 * agree with, or null as `openLog` for every failure that does not depend on the content.
 */
export async function decryptLog(
  core: VaultCore,
  caseId: string,
  ring: CaseKeyRing,
  file: string,
  bytes: Buffer,
): Promise<DecryptedLog | null> {
  const m = LOG_FILE_RE.exec(file.slice(file.lastIndexOf('/') + 1));
  if (!m) return null;
  const [, device, kid] = m as unknown as [string, string, string];
  const k = ring.keys.find((x) => x.kid === kid);
  if (!k) return null;
  // SECURITY: as for any file under a retired key (§8): exactly the bytes there were at the rotation.
  if (kid !== ring.current && ring.sealed && ring.sealed[file] !== sha256Hex(bytes)) return null;
  const key = new Uint8Array(Buffer.from(k.k, 'base64url'));
  const records: DecryptedLog['records'] = [];
  let pos = 0;
  /**
   * Whether the bytes from `from` (a record's body) to the end are what a crash leaves of one
   * record being appended: JWE characters, then zero bytes starting at the record or at a
   * 512-byte boundary of the file (unwritten blocks), and nothing that still opens as a record
   * (a whole record behind a changed length is not a crash).
   */
  const torn = async (from: number): Promise<boolean> => {
    if (!tornTail(bytes, from)) return false;
    let z = bytes.length;
    while (z > from && bytes[z - 1] === 0) z--;
    if (z === from) return true;
    if (z < bytes.length && z % 512 !== 0) return false;
    return (await decryptLogRecord(core, caseId, key, kid, bytes.toString('latin1', from, z))) === 'auth';
  };
  while (pos < bytes.length) {
    if (bytes.length - pos < 4) break;
    const len = bytes.readUInt32BE(pos);
    if (len === 0 || len > LOG_RECORD_MAX || len > bytes.length - pos - 4) {
      if (await torn(pos + 4)) break;
      return null;
    }
    const next = pos + 4 + len;
    const record = await decryptLogRecord(core, caseId, key, kid, bytes.toString('latin1', pos + 4, next));
    if (typeof record === 'string') {
      // A record that does not open is a cut-off write only when the file ends in zero bytes as
      // `torn` says (a length cut by them may then point short of the end). A changed byte, and
      // an authentic record whose content is not this device's events of this case: damage.
      if (record === 'auth' && bytes[bytes.length - 1] === 0 && (await torn(pos + 4))) break;
      return null;
    }
    records.push({ plain: record.plain, at: { kind: 'log', caseId, id: record.id, device } });
    pos = next;
  }
  return { records, end: pos };
}

/**
 * Whether the bytes from `from` to the end look like what a crash leaves of one record being
 * appended: characters of a compact JWE (A–Z a–z 0–9 - _ .), then only zero bytes. Another
 * record's length prefix inside them (a changed length in the middle of a log) is not.
 */
export function tornTail(bytes: Uint8Array, from: number): boolean {
  let i = from;
  for (; i < bytes.length; i++) {
    const c = bytes[i]!;
    const jwe =
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x30 && c <= 0x39) ||
      c === 0x2d ||
      c === 0x5f ||
      c === 0x2e;
    if (!jwe) break;
  }
  for (; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

/** One record decrypted and bound to this case and key: 'auth' when it does not authenticate (perhaps cut off), 'bad' when bound elsewhere. */
async function decryptLogRecord(
  core: VaultCore,
  caseId: string,
  key: Uint8Array,
  kid: string,
  jwe: string,
): Promise<{ plain: Uint8Array; id: string } | 'auth' | 'bad'> {
  try {
    const h = JSON.parse(Buffer.from(jwe.slice(0, jwe.indexOf('.')), 'base64url').toString('utf8')) as {
      'bro.id'?: unknown;
    };
    const id = typeof h['bro.id'] === 'string' ? h['bro.id'] : '';
    return { plain: await open(key, jwe, { vault: core.vaultId, kind: 'log', case: caseId, id, kid }), id };
  } catch (e) {
    // Authentic, but made for another vault, case, kind or key (a record copied or a log
    // renamed): damage. Unreadable or failing its tag: possibly a write cut off.
    return e instanceof OpenFailure && e.reason === 'BINDING' ? 'bad' : 'auth';
  }
}
