import type { Service } from '../domain/common';
import type { CaseState } from '../events/fold';
import { openDeadlines, type Deadline } from './deadlines';

/** One row of the case list. Built from the fold and cached (encrypted) in the vault index. */
export interface CaseSummary {
  caseId: string;
  externalId: string;
  pupil: string;
  school: string;
  grade: number | null;
  service: Service | null;
  caseworker: string | null;
  openReferral: {
    id: string;
    service: Service | null;
    received: string;
    /** Set once the service has met the family: days waited stop counting here. */
    firstContact?: string | null;
  } | null;
  status: 'open' | 'closed' | 'new';
  eventCount: number;
  /**
   * Open deadlines, earliest first (at most 20). Absent in summaries cached by an older version
   * until the case changes or the index is rebuilt (`bro vault check`).
   */
  deadlines?: Deadline[];
}

/** The current caseworker is the latest-starting assignment that has not ended. */
export function currentCaseworker(state: CaseState): string | null {
  const open = (state.doc.assignments ?? []).filter((a) => a.to == null);
  open.sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
  return open[0]?.caseworker ?? null;
}

export function summarizeCase(state: CaseState): CaseSummary {
  const d = state.doc;
  const referrals = d.referrals ?? [];
  const open = referrals
    .filter((r) => r.closed == null && r.received != null)
    .sort((a, b) => (a.received < b.received ? -1 : 1))[0];
  return {
    caseId: state.caseId,
    externalId: d.id,
    pupil: d.pupil?.name ?? '',
    school: d.pupil?.school ?? '',
    grade: d.pupil?.grade ?? null,
    service: d.service ?? null,
    caseworker: currentCaseworker(state),
    openReferral: open
      ? {
          id: open.id,
          service: open.service ?? d.service ?? null,
          received: open.received,
          firstContact: open.firstContact ?? null,
        }
      : null,
    status: referrals.length === 0 ? 'new' : open ? 'open' : 'closed',
    eventCount: state.eventCount,
    deadlines: openDeadlines(d).slice(0, 20),
  };
}
