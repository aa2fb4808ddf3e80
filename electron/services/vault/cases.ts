import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fdatasyncSync,
  fstatSync,
  ftruncateSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { summaryRules, type CaseSummary, type SummaryRules } from '../../../shared/cases/summary';
import { BroError } from '../../../shared/errors';
import type { z } from 'zod';
import { zodIssues } from '../../../shared/domain/validate';
import { checkedMark } from '../../../shared/events/checked';
import {
  EVENT_DATA,
  EVENT_VERSION,
  type NewEvent,
  type StoredEvent,
} from '../../../shared/events/vocabulary';
import { TEMP_PREFIX, ensureDir, fsyncDir, listDir, renameDurable, writeAtomic } from './atomic';
import { caseFiles, casePath, signatureOf, stampOf, type CaseFiles } from './case-files';
import { decryptCaseFile, decryptLog, openLog, sealEvents, sealLogRecord } from './case-events';
import { CaseHelper } from './case-helper';
import {
  eventsOfPlains,
  newestHlc,
  summarizeEvents,
  type DecryptedCase,
  type PlainFile,
} from './case-summaries';
import { blobFiles, resealBlobs } from './blobs';
import { newKeyRing, openKeyRing, restrictedError, rotatedKeyRing, sealKeyRing } from './case-keys';
import type { VaultCore } from './core';
import { randomId, sha256Hex } from './crypto';
import { damaged, type DamagedFile } from './damage';
import { CASES, ID_RE, RECOVERY, rel, type CaseAccess, type CaseKeyRing } from './format';
import { grantCaseRing, memberKeyFile, recoveryKeyFile, verifyKeyFileMac, type EcPublicJwk } from './keys';
import { readSealed } from './sealed-files';
import type { RotationRecordFile } from './rotation-record';

/**
 * The compaction rule (docs/VAULT-FORMAT.md §13): an append that leaves this device's log of a
 * case holding this many records compacts the case. Every record is opened on its own, so a log
 * read costs per record; compacting rewrites the case once, so every 64th append pays for it.
 */
export const LOG_COMPACT_RECORDS = 64;

interface CachedCase {
  stamps: Map<string, string>;
  /**
   * Null once released (`release`): a case read only for the case list keeps its summary, not its
   * events, as a case taken from the index does; the next read of it decrypts it again.
   */
  events: StoredEvent[] | null;
  /** Undefined when events were added since it was computed; null for a folder with no case in it yet. */
  summary?: CaseSummary | null;
}

/**
 * The case folders: creating them, reading every file of one case (and nothing of any other),
 * and writing events. Keeps what it read in memory, keyed by the files' stamps.
 */
export class CaseStore {
  private readonly keyRings = new Map<string, CaseKeyRing>();
  /** Per case whose key.jwe was opened: its access list when restricted, else null. */
  private readonly access = new Map<string, CaseAccess | null>();
  /** The stamp of key.jwe when its ring was opened: another member may grant or revoke meanwhile. */
  private readonly keyStamps = new Map<string, string>();
  private readonly cache = new Map<string, CachedCase>();
  /**
   * Per log read or written (`<caseId>/logs/<name>`): where its last whole record ends. An append
   * that finds the file another length re-reads it first (§9.8: a torn tail is cut off).
   */
  private readonly logEnds = new Map<string, number>();
  /** Per log, as `logEnds`: how many whole records it holds (the compaction rule counts them). */
  private readonly logRecords = new Map<string, number>();
  /** The compaction rule's count of records (LOG_COMPACT_RECORDS unless the vault was opened with another). */
  compactAfter = LOG_COMPACT_RECORDS;
  /** Cases whose index entry is out of date (`*`: all of them). */
  readonly dirty = new Set<string>();
  /** How case summaries are made and when a cached one still holds (set by the session). */
  rules: SummaryRules;
  /** The case list's helper thread for reading many cases (./case-helper.ts). */
  helper = new CaseHelper();

  constructor(
    private readonly core: VaultCore,
    private readonly rotation: RotationRecordFile,
  ) {
    this.rules = summaryRules(new Date(core.now()).toISOString().slice(0, 10));
  }

  /**
   * Sets how case summaries are made (the obligations in them depend on the date and the
   * settings). Summaries made under another version are made again; those that no longer hold are too.
   */
  setRules(rules: SummaryRules): void {
    if (rules.version !== this.rules.version) for (const c of this.cache.values()) c.summary = undefined;
    this.rules = rules;
  }

  path(caseId: string, ...rest: string[]): string {
    return casePath(this.core.dir, caseId, ...rest);
  }

