import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { rmSync } from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { summaryRules, type CaseSummary, type SummaryRules } from '../../../shared/cases/summary';
import { BroError } from '../../../shared/errors';
import type { z } from 'zod';
import { zodIssues } from '../../../shared/domain/validate';
import { foldCase } from '../../../shared/events/fold';
import {
  EVENT_DATA,
  EVENT_VERSION,
  type NewEvent,
  type StoredEvent,
} from '../../../shared/events/vocabulary';
import { TEMP_PREFIX, ensureDir, listDir, renameDurable, writeAtomic } from './atomic';
import { caseFiles, casePath, signatureOf, stampOf, type CaseFiles } from './case-files';
import { openCaseFile, sealEvents } from './case-events';
import { newKeyRing, openKeyRing, rotatedKeyRing, sealKeyRing } from './case-keys';
import type { VaultCore } from './core';
import { randomId, sha256Hex } from './crypto';
import { damaged, type DamagedFile } from './damage';
import { CASES, rel, type CaseKeyRing } from './format';
import type { RotationRecordFile } from './rotation-record';

interface CachedCase {
  stamps: Map<string, string>;
  events: StoredEvent[];
  /** Undefined when events were added since it was computed; null for a folder with no case in it yet. */
  summary?: CaseSummary | null;
}

/**
 * The case folders: creating them, reading every file of one case (and nothing of any other),
 * and writing events. Keeps what it read in memory, keyed by the files' stamps.
 */
export class CaseStore {
  private readonly keyRings = new Map<string, CaseKeyRing>();
  private readonly cache = new Map<string, CachedCase>();
  /** Cases whose index entry is out of date (`*`: all of them). */
  readonly dirty = new Set<string>();
  /** How case summaries are made and when a cached one still holds (set by the session). */
  rules: SummaryRules;

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

  /** Forgets what was read (after a rotation, or before a check re-reads everything). */
  forget(caseId?: string): void {
    if (caseId) {
      this.cache.delete(caseId);
      return;
    }
    this.keyRings.clear();
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
    const stamps = new Map([['key.jwe', stampOf(statSync(this.path(caseId, 'key.jwe')))]]);
    this.cache.set(caseId, { stamps, events: [] });
    return caseId;
  }

  private async writeKeyRing(caseId: string, ring: CaseKeyRing): Promise<void> {
    const jwe = await sealKeyRing(this.core, caseId, ring);
    await writeAtomic(this.path(caseId, 'key.jwe'), jwe);
    this.keyRings.set(caseId, ring);
    const c = this.cache.get(caseId);
    if (c) c.stamps.set('key.jwe', stampOf(statSync(this.path(caseId, 'key.jwe'))));
  }

  async keyRing(caseId: string): Promise<CaseKeyRing> {
    const cached = this.keyRings.get(caseId);
    if (cached) return cached;
    const file = rel(CASES, caseId, 'key.jwe');
    let jwe: string;
    try {
      jwe = await readFile(this.path(caseId, 'key.jwe'), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        if ((await listDir(this.path(caseId))).length === 0)
          throw new BroError('NOT_FOUND', 'No such case', { detail: { caseId } });
        throw damaged(caseId, [{ caseId, file, code: 'MISSING', reason: 'KEY_MISSING' }]);
      }
      throw damaged(caseId, [{ caseId, file, code: 'UNREADABLE', reason: 'IO' }]);
    }
    try {
      const ring = await openKeyRing(this.core, this.rotation, caseId, jwe);
      this.keyRings.set(caseId, ring);
      return ring;
    } catch {
      throw damaged(caseId, [{ caseId, file, code: 'TAMPERED', reason: 'KEY_AUTH' }]);
    }
  }

  /** New data key for one case; the files written so far are sealed by name and hash. */
  async rotate(caseId: string): Promise<void> {
    const ring = await this.keyRing(caseId);
    const sealed: Record<string, string> = { ...(ring.sealed ?? {}) };
    for (const f of (await this.files(caseId)).files) {
      sealed[f] = sha256Hex(await readFile(this.path(caseId, ...f.split('/'))));
    }
    await this.writeKeyRing(caseId, rotatedKeyRing(ring, sealed));
    this.cache.delete(caseId);
  }

  /** The case's summary from the cache, computing it when events were added since. */
  summaryOf(caseId: string): CaseSummary | null {
    const c = this.cache.get(caseId)!;
    if (c.summary === undefined || (c.summary !== null && !this.rules.holds(c.summary))) {
      const state = foldCase(caseId, c.events);
      // A folder whose first events never landed (a crash right after it was made) is not a case.
      c.summary = state.opened ? this.rules.summarize(state) : null;
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
        jwe = await readFile(this.path(caseId, sub, name), 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw e;
        bad.push({ caseId, file: rel(CASES, caseId, f), code: 'UNREADABLE', reason: 'IO' });
        continue;
      }
      const kind = sub === 'events' ? 'event' : 'pack';
      const events = await openCaseFile(this.core, caseId, ring, kind, id, jwe, f);
      if (!events) {
        bad.push({ caseId, file: rel(CASES, caseId, f), code: 'TAMPERED', reason: 'AUTH' });
        continue;
      }
      for (const ev of events) byId.set(ev.id, ev);
    }
    if (bad.length) throw damaged(caseId, bad);
    const events = [...byId.values()];
    for (const ev of events) this.core.observe(ev.hlc);
    this.cache.set(caseId, { stamps: listing.stamps, events });
    return events;
  }

  /**
   * Records events durably. One event becomes one file; several become one pack, so a batch
   * (an import of a case, a form with several fields) lands whole or not at all.
   */
  async append(caseId: string, events: readonly NewEvent[]): Promise<StoredEvent[]> {
    const ring = await this.keyRing(caseId);
    // Reading the case first moves the clock past every event in it, so new events sort after them.
    if (!this.cache.has(caseId)) await this.read(caseId);
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
    const file = await this.writeEvents(caseId, ring, stored);
    this.dirty.add(caseId);
    // Keep the cache in step without re-reading the case: add the new file's stamp and events.
    const cached = this.cache.get(caseId);
    if (cached) {
      cached.stamps.set(file, stampOf(statSync(this.path(caseId, ...file.split('/')))));
      cached.events = [...cached.events, ...stored];
      cached.summary = undefined;
    }
    return stored;
  }

  private async writeEvents(caseId: string, ring: CaseKeyRing, stored: StoredEvent[]): Promise<string> {
    const { file, jwe } = await sealEvents(this.core, caseId, ring, stored);
    await writeAtomic(this.path(caseId, ...file.split('/')), jwe);
    return file;
  }

  /** Folds all of a case's events into one pack and removes the files it replaced. Safe with concurrent writers. */
  async compact(caseId: string): Promise<{ before: number; after: number }> {
    // List first, then read: every file that will be removed is one whose events were read.
    const listing = await this.files(caseId);
    const events = await this.read(caseId);
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
      await unlink(this.path(caseId, ...f.split('/'))).catch(() => {});
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
