import { BroError } from '../../../shared/errors';
import type { CaseState } from '../../../shared/events/fold';
import type { Progress } from '../session';
import type { Vault } from '../vault/vault';

export interface FoldedCases {
  states: CaseState[];
  /** Damaged cases, left out of the figures and named so the user knows the figures are partial. */
  skipped: { caseId: string; code: 'TAMPERED' }[];
  /**
   * Restricted cases this member may not open (docs/SECURITY.md): not in their figures or tasks.
   * The members a case is restricted to (by default its caseworkers and the lead) count it.
   */
  restricted: string[];
}

/**
 * Every readable case that is not voided, folded, for reports and tasks. A damaged case is skipped (and listed),
 * never the reason a report fails: the other cases' figures are still right.
 */
export async function foldAllCases(vault: Vault, progress?: Progress): Promise<FoldedCases> {
  const { cases, damaged } = await vault.listCases();
  const states: CaseState[] = [];
  const skipped: FoldedCases['skipped'] = damaged.map((d) => ({
    caseId: d.caseId,
    code: 'TAMPERED' as const,
  }));
  const restricted: string[] = [];
  let i = 0;
  for (const c of cases) {
    progress?.(i++, cases.length, 'open');
    if (c.denied) {
      restricted.push(c.caseId);
      continue;
    }
    try {
      const state = await vault.fold(c.caseId);
      // A voided case (a duplicate, opened in error) is in no figure and owes no task.
      if (state.opened && !state.voided) states.push(state);
    } catch (e) {
      if (e instanceof BroError && e.code === 'TAMPERED')
        skipped.push({ caseId: c.caseId, code: 'TAMPERED' });
      else throw e;
    }
  }
  progress?.(cases.length, cases.length, 'open');
  return { states, skipped, restricted };
}