  async files(caseId: string): Promise<CaseFiles> {
    return caseFiles(this.core.dir, caseId);
  }

  /** Stamps of the files last read for this case, if it is in memory. */
  cachedStamps(caseId: string): Map<string, string> | undefined {
    return this.cache.get(caseId)?.stamps;
  }

  /**
   * Stamps of the files last read for this case when its summary can be had from memory: its
   * events are held, or the summary made from them (before they were released) still holds.
   */
  servableStamps(caseId: string): Map<string, string> | undefined {
    const c = this.cache.get(caseId);
    if (!c) return undefined;
    if (c.events || c.summary === null || (c.summary && this.rules.holds(c.summary))) return c.stamps;
    return undefined;
  }

  /**
   * Lets go of a case's events once its summary is made, keeping the stamps and the summary (an
   * open without an index reads every case for the list only: holding all their events made most
   * of the open's garbage-collection work, and no caller of the list uses them).
   */
  release(caseId: string): void {
    const c = this.cache.get(caseId);
    if (c && c.summary !== undefined) c.events = null;
  }

  /** Forgets what was read (after a rotation, or before a check re-reads everything). */
  forget(caseId?: string): void {
    if (caseId) {
      this.cache.delete(caseId);
      return;
    }
    this.keyRings.clear();
    this.access.clear();
    this.keyStamps.clear();
    this.cache.clear();
  }

  /**
   * Deletes a case for good (docs/VAULT-FORMAT.md § Deleting a case): the folder is renamed out of
   * the case list in one step, its key ring is removed first (without it no event of the case can
   * be decrypted by anyone, member or recovery key), then every other file. A crash part-way
   * leaves a `cases/.tmp-…` folder that `vault check` names as a stray; nothing in it can be read
   * without the key ring, and deleting it again finishes the job.
   */
  async remove(caseId: string): Promise<void> {
    const from = this.path(caseId);
    if (
      !statSync(path.join(from, 'key.jwe'), { throwIfNoEntry: false }) &&
      (await listDir(from)).length === 0
    )
      throw new BroError('NOT_FOUND', 'No such case', { detail: { caseId } });
    const tmp = path.join(this.core.dir, CASES, TEMP_PREFIX + randomBytes(8).toString('hex'));
    await renameDurable(from, tmp);
    this.keyRings.delete(caseId);
    this.cache.delete(caseId);
    this.dirty.add(caseId);
    rmSync(path.join(tmp, 'key.jwe'), { force: true });
    rmSync(tmp, { recursive: true, force: true });
  }

  /** Makes a new, empty case folder with its own data key (a container passes its fixed id and key). */
  async create(fixed?: { id: string; ring: CaseKeyRing }): Promise<string> {
    const caseId = fixed?.id ?? randomId();
    const ring = fixed?.ring ?? newKeyRing();
    // The folder is assembled under a temp name and renamed into place, so a crash never leaves a
    // case folder without its key (which would look like damage); a leftover temp folder is junk.
    const tmp = path.join(this.core.dir, CASES, TEMP_PREFIX + randomBytes(8).toString('hex'));
    await ensureDir(path.join(tmp, 'events'));
    await ensureDir(path.join(tmp, 'packs'));
    await ensureDir(path.join(tmp, 'logs'));
    const jwe = await sealKeyRing(this.core, caseId, ring);
    await writeAtomic(path.join(tmp, 'key.jwe'), jwe);
    try {
      await renameDurable(tmp, this.path(caseId));
    } catch (e) {
      // A container another process made meanwhile (same id, same key): use that one.
      if (!fixed || !statSync(this.path(caseId, 'key.jwe'), { throwIfNoEntry: false })) throw e;
      rmSync(tmp, { recursive: true, force: true });
      this.cache.delete(caseId);
      return caseId;
    }
    this.keyRings.set(caseId, ring);
    this.access.set(caseId, null);
    const stamps = new Map([['key.jwe', stampOf(statSync(this.path(caseId, 'key.jwe')))]]);
    this.keyStamps.set(caseId, stamps.get('key.jwe')!);
    this.cache.set(caseId, { stamps, events: [] });
    return caseId;
  }

