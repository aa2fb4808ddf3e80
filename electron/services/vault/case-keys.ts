import { OpenFailure, decodeJson, encodeJson, open, randomId, randomKey, sealKey } from './crypto';
import type { VaultCore } from './core';
import { BroError } from '../../../shared/errors';
import { parseCaseKeyRing, restrictedKeyFile, type CaseAccess, type CaseKeyRing } from './format';
import { openCaseRingGrant } from './keys';
import type { RotationRecordFile } from './rotation-record';

/**
 * The case key ring (docs/VAULT-FORMAT.md §8): a case's data keys, wrapped by the current master
 * key generation's case-key subkey. Everything about who can open a case's content starts here.
 */

/** A ring with one fresh data key, for a new case. */
export function newKeyRing(): CaseKeyRing {
  const kid = randomId();
  return { current: kid, keys: [{ kid, k: Buffer.from(randomKey()).toString('base64url') }] };
}

/**
 * The ring after a rotation: a new current data key, and every file written so far listed in
 * `sealed` by name and SHA-256 (a file under a retired key is accepted only exactly as it was).
 */
export function rotatedKeyRing(ring: CaseKeyRing, sealed: Record<string, string>): CaseKeyRing {
  const kid = randomId();
  return {
    current: kid,
    keys: [...ring.keys, { kid, k: Buffer.from(randomKey()).toString('base64url') }],
    sealed,
  };
}

/** The data key that writes: the ring's current one. */
export function currentDataKey(ring: CaseKeyRing): Uint8Array {
  const k = ring.keys.find((x) => x.kid === ring.current)!;
  return new Uint8Array(Buffer.from(k.k, 'base64url'));
}

/**
 * Wraps a case's key ring (or, for a restricted case, its per-member grants: §8.1) with the
 * current master key generation (`kid` = its id).
 */
export function sealKeyRing(
  core: VaultCore,
  caseId: string,
  ring: CaseKeyRing | { restricted: CaseAccess },
): Promise<string> {
  const cur = core.keys.cur;
  return sealKey(cur.caseKek, encodeJson(ring), {
    vault: core.vaultId,
    kind: 'case-key',
    case: caseId,
    kid: cur.mkid,
  });
}

/**
 * Unwraps a case's `key.jwe`; throws when it does not authenticate or should not be trusted. A
 * restricted case gives its access list and grants, and the ring only when one is granted to us.
 */
export async function openKeyRing(
  core: VaultCore,
  rotation: RotationRecordFile,
  caseId: string,
  jwe: string,
): Promise<{ ring: CaseKeyRing | null; access: CaseAccess | null }> {
  const g = core.keys.of(jwe);
  if (!g) throw new OpenFailure('BINDING');
  // SECURITY: after a rotation every case key is re-wrapped; one under an older generation is
  // accepted only while the rotation still lists its case (else a removed member made it).
  if (g.mkid !== core.keys.cur.mkid) {
    const rec = await rotation.load();
    if (!rec || rec.mkid !== core.keys.cur.mkid || !rec.pending.includes(caseId))
      throw new OpenFailure('BINDING');
  }
  const plain = await open(g.caseKek, jwe, {
    vault: core.vaultId,
    kind: 'case-key',
    case: caseId,
    kid: g.mkid,
  });
  const value = decodeJson(plain);
  if (typeof value === 'object' && value !== null && 'restricted' in value) {
    const { restricted: access } = restrictedKeyFile.parse(value);
    const grant = access.grants[core.actor];
    if (!grant || !core.ecdh) return { ring: null, access };
    const ring = parseCaseKeyRing(
      await openCaseRingGrant(core.ecdh, grant, { vaultId: core.vaultId, caseId, id: core.actor }),
    );
    return { ring, access };
  }
  return { ring: parseCaseKeyRing(value), access: null };
}

/** The error for a restricted case the member was not given: no content, no name. */
export function restrictedError(caseId: string): BroError {
  return new BroError('RESTRICTED', 'This case is restricted to named members', { detail: { caseId } });
}
