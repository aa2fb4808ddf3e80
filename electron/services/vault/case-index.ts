import { readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { deidentify, restrictedStub, type CaseSummary } from '../../../shared/cases/summary';
import { BroError } from '../../../shared/errors';
import { ensureDir, listDir, listDirSync, writeAtomic } from './atomic';
import { listCaseIds, signatureOf, type CaseFiles } from './case-files';
import type { CaseStore } from './cases';
import type { VaultCore } from './core';
import { decodeJson, encodeJson, sha256Hex } from './crypto';
import { damagedFiles, type DamagedFile } from './damage';
import { INDEX_FILE_RE, rel } from './format';

/** How many cases an open without a usable index reads at once. */
const READ_AHEAD = 8;

export interface CaseListResult {
  cases: CaseSummary[];
  damaged: { caseId: string; files: DamagedFile[] }[];
}

/** What an index file decrypts to (docs/VAULT-FORMAT.md §11). */
export interface IndexPayload {
  v: 1;
  vault: string;
  device: string;
  hlc: string;
  /** The version of the summary rules (and settings) the summaries were made with; absent before. */
  rules?: string;
  /**
   * `members`: for a restricted case, who may open it; its `summary` is then de-identified
   * (shared/cases/summary.ts deidentify), since every member can read the index.
   */
  cases: Record<string, { sig: string; summary: CaseSummary; members?: string[] }>;
}

/**
 * The index: an encrypted cache of the case list, one file per device. A case is taken from it
 * only when its files are exactly as the index recorded; everything else is read again.
 */
export class CaseIndex {
  /** Index files (with times) seen at the last load: older ones are superseded by the next write. */
  private seen: { n: string; t: number }[] = [];
  /** Index files that failed to open at the last load (reported by check). */
  private bad: string[] = [];
  /** The modification time of the index file the last load opened. */
  private loadedAt = 0;

  constructor(
    private readonly core: VaultCore,
    private readonly store: CaseStore,
  ) {}

  /**
   * The case list. Reads the newest index and re-reads only cases whose files changed since
   * (names, sizes, times); damaged cases are listed apart and do not stop the others.
   */
  async listCases(
    /** Reads one case and leaves its summary in the store (CaseStore.readForList). */
    readCase: (caseId: string, listing: CaseFiles) => Promise<unknown>,
    opts: { onProgress?: (done: number, total: number) => void } = {},
  ): Promise<CaseListResult> {
    const { store } = this;
    // Containers (the registers) are not cases: never listed, never in the index.
    const ids = listCaseIds(this.core.dir).ids.filter((id) => !this.core.containers.has(id));
    const index = await this.load();
    // Summaries made under other rules or settings are made again.
    const usable = index?.rules === store.rules.version;
    const cases: CaseSummary[] = [];
    const bad: CaseListResult['damaged'] = [];
    // First what the memory cache or the index vouches for; the rest is read below.
    const plan: (
      | { from: 'cache' }
      | { from: 'index'; summary: CaseSummary }
      | { from: 'read'; listing: CaseFiles | null }
    )[] = [];
    const members = new Map<string, string[]>();
    for (const caseId of ids) {
      const cached = store.servableStamps(caseId);
      const fromIndex = index?.cases[caseId];
      if (fromIndex?.members) members.set(caseId, fromIndex.members);
      // A restricted case we may open has only a de-identified summary in the index: read it.
      const mine =
        fromIndex?.members !== undefined &&
        (fromIndex.members.includes(this.core.actor) || this.core.actor === 'recovery');
      // Nothing to compare the folder with (no index, no copy in memory): it is listed when it is
      // read, so that listing the cases overlaps the helper thread's work on the first ones.
      if (!cached && (!usable || !fromIndex)) {
        plan.push({ from: 'read', listing: null });
        continue;
      }
      const listing = await store.files(caseId);
      const sig = signatureOf(listing.stamps);
      if (cached && signatureOf(cached) === sig) plan.push({ from: 'cache' });
      else if (
        usable &&
        fromIndex &&
        !mine &&
        fromIndex.sig === sig &&
        !racy(listing.stamps, this.loadedAt) &&
        store.rules.holds(fromIndex.summary)
      )
        plan.push({
          from: 'index',
          summary: fromIndex.members
            ? { ...fromIndex.summary, restricted: true, denied: true }
            : fromIndex.summary,
        });
      else plan.push({ from: 'read', listing });
    }
    // Cases are read a few at a time, so one case's file reads and decryption (AES runs in
    // Node's thread pool, on the second core) overlap another's. Each case's outcome is kept
    // apart: a damaged case is reported alone, exactly as when they were read one by one.
    const outcome = new Map<string, unknown>();
    const pending = ids.flatMap((caseId, k) => {
      const p = plan[k]!;
      return p.from === 'read' ? [{ caseId, listing: p.listing }] : [];
    });
    let done = ids.length - pending.length;
    let next = 0;
    const worker = async () => {
      while (next < pending.length) {
        const { caseId, listing } = pending[next++]!;
        try {
          await readCase(caseId, listing ?? (await store.files(caseId)));
          // Summarised at once and its events let go: they die young (cheap to collect) instead
          // of piling up for the whole list.
          store.summaryOf(caseId, { thenRelease: true });
          store.release(caseId);
          outcome.set(caseId, null);
        } catch (e) {
          outcome.set(caseId, e);
        }
        opts.onProgress?.(done++, ids.length);
        // Reading is synchronous work between promises: without a turn of the event loop now and
        // then, the helper thread's answers would wait until the whole list was read.
        if (store.helper.active) await new Promise(setImmediate);
      }
    };
    opts.onProgress?.(done, ids.length);
    // Many cases to read: a helper thread parses and folds some while this one decrypts.
    store.helper.prepare(pending.length);
    // Cases waiting for the helper hold their reader: more readers, so this thread never idles.
    const readers = READ_AHEAD + (store.helper.active ? store.helper.inFlight : 0);
    try {
      await Promise.all(Array.from({ length: Math.min(readers, pending.length) }, worker));
    } finally {
      await store.helper.stop();
    }
    for (const [k, caseId] of ids.entries()) {
      const p = plan[k]!;
      if (p.from === 'index') {
        cases.push(p.summary);
        continue;
      }
      if (p.from === 'read') {
        const e = outcome.get(caseId);
        if (e instanceof BroError && e.code === 'TAMPERED') {
          bad.push({ caseId, files: damagedFiles(e) });
          continue;
        } else if (e instanceof BroError && e.code === 'RESTRICTED') {
          // Not ours to open: the de-identified summary another member left in the index, if any.
          const known = index?.cases[caseId];
          cases.push(known ? { ...deidentify(known.summary), denied: true } : restrictedStub(caseId));
          const acc = store.accessOf(caseId);
          if (acc) members.set(caseId, acc.members);
          if (!known || known.sig !== signatureOf((await store.files(caseId)).stamps))
            store.dirty.add(caseId);
          continue;
        } else if (e instanceof BroError && e.code === 'NOT_FOUND') continue;
        else if (e) throw e;
        store.dirty.add(caseId);
      }
      const summary = store.summaryOf(caseId);
      const acc = store.accessOf(caseId);
      if (acc) members.set(caseId, acc.members);
      else members.delete(caseId);
      if (summary) cases.push(acc ? { ...summary, restricted: true } : summary);
    }
    opts.onProgress?.(ids.length, ids.length);
    if (!index || !usable || store.dirty.size > 0 || Object.keys(index.cases).length !== cases.length) {
      await this.write(cases, members);
    }
    return { cases, damaged: bad };
  }

  /** The newest index that opens; null when there is none (the case list is then rebuilt). */
  async load(): Promise<IndexPayload | null> {
    const { core } = this;
    const dir = path.join(core.dir, 'index');
    const names = (await listDir(dir)).filter((n) => INDEX_FILE_RE.test(n));
    const withTimes = await Promise.all(
      names.map(async (n) => ({ n, t: (await stat(path.join(dir, n)).catch(() => null))?.mtimeMs ?? 0 })),
    );
    withTimes.sort((a, b) => b.t - a.t);
    this.seen = withTimes;
    this.bad = [];
    for (const { n, t } of withTimes) {
      try {
        const jwe = await readFile(path.join(dir, n), 'utf8');
        const plain = await core.keys.openFile('indexKey', jwe, { kind: 'index', id: n.slice(0, 26) });
        const p = decodeJson(plain) as IndexPayload;
        if (p.v !== 1 || p.vault !== core.vaultId || typeof p.cases !== 'object') continue;
        core.observe(p.hlc);
        this.loadedAt = t;
        return p;
      } catch {
        // A damaged or half-synced index is only a cache: try the next, else rebuild (check() names it).
        this.bad.push(rel('index', n));
        continue;
      }
    }
    return null;
  }

  /**
   * Writes this device's index. `members`: who may open each restricted case (else taken from
   * what the store opened); a restricted case's summary is written de-identified.
   */
  async write(cases: CaseSummary[], members: Map<string, string[]> = new Map()): Promise<void> {
    const { core, store } = this;
    const entries: IndexPayload['cases'] = {};
    for (const s of cases) {
      const sig = signatureOf(store.cachedStamps(s.caseId) ?? (await store.files(s.caseId)).stamps);
      const who = members.get(s.caseId) ?? store.accessOf(s.caseId)?.members;
      entries[s.caseId] =
        who || s.restricted ? { sig, summary: deidentify(s), members: who ?? [] } : { sig, summary: s };
    }
    const payload: IndexPayload = {
      v: 1,
      vault: core.vaultId,
      device: core.deviceId,
      hlc: core.tick(),
      rules: store.rules.version,
      cases: entries,
    };
    const jwe = await core.keys.seal('indexKey', encodeJson(payload), { kind: 'index', id: core.deviceId });
    const name = `${core.deviceId}-${sha256Hex(jwe).slice(0, 16)}.jwe`;
    await ensureDir(path.join(core.dir, 'index'));
    // The index is rebuildable, so it is written atomically but without fsync.
    await writeAtomic(path.join(core.dir, 'index', name), jwe, { durable: false });
    // Superseded: our own older indexes, and every index that was already there when we listed the
    // cases (the new one covers all of it). One written by another device meanwhile stays.
    // A damaged index is left in place for `vault check` to name (it removes it after reporting).
    const bad = new Set(this.bad);
    const superseded = new Set(this.seen.map((x) => x.n).filter((n) => !bad.has(rel('index', n))));
    for (const old of await listDir(path.join(core.dir, 'index'))) {
      if (old !== name && (old.startsWith(`${core.deviceId}-`) || superseded.has(old)))
        await unlink(path.join(core.dir, 'index', old)).catch(() => {});
    }
    store.dirty.clear();
  }
}

/** Whether the vault has an index file to open (else the case list reads every case). */
export function hasIndex(dir: string): boolean {
  return listDirSync(path.join(dir, 'index')).some((n) => INDEX_FILE_RE.test(n));
}

/**
 * A file whose time is not older than the index that recorded it may have changed again within
 * the same tick of the file system's clock (its size and times would then look unchanged): such a
 * case is read and verified again rather than taken from the index (as git does with its index).
 */
export function racy(stamps: Map<string, string>, indexTime: number): boolean {
  for (const stamp of stamps.values()) {
    const [, mtime, ctime] = stamp.split(':').map(Number);
    if (!(mtime! < indexTime) || !(ctime! < indexTime)) return true;
  }
  return false;
}
