import path from 'node:path';
import { BroError } from '../../../shared/errors';
import type { CaseState } from '../../../shared/events/fold';
import { foldCase } from '../../../shared/events/fold';
import { EVENT_DATA, type NewEvent, type StoredEvent } from '../../../shared/events/vocabulary';
import type { SummaryRules } from '../../../shared/cases/summary';
import type { z } from 'zod';
import { statSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { AccessRequests, type AccessRequest } from './access-requests';
import { AuditLog, type AuditEntry, type AuditExtra } from './audit-log';
import { ensureDir, listDir, writeAtomic } from './atomic';
import { CaseHelper } from './case-helper';
import { CaseIndex, hasIndex, type CaseListResult } from './case-index';
import { listCaseIds, type CaseFiles } from './case-files';
import { CaseStore, validateNewEvents } from './cases';
import { checkVault, type CheckReport } from './check';
import { getBlob, putBlob } from './blobs';
import type { BlobRef } from '../../../shared/blobs/ref';
import { containerId, containerKeyId, type ContainerName } from './containers';
import { VaultCore } from './core';
import {
  DEFAULT_SCRYPT,
  formatRecoveryKey,
  parseRecoveryKey,
  randomId,
  randomKey,
  subkey,
  type Binding,
} from './crypto';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  ID_RE,
  MEMBER_KEY_RE,
  ROOT_FOLDERS,
  VAULT_FILE,
  isSyncJunk,
  type VaultHeader,
} from './format';
import {
  signingKeyFromJwk,
  signingKeyFromSeed,
  type MemberRecord,
  type PrivateJwk,
  type SigningKey,
} from './identity';
import { Keychain } from './keychain';
import {
  encodeSet,
  grantMember,
  memberKeyFile,
  newMemberKeyFile,
  newRecoveryFile,
  openMemberGrant,
  openMemberPrivate,
  openRecovery,
  recoveryEcdh,
  recoveryKeyFile,
  serializeSealed,
  type MasterKeySet,
} from './keys';
import { Members, checkPassphrase, requestMembership, type JoinRequest } from './members';
import { migrate } from './migrations';
import { Rotation } from './rotation';
import { RotationRecordFile } from './rotation-record';
import { readSealed, readVaultHeader } from './sealed-files';

export { readVaultHeader } from './sealed-files';
export { CONTAINERS, containerId, type ContainerName } from './containers';
export { TamperedError, damagedFiles, type DamagedFile } from './damage';
export type { AccessRequest, AuditEntry, Binding, CaseListResult, CheckReport, JoinRequest };

export type Secret = { passphrase: string } | { recoveryKey: string };

export interface VaultOptions {
  /** This device's id (random, stored in local settings). A fresh one is made when absent. */
  deviceId?: string;
  /** Clock source, for tests of ordering. */
  now?: () => number;
  /**
   * The compaction rule's count (docs/VAULT-FORMAT.md §13; LOG_COMPACT_RECORDS when absent). The
   * kill tests set it low, so that compactions are among what the kills cut.
   */
  compactAfter?: number;
  /**
   * From how many cases to read the case list uses a helper thread (HELPER_FROM when absent; the
   * tests set 1 to run it on small vaults, `Infinity` to run without it).
   */
  helperFrom?: number;
}

interface Unlocked {
  set: MasterKeySet;
  memberId: string | null;
  sign?: PrivateJwk | undefined;
  /** The private P-256 key (member's or recovery's) that opens restricted cases granted to it. */
  ecdh?: KeyObject;
  /** Re-reads this member's (or the recovery) grant with the private key held in memory. */
  reopen?: () => Promise<MasterKeySet>;
}

/**
 * An unlocked vault. Every file it writes is new and uniquely named (packs, indexes), or
 * appended to by this device alone (its event log per case, its audit lines), so several
 * processes and devices can share one folder.
 *
 * This class is the vault's one public face; the work is done by one part per section of
 * docs/VAULT-FORMAT.md: keys and members (keychain, members, rotation), case files and packs
 * (cases, case-keys, case-events, case-files), the index (case-index), the audit log
 * (audit-log), writing (atomic), and the check that goes through all of them (check).
 */
export class Vault {
  readonly dir: string;
  readonly deviceId: string;
  /** The member id (for the audit log and event authorship); `recovery` when opened with the recovery key. */
  readonly actor: string;
  private readonly core: VaultCore;
  private readonly sign: PrivateJwk | undefined;
  private readonly rotationRecord: RotationRecordFile;
  private readonly store: CaseStore;
  private readonly index: CaseIndex;
  private readonly auditLog: AuditLog;
  private readonly memberList: Members;
  private readonly rotation: Rotation;
  private readonly requests: AccessRequests;

