import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  type DecipherGCM,
  randomBytes,
  scrypt as scryptCb,
  timingSafeEqual,
} from 'node:crypto';
import { CompactEncrypt } from 'jose';
import { BroError } from '../../../shared/errors';

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: true });

/** RFC 4648 base32, lowercase, no padding: safe in every file system, no case clashes. */
const B32 = 'abcdefghijklmnopqrstuvwxyz234567';
export function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

/** A vault-internal id: 128 random bits, 26 base32 characters. Names files; means nothing. */
export function randomId(): string {
  return base32(randomBytes(16));
}

/** Content-derived id of the same shape, for packs: two devices packing the same events pick the same name. */
export function digestId(parts: readonly string[]): string {
  return base32(createHash('sha256').update(parts.join('\n')).digest().subarray(0, 16));
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface ScryptParams {
  alg: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
}

/** Defaults at OWASP strength (N = 2^17, r = 8, p = 1): about 0.7 s and 128 MiB here, once per unlock. */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

export function newScryptParams(cost: { N: number; r: number; p: number } = DEFAULT_SCRYPT): ScryptParams {
  return { alg: 'scrypt', ...cost, salt: Buffer.from(randomBytes(16)).toString('base64url') };
}

/** The key derivation running now (or done): the next one waits for it. It never rejects. */
let kdfQueue: Promise<unknown> = Promise.resolve();

/**
 * Passphrase → 256-bit key-encryption key. SECURITY: scrypt by hand, never JWE PBES2 (capped iterations).
 *
 * SECURITY: at most one derivation runs at a time in this process. Each takes about 128 MiB at the
 * default cost, and the host or the app could otherwise be made to run many at once (parallel
 * unlocks took 670 MiB for eight); queued, memory stays at one derivation's worth.
 */
export function deriveKek(passphrase: string, params: ScryptParams): Promise<Uint8Array> {
  const run = kdfQueue.then(async () => {
    kdfMeter.running++;
    kdfMeter.runs++;
    kdfMeter.peak = Math.max(kdfMeter.peak, kdfMeter.running);
    try {
      return await scryptOnce(passphrase, params);
    } finally {
      kdfMeter.running--;
    }
  });
  kdfQueue = run.catch(() => undefined);
  return run;
}

/** Derivations running now, the most that ever ran at once, and how many ran (read by tests). */
export const kdfMeter = { running: 0, peak: 0, runs: 0 };

function scryptOnce(passphrase: string, params: ScryptParams): Promise<Uint8Array> {
  const salt = Buffer.from(params.salt, 'base64url');
  const maxmem = 128 * params.N * params.r + 64 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scryptCb(
      passphrase.normalize('NFC'),
      salt,
      32,
      { N: params.N, r: params.r, p: params.p, maxmem },
      (err, key) =>
        err
          ? reject(new BroError('INTERNAL', 'Key derivation failed', { cause: err }))
          : resolve(new Uint8Array(key)),
    );
  });
}

/** Domain-separated subkeys of the master key (index, audit, case-key wrapping, signing seed …). */
export function subkey(master: Uint8Array, vaultId: string, purpose: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', master, enc.encode(vaultId), enc.encode(`bro ${purpose}`), 32));
}

export function randomKey(): Uint8Array {
  return new Uint8Array(randomBytes(32));
}

/** What a file claims to be, bound into the JWE protected header (and so into the GCM tag). */
export interface Binding {
  vault: string;
  kind:
    | 'master-key'
    | 'case-key'
    | 'member-private'
    | 'event'
    | 'pack'
    | 'blob'
    | 'log'
    | 'index'
    | 'audit'
    | 'identity';
  case?: string;
  id?: string;
  kid?: string;
}

function headerOf(b: Binding): Record<string, string> {
  const h: Record<string, string> = { 'bro.vault': b.vault, 'bro.kind': b.kind };
  if (b.case) h['bro.case'] = b.case;
  if (b.id) h['bro.id'] = b.id;
  if (b.kid) h['bro.kid'] = b.kid;
  return h;
}

/**
 * Content encryption: JWE compact, `dir` + A256GCM (RFC 7516 §5.1 with a direct key).
 * Done with node:crypto rather than jose: it is the hot path (every event, pack, index and
 * audit line), and jose's generic pipeline costs about six times as much per small file.
 * The output is ordinary JWE; tests decrypt it with jose and vice versa.
 */
