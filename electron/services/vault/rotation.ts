import { statSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { BroError } from '../../../shared/errors';
import { listDir, writeAtomic } from './atomic';
import { listCaseIds, stampOf } from './case-files';
import type { CaseStore } from './cases';
import type { VaultCore } from './core';
import { randomId, randomKey } from './crypto';
import { ID_RE, MEMBER_KEY_RE, VAULT_FILE } from './format';
import { generation } from './keychain';
import {
  encodeSet,
  grantMember,
  memberKeyFile,
  recoveryKeyFile,
  regrantRecovery,
  serializeSealed,
  verifyKeyFileMac,
  type MasterKey,
  type MasterKeySet,
} from './keys';
import type { Members } from './members';
import type { RotationRecordFile } from './rotation-record';
import { readSealed, readVaultHeader } from './sealed-files';

/**
 * Rotation (docs/VAULT-FORMAT.md §5.9–§5.11): removing a member makes a new master key generation
 * for everyone who remains and a new data key for every case; an interrupted rotation is finished
 * by the next member in; a rotation made by someone else while this vault is open is adopted.
 */
export class Rotation {
  /** Stamp of bro-vault.json and our key file when last read: a change may mean another member rotated the keys. */
  private stamp: string;

  constructor(
    private readonly core: VaultCore,
    private readonly store: CaseStore,
    private readonly record: RotationRecordFile,
    /** Re-reads this member's (or the recovery) grant with the private key held in memory. */
    private readonly reopen: (() => Promise<MasterKeySet>) | undefined,
  ) {
    this.stamp = this.fileStamps();
  }

  /**
   * Removes a member and rotates the master key: a new master key is granted to every remaining
   * member (to their public keys: no passphrases needed) and to the recovery key, every case gets
   * a new data key, and member records from now on use the new keys. The caller rewrites the
   * index and audits the removal.
   */
  async removeMember(
    memberId: string,
    members: Members,
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ cases: number }> {
    const { core } = this;
    if (!ID_RE.test(memberId))
      throw new BroError('NOT_FOUND', 'No such member', {
        issues: [{ path: ['memberId'], code: 'NOT_FOUND' }],
      });
    if (memberId === core.actor)
      throw new BroError('VALIDATION', 'You cannot remove yourself', {
        issues: [{ path: ['memberId'], code: 'REMOVE_SELF' }],
      });
    const keyPath = path.join(core.dir, 'keys', `${memberId}.json`);
    const records = await members.records();
    const memberFiles = (await listDir(path.join(core.dir, 'keys'))).filter((n) => MEMBER_KEY_RE.test(n));
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
      const kf = await readSealed(core.dir, `keys/${n}`, memberKeyFile);
      if (!verifyKeyFileMac(core.keys.cur, core.vaultId, kf.memberId, kf.public, kf.mac))
        throw new BroError('VAULT_DAMAGED', 'A key file was not granted by a member', {
          detail: { file: `keys/${n}` },
        });
      grantees.push(kf);
    }
    const rec = await readSealed(core.dir, 'keys/recovery.json', recoveryKeyFile);
    if (!verifyKeyFileMac(core.keys.cur, core.vaultId, 'recovery', rec.public, rec.mac))
      throw new BroError('VAULT_DAMAGED', 'The recovery key file was not granted by a member', {
        detail: { file: 'keys/recovery.json' },
      });
    await unlink(keyPath).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    const next: MasterKey = { mkid: randomId(), mk: randomKey() };
    const set = encodeSet(next, core.keys.all());
    const { ids } = listCaseIds(core.dir);
    const nextGen = generation(core.vaultId, next);
    // The cases still to re-key, sealed under the new generation before anyone holds it: a case key
    // under an older generation is accepted only while its case is listed here.
    await this.record.write(nextGen, { mkid: next.mkid, pending: ids });
    for (const kf of grantees) {
      const { integrity: _i, ...body } = kf;
      await writeAtomic(
        path.join(core.dir, 'keys', `${kf.memberId}.json`),
        serializeSealed(await grantMember(body, set)),
      );
    }
    await writeAtomic(
      path.join(core.dir, 'keys', 'recovery.json'),
      serializeSealed(await regrantRecovery(rec, set)),
    );
    core.keys.adopt(set);
    this.record.set({ mkid: next.mkid, pending: ids });
    // 3. Every case: a new data key, and the files written so far sealed by name and hash.
    await this.finish(onProgress);
    // 4. Member records under the new generation (the removed one keeps its record, for old signatures).
    for (const r of records) await members.writeRecord(r);
    // 5. The header names the current generation: older grants are refused from now on.
    core.header = { ...core.header, mkid: next.mkid };
    await writeAtomic(path.join(core.dir, VAULT_FILE), serializeSealed(core.header));
    this.store.dirty.add('*');
    // Containers (the registers) were re-keyed too; the count is of cases.
    return { cases: ids.filter((id) => !core.containers.has(id)).length };
  }

  /** Re-keys every case a rotation lists as pending (resumable: an interrupted rotation finishes here). */
  async finish(onProgress?: (done: number, total: number) => void): Promise<void> {
    const { core } = this;
    const rec = await this.record.load();
    if (!rec || rec.mkid !== core.keys.cur.mkid) return;
    let done = 0;
    const left = new Set(rec.pending);
    for (const caseId of rec.pending) {
      onProgress?.(done++, rec.pending.length);
      try {
        await this.store.rotate(caseId);
      } catch (e) {
        if (!(e instanceof BroError)) throw e; // a damaged case stays as it is; check() names it
      }
      left.delete(caseId);
      if (done % 50 === 0) await this.record.write(core.keys.cur, { mkid: rec.mkid, pending: [...left] });
    }
    onProgress?.(rec.pending.length, rec.pending.length);
    const finished = { mkid: rec.mkid, pending: [] };
    this.record.set(finished);
    // Written only when there was work: an unlock with nothing pending leaves the folder untouched.
    if (rec.pending.length) await this.record.write(core.keys.cur, finished);
  }

  /**
   * Another member may have rotated the keys while this vault is open: when bro-vault.json changed,
   * re-read our own grant (with the private key held in memory) and adopt the new generation, so we
   * never write under a retired key.
   */
  async refreshIfRotated(): Promise<void> {
    const { core } = this;
    // Our own key file is regranted early in a rotation, the header last: watch both.
    const stamp = this.fileStamps();
    if (stamp === this.stamp) return;
    this.stamp = stamp;
    if (this.reopen) {
      const fresh = await this.reopen().catch(() => null);
      if (!fresh) throw new BroError('ACCESS_REVOKED', 'This key no longer gives access to the vault');
      if (!core.keys.has(fresh.current.mkid)) {
        core.keys.adopt(fresh);
        this.store.forget();
        this.record.forget();
      }
    }
    const header = await readVaultHeader(core.dir).catch(() => null);
    if (header) core.header = header;
  }

  private fileStamps(): string {
    const { core } = this;
    const ownKeyFile = core.actor === 'recovery' ? 'keys/recovery.json' : `keys/${core.actor}.json`;
    return [VAULT_FILE, ownKeyFile]
      .map((f) => statSync(path.join(core.dir, f), { throwIfNoEntry: false }))
      .map((st) => (st ? stampOf(st) : ''))
      .join('|');
  }
}
