import {
  createECDH,
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { CompactEncrypt, compactDecrypt, type JWK } from 'jose';
import { z } from 'zod';
import { BroError } from '../../../shared/errors';
import { stableStringify } from '../../../shared/json';
import {
  decodeJson,
  deriveKek,
  encodeJson,
  isCanonicalCompact,
  newScryptParams,
  open,
  OpenFailure,
  randomId,
  sealKey,
  sha256Hex,
  subkey,
  type ScryptParams,
} from './crypto';
import { ID_RE } from './format';
import { generateSigningJwk, privateJwk, type PrivateJwk } from './identity';

/**
 * Key files. Since members come and go, a member's access is an ECDH-ES (P-256) grant of the
 * master key to that member's public key: a remaining member can re-grant a rotated master key to
 * everyone else without knowing their passphrases. The member's private keys (ECDH and Ed25519)
 * sit in the same file, wrapped by a key derived from the member's passphrase with scrypt.
 *
 * Every key file (and bro-vault.json) is canonical JSON with an `integrity` field: the SHA-256 of
 * the file's canonical form without it. Any changed byte, even white space, is a damaged file that
 * Bro names, instead of a misleading "wrong passphrase".
 */

// ------------------------------------------------------------------ sealed JSON files

/** Canonical, stable serialisation with the integrity field; what Bro writes. */
export function serializeSealed(obj: Record<string, unknown>): string {
  const { integrity: _drop, ...rest } = obj;
  const body = JSON.parse(stableStringify(rest)) as Record<string, unknown>;
  const integrity = sha256Hex(stableStringify(body));
  return JSON.stringify({ ...body, integrity }, null, 2) + '\n';
}

/** Parses a sealed file and checks every byte; throws VAULT_DAMAGED naming the file. */
export function parseSealed<T>(raw: string, schema: z.ZodType<T>, file: string): T {
  const damaged = () => new BroError('VAULT_DAMAGED', 'A vault file is damaged', { detail: { file } });
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    throw damaged();
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw damaged();
  if (serializeSealed(json) !== raw || typeof json.integrity !== 'string') throw damaged();
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw damaged();
  return parsed.data;
}

// ------------------------------------------------------------------ schemas

const ecPublicJwk = z.strictObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string(),
  y: z.string(),
});
export type EcPublicJwk = z.infer<typeof ecPublicJwk>;
const edPublicJwk = z.strictObject({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string(),
  kid: z.string(),
});

const scryptParams = z
  .strictObject({
    alg: z.literal('scrypt'),
    // SECURITY: bounded, so a key file dropped into a shared folder cannot stall an unlock.
    N: z
      .number()
      .int()
      .min(2 ** 10)
      .max(2 ** 20),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(4),
    salt: z.string().min(16).max(100),
  })
  .refine((k) => k.N * k.r * k.p <= 2 ** 23, { message: 'KDF_TOO_COSTLY' }); // at most 8× the default work

const keyMac = z.strictObject({ mkid: z.string().regex(ID_RE), value: z.string().regex(/^[0-9a-f]{64}$/) });
const jwe = z.string().min(20).max(20_000).refine(isCanonicalCompact);

/** A member's key file: keys/<memberId>.json. A join request has the same shape without `grant`. */
export const memberKeyFile = z.strictObject({
  format: z.literal('bro-key'),
  version: z.literal(1),
  kind: z.literal('member'),
  vaultId: z.string().regex(ID_RE),
  memberId: z.string().regex(ID_RE),
  kdf: scryptParams,
  /** {ecdh, sign} private JWKs, A256GCMKW under the passphrase key. */
  private: jwe,
  public: z.strictObject({ ecdh: ecPublicJwk, sign: edPublicJwk }),
  /** The master key set, ECDH-ES + A256GCM to public.ecdh. Absent in a request not yet approved. */
  grant: jwe.optional(),
  /** HMAC by the master key over vault, member and public keys: only a member can have granted this file. */
  mac: keyMac.optional(),
  created: z.string().max(40),
  integrity: z.string(),
});
export type MemberKeyFile = z.infer<typeof memberKeyFile>;

