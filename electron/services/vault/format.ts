import { z } from 'zod';
import { privateJwk } from './identity';

/**
 * On-disk layout (see docs/VAULT-FORMAT.md):
 *   bro-vault.json                      public header
 *   keys/<memberId>.json, keys/recovery.json
 *   cases/<caseId>/key.jwe              case key ring, wrapped by the master key
 *   cases/<caseId>/events/<eventId>.jwe one event
 *   cases/<caseId>/packs/<packId>.jwe   several events
 *   index/<deviceId>-<hash>.jwe         rebuildable summary cache
 *   audit/<deviceId>/<YYYY-MM-DD>.log   one encrypted line per access
 */
export const VAULT_FILE = 'bro-vault.json';
export const FORMAT_NAME = 'bro-vault';
/** Bump with a migration in migrations.ts and a test that opens a vault of the previous version. */
export const FORMAT_VERSION = 1;

export const ID_RE = /^[a-z2-7]{26}$/;
export const JWE_FILE_RE = /^([a-z2-7]{26})\.jwe$/;
export const INDEX_FILE_RE = /^([a-z2-7]{26})-([0-9a-f]{16})\.jwe$/;

export const vaultHeader = z.object({
  format: z.literal(FORMAT_NAME),
  version: z.number().int().min(1),
  vaultId: z.string().regex(ID_RE),
  created: z.string().max(40),
  /** KDF cost for new passphrase key files; each key file carries its own parameters and salt. */
  kdf: z.object({ alg: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int() }),
});
export type VaultHeader = z.infer<typeof vaultHeader>;

export const keyFile = z.object({
  format: z.literal('bro-key'),
  version: z.literal(1),
  kind: z.enum(['passphrase', 'recovery']),
  memberId: z.string().regex(ID_RE).optional(),
  kdf: z
    .object({
      alg: z.literal('scrypt'),
      N: z
        .number()
        .int()
        .min(2 ** 10)
        .max(2 ** 24),
      r: z.number().int().min(1).max(64),
      p: z.number().int().min(1).max(16),
      salt: z.string().min(16).max(100),
    })
    .optional(),
  wrapped: z.string().min(20).max(10_000),
});
export type KeyFile = z.infer<typeof keyFile>;

/** What a wrapped master key decrypts to. */
export const masterKeyPayload = z.object({
  mk: z.string().min(40).max(50),
  /** Generation of the master key (changes on rotation). */
  mkid: z.string().regex(ID_RE),
  /** The member's own display name; inside the encryption because it is a person's name. */
  member: z.object({ name: z.string().max(200) }).optional(),
  /** The member's Ed25519 signing key (private), readable only with the member's own passphrase. */
  sign: privateJwk.optional(),
});

export const caseKeyRing = z.object({
  current: z.string().regex(ID_RE),
  keys: z.array(z.object({ kid: z.string().regex(ID_RE), k: z.string().min(40).max(50) })).min(1),
});
export type CaseKeyRing = z.infer<typeof caseKeyRing>;

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
  const m = /^([a-z2-7]{26})(.+)\.(jwe|json)$/i.exec(name);
  return Boolean(m && /\(\d+\)|conflict|konflikt|kopi/i.test(m[2]!));
}
