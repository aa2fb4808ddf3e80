import { addDays } from '../../../shared/calendar/days';
import { isWorkingDay } from '../../../shared/calendar/workdays';
import type { CaseChange } from '../../../shared/contract';
import type { CaseDoc } from '../../../shared/domain/caseDoc';
import { updateCase } from '../cases/update';
import type { Vault } from '../vault/vault';
import { resolveDemoFindings, type DemoContext, type DemoRequest } from './demo';
import { issueLetter } from './issue';

type Meeting = NonNullable<CaseDoc['meetings']>[number];

/** The working day `n` calendar days before `day`, or the working day before that. */
function workingDayBefore(day: string, n: number): string {
  let d = addDays(day, -n);
  while (!isWorkingDay(d)) d = addDays(d, -1);
  return d;
}

/**
 * The demo's meetings called by the service (issue 15 item 4), through the same `issueLetter` and
 * `updateCase` as the app: in the first open case an innkalling to a meeting held two working days
 * ago, where the rektor did not come (the attendance shows the warning) and the minutes are still
 * to be sent (the `minutes` task is due); in the second, a meeting a month ago with the school leader
 * present and the minutes sent (the task is done). A case that already has an innkalling counts as
 * its plan done, so running the demo again adds nothing.
 */
export async function addDemoMeetings(vault: Vault, ctx: DemoContext): Promise<number> {
  const { cases } = await vault.listCases();
  const plans = [
    { ago: 2, rektorCame: false, minutesAfter: null },
    { ago: 30, rektorCame: true, minutesAfter: 2 },
  ];
  // In the order of the demo's own case ids (demo-0001, …), not the vault's random ones, so the same
  // seed gives the same meetings.
  const open = [];
  for (const c of cases) if (c.status === 'open') open.push({ c, state: await vault.fold(c.caseId) });
  open.sort((a, b) => (a.state.doc.id < b.state.doc.id ? -1 : a.state.doc.id > b.state.doc.id ? 1 : 0));
  let planned = 0;
  let added = 0;
  for (const { c, state } of open) {
    const plan = plans[planned];
    if (!plan) break;
    if (state.voided) continue;
    // Made by an earlier run: that plan is done.
    if (state.letters.some((l) => l.kind === 'innkalling')) {
      planned++;
      continue;
    }
    const guardian = (state.doc.guardians ?? []).find((g) => g.parentalResponsibility);
    if (!guardian || !state.doc.pupil.school) continue;
    const date = workingDayBefore(ctx.today, plan.ago);
    const roles = [
      { role: 'rektor' },
      { role: 'kontaktlærer' },
      { role: 'foresatt', name: guardian.name },
      { role: `${state.doc.service ?? 'PPT'}-rådgiver` },
    ];
    const req: DemoRequest = {
      caseId: c.caseId,
      kind: 'innkalling',
      lang: 'nb',
      options: {
        invitation: {
          date,
          time: '13:00',
          place: 'Møterommet på skolen',
          roles,
          agenda: [
            'Hvordan skoledagene går nå',
            'Elevens egne ønsker',
            'Tiltak og ansvar fram til neste møte',
          ],
        },
      },
      settings: undefined,
    };
    // Sent ten days before the meeting, as a caseworker would.
    const at = { ...ctx, today: workingDayBefore(date, 10) };
    if (!(await resolveDemoFindings(vault, req, at))) continue;
    const { letterId } = await issueLetter(vault, { ...req, out: null, draft: false, p12: null }, at);
    const meeting: Meeting = {
      date,
      participants: roles.filter((r) => r.role !== 'rektor' || plan.rektorCame),
      invitation: letterId,
      attendance: roles.map((r) => ({ ...r, present: r.role !== 'rektor' || plan.rektorCame })),
      ...(plan.minutesAfter !== null ? { minutesSent: addDays(date, plan.minutesAfter) } : {}),
    };
    const change: CaseChange = { op: 'set', entity: 'meetings', set: meeting as Record<string, unknown> };
    await updateCase(vault, c.caseId, [change], ctx.today);
    planned++;
    added++;
  }
  return added;
}
