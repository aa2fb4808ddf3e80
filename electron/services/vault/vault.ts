import { readdirSync, statSync, type Dirent } from 'node:fs';
import { readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { BroError } from '../../../shared/errors';
import { zodIssues } from '../../../shared/domain/validate';
import { summarizeCase, type CaseSummary } from '../../../shared/cases/summary';
import { foldCase, type CaseState } from '../../../shared/events/fold';
import {
  EVENT_DATA,
  EVENT_VERSION,
  formatHlc,
  maxHlc,
  parseHlc,
  storedEvent,
  tickHlc,
  type Hlc,
  type NewEvent,
  type StoredEvent,
} from '../../../shared/events/vocabulary';
import { migrate } from './migrations';
import { randomBytes } from 'node:crypto';
import { TEMP_PREFIX, appendDurable, ensureDir, listDir, renameDurable, writeAtomic } from './atomic';
import {
  DEFAULT_SCRYPT,
  OpenFailure,
  decodeJson,
  digestId,
  encodeJson,
  formatRecoveryKey,
  open,
  parseRecoveryKey,
  peekKid,
  randomId,
  randomKey,
  sealContent,
  sealKey,
  sha256Hex,
  subkey,
  type Binding,
} from './crypto';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  ID_RE,
  INDEX_FILE_RE,
  JWE_FILE_RE,
  VAULT_FILE,
  caseKeyRing,
  isSyncJunk,
  vaultHeader,
  type CaseKeyRing,
  type VaultHeader,
} from './format';
import {
  memberRecord,
  signingKeyFromJwk,
  signingKeyFromSeed,
  type MemberRecord,
  type PrivateJwk,
  type SigningKey,
} from './identity';
import {
  decodeSet,
  encodeSet,
  grantMember,
  memberKeyFile,
  newMemberKeyFile,
  newRecoveryFile,
  openMemberGrant,
  openMemberPrivate,
  openRecovery,
  parseSealed,
  recoveryKeyFile,
  regrantRecovery,
  verifyKeyFileMac,
  requestCode,
  serializeSealed,
  type MasterKey,
  type MasterKeySet,
} from './keys';

export type Secret = { passphrase: string } | { recoveryKey: string };

export interface VaultOptions {
  /** This device's id (random, stored in local settings). A fresh one is made when absent. */
  deviceId?: string;
  /** Clock source, for tests of ordering. */
  now?: () => number;
}

export interface DamagedFile {
  caseId: string | null;
  /** Vault-relative path with forward slashes, e.g. `cases/<id>/events/<id>.jwe`. */
  file: string;
  code: 'TAMPERED' | 'MISSING' | 'UNREADABLE';
  reason: string;
}

export interface CaseListResult {
  cases: CaseSummary[];
  damaged: { caseId: string; files: DamagedFile[] }[];
}

export interface CheckReport {
  ok: boolean;
  cases: number;
  events: number;
  files: number;
  damaged: DamagedFile[];
  junk: string[];
  indexRebuilt: boolean;
}

interface CaseFiles {
  /** `events/<name>` and `packs/<name>` entries that belong to the vault. */
  files: string[];
  /** Names that are neither vault files nor known sync junk. */
  foreign: string[];
  junk: string[];
  /** Per file (and `key`): size and times. Equal stamps = unchanged since the index was written. */
  stamps: Map<string, string>;
}

