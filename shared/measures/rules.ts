import type { CaseDoc } from '../domain/caseDoc';
import type { Evaluation, Recommendation } from '../domain/recommendation';
import type { Issue, Path } from '../errors';

/**
 * Rules for measures (tiltak) and their evaluations that apply to what is recorded from now on:
 * the app, the API and an import that changes a case in the vault check them on the changes they
 * make (electron/services/cases/update.ts `newIssues`), so data recorded before a rule existed
 * still opens: there it is a finding on the case (`cases.get` `findings`) and a task
 * (`measureRules`, shared/cases/obligations.ts). A new case in an import file is not checked
 * against them (it may hold history from before the rules).
 *
 * Each rule is one function below with its own code, reported at the field to fill in
 * (paths from the case: `recommendations[i].<field>`). The study behind Bro (issue 13) found
 * measures that were sporadic, never evaluated and ended although they worked:
 *
 * - GOAL_REQUIRED, RESPONSIBLE_REQUIRED, LEADER_REQUIRED, START_REQUIRED, EVALUATION_REQUIRED:
 *   a measure is planned: a goal, who carries it out, a leader at the school who backs it (rektor
 *   or avdelingsleder: `leader.role` names one of them), a start date, and a planned evaluation
 *   (date, method, who convenes it).
 * - END_REASON_REQUIRED: ending a measure (an evaluation deciding «avsluttes», or a status change
 *   «avsluttet») says who decided (required by the schema) and why (`why` / `reason`).
 * - ENDS_WORKING_MEASURE: ending a measure whose latest evaluation says it works (outcome
 *   «bedring» or decision «videreføres»; for an ending evaluation also its own outcome «bedring»)
 *   needs `endWarningSeen`: the app warns the caseworker and records when the warning was seen;
 *   the API and an import are refused without it.
 * - NEXT_EVALUATION_REQUIRED / NEXT_EVALUATION_NOT_AFTER: an evaluation that decides «videreføres»
 *   or «justeres» (the measure goes on) says when it is evaluated next: its `nextEvaluation`
 *   (after it), a later evaluation, or a planned evaluation date after it.
 * - REASON_CATEGORY_REQUIRED, ALTERNATIVE_REQUIRED: the school's answer «kan ikke» or «med
 *   endring» says why by category (ressurser, kompetanse, organisering, annet) and what it offers
 *   instead.
 */

type Rule = (m: Recommendation, at: Path) => Issue[];

/** Leader roles that can grant time and back a measure at the school. */
export const LEADER_ROLES = ['rektor', 'avdelingsleder'] as const;

const blank = (s: string | null | undefined) => s == null || s.trim() === '';

/** Whether a role names a school leader: «rektor», «assisterende rektor», «avdelingsleder 5–7», … */
export function isLeaderRole(role: string | null | undefined): boolean {
  const r = (role ?? '').toLowerCase();
  return LEADER_ROLES.some((l) => r.includes(l));
}

export const goalRequired: Rule = (m, at) =>
  blank(m.goal) ? [{ path: [...at, 'goal'], code: 'GOAL_REQUIRED' }] : [];

export const responsibleRequired: Rule = (m, at) =>
  m.responsible == null ? [{ path: [...at, 'responsible', 'role'], code: 'RESPONSIBLE_REQUIRED' }] : [];

export const leaderRequired: Rule = (m, at) =>
  isLeaderRole(m.leader?.role) ? [] : [{ path: [...at, 'leader', 'role'], code: 'LEADER_REQUIRED' }];

export const startRequired: Rule = (m, at) =>
  m.start == null ? [{ path: [...at, 'start'], code: 'START_REQUIRED' }] : [];

export const evaluationRequired: Rule = (m, at) =>
  m.evaluation == null ? [{ path: [...at, 'evaluation', 'date'], code: 'EVALUATION_REQUIRED' }] : [];

/** Evaluations in the order they were held (by date; same date: as recorded). */
function byDate(m: Recommendation): { e: Evaluation; j: number }[] {
  return (m.evaluations ?? [])
    .map((e, j) => ({ e, j }))
    .sort((a, b) => (a.e.date !== b.e.date ? (a.e.date < b.e.date ? -1 : 1) : a.j - b.j));
}

const saysItWorks = (e: Evaluation | undefined) =>
  e != null && (e.outcome === 'bedring' || e.decision === 'videreføres');

