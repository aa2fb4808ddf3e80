import type { OpOutput } from '../../../shared/contract';
import { nextDeadline, overdueCount } from '../../../shared/cases/obligations';
import { summaryRules, type CaseSummary } from '../../../shared/cases/summary';
import type { Progress, Session } from '../session';
import { caseworkerDirectory, ownerResolver, type ResolvedOwner } from '../registers/registers';

type Listed = OpOutput<'cases.list'>['cases'][number];

/** A cached summary as the case list shows it on `asOf`: owner by the register's name, next deadline, overdue. */
export function listedCase(
  s: CaseSummary,
  asOf: string,
  resolve: (o: { name: string; id: string | null } | null) => ResolvedOwner | null,
): Listed {
  const owner = resolve(s.caseworker ? { name: s.caseworker, id: s.caseworkerId ?? null } : null);
  const obligations = s.obligations ?? [];
  return {
    caseId: s.caseId,
    externalId: s.externalId,
    pupil: s.denied ? null : s.pupil,
    restricted: s.restricted === true,
    school: s.school,
    grade: s.grade,
    service: s.service,
    caseworker: owner?.name ?? null,
    caseworkerId: owner?.id ?? null,
    mine: owner?.mine ?? false,
    openReferral: s.openReferral,
    status: s.status,
    eventCount: s.eventCount,
    voided: s.voided === true,
    nextDeadline: nextDeadline(obligations),
    overdue: overdueCount(obligations, asOf),
  };
}

/**
 * The case list on a date (`cases.list`): the vault's cached summaries (made again where they no
 * longer hold on that date, or were made under other rules or settings), with owners resolved.
 */
export async function listCases(
  session: Session,
  asOf: string | undefined,
  progress?: Progress,
  includeVoided = false,
) {
  const vault = session.requireVault();
  const day = asOf ?? session.today();
  vault.setSummaryRules(summaryRules(day, session.waitingSettings()));
  const r = await vault.listCases({ onProgress: (d, t) => progress?.(d, t, 'open') });
  const resolve = ownerResolver(await caseworkerDirectory(vault));
  // A voided case (a duplicate, opened in error) is listed only when asked for.
  const cases = r.cases.filter((s) => includeVoided || !s.voided);
  return { asOf: day, cases: cases.map((s) => listedCase(s, day, resolve)), damaged: r.damaged };
}

/** Per caseworker: open cases and overdue tasks (the lead's table; names of caseworkers only). */
export async function caseload(session: Session, asOf: string | undefined) {
  const { asOf: day, cases } = await listCases(session, asOf);
  const rows = new Map<
    string,
    {
      owner: string | null;
      ownerId: string | null;
      mine: boolean;
      openCases: number;
      overdueTasks: number;
      casesWithOverdue: number;
    }
  >();
  for (const c of cases) {
    if (c.voided || (c.status === 'closed' && c.overdue === 0)) continue;
    const key = c.caseworkerId ?? (c.caseworker ? `name:${c.caseworker.toLocaleLowerCase('nb')}` : '-');
    const row = rows.get(key) ?? {
      owner: c.caseworker,
      ownerId: c.caseworkerId,
      mine: c.mine,
      openCases: 0,
      overdueTasks: 0,
      casesWithOverdue: 0,
    };
    if (c.status !== 'closed') row.openCases++;
    row.overdueTasks += c.overdue;
    if (c.overdue > 0) row.casesWithOverdue++;
    rows.set(key, row);
  }
  // Unowned first (someone must take them), then by name.
  const sorted = [...rows.values()].sort((a, b) =>
    a.owner === null ? -1 : b.owner === null ? 1 : a.owner.localeCompare(b.owner, 'nb'),
  );
  return { asOf: day, rows: sorted };
}
