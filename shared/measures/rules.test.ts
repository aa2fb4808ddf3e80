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
/** A measure planned as the rules want it (goal, roles, start, planned evaluation). */
const PLANNED: Recommendation = {
  id: 't-1',
  what: 'Tiltak',
  label: 'Anbefaling',
  target: 'elev',
  goal: 'På skolen 4 av 5 dager',
  responsible: { role: 'kontaktlærer' },
  leader: { role: 'rektor' },
  start: '2026-01-05',
  evaluation: { date: '2026-03-02', method: 'samtale', convenedBy: 'PPT' },
};
const withMeasure = (m: Partial<Recommendation>): CaseDoc => ({
  id: 'c-1',
  service: 'PPT',
  pupil: { name: 'E', school: 'S', grade: 3 },
  recommendations: [{ ...PLANNED, ...m }],
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
      codes(
        withMeasure({
          evaluations: [
            ev({}),
            ev({
              date: '2026-04-20',
              outcome: 'forverring',
              decision: 'avsluttes',
              why: 'W',
              endWarningSeen: '2026-04-20',
            }),
          ],
        }),
      ),
    ).toEqual([]);
    expect(
      codes(
        withMeasure({
          evaluation: { date: '2026-05-01', method: 'samtale', convenedBy: 'PPT' },
          evaluations: [ev({ date: '2026-03-02' })],
        }),
      ),
    ).toEqual([]);
  });
  it('asks it of «justeres» too, not of «avsluttes», and wants the next date after the evaluation', () => {
    expect(
      codes(withMeasure({ evaluations: [ev({ decision: 'justeres', outcome: 'ingen endring' })] })),
    ).toEqual(['recommendations.0.evaluations.0.nextEvaluation:NEXT_EVALUATION_REQUIRED']);
    expect(
      codes(
        withMeasure({
          evaluations: [
            ev({ decision: 'justeres', outcome: 'ingen endring' }),
            ev({ date: '2026-03-03', outcome: 'ingen endring', decision: 'avsluttes', why: 'Ikke nok' }),
          ],
        }),
      ),
    ).toEqual([]);
    expect(codes(withMeasure({ evaluations: [ev({ nextEvaluation: '2026-03-02' })] }))).toEqual([
      'recommendations.0.evaluations.0.nextEvaluation:NEXT_EVALUATION_NOT_AFTER',
    ]);
  });
});

describe('a measure is planned at entry', () => {
  it('is met by a planned measure', () => {
    expect(codes(withMeasure({}))).toEqual([]);
  });
  it('asks for a goal, each rule at its own field with its own code', () => {
    expect(codes(withMeasure({ goal: null }))).toEqual(['recommendations.0.goal:GOAL_REQUIRED']);
    expect(codes(withMeasure({ goal: '  ' }))).toEqual(['recommendations.0.goal:GOAL_REQUIRED']);
  });
  it('asks for who carries it out, a leader at the school and a start date', () => {
    expect(codes(withMeasure({ responsible: null }))).toEqual([
      'recommendations.0.responsible.role:RESPONSIBLE_REQUIRED',
    ]);
    expect(codes(withMeasure({ start: undefined }))).toEqual(['recommendations.0.start:START_REQUIRED']);
    expect(codes(withMeasure({ leader: null }))).toEqual(['recommendations.0.leader.role:LEADER_REQUIRED']);
  });
  it('takes rektor or avdelingsleder (also as part of a title) as the leader, and no one else', () => {
    expect(codes(withMeasure({ leader: { role: 'kontaktlærer' } }))).toEqual([
      'recommendations.0.leader.role:LEADER_REQUIRED',
    ]);
    expect(codes(withMeasure({ leader: { role: 'Avdelingsleder 5–7', name: 'N' } }))).toEqual([]);
    expect(codes(withMeasure({ leader: { role: 'assisterende rektor' } }))).toEqual([]);
  });
  it('asks for a planned evaluation (date, method and who convenes it)', () => {
    expect(codes(withMeasure({ evaluation: null }))).toEqual([
      'recommendations.0.evaluation.date:EVALUATION_REQUIRED',
    ]);
  });
  it('lists every rule an empty measure breaks', () => {
    const bare = withMeasure({
      goal: null,
      responsible: null,
      leader: null,
      start: null,
      evaluation: null,
    });
    expect(measureRuleIssues(bare).map((i) => i.code)).toEqual([
      'GOAL_REQUIRED',
      'RESPONSIBLE_REQUIRED',
      'LEADER_REQUIRED',
      'START_REQUIRED',
      'EVALUATION_REQUIRED',
    ]);
  });
});

describe('END_REASON_REQUIRED', () => {
  it('asks an evaluation that ends the measure why, at `why`', () => {
    const end = ev({ outcome: 'ingen endring', decision: 'avsluttes' });
    expect(codes(withMeasure({ evaluations: [end] }))).toEqual([
      'recommendations.0.evaluations.0.why:END_REASON_REQUIRED',
    ]);
    expect(codes(withMeasure({ evaluations: [{ ...end, why: 'Eleven har byttet skole' }] }))).toEqual([]);
  });
  it('asks a status change «avsluttet» why, and not the other status changes', () => {
    const stop = { date: '2026-02-01', status: 'avsluttet' as const, by: 'rektor' };
    expect(codes(withMeasure({ statusChanges: [stop] }))).toEqual([
      'recommendations.0.statusChanges.0.reason:END_REASON_REQUIRED',
    ]);
    expect(codes(withMeasure({ statusChanges: [{ ...stop, reason: 'Skoleslutt' }] }))).toEqual([]);
    expect(
      codes(
        withMeasure({
          statusChanges: [
            { date: '2026-01-05', status: 'startet', by: 'rektor' },
            { date: '2026-01-20', status: 'satt på pause', by: 'rektor' },
            { date: '2026-01-27', status: 'justert', by: 'rektor' },
          ],
        }),
      ),
    ).toEqual([]);
  });
});

