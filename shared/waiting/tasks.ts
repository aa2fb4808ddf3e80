import {
  OBLIGATION_KINDS,
  STATUS_CHANGES,
  caseObligations,
  gradeAsOf,
  isTask,
  schoolYearOf,
  type Obligation,
  type ObligationInput,
  type ObligationKind,
  type StatusChange,
} from '../cases/obligations';
import type { WaitingSettings } from './settings';

/**
 * Tasks derived from a case as it stood on a date (DESIGN §2, end): never stored, so they are
 * always in step with the case. Each task names the rule that raised it. A date after the
 * as-of date counts as not yet happened, so the tasks of any past day can be reproduced.
 *
 * A task is listed when it is overdue (its due date has passed and it is still open) or due
 * within `tasks.horizonDays`; a transition appears `transitionLeadDays` before its date.
 */

/** Every kind of obligation is a task kind: tasks are the obligations due soon. */
export const TASK_KINDS = OBLIGATION_KINDS;
export type TaskKind = ObligationKind;
export { STATUS_CHANGES, gradeAsOf, schoolYearOf, type StatusChange };

export interface Task extends Omit<Obligation, 'showFrom'> {
  /** The vault's case id and the case's own id. */
  caseId: string;
  case: string;
  status: 'overdue' | 'due';
}

/** The case as the fold gives it (see ObligationInput). */
export type TaskInput = ObligationInput;

/** The tasks of one case as of `asOf`, earliest due first: its obligations within the horizon. */
export function deriveTasks(input: TaskInput, asOf: string, settings: WaitingSettings): Task[] {
  return tasksOf(input, caseObligations(input, asOf, settings).obligations, asOf, settings);
}

/** Obligations (from `caseObligations`) as tasks: the ones due within the horizon, with their status. */
export function tasksOf(
  input: Pick<TaskInput, 'caseId' | 'doc'>,
  obligations: readonly Obligation[],
  asOf: string,
  settings: WaitingSettings,
): Task[] {
  return obligations
    .filter((o) => isTask(o, asOf, settings))
    .map(({ showFrom: _s, ...o }) => ({
      caseId: input.caseId,
      case: input.doc.id,
      ...o,
      status: asOf > o.due ? ('overdue' as const) : ('due' as const),
    }));
}

export function compareTasks(a: Task, b: Task): number {
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  if (a.case !== b.case) return a.case.localeCompare(b.case, 'nb', { numeric: true });
  return TASK_KINDS.indexOf(a.kind) - TASK_KINDS.indexOf(b.kind);
}
