import type { ReportGroup, WaitingReport } from './report';
import type { Stats } from './stats';

/**
 * Small-number suppression ("prikking") for anything that leaves the vault (DESIGN §4):
 * a count of 1–4 is replaced by null and the place is marked. When the number of referrals
 * behind a statistic is suppressed, every figure computed from them goes too (a mean or a
 * maximum over three children tells about those children). Zero is shown: it is no one.
 */
export const SUPPRESS_BELOW = 5;

export const isSmall = (n: number | null): boolean => n !== null && n > 0 && n < SUPPRESS_BELOW;

const hidden = (): Stats => ({
  n: null,
  mean: null,
  median: null,
  p90: null,
  max: null,
  withinTarget: null,
  suppressed: true,
});

function stats(s: Stats, path: string, marks: string[]): Stats {
  if (!isSmall(s.n)) return s;
  marks.push(path);
  return hidden();
}

export function suppressGroup(g: ReportGroup): ReportGroup {
  const marks: string[] = [];
  const cw = g.caseworkerChanges;
  const out: ReportGroup = {
    ...g,
    ventetid: {
      completed: stats(g.ventetid.completed, 'ventetid.completed', marks),
      waiting: stats(g.ventetid.waiting, 'ventetid.waiting', marks),
    },
    saksbehandlingstid: {
      completed: stats(g.saksbehandlingstid.completed, 'saksbehandlingstid.completed', marks),
      waiting: stats(g.saksbehandlingstid.waiting, 'saksbehandlingstid.waiting', marks),
    },
    signalToReferral: stats(g.signalToReferral, 'signalToReferral', marks),
    fristbrudd: g.fristbrudd,
  };
  if (isSmall(g.fristbrudd)) {
    out.fristbrudd = null;
    marks.push('fristbrudd');
  }
  if (isSmall(cw.referrals)) {
    out.caseworkerChanges = {
      referrals: null,
      changes: null,
      perReferral: null,
      daysWithoutCaseworker: null,
      daysWithoutCaseworkerPerReferral: null,
    };
    marks.push('caseworkerChanges');
  } else if (isSmall(cw.changes)) {
    out.caseworkerChanges = { ...cw, changes: null, perReferral: null };
    marks.push('caseworkerChanges.changes');
  }
  if (marks.length) out.suppressed = marks;
  return out;
}

/** The report as it may leave the vault: small counts suppressed, and no list of open referrals. */
export function suppressReport(r: WaitingReport): WaitingReport {
  return {
    ...r,
    groups: r.groups.map(suppressGroup),
    openReferrals: [],
    suppression: { below: SUPPRESS_BELOW },
    ...(r.accessRequests
      ? {
          accessRequests: Object.fromEntries(
            Object.entries(r.accessRequests).map(([k, v]) => [k, isSmall(v) ? null : v]),
          ) as typeof r.accessRequests,
        }
      : {}),
  };
}
