import { BroError } from '../../../shared/errors';
import { foldCase } from '../../../shared/events/fold';
import type { Handlers } from '../handler-table';
import type { Session } from '../session';
import type { Vault } from '../vault/vault';

type AccessHandlers = Pick<
  Handlers,
  | 'cases.access'
  | 'cases.restrict'
  | 'cases.grant'
  | 'cases.revoke'
  | 'cases.requestAccess'
  | 'cases.declineAccess'
>;

/** A case id that names no case folder is NOT_FOUND, before anything else is tried. */
async function requireCase(vault: Vault, caseId: string): Promise<void> {
  const { ids } = await vault.listCaseIds();
  if (!ids.includes(caseId)) throw new BroError('NOT_FOUND', 'No such case', { detail: { caseId } });
}

/**
 * The members a restriction suggests (the default): the case's caseworkers who are
 * members of the vault, and the member restricting it.
 */
async function suggestedMembers(vault: Vault, caseId: string): Promise<string[]> {
  const members = new Set((await vault.members()).filter((m) => m.active).map((m) => m.memberId));
  const state = foldCase(caseId, await vault.readCase(caseId));
  const out = new Set<string>();
  for (const a of state.doc.assignments ?? []) {
    if (a.to == null && a.caseworkerId && members.has(a.caseworkerId)) out.add(a.caseworkerId);
  }
  if (vault.actor !== 'recovery') out.add(vault.actor);
  return [...out];
}

/** Access by need (docs/SECURITY.md): who may open a case, and asking for, giving and taking access. */
export function accessHandlers(session: Session): AccessHandlers {
  const names = async (vault: Vault) =>
    new Map((await vault.members()).map((m) => [m.memberId, { name: m.name, me: m.me }]));
  return {
    'cases.access': async ({ caseId }) => {
      const vault = session.requireVault();
      await requireCase(vault, caseId);
      const a = await vault.caseAccess(caseId);
      const who = await names(vault);
      return {
        caseId,
        restricted: a.restricted,
        canOpen: a.canOpen,
        members: a.members.map((m) => ({
          memberId: m,
          name: who.get(m)?.name ?? '',
          me: m === vault.actor,
        })),
        requests: a.requests.map((r) => ({
          memberId: r.memberId,
          name: who.get(r.memberId)?.name ?? '',
          at: r.at,
        })),
        suggested: a.canOpen && !a.restricted ? await suggestedMembers(vault, caseId) : [],
      };
    },
    'cases.restrict': async ({ caseId, members }) => {
      const vault = session.requireVault();
      await requireCase(vault, caseId);
      await vault.restrictCase(caseId, members);
      return { caseId, members: (await vault.caseAccess(caseId)).members };
    },
    'cases.grant': async ({ caseId, memberId }) => {
      const vault = session.requireVault();
      await requireCase(vault, caseId);
      await vault.grantCase(caseId, memberId);
      return { caseId, members: (await vault.caseAccess(caseId)).members };
    },
    'cases.revoke': async ({ caseId, memberId }) => {
      const vault = session.requireVault();
      await requireCase(vault, caseId);
      await vault.revokeCase(caseId, memberId);
      return { caseId, members: (await vault.caseAccess(caseId)).members };
    },
    'cases.requestAccess': async ({ caseId }) => {
      const vault = session.requireVault();
      await requireCase(vault, caseId);
      const r = await vault.requestCaseAccess(caseId);
      return { caseId, at: r.at };
    },
    'cases.declineAccess': async ({ caseId, memberId }) => {
      const vault = session.requireVault();
      await requireCase(vault, caseId);
      await vault.declineCaseAccess(caseId, memberId);
      return {};
    },
  };
}

/**
 * The demo's restricted case (issue 17): the last demo case, restricted to the member who made
 * the demo (its caseworkers are colleagues in the register, not members), so a new user finds a
 * «Tilgang» panel with data in it. Left alone when it is restricted already.
 */
export async function addRestrictedDemoSample(vault: Vault): Promise<void> {
  if (vault.actor === 'recovery') return;
  const { cases } = await vault.listCases();
  const last = [...cases]
    .filter((c) => !c.voided && c.externalId.startsWith('demo-'))
    .sort((a, b) => a.externalId.localeCompare(b.externalId, 'nb', { numeric: true }))
    .at(-1);
  if (!last || last.restricted) return;
  const members = await suggestedMembers(vault, last.caseId);
  await vault.restrictCase(last.caseId, members);
}