  /**
   * Writes key.jwe: the ring itself, or for a restricted case the ring granted to each member in
   * `members` and to the recovery key (`ring` null: we hold no grant, so the grants stay as they are).
   */
  private async writeKeyRing(
    caseId: string,
    ring: CaseKeyRing | null,
    access: CaseAccess | null = null,
    pubs?: Map<string, EcPublicJwk>,
  ): Promise<void> {
    let content: CaseKeyRing | { restricted: CaseAccess };
    if (!access) content = ring!;
    else if (!ring) content = { restricted: access };
    else {
      const keys = pubs ?? (await this.granteeKeys(access.members));
      const grants: Record<string, string> = {};
      const b = { vaultId: this.core.vaultId, caseId };
      for (const [id, pub] of keys) grants[id] = await grantCaseRing(pub, ring, { ...b, id });
      access = { members: access.members, grants };
      content = { restricted: access };
    }
    const jwe = await sealKeyRing(this.core, caseId, content);
    await writeAtomic(this.path(caseId, 'key.jwe'), jwe);
    if (ring) this.keyRings.set(caseId, ring);
    else this.keyRings.delete(caseId);
    this.access.set(caseId, access);
    const stamp = stampOf(statSync(this.path(caseId, 'key.jwe')));
    this.keyStamps.set(caseId, stamp);
    const c = this.cache.get(caseId);
    if (c) c.stamps.set('key.jwe', stamp);
  }

  /**
   * The public keys a restricted case's ring is granted to: each member's (from a key file whose
   * MAC a holder of the master key made, so no planted key gets a grant) and the recovery key's.
   * Throws VALIDATION (nothing written) for an id that is not an active member.
   */
  async granteeKeys(members: readonly string[]): Promise<Map<string, EcPublicJwk>> {
    const { core } = this;
    const out = new Map<string, EcPublicJwk>();
    for (const [i, id] of members.entries()) {
      const bad = () =>
        new BroError('VALIDATION', 'Not an active member of this vault', {
          issues: [{ path: ['members', i], code: 'UNKNOWN_MEMBER' }],
        });
      if (!ID_RE.test(id) || out.has(id)) throw bad();
      if (!statSync(path.join(core.dir, 'keys', `${id}.json`), { throwIfNoEntry: false })) throw bad();
      const kf = await readSealed(core.dir, `keys/${id}.json`, memberKeyFile);
      if (!kf.grant || !verifyKeyFileMac(core.keys.cur, core.vaultId, id, kf.public, kf.mac)) throw bad();
      out.set(id, kf.public.ecdh);
    }
    const rec = await readSealed(core.dir, 'keys/recovery.json', recoveryKeyFile);
    if (!verifyKeyFileMac(core.keys.cur, core.vaultId, RECOVERY, rec.public, rec.mac))
      throw new BroError('VAULT_DAMAGED', 'The recovery key file was not granted by a member', {
        detail: { file: 'keys/recovery.json' },
      });
    out.set(RECOVERY, rec.public.ecdh);
    return out;
  }

  /** A member who still has a key file (a removal deletes it first). */
  isActive(memberId: string): boolean {
    return Boolean(statSync(path.join(this.core.dir, 'keys', `${memberId}.json`), { throwIfNoEntry: false }));
  }

  /** The case's access list when it is restricted, null when not; undefined until its key.jwe was opened. */
  accessOf(caseId: string): CaseAccess | null | undefined {
    return this.access.get(caseId);
  }

  /**
   * The case's key ring, opened from key.jwe and kept while the file's stamp is unchanged.
   * `listedStamp`: the stamp of key.jwe in a listing of the case made just before (`caseFiles`,
   * `missing` when it had none), which saves stat'ing the file again. Taken before the file is
   * read, as the stat here is, so a change in between makes the next call read it again.
   */
  async keyRing(caseId: string, listedStamp?: string): Promise<CaseKeyRing> {
    // Another member may have granted, revoked or re-keyed since we opened it.
    let st = listedStamp === 'missing' ? undefined : listedStamp;
    if (listedStamp === undefined) {
      const s = statSync(this.path(caseId, 'key.jwe'), { throwIfNoEntry: false });
      st = s ? stampOf(s) : undefined;
    }
    if (st && this.keyStamps.get(caseId) !== st) {
      this.keyRings.delete(caseId);
      this.access.delete(caseId);
    }
    const cached = this.keyRings.get(caseId);
    if (cached) return cached;
    if (this.access.get(caseId)) throw restrictedError(caseId);
    const file = rel(CASES, caseId, 'key.jwe');
    let jwe: string;
    try {
      // Synchronous on purpose (as the listing): an open without an index reads one key.jwe per
      // case, and four thread-pool round trips per small file cost more than the read itself.
      jwe = readFileSync(this.path(caseId, 'key.jwe'), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        if ((await listDir(this.path(caseId))).length === 0)
          throw new BroError('NOT_FOUND', 'No such case', { detail: { caseId } });
        throw damaged(caseId, [{ caseId, file, code: 'MISSING', reason: 'KEY_MISSING' }]);
      }
      throw damaged(caseId, [{ caseId, file, code: 'UNREADABLE', reason: 'IO' }]);
    }
    let opened: Awaited<ReturnType<typeof openKeyRing>>;
    try {
      opened = await openKeyRing(this.core, this.rotation, caseId, jwe);
    } catch {
      throw damaged(caseId, [{ caseId, file, code: 'TAMPERED', reason: 'KEY_AUTH' }]);
    }
    if (st) this.keyStamps.set(caseId, st);
    this.access.set(caseId, opened.access);
    // SECURITY: a restricted case opens only with a grant to this member (or the recovery key).
    if (!opened.ring) throw restrictedError(caseId);
    this.keyRings.set(caseId, opened.ring);
    if (opened.access?.rekey) {
      // A removal took out a member who could read it, and the remover could not re-key it: we can.
      const next = rotatedKeyRing(opened.ring, await this.sealedNow(caseId, opened.ring));
      const members = opened.access.members.filter((m) => this.isActive(m));
      await this.writeKeyRing(caseId, next, { members, grants: {} });
      return next;
    }
    return opened.ring;
  }

