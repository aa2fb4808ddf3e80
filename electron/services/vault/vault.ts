import { readdirSync, statSync, type Dirent } from 'node:fs';
import { readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { BroError } from '../../../shared/errors';
import { summarizeCase, type CaseSummary } from '../../../shared/cases/summary';
import { foldCase, type CaseState } from '../../../shared/events/fold';
import {
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
import { appendDurable, ensureDir, listDir, writeAtomic } from './atomic';
import {
  DEFAULT_SCRYPT,
  OpenFailure,
  decodeJson,
  deriveKek,
  digestId,
  encodeJson,
  formatRecoveryKey,
  newScryptParams,
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
  generateSigningJwk,
  memberRecord,
  signingKeyFromJwk,
  signingKeyFromSeed,
  type MemberRecord,
  type PrivateJwk,
  type SigningKey,
} from './identity';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  ID_RE,
  INDEX_FILE_RE,
  JWE_FILE_RE,
  VAULT_FILE,
  caseKeyRing,
  isSyncJunk,
  keyFile,
  masterKeyPayload,
  vaultHeader,
  type CaseKeyRing,
  type KeyFile,
  type VaultHeader,
} from './format';

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
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
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
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new BroError('VAULT_DAMAGED', 'The vault header is not valid JSON', {
      detail: { file: VAULT_FILE },
    });
  }
  const version = (json as { version?: unknown })?.version;
  if (
    (json as { format?: unknown })?.format === FORMAT_NAME &&
    typeof version === 'number' &&
    version > FORMAT_VERSION
  )
    throw new BroError(
      'VAULT_NEWER_FORMAT',
      `The vault uses format ${version}; this Bro reads up to ${FORMAT_VERSION}`,
      {
        detail: { file: VAULT_FILE, version, supported: FORMAT_VERSION },
      },
    );
  const parsed = vaultHeader.safeParse(json);
  if (!parsed.success)
    throw new BroError('VAULT_DAMAGED', 'The vault header is damaged', { detail: { file: VAULT_FILE } });
  return parsed.data;
}

async function readKeyFile(dir: string, name: string): Promise<KeyFile> {
  const file = rel('keys', name);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path.join(dir, 'keys', name), 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new BroError('VAULT_DAMAGED', 'A key file is missing', { detail: { file } });
    throw new BroError('VAULT_DAMAGED', 'A key file is damaged', { detail: { file } });
  }
  const parsed = keyFile.safeParse(json);
  if (!parsed.success) throw new BroError('VAULT_DAMAGED', 'A key file is damaged', { detail: { file } });
  return parsed.data;
}

interface Unlocked {
  master: Uint8Array;
  mkid: string;
  memberId: string | null;
  sign?: PrivateJwk | undefined;
}

async function unwrapMaster(
  header: VaultHeader,
  kf: KeyFile,
  kek: Uint8Array,
  id: string,
): Promise<Unlocked | null> {
  try {
    const plain = await open(kek, kf.wrapped, { vault: header.vaultId, kind: 'master-key', id });
    const p = masterKeyPayload.parse(decodeJson(plain));
    return {
      master: new Uint8Array(Buffer.from(p.mk, 'base64url')),
      mkid: p.mkid,
      memberId: kf.memberId ?? null,
      sign: p.sign,
    };
  } catch (e) {
    if (e instanceof OpenFailure && e.reason === 'AUTH') return null;
    throw new BroError('VAULT_DAMAGED', 'A key file is damaged', {
      detail: { file: rel('keys', `${id}.json`) },
    });
  }
}

function recoveryKek(recovery: Uint8Array, vaultId: string): Uint8Array {
  return subkey(recovery, vaultId, 'recovery kek v1');
}

/**
 * An unlocked vault. Every file it writes is new and uniquely named (events, packs, indexes,
 * audit lines per device), so several processes and devices can share one folder.
 */
