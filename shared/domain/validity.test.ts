import { describe, expect, it } from 'vitest';
import type { CaseDoc } from './caseDoc';
import { textLimit } from './limits';
import {
  absenceDaysIssues,
  beforeBirthIssues,
  birthDateIssues,
  daysInPeriod,
  futureDateIssues,
  validityIssues,
  yearsBefore,
} from './validity';

const TODAY = '2026-03-10';
const base = (d: Partial<CaseDoc> = {}): CaseDoc => ({
  id: 'c-1',
  service: 'PPT',
  pupil: { name: 'E', school: 'S', grade: 5, birthDate: '2015-06-01' },
  ...d,
});
const ref = (r: Record<string, unknown>) =>
  ({ id: 'h-1', referredBy: 'skole', reason: 'R', received: '2026-01-05', ...r }) as never;
const at = (issues: { path: (string | number)[]; code: string; limit?: string }[]) =>
  issues.map((i) => `${i.path.join('.')}:${i.code}${i.limit ? `<${i.limit}>` : ''}`);

describe('DATE_IN_FUTURE', () => {
  it('refuses every milestone of a referral after today, naming today as the limit', () => {
    const doc = base({
      referrals: [
        ref({
          signal: '2026-03-11',
          sent: '2026-03-11',
          received: '2026-03-11',
          decided: '2026-03-12',
          firstContact: '2026-04-01',
          assessmentStarted: '2026-04-01',
          concluded: '2026-04-01',
          firstMeasure: '2026-04-01',
          closed: '2026-04-01',
          frist: '2026-06-01',
        }),
      ],
    });
    expect(at(futureDateIssues(doc, TODAY))).toEqual(
      [
        'signal',
        'sent',
        'received',
        'decided',
        'firstContact',
        'assessmentStarted',
        'concluded',
        'firstMeasure',
        'closed',
      ].map((f) => `referrals.0.${f}:DATE_IN_FUTURE<${TODAY}>`),
    );
  });
  it('covers meetings held, evaluations, consents given, absence periods and the birth date', () => {
    const doc = base({
      pupil: { name: 'E', school: 'S', grade: 1, birthDate: '2026-03-11' },
      meetings: [{ date: '2026-03-11', participants: [] }],
      recommendations: [
        {
          id: 't',
          what: 'W',
          label: 'Anbefaling',
          target: 'elev',
          evaluation: { date: '2026-05-01', method: 'm', convenedBy: 'c' },
          evaluations: [
            {
              date: '2026-03-11',
              outcome: 'bedring',
              decision: 'videreføres',
              decidedBy: 'r',
              nextEvaluation: '2026-05-01',
            },
          ],
        },
      ],
      consents: [
        {
          givenBy: 'g',
          information: 'i',
          recipient: 'r',
          purpose: 'p',
          date: '2026-03-11',
          expires: '2027-01-01',
        },
      ],
      absence: [{ from: '2026-03-01', to: '2026-03-31', wholeDays: 1, partialDays: 0, type: 'dokumentert' }],
    });
    expect(at(futureDateIssues(doc, TODAY))).toEqual([
      `pupil.birthDate:DATE_IN_FUTURE<${TODAY}>`,
      `meetings.0.date:DATE_IN_FUTURE<${TODAY}>`,
      `recommendations.0.evaluations.0.date:DATE_IN_FUTURE<${TODAY}>`,
      `consents.0.date:DATE_IN_FUTURE<${TODAY}>`,
      `absence.0.to:DATE_IN_FUTURE<${TODAY}>`,
    ]);
  });
  it('accepts today itself and planned dates', () => {
    const doc = base({ referrals: [ref({ received: TODAY, frist: '2026-12-01' })] });
    expect(futureDateIssues(doc, TODAY)).toEqual([]);
  });
});

describe('BEFORE_BIRTH', () => {
  it('flags any date of the case before the birth date, and states no date', () => {
    const doc = base({
      referrals: [ref({ received: '2015-05-31', sent: '2015-05-01' })],
      assignments: [{ caseworker: 'A', role: 'r', from: '2014-01-01' }],
    });
    const issues = beforeBirthIssues(doc);
    expect(at(issues)).toEqual([
      'referrals.0.received:BEFORE_BIRTH',
      'referrals.0.sent:BEFORE_BIRTH',
      'assignments.0.from:BEFORE_BIRTH',
    ]);
    expect(issues.every((i) => i.limit === undefined)).toBe(true);
  });
  it('is silent without a birth date, and for the birth day itself', () => {
    expect(
      beforeBirthIssues(
        base({ pupil: { name: 'E', school: 'S', grade: 1 }, referrals: [ref({ received: '1990-01-01' })] }),
      ),
    ).toEqual([]);
    expect(beforeBirthIssues(base({ referrals: [ref({ received: '2015-06-01' })] }))).toEqual([]);
  });
});