/** Names, sizes and times of a case's files in one comparable string. */
function signatureOf(stamps: Map<string, string>): string {
  return [...stamps.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k}:${v}`)
    .join('|');
}

function stampOf(s: { size: number; mtimeMs: number; ctimeMs: number }): string {
  return `${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
}

interface CachedCase {
  stamps: Map<string, string>;
  events: StoredEvent[];
  /** Undefined when events were added since it was computed; null for a folder with no case in it yet. */
  summary?: CaseSummary | null;
}

interface IndexPayload {
  v: 1;
  vault: string;
  device: string;
  hlc: string;
  cases: Record<string, { sig: string; summary: CaseSummary }>;
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  caseId?: string;
  caseIds?: string[];
  device: string;
}

const CASES = 'cases';
const MEMBER_KEY_RE = /^[a-z2-7]{26}\.json$/;

function checkPassphrase(passphrase: string): void {
  if (passphrase.length < 8)
    throw new BroError('VALIDATION', 'Passphrase too short', {
      issues: [{ path: ['passphrase'], code: 'PASSPHRASE_TOO_SHORT' }],
    });
}
const MEMBER_PUB_RE = /^[a-z2-7]{26}\.pub\.jwe$/;

function listEntriesSync(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

function listDirSync(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (e) {
    // Missing, or a file where a folder belongs (`events` as a file): nothing to list here; the
    // case's own checks report what is wrong with it.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR')
      return [];
    throw e;
  }
}
const rel = (...parts: string[]) => parts.join('/');

/** Reads the public header; refuses a vault from a newer Bro instead of guessing. */
export async function readVaultHeader(dir: string): Promise<VaultHeader> {
  let raw: string;
  try {
    raw = await readFile(path.join(dir, VAULT_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new BroError('VAULT_NOT_FOUND', 'No vault in this folder', { detail: { file: VAULT_FILE } });
    throw new BroError('IO', 'Could not read the vault header', { detail: { file: VAULT_FILE } });
  }
  let json: { format?: unknown; version?: unknown } | null = null;
  try {
    json = JSON.parse(raw) as { format?: unknown; version?: unknown };
  } catch {
    /* reported as damaged below */
  }
  const version = json?.version;
  if (json?.format === FORMAT_NAME && typeof version === 'number' && version > FORMAT_VERSION)
    throw new BroError(
      'VAULT_NEWER_FORMAT',
      `The vault uses format ${version}; this Bro reads up to ${FORMAT_VERSION}`,
      {
        detail: { file: VAULT_FILE, version, supported: FORMAT_VERSION },
      },
    );
  return parseSealed(raw, vaultHeader, VAULT_FILE);
}

async function readSealed<T>(dir: string, file: string, schema: z.ZodType<T>): Promise<T> {
  let raw: string;
  try {
    raw = await readFile(path.join(dir, ...file.split('/')), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new BroError('VAULT_DAMAGED', 'A key file is missing', { detail: { file } });
    throw new BroError('IO', 'Could not read a key file', { detail: { file } });
  }
  return parseSealed(raw, schema, file);
}

/** One generation of the master key with its subkeys. */
interface Generation {
  mkid: string;
  mk: Uint8Array;
  indexKey: Uint8Array;
  auditKey: Uint8Array;
  caseKek: Uint8Array;
  membersKey: Uint8Array;
}

function generation(vaultId: string, k: MasterKey): Generation {
  return {
    mkid: k.mkid,
    mk: k.mk,
    indexKey: subkey(k.mk, vaultId, 'index v1'),
    auditKey: subkey(k.mk, vaultId, 'audit v1'),
    caseKek: subkey(k.mk, vaultId, 'case-key wrap v1'),
    membersKey: subkey(k.mk, vaultId, 'members v1'),
  };
}

interface Unlocked {
  set: MasterKeySet;
  memberId: string | null;
  sign?: PrivateJwk | undefined;
  /** Re-reads this member's (or the recovery) grant with the private key held in memory. */
  reopen?: () => Promise<MasterKeySet>;
}

/** keys/rotation.jwe: which cases a rotation still has to re-key (sealed under its new generation). */
interface RotationRecord {
  mkid: string;
  pending: string[];
}

/** A join request waiting in keys/requests/, as the approver sees it. */
export interface JoinRequest {
  memberId: string;
  code: string;
  created: string;
}

/**
 * An unlocked vault. Every file it writes is new and uniquely named (events, packs, indexes,
 * audit lines per device), so several processes and devices can share one folder.
 */
export class Vault {
  readonly dir: string;
  private headerValue: VaultHeader;
  readonly deviceId: string;
  /** The member id (for the audit log and event authorship); `recovery` when opened with the recovery key. */
  readonly actor: string;
  private gens = new Map<string, Generation>();
  private cur: Generation;
  private readonly sign: PrivateJwk | undefined;
  private readonly now: () => number;
  private hlc: Hlc = { wall: 0, counter: 0 };
  private readonly keyRings = new Map<string, CaseKeyRing>();
  private readonly cache = new Map<string, CachedCase>();
  private readonly dirty = new Set<string>();
  private closed = false;
  /** Index files (with times) seen at the last load: older ones are superseded by the next write. */
  private indexSeen: { n: string; t: number }[] = [];
  /** Index files that failed to open at the last load (reported by check). */
  private badIndexes: string[] = [];
  private readonly reopen: (() => Promise<MasterKeySet>) | undefined;
  /** Stamp of bro-vault.json when last read: a change may mean another member rotated the keys. */
  private headerStamp = '';
  private rotation: RotationRecord | null | undefined;

  private constructor(dir: string, header: VaultHeader, unlocked: Unlocked, opts: VaultOptions) {
    this.dir = dir;
    this.headerValue = header;
    this.deviceId = opts.deviceId && ID_RE.test(opts.deviceId) ? opts.deviceId : randomId();
    this.actor = unlocked.memberId ?? 'recovery';
    this.now = opts.now ?? Date.now;
    this.sign = unlocked.sign;
    this.reopen = unlocked.reopen;
    this.cur = this.adopt(unlocked.set);
    this.headerStamp = this.fileStamps();
  }

  private adopt(set: MasterKeySet): Generation {
    const { current, previous } = decodeSet(set);
    for (const k of previous) if (!this.gens.has(k.mkid)) this.gens.set(k.mkid, generation(this.vaultId, k));
    const cur = generation(this.vaultId, current);
    this.gens.set(current.mkid, cur);
    return cur;
  }

  private keySet(): MasterKeySet {
    const previous = [...this.gens.values()].filter((g) => g.mkid !== this.cur.mkid);
    return encodeSet(this.cur, previous);
  }

  get header(): VaultHeader {
    return this.headerValue;
  }

  get vaultId(): string {
    return this.headerValue.vaultId;
  }

  /** Creates a vault in an empty (or missing) folder. The recovery key is returned once and stored nowhere. */
  static async create(
    dir: string,
    opts: VaultOptions & {
      passphrase: string;
      memberName?: string;
      kdf?: { N: number; r: number; p: number };
    },
  ): Promise<{ vault: Vault; recoveryKey: string; memberId: string }> {
    checkPassphrase(opts.passphrase);
    const existing = await listDir(dir);
    if (existing.includes(VAULT_FILE))
      throw new BroError('VAULT_EXISTS', 'There is already a vault in this folder');
    if (existing.some((n) => !isSyncJunk(n)))
      throw new BroError('VAULT_EXISTS', 'The folder is not empty', { detail: { reason: 'NOT_EMPTY' } });
    const kdf = opts.kdf ?? DEFAULT_SCRYPT;
    const now = new Date(opts.now?.() ?? Date.now());
    const vaultId = randomId();
    const set = encodeSet({ mkid: randomId(), mk: randomKey() }, []);
    const header: VaultHeader = {
      format: FORMAT_NAME,
      version: FORMAT_VERSION,
      vaultId,
      created: now.toISOString().slice(0, 10),
      kdf: { alg: 'scrypt', ...kdf },
      mkid: set.current.mkid,
    };
    for (const d of ['keys', CASES, 'index', 'audit']) await ensureDir(path.join(dir, d));
    const member = await grantMember(await newMemberKeyFile(vaultId, opts.passphrase, kdf, now), set);
    const recovery = randomKey();
    await writeAtomic(path.join(dir, 'keys', `${member.memberId}.json`), serializeSealed(member));
    await writeAtomic(
      path.join(dir, 'keys', 'recovery.json'),
      serializeSealed(await newRecoveryFile(vaultId, recovery, set)),
    );
    // The header goes last: a folder without it is not a vault, so a crash during creation leaves no half-vault.
    await writeAtomic(path.join(dir, VAULT_FILE), serializeSealed(header));
    const secrets = await openMemberPrivate({ ...member, integrity: '' }, opts.passphrase);
    const vault = new Vault(dir, header, { set, memberId: member.memberId, sign: secrets!.sign }, opts);
    await vault.writeMemberRecord({
      memberId: member.memberId,
      name: opts.memberName ?? '',
      publicJwk: signingKeyFromJwk(secrets!.sign).publicJwk,
      created: header.created,
    });
    await vault.audit('vault.create');
    return { vault, recoveryKey: formatRecoveryKey(recovery), memberId: member.memberId };
  }

  /** Unlocks with a member's passphrase (trying each member key file) or with the recovery key. */
  static async unlock(
    dir: string,
    secret: Secret,
    opts: VaultOptions & { memberId?: string } = {},
  ): Promise<Vault> {
    const header = await readVaultHeader(dir);
    let unlocked: Unlocked | null = null;
    if ('recoveryKey' in secret) {
      const recovery = parseRecoveryKey(secret.recoveryKey);
      const file = await readSealed(dir, 'keys/recovery.json', recoveryKeyFile);
      const set = await openRecovery(file, recovery).catch(() => {
        throw new BroError('VAULT_DAMAGED', 'A key file is damaged', {
          detail: { file: 'keys/recovery.json' },
        });
      });
      if (set)
        unlocked = {
          set,
          memberId: null,
          reopen: async () =>
            (await openRecovery(await readSealed(dir, 'keys/recovery.json', recoveryKeyFile), recovery)) ??
            set,
        };
    } else {
      const names = (await listDir(path.join(dir, 'keys'))).filter((n) => MEMBER_KEY_RE.test(n));
      const wanted = opts.memberId ? names.filter((n) => n === `${opts.memberId}.json`) : names;
      if (wanted.length === 0)
        throw new BroError('VAULT_DAMAGED', 'No member key file found', { detail: { file: 'keys/' } });
      // A damaged key file (or one dropped into a shared folder) must not lock the others out.
      let damagedKey: BroError | null = null;
      for (const name of wanted) {
        const file = `keys/${name}`;
        try {
          const kf = await readSealed(dir, file, memberKeyFile);
          if (kf.memberId !== name.slice(0, 26) || kf.vaultId !== header.vaultId)
            throw new BroError('VAULT_DAMAGED', 'A key file is damaged', { detail: { file } });
          const secrets = await openMemberPrivate(kf, secret.passphrase).catch(() => {
            throw new BroError('VAULT_DAMAGED', 'A key file is damaged', { detail: { file } });
          });
          if (!secrets) continue;
          const set = await openMemberGrant(kf, secrets).catch((e: unknown) => {
            if (e instanceof BroError) throw e;
            throw new BroError('VAULT_DAMAGED', 'A key file is damaged', { detail: { file } });
          });
          unlocked = {
            set,
            memberId: kf.memberId,
            sign: secrets.sign,
            reopen: async () => openMemberGrant(await readSealed(dir, file, memberKeyFile), secrets),
          };
          break;
        } catch (e) {
          if (e instanceof BroError && e.code === 'VAULT_DAMAGED') damagedKey = e;
          else throw e;
        }
      }
      // Only when no intact key file was there to try is the damage the answer; else: wrong passphrase.
      if (!unlocked && damagedKey && wanted.length === 1) throw damagedKey;
    }
    if (!unlocked) throw new BroError('WRONG_PASSPHRASE', 'Wrong passphrase or recovery key');
    // SECURITY: a key file from before a rotation (a removed member's kept copy) grants an old master key.
    const known = [unlocked.set.current.mkid, ...unlocked.set.previous.map((k) => k.mkid)];
    if (!known.includes(header.mkid))
      throw new BroError('ACCESS_REVOKED', 'This key no longer gives access to the vault', {
        detail: { file: unlocked.memberId ? `keys/${unlocked.memberId}.json` : 'keys/recovery.json' },
      });
    const vault = new Vault(dir, header, unlocked, opts);
    // An interrupted rotation (a crash during a member's removal) is finished by the next member in.
    if (unlocked.memberId) await vault.finishRotation();
    if (header.version < FORMAT_VERSION) {
      await migrate(dir, header.version);
      vault.headerValue = await readVaultHeader(dir);
    }
    await vault.audit('vault.unlock');
    return vault;
  }

  // ---------------------------------------------------------------- members

  /**
   * A new member asks to join (on their own machine): their keys are made and protected by their
   * passphrase, and a request waits in keys/requests/ until an existing member approves it.
   * Returns the code the requester reads out to the approver.
   */
  static async requestMembership(
    dir: string,
    opts: { passphrase: string; kdf?: { N: number; r: number; p: number }; now?: () => number },
  ): Promise<JoinRequest> {
    checkPassphrase(opts.passphrase);
    const header = await readVaultHeader(dir);
    const now = new Date(opts.now?.() ?? Date.now());
    const req = await newMemberKeyFile(header.vaultId, opts.passphrase, opts.kdf ?? header.kdf, now);
    await ensureDir(path.join(dir, 'keys', 'requests'));
    await writeAtomic(path.join(dir, 'keys', 'requests', `${req.memberId}.json`), serializeSealed(req));
    return { memberId: req.memberId, code: requestCode(req), created: req.created };
  }

  async pendingRequests(): Promise<JoinRequest[]> {
    this.assertOpen();
    const out: JoinRequest[] = [];
    for (const n of (await listDir(path.join(this.dir, 'keys', 'requests'))).filter((x) =>
      MEMBER_KEY_RE.test(x),
    )) {
      try {
        const r = await readSealed(this.dir, `keys/requests/${n}`, memberKeyFile);
        if (r.memberId === n.slice(0, 26) && r.vaultId === this.vaultId && !r.grant)
          out.push({ memberId: r.memberId, code: requestCode(r), created: r.created });
      } catch {
        /* a damaged request is simply not offered; check() names it */
      }
    }
    return out.sort((a, b) => (a.created < b.created ? -1 : 1));
  }

  /** Approves a join request whose code the approver has compared with the requester's screen. */
  async approveMember(code: string, name: string): Promise<{ memberId: string }> {
    this.assertOpen();
    if (this.actor === 'recovery')
      throw new BroError('ACCESS_REVOKED', 'Open the vault as a member to approve');
    const wanted = code.replace(/[\s-]/g, '').toUpperCase();
    const match = (await this.pendingRequests()).find((r) => r.code.replace(/-/g, '') === wanted);
    if (!match)
      throw new BroError('NOT_FOUND', 'No join request with that code', {
        issues: [{ path: ['code'], code: 'NOT_FOUND' }],
      });
    const req = await readSealed(this.dir, `keys/requests/${match.memberId}.json`, memberKeyFile);
    const { integrity: _i, ...body } = req;
    const granted = await grantMember(body, this.keySet());
    await writeAtomic(path.join(this.dir, 'keys', `${req.memberId}.json`), serializeSealed(granted));
    await this.writeMemberRecord({
      memberId: req.memberId,
      name,
      publicJwk: { ...req.public.sign },
      created: req.created,
    });
    await unlink(path.join(this.dir, 'keys', 'requests', `${req.memberId}.json`)).catch(() => {});
    await this.audit('member.approve', [req.memberId]);
    return { memberId: req.memberId };
  }

  /** Members with their names and whether they are still members (removed ones keep a record for old signatures). */
  async members(): Promise<(MemberRecord & { active: boolean; me: boolean })[]> {
    const keyFiles = new Set(
      (await listDir(path.join(this.dir, 'keys'))).filter((n) => MEMBER_KEY_RE.test(n)),
    );
    return (await this.memberRecords()).map((r) => ({
      ...r,
      active: keyFiles.has(`${r.memberId}.json`),
      me: r.memberId === this.actor,
    }));
  }

  /**
   * Removes a member and rotates the master key: a new master key is granted to every remaining
   * member (to their public keys: no passphrases needed) and to the recovery key, every case gets
   * a new data key, and indexes, member records and audit lines from now on use the new keys.
   * Nothing written afterwards can be read with anything the removed member could have kept.
   */
  async removeMember(
    memberId: string,
    opts: { onProgress?: (done: number, total: number) => void } = {},
  ): Promise<{ cases: number }> {
    this.assertOpen();
    if (!ID_RE.test(memberId))
      throw new BroError('NOT_FOUND', 'No such member', {
        issues: [{ path: ['memberId'], code: 'NOT_FOUND' }],
      });
    if (memberId === this.actor)
      throw new BroError('VALIDATION', 'You cannot remove yourself', {
        issues: [{ path: ['memberId'], code: 'REMOVE_SELF' }],
      });
    const keyPath = path.join(this.dir, 'keys', `${memberId}.json`);
    const records = await this.memberRecords();
    const memberFiles = (await listDir(path.join(this.dir, 'keys'))).filter((n) => MEMBER_KEY_RE.test(n));
    // A member known by record but without a key file was removed before: removing again re-rotates.
    if (!memberFiles.includes(`${memberId}.json`) && !records.some((r) => r.memberId === memberId))
      throw new BroError('NOT_FOUND', 'No such member', {
        issues: [{ path: ['memberId'], code: 'NOT_FOUND' }],
      });
    const remainingFiles = memberFiles.filter((n) => n !== `${memberId}.json`);
    // 1. Only public keys a member put there get anything (checked by their HMAC under a key we
    // hold); then the removed member's grant goes: from here on Bro no longer opens the vault for them.
    // 2. A new master key generation, granted to everyone who remains and to the recovery key.
    const grantees = [];
    for (const n of remainingFiles) {
      const kf = await readSealed(this.dir, `keys/${n}`, memberKeyFile);
      if (!verifyKeyFileMac(this.cur, this.vaultId, kf.memberId, kf.public, kf.mac))
        throw new BroError('VAULT_DAMAGED', 'A key file was not granted by a member', {
          detail: { file: `keys/${n}` },
        });
      grantees.push(kf);
    }
    const rec = await readSealed(this.dir, 'keys/recovery.json', recoveryKeyFile);
    if (!verifyKeyFileMac(this.cur, this.vaultId, 'recovery', rec.public, rec.mac))
      throw new BroError('VAULT_DAMAGED', 'The recovery key file was not granted by a member', {
        detail: { file: 'keys/recovery.json' },
      });
    await unlink(keyPath).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    const next: MasterKey = { mkid: randomId(), mk: randomKey() };
    const set = encodeSet(next, [...this.gens.values()]);
    const { ids } = await this.listCaseIds();
    const nextGen = generation(this.vaultId, next);
    // The cases still to re-key, sealed under the new generation before anyone holds it: a case key
    // under an older generation is accepted only while its case is listed here.
    await this.writeRotation(nextGen, { mkid: next.mkid, pending: ids });
    for (const kf of grantees) {
      const { integrity: _i, ...body } = kf;
      await writeAtomic(
        path.join(this.dir, 'keys', `${kf.memberId}.json`),
        serializeSealed(await grantMember(body, set)),
      );
    }
    await writeAtomic(
      path.join(this.dir, 'keys', 'recovery.json'),
      serializeSealed(await regrantRecovery(rec, set)),
    );
    this.cur = this.adopt(set);
    this.rotation = { mkid: next.mkid, pending: ids };
    // 3. Every case: a new data key, and the files written so far sealed by name and hash.
    await this.finishRotation(opts.onProgress);
    // 4. Member records under the new generation (the removed one keeps its record, for old signatures).
    for (const r of records) await this.writeMemberRecord(r);
    // 5. The header names the current generation: older grants are refused from now on.
    this.headerValue = { ...this.headerValue, mkid: next.mkid };
    await writeAtomic(path.join(this.dir, VAULT_FILE), serializeSealed(this.headerValue));
    this.dirty.add('*');
    await this.listCases();
    await this.audit('member.remove', [memberId]);
    return { cases: ids.length };
  }

  // ---------------------------------------------------------------- rotation

  private async writeRotation(g: Generation, rec: RotationRecord): Promise<void> {
    const jwe = await sealContent(g.membersKey, encodeJson(rec), {
      vault: this.vaultId,
      kind: 'identity',
      id: 'rotation',
      kid: g.mkid,
    });
    await writeAtomic(path.join(this.dir, 'keys', 'rotation.jwe'), jwe);
  }

  /** The last rotation's record, if it was sealed under a generation this member holds. */
  private async loadRotation(): Promise<RotationRecord | null> {
    if (this.rotation !== undefined) return this.rotation;
    this.rotation = null;
    try {
      const jwe = await readFile(path.join(this.dir, 'keys', 'rotation.jwe'), 'utf8');
      const g = this.gens.get(peekKid(jwe) ?? '');
      if (g) {
        const rec = decodeJson(
          await open(g.membersKey, jwe, {
            vault: this.vaultId,
            kind: 'identity',
            id: 'rotation',
            kid: g.mkid,
          }),
        ) as RotationRecord;
        if (rec.mkid === g.mkid && Array.isArray(rec.pending)) this.rotation = rec;
      }
    } catch {
      /* none, or damaged: check() names it */
    }
    return this.rotation;
  }

  /** New data key for one case; the files written so far are sealed by name and hash. */
  private async rotateCase(caseId: string): Promise<void> {
    const ring = await this.keyRing(caseId);
    const sealed: Record<string, string> = { ...(ring.sealed ?? {}) };
    for (const f of (await this.caseFiles(caseId)).files) {
      sealed[f] = sha256Hex(await readFile(this.casePath(caseId, ...f.split('/'))));
    }
    const kid = randomId();
    await this.writeKeyRing(caseId, {
      current: kid,
      keys: [...ring.keys, { kid, k: Buffer.from(randomKey()).toString('base64url') }],
      sealed,
    });
    this.cache.delete(caseId);
  }

  /** Re-keys every case a rotation lists as pending (resumable: an interrupted rotation finishes here). */
  private async finishRotation(onProgress?: (done: number, total: number) => void): Promise<void> {
    const rec = await this.loadRotation();
    if (!rec || rec.mkid !== this.cur.mkid) return;
    let done = 0;
    const left = new Set(rec.pending);
    for (const caseId of rec.pending) {
      onProgress?.(done++, rec.pending.length);
      try {
        await this.rotateCase(caseId);
      } catch (e) {
        if (!(e instanceof BroError)) throw e; // a damaged case stays as it is; check() names it
      }
      left.delete(caseId);
      if (done % 50 === 0) await this.writeRotation(this.cur, { mkid: rec.mkid, pending: [...left] });
    }
    onProgress?.(rec.pending.length, rec.pending.length);
    this.rotation = { mkid: rec.mkid, pending: [] };
    // Written only when there was work: an unlock with nothing pending leaves the folder untouched.
    if (rec.pending.length) await this.writeRotation(this.cur, this.rotation);
  }

  /**
   * Another member may have rotated the keys while this vault is open: when bro-vault.json changed,
   * re-read our own grant (with the private key held in memory) and adopt the new generation, so we
   * never write under a retired key.
   */
  private async refreshIfRotated(): Promise<void> {
    // Our own key file is regranted early in a rotation, the header last: watch both.
    const stamp = this.fileStamps();
    if (stamp === this.headerStamp) return;
    this.headerStamp = stamp;
    if (this.reopen) {
      const fresh = await this.reopen().catch(() => null);
      if (!fresh) throw new BroError('ACCESS_REVOKED', 'This key no longer gives access to the vault');
      if (!this.gens.has(fresh.current.mkid)) {
        this.cur = this.adopt(fresh);
        this.keyRings.clear();
        this.cache.clear();
        this.rotation = undefined;
      }
    }
    const header = await readVaultHeader(this.dir).catch(() => null);
    if (header) this.headerValue = header;
  }

  private ownKeyFile(): string {
    return this.actor === 'recovery' ? 'keys/recovery.json' : `keys/${this.actor}.json`;
  }

  private fileStamps(): string {
    return [VAULT_FILE, this.ownKeyFile()]
      .map((f) => statSync(path.join(this.dir, f), { throwIfNoEntry: false }))
      .map((st) => (st ? stampOf(st) : ''))
      .join('|');
  }

  // ---------------------------------------------------------------- signing identities

  /** Writes a member's public record (name and public key), encrypted: the name is personal data. */
  async writeMemberRecord(rec: MemberRecord): Promise<void> {
    const jwe = await sealContent(this.cur.membersKey, encodeJson(rec), {
      vault: this.vaultId,
      kind: 'identity',
      id: rec.memberId,
      kid: this.cur.mkid,
    });
    await writeAtomic(path.join(this.dir, 'keys', `${rec.memberId}.pub.jwe`), jwe);
  }

  /** Every member's public signing identity (for `bro keys jwks` and verifying letters). */
  async memberRecords(): Promise<MemberRecord[]> {
    const out: MemberRecord[] = [];
    for (const n of (await listDir(path.join(this.dir, 'keys')))
      .filter((x) => MEMBER_PUB_RE.test(x))
      .sort()) {
      const id = n.slice(0, 26);
      try {
        const jwe = await readFile(path.join(this.dir, 'keys', n), 'utf8');
        const g = this.gens.get(peekKid(jwe) ?? '');
        if (!g) continue;
        const rec = memberRecord.parse(
          decodeJson(
            await open(g.membersKey, jwe, { vault: this.vaultId, kind: 'identity', id, kid: g.mkid }),
          ),
        );
        if (rec.memberId === id) out.push(rec);
      } catch {
        /* reported by check() */
      }
    }
    return out;
  }

  /** The unlocking member's signing key; null when opened with the recovery key (it signs nothing). */
  memberSigningKey(): (SigningKey & { memberId: string }) | null {
    this.assertOpen();
    if (!this.sign || this.actor === 'recovery') return null;
    return { ...signingKeyFromJwk(this.sign), memberId: this.actor };
  }

  /** The vault's own signing key (derived from the current master key), for de-identified metrics bundles. */
  async vaultSigningKey(): Promise<SigningKey> {
    this.assertOpen();
    return signingKeyFromSeed(subkey(this.cur.mk, this.vaultId, 'vault signing v1'));
  }

  // ---------------------------------------------------------------- clock

  private tick(): string {
    this.hlc = tickHlc(this.hlc, this.now());
    return formatHlc(this.hlc);
  }

  private observe(hlc: string): void {
    this.hlc = maxHlc(this.hlc, parseHlc(hlc));
  }

  // ---------------------------------------------------------------- cases

  private casePath(caseId: string, ...rest: string[]): string {
    if (!ID_RE.test(caseId))
      throw new BroError('NOT_FOUND', 'No such case', { detail: { caseId: 'invalid' } });
    return path.join(this.dir, CASES, caseId, ...rest);
  }

  async listCaseIds(): Promise<{ ids: string[]; junk: string[] }> {
    const ids: string[] = [];
    const junk: string[] = [];
    for (const e of listEntriesSync(path.join(this.dir, CASES))) {
      if (ID_RE.test(e.name) && e.isDirectory()) ids.push(e.name);
      else junk.push(rel(CASES, e.name));
    }
    return { ids: ids.sort(), junk };
  }

  /** Makes a new, empty case folder with its own data key. */
  async createCase(): Promise<string> {
    this.assertOpen();
    await this.refreshIfRotated();
    const caseId = randomId();
    const kid = randomId();
    const ring: CaseKeyRing = {
      current: kid,
      keys: [{ kid, k: Buffer.from(randomKey()).toString('base64url') }],
    };
    // The folder is assembled under a temp name and renamed into place, so a crash never leaves a
    // case folder without its key (which would look like damage); a leftover temp folder is junk.
    const tmp = path.join(this.dir, CASES, TEMP_PREFIX + randomBytes(8).toString('hex'));
    await ensureDir(path.join(tmp, 'events'));
    await ensureDir(path.join(tmp, 'packs'));
    const jwe = await this.sealKeyRing(caseId, ring);
    await writeAtomic(path.join(tmp, 'key.jwe'), jwe);
    await renameDurable(tmp, this.casePath(caseId));
    this.keyRings.set(caseId, ring);
    const stamps = new Map([['key.jwe', stampOf(statSync(this.casePath(caseId, 'key.jwe')))]]);
    this.cache.set(caseId, { stamps, events: [] });
    return caseId;
  }

  /** Writes a case's key ring wrapped by the current master key generation (`kid` = its id). */
  private sealKeyRing(caseId: string, ring: CaseKeyRing): Promise<string> {
    return sealKey(this.cur.caseKek, encodeJson(ring), {
      vault: this.vaultId,
      kind: 'case-key',
      case: caseId,
      kid: this.cur.mkid,
    });
  }

  private async writeKeyRing(caseId: string, ring: CaseKeyRing): Promise<void> {
    const jwe = await this.sealKeyRing(caseId, ring);
    await writeAtomic(this.casePath(caseId, 'key.jwe'), jwe);
    this.keyRings.set(caseId, ring);
    const c = this.cache.get(caseId);
    if (c) c.stamps.set('key.jwe', stampOf(statSync(this.casePath(caseId, 'key.jwe'))));
  }

  private async keyRing(caseId: string): Promise<CaseKeyRing> {
    const cached = this.keyRings.get(caseId);
    if (cached) return cached;
    const file = rel(CASES, caseId, 'key.jwe');
    let jwe: string;
    try {
      jwe = await readFile(this.casePath(caseId, 'key.jwe'), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        if ((await listDir(this.casePath(caseId))).length === 0)
          throw new BroError('NOT_FOUND', 'No such case', { detail: { caseId } });
        throw damaged(caseId, [{ caseId, file, code: 'MISSING', reason: 'KEY_MISSING' }]);
      }
      throw damaged(caseId, [{ caseId, file, code: 'UNREADABLE', reason: 'IO' }]);
    }
    try {
      const g = this.gens.get(peekKid(jwe) ?? '');
      if (!g) throw new OpenFailure('BINDING');
      // SECURITY: after a rotation every case key is re-wrapped; one under an older generation is
      // accepted only while the rotation still lists its case (else a removed member made it).
      if (g.mkid !== this.cur.mkid) {
        const rec = await this.loadRotation();
        if (!rec || rec.mkid !== this.cur.mkid || !rec.pending.includes(caseId))
          throw new OpenFailure('BINDING');
      }
      const plain = await open(g.caseKek, jwe, {
        vault: this.vaultId,
        kind: 'case-key',
        case: caseId,
        kid: g.mkid,
      });
      const ring = caseKeyRing.parse(decodeJson(plain));
      this.keyRings.set(caseId, ring);
      return ring;
    } catch {
      throw damaged(caseId, [{ caseId, file, code: 'TAMPERED', reason: 'KEY_AUTH' }]);
    }
  }

  /**
   * Lists a case's files with their stamps. Synchronous system calls on purpose: the open path
   * makes a few per case, and thousands of thread-pool round trips cost more than the calls.
   */
  private async caseFiles(caseId: string): Promise<CaseFiles> {
    const files: string[] = [];
    const foreign: string[] = [];
    const junk: string[] = [];
    const stamps = new Map<string, string>();
    const statOrNull = (p: string) => statSync(p, { throwIfNoEntry: false }) ?? null;
    for (const sub of ['events', 'packs']) {
      const st = statOrNull(this.casePath(caseId, sub));
      if (st && !st.isDirectory()) {
        foreign.push(sub);
        stamps.set(sub, 'foreign');
        continue;
      }
      for (const n of listDirSync(this.casePath(caseId, sub))) {
        if (JWE_FILE_RE.test(n)) {
          files.push(`${sub}/${n}`);
          const s = statOrNull(this.casePath(caseId, sub, n));
          stamps.set(`${sub}/${n}`, s ? stampOf(s) : 'gone');
        } else if (isSyncJunk(n)) junk.push(rel(CASES, caseId, sub, n));
        else {
          foreign.push(`${sub}/${n}`);
          stamps.set(`${sub}/${n}`, 'foreign');
        }
      }
    }
    for (const n of listDirSync(this.casePath(caseId))) {
      if (n === 'events' || n === 'packs' || n === 'key.jwe') continue;
      if (isSyncJunk(n)) junk.push(rel(CASES, caseId, n));
      else {
        foreign.push(n);
        stamps.set(n, 'foreign');
      }
    }
    const k = statOrNull(this.casePath(caseId, 'key.jwe'));
    stamps.set('key.jwe', k ? stampOf(k) : 'missing');
    files.sort();
    return { files, foreign, junk, stamps };
  }

  /** The case's summary from the cache, computing it when events were added since. */
  private summaryOf(caseId: string): CaseSummary | null {
    const c = this.cache.get(caseId)!;
    if (c.summary === undefined) {
      const state = foldCase(caseId, c.events);
      // A folder whose first events never landed (a crash right after it was made) is not a case.
      c.summary = state.opened ? summarizeCase(state) : null;
    }
    return c.summary;
  }

  /**
   * Decrypts and verifies every file of one case. Any file that does not authenticate, sits in the
   * wrong place, or is not a vault file makes the case TAMPERED (naming each file); other cases are unaffected.
   */
  async readCase(caseId: string): Promise<StoredEvent[]> {
    this.assertOpen();
    await this.refreshIfRotated();
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.readCaseOnce(caseId);
      } catch (e) {
        // Another device compacted this case between listing and reading: list again.
        if ((e as NodeJS.ErrnoException).code === 'ENOENT' && attempt < 3) continue;
        throw e;
      }
    }
  }

  private async readCaseOnce(caseId: string): Promise<StoredEvent[]> {
    const listing = await this.caseFiles(caseId);
    const cached = this.cache.get(caseId);
    if (cached && signatureOf(cached.stamps) === signatureOf(listing.stamps)) return cached.events;
    const ring = await this.keyRing(caseId);
    const bad: DamagedFile[] = listing.foreign.map((f) => ({
      caseId,
      file: rel(CASES, caseId, f),
      code: 'TAMPERED' as const,
      reason: 'NOT_A_VAULT_FILE',
    }));
    const byId = new Map<string, StoredEvent>();
    for (const f of listing.files) {
      const [sub, name] = f.split('/') as [string, string];
      const id = name.slice(0, 26);
      let jwe: string;
      try {
        jwe = await readFile(this.casePath(caseId, sub, name), 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw e;
        bad.push({ caseId, file: rel(CASES, caseId, f), code: 'UNREADABLE', reason: 'IO' });
        continue;
      }
      const events = await this.openCaseFile(caseId, ring, sub === 'events' ? 'event' : 'pack', id, jwe, f);
      if (!events) {
        bad.push({ caseId, file: rel(CASES, caseId, f), code: 'TAMPERED', reason: 'AUTH' });
        continue;
      }
      for (const ev of events) byId.set(ev.id, ev);
    }
    if (bad.length) throw damaged(caseId, bad);
    const events = [...byId.values()];
    for (const ev of events) this.observe(ev.hlc);
    this.cache.set(caseId, { stamps: listing.stamps, events });
    return events;
  }

  /** Returns the events in one file, or null when it fails authentication or does not belong here. */
  private async openCaseFile(
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
        vault: this.vaultId,
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
    return out;
  }

  /**
   * Records events durably. One event becomes one file; several become one pack, so a batch
   * (an import of a case, a form with several fields) lands whole or not at all.
   */
  async append(caseId: string, events: readonly NewEvent[]): Promise<StoredEvent[]> {
    this.assertOpen();
    if (events.length === 0) return [];
    // SECURITY: only events the fold will apply are written; a payload its schema refuses would be
    // skipped on every read (a silent loss), so it is refused here, before anything is written.
    for (const [i, e] of events.entries()) {
      const schema = EVENT_DATA[e.type];
      const parsed = schema?.safeParse(e.data);
      if (!parsed?.success)
        throw new BroError('VALIDATION', 'An event payload is not valid', {
          issues: parsed
            ? zodIssues(parsed.error, ['events', i, 'data'])
            : [{ path: ['events', i, 'type'], code: 'UNKNOWN_EVENT' }],
        });
    }
    await this.refreshIfRotated();
    const ring = await this.keyRing(caseId);
    // Reading the case first moves the clock past every event in it, so new events sort after them.
    if (!this.cache.has(caseId)) await this.readCase(caseId);
    const at = new Date(this.now()).toISOString();
    const stored: StoredEvent[] = events.map((e) => ({
      v: EVENT_VERSION,
      id: randomId(),
      caseId,
      type: e.type,
      hlc: this.tick(),
      device: this.deviceId,
      actor: this.actor,
      at,
      data: e.data,
    }));
    const file = await this.writeEvents(caseId, ring, stored);
    this.dirty.add(caseId);
    // Keep the cache in step without re-reading the case: add the new file's stamp and events.
    const cached = this.cache.get(caseId);
    if (cached) {
      cached.stamps.set(file, stampOf(statSync(this.casePath(caseId, ...file.split('/')))));
      cached.events = [...cached.events, ...stored];
      cached.summary = undefined;
    }
    return stored;
  }

  private async writeEvents(caseId: string, ring: CaseKeyRing, stored: StoredEvent[]): Promise<string> {
    const k = ring.keys.find((x) => x.kid === ring.current)!;
    const key = new Uint8Array(Buffer.from(k.k, 'base64url'));
    if (stored.length === 1) {
      const ev = stored[0]!;
      const jwe = await sealContent(key, encodeJson(ev), {
        vault: this.vaultId,
        kind: 'event',
        case: caseId,
        id: ev.id,
        kid: ring.current,
      });
      await writeAtomic(this.casePath(caseId, 'events', `${ev.id}.jwe`), jwe);
      return `events/${ev.id}.jwe`;
    }
    const packId = digestId(stored.map((e) => e.id).sort());
    const jwe = await sealContent(key, encodeJson({ events: stored }), {
      vault: this.vaultId,
      kind: 'pack',
      case: caseId,
      id: packId,
      kid: ring.current,
    });
    await writeAtomic(this.casePath(caseId, 'packs', `${packId}.jwe`), jwe);
    return `packs/${packId}.jwe`;
  }

  /** Folds all of a case's events into one pack and removes the files it replaced. Safe with concurrent writers. */
  async compact(caseId: string): Promise<{ before: number; after: number }> {
    this.assertOpen();
    // List first, then read: every file that will be removed is one whose events were read.
    const listing = await this.caseFiles(caseId);
    const events = await this.readCase(caseId);
    if (listing.files.length <= 1) return { before: listing.files.length, after: listing.files.length };
    const ring = await this.keyRing(caseId);
    const written = await this.writeEvents(
      caseId,
      ring,
      [...events].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    // Only the files that were read are removed: an event another device wrote meanwhile stays.
    for (const f of listing.files) {
      if (f === written) continue;
      await unlink(this.casePath(caseId, ...f.split('/'))).catch(() => {});
    }
    this.cache.delete(caseId);
    this.dirty.add(caseId);
    await this.readCase(caseId);
    return { before: listing.files.length, after: (await this.caseFiles(caseId)).files.length };
  }

  async fold(caseId: string): Promise<CaseState> {
    return foldCase(caseId, await this.readCase(caseId));
  }

  // ---------------------------------------------------------------- the case list and the index

  /**
   * The case list. Reads the newest index and re-reads only cases whose files changed since
   * (names, sizes, times); damaged cases are listed apart and do not stop the others.
   */
  async listCases(
    opts: { onProgress?: (done: number, total: number) => void } = {},
  ): Promise<CaseListResult> {
    this.assertOpen();
    const { ids } = await this.listCaseIds();
    const index = await this.loadIndex();
    const cases: CaseSummary[] = [];
    const bad: CaseListResult['damaged'] = [];
    let i = 0;
    for (const caseId of ids) {
      opts.onProgress?.(i++, ids.length);
      const cached = this.cache.get(caseId);
      const fromIndex = index?.cases[caseId];
      const listing = await this.caseFiles(caseId);
      const sig = signatureOf(listing.stamps);
      if (cached && signatureOf(cached.stamps) === sig) {
        const summary = this.summaryOf(caseId);
        if (summary) cases.push(summary);
        continue;
      }
      if (fromIndex && fromIndex.sig === sig) {
        cases.push(fromIndex.summary);
        continue;
      }
      try {
        await this.readCase(caseId);
        this.dirty.add(caseId);
        const summary = this.summaryOf(caseId);
        if (summary) cases.push(summary);
      } catch (e) {
        if (e instanceof BroError && e.code === 'TAMPERED') bad.push({ caseId, files: damagedFiles(e) });
        else if (e instanceof BroError && e.code === 'NOT_FOUND') continue;
        else throw e;
      }
    }
    opts.onProgress?.(ids.length, ids.length);
    if (!index || this.dirty.size > 0 || Object.keys(index.cases).length !== cases.length) {
      await this.writeIndex(cases);
    }
    return { cases, damaged: bad };
  }

  private async loadIndex(): Promise<IndexPayload | null> {
    const dir = path.join(this.dir, 'index');
    const names = (await listDir(dir)).filter((n) => INDEX_FILE_RE.test(n));
    const withTimes = await Promise.all(
      names.map(async (n) => ({ n, t: (await stat(path.join(dir, n)).catch(() => null))?.mtimeMs ?? 0 })),
    );
    withTimes.sort((a, b) => b.t - a.t);
    this.indexSeen = withTimes;
    this.badIndexes = [];
    for (const { n } of withTimes) {
      try {
        const jwe = await readFile(path.join(dir, n), 'utf8');
        const g = this.gens.get(peekKid(jwe) ?? '');
        if (!g) throw new OpenFailure('BINDING'); // no generation of ours wrote it: damaged
        const plain = await open(g.indexKey, jwe, {
          vault: this.vaultId,
          kind: 'index',
          id: n.slice(0, 26),
          kid: g.mkid,
        });
        const p = decodeJson(plain) as IndexPayload;
        if (p.v !== 1 || p.vault !== this.vaultId || typeof p.cases !== 'object') continue;
        this.observe(p.hlc);
        return p;
      } catch {
        // A damaged or half-synced index is only a cache: try the next, else rebuild (check() names it).
        this.badIndexes.push(rel('index', n));
        continue;
      }
    }
    return null;
  }

  private async writeIndex(cases: CaseSummary[]): Promise<void> {
    const entries: IndexPayload['cases'] = {};
    for (const s of cases) {
      const c = this.cache.get(s.caseId);
      const sig = signatureOf(c?.stamps ?? (await this.caseFiles(s.caseId)).stamps);
      entries[s.caseId] = { sig, summary: s };
    }
    const payload: IndexPayload = {
      v: 1,
      vault: this.vaultId,
      device: this.deviceId,
      hlc: this.tick(),
      cases: entries,
    };
    const jwe = await sealContent(this.cur.indexKey, encodeJson(payload), {
      vault: this.vaultId,
      kind: 'index',
      id: this.deviceId,
      kid: this.cur.mkid,
    });
    const name = `${this.deviceId}-${sha256Hex(jwe).slice(0, 16)}.jwe`;
    await ensureDir(path.join(this.dir, 'index'));
    // The index is rebuildable, so it is written atomically but without fsync.
    await writeAtomic(path.join(this.dir, 'index', name), jwe, { durable: false });
    // Superseded: our own older indexes, and every index that was already there when we listed the
    // cases (the new one covers all of it). One written by another device meanwhile stays.
    // A damaged index is left in place for `vault check` to name (it removes it after reporting).
    const bad = new Set(this.badIndexes);
    const superseded = new Set(this.indexSeen.map((x) => x.n).filter((n) => !bad.has(rel('index', n))));
    for (const old of await listDir(path.join(this.dir, 'index'))) {
      if (old !== name && (old.startsWith(`${this.deviceId}-`) || superseded.has(old)))
        await unlink(path.join(this.dir, 'index', old)).catch(() => {});
    }
    this.dirty.clear();
  }

  /** Writes the index if anything changed. Call when done (the CLI does, the app does on lock). */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.dirty.size > 0) await this.listCases();
    this.closed = true;
    for (const g of this.gens.values())
      for (const k of [g.mk, g.indexKey, g.auditKey, g.caseKek, g.membersKey]) k.fill(0);
    this.keyRings.clear();
    this.cache.clear();
  }

  private assertOpen(): void {
    if (this.closed) throw new BroError('VAULT_LOCKED', 'The vault is locked');
  }

  // ---------------------------------------------------------------- check

  /** Decrypts and verifies every file, reports damage and sync junk, and rebuilds the index. */
  async check(opts: { onProgress?: (done: number, total: number) => void } = {}): Promise<CheckReport> {
    this.assertOpen();
    const damagedList: DamagedFile[] = [];
    const junk: string[] = [];
    for (const n of await listDir(this.dir)) {
      if (![VAULT_FILE, 'keys', CASES, 'index', 'audit'].includes(n)) junk.push(n);
    }
    for (const n of await listDir(path.join(this.dir, 'keys'))) {
      if (MEMBER_PUB_RE.test(n)) {
        const id = n.slice(0, 26);
        try {
          const jwe = await readFile(path.join(this.dir, 'keys', n), 'utf8');
          const g = this.gens.get(peekKid(jwe) ?? '');
          if (!g) throw new OpenFailure('BINDING');
          await open(g.membersKey, jwe, { vault: this.vaultId, kind: 'identity', id, kid: g.mkid });
        } catch {
          damagedList.push({ caseId: null, file: rel('keys', n), code: 'TAMPERED', reason: 'MEMBER_RECORD' });
        }
      } else if (n === 'recovery.json' || MEMBER_KEY_RE.test(n)) {
        try {
          const kf =
            n === 'recovery.json'
              ? await readSealed(this.dir, `keys/${n}`, recoveryKeyFile)
              : await readSealed(this.dir, `keys/${n}`, memberKeyFile);
          const who = 'memberId' in kf ? kf.memberId : 'recovery';
          if (!verifyKeyFileMac(this.cur, this.vaultId, who, kf.public, kf.mac)) throw new Error('mac');
        } catch {
          damagedList.push({ caseId: null, file: rel('keys', n), code: 'TAMPERED', reason: 'KEY_FILE' });
        }
      } else if (n === 'rotation.jwe') {
        this.rotation = undefined;
        if (!(await this.loadRotation()))
          damagedList.push({
            caseId: null,
            file: rel('keys', n),
            code: 'TAMPERED',
            reason: 'ROTATION_RECORD',
          });
      } else if (n === 'requests') {
        for (const r of await listDir(path.join(this.dir, 'keys', 'requests'))) {
          if (!MEMBER_KEY_RE.test(r)) junk.push(rel('keys', 'requests', r));
          else
            await readSealed(this.dir, `keys/requests/${r}`, memberKeyFile).catch(() =>
              damagedList.push({
                caseId: null,
                file: rel('keys', 'requests', r),
                code: 'TAMPERED',
                reason: 'KEY_FILE',
              }),
            );
        }
      } else junk.push(rel('keys', n));
    }
    const { ids, junk: caseJunk } = await this.listCaseIds();
    junk.push(...caseJunk);
    const before = await this.loadIndex();
    const summaries: CaseSummary[] = [];
    let events = 0;
    let files = 0;
    this.cache.clear();
    this.keyRings.clear();
    let i = 0;
    for (const caseId of ids) {
      opts.onProgress?.(i++, ids.length);
      const listing = await this.caseFiles(caseId);
      junk.push(...listing.junk);
      files += listing.files.length + 1;
      try {
        const evs = await this.readCase(caseId);
        events += evs.length;
        const summary = this.summaryOf(caseId);
        if (summary) summaries.push(summary);
        else junk.push(rel(CASES, caseId));
      } catch (e) {
        if (e instanceof BroError && e.code === 'TAMPERED') damagedList.push(...damagedFiles(e));
        else if (!(e instanceof BroError && e.code === 'NOT_FOUND')) throw e;
      }
    }
    opts.onProgress?.(ids.length, ids.length);
    for (const n of await listDir(path.join(this.dir, 'index'))) {
      if (!INDEX_FILE_RE.test(n)) {
        junk.push(rel('index', n));
        continue;
      }
      // The index is a cache, but a changed byte in it is still a changed file: name it.
      const jwe = await readFile(path.join(this.dir, 'index', n), 'utf8').catch(() => '');
      const g = this.gens.get(peekKid(jwe) ?? '');
      const okIndex = g
        ? await open(g.indexKey, jwe, {
            vault: this.vaultId,
            kind: 'index',
            id: n.slice(0, 26),
            kid: g.mkid,
          }).then(
            () => true,
            () => false,
          )
        : false;
      if (!okIndex) {
        damagedList.push({ caseId: null, file: rel('index', n), code: 'TAMPERED', reason: 'INDEX' });
        // Named once, then dropped: it is a cache, and the index written below replaces it.
        await unlink(path.join(this.dir, 'index', n)).catch(() => {});
      }
    }
    damagedList.push(...(await this.checkAudit(junk)));
    const stale =
      !before ||
      summaries.some((s) => before.cases[s.caseId]?.sig !== signatureOf(this.cache.get(s.caseId)!.stamps)) ||
      Object.keys(before.cases).length !== summaries.length;
    await this.writeIndex(summaries);
    await this.audit('vault.check');
    return {
      ok: damagedList.length === 0,
      cases: ids.length,
      events,
      files,
      damaged: damagedList,
      junk,
      indexRebuilt: stale,
    };
  }

  private async checkAudit(junk: string[]): Promise<DamagedFile[]> {
    const out: DamagedFile[] = [];
    for (const dev of listEntriesSync(path.join(this.dir, 'audit'))) {
      if (!ID_RE.test(dev.name) || !dev.isDirectory()) {
        junk.push(rel('audit', dev.name));
        continue;
      }
      for (const entry of listEntriesSync(path.join(this.dir, 'audit', dev.name))) {
        const f = entry.name;
        if (!/^\d{4}-\d{2}-\d{2}\.log$/.test(f) || !entry.isFile()) {
          junk.push(rel('audit', dev.name, f));
          continue;
        }
        const lines = (await readFile(path.join(this.dir, 'audit', dev.name, f), 'utf8'))
          .split('\n')
          .filter(Boolean);
        for (const line of lines) {
          try {
            await this.openAuditLine(line, dev.name);
          } catch {
            out.push({
              caseId: null,
              file: rel('audit', dev.name, f),
              code: 'TAMPERED',
              reason: 'AUDIT_LINE',
            });
            break;
          }
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- audit

  /** Appends one encrypted line: who (member id), what, which case (vault id), when. */
  async audit(action: string, subject?: string | string[]): Promise<void> {
    const now = new Date(this.now());
    const dir = path.join(this.dir, 'audit', this.deviceId);
    await ensureDir(dir);
    const line = await sealContent(
      this.cur.auditKey,
      encodeJson({
        at: now.toISOString(),
        actor: this.actor,
        action,
        ...(typeof subject === 'string' ? { caseId: subject } : subject ? { caseIds: subject } : {}),
      }),
      { vault: this.vaultId, kind: 'audit', id: this.deviceId, kid: this.cur.mkid },
    );
    await appendDurable(path.join(dir, `${now.toISOString().slice(0, 10)}.log`), line);
  }

  private openAuditLine(line: string, device: string): Promise<Uint8Array> {
    const g = this.gens.get(peekKid(line) ?? '');
    if (!g) return Promise.reject(new OpenFailure('BINDING'));
    return open(g.auditKey, line, { vault: this.vaultId, kind: 'audit', id: device, kid: g.mkid });
  }

  /** Reads the audit log of every device, oldest first. */
  async readAudit(): Promise<AuditEntry[]> {
    const out: AuditEntry[] = [];
    const devices = listEntriesSync(path.join(this.dir, 'audit')).filter(
      (d) => ID_RE.test(d.name) && d.isDirectory(),
    );
    for (const dev of devices.map((d) => d.name)) {
      const logs = listEntriesSync(path.join(this.dir, 'audit', dev)).filter(
        (e) => e.isFile() && /^\d{4}-\d{2}-\d{2}\.log$/.test(e.name),
      );
      for (const f of logs.map((e) => e.name)) {
        for (const line of (await readFile(path.join(this.dir, 'audit', dev, f), 'utf8'))
          .split('\n')
          .filter(Boolean)) {
          try {
            const p = decodeJson(await this.openAuditLine(line, dev)) as Omit<AuditEntry, 'device'>;
            out.push({ ...p, device: dev });
          } catch {
            /* reported by check() */
          }
        }
      }
    }
    return out.sort((a, b) => (a.at < b.at ? -1 : 1));
  }
}

/** TAMPERED for one case, naming every damaged file (vault-relative paths, no personal data). */
export class TamperedError extends BroError {
  constructor(
    caseId: string,
    readonly files: DamagedFile[],
  ) {
    super('TAMPERED', 'A file in this case is damaged or was changed outside Bro', {
      detail: { caseId, file: files[0]?.file ?? '', count: files.length },
    });
  }
}

function damaged(caseId: string, files: DamagedFile[]): TamperedError {
  return new TamperedError(caseId, files);
}

export function damagedFiles(e: BroError): DamagedFile[] {
  return e instanceof TamperedError ? e.files : [];
}

export type { Binding };