export class Vault {
  readonly dir: string;
  readonly header: VaultHeader;
  readonly deviceId: string;
  /** The member id (for the audit log and event authorship); `recovery` when opened with the recovery key. */
  readonly actor: string;
  private readonly master: Uint8Array;
  private readonly mkid: string;
  private readonly indexKey: Uint8Array;
  private readonly auditKey: Uint8Array;
  private readonly caseKek: Uint8Array;
  private readonly membersKey: Uint8Array;
  private readonly sign: PrivateJwk | undefined;
  private readonly now: () => number;
  private hlc: Hlc = { wall: 0, counter: 0 };
  private readonly keyRings = new Map<string, CaseKeyRing>();
  private readonly cache = new Map<string, CachedCase>();
  private readonly dirty = new Set<string>();
  private closed = false;
  /** Index files (with times) seen at the last load: older ones are superseded by the next write. */
  private indexSeen: { n: string; t: number }[] = [];

  private constructor(dir: string, header: VaultHeader, unlocked: Unlocked, opts: VaultOptions) {
    this.dir = dir;
    this.header = header;
    this.deviceId = opts.deviceId && ID_RE.test(opts.deviceId) ? opts.deviceId : randomId();
    this.actor = unlocked.memberId ?? 'recovery';
    this.master = unlocked.master;
    this.mkid = unlocked.mkid;
    this.now = opts.now ?? Date.now;
    const v = header.vaultId;
    this.indexKey = subkey(this.master, v, 'index v1');
    this.auditKey = subkey(this.master, v, 'audit v1');
    this.caseKek = subkey(this.master, v, 'case-key wrap v1');
    this.membersKey = subkey(this.master, v, 'members v1');
    this.sign = unlocked.sign;
  }

  get vaultId(): string {
    return this.header.vaultId;
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
    if (opts.passphrase.length < 8)
      throw new BroError('VALIDATION', 'Passphrase too short', {
        issues: [{ path: ['passphrase'], code: 'PASSPHRASE_TOO_SHORT' }],
      });
    const existing = await listDir(dir);
    if (existing.includes(VAULT_FILE))
      throw new BroError('VAULT_EXISTS', 'There is already a vault in this folder');
    if (existing.some((n) => !isSyncJunk(n)))
      throw new BroError('VAULT_EXISTS', 'The folder is not empty', { detail: { reason: 'NOT_EMPTY' } });
    const kdf = opts.kdf ?? DEFAULT_SCRYPT;
    const header: VaultHeader = {
      format: FORMAT_NAME,
      version: FORMAT_VERSION,
      vaultId: randomId(),
      created: new Date(opts.now?.() ?? Date.now()).toISOString().slice(0, 10),
      kdf: { alg: 'scrypt', ...kdf },
    };
    const master = randomKey();
    const mkid = randomId();
    const memberId = randomId();
    await ensureDir(path.join(dir, 'keys'));
    await ensureDir(path.join(dir, CASES));
    await ensureDir(path.join(dir, 'index'));
    await ensureDir(path.join(dir, 'audit'));

    const params = newScryptParams(kdf);
    const kek = await deriveKek(opts.passphrase, params);
    const payload = { mk: Buffer.from(master).toString('base64url'), mkid };
    const sign = await generateSigningJwk();
    const memberKey: KeyFile = {
      format: 'bro-key',
      version: 1,
      kind: 'passphrase',
      memberId,
      kdf: params,
      wrapped: await sealKey(kek, encodeJson({ ...payload, member: { name: opts.memberName ?? '' }, sign }), {
        vault: header.vaultId,
        kind: 'master-key',
        id: memberId,
      }),
    };
    const recovery = randomKey();
    const recoveryFile: KeyFile = {
      format: 'bro-key',
      version: 1,
      kind: 'recovery',
      wrapped: await sealKey(recoveryKek(recovery, header.vaultId), encodeJson(payload), {
        vault: header.vaultId,
        kind: 'master-key',
        id: 'recovery',
      }),
    };
    await writeAtomic(path.join(dir, 'keys', `${memberId}.json`), JSON.stringify(memberKey, null, 2));
    await writeAtomic(path.join(dir, 'keys', 'recovery.json'), JSON.stringify(recoveryFile, null, 2));
    // The header goes last: a folder without it is not a vault, so a crash during creation leaves no half-vault.
    await writeAtomic(path.join(dir, VAULT_FILE), JSON.stringify(header, null, 2));
    const vault = new Vault(dir, header, { master, mkid, memberId, sign }, opts);
    await vault.writeMemberRecord({
      memberId,
      name: opts.memberName ?? '',
      publicJwk: signingKeyFromJwk(sign).publicJwk,
      created: header.created,
    });
    await vault.audit('vault.create');
    return { vault, recoveryKey: formatRecoveryKey(recovery), memberId };
  }