/** keys/recovery.json: the master key set granted to the recovery key's public key. */
export const recoveryKeyFile = z.strictObject({
  format: z.literal('bro-key'),
  version: z.literal(1),
  kind: z.literal('recovery'),
  vaultId: z.string().regex(ID_RE),
  public: z.strictObject({ ecdh: ecPublicJwk }),
  grant: jwe,
  mac: keyMac,
  integrity: z.string(),
});
export type RecoveryKeyFile = z.infer<typeof recoveryKeyFile>;

/** What a grant decrypts to: the current master key and the previous generations (to read older files). */
export const masterKeySet = z.strictObject({
  current: z.strictObject({ mkid: z.string().regex(ID_RE), mk: z.string().min(40).max(50) }),
  previous: z
    .array(z.strictObject({ mkid: z.string().regex(ID_RE), mk: z.string().min(40).max(50) }))
    .max(1000),
});
export type MasterKeySet = z.infer<typeof masterKeySet>;

const memberPrivate = z.strictObject({
  ecdh: z.strictObject({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: z.string(),
    y: z.string(),
    d: z.string(),
  }),
  sign: privateJwk,
});

// ------------------------------------------------------------------ helpers

export interface MasterKey {
  mkid: string;
  mk: Uint8Array;
}

export function encodeSet(current: MasterKey, previous: MasterKey[]): MasterKeySet {
  const b = (k: MasterKey) => ({ mkid: k.mkid, mk: Buffer.from(k.mk).toString('base64url') });
  return { current: b(current), previous: previous.map(b) };
}

export function decodeSet(s: MasterKeySet): { current: MasterKey; previous: MasterKey[] } {
  const d = (k: { mkid: string; mk: string }) => ({
    mkid: k.mkid,
    mk: new Uint8Array(Buffer.from(k.mk, 'base64url')),
  });
  return { current: d(s.current), previous: s.previous.map(d) };
}

/** ECDH-ES (P-256) + A256GCM to a public key; header binds vault, kind and id. */
async function grantTo(pub: EcPublicJwk, set: MasterKeySet, vaultId: string, id: string): Promise<string> {
  const key = createPublicKey({ key: { ...pub }, format: 'jwk' });
  return new CompactEncrypt(encodeJson(set))
    .setProtectedHeader({
      alg: 'ECDH-ES',
      enc: 'A256GCM',
      'bro.vault': vaultId,
      'bro.kind': 'master-key',
      'bro.id': id,
    })
    .encrypt(key);
}

async function openGrant(priv: KeyObject, grant: string, vaultId: string, id: string): Promise<MasterKeySet> {
  let res;
  try {
    res = await compactDecrypt(grant, priv);
  } catch {
    throw new OpenFailure('AUTH');
  }
  const h = res.protectedHeader as Record<string, unknown>;
  if (
    h.alg !== 'ECDH-ES' ||
    h['bro.vault'] !== vaultId ||
    h['bro.kind'] !== 'master-key' ||
    h['bro.id'] !== id
  )
    throw new OpenFailure('BINDING');
  return masterKeySet.parse(decodeJson(res.plaintext));
}

function ecdhPair(): { priv: JWK; pub: EcPublicJwk } {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const priv = privateKey.export({ format: 'jwk' }) as JWK;
  return { priv, pub: { kty: 'EC', crv: 'P-256', x: priv.x!, y: priv.y! } };
}

// ------------------------------------------------------------------ authenticity of public keys

/**
 * SECURITY: the integrity hash only catches accidents; anyone who can write to the folder can
 * recompute it. What a rotation grants the master key to must be a public key a member put there,
 * so every granted key file carries an HMAC under the master key over its public part, checked
 * before anything is granted to it (and by `vault check`).
 */
export function keyFileMac(
  mk: MasterKey,
  vaultId: string,
  who: string,
  pub: unknown,
): { mkid: string; value: string } {
  const key = subkey(mk.mk, vaultId, 'key-file mac v1');
  const value = createHmac('sha256', key)
    .update(stableStringify({ vaultId, who, public: pub }))
    .digest('hex');
  return { mkid: mk.mkid, value };
}

/**
 * Only a MAC under the *current* generation counts: a removed member still holds the older ones
 * and could otherwise make a valid-looking MAC for a key of their own.
 */
