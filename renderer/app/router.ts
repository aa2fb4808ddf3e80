import { useSyncExternalStore } from 'react';

/**
 * A hash router: `#/cases`, `#/cases/<caseId>/<tab>[/<sub>]`, `#/tasks`, `#/tasks/mine`,
 * `#/report`, `#/report/measures`, `#/report/outcomes`, `#/verify`, `#/settings`. The hash never
 * reaches the host, and nothing personal is ever in it (case ids are the vault's random ids).
 */
export type Route =
  | { name: 'cases' }
  | { name: 'case'; caseId: string; tab: string; sub?: string }
  | { name: 'tasks'; mine?: boolean }
  | { name: 'report'; tab?: 'measures' | 'outcomes' }
  | { name: 'verify' }
  | { name: 'settings' };

function parse(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'cases' && parts[1])
    return parts[3]
      ? { name: 'case', caseId: parts[1], tab: parts[2] ?? 'timeline', sub: parts[3] }
      : { name: 'case', caseId: parts[1], tab: parts[2] ?? 'timeline' };
  if (parts[0] === 'tasks') return parts[1] === 'mine' ? { name: 'tasks', mine: true } : { name: 'tasks' };
  if (parts[0] === 'report')
    return parts[1] === 'measures' || parts[1] === 'outcomes'
      ? { name: 'report', tab: parts[1] }
      : { name: 'report' };
  if (parts[0] === 'verify') return { name: 'verify' };
  if (parts[0] === 'settings') return { name: 'settings' };
  return { name: 'cases' };
}

/**
 * The route the app shows is the last address the leave guard let through, not whatever the
 * address bar says: a screen with unsaved work (the letter editor) can say "not yet", and then the
 * address is put back before anything renders the new screen.
 */
let current = typeof window === 'undefined' ? '' : window.location.hash;
const listeners = new Set<() => void>();
let guard: (() => boolean) | null = null;

/** While set, every navigation asks `mayLeave` first; returns the function that removes it. */
export function setLeaveGuard(mayLeave: () => boolean): () => void {
  guard = mayLeave;
  return () => {
    if (guard === mayLeave) guard = null;
  };
}

if (typeof window !== 'undefined')
  window.addEventListener('hashchange', () => {
    const next = window.location.hash;
    if (next === current) return;
    if (guard && !guard()) {
      window.history.replaceState(null, '', current === '' ? '#/cases' : current);
      return;
    }
    current = next;
    for (const l of listeners) l();
  });

const subscribe = (cb: () => void) => {
  listeners.add(cb);
  return () => listeners.delete(cb);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => current);
  return parse(hash);
}

export function href(route: Route): string {
  switch (route.name) {
    case 'case':
      return `#/cases/${route.caseId}/${route.tab}${route.sub ? `/${route.sub}` : ''}`;
    case 'tasks':
      return route.mine ? '#/tasks/mine' : '#/tasks';
    case 'report':
      return route.tab ? `#/report/${route.tab}` : '#/report';
    default:
      return `#/${route.name}`;
  }
}

/** Changes the address without a new history entry and without asking the leave guard. */
export function replaceRoute(route: Route): void {
  window.history.replaceState(null, '', href(route));
  current = window.location.hash;
  for (const l of listeners) l();
}

export function go(route: Route): void {
  window.location.hash = href(route);
}