  /** Unlocks with a member's passphrase (trying each member key file) or with the recovery key. */
  static async unlock(
    dir: string,
    secret: Secret,
    opts: VaultOptions & { memberId?: string } = {},
  ): Promise<Vault> {
    let header = await readVaultHeader(dir);
    if (header.version < FORMAT_VERSION) {
      await migrate(dir, header.version);
      header = await readVaultHeader(dir);
    }
    let unlocked: Unlocked | null = null;
    if ('recoveryKey' in secret) {
      const recovery = parseRecoveryKey(secret.recoveryKey);
      const kf = await readKeyFile(dir, 'recovery.json');
      unlocked = await unwrapMaster(header, kf, recoveryKek(recovery, header.vaultId), 'recovery');
    } else {
      const names = (await listDir(path.join(dir, 'keys'))).filter((n) => /^[a-z2-7]{26}\.json$/.test(n));
      const wanted = opts.memberId ? names.filter((n) => n === `${opts.memberId}.json`) : names;
      if (wanted.length === 0)
        throw new BroError('VAULT_DAMAGED', 'No member key file found', { detail: { file: 'keys/' } });
      // A damaged key file (or one dropped into a shared folder) must not lock the others out.
      let damagedKey: BroError | null = null;
      for (const name of wanted) {
        try {
          const kf = await readKeyFile(dir, name);
          if (kf.kind !== 'passphrase' || !kf.kdf || kf.memberId !== name.slice(0, 26))
            throw new BroError('VAULT_DAMAGED', 'A key file is damaged', {
              detail: { file: rel('keys', name) },
            });
          const kek = await deriveKek(secret.passphrase, kf.kdf);
          unlocked = await unwrapMaster(header, kf, kek, kf.memberId);
          if (unlocked) break;
        } catch (e) {
          if (e instanceof BroError && e.code === 'VAULT_DAMAGED') damagedKey = e;
          else throw e;
        }
      }
      // Only when no intact key file was there to try is the damage the answer; else: wrong passphrase.
      if (!unlocked && damagedKey && wanted.length === 1) throw damagedKey;
    }
    if (!unlocked) throw new BroError('WRONG_PASSPHRASE', 'Wrong passphrase or recovery key');
    const vault = new Vault(dir, header, unlocked, opts);
    await vault.audit('vault.unlock');
    return vault;
  }

  // ---------------------------------------------------------------- signing identities

