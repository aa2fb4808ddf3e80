import type { CaseDoc } from '../domain/caseDoc';
import type { Issue } from '../errors';

/**
 * Rules for measures (tiltak) and their evaluations that apply to what is recorded from now on:
 * the app, the API and an import that changes a case in the vault check them on the changes they
 * make (electron/services/cases/update.ts `newIssues`), so data recorded before a rule existed
 * still opens, and a new case in an import file written to the interchange example is accepted.
 * The measures issue extends this list.
 *
 * NEXT_EVALUATION_REQUIRED: an evaluation that decides «videreføres» (the measure goes on) must
 * say when it is evaluated next: its `nextEvaluation`, a later evaluation, or a planned
 * evaluation date after it. Otherwise the measure would go on with nobody due to look at it again.
 */
export function measureRuleIssues(doc: CaseDoc): Issue[] {
  const issues: Issue[] = [];
  (doc.recommendations ?? []).forEach((m, i) => {
    const evals = m.evaluations ?? [];
    evals.forEach((e, j) => {
      if (e.decision !== 'videreføres') return;
      if (e.nextEvaluation) {
        if (e.nextEvaluation <= e.date)
          issues.push({
            path: ['recommendations', i, 'evaluations', j, 'nextEvaluation'],
            code: 'NEXT_EVALUATION_NOT_AFTER',
          });
        return;
      }
      const later = evals.some((x) => x.date > e.date) || (m.evaluation?.date ?? '') > e.date;
      if (!later)
        issues.push({
          path: ['recommendations', i, 'evaluations', j, 'nextEvaluation'],
          code: 'NEXT_EVALUATION_REQUIRED',
        });
    });
  });
  return issues;
}
