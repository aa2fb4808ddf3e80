import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseChange, OpOutput } from '../../../shared/contract';
import type { CaseDoc } from '../../../shared/domain/caseDoc';
import type { HistoryEntry } from '../../../shared/events/fold';
import { validityIssues } from '../../../shared/domain/validity';
import { BroError, type Issue } from '../../../shared/errors';
import { api } from '../../api';
import { todayIso } from '../../app/format';

export type CaseData = Omit<OpOutput<'cases.get'>, 'doc' | 'history'> & {
  doc: CaseDoc;
  history: HistoryEntry[];
};

export function useCase(caseId: string) {
  return useQuery({
    queryKey: ['case', caseId],
    queryFn: async () => (await api['cases.get']({ caseId })) as CaseData,
  });
}

type Rec = Record<string, unknown>;

/** The case as `changes` would leave it, with each collection item's key (a new one: `new:i`). */
export function afterChanges(
  doc: CaseDoc,
  keys: Record<string, string[]>,
  changes: readonly CaseChange[],
): { doc: CaseDoc; keys: Record<string, string[]> } | null {
  const out = structuredClone(doc) as unknown as Rec;
  const k: Record<string, string[]> = Object.fromEntries(Object.entries(keys).map(([c, v]) => [c, [...v]]));
  const patch = (target: Rec, set: Rec) => {
    for (const [f, v] of Object.entries(set))
      if (v == null) delete target[f];
      else target[f] = v;
  };
  for (const [n, ch] of changes.entries()) {
    if (ch.entity === 'evaluations') return null; // nested: the contract checks these
    if (ch.op === 'set' && ch.entity === 'case') patch(out, ch.set);
    else if (ch.op === 'set' && ch.entity === 'pupil') patch((out.pupil ??= {}) as Rec, ch.set);
    else {
      const list = ((out[ch.entity] as Rec[] | undefined) ?? []).slice();
      const ks = (k[ch.entity] ??= []);
      const i = ch.key ? ks.indexOf(ch.key) : -1;
      if (ch.op === 'remove') {
        if (i >= 0) {
          list.splice(i, 1);
          ks.splice(i, 1);
        }
      } else if (i >= 0) patch((list[i] = { ...list[i] }), ch.set);
      else {
        const item: Rec = {};
        patch(item, ch.set);
        list.push(item);
        ks.push(`new:${n}`);
      }
      out[ch.entity] = list;
    }
  }
  return { doc: out as unknown as CaseDoc, keys: k };
}

/**
 * Impossible data the changes would add (shared/domain/validity.ts, the same rules the contract
 * applies): checked before the call, so the form shows them at the field at once. What the case
 * already held is a finding, not this change's fault.
 */
export function newValidityIssues(
  data: Pick<CaseData, 'doc' | 'keys'>,
  changes: readonly CaseChange[],
  today: string,
): Issue[] {
  const after = afterChanges(data.doc, data.keys, changes);
  if (!after) return [];
  const id = (keys: Record<string, string[]>, i: Issue) => {
    const p = [...i.path];
    if (typeof p[1] === 'number') p[1] = keys[String(p[0])]?.[p[1]] ?? p[1];
    return `${p.join('.')}|${i.code}`;
  };
  const old = new Set(validityIssues(data.doc, today).map((i) => id(data.keys, i)));
  return validityIssues(after.doc, today)
    .filter((i) => !old.has(id(after.keys, i)))
    .map((i) => ({ ...i, path: ['case', ...i.path] }));
}

/** Saves changes to one case and refreshes the folder and the list. */
export function useUpdate(caseId: string) {
  const qc = useQueryClient();
  return async (changes: CaseChange[]) => {
    if (changes.every((c) => c.op === 'set' && Object.keys(c.set).length === 0)) return;
    const data = qc.getQueryData<CaseData>(['case', caseId]);
    const issues = data ? newValidityIssues(data, changes, todayIso()) : [];
    if (issues.length) throw new BroError('VALIDATION', 'The case would break a rule', { issues });
    await api['cases.update']({ caseId, changes });
    await refresh(qc, caseId);
  };
}

/** After a change to a case (or, without `caseId`, to some case): its folder, the list, tasks, figures. */
export async function refresh(qc: ReturnType<typeof useQueryClient>, caseId?: string) {
  await Promise.all([
    qc.invalidateQueries({ queryKey: caseId === undefined ? ['case'] : ['case', caseId] }),
    qc.invalidateQueries({ queryKey: ['cases'] }),
    qc.invalidateQueries({ queryKey: ['tasks'] }),
    // A change (a voided referral, a corrected date) moves the figures and the caseload too.
    qc.invalidateQueries({ queryKey: ['report.waiting'] }),
    qc.invalidateQueries({ queryKey: ['caseload'] }),
  ]);
}