  /** Writes a member's public record (name and public key), encrypted: the name is personal data. */
  async writeMemberRecord(rec: MemberRecord): Promise<void> {
    const jwe = await sealContent(this.membersKey, encodeJson(rec), {
      vault: this.vaultId,
      kind: 'identity',
      id: rec.memberId,
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
        const rec = memberRecord.parse(
          decodeJson(await open(this.membersKey, jwe, { vault: this.vaultId, kind: 'identity', id })),
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

  /** The vault's own signing key (derived from the master key), for de-identified metrics bundles. */
  async vaultSigningKey(): Promise<SigningKey> {
    this.assertOpen();
    return signingKeyFromSeed(subkey(this.master, this.vaultId, 'vault signing v1'));
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
    const caseId = randomId();
    const kid = randomId();
    const ring: CaseKeyRing = {
      current: kid,
      keys: [{ kid, k: Buffer.from(randomKey()).toString('base64url') }],
    };
    await ensureDir(this.casePath(caseId, 'events'));
    await ensureDir(this.casePath(caseId, 'packs'));
    const jwe = await sealKey(this.caseKek, encodeJson(ring), {
      vault: this.vaultId,
      kind: 'case-key',
      case: caseId,
      kid: this.mkid,
    });
    await writeAtomic(this.casePath(caseId, 'key.jwe'), jwe);
    this.keyRings.set(caseId, ring);
    const stamps = new Map([['key.jwe', stampOf(statSync(this.casePath(caseId, 'key.jwe')))]]);
    this.cache.set(caseId, { stamps, events: [] });
    return caseId;
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
      const plain = await open(this.caseKek, jwe, {
        vault: this.vaultId,
        kind: 'case-key',
        case: caseId,
        kid: this.mkid,
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
      const events = await this.openCaseFile(caseId, ring, sub === 'events' ? 'event' : 'pack', id, jwe);
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
  ): Promise<StoredEvent[] | null> {
    const kid = peekKid(jwe);
    const k = ring.keys.find((x) => x.kid === kid);
    if (!k || !kid) return null;
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
    for (const { n } of withTimes) {
      try {
        const jwe = await readFile(path.join(dir, n), 'utf8');
        const plain = await open(this.indexKey, jwe, {
          vault: this.vaultId,
          kind: 'index',
          id: n.slice(0, 26),
        });
        const p = decodeJson(plain) as IndexPayload;
        if (p.v !== 1 || p.vault !== this.vaultId || typeof p.cases !== 'object') continue;
        this.observe(p.hlc);
        return p;
      } catch {
        continue; // A damaged or half-synced index is only a cache: try the next, else rebuild.
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
    const jwe = await sealContent(this.indexKey, encodeJson(payload), {
      vault: this.vaultId,
      kind: 'index',
      id: this.deviceId,
    });
    const name = `${this.deviceId}-${sha256Hex(jwe).slice(0, 16)}.jwe`;
    await ensureDir(path.join(this.dir, 'index'));
    // The index is rebuildable, so it is written atomically but without fsync.
    await writeAtomic(path.join(this.dir, 'index', name), jwe, { durable: false });
    // Superseded: our own older indexes, and every index that was already there when we listed the
    // cases (the new one covers all of it). One written by another device meanwhile stays.
    const superseded = new Set(this.indexSeen.map((x) => x.n));
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
    for (const k of [this.master, this.indexKey, this.auditKey, this.caseKek, this.membersKey]) k.fill(0);
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
          await open(this.membersKey, await readFile(path.join(this.dir, 'keys', n), 'utf8'), {
            vault: this.vaultId,
            kind: 'identity',
            id,
          });
        } catch {
          damagedList.push({ caseId: null, file: rel('keys', n), code: 'TAMPERED', reason: 'MEMBER_RECORD' });
        }
      } else if (n === 'recovery.json' || /^[a-z2-7]{26}\.json$/.test(n)) {
        try {
          await readKeyFile(this.dir, n);
        } catch {
          damagedList.push({ caseId: null, file: rel('keys', n), code: 'TAMPERED', reason: 'KEY_FILE' });
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
    for (const n of await listDir(path.join(this.dir, 'index')))
      if (!INDEX_FILE_RE.test(n)) junk.push(rel('index', n));
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
            await open(this.auditKey, line, { vault: this.vaultId, kind: 'audit', id: dev.name });
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
      this.auditKey,
      encodeJson({
        at: now.toISOString(),
        actor: this.actor,
        action,
        ...(typeof subject === 'string' ? { caseId: subject } : subject ? { caseIds: subject } : {}),
      }),
      { vault: this.vaultId, kind: 'audit', id: this.deviceId },
    );
    await appendDurable(path.join(dir, `${now.toISOString().slice(0, 10)}.log`), line);
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
            const p = decodeJson(
              await open(this.auditKey, line, { vault: this.vaultId, kind: 'audit', id: dev }),
            ) as Omit<AuditEntry, 'device'>;
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