describe('BIRTH_DATE_OUT_OF_RANGE', () => {
  const p = (birthDate: string) => ({ name: 'E', school: 'S', grade: 3, birthDate });
  it('wants a pupil 5–25 years old, stating the band', () => {
    expect(at(birthDateIssues(p('2021-03-11'), TODAY))).toEqual([
      'pupil.birthDate:BIRTH_DATE_OUT_OF_RANGE<5–25>',
    ]);
    expect(birthDateIssues(p('2021-03-10'), TODAY)).toEqual([]);
    expect(birthDateIssues(p('2000-03-11'), TODAY)).toEqual([]);
    expect(at(birthDateIssues(p('2000-03-10'), TODAY))).toEqual([
      'pupil.birthDate:BIRTH_DATE_OUT_OF_RANGE<5–25>',
    ]);
    expect(at(birthDateIssues(p('1926-01-01'), TODAY))).toHaveLength(1);
  });
  it('judges an old case by the day it was referred, and leaves a future birth date to DATE_IN_FUTURE', () => {
    expect(birthDateIssues(p('1990-01-01'), TODAY, '2005-01-01')).toEqual([]);
    // Referred from kindergarten: young then, a pupil now.
    expect(birthDateIssues(p('2019-12-25'), TODAY, '2023-11-16')).toEqual([]);
    expect(birthDateIssues(p('2027-01-01'), TODAY)).toEqual([]);
  });
  it('counts 29 February back into a common year', () => {
    expect(yearsBefore('2024-02-29', 5)).toBe('2019-02-28');
  });
});

describe('ABSENCE_EXCEEDS_DAYS', () => {
  const a = (wholeDays: number, partialDays: number) =>
    base({
      absence: [{ from: '2025-11-01', to: '2025-11-30', wholeDays, partialDays, type: 'udokumentert' }],
    });
  it('refuses more days than the period has, stating the days', () => {
    expect(daysInPeriod('2025-11-01', '2025-11-30')).toBe(30);
    expect(at(absenceDaysIssues(a(45, 0)))).toEqual(['absence.0.wholeDays:ABSENCE_EXCEEDS_DAYS<30>']);
    expect(at(absenceDaysIssues(a(20, 11)))).toEqual(['absence.0.partialDays:ABSENCE_EXCEEDS_DAYS<30>']);
    expect(absenceDaysIssues(a(20, 10))).toEqual([]);
  });
  it('counts a one-day period as one day', () => {
    const d = base({
      absence: [{ from: '2025-11-03', to: '2025-11-03', wholeDays: 2, partialDays: 0, type: 'dokumentert' }],
    });
    expect(at(absenceDaysIssues(d))).toEqual(['absence.0.wholeDays:ABSENCE_EXCEEDS_DAYS<1>']);
  });
});

describe('validityIssues', () => {
  it('is every rule at once, and nothing for a possible case', () => {
    expect(validityIssues(base({ referrals: [ref({})] }), TODAY)).toEqual([]);
    const codes = validityIssues(
      base({
        pupil: { name: 'E', school: 'S', grade: 3, birthDate: '2024-01-01' },
        referrals: [ref({ received: '2026-04-01', sent: '2023-01-01' })],
        absence: [
          { from: '2026-01-01', to: '2026-01-02', wholeDays: 3, partialDays: 0, type: 'dokumentert' },
        ],
      }),
      TODAY,
    ).map((i) => i.code);
    expect([...new Set(codes)].sort()).toEqual(
      ['ABSENCE_EXCEEDS_DAYS', 'BEFORE_BIRTH', 'BIRTH_DATE_OUT_OF_RANGE', 'DATE_IN_FUTURE'].sort(),
    );
  });
});

describe('textLimit', () => {
  it('gives the schema’s own limit for every text field, nested ones too', () => {
    expect(textLimit('referrals', 'reason')).toBe(2000);
    expect(textLimit('referrals', 'note')).toBe(2000);
    expect(textLimit('recommendations', 'evaluation.method')).toBe(1000);
    expect(textLimit('pupil', 'coordinator.name')).toBe(200);
    expect(textLimit('newcase', 'pupil.name')).toBe(200);
    expect(textLimit('meetings', 'note')).toBe(10_000);
    expect(textLimit('referrals', 'received')).toBeUndefined();
  });
});