export const endReasonRequired: Rule = (m, at) => {
  const issues: Issue[] = [];
  (m.evaluations ?? []).forEach((e, j) => {
    if (e.decision === 'avsluttes' && blank(e.why))
      issues.push({ path: [...at, 'evaluations', j, 'why'], code: 'END_REASON_REQUIRED' });
  });
  (m.statusChanges ?? []).forEach((s, j) => {
    if (s.status === 'avsluttet' && blank(s.reason))
      issues.push({ path: [...at, 'statusChanges', j, 'reason'], code: 'END_REASON_REQUIRED' });
  });
  return issues;
};

export const endsWorkingMeasure: Rule = (m, at) => {
  const issues: Issue[] = [];
  const order = byDate(m);
  order.forEach(({ e, j }, k) => {
    if (e.decision !== 'avsluttes' || e.endWarningSeen) return;
    if (e.outcome === 'bedring' || saysItWorks(order[k - 1]?.e))
      issues.push({ path: [...at, 'evaluations', j, 'endWarningSeen'], code: 'ENDS_WORKING_MEASURE' });
  });
  (m.statusChanges ?? []).forEach((s, j) => {
    if (s.status !== 'avsluttet' || s.endWarningSeen) return;
    const latest = order.filter(({ e }) => e.date <= s.date).at(-1)?.e;
    if (saysItWorks(latest) && latest?.decision !== 'avsluttes')
      issues.push({ path: [...at, 'statusChanges', j, 'endWarningSeen'], code: 'ENDS_WORKING_MEASURE' });
  });
  return issues;
};

export const nextEvaluationRequired: Rule = (m, at) => {
  const issues: Issue[] = [];
  const evals = m.evaluations ?? [];
  evals.forEach((e, j) => {
    if (e.decision !== 'videreføres' && e.decision !== 'justeres') return;
    if (e.nextEvaluation) {
      if (e.nextEvaluation <= e.date)
        issues.push({ path: [...at, 'evaluations', j, 'nextEvaluation'], code: 'NEXT_EVALUATION_NOT_AFTER' });
      return;
    }
    const later = evals.some((x) => x.date > e.date) || (m.evaluation?.date ?? '') > e.date;
    if (!later)
      issues.push({ path: [...at, 'evaluations', j, 'nextEvaluation'], code: 'NEXT_EVALUATION_REQUIRED' });
  });
  return issues;
};

export const schoolAnswerExplained: Rule = (m, at) => {
  const a = m.schoolAnswer;
  if (!a || (a.answer !== 'kan ikke' && a.answer !== 'med endring')) return [];
  const issues: Issue[] = [];
  if (a.reasonCategory == null)
    issues.push({ path: [...at, 'schoolAnswer', 'reasonCategory'], code: 'REASON_CATEGORY_REQUIRED' });
  if (blank(a.alternative))
    issues.push({ path: [...at, 'schoolAnswer', 'alternative'], code: 'ALTERNATIVE_REQUIRED' });
  return issues;
};

/** Every measure rule, in the order their issues are listed. */
export const MEASURE_RULES: readonly Rule[] = [
  goalRequired,
  responsibleRequired,
  leaderRequired,
  startRequired,
  evaluationRequired,
  endReasonRequired,
  endsWorkingMeasure,
  nextEvaluationRequired,
  schoolAnswerExplained,
];

/** The codes the measure rules report (docs, the app's texts and the findings list them). */
export const MEASURE_RULE_CODES = [
  'GOAL_REQUIRED',
  'RESPONSIBLE_REQUIRED',
  'LEADER_REQUIRED',
  'START_REQUIRED',
  'EVALUATION_REQUIRED',
  'END_REASON_REQUIRED',
  'ENDS_WORKING_MEASURE',
  'NEXT_EVALUATION_REQUIRED',
  'NEXT_EVALUATION_NOT_AFTER',
  'REASON_CATEGORY_REQUIRED',
  'ALTERNATIVE_REQUIRED',
] as const;

/** The measure rules' issues for one measure (path from the case). */
export function measureIssues(m: Recommendation, i: number): Issue[] {
  const at: Path = ['recommendations', i];
  return MEASURE_RULES.flatMap((rule) => rule(m, at));
}

export function measureRuleIssues(doc: CaseDoc): Issue[] {
  return (doc.recommendations ?? []).flatMap((m, i) => measureIssues(m, i));
}