  /** The ring's `sealed` map with every event and pack file the case holds now. */
  private async sealedNow(caseId: string, ring: CaseKeyRing): Promise<Record<string, string>> {
    const sealed: Record<string, string> = { ...(ring.sealed ?? {}) };
    for (const f of [...(await this.files(caseId)).files, ...blobFiles(this.core.dir, caseId).files]) {
      sealed[f] = sha256Hex(await readFile(this.path(caseId, ...f.split('/'))));
    }
    return sealed;
  }

  /**
   * Restricts a case to `members` (or changes who it is restricted to): a new data key granted to
   * them alone (and the recovery key), and every event re-encrypted under it in one pack, so a
   * key anyone held before opens nothing in the folder from now on. Validates everything first.
   */
  async restrict(caseId: string, members: readonly string[]): Promise<void> {
    if (members.length === 0)
      throw new BroError('VALIDATION', 'A restricted case needs at least one member', {
        issues: [{ path: ['members'], code: 'REQUIRED' }],
      });
    const ring = await this.keyRing(caseId);
    const pubs = await this.granteeKeys(members);
    const listing = await this.files(caseId);
    const events = await this.read(caseId, listing);
    const sealed: Record<string, string> = { ...(ring.sealed ?? {}) };
    const blobs = blobFiles(this.core.dir, caseId).files;
    for (const f of [...listing.files, ...blobs])
      sealed[f] = sha256Hex(await readFile(this.path(caseId, ...f.split('/'))));
    const next = rotatedKeyRing(ring, sealed);
    await this.writeKeyRing(caseId, next, { members: [...members], grants: {} }, pubs);
    // The case's files too are sealed again under the new key (same names: the name key stays).
    await resealBlobs(this.core, caseId, next, blobs);
    if (events.length) {
      const written = await this.writeEvents(
        caseId,
        next,
        [...events].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
      for (const f of listing.files)
        if (f !== written) await unlink(this.path(caseId, ...f.split('/'))).catch(() => {});
    }
    this.cache.delete(caseId);
    this.dirty.add(caseId);
  }

  /** Gives one more member a restricted case: its ring granted to them; nothing is re-keyed. */
  async grant(caseId: string, memberId: string): Promise<void> {
    const ring = await this.keyRing(caseId);
    const access = this.access.get(caseId);
    if (!access)
      throw new BroError('VALIDATION', 'The case is not restricted', {
        issues: [{ path: ['caseId'], code: 'NOT_RESTRICTED' }],
      });
    if (access.members.includes(memberId))
      throw new BroError('VALIDATION', 'The member already has access', {
        issues: [{ path: ['memberId'], code: 'ALREADY_GRANTED' }],
      });
    const members = [...access.members, memberId];
    const pubs = await this.granteeKeys(members);
    await this.writeKeyRing(caseId, ring, { members, grants: {} }, pubs);
    this.dirty.add(caseId);
  }

  /** Takes one member's access away: the case is restricted again to the others, with a new key. */
  async revoke(caseId: string, memberId: string): Promise<void> {
    await this.keyRing(caseId);
    const access = this.access.get(caseId);
    if (!access)
      throw new BroError('VALIDATION', 'The case is not restricted', {
        issues: [{ path: ['caseId'], code: 'NOT_RESTRICTED' }],
      });
    if (!access.members.includes(memberId))
      throw new BroError('VALIDATION', 'The member has no access to this case', {
        issues: [{ path: ['memberId'], code: 'NOT_GRANTED' }],
      });
    const rest = access.members.filter((m) => m !== memberId);
    if (rest.length === 0)
      throw new BroError('VALIDATION', 'A restricted case needs at least one member', {
        issues: [{ path: ['memberId'], code: 'LAST_MEMBER' }],
      });
    await this.restrict(caseId, rest);
  }

  /**
   * New data key for one case (a member's removal); the files written so far are sealed by name
   * and hash. A restricted case loses the members who have no key file any more; when we hold no
   * grant of it, it is only re-wrapped and marked for the next allowed member to re-key.
   */
  async rotate(caseId: string): Promise<void> {
    let ring: CaseKeyRing | null = null;
    try {
      ring = await this.keyRing(caseId);
    } catch (e) {
      if (!(e instanceof BroError && e.code === 'RESTRICTED')) throw e;
    }
    const access = this.access.get(caseId) ?? null;
    const active = (id: string) => this.isActive(id);
    if (access && !ring) {
      const members = access.members.filter(active);
      const grants = Object.fromEntries(
        Object.entries(access.grants).filter(([id]) => id === RECOVERY || members.includes(id)),
      );
      const gone = members.length < access.members.length;
      await this.writeKeyRing(caseId, null, {
        members,
        grants,
        ...(gone || access.rekey ? { rekey: true } : {}),
      });
    } else {
      const next = rotatedKeyRing(ring!, await this.sealedNow(caseId, ring!));
      await this.writeKeyRing(
        caseId,
        next,
        access ? { members: access.members.filter(active), grants: {} } : null,
      );
    }
    this.cache.delete(caseId);
  }

  /**
   * The case's summary from the cache, made from its events when events were added since. `thenRelease`: the
   * caller releases the events right after (the case list reading a case for its summary), so
   * the fold may share values with them instead of copying (shared/events/fold.ts `share`).
   */
  summaryOf(caseId: string, opts: { thenRelease?: boolean } = {}): CaseSummary | null {
    const c = this.cache.get(caseId)!;
    if (c.summary === undefined || (c.summary !== null && !this.rules.holds(c.summary))) {
      const events = c.events;
      if (!events) throw new Error('summaryOf: the events of a released case were not read again');
      c.summary = summarizeEvents(caseId, events, this.rules, opts.thenRelease === true);
      this.dirty.add(caseId);
    }
    return c.summary;
  }

  /**
   * Decrypts and verifies every file of one case. Any file that does not authenticate, sits in the
   * wrong place, or is not a vault file makes the case TAMPERED (naming each file); other cases are unaffected.
   */
  async read(caseId: string, listed?: CaseFiles): Promise<StoredEvent[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        // A listing made just before (the case list's) saves listing the folder twice.
        return await this.readOnce(caseId, attempt === 0 ? listed : undefined);
      } catch (e) {
        // Another device compacted this case between listing and reading: list again.
        if ((e as NodeJS.ErrnoException).code === 'ENOENT' && attempt < 3) continue;
        throw e;
      }
    }
  }

  private async readOnce(caseId: string, listed?: CaseFiles): Promise<StoredEvent[]> {
    const listing = listed ?? (await this.files(caseId));
    const cached = this.cache.get(caseId);
    if (cached?.events && signatureOf(cached.stamps) === signatureOf(listing.stamps)) return cached.events;
    return this.adopt(caseId, listing, await this.decrypt(caseId, listing));
  }

  /**
   * Reads one case for the case list: its summary made and kept, its events not (the list needs
   * none). When `helper` takes it, the events are parsed and folded on the helper thread
   * (./case-helper.ts) while this thread decrypts the next case; else here, exactly as `read`.
   */
  async readForList(caseId: string, listing: CaseFiles, helper?: CaseHelper): Promise<void> {
    try {
      const opened = await this.decrypt(caseId, listing);
      // A case with a file that did not open is read here, so its damage is named as always.
      const rules = this.rules;
      const r = opened.bad.length === 0 ? await helper?.summarize(caseId, opened.plains, rules) : null;
      if (r === 'again' || (r && this.rules !== rules)) {
        // Handed over, and the helper failed (its plaintexts went with it), or the summary rules
        // changed meanwhile (its summary was made under the old ones): read here.
        await this.read(caseId);
      } else if (r) {
        if (r.bad.length)
          throw damaged(
            caseId,
            r.bad.map((f) => this.contentDamage(caseId, f)),
          );
        if (r.newest) this.core.observe(r.newest);
        this.cache.set(caseId, { stamps: listing.stamps, events: null, summary: r.summary });
        this.dirty.add(caseId);
        return;
      } else this.adopt(caseId, listing, opened);
    } catch (e) {
      // Another device compacted this case between listing and reading: read it as `read` does.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      await this.read(caseId);
    }
    this.summaryOf(caseId, { thenRelease: true });
    this.release(caseId);
  }

  /** A file whose plaintext is not the events it is bound to (`eventsOfPlain`). */
  private contentDamage(caseId: string, f: string): DamagedFile {
    return { caseId, file: rel(CASES, caseId, f), code: 'TAMPERED', reason: 'AUTH' };
  }

  /**
   * Every file of one case decrypted and bound to it, not yet parsed; files that did not open
   * are in `bad`. Throws ENOENT when a listed file went away (read again).
   */
  private async decrypt(caseId: string, listing: CaseFiles): Promise<DecryptedCase> {
    // The listing stamped key.jwe a moment ago: no second stat.
    const ring = await this.keyRing(caseId, listing.stamps.get('key.jwe'));
    const bad: DamagedFile[] = listing.foreign.map((f) => ({
      caseId,
      file: rel(CASES, caseId, f),
      code: 'TAMPERED' as const,
      reason: 'NOT_A_VAULT_FILE',
    }));
    const plains: PlainFile[] = [];
    for (const f of listing.files) {
      const [sub, name] = f.split('/') as [string, string];
      const id = name.slice(0, 26);
      let bytes: Buffer;
      try {
        bytes = readFileSync(this.path(caseId, sub, name));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw e;
        bad.push({ caseId, file: rel(CASES, caseId, f), code: 'UNREADABLE', reason: 'IO' });
        continue;
      }
      if (sub === 'logs') {
        const log = await decryptLog(this.core, caseId, ring, f, bytes);
        if (!log) {
          bad.push({ caseId, file: rel(CASES, caseId, f), code: 'TAMPERED', reason: 'AUTH' });
          continue;
        }
        this.logEnds.set(`${caseId}/${f}`, log.end);
        this.logRecords.set(`${caseId}/${f}`, log.records.length);
        for (const r of log.records) plains.push({ file: f, plain: r.plain, at: r.at });
        continue;
      }
      const kind = sub === 'events' ? 'event' : 'pack';
      const plain = await decryptCaseFile(this.core, caseId, ring, kind, id, bytes.toString('utf8'), f);
      if (!plain) {
        bad.push({ caseId, file: rel(CASES, caseId, f), code: 'TAMPERED', reason: 'AUTH' });
        continue;
      }
      plains.push({ file: f, plain, at: { kind, caseId, id } });
    }
    return { plains, bad };
  }

  /** A decrypted case's events parsed and kept in memory; TAMPERED naming every file that failed. */
  private adopt(caseId: string, listing: CaseFiles, opened: DecryptedCase): StoredEvent[] {
    const { events, bad } = eventsOfPlains(opened.plains);
    if (opened.bad.length || bad.length)
      throw damaged(caseId, [...opened.bad, ...bad.map((f) => this.contentDamage(caseId, f))]);
    // Observing the newest HLC observes them all.
    const newest = newestHlc(events);
    if (newest) this.core.observe(newest);
    this.cache.set(caseId, { stamps: listing.stamps, events });
    return events;
  }

  /**
   * Records events durably: one record appended to this device's log of the case and one flush
   * (docs/VAULT-FORMAT.md §9.8). A record holds the whole batch (an import of a case, a form with
   * several fields), so it lands whole or not at all.
   */
  async append(caseId: string, events: readonly NewEvent[]): Promise<StoredEvent[]> {
    const ring = await this.keyRing(caseId);
    // Reading the case first moves the clock past every event in it, so new events sort after them.
    if (!this.cache.get(caseId)?.events) await this.read(caseId);
    const at = new Date(this.core.now()).toISOString();
    const stored: StoredEvent[] = events.map((e) => ({
      v: EVENT_VERSION,
      id: randomId(),
      caseId,
      type: e.type,
      hlc: this.core.tick(),
      device: this.core.deviceId,
      actor: this.core.actor,
      at,
      data: e.data,
    }));
    const { file, stamp, others, records } = await this.appendRecord(caseId, ring, stored);
    this.dirty.add(caseId);
    const cached = this.cache.get(caseId);
    // Another process of this device appended to the log since we read it: read the case again.
    if (others || !cached?.events) this.cache.delete(caseId);
    else {
      // Keep the cache in step without re-reading the case: the log's new stamp and the events.
      cached.stamps.set(file, stamp);
      cached.events = [...cached.events, ...stored];
      cached.summary = undefined;
    }
    // A log is read record by record; left alone it would grow with every event. Once this
    // device's log of the case holds LOG_COMPACT_RECORDS records, the case is compacted
    // (docs/VAULT-FORMAT.md §13): the events are durable already, so a compaction that fails
    // (a full disk) is tried again at the next append rather than reported as a failed write.
    if (records >= this.compactAfter) await this.compact(caseId).catch(() => {});
    return stored;
  }

  /**
   * Makes a log holding its first record, crash-safely: a temp file, flushed, then linked into
   * place (a link never replaces a file, so of two processes of this device making it at once
   * one wins; the other gets false and appends), then the folder flushed. A crash leaves the
   * whole log or none, and at most a `.tmp-` file (sync junk).
   */
  private createLog(caseId: string, p: string, record: Buffer): boolean {
    const logs = path.dirname(p);
    // A case made before format 4 has no logs/ folder yet: made, and the case folder flushed.
    if (!statSync(logs, { throwIfNoEntry: false })) {
      mkdirSync(logs, { recursive: true, mode: 0o700 });
      fsyncDir(this.path(caseId));
    }
    const tmp = path.join(logs, TEMP_PREFIX + randomBytes(8).toString('hex'));
    const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    try {
      let off = 0;
      while (off < record.length) off += writeSync(fd, record, off, record.length - off);
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(tmp, p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    } finally {
      unlinkSync(tmp);
    }
    fsyncDir(logs);
    return true;
  }

  /**
   * Appends one record to `logs/<deviceId>-<kid>.log` and flushes it (fdatasync): one journal
   * commit where a new file needs two. The log itself is made once, crash-safely (`createLog`). A tail that does not authenticate (a
   * write a crash cut off, never acknowledged) is cut off before the next record is appended, so
   * it never ends up in the middle of the log.
   */
  private async appendRecord(
    caseId: string,
    ring: CaseKeyRing,
    stored: StoredEvent[],
  ): Promise<{ file: string; stamp: string; others: boolean; records: number }> {
    const name = `${this.core.deviceId}-${ring.current}.log`;
    const file = `logs/${name}`;
    const p = this.path(caseId, 'logs', name);
    const key = `${caseId}/${file}`;
    const record = await sealLogRecord(this.core, caseId, ring, stored, checkedMark(stored));
    for (;;) {
      let fd: number | undefined;
      while (fd === undefined) {
        try {
          fd = openSync(p, constants.O_WRONLY | constants.O_APPEND);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
          if (this.createLog(caseId, p, record)) {
            this.logEnds.set(key, record.length);
            this.logRecords.set(key, 1);
            return { file, stamp: stampOf(statSync(p)), others: false, records: 1 };
          }
          // Another process of this device made it meanwhile: append to that one.
        }
      }
      try {
        const size = fstatSync(fd).size;
        let others = false;
        if (this.logEnds.get(key) !== size) {
          const log = await openLog(this.core, caseId, ring, file, readFileSync(p));
          if (!log)
            throw damaged(caseId, [
              { caseId, file: rel(CASES, caseId, file), code: 'TAMPERED', reason: 'AUTH' },
            ]);
          if (log.end < size) ftruncateSync(fd, log.end);
          others = log.end !== this.logEnds.get(key);
          this.logRecords.set(key, log.records);
        }
        let off = 0;
        while (off < record.length) off += writeSync(fd, record, off, record.length - off);
        fdatasyncSync(fd);
        const st = fstatSync(fd);
        // Another process of this device compacted the case while we wrote: the log we wrote to
        // was moved out of place (compact) and our record may not be in its pack. Written again,
        // to the log now in place; a reader keeps one event of each id.
        if (st.nlink === 0 || statSync(p, { throwIfNoEntry: false })?.ino !== st.ino) {
          this.logEnds.delete(key);
          this.logRecords.delete(key);
          continue;
        }
        const records = (this.logRecords.get(key) ?? 0) + 1;
        this.logEnds.set(key, st.size);
        this.logRecords.set(key, records);
        return { file, stamp: stampOf(st), others, records };
      } finally {
        closeSync(fd);
      }
    }
  }

  private async writeEvents(caseId: string, ring: CaseKeyRing, stored: StoredEvent[]): Promise<string> {
    // A pack whose payloads are exactly what this build's schemas make of them says so, and an
    // open without an index then folds them without parsing each again (shared/events/checked.ts).
    const mark = stored.length > 1 ? checkedMark(stored) : undefined;
    const { file, jwe } = await sealEvents(this.core, caseId, ring, stored, mark);
    await writeAtomic(this.path(caseId, ...file.split('/')), jwe);
    return file;
  }

  /**
   * Takes this device's log out of place once its events are in a pack: moved aside first, so a
   * process of this device appending to it meanwhile sees it gone and writes its record again
   * (appendRecord); a record that landed before the move is appended again here. A crash leaves
   * at most a `.tmp-` file (sync junk) whose events are in the pack.
   */
  private async retireLog(
    caseId: string,
    ring: CaseKeyRing,
    f: string,
    listed: string,
    packed: StoredEvent[],
  ): Promise<void> {
    const p = this.path(caseId, ...f.split('/'));
    const aside = path.join(path.dirname(p), TEMP_PREFIX + randomBytes(8).toString('hex'));
    try {
      renameSync(p, aside);
    } catch {
      return;
    }
    // The move changes the file's ctime, not its size or mtime: those say whether a record came.
    const st = statSync(aside, { throwIfNoEntry: false });
    const sizeAndTime = (stamp: string) => stamp.split(':').slice(0, 2).join(':');
    if (st && sizeAndTime(stampOf(st)) !== sizeAndTime(listed)) {
      const log = await openLog(this.core, caseId, ring, f, readFileSync(aside));
      const have = new Set(packed.map((e) => e.id));
      const late = (log?.events ?? []).filter((e) => !have.has(e.id));
      if (late.length) await this.appendRecord(caseId, ring, late);
    }
    unlinkSync(aside);
  }

  /** Folds all of a case's events into one pack and removes the files it replaced. Safe with concurrent writers. */
  async compact(
    caseId: string,
    /** Rewrites events on the way (the blob migration, migrations.ts); null: nothing to rewrite. */
    rewrite?: (events: StoredEvent[], ring: CaseKeyRing) => Promise<StoredEvent[] | null>,
  ): Promise<{ before: number; after: number }> {
    // List first, then read: every file that will be removed is one whose events were read.
    const listing = await this.files(caseId);
    let events = await this.read(caseId);
    const ring = await this.keyRing(caseId);
    const rewritten = rewrite ? await rewrite(events, ring) : null;
    if (rewrite && !rewritten) return { before: listing.files.length, after: listing.files.length };
    if (rewritten) events = rewritten;
    // One pack or one event file is as compact as it gets; a log alone is folded into a pack.
    else if (
      listing.files.length === 0 ||
      (listing.files.length === 1 && !listing.files[0]!.startsWith('logs/'))
    )
      return { before: listing.files.length, after: listing.files.length };
    const written = await this.writeEvents(
      caseId,
      ring,
      [...events].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    // Only the files that were read are removed: an event another device wrote meanwhile stays.
    // Another device's log stays too (it may be appending to it; its events are in both, and a
    // reader keeps one of each id); this device's log goes only when no record came since it was listed.
    for (const f of listing.files) {
      if (f === written) continue;
      const p = this.path(caseId, ...f.split('/'));
      if (f.startsWith('logs/')) {
        const st = statSync(p, { throwIfNoEntry: false });
        if (!f.startsWith(`logs/${this.core.deviceId}-`) || !st || stampOf(st) !== listing.stamps.get(f))
          continue;
        this.logEnds.delete(`${caseId}/${f}`);
        this.logRecords.delete(`${caseId}/${f}`);
        await this.retireLog(caseId, ring, f, listing.stamps.get(f)!, events);
        continue;
      }
      await unlink(p).catch(() => {});
    }
    this.cache.delete(caseId);
    this.dirty.add(caseId);
    await this.read(caseId);
    return { before: listing.files.length, after: (await this.files(caseId)).files.length };
  }
}

/**
 * SECURITY: only events the fold will apply are written; a payload its schema refuses would be
 * skipped on every read (a silent loss), so it is refused here, before anything is written.
 */
export function validateNewEvents(
  events: readonly NewEvent[],
  vocabulary: Readonly<Record<string, z.ZodType>> = EVENT_DATA,
): void {
  for (const [i, e] of events.entries()) {
    const schema = vocabulary[e.type];
    const parsed = schema?.safeParse(e.data);
    if (!parsed?.success)
      throw new BroError('VALIDATION', 'An event payload is not valid', {
        issues: parsed
          ? zodIssues(parsed.error, ['events', i, 'data'])
          : [{ path: ['events', i, 'type'], code: 'UNKNOWN_EVENT' }],
      });
  }
}
