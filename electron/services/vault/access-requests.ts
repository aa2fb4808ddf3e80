import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { listDir, ensureDir, writeAtomic } from './atomic';
import type { VaultCore } from './core';
import { decodeJson, encodeJson } from './crypto';
import type { DamagedFile } from './damage';
import { ACCESS_REQUEST_RE, rel } from './format';

/** A member asks for access to a restricted case (docs/VAULT-FORMAT.md §12.1). */
export interface AccessRequest {
  caseId: string;
  memberId: string;
  at: string;
}

const FOLDER = 'access';

/**
 * access/<caseId>-<memberId>.jwe: one encrypted file per open request, under the `members v1`
 * subkey (every member can read it: it names a case id and a member id, nothing about the pupil).
 * Granting or declining removes it; asking again replaces it.
 */
export class AccessRequests {
  constructor(private readonly core: VaultCore) {}

  private file(caseId: string, memberId: string): string {
    return path.join(this.core.dir, FOLDER, `${caseId}-${memberId}.jwe`);
  }

  async write(caseId: string, memberId: string): Promise<AccessRequest> {
    const req: AccessRequest = { caseId, memberId, at: new Date(this.core.now()).toISOString() };
    const jwe = await this.core.keys.seal('membersKey', encodeJson(req), {
      kind: 'identity',
      id: `${caseId}-${memberId}`,
    });
    await ensureDir(path.join(this.core.dir, FOLDER));
    await writeAtomic(this.file(caseId, memberId), jwe);
    return req;
  }

  async remove(caseId: string, memberId: string): Promise<boolean> {
    try {
      await unlink(this.file(caseId, memberId));
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw e;
    }
  }

  private async open(name: string): Promise<AccessRequest | null> {
    const m = ACCESS_REQUEST_RE.exec(name);
    if (!m) return null;
    try {
      const jwe = await readFile(path.join(this.core.dir, FOLDER, name), 'utf8');
      const plain = await this.core.keys.openFile('membersKey', jwe, {
        kind: 'identity',
        id: `${m[1]}-${m[2]}`,
      });
      const r = decodeJson(plain) as AccessRequest;
      if (r.caseId !== m[1] || r.memberId !== m[2] || typeof r.at !== 'string') return null;
      return r;
    } catch {
      return null;
    }
  }

  /** The open requests (for one case, when given), oldest first; damaged ones are left to check(). */
  async list(caseId?: string): Promise<AccessRequest[]> {
    const out: AccessRequest[] = [];
    for (const n of await listDir(path.join(this.core.dir, FOLDER))) {
      if (caseId && !n.startsWith(`${caseId}-`)) continue;
      const r = await this.open(n);
      if (r) out.push(r);
    }
    return out.sort((a, b) => (a.at < b.at ? -1 : 1));
  }

  /** `vault check`: a request that does not open is damage; any other name is junk. */
  async check(junk: string[]): Promise<DamagedFile[]> {
    const out: DamagedFile[] = [];
    for (const n of await listDir(path.join(this.core.dir, FOLDER))) {
      if (!ACCESS_REQUEST_RE.test(n)) junk.push(rel(FOLDER, n));
      else if (!(await this.open(n)))
        out.push({ caseId: null, file: rel(FOLDER, n), code: 'TAMPERED', reason: 'ACCESS_REQUEST' });
    }
    return out;
  }
}
