import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseChange, OpOutput } from '../../../shared/contract';
import type { CaseDoc } from '../../../shared/domain/caseDoc';
import type { HistoryEntry } from '../../../shared/events/fold';
import { api } from '../../api';

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

/** Saves changes to one case and refreshes the folder and the list. */
export function useUpdate(caseId: string) {
  const qc = useQueryClient();
  return async (changes: CaseChange[]) => {
    if (changes.every((c) => c.op === 'set' && Object.keys(c.set).length === 0)) return;
    await api['cases.update']({ caseId, changes });
    await refresh(qc, caseId);
  };
}

export async function refresh(qc: ReturnType<typeof useQueryClient>, caseId: string) {
  await Promise.all([
    qc.invalidateQueries({ queryKey: ['case', caseId] }),
    qc.invalidateQueries({ queryKey: ['cases'] }),
    qc.invalidateQueries({ queryKey: ['tasks'] }),
  ]);
}
