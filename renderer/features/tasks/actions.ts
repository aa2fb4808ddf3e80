import type { OpOutput } from '../../../shared/contract';
import type { LetterKind } from '../../../shared/letters/kinds';
import type { Route } from '../../app/router';

type RuleTask = OpOutput<'tasks.list'>['tasks'][number];

/** One row of the tasks view: a task of `tasks.list` (rule-based, or an open meeting agreement). */
export interface TaskItem {
  caseId: string;
  due: string;
  kind: RuleTask['kind'];
  text: string | null;
  change?: RuleTask['change'];
  item?: number;
  promisedToPupil?: boolean;
  /** The case's caseworker (null: «uten saksbehandler»). */
  owner?: string | null;
  mine?: boolean;
}

/** The next steps a task can lead to; each has a label and a label naming the pupil (`.for`). */
export type ActionKey =
  | 'mottaksbrev'
  | 'decision'
  | 'firstContact'
  | 'evaluate'
  | 'reminder'
  | 'schoolAnswer'
  | 'newContact'
  | 'measuresLetter'
  | 'parentsMeeting'
  | 'transition'
  | 'accessRequest'
  | 'agreement'
  | 'retention'
  | 'fixMeasure'
  | 'proposalAnswer'
  | 'absenceUpdate'
  | 'minutes'
  | 'revisit';

export interface NextStep {
  action: ActionKey;
  route: Route;
}

/**
 * The one thing to do next for a task, and where in the case it is done (docs/LETTERS.md for the
 * letter kinds, shared/waiting/tasks.ts for what each task means):
 *  - a foreløpig svar owed: the mottaksbrev (it is the provisional reply, with the expected first
 *    contact and advice for the wait);
 *  - the school's reply, or a meeting agreement, past its date: an oppfølgingsbrev to rektor,
 *    which lists exactly those (before the date there is nothing overdue to write about);
 *  - parents to be told of a new caseworker: the ny-kontaktperson letter; of a school answer other
 *    than «gjennomføres»: the tiltaksoversikt (it shows each measure with the school's answer);
 *    of a decision, conclusion or closing: a talk with them, recorded as a meeting (the rule is
 *    met by a meeting a parent attends);
 *  - an evaluation: the measure's evaluation form; decisions and first contact: the referral.
 */
export function nextStep(task: TaskItem, today: string): NextStep {
  const at = (tab: string, sub?: string): Route =>
    sub ? { name: 'case', caseId: task.caseId, tab, sub } : { name: 'case', caseId: task.caseId, tab };
  const letter = (kind: LetterKind) => at('letters', kind);
  const overdue = task.due < today;
  switch (task.kind) {
    case 'provisionalReply':
      return { action: 'mottaksbrev', route: letter('mottaksbrev') };
    case 'decision':
      return { action: 'decision', route: at('referrals') };
    case 'fristPassing':
    case 'firstContactTarget':
      return { action: 'firstContact', route: at('referrals') };
    case 'evaluation':
      return {
        action: 'evaluate',
        route: task.item !== undefined ? at('measures', `evaluate-${task.item}`) : at('measures'),
      };
    case 'schoolReply':
      return overdue
        ? { action: 'reminder', route: letter('oppfolgingsbrev') }
        : { action: 'schoolAnswer', route: at('measures') };
    case 'informParents':
      if (task.change === 'caseworker') return { action: 'newContact', route: letter('ny-kontaktperson') };
      if (task.change === 'schoolAnswer' || task.change === 'measure')
        return { action: 'measuresLetter', route: letter('tiltaksoversikt') };
      return { action: 'parentsMeeting', route: at('meetings') };
    case 'transition':
      return { action: 'transition', route: letter('overgangsbrev') };
    case 'accessRequest':
      return { action: 'accessRequest', route: at('innsyn') };
    case 'measureRules':
      return { action: 'fixMeasure', route: at('measures') };
    case 'agreement':
      return overdue
        ? { action: 'reminder', route: letter('oppfolgingsbrev') }
        : { action: 'agreement', route: at('meetings') };
    case 'retention':
      return { action: 'retention', route: at('timeline') };
    case 'proposalAnswer':
      return { action: 'proposalAnswer', route: at('voices') };
    case 'absenceUpdate':
      return { action: 'absenceUpdate', route: at('absence') };
    case 'minutes':
      return { action: 'minutes', route: at('meetings') };
    case 'revisit':
      return { action: 'revisit', route: at('referrals') };
  }
}
