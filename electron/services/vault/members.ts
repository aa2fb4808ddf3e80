import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { BroError } from '../../../shared/errors';
import { ensureDir, listDir, writeAtomic } from './atomic';
import type { AuditLog } from './audit-log';
import type { VaultCore } from './core';
import { decodeJson, encodeJson } from './crypto';
import { MEMBER_KEY_RE, MEMBER_PUB_RE } from './format';
import { memberRecord, type MemberRecord } from './identity';
import { grantMember, memberKeyFile, newMemberKeyFile, requestCode, serializeSealed } from './keys';
import { readSealed, readVaultHeader } from './sealed-files';

/** A join request waiting in keys/requests/, as the approver sees it. */
export interface JoinRequest {
  memberId: string;
  code: string;
  created: string;
}

export function checkPassphrase(passphrase: string): void {
  if (passphrase.length < 8)
    throw new BroError('VALIDATION', 'Passphrase too short', {
      issues: [{ path: ['passphrase'], code: 'PASSPHRASE_TOO_SHORT' }],
    });
}

/**
 * A new member asks to join (on their own machine): their keys are made and protected by their
 * passphrase, and a request waits in keys/requests/ until an existing member approves it.
 * Returns the code the requester reads out to the approver.
 */
export async function requestMembership(
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

/** Members (docs/VAULT-FORMAT.md §5.7–§5.8): join requests, approval, and each member's public record. */
export class Members {
  constructor(
    private readonly core: VaultCore,
    private readonly auditLog: AuditLog,
  ) {}

  async pending(): Promise<JoinRequest[]> {
    const { core } = this;
    const out: JoinRequest[] = [];
    for (const n of (await listDir(path.join(core.dir, 'keys', 'requests'))).filter((x) =>
      MEMBER_KEY_RE.test(x),
    )) {
      try {
        const r = await readSealed(core.dir, `keys/requests/${n}`, memberKeyFile);
        if (r.memberId === n.slice(0, 26) && r.vaultId === core.vaultId && !r.grant)
          out.push({ memberId: r.memberId, code: requestCode(r), created: r.created });
      } catch {
        /* a damaged request is simply not offered; check() names it */
      }
    }
    return out.sort((a, b) => (a.created < b.created ? -1 : 1));
  }

  /** Approves a join request whose code the approver has compared with the requester's screen. */
  async approve(code: string, name: string): Promise<{ memberId: string }> {
    const { core } = this;
    if (core.actor === 'recovery')
      throw new BroError('ACCESS_REVOKED', 'Open the vault as a member to approve');
    const wanted = code.replace(/[\s-]/g, '').toUpperCase();
    const match = (await this.pending()).find((r) => r.code.replace(/-/g, '') === wanted);
    if (!match)
      throw new BroError('NOT_FOUND', 'No join request with that code', {
        issues: [{ path: ['code'], code: 'NOT_FOUND' }],
      });
    const req = await readSealed(core.dir, `keys/requests/${match.memberId}.json`, memberKeyFile);
    const { integrity: _i, ...body } = req;
    const granted = await grantMember(body, core.keys.keySet());
    await writeAtomic(path.join(core.dir, 'keys', `${req.memberId}.json`), serializeSealed(granted));
    await this.writeRecord({
      memberId: req.memberId,
      name,
      publicJwk: { ...req.public.sign },
      created: req.created,
    });
    await unlink(path.join(core.dir, 'keys', 'requests', `${req.memberId}.json`)).catch(() => {});
    await this.auditLog.append('member.approve', [req.memberId]);
    return { memberId: req.memberId };
  }

  /** Members with their names and whether they are still members (removed ones keep a record for old signatures). */
  async list(): Promise<(MemberRecord & { active: boolean; me: boolean })[]> {
    const keyFiles = new Set(
      (await listDir(path.join(this.core.dir, 'keys'))).filter((n) => MEMBER_KEY_RE.test(n)),
    );
    return (await this.records()).map((r) => ({
      ...r,
      active: keyFiles.has(`${r.memberId}.json`),
      me: r.memberId === this.core.actor,
    }));
  }

  /** Writes a member's public record (name and public key), encrypted: the name is personal data. */
  async writeRecord(rec: MemberRecord): Promise<void> {
    const jwe = await this.core.keys.seal('membersKey', encodeJson(rec), {
      kind: 'identity',
      id: rec.memberId,
    });
    await writeAtomic(path.join(this.core.dir, 'keys', `${rec.memberId}.pub.jwe`), jwe);
  }

  /** Every member's public signing identity (for `bro keys jwks` and verifying letters). */
  async records(): Promise<MemberRecord[]> {
    const { core } = this;
    const out: MemberRecord[] = [];
    for (const n of (await listDir(path.join(core.dir, 'keys')))
      .filter((x) => MEMBER_PUB_RE.test(x))
      .sort()) {
      const id = n.slice(0, 26);
      try {
        const jwe = await readFile(path.join(core.dir, 'keys', n), 'utf8');
        if (!core.keys.of(jwe)) continue;
        const rec = memberRecord.parse(
          decodeJson(await core.keys.openFile('membersKey', jwe, { kind: 'identity', id })),
        );
        if (rec.memberId === id) out.push(rec);
      } catch {
        /* reported by check() */
      }
    }
    return out;
  }
}