  private constructor(dir: string, header: VaultHeader, unlocked: Unlocked, opts: VaultOptions) {
    this.dir = dir;
    this.deviceId = opts.deviceId && ID_RE.test(opts.deviceId) ? opts.deviceId : randomId();
    this.actor = unlocked.memberId ?? 'recovery';
    this.sign = unlocked.sign;
    const keys = new Keychain(header.vaultId, unlocked.set);
    this.core = new VaultCore(
      dir,
      header,
      this.deviceId,
      this.actor,
      keys,
      opts.now ?? Date.now,
      unlocked.ecdh,
    );
    this.rotationRecord = new RotationRecordFile(this.core);
    this.store = new CaseStore(this.core, this.rotationRecord);
    if (opts.compactAfter !== undefined) this.store.compactAfter = Math.max(1, opts.compactAfter);
    this.index = new CaseIndex(this.core, this.store);
    this.auditLog = new AuditLog(this.core);
    this.memberList = new Members(this.core, this.auditLog);
    this.rotation = new Rotation(this.core, this.store, this.rotationRecord, unlocked.reopen);
    this.requests = new AccessRequests(this.core);
  }

  get header(): VaultHeader {
    return this.core.header;
  }

  get vaultId(): string {
    return this.core.vaultId;
  }

  // ---------------------------------------------------------------- create and unlock

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
    for (const d of ROOT_FOLDERS) await ensureDir(path.join(dir, d));
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
    const vault = new Vault(
      dir,
      header,
      { set, memberId: member.memberId, sign: secrets!.sign, ecdh: secrets!.ecdh },
      opts,
    );
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
    // A vault without an index (a new device, a lost index) is read whole right after: the
    // helper thread starts while the key is derived, so its start costs no waiting.
    const helper = new CaseHelper(undefined, opts.helperFrom);
    if (!hasIndex(dir) && listCaseIds(dir).ids.length >= helper.from) helper.prepare(Infinity);
    try {
      const unlocked =
        'recoveryKey' in secret
          ? await unlockWithRecovery(dir, secret.recoveryKey)
          : await unlockWithPassphrase(dir, header, secret.passphrase, opts.memberId);
      if (!unlocked) throw new BroError('WRONG_PASSPHRASE', 'Wrong passphrase or recovery key');
      // SECURITY: a key file from before a rotation (a removed member's kept copy) grants an old master key.
      const known = [unlocked.set.current.mkid, ...unlocked.set.previous.map((k) => k.mkid)];
      if (!known.includes(header.mkid))
        throw new BroError('ACCESS_REVOKED', 'This key no longer gives access to the vault', {
          detail: { file: unlocked.memberId ? `keys/${unlocked.memberId}.json` : 'keys/recovery.json' },
        });
      const vault = new Vault(dir, header, unlocked, opts);
      vault.store.helper = helper;
      // An interrupted rotation (a crash during a member's removal) is finished by the next member in.
      if (unlocked.memberId) await vault.rotation.finish();
      if (header.version < FORMAT_VERSION) {
        await migrate(dir, header.version, { store: vault.store, core: vault.core });
        vault.core.header = await readVaultHeader(dir);
      }
      await vault.audit('vault.unlock');
      return vault;
    } catch (e) {
      await helper.stop();
      throw e;
    }
  }

  // ---------------------------------------------------------------- members

  /**
   * A new member asks to join (on their own machine): their keys are made and protected by their
   * passphrase, and a request waits in keys/requests/ until an existing member approves it.
   * Returns the code the requester reads out to the approver.
   */
  static requestMembership(
    dir: string,
    opts: { passphrase: string; kdf?: { N: number; r: number; p: number }; now?: () => number },
  ): Promise<JoinRequest> {
    return requestMembership(dir, opts);
  }

  async pendingRequests(): Promise<JoinRequest[]> {
    this.core.assertOpen();
    return this.memberList.pending();
  }

  /** Approves a join request whose code the approver has compared with the requester's screen. */
  async approveMember(code: string, name: string): Promise<{ memberId: string }> {
    this.core.assertOpen();
    return this.memberList.approve(code, name);
  }

  /** Members with their names and whether they are still members (removed ones keep a record for old signatures). */
  async members(): Promise<(MemberRecord & { active: boolean; me: boolean })[]> {
    return this.memberList.list();
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
    this.core.assertOpen();
    const result = await this.rotation.removeMember(memberId, this.memberList, opts.onProgress);
    await this.listCases();
    await this.audit('member.remove', [memberId]);
    return result;
  }

  /** Writes a member's public record (name and public key), encrypted: the name is personal data. */
  async writeMemberRecord(rec: MemberRecord): Promise<void> {
    return this.memberList.writeRecord(rec);
  }

  /** Every member's public signing identity (for `bro keys jwks` and verifying letters). */
  async memberRecords(): Promise<MemberRecord[]> {
    return this.memberList.records();
  }

  /** The unlocking member's signing key; null when opened with the recovery key (it signs nothing). */
  memberSigningKey(): (SigningKey & { memberId: string }) | null {
    this.core.assertOpen();
    if (!this.sign || this.actor === 'recovery') return null;
    return { ...signingKeyFromJwk(this.sign), memberId: this.actor };
  }

  /** The vault's own signing key (derived from the current master key), for de-identified metrics bundles. */
  async vaultSigningKey(): Promise<SigningKey> {
    this.core.assertOpen();
    return signingKeyFromSeed(subkey(this.core.keys.cur.mk, this.vaultId, 'vault signing v1'));
  }

  // ---------------------------------------------------------------- cases

  async listCaseIds(): Promise<{ ids: string[]; junk: string[] }> {
    return listCaseIds(this.dir);
  }

  /** Makes a new, empty case folder with its own data key. */
  async createCase(): Promise<string> {
    this.core.assertOpen();
    await this.rotation.refreshIfRotated();
    return this.store.create();
  }

  /**
   * Opens a container (the registers, docs/VAULT-FORMAT.md §10.4), making its folder on first use
   * at its fixed id. Its first data key is derived from the master key, so two devices that make
   * it at once (before a sync) make the same key and every event either writes stays readable; a
   * rotation re-keys it like any case.
   */
  async openContainer(name: ContainerName): Promise<string> {
    this.core.assertOpen();
    await this.rotation.refreshIfRotated();
    const id = containerId(name, this.vaultId);
    if (statSync(this.store.path(id, 'key.jwe'), { throwIfNoEntry: false })) return id;
    const kid = containerKeyId(name, this.vaultId);
    const k = Buffer.from(subkey(this.core.keys.cur.mk, this.vaultId, `container ${name} v1`)).toString(
      'base64url',
    );
    return this.store.create({ id, ring: { current: kid, keys: [{ kid, k }] } });
  }

  /**
   * Sets how case summaries are made (the obligations in them depend on the date and the
   * settings): summaries made under another version, or that no longer hold, are made again.
   */
  setSummaryRules(rules: SummaryRules): void {
    this.store.setRules(rules);
  }

  /**
   * Decrypts and verifies every file of one case. Any file that does not authenticate, sits in the
   * wrong place, or is not a vault file makes the case TAMPERED (naming each file); other cases are unaffected.
   */
  async readCase(caseId: string, listing?: CaseFiles): Promise<StoredEvent[]> {
    this.core.assertOpen();
    await this.rotation.refreshIfRotated();
    return this.store.read(caseId, listing);
  }

  /**
   * Records events durably. One event becomes one file; several become one pack, so a batch
   * (an import of a case, a form with several fields) lands whole or not at all.
   */
  async append(
    caseId: string,
    events: readonly NewEvent[],
    /** The event vocabulary of the folder: a case's, or a container's (the registers'). */
    vocabulary: Readonly<Record<string, z.ZodType>> = EVENT_DATA,
  ): Promise<StoredEvent[]> {
    this.core.assertOpen();
    if (events.length === 0) return [];
    // SECURITY: a container's events are never case events, and a case's never a container's.
    if (this.core.containers.has(caseId) === (vocabulary === EVENT_DATA))
      throw new BroError('NOT_FOUND', 'No such case', { detail: { caseId } });
    validateNewEvents(events, vocabulary);
    await this.rotation.refreshIfRotated();
    return this.store.append(caseId, events);
  }

  /**
   * Keeps a file (an issued letter's PDF, a received document) as a blob beside the case's events
   * (docs/VAULT-FORMAT.md §9.7) and returns the reference an event then holds. Write the blob
   * first, then the event: a crash between leaves only an unreferenced blob, which `vault check`
   * names as junk. The same file twice in one case is kept once.
   */
  async putBlob(caseId: string, bytes: Uint8Array): Promise<BlobRef> {
    this.core.assertOpen();
    if (this.core.containers.has(caseId))
      throw new BroError('NOT_FOUND', 'No such case', { detail: { caseId } });
    await this.rotation.refreshIfRotated();
    return putBlob(this.core, caseId, await this.store.keyRing(caseId), bytes);
  }

  /** Reads a blob an event of the case refers to (TAMPERED, naming the file, when missing or changed). */
  async readBlob(caseId: string, ref: BlobRef): Promise<Buffer> {
    this.core.assertOpen();
    await this.rotation.refreshIfRotated();
    return getBlob(this.core, caseId, await this.store.keyRing(caseId), ref);
  }

  /**
   * Deletes a case's folder for good, and records who deleted which case id, when and why in the
   * audit log (no name). A container (the registers) is not a case and cannot be deleted.
   */
  async deleteCase(caseId: string, reason: string): Promise<void> {
    this.core.assertOpen();
    if (this.core.containers.has(caseId))
      throw new BroError('NOT_FOUND', 'No such case', { detail: { caseId } });
    await this.store.remove(caseId);
    await this.audit('case.delete', caseId, undefined, { reason });
  }

  /** Folds all of a case's events into one pack and removes the files it replaced. Safe with concurrent writers. */
  async compact(caseId: string): Promise<{ before: number; after: number }> {
    this.core.assertOpen();
    await this.rotation.refreshIfRotated();
    return this.store.compact(caseId);
  }

  // ---------------------------------------------------------------- access by need (§8.1)

  /**
   * Who may open a case: `restricted` false for a case every member opens; else the members it
   * is restricted to, whether this member is one (`canOpen`), and the open access requests.
   */
  async caseAccess(
    caseId: string,
  ): Promise<{ restricted: boolean; members: string[]; canOpen: boolean; requests: AccessRequest[] }> {
    this.core.assertOpen();
    await this.rotation.refreshIfRotated();
    let canOpen = true;
    try {
      await this.store.keyRing(caseId);
    } catch (e) {
      if (!(e instanceof BroError && e.code === 'RESTRICTED')) throw e;
      canOpen = false;
    }
    const access = this.store.accessOf(caseId) ?? null;
    return {
      restricted: access !== null,
      members: access?.members ?? [],
      canOpen,
      requests: access ? await this.requests.list(caseId) : [],
    };
  }

  /**
   * Restricts a case to named members (or changes the list): a new data key granted to them alone
   * and to the recovery key, every event re-encrypted under it. Audited as `case.restrict`.
   */
  async restrictCase(caseId: string, members: readonly string[]): Promise<void> {
    this.core.assertOpen();
    await this.rotation.refreshIfRotated();
    await this.store.restrict(caseId, members);
    for (const m of members) await this.requests.remove(caseId, m);
    await this.audit('case.restrict', [caseId, ...members]);
  }

  /** Gives a member access to a restricted case (answers their request, if any). */
  async grantCase(caseId: string, memberId: string): Promise<void> {
    this.core.assertOpen();
    await this.rotation.refreshIfRotated();
    await this.store.grant(caseId, memberId);
    await this.requests.remove(caseId, memberId);
    await this.audit('case.grant', [caseId, memberId]);
  }

  /** Takes a member's access away: the case's keys are rotated so their old grant opens nothing new. */
  async revokeCase(caseId: string, memberId: string): Promise<void> {
    this.core.assertOpen();
    await this.rotation.refreshIfRotated();
    await this.store.revoke(caseId, memberId);
    await this.audit('case.revoke', [caseId, memberId]);
  }

  /** Asks for access to a restricted case this member cannot open (recorded in access/). */
  async requestCaseAccess(caseId: string): Promise<AccessRequest> {
    this.core.assertOpen();
    if (this.actor === 'recovery')
      throw new BroError('ACCESS_REVOKED', 'Open the vault as a member to ask for access');
    const a = await this.caseAccess(caseId);
    if (!a.restricted || a.canOpen)
      throw new BroError('VALIDATION', 'You can already open this case', {
        issues: [{ path: ['caseId'], code: a.restricted ? 'ALREADY_GRANTED' : 'NOT_RESTRICTED' }],
      });
    const r = await this.requests.write(caseId, this.actor);
    await this.audit('case.access.request', caseId);
    return r;
  }

  /** Declines a member's request (a member with access to the case does this). */
  async declineCaseAccess(caseId: string, memberId: string): Promise<void> {
    this.core.assertOpen();
    const a = await this.caseAccess(caseId);
    if (!a.canOpen) throw new BroError('RESTRICTED', 'Restricted case', { detail: { caseId } });
    if (!(await this.requests.remove(caseId, memberId)))
      throw new BroError('NOT_FOUND', 'No such request', {
        issues: [{ path: ['memberId'], code: 'NOT_FOUND' }],
      });
    await this.audit('case.access.decline', [caseId, memberId]);
  }

  /** Every open access request in the vault (for the cases this member can answer, and their own). */
  async accessRequests(): Promise<AccessRequest[]> {
    this.core.assertOpen();
    return this.requests.list();
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
    this.core.assertOpen();
    // A rotation is looked for once before the list, not with two stats per case; a case that
    // does not open is read once more after looking again (a rotation part-way through the list).
    await this.rotation.refreshIfRotated();
    const read = async (caseId: string, listing: CaseFiles) => {
      try {
        await this.store.readForList(caseId, listing, this.store.helper);
      } catch (e) {
        if (e instanceof BroError && e.code === 'TAMPERED') return this.readCase(caseId);
        throw e;
      }
    };
    return this.index.listCases(read, opts);
  }

  /** Writes the index if anything changed. Call when done (the CLI does, the app does on lock). */
  async close(): Promise<void> {
    if (this.core.closed) return;
    if (this.store.dirty.size > 0) await this.listCases();
    this.core.closed = true;
    await this.store.helper.stop();
    this.core.keys.wipe();
    this.store.forget();
  }

  // ---------------------------------------------------------------- check and audit

  /** Decrypts and verifies every file, reports damage and sync junk, and rebuilds the index. */
  async check(opts: { onProgress?: (done: number, total: number) => void } = {}): Promise<CheckReport> {
    this.core.assertOpen();
    const { core, store, index, auditLog, rotationRecord: rotation, requests } = this;
    return checkVault(
      { core, store, index, auditLog, rotation, requests, readCase: (caseId) => this.readCase(caseId) },
      opts,
    );
  }

  /**
   * Appends one encrypted line: who (member id), what, which case (vault id), when. `attempt`: a
   * failed or refused unlock recorded on this device while the vault was locked, written now with
   * the time it happened and no actor (electron/services/access/attempts.ts).
   */
  async audit(
    action: string,
    subject?: string | string[],
    attempt?: { at: string; count?: number; until?: string },
    extra?: AuditExtra,
  ): Promise<void> {
    return this.auditLog.append(action, subject, attempt, extra);
  }

  /** Reads the audit log of every device, oldest first. */
  async readAudit(): Promise<AuditEntry[]> {
    return this.auditLog.read();
  }
}

