import { BroError } from '../../../shared/errors';
import type { Vault } from '../vault/vault';

/**
 * Sets the unlocking member's display name: their member record (keys/<memberId>.pub.jwe) is
 * written again with the new name. The name signs letters and names them in the timeline, the
 * member list and as a caseworker. Only one's own name: a member record binds a person's key.
 */
export async function renameSelf(vault: Vault, name: string): Promise<{ memberId: string; name: string }> {
  if (vault.actor === 'recovery')
    throw new BroError('ACCESS_REVOKED', 'Open the vault as a member to set your name');
  const rec = (await vault.memberRecords()).find((r) => r.memberId === vault.actor);
  if (!rec)
    throw new BroError('NOT_FOUND', 'Your member record is missing', { detail: { reason: 'MEMBER_RECORD' } });
  await vault.writeMemberRecord({ ...rec, name });
  await vault.audit('member.rename', [vault.actor]);
  return { memberId: vault.actor, name };
}
