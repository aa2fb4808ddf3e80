import { createHash, createHmac } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { BLOB_MAX_BYTES, blobRefOf, type BlobRef } from '../../../shared/blobs/ref';
import { BroError } from '../../../shared/errors';
import type { StoredEvent } from '../../../shared/events/vocabulary';
import { ensureDir, listDirSync, writeAtomic } from './atomic';
import { casePath } from './case-files';
import { currentDataKey } from './case-keys';
import type { VaultCore } from './core';
import { base32, open, peekKid, sealContent, sha256Hex, subkey } from './crypto';
import { damaged, type DamagedFile } from './damage';
import { CASES, JWE_FILE_RE, isSyncJunk, rel, type CaseKeyRing } from './format';

/**
 * Blobs (docs/VAULT-FORMAT.md §9.7): large files of a case (issued letters' PDFs, received
 * documents) in `cases/<caseId>/blobs/<name>.jwe`, each sealed under the case's data key like an
 * event, and referenced from an event by the SHA-256 of its bytes. Reading a case reads its
 * events only; a blob is read when someone opens that file.
 *
 * The name is keyed: HMAC-SHA256 of the content hash under a key derived from the case's first
 * data key, so the same file in the same case is kept once, and someone who has a document but
 * not the case's keys cannot tell from the folder whether it is in there.
 */
export const BLOBS = 'blobs';

/** The blob name key of a case: HKDF of its ring's first (oldest, never removed) data key. */
function nameKey(ring: CaseKeyRing, vaultId: string, caseId: string): Uint8Array {
  const first = new Uint8Array(Buffer.from(ring.keys[0]!.k, 'base64url'));
  return subkey(first, vaultId, `blob name ${caseId}`);
}

/** The file name (without `.jwe`) of the blob whose bytes hash to `sha256` (hex). */
export function blobName(ring: CaseKeyRing, vaultId: string, caseId: string, sha256: string): string {
  const mac = createHmac('sha256', nameKey(ring, vaultId, caseId))
    .update(Buffer.from(sha256, 'hex'))
    .digest();
  return base32(mac.subarray(0, 16));
}

/** The blob files of a case (`blobs/<name>.jwe`), and stray names in its blobs folder. */
export function blobFiles(
  dir: string,
  caseId: string,
): { files: string[]; junk: string[]; foreign: string[] } {
  const files: string[] = [];
  const junk: string[] = [];
  const foreign: string[] = [];
  const at = casePath(dir, caseId, BLOBS);
  const st = statSync(at, { throwIfNoEntry: false });
  if (st && !st.isDirectory()) return { files, junk, foreign: [BLOBS] };
  for (const n of listDirSync(at)) {
    if (JWE_FILE_RE.test(n)) files.push(`${BLOBS}/${n}`);
    else if (isSyncJunk(n)) junk.push(rel(CASES, caseId, BLOBS, n));
    else foreign.push(`${BLOBS}/${n}`);
  }
  return { files: files.sort(), junk, foreign };
}

/** Seals a file's bytes as a blob of the case under its current data key. */
export async function sealBlob(
  core: VaultCore,
  caseId: string,
  ring: CaseKeyRing,
  bytes: Uint8Array,
): Promise<{ ref: BlobRef; file: string; jwe: string }> {
  if (bytes.length === 0 || bytes.length > BLOB_MAX_BYTES)
    throw new BroError('VALIDATION', 'The file is empty or too large', {
      issues: [{ path: ['file'], code: bytes.length === 0 ? 'FILE_EMPTY' : 'FILE_TOO_LARGE' }],
      detail: { max: BLOB_MAX_BYTES },
    });
  const ref: BlobRef = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  const name = blobName(ring, core.vaultId, caseId, ref.sha256);
  const jwe = await sealContent(currentDataKey(ring), bytes, {
    vault: core.vaultId,
    kind: 'blob',
    case: caseId,
    id: name,
    kid: ring.current,
  });
  return { ref, file: `${BLOBS}/${name}.jwe`, jwe };
}

/**
 * Opens one blob file: null when it does not authenticate, sits under a retired key without
 * being sealed exactly so, or its bytes are not the ones referenced.
 */
export async function openBlob(
  core: VaultCore,
  caseId: string,
  ring: CaseKeyRing,
  name: string,
  jwe: string,
  ref?: BlobRef,
): Promise<Buffer | null> {
  const kid = peekKid(jwe);
  const k = ring.keys.find((x) => x.kid === kid);
  if (!k || !kid) return null;
  const file = `${BLOBS}/${name}.jwe`;
  // SECURITY: as for events, a retired data key opens only what existed when it was retired.
  if (kid !== ring.current && ring.sealed && ring.sealed[file] !== sha256Hex(jwe)) return null;
  let plain: Uint8Array;
  try {
    plain = await open(new Uint8Array(Buffer.from(k.k, 'base64url')), jwe, {
      vault: core.vaultId,
      kind: 'blob',
      case: caseId,
      id: name,
      kid,
    });
  } catch {
    return null;
  }
  const sha256 = createHash('sha256').update(plain).digest('hex');
  // The name is the keyed hash of the content: a blob renamed to another's name fails here.
  if (blobName(ring, core.vaultId, caseId, sha256) !== name) return null;
  if (ref && (ref.sha256 !== sha256 || ref.size !== plain.length)) return null;
  return Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength);
}

