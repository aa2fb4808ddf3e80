import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';

/**
 * State a screen keeps while the app is open — the case list's search, filters and sort, the
 * filter on Oppgaver — so that going back to the screen (Back, a link, Alt+1) finds it as it was.
 * It lives in the page's query cache under ['view', key]: never in the address, in storage or on
 * disk (a search may be a pupil's name), and it goes with every decrypted value when the vault
 * locks (App.tsx drops every query but the settings and the lock state).
 */
export function useKeptState<T>(key: string, initial: T): [T, (update: T | ((prev: T) => T)) => void] {
  const qc = useQueryClient();
  const queryKey = ['view', key];
  const [value, setValue] = useState<T>(() => qc.getQueryData<T>(queryKey) ?? initial);
  const set = useCallback(
    (update: T | ((prev: T) => T)) =>
      setValue((prev) => {
        const next = typeof update === 'function' ? (update as (p: T) => T)(prev) : update;
        qc.setQueryDefaults(['view'], { gcTime: Infinity, staleTime: Infinity });
        qc.setQueryData(['view', key], next);
        return next;
      }),
    [qc, key],
  );
  return [value, set];
}
