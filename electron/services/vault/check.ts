import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { deidentify, restrictedStub, type CaseSummary } from '../../../shared/cases/summary';
import type { AccessRequests } from './access-requests';
import { BroError } from '../../../shared/errors';
import type { StoredEvent } from '../../../shared/events/vocabulary';
import { listDir } from './atomic';
import type { AuditLog } from './audit-log';
import { checkBlobs } from './blobs';
import { listCaseIds, signatureOf } from './case-files';
import type { CaseIndex } from './case-index';
import type { CaseStore } from './cases';
import type { VaultCore } from './core';
import { damagedFiles, type DamagedFile } from './damage';
import { CASES, INDEX_FILE_RE, MEMBER_KEY_RE, MEMBER_PUB_RE, ROOT_FOLDERS, VAULT_FILE, rel } from './format';
import { memberKeyFile, recoveryKeyFile, verifyKeyFileMac } from './keys';
import type { RotationRecordFile } from './rotation-record';
import { readSealed } from './sealed-files';

export interface CheckReport {
  ok: boolean;
  cases: number;
  events: number;
  files: number;
  damaged: DamagedFile[];
  junk: string[];
  indexRebuilt: boolean;
}

export interface CheckParts {
  core: VaultCore;
  store: CaseStore;
  index: CaseIndex;
  auditLog: AuditLog;
  rotation: RotationRecordFile;
  requests: AccessRequests;
  readCase: (caseId: string) => Promise<StoredEvent[]>;
}

/** `vault check` (docs/VAULT-FORMAT.md §15): decrypts and verifies every file, reports damage and sync junk, rebuilds the index. */
export async function checkVault(
  { core, store, index, auditLog, rotation, requests, readCase }: CheckParts,
  opts: { onProgress?: (done: number, total: number) => void } = {},
): Promise<CheckReport> {
  const { dir } = core;
  const damagedList: DamagedFile[] = [];
  const junk: string[] = [];
  for (const n of await listDir(dir)) {
    if (!([VAULT_FILE, ...ROOT_FOLDERS] as string[]).includes(n)) junk.push(n);
  }
  damagedList.push(...(await checkKeys(core, rotation, junk)));
  const { ids, junk: caseJunk } = listCaseIds(dir);
  junk.push(...caseJunk);
  const before = await index.load();
  const summaries: CaseSummary[] = [];
  let events = 0;
  let files = 0;
  store.forget();
  let i = 0;
  for (const caseId of ids) {
    opts.onProgress?.(i++, ids.length);
    const listing = await store.files(caseId);
    junk.push(...listing.junk);
    files += listing.files.length + 1;
    try {
      const evs = await readCase(caseId);
      events += evs.length;
      // The case's blobs (§9.7): every one referenced is there and intact; strays are named.
      const blobs = await checkBlobs(core, caseId, await store.keyRing(caseId), evs, junk);
      files += blobs.blobs;
      damagedList.push(...blobs.damaged);
      // A container is proven by reading it; it has no summary and is not a case.
      if (core.containers.has(caseId)) continue;
      const summary = store.summaryOf(caseId);
      if (summary) summaries.push(summary);
      else junk.push(rel(CASES, caseId));
    } catch (e) {
      // A restricted case this member may not open: its key.jwe opened (so it is intact as far as
      // we can tell); its content is checked by those who may open it.
      if (e instanceof BroError && e.code === 'RESTRICTED') {
        const known = before?.cases[caseId];
        summaries.push(known ? { ...deidentify(known.summary), denied: true } : restrictedStub(caseId));
      } else if (e instanceof BroError && e.code === 'TAMPERED') damagedList.push(...damagedFiles(e));
      else if (!(e instanceof BroError && e.code === 'NOT_FOUND')) throw e;
    }
  }
  opts.onProgress?.(ids.length, ids.length);
  for (const n of await listDir(path.join(dir, 'index'))) {
    if (!INDEX_FILE_RE.test(n)) {
      junk.push(rel('index', n));
      continue;
    }
    // The index is a cache, but a changed byte in it is still a changed file: name it.
    const jwe = await readFile(path.join(dir, 'index', n), 'utf8').catch(() => '');
    const okIndex = await core.keys.openFile('indexKey', jwe, { kind: 'index', id: n.slice(0, 26) }).then(
      () => true,
      () => false,
    );
    if (!okIndex) {
      damagedList.push({ caseId: null, file: rel('index', n), code: 'TAMPERED', reason: 'INDEX' });
      // Named once, then dropped: it is a cache, and the index written below replaces it.
      await unlink(path.join(dir, 'index', n)).catch(() => {});
    }
  }
  damagedList.push(...(await auditLog.check(junk)));
  damagedList.push(...(await requests.check(junk)));
  const stale =
    !before ||
    before.rules !== store.rules.version ||
    summaries.some(
      (s) => !s.denied && before.cases[s.caseId]?.sig !== signatureOf(store.cachedStamps(s.caseId)!),
    ) ||
    Object.keys(before.cases).length !== summaries.length;
  const members = new Map<string, string[]>();
  for (const id of ids) {
    const acc =
      store.accessOf(id) ?? (before?.cases[id]?.members ? { members: before.cases[id].members } : null);
    if (acc) members.set(id, acc.members);
  }
  await index.write(summaries, members);
  await auditLog.append('vault.check');
  return {
    ok: damagedList.length === 0,
    cases: ids.filter((id) => !core.containers.has(id)).length,
    events,
    files,
    damaged: damagedList,
    junk,
    indexRebuilt: stale,
  };
}

/** The key files, member records, rotation record and join requests in `keys/`. */
async function checkKeys(
  core: VaultCore,
  rotation: RotationRecordFile,
  junk: string[],
): Promise<DamagedFile[]> {
  const { dir } = core;
  const out: DamagedFile[] = [];
  const tampered = (file: string, reason: string): DamagedFile => ({
    caseId: null,
    file,
    code: 'TAMPERED',
    reason,
  });
  for (const n of await listDir(path.join(dir, 'keys'))) {
    if (MEMBER_PUB_RE.test(n)) {
      const id = n.slice(0, 26);
      try {
        const jwe = await readFile(path.join(dir, 'keys', n), 'utf8');
        await core.keys.openFile('membersKey', jwe, { kind: 'identity', id });
      } catch {
        out.push(tampered(rel('keys', n), 'MEMBER_RECORD'));
      }
    } else if (n === 'recovery.json' || MEMBER_KEY_RE.test(n)) {
      try {
        const kf =
          n === 'recovery.json'
            ? await readSealed(dir, `keys/${n}`, recoveryKeyFile)
            : await readSealed(dir, `keys/${n}`, memberKeyFile);
        const who = 'memberId' in kf ? kf.memberId : 'recovery';
        if (!verifyKeyFileMac(core.keys.cur, core.vaultId, who, kf.public, kf.mac)) throw new Error('mac');
      } catch {
        out.push(tampered(rel('keys', n), 'KEY_FILE'));
      }
    } else if (n === 'rotation.jwe') {
      rotation.forget();
      if (!(await rotation.load())) out.push(tampered(rel('keys', n), 'ROTATION_RECORD'));
    } else if (n === 'requests') {
      for (const r of await listDir(path.join(dir, 'keys', 'requests'))) {
        if (!MEMBER_KEY_RE.test(r)) junk.push(rel('keys', 'requests', r));
        else
          await readSealed(dir, `keys/requests/${r}`, memberKeyFile).catch(() =>
            out.push(tampered(rel('keys', 'requests', r), 'KEY_FILE')),
          );
      }
    } else junk.push(rel('keys', n));
  }
  return out;
}