/** Writes a blob (nothing when the same file is already there and intact) and returns its reference. */
export async function putBlob(
  core: VaultCore,
  caseId: string,
  ring: CaseKeyRing,
  bytes: Uint8Array,
): Promise<BlobRef> {
  const sealed = await sealBlob(core, caseId, ring, bytes);
  const target = casePath(core.dir, caseId, ...sealed.file.split('/'));
  const existing = readIfThere(target);
  const name = sealed.file.slice(BLOBS.length + 1, -4);
  if (existing !== null && (await openBlob(core, caseId, ring, name, existing, sealed.ref)))
    return sealed.ref;
  await ensureDir(path.dirname(target));
  await writeAtomic(target, sealed.jwe);
  return sealed.ref;
}

/** Reads a referenced blob; the case is TAMPERED (naming the file) when it is missing or changed. */
export async function getBlob(
  core: VaultCore,
  caseId: string,
  ring: CaseKeyRing,
  ref: BlobRef,
): Promise<Buffer> {
  const name = blobName(ring, core.vaultId, caseId, ref.sha256);
  const file = rel(CASES, caseId, BLOBS, `${name}.jwe`);
  const jwe = readIfThere(casePath(core.dir, caseId, BLOBS, `${name}.jwe`));
  if (jwe === null) throw damaged(caseId, [{ caseId, file, code: 'MISSING', reason: 'BLOB_MISSING' }]);
  const bytes = await openBlob(core, caseId, ring, name, jwe, ref);
  if (!bytes) throw damaged(caseId, [{ caseId, file, code: 'TAMPERED', reason: 'BLOB_AUTH' }]);
  return bytes;
}

/**
 * `vault check` for one case's blobs: every referenced blob is there and opens to the referenced
 * bytes; a blob no event refers to (a crash between writing it and its event) is reported as junk.
 */
export async function checkBlobs(
  core: VaultCore,
  caseId: string,
  ring: CaseKeyRing,
  events: readonly StoredEvent[],
  junk: string[],
): Promise<{ damaged: DamagedFile[]; blobs: number }> {
  const listing = blobFiles(core.dir, caseId);
  junk.push(...listing.junk);
  const out: DamagedFile[] = listing.foreign.map((f) => ({
    caseId,
    file: rel(CASES, caseId, f),
    code: 'TAMPERED' as const,
    reason: 'NOT_A_VAULT_FILE',
  }));
  const wanted = new Map<string, BlobRef>();
  for (const ev of events) {
    const ref = blobRefOf(ev.data);
    if (ref) wanted.set(`${BLOBS}/${blobName(ring, core.vaultId, caseId, ref.sha256)}.jwe`, ref);
  }
  const present = new Set(listing.files);
  for (const [f, ref] of wanted) {
    const file = rel(CASES, caseId, f);
    if (!present.has(f)) {
      out.push({ caseId, file, code: 'MISSING', reason: 'BLOB_MISSING' });
      continue;
    }
    const jwe = readIfThere(casePath(core.dir, caseId, ...f.split('/')));
    const name = f.slice(BLOBS.length + 1, -4);
    if (jwe === null || !(await openBlob(core, caseId, ring, name, jwe, ref)))
      out.push({ caseId, file, code: 'TAMPERED', reason: 'BLOB_AUTH' });
  }
  for (const f of listing.files) {
    if (wanted.has(f)) continue;
    const jwe = readIfThere(casePath(core.dir, caseId, ...f.split('/')));
    const name = f.slice(BLOBS.length + 1, -4);
    // Unreferenced but authentic: left by a crash before its event landed. Anything else was planted.
    if (jwe !== null && (await openBlob(core, caseId, ring, name, jwe))) junk.push(rel(CASES, caseId, f));
    else out.push({ caseId, file: rel(CASES, caseId, f), code: 'TAMPERED', reason: 'BLOB_AUTH' });
  }
  return { damaged: out, blobs: listing.files.length };
}

/**
 * After a case is restricted (a new data key), its blobs are sealed again under that key, under
 * the same names. One that does not open is left as it is: `vault check` names it.
 */
export async function resealBlobs(
  core: VaultCore,
  caseId: string,
  next: CaseKeyRing,
  files: readonly string[],
): Promise<void> {
  for (const f of files) {
    const p = casePath(core.dir, caseId, ...f.split('/'));
    const jwe = readIfThere(p);
    const name = f.slice(BLOBS.length + 1, -4);
    const bytes = jwe === null ? null : await openBlob(core, caseId, next, name, jwe);
    if (!bytes) continue;
    const sealed = await sealBlob(core, caseId, next, bytes);
    if (sealed.file === f) await writeAtomic(p, sealed.jwe);
  }
}

function readIfThere(p: string): string | null {
  try {
    return readFileSync(p, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new BroError('IO', 'Could not read a file in the vault', { detail: { reason: 'READ' } });
  }
}