describe('ENDS_WORKING_MEASURE', () => {
  const why = 'Tiltaket er ikke lenger nødvendig';
  it('refuses to end a measure whose latest evaluation says it works, unless the warning was seen', () => {
    const works = ev({
      date: '2026-03-02',
      outcome: 'bedring',
      decision: 'videreføres',
      nextEvaluation: '2026-04-20',
    });
    const end = ev({ date: '2026-04-20', outcome: 'ingen endring', decision: 'avsluttes', why });
    expect(codes(withMeasure({ evaluations: [works, end] }))).toEqual([
      'recommendations.0.evaluations.1.endWarningSeen:ENDS_WORKING_MEASURE',
    ]);
    expect(
      codes(withMeasure({ evaluations: [works, { ...end, endWarningSeen: '2026-04-20T10:15:00+02:00' }] })),
    ).toEqual([]);
    expect(codes(withMeasure({ evaluations: [works, { ...end, endWarningSeen: '2026-04-20' }] }))).toEqual(
      [],
    );
  });
  it('counts «videreføres» and «bedring» alone as working, and an ending evaluation saying «bedring»', () => {
    const cont = ev({ outcome: 'ingen endring', decision: 'videreføres', nextEvaluation: '2026-04-20' });
    const end = ev({ date: '2026-04-20', outcome: 'ingen endring', decision: 'avsluttes', why });
    expect(codes(withMeasure({ evaluations: [cont, end] }))).toEqual([
      'recommendations.0.evaluations.1.endWarningSeen:ENDS_WORKING_MEASURE',
    ]);
    expect(
      codes(withMeasure({ evaluations: [ev({ outcome: 'bedring', decision: 'avsluttes', why })] })),
    ).toEqual(['recommendations.0.evaluations.0.endWarningSeen:ENDS_WORKING_MEASURE']);
  });
  it('does not warn when the latest evaluation says it does not work', () => {
    const works = ev({
      date: '2026-02-02',
      outcome: 'bedring',
      decision: 'videreføres',
      nextEvaluation: '2026-03-02',
    });
    const worse = ev({
      date: '2026-03-02',
      outcome: 'forverring',
      decision: 'justeres',
      nextEvaluation: '2026-04-01',
    });
    const end = ev({ date: '2026-04-01', outcome: 'forverring', decision: 'avsluttes', why });
    expect(codes(withMeasure({ evaluations: [end, works, worse] }))).toEqual([]);
  });
  it('warns on a status change «avsluttet» after an evaluation that says it works', () => {
    const works = ev({
      date: '2026-03-02',
      outcome: 'bedring',
      decision: 'videreføres',
      nextEvaluation: '2026-04-20',
    });
    const stop = {
      date: '2026-03-10',
      status: 'avsluttet' as const,
      by: 'rektor',
      reason: 'Mangler ressurser',
    };
    expect(codes(withMeasure({ evaluations: [works], statusChanges: [stop] }))).toEqual([
      'recommendations.0.statusChanges.0.endWarningSeen:ENDS_WORKING_MEASURE',
    ]);
    expect(
      codes(
        withMeasure({ evaluations: [works], statusChanges: [{ ...stop, endWarningSeen: '2026-03-10' }] }),
      ),
    ).toEqual([]);
    // An evaluation after the status change does not count for it.
    expect(
      codes(withMeasure({ evaluations: [{ ...works, date: '2026-03-20' }], statusChanges: [stop] })),
    ).toEqual([]);
  });
});

describe('the school explains «kan ikke» and «med endring»', () => {
  const answer = { by: 'rektor', date: '2026-01-10' };
  it('asks for the reason category and the alternative, each at its field', () => {
    expect(codes(withMeasure({ schoolAnswer: { ...answer, answer: 'kan ikke' } }))).toEqual([
      'recommendations.0.schoolAnswer.reasonCategory:REASON_CATEGORY_REQUIRED',
      'recommendations.0.schoolAnswer.alternative:ALTERNATIVE_REQUIRED',
    ]);
    expect(
      codes(withMeasure({ schoolAnswer: { ...answer, answer: 'med endring', reasonCategory: 'ressurser' } })),
    ).toEqual(['recommendations.0.schoolAnswer.alternative:ALTERNATIVE_REQUIRED']);
    expect(
      codes(
        withMeasure({
          schoolAnswer: {
            ...answer,
            answer: 'kan ikke',
            reasonCategory: 'kompetanse',
            alternative: 'Helsesykepleier',
          },
        }),
      ),
    ).toEqual([]);
  });
  it('asks nothing more of «gjennomføres»', () => {
    expect(codes(withMeasure({ schoolAnswer: { ...answer, answer: 'gjennomføres' } }))).toEqual([]);
  });
});