/** The recovery key opens the grant in keys/recovery.json; null when it is not this vault's. */
async function unlockWithRecovery(dir: string, text: string): Promise<Unlocked | null> {
  const recovery = parseRecoveryKey(text);
  const file = await readSealed(dir, 'keys/recovery.json', recoveryKeyFile);
  const set = await openRecovery(file, recovery).catch(() => {
    throw new BroError('VAULT_DAMAGED', 'A key file is damaged', {
      detail: { file: 'keys/recovery.json' },
    });
  });
  if (!set) return null;
  return {
    set,
    memberId: null,
    ecdh: recoveryEcdh(recovery, file.vaultId).priv,
    reopen: async () =>
      (await openRecovery(await readSealed(dir, 'keys/recovery.json', recoveryKeyFile), recovery)) ?? set,
  };
}

/** Tries the passphrase on each member key file (or the one named); null when none opens. */
async function unlockWithPassphrase(
  dir: string,
  header: VaultHeader,
  passphrase: string,
  memberId: string | undefined,
): Promise<Unlocked | null> {
  const names = (await listDir(path.join(dir, 'keys'))).filter((n) => MEMBER_KEY_RE.test(n));
  const wanted = memberId ? names.filter((n) => n === `${memberId}.json`) : names;
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
      const secrets = await openMemberPrivate(kf, passphrase).catch(() => {
        throw new BroError('VAULT_DAMAGED', 'A key file is damaged', { detail: { file } });
      });
      if (!secrets) continue;
      const set = await openMemberGrant(kf, secrets).catch((e: unknown) => {
        if (e instanceof BroError) throw e;
        throw new BroError('VAULT_DAMAGED', 'A key file is damaged', { detail: { file } });
      });
      return {
        set,
        memberId: kf.memberId,
        sign: secrets.sign,
        ecdh: secrets.ecdh,
        reopen: async () => openMemberGrant(await readSealed(dir, file, memberKeyFile), secrets),
      };
    } catch (e) {
      if (e instanceof BroError && e.code === 'VAULT_DAMAGED') damagedKey = e;
      else throw e;
    }
  }
  // Only when no intact key file was there to try is the damage the answer; else: wrong passphrase.
  if (damagedKey && wanted.length === 1) throw damagedKey;
  return null;
}