export function verifyKeyFileMac(
  current: MasterKey,
  vaultId: string,
  who: string,
  pub: unknown,
  mac: { mkid: string; value: string } | undefined,
): boolean {
  if (!mac || mac.mkid !== current.mkid) return false;
  const expected = Buffer.from(keyFileMac(current, vaultId, who, pub).value, 'hex');
  const got = Buffer.from(mac.value, 'hex');
  return expected.length === got.length && timingSafeEqual(expected, got);
}

// ------------------------------------------------------------------ members

export interface MemberSecrets {
  memberId: string;
  ecdh: KeyObject;
  sign: PrivateJwk;
}

/**
 * A new member's key material, as a join request (no grant yet) or, for the vault's creator,
 * ready to be granted. Only the passphrase opens the private part.
 */
export async function newMemberKeyFile(
  vaultId: string,
  passphrase: string,
  cost: { N: number; r: number; p: number },
  now: Date,
): Promise<Omit<MemberKeyFile, 'integrity'>> {
  const memberId = randomId();
  const kdf: ScryptParams = newScryptParams(cost);
  const kek = await deriveKek(passphrase, kdf);
  const ecdh = ecdhPair();
  const sign = await generateSigningJwk();
  const priv = await sealKey(kek, encodeJson({ ecdh: ecdh.priv, sign }), {
    vault: vaultId,
    kind: 'member-private',
    id: memberId,
  });
  return {
    format: 'bro-key',
    version: 1,
    kind: 'member',
    vaultId,
    memberId,
    kdf,
    private: priv,
    public: { ecdh: ecdh.pub, sign: { kty: 'OKP', crv: 'Ed25519', x: sign.x, kid: sign.kid } },
    created: now.toISOString().slice(0, 10),
  };
}

export async function grantMember(
  file: Omit<MemberKeyFile, 'integrity' | 'grant' | 'mac'> & { grant?: string; mac?: unknown },
  set: MasterKeySet,
): Promise<Omit<MemberKeyFile, 'integrity'>> {
  const { mac: _old, ...rest } = file;
  return {
    ...rest,
    grant: await grantTo(file.public.ecdh, set, file.vaultId, file.memberId),
    mac: keyFileMac(decodeSet(set).current, file.vaultId, file.memberId, file.public),
  };
}

/** Opens a member's private keys with the passphrase: null when the passphrase is wrong. */
export async function openMemberPrivate(
  file: MemberKeyFile,
  passphrase: string,
): Promise<MemberSecrets | null> {
  const kek = await deriveKek(passphrase, file.kdf);
  let plain: Uint8Array;
  try {
    plain = await open(kek, file.private, { vault: file.vaultId, kind: 'member-private', id: file.memberId });
  } catch (e) {
    if (e instanceof OpenFailure && e.reason === 'AUTH') return null;
    throw e;
  }
  const p = memberPrivate.parse(decodeJson(plain));
  return {
    memberId: file.memberId,
    ecdh: createPrivateKey({ key: { ...p.ecdh }, format: 'jwk' }),
    sign: p.sign,
  };
}

export function openMemberGrant(file: MemberKeyFile, secrets: MemberSecrets): Promise<MasterKeySet> {
  if (!file.grant) throw new BroError('ACCESS_REVOKED', 'This member has not been approved yet');
  return openGrant(secrets.ecdh, file.grant, file.vaultId, file.memberId);
}

/** The short code a requester reads out and the approver compares (from the request's public keys). */
export function requestCode(file: Pick<MemberKeyFile, 'memberId' | 'public'>): string {
  const h = sha256Hex(stableStringify({ memberId: file.memberId, public: file.public }));
  return `${h.slice(0, 4)}-${h.slice(4, 8)}-${h.slice(8, 12)}`.toUpperCase();
}

// ------------------------------------------------------------------ recovery

