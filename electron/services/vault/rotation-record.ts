import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomic } from './atomic';
import type { VaultCore } from './core';
import { decodeJson, encodeJson, open } from './crypto';
import type { Generation } from './keychain';

/** keys/rotation.jwe: which cases a rotation still has to re-key (sealed under its new generation). */
export interface RotationRecord {
  mkid: string;
  pending: string[];
}

/** The last rotation's record, read once and kept until something may have changed it. */
export class RotationRecordFile {
  /** undefined: not read yet; null: none (or not one this member can read). */
  private value: RotationRecord | null | undefined;

  constructor(private readonly core: VaultCore) {}

  async write(g: Generation, rec: RotationRecord): Promise<void> {
    const jwe = await this.core.keys.seal(
      'membersKey',
      encodeJson(rec),
      { kind: 'identity', id: 'rotation' },
      g,
    );
    await writeAtomic(path.join(this.core.dir, 'keys', 'rotation.jwe'), jwe);
  }

  set(rec: RotationRecord): void {
    this.value = rec;
  }

  forget(): void {
    this.value = undefined;
  }

  /** The last rotation's record, if it was sealed under a generation this member holds. */
  async load(): Promise<RotationRecord | null> {
    if (this.value !== undefined) return this.value;
    this.value = null;
    const { core } = this;
    try {
      const jwe = await readFile(path.join(core.dir, 'keys', 'rotation.jwe'), 'utf8');
      const g = core.keys.of(jwe);
      if (g) {
        const rec = decodeJson(
          await open(g.membersKey, jwe, {
            vault: core.vaultId,
            kind: 'identity',
            id: 'rotation',
            kid: g.mkid,
          }),
        ) as RotationRecord;
        if (rec.mkid === g.mkid && Array.isArray(rec.pending)) this.value = rec;
      }
    } catch {
      /* none, or damaged: check() names it */
    }
    return this.value;
  }
}
