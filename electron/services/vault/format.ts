import { z } from 'zod';

/**
 * On-disk layout (see docs/VAULT-FORMAT.md):
 *   bro-vault.json                      public header
 *   keys/<memberId>.json               a member's keys and master-key grant (ECDH-ES)
 *   keys/<memberId>.pub.jwe            the member's name and public signing key (encrypted)
 *   keys/recovery.json                 the master-key grant to the recovery key
 *   keys/requests/<memberId>.json      a join request waiting for approval
 *   cases/<caseId>/key.jwe              case key ring, wrapped by the master key
 *   cases/<caseId>/events/<eventId>.jwe one event
 *   cases/<caseId>/packs/<packId>.jwe   several events
 *   cases/<caseId>/blobs/<name>.jwe     a large file (a letter's PDF, a received document)
 *   cases/<caseId>/logs/<deviceId>-<kid>.log  one device's append-only log of records (§9.8)
 *   index/<deviceId>-<hash>.jwe         rebuildable summary cache
 *   audit/<deviceId>/<YYYY-MM-DD>.log   one encrypted line per access
 */
export const VAULT_FILE = 'bro-vault.json';
export const FORMAT_NAME = 'bro-vault';
/** Bump with a migration in migrations.ts and a test that opens a vault of the previous version. */
export const FORMAT_VERSION = 4;

export const ID_RE = /^[a-z2-7]{26}$/;
export const JWE_FILE_RE = /^([a-z2-7]{26})\.jwe$/;
/** A device's append-only event log in a case folder: `<deviceId>-<kid>.log` (§9.8). */
export const LOG_FILE_RE = /^([a-z2-7]{26})-([a-z2-7]{26})\.log$/;
export const INDEX_FILE_RE = /^([a-z2-7]{26})-([0-9a-f]{16})\.jwe$/;

export const vaultHeader = z.strictObject({
  format: z.literal(FORMAT_NAME),
  version: z.number().int().min(1),
  vaultId: z.string().regex(ID_RE),
  created: z.string().max(40),
  /** KDF cost for new member key files; each key file carries its own parameters and salt. */
  kdf: z.strictObject({
    alg: z.literal('scrypt'),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
  }),
  /** The current master key generation: a grant of an older one (a removed member's copy) is refused. */
  mkid: z.string().regex(ID_RE),
  /** SHA-256 of the canonical file without this field (see keys.ts serializeSealed). */
  integrity: z.string().optional(),
});
export type VaultHeader = Omit<z.infer<typeof vaultHeader>, 'integrity'>;

export const caseKeyRing = z.object({
  current: z.string().regex(ID_RE),
  keys: z.array(z.object({ kid: z.string().regex(ID_RE), k: z.string().min(40).max(50) })).min(1),
  /**
   * Files written under data keys that were retired at a member's removal, by name with the
   * SHA-256 of their bytes. A file under a retired key that is not listed here exactly was
   * written afterwards by someone holding an old key: it is refused (TAMPERED).
   */
  sealed: z.record(z.string(), z.string()).optional(),
});
export type CaseKeyRing = z.infer<typeof caseKeyRing>;

/**
 * `caseKeyRing.parse`, with the usual ring (nothing but the three fields, every value as the
 * schema wants it) taken as it is: an open without an index parses one ring per case, and the
 * schema cost about half as much as decrypting the key file. Anything else goes through the
 * schema, which decides (format.test.ts compares the two).
 */
export function parseCaseKeyRing(value: unknown): CaseKeyRing {
  return isPlainRing(value) ? value : caseKeyRing.parse(value);
}

function isPlainRing(v: unknown): v is CaseKeyRing {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const r = v as Record<string, unknown>;
  for (const k in r) if (k !== 'current' && k !== 'keys' && k !== 'sealed') return false;
  if (typeof r.current !== 'string' || !ID_RE.test(r.current)) return false;
  if (!Array.isArray(r.keys) || r.keys.length === 0) return false;
  for (const key of r.keys as unknown[]) {
    if (typeof key !== 'object' || key === null || Array.isArray(key)) return false;
    const e = key as Record<string, unknown>;
    for (const k in e) if (k !== 'kid' && k !== 'k') return false;
    if (typeof e.kid !== 'string' || !ID_RE.test(e.kid)) return false;
    if (typeof e.k !== 'string' || e.k.length < 40 || e.k.length > 50) return false;
  }
  if (r.sealed === undefined) return !('sealed' in r);
  if (typeof r.sealed !== 'object' || r.sealed === null || Array.isArray(r.sealed)) return false;
  if (Object.getPrototypeOf(r.sealed) !== Object.prototype || Object.hasOwn(r.sealed, '__proto__'))
    return false;
  for (const x of Object.values(r.sealed)) if (typeof x !== 'string') return false;
  return true;
}

/** The grantee of the recovery key's grant of a restricted case's ring. */
export const RECOVERY = 'recovery';

/**
 * What `key.jwe` of a restricted case holds instead of the ring (docs/VAULT-FORMAT.md §8.1): the
 * members it is restricted to, and the ring granted (ECDH-ES) to each of them and to the recovery key.
 */
export const restrictedKeyFile = z.strictObject({
  restricted: z.strictObject({
    members: z.array(z.string().regex(ID_RE)).max(1000),
    grants: z.record(z.string().regex(/^([a-z2-7]{26}|recovery)$/), z.string().min(20).max(20_000)),
    /** A removal took a member out who could not re-key it: the next allowed member to open it does. */
    rekey: z.literal(true).optional(),
  }),
});
export type CaseAccess = z.infer<typeof restrictedKeyFile>['restricted'];

/** Files the operating system or a sync tool leaves in any folder. */
const OS_JUNK =
  /^(desktop\.ini|\.DS_Store|Thumbs\.db|\.dropbox.*|\.~lock.*|~\$.*|\._.*|\.syncthing.*|\.stfolder|\.stversions|\.tmp-[0-9a-f]{16})$/i;

/**
 * Sync junk: OS files, Bro's own temp files left by a crash, and conflict copies of a vault file
 * (`<id> (1).jwe`, `<id>.sync-conflict-….jwe`, `<id> (Kari's conflicted copy).jwe`). Reported by
 * `vault check`, otherwise ignored. Anything else in a case folder is foreign and makes it TAMPERED.
 */
export function isSyncJunk(name: string): boolean {
  if (OS_JUNK.test(name)) return true;
  const m = /^([a-z2-7]{26}(?:-[a-z2-7]{26})?)(.+)\.(jwe|json|log)$/i.exec(name);
  return Boolean(m && /\(\d+\)|conflict|konflikt|kopi/i.test(m[2]!));
}

export const CASES = 'cases';
/** The folders of the vault root, with bro-vault.json the only names that belong there. */
export const ROOT_FOLDERS = ['keys', CASES, 'index', 'audit', 'access'] as const;
/** access/<caseId>-<memberId>.jwe: a member asks for access to a restricted case (§12.1). */
export const ACCESS_REQUEST_RE = /^([a-z2-7]{26})-([a-z2-7]{26})\.jwe$/;
export const MEMBER_KEY_RE = /^[a-z2-7]{26}\.json$/;
export const MEMBER_PUB_RE = /^[a-z2-7]{26}\.pub\.jwe$/;
export const AUDIT_LOG_RE = /^\d{4}-\d{2}-\d{2}\.log$/;

/** A vault-relative path with forward slashes, as damage reports name files. */
export const rel = (...parts: string[]) => parts.join('/');
