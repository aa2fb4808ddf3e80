import type { Service } from '../domain/common';
import type { CaseState } from '../events/fold';
import { DEFAULT_SETTINGS, type WaitingSettings } from '../waiting/settings';
import { caseObligations, caseworkerOn, obligationRulesVersion, type ObligationKind } from './obligations';

/** One row of the case list. Built from the fold and cached (encrypted) in the vault index. */
export interface CaseSummary {
  caseId: string;
  externalId: string;
  pupil: string;
  school: string;
  grade: number | null;
  service: Service | null;
  /** The current caseworker as recorded in the case (the name written on the assignment). */
  caseworker: string | null;
  /** Their id in the vault's caseworker register (member id or colleague key), when recorded. */
  caseworkerId: string | null;
  openReferral: {
    id: string;
    service: Service | null;
    received: string;
    /** Set once the service has met the family: days waited stop counting here. */
    firstContact?: string | null;
  } | null;
  status: 'open' | 'closed' | 'new';
  eventCount: number;
  /** The case was voided (a duplicate, or opened in error): no obligations, no open referral. */
  voided?: boolean;
  /**
   * The case's open obligations (shared/cases/obligations.ts), earliest first, as of `derivedOn`
   * and holding through `validUntil`: the case list's next deadline and overdue count come from
   * these, and a summary outside that window is made again. Absent in summaries cached by an
   * older version (the index's rules version then differs, and they are made again).
   */
  obligations?: { due: string; kind: ObligationKind }[];
  derivedOn?: string;
  validUntil?: string;
  /** The case is restricted to named members (docs/SECURITY.md, «Tilgang etter tjenstlig behov»). */
  restricted?: boolean;
  /**
   * This member is not one of them: the summary is the de-identified one from the vault index
   * (no name, external id, school or grade), or only the case id when the index has none.
   */
  denied?: boolean;
}

/**
 * The summary of a restricted case as the vault index keeps it, readable by every member: no
 * pupil name, external id, school or grade; service, status, referral dates, deadlines and the
 * caseworker (staff) stay, so caseload and waiting figures still count the case. Decided in
 * docs/SECURITY.md.
 */
export function deidentify(s: CaseSummary): CaseSummary {
  const { denied: _d, ...rest } = s;
  return { ...rest, externalId: '', pupil: '', school: '', grade: null, restricted: true };
}

/** A restricted case this member cannot open and the index knows nothing about: only its id. */
export function restrictedStub(caseId: string): CaseSummary {
  return {
    caseId,
    externalId: '',
    pupil: '',
    school: '',
    grade: null,
    service: null,
    caseworker: null,
    caseworkerId: null,
    openReferral: null,
    status: 'new',
    eventCount: 0,
    obligations: [],
    restricted: true,
    denied: true,
  };
}

/** How summaries are made and when a cached one still holds: the vault index caches them. */
export interface SummaryRules {
  /** Names the rules and settings the summaries depend on; the index records it. */
  version: string;
  summarize(state: CaseState): CaseSummary;
  /** Whether a summary made earlier (perhaps by another device) still holds. */
  holds(summary: CaseSummary): boolean;
  /**
   * What the rules were made from (`summaryRules`), so another thread can make the same ones;
   * absent for rules made otherwise, which are then applied on this thread only.
   */
  made?: { asOf: string; settings: WaitingSettings };
}

/** The current caseworker: the assignment running today (else the latest-starting open one). */
export function currentCaseworker(state: CaseState, asOf?: string): string | null {
  if (asOf) return caseworkerOn(state.doc, asOf)?.name ?? null;
  const open = (state.doc.assignments ?? []).filter((a) => a.to == null);
  open.sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
  return open[0]?.caseworker ?? null;
}

export function summarizeCase(
  state: CaseState,
  asOf: string,
  settings: WaitingSettings = DEFAULT_SETTINGS,
): CaseSummary {
  const d = state.doc;
  const referrals = d.referrals ?? [];
  const open = referrals
    .filter((r) => r.closed == null && r.received != null)
    .sort((a, b) => (a.received < b.received ? -1 : a.received > b.received ? 1 : 0))[0];
  // A voided case owes nothing and waits for nothing: it leaves tasks, deadlines and caseload.
  const derived = state.voided
    ? { owner: null, obligations: [], validUntil: '9999-12-31' }
    : caseObligations(state, asOf, settings);
  return {
    caseId: state.caseId,
    externalId: d.id,
    pupil: d.pupil?.name ?? '',
    school: d.pupil?.school ?? '',
    grade: d.pupil?.grade ?? null,
    service: d.service ?? null,
    caseworker: derived.owner?.name ?? null,
    caseworkerId: derived.owner?.id ?? null,
    openReferral:
      open && !state.voided
        ? {
            id: open.id,
            service: open.service ?? d.service ?? null,
            received: open.received,
            firstContact: open.firstContact ?? null,
          }
        : null,
    status: referrals.length === 0 ? 'new' : open ? 'open' : 'closed',
    eventCount: state.eventCount,
    ...(state.voided ? { voided: true } : {}),
    obligations: derived.obligations.map((o) => ({ due: o.due, kind: o.kind })),
    derivedOn: asOf,
    validUntil: derived.validUntil,
  };
}

/** The summary rules for a date and the waiting settings (targets) that feed the obligations. */
export function summaryRules(asOf: string, settings: WaitingSettings = DEFAULT_SETTINGS): SummaryRules {
  return {
    version: obligationRulesVersion(settings),
    made: { asOf, settings },
    summarize: (state) => summarizeCase(state, asOf, settings),
    holds: (s) =>
      s.obligations !== undefined &&
      s.derivedOn !== undefined &&
      s.validUntil !== undefined &&
      s.derivedOn <= asOf &&
      asOf <= s.validUntil,
  };
}