export async function sealContent(key: Uint8Array, plaintext: Uint8Array, b: Binding): Promise<string> {
  const header = Buffer.from(JSON.stringify({ alg: 'dir', enc: 'A256GCM', ...headerOf(b) })).toString(
    'base64url',
  );
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(header, 'ascii'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return `${header}..${iv.toString('base64url')}.${ct.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
}

/**
 * The whole plaintext: `final()` checks the tag and, GCM being a stream mode, adds no bytes, so
 * the output of `update` is the plaintext without copying it again (a record is tens of KB).
 */
function decipherAll(d: DecipherGCM, ct: Buffer): Buffer {
  const out = d.update(ct);
  const rest = d.final();
  return rest.length === 0 ? out : Buffer.concat([out, rest]);
}

/** Decrypts a `dir` + A256GCM compact JWE; throws OpenFailure('AUTH') when it does not authenticate. */
function openDirect(
  key: Uint8Array,
  jwe: CanonicalCompact,
): { plaintext: Uint8Array; protectedHeader: Record<string, unknown> } {
  const [h, ek] = jwe.parts;
  const [hBytes, , ivBytes, ctBytes, tagBytes] = jwe.bytes;
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(hBytes.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new OpenFailure('FORMAT');
  }
  if (ek !== '' || header.alg !== 'dir' || header.enc !== 'A256GCM' || 'zip' in header || 'crit' in header)
    throw new OpenFailure('BINDING');
  if (ivBytes.length !== 12 || tagBytes.length !== 16 || key.length !== 32) throw new OpenFailure('FORMAT');
  try {
    const d = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: 16 });
    d.setAAD(Buffer.from(h, 'ascii'));
    d.setAuthTag(tagBytes);
    const plaintext = decipherAll(d, ctBytes);
    return {
      plaintext: new Uint8Array(plaintext.buffer, plaintext.byteOffset, plaintext.length),
      protectedHeader: header,
    };
  } catch {
    throw new OpenFailure('AUTH');
  }
}

/**
 * Decrypts an `A256GCMKW` + A256GCM compact JWE (RFC 7518 §4.7) with node:crypto in one
 * synchronous step: the content key is AES-GCM-decrypted with the header's `iv` and `tag` (no
 * additional data), then the content with the protected header as additional data. Opening
 * every case's key file through WebCrypto's thread pool cost more than the decryption itself.
 */
function openKeyWrapped(
  kek: Uint8Array,
  jwe: CanonicalCompact,
): { plaintext: Uint8Array; protectedHeader: Record<string, unknown> } {
  const [h] = jwe.parts;
  const [hBytes, ekBytes, ivBytes, ctBytes, tagBytes] = jwe.bytes;
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(hBytes.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new OpenFailure('AUTH');
  }
  if (
    header.alg !== 'A256GCMKW' ||
    header.enc !== 'A256GCM' ||
    'zip' in header ||
    'crit' in header ||
    typeof header.iv !== 'string' ||
    typeof header.tag !== 'string'
  )
    throw new OpenFailure('AUTH'); // as any failure to unwrap
  const kwIv = Buffer.from(header.iv, 'base64url');
  const kwTag = Buffer.from(header.tag, 'base64url');
  if (
    kek.length !== 32 ||
    kwIv.length !== 12 ||
    kwTag.length !== 16 ||
    ekBytes.length !== 32 ||
    ivBytes.length !== 12 ||
    tagBytes.length !== 16
  )
    throw new OpenFailure('AUTH');
  try {
    const u = createDecipheriv('aes-256-gcm', kek, kwIv, { authTagLength: 16 });
    u.setAuthTag(kwTag);
    const cek = Buffer.concat([u.update(ekBytes), u.final()]);
    const d = createDecipheriv('aes-256-gcm', cek, ivBytes, { authTagLength: 16 });
    d.setAAD(Buffer.from(h, 'ascii'));
    d.setAuthTag(tagBytes);
    const plaintext = decipherAll(d, ctBytes);
    cek.fill(0);
    return {
      plaintext: new Uint8Array(plaintext.buffer, plaintext.byteOffset, plaintext.length),
      protectedHeader: header,
    };
  } catch {
    throw new OpenFailure('AUTH');
  }
}

/** Key wrapping: A256GCMKW (AES key wrap is missing from Electron's BoringSSL). */
export async function sealKey(kek: Uint8Array, plaintext: Uint8Array, b: Binding): Promise<string> {
  return new CompactEncrypt(plaintext)
    .setProtectedHeader({ alg: 'A256GCMKW', enc: 'A256GCM', ...headerOf(b) })
    .encrypt(kek);
}

export class OpenFailure extends Error {
  constructor(readonly reason: 'FORMAT' | 'AUTH' | 'BINDING') {
    super(reason);
  }
}

/** A compact JWE's five segments as written and as decoded. */
interface CanonicalCompact {
  parts: [string, string, string, string, string];
  bytes: [Buffer, Buffer, Buffer, Buffer, Buffer];
}

/**
 * SECURITY: base64url decoders ignore the unused low bits of a segment's last character (and
 * Node's skips characters outside the alphabet), so a changed byte there would decrypt fine. Bro
 * requires canonical encoding: every byte counts.
 *
 * A segment is canonical exactly when encoding the bytes it decodes to gives it back: the encoder
 * writes only `A–Z a–z 0–9 - _`, no padding, never a length of 1 mod 4, and zero unused bits.
 * That is the check below; it is about twice as fast as a regular expression over a large record
 * (each case's records go through it on an open without an index), and the decrypt uses its bytes.
 */
function canonicalCompact(jwe: string): CanonicalCompact | null {
  const parts = jwe.split('.');
  if (parts.length !== 5 || jwe.length < 20) return null;
  const bytes: Buffer[] = [];
  for (const seg of parts) {
    const b = Buffer.from(seg, 'base64url');
    if (b.toString('base64url') !== seg) return null;
    bytes.push(b);
  }
  return { parts, bytes } as CanonicalCompact;
}

export function isCanonicalCompact(jwe: string): boolean {
  return canonicalCompact(jwe) !== null;
}

/** The `bro.kid` a file says it was written with, read before decrypting (it is authenticated by the decrypt). */
export function peekKid(jwe: string): string | undefined {
  // The first segment only, decoded here: jose's decoder costs about as much as the decryption
  // of a key file, and an open without an index peeks at one per case.
  const dot = jwe.indexOf('.');
  if (dot <= 0) return undefined;
  try {
    const h: unknown = JSON.parse(Buffer.from(jwe.slice(0, dot), 'base64url').toString('utf8'));
    const kid = typeof h === 'object' && h !== null ? (h as Record<string, unknown>)['bro.kid'] : undefined;
    return typeof kid === 'string' ? kid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Decrypts and checks that the authenticated header says exactly what the caller expects,
 * so a file moved to another case, renamed, or swapped between kinds fails.
 */
export async function open(key: Uint8Array, jwe: string, expect: Binding): Promise<Uint8Array> {
  const segments = canonicalCompact(jwe);
  if (!segments) throw new OpenFailure('FORMAT');
  const wrapped =
    expect.kind === 'master-key' || expect.kind === 'case-key' || expect.kind === 'member-private';
  let res: { plaintext: Uint8Array; protectedHeader: Record<string, unknown> };
  if (wrapped) {
    res = openKeyWrapped(key, segments);
  } else {
    res = openDirect(key, segments);
  }
  const want = headerOf(expect);
  const got = res.protectedHeader as Record<string, unknown>;
  const expectedAlg = wrapped ? 'A256GCMKW' : 'dir';
  if (got.alg !== expectedAlg || got.enc !== 'A256GCM') throw new OpenFailure('BINDING');
  for (const k of ['bro.vault', 'bro.kind', 'bro.case', 'bro.id', 'bro.kid']) {
    if ((got[k] ?? undefined) !== want[k]) throw new OpenFailure('BINDING');
  }
  return res.plaintext;
}

export function encodeJson(v: unknown): Uint8Array {
  return enc.encode(JSON.stringify(v));
}
export function decodeJson(b: Uint8Array): unknown {
  return JSON.parse(dec.decode(b));
}

/** Recovery key: 32 random bytes shown once as 13 groups of 4 base32 characters plus a 4-character check group. */
export function formatRecoveryKey(key: Uint8Array): string {
  const body = base32(key).toUpperCase();
  const check = base32(createHash('sha256').update(key).digest().subarray(0, 3)).slice(0, 4).toUpperCase();
  return (body + check).match(/.{1,4}/g)!.join('-');
}

export function parseRecoveryKey(s: string): Uint8Array {
  const clean = s.replace(/[\s-]/g, '').toLowerCase();
  if (!/^[a-z2-7]{56}$/.test(clean))
    throw new BroError('VALIDATION', 'Recovery key has the wrong format', {
      issues: [{ path: ['recoveryKey'], code: 'RECOVERY_KEY_FORMAT' }],
    });
  const body = clean.slice(0, 52);
  const bytes = new Uint8Array(32);
  let bits = 0;
  let value = 0;
  let i = 0;
  for (const ch of body) {
    value = (value << 5) | B32.indexOf(ch);
    bits += 5;
    if (bits >= 8 && i < 32) {
      bytes[i++] = (value >>> (bits - 8)) & 255;
      bits -= 8;
    }
  }
  const expected = formatRecoveryKey(bytes).replace(/-/g, '').toLowerCase();
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(clean)))
    throw new BroError('VALIDATION', 'Recovery key check failed (typo?)', {
      issues: [{ path: ['recoveryKey'], code: 'RECOVERY_KEY_CHECKSUM' }],
    });
  return bytes;
}