/** The recovery key's 32 bytes → a P-256 private key (deterministic, so the text is all one keeps). */
export function recoveryEcdh(recovery: Uint8Array, vaultId: string): { priv: KeyObject; pub: EcPublicJwk } {
  // The group order n of P-256; a derived scalar is reduced into [1, n-1].
  const n = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');
  const seed = subkey(recovery, vaultId, 'recovery ecdh v1');
  const d = (BigInt('0x' + Buffer.from(seed).toString('hex')) % (n - 1n)) + 1n;
  const dBytes = Buffer.from(d.toString(16).padStart(64, '0'), 'hex');
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(dBytes);
  const pubRaw = ecdh.getPublicKey(); // 0x04 || x || y
  const pub: EcPublicJwk = {
    kty: 'EC',
    crv: 'P-256',
    x: pubRaw.subarray(1, 33).toString('base64url'),
    y: pubRaw.subarray(33, 65).toString('base64url'),
  };
  const priv = createPrivateKey({ key: { ...pub, d: dBytes.toString('base64url') }, format: 'jwk' });
  return { priv, pub };
}

export async function newRecoveryFile(
  vaultId: string,
  recovery: Uint8Array,
  set: MasterKeySet,
): Promise<Omit<RecoveryKeyFile, 'integrity'>> {
  const { pub } = recoveryEcdh(recovery, vaultId);
  return {
    format: 'bro-key',
    version: 1,
    kind: 'recovery',
    vaultId,
    public: { ecdh: pub },
    grant: await grantTo(pub, set, vaultId, 'recovery'),
    mac: keyFileMac(decodeSet(set).current, vaultId, 'recovery', { ecdh: pub }),
  };
}

export async function regrantRecovery(
  file: RecoveryKeyFile,
  set: MasterKeySet,
): Promise<Omit<RecoveryKeyFile, 'integrity'>> {
  const { integrity: _i, ...rest } = file;
  return {
    ...rest,
    grant: await grantTo(file.public.ecdh, set, file.vaultId, 'recovery'),
    mac: keyFileMac(decodeSet(set).current, file.vaultId, 'recovery', file.public),
  };
}

export async function openRecovery(
  file: RecoveryKeyFile,
  recovery: Uint8Array,
): Promise<MasterKeySet | null> {
  const { priv } = recoveryEcdh(recovery, file.vaultId);
  try {
    return await openGrant(priv, file.grant, file.vaultId, 'recovery');
  } catch (e) {
    if (e instanceof OpenFailure && e.reason === 'AUTH') return null;
    throw e;
  }
}

// ------------------------------------------------------------------ restricted cases

/**
 * A restricted case's key ring (docs/VAULT-FORMAT.md §8.1) granted to one member (or the recovery
 * key): ECDH-ES + A256GCM to their P-256 public key, as a master key grant is, but binding
 * `bro.kind = case-key`, the case and the grantee. Only that member's private key opens it.
 */
export async function grantCaseRing(
  pub: EcPublicJwk,
  ring: unknown,
  b: { vaultId: string; caseId: string; id: string },
): Promise<string> {
  const key = createPublicKey({ key: { ...pub }, format: 'jwk' });
  return new CompactEncrypt(encodeJson(ring))
    .setProtectedHeader({
      alg: 'ECDH-ES',
      enc: 'A256GCM',
      'bro.vault': b.vaultId,
      'bro.kind': 'case-key',
      'bro.case': b.caseId,
      'bro.id': b.id,
    })
    .encrypt(key);
}

/** Opens a case ring granted to this member; throws OpenFailure when it is not theirs or not intact. */
export async function openCaseRingGrant(
  priv: KeyObject,
  grant: string,
  b: { vaultId: string; caseId: string; id: string },
): Promise<unknown> {
  if (!isCanonicalCompact(grant)) throw new OpenFailure('AUTH');
  let res;
  try {
    res = await compactDecrypt(grant, priv);
  } catch {
    throw new OpenFailure('AUTH');
  }
  const h = res.protectedHeader as Record<string, unknown>;
  if (
    h.alg !== 'ECDH-ES' ||
    h.enc !== 'A256GCM' ||
    h['bro.vault'] !== b.vaultId ||
    h['bro.kind'] !== 'case-key' ||
    h['bro.case'] !== b.caseId ||
    h['bro.id'] !== b.id
  )
    throw new OpenFailure('BINDING');
  return decodeJson(res.plaintext);
}
