import { demoReferralForm } from '../../../shared/demo/documents';
import type { Vault } from '../vault/vault';
import { addAttachment } from './handlers';

/**
 * `bro demo` attaches a referral form (a small synthetic PDF) to the first open demo cases with a
 * referral, through the same `addAttachment` as the app and `bro attach`, dated the day the
 * referral was received. The bytes depend only on the case and the date, so a rerun adds nothing.
 */
export async function addDemoDocuments(vault: Vault, today: string, max = 3): Promise<number> {
  const { cases } = await vault.listCases();
  let added = 0;
  let done = 0;
  for (const c of [...cases].sort((a, b) => (a.externalId < b.externalId ? -1 : 1))) {
    if (done >= max) break;
    const state = await vault.fold(c.caseId);
    const r = state.voided ? undefined : state.doc.referrals?.find((x) => x.received && x.received <= today);
    if (!r?.received) continue;
    done++;
    const bytes = Buffer.from(demoReferralForm(state.doc.id, String(state.doc.service), r.received));
    const out = await addAttachment(
      vault,
      c.caseId,
      { bytes, title: 'Henvisningsskjema fra skolen', received: r.received },
      today,
    );
    if (!out.duplicate) added++;
  }
  return added;
}
