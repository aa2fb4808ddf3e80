import { describe, expect, it } from 'vitest';
import type { CaseDoc } from '../domain/caseDoc';
import type { Evaluation, Recommendation } from '../domain/recommendation';
import { measureRuleIssues } from './rules';

const ev = (e: Partial<Evaluation>): Evaluation => ({
  date: '2026-03-02',
  outcome: 'bedring',
  decision: 'videreføres',
  decidedBy: 'rektor',
  ...e,
});
const withMeasure = (m: Partial<Recommendation>): CaseDoc => ({
  id: 'c-1',
  service: 'PPT',
  pupil: { name: 'E', school: 'S', grade: 3 },
  recommendations: [{ id: 't-1', what: 'Tiltak', label: 'Anbefaling', target: 'elev', ...m }],
});
const codes = (d: CaseDoc) => measureRuleIssues(d).map((i) => `${i.path.join('.')}:${i.code}`);

describe('NEXT_EVALUATION_REQUIRED', () => {
  it('asks a «videreføres» for the next evaluation date, at the field', () => {
    expect(codes(withMeasure({ evaluations: [ev({})] }))).toEqual([
      'recommendations.0.evaluations.0.nextEvaluation:NEXT_EVALUATION_REQUIRED',
    ]);
  });
  it('is met by the next date, a later evaluation, or a planned evaluation after it', () => {
    expect(codes(withMeasure({ evaluations: [ev({ nextEvaluation: '2026-04-20' })] }))).toEqual([]);
    expect(
      codes(withMeasure({ evaluations: [ev({}), ev({ date: '2026-04-20', decision: 'avsluttes' })] })),
    ).toEqual([]);
    expect(
      codes(
        withMeasure({
          evaluation: { date: '2026-05-01', method: 'samtale', convenedBy: 'PPT' },
          evaluations: [ev({})],
        }),
      ),
    ).toEqual([]);
  });
  it('does not ask it of «justeres» or «avsluttes», and wants the next date after the evaluation', () => {
    expect(
      codes(
        withMeasure({
          evaluations: [ev({ decision: 'justeres' }), ev({ date: '2026-03-03', decision: 'avsluttes' })],
        }),
      ),
    ).toEqual([]);
    expect(codes(withMeasure({ evaluations: [ev({ nextEvaluation: '2026-03-02' })] }))).toEqual([
      'recommendations.0.evaluations.0.nextEvaluation:NEXT_EVALUATION_NOT_AFTER',
    ]);
  });
});
