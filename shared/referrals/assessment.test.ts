import { describe, expect, it } from 'vitest';
import { caseObligations } from '../cases/obligations';
import type { CaseDoc } from '../domain/caseDoc';
import { validateCaseRules } from '../domain/validate';
import { DEFAULT_SETTINGS } from '../waiting/settings';
import { currentAssessmentStatus, revisitOwed } from './assessment';

const base = (statuses: CaseDoc['assessmentStatuses'], recs = 1): CaseDoc =>
  ({
    id: 'c-1',
    service: 'PPT',
    pupil: { name: 'Test Elev', school: 'Hov skole', grade: 6 },
    referrals: [{ id: 'r-1', referredBy: 'skole', reason: 'fravær', received: '2026-01-05' }],
    recommendations: Array.from({ length: recs }, (_, i) => ({ id: `t-${i + 1}`, what: 'Tiltak' })),
    assessmentStatuses: statuses,
  }) as CaseDoc;
const all = () => true;
const s = (date: string, status: 'henvist' | 'pågår' | 'konkludert', revisited?: string) => ({
  date,
  status,
  service: 'PPT',
  ...(revisited ? { recommendationsRevisited: revisited } : {}),
});

describe('assessment status and revisiting the recommendations (issue 15 item 5)', () => {
  it('the current status is the newest entry by date, whatever the list order', () => {
    const doc = base([s('2026-03-01', 'pågår'), s('2026-01-10', 'henvist')]);
    expect(currentAssessmentStatus(doc, all)?.s.status).toBe('pågår');
    expect(currentAssessmentStatus(doc, (d) => d <= '2026-02-01')?.s.status).toBe('henvist');
  });

  it('a change of status asks for a revisit; the first status and a repeated one do not', () => {
    expect(revisitOwed(base([s('2026-01-10', 'henvist')]), all)).toBeNull();
    expect(revisitOwed(base([s('2026-01-10', 'pågår'), s('2026-02-10', 'pågår')]), all)).toBeNull();
    const owed = revisitOwed(base([s('2026-01-10', 'henvist'), s('2026-02-10', 'pågår')]), all);
    expect(owed).toMatchObject({ item: 1, from: 'henvist', s: { status: 'pågår' } });
    // Nothing to revisit without recommendations.
    expect(revisitOwed(base([s('2026-01-10', 'henvist'), s('2026-02-10', 'pågår')], 0), all)).toBeNull();
  });

  it('is done when the newest change is marked revisited; a newer change asks again', () => {
    const done = base([s('2026-01-10', 'henvist'), s('2026-02-10', 'pågår', '2026-02-12')]);
    expect(revisitOwed(done, all)).toBeNull();
    // …but not before the day it was marked
    expect(revisitOwed(done, (d) => d <= '2026-02-11')).not.toBeNull();
    const again = base([...done.assessmentStatuses!, s('2026-04-01', 'konkludert')]);
    expect(revisitOwed(again, all)).toMatchObject({ item: 2, from: 'pågår' });
  });

  it('becomes the `revisit` task, due ten working days after the change, gone once revisited', () => {
    const owed = base([s('2026-01-10', 'henvist'), s('2026-02-10', 'pågår')]);
    const tasks = (d: CaseDoc, asOf: string) =>
      caseObligations({ caseId: 'v', doc: d }, asOf, DEFAULT_SETTINGS).obligations.filter(
        (o) => o.kind === 'revisit',
      );
    expect(tasks(owed, '2026-02-09')).toEqual([]);
    const [task] = tasks(owed, '2026-02-11');
    expect(task).toMatchObject({ due: '2026-02-24', rule: 'assessment-revisit', item: 1 });
    expect(task!.ruleText).toMatch(/fra «henvist» til «pågår»/u);
    const done = base([s('2026-01-10', 'henvist'), s('2026-02-10', 'pågår', '2026-02-12')]);
    expect(tasks(done, '2026-02-13')).toEqual([]);
  });

  it('refuses a revisit recorded before the change (REVISITED_BEFORE_CHANGE)', () => {
    const bad = base([s('2026-01-10', 'henvist'), s('2026-02-10', 'pågår', '2026-02-01')]);
    expect(validateCaseRules(bad)).toEqual([
      { path: ['assessmentStatuses', 1, 'recommendationsRevisited'], code: 'REVISITED_BEFORE_CHANGE' },
    ]);
  });
});
