import { calendarDays } from '../../../shared/calendar/days';
import { deadline, workingDays } from '../../../shared/calendar/workdays';
import { BroError } from '../../../shared/errors';
import { measureReferral } from '../../../shared/waiting/measures';
import { caseRecords } from '../../../shared/waiting/records';
import { resolveSettings, type SettingsInput } from '../../../shared/waiting/settings';
import type { Handlers } from '../handler-table';
import type { Session } from '../session';
import { vaultMeasuresReport } from './measures';
import { vaultOutcomesReport } from './outcomes';
import { mergeMetrics, vaultMetricsExport, vaultMetricsKey, vaultTasks, vaultWaitingReport } from './waiting';

type WaitingOps =
  | 'referrals.measures'
  | 'calendar.days'
  | 'calendar.deadline'
  | 'tasks.list'
  | 'reports.waiting'
  | 'reports.measures'
  | 'reports.outcomes'
  | 'metrics.export'
  | 'metrics.key'
  | 'metrics.merge';

/**
 * The waiting-time part of the one handler table (spread into createHandlers). Targets come
 * from the app's settings, then the operation's own `settings`, so a report is reproducible
 * from its input.
 */
export function waitingHandlers(session: Session): Pick<Handlers, WaitingOps> {
  const settingsFor = (input?: SettingsInput) => resolveSettings(input ?? {}, session.waitingSettings());
  const saturday = (s?: boolean) => ({ saturday: s ?? settingsFor().calendar.saturday });
  return {
    'referrals.measures': async ({ caseId, asOf, settings }) => {
      const vault = session.requireVault();
      const state = await vault.fold(caseId);
      if (!state.opened) throw new BroError('NOT_FOUND', 'No such case');
      await vault.audit('case.read', caseId);
      const day = asOf ?? session.today();
      const resolved = settingsFor(settings);
      return {
        asOf: day,
        referrals: caseRecords(caseId, state.doc, session.today()).map((r) => ({
          referral: r.ref!.referral,
          ...measureReferral(r, day, resolved),
        })),
      };
    },
    'calendar.days': async ({ from, to, saturday: sat }) => {
      if (to < from)
        throw new BroError('VALIDATION', 'The dates are out of order', {
          issues: [{ path: ['to'], code: 'DATE_ORDER' }],
        });
      return { calendarDays: calendarDays(from, to), workingDays: workingDays(from, to, saturday(sat)) };
    },
    'calendar.deadline': async ({ date, n, saturday: sat }) => {
      try {
        return { date: deadline(date, n, saturday(sat)) };
      } catch (e) {
        if (e instanceof BroError)
          throw new BroError(e.code, e.message, { issues: [{ path: ['n'], code: 'DATE_OUT_OF_RANGE' }] });
        throw e;
      }
    },
    'tasks.list': async ({ asOf, settings, owner, mine }, progress) =>
      vaultTasks(
        session.requireVault(),
        asOf ?? session.today(),
        settingsFor(settings),
        { owner, mine },
        progress,
      ),
    'reports.waiting': async ({ settings, ...req }, progress) =>
      vaultWaitingReport(session.requireVault(), req, settingsFor(settings), session.today(), progress),
    'reports.measures': async (req, progress) =>
      vaultMeasuresReport(session.requireVault(), req, session.today(), progress),
    'reports.outcomes': async (req, progress) =>
      vaultOutcomesReport(session.requireVault(), req, session.today(), progress),
    'metrics.export': async ({ settings, ...req }) =>
      vaultMetricsExport(session.requireVault(), req, settingsFor(settings), session.today()),
    'metrics.key': async () => vaultMetricsKey(session.requireVault()),
    'metrics.merge': async ({ settings, ...req }) =>
      mergeMetrics(req, settingsFor(settings), session.today()),
  };
}
