import { useSyncExternalStore } from 'react';

/**
 * A hash router: `#/cases`, `#/cases/<caseId>/<tab>[/<sub>]`, `#/tasks`,
 * `#/report`, `#/verify`, `#/settings`. The hash never
 * reaches the host, and nothing personal is ever in it (case ids are the vault's random ids).
 */
export type Route =
  | { name: 'cases' }
  | { name: 'case'; caseId: string; tab: string; sub?: string }
  | { name: 'tasks' }
  | { name: 'report' }
  | { name: 'verify' }
  | { name: 'settings' };

function parse(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'cases' && parts[1])
    return parts[3]
      ? { name: 'case', caseId: parts[1], tab: parts[2] ?? 'timeline', sub: parts[3] }
      : { name: 'case', caseId: parts[1], tab: parts[2] ?? 'timeline' };
  if (parts[0] === 'tasks') return { name: 'tasks' };
  if (parts[0] === 'report') return { name: 'report' };
  if (parts[0] === 'verify') return { name: 'verify' };
  if (parts[0] === 'settings') return { name: 'settings' };
  return { name: 'cases' };
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parse(hash);
}

export function href(route: Route): string {
  switch (route.name) {
    case 'case':
      return `#/cases/${route.caseId}/${route.tab}${route.sub ? `/${route.sub}` : ''}`;
    default:
      return `#/${route.name}`;
  }
}

export function go(route: Route): void {
  window.location.hash = href(route);
}
