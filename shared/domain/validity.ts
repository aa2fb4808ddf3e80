import type { Issue, Path } from '../errors';
import type { CaseDoc } from './caseDoc';
import type { Pupil } from './pupil';
import { MILESTONES } from './referral';

/**
 * Rules against impossible data (issue 12, item 6). Each rule is one function that takes the
 * case and, where it depends on it, `today`; the app's forms, the handlers (cases.create,
 * cases.update) and the importer all call them. Like shared/measures/rules.ts they apply to what
 * is recorded from now on (electron/services/cases/update.ts `newIssues`): a vault that already
 * holds such data still opens, and `cases.get` lists what it finds as the case's findings.
 *
 * An issue carries `limit` where a limit can be stated without personal data: today's date, the
 * days of an absence period, the age band. BEFORE_BIRTH names no date (the birth date is personal).
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (v: unknown): v is string => typeof v === 'string' && DATE.test(v);

/** Where a case records something that has happened: a date after today is impossible there. */
function happenedDates(doc: CaseDoc): { path: Path; date: string }[] {
  const out: { path: Path; date: string }[] = [];
  const add = (path: Path, v: unknown) => {
    if (isDate(v)) out.push({ path, date: v });
  };
  (doc.referrals ?? []).forEach((r, i) => {
    add(['referrals', i, 'signal'], r.signal);
    for (const m of MILESTONES) add(['referrals', i, m], r[m]);
  });
  (doc.meetings ?? []).forEach((m, i) => add(['meetings', i, 'date'], m.date));
  (doc.recommendations ?? []).forEach((r, i) =>
    (r.evaluations ?? []).forEach((e, j) => add(['recommendations', i, 'evaluations', j, 'date'], e.date)),
  );
  (doc.consents ?? []).forEach((c, i) => add(['consents', i, 'date'], c.date));
  (doc.barriers ?? []).forEach((b, i) => add(['barriers', i, 'date'], b.date));
  add(['earlySigns', 'firstSignsDate'], doc.earlySigns?.firstSignsDate);
  add(['earlySigns', 'firstAbsence'], doc.earlySigns?.firstAbsence);
  add(['earlySigns', 'schoolFirstConcern'], doc.earlySigns?.schoolFirstConcern);
  (doc.absence ?? []).forEach((a, i) => {
    add(['absence', i, 'from'], a.from);
    add(['absence', i, 'to'], a.to);
  });
  return out;
}

/**
 * DATE_IN_FUTURE: a date of something that has happened (a referral's milestones and first sign
 * of concern, meetings held, evaluations, consents given, absence periods, barriers met) lies after `today`;
 * so does a birth date. Planned dates (a BUP frist, a planned evaluation, a deadline) may.
 */
export function futureDateIssues(doc: CaseDoc, today: string): Issue[] {
  const issues: Issue[] = [];
  const birth = doc.pupil?.birthDate;
  if (isDate(birth) && birth > today)
    issues.push({ path: ['pupil', 'birthDate'], code: 'DATE_IN_FUTURE', limit: today });
  for (const d of happenedDates(doc))
    if (d.date > today) issues.push({ path: d.path, code: 'DATE_IN_FUTURE', limit: today });
  return issues;
}

/** Every date field of a case other than the birth date (for BEFORE_BIRTH). */
const DATE_FIELDS = new Set([
  'signal',
  ...MILESTONES,
  'frist',
  'date',
  'from',
  'to',
  'start',
  'expires',
  'withdrawn',
  'answered',
  'extendedTo',
  'nextEvaluation',
  'deadline',
  'firstSignsDate',
  'firstAbsence',
  'schoolFirstConcern',
]);

function walkDates(v: unknown, path: Path, out: { path: Path; date: string }[]) {
  if (Array.isArray(v)) v.forEach((x, i) => walkDates(x, [...path, i], out));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      if (DATE_FIELDS.has(k) && isDate(x)) out.push({ path: [...path, k], date: x });
      else if (x && typeof x === 'object') walkDates(x, [...path, k], out);
    }
}

/** BEFORE_BIRTH: any date of the case lies before the pupil's birth date. */
export function beforeBirthIssues(doc: CaseDoc): Issue[] {
  const birth = doc.pupil?.birthDate;
  if (!isDate(birth)) return [];
  const dates: { path: Path; date: string }[] = [];
  const { pupil: _pupil, ...rest } = doc;
  walkDates(rest, [], dates);
  return dates.filter((d) => d.date < birth).map((d) => ({ path: d.path, code: 'BEFORE_BIRTH' }));
}

/**
 * The age band a pupil in grade 1–13 fits, chosen tolerant: a child starts grade 1 the year it
 * turns 6 (about 5 years and 8 months old), and upper secondary (grade 11–13) often runs late,
 * with extra years and a right to finish; 25 leaves room for that without letting a parent's
 * birth date or a mistyped century through.
 */
export const PUPIL_AGE = { min: 5, max: 25 } as const;

/** The date `years` years before `day` (29 February goes to 28 February in a common year). */
export function yearsBefore(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) - years;
  let md = day.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (md === '02-29' && !leap) md = '02-28';
  return `${String(y).padStart(4, '0')}-${md}`;
}

/**
 * BIRTH_DATE_OUT_OF_RANGE: the birth date does not fit a pupil in grade 1–13 (PUPIL_AGE): the
 * pupil must be at least 5 years old today, and at most 25 on the day the case's first referral
 * was received (today when it has none). Each bound is taken on the day that tolerates the most:
 * a case opened long ago is not judged by today's age, and a referral made before school start
 * (PPT sees children in kindergarten too) does not make a pupil too young. A birth date after
 * today is DATE_IN_FUTURE instead. `limit` is the band, «5–25».
 */
export function birthDateIssues(
  pupil: Partial<Pupil> | undefined,
  today: string,
  referred?: string,
): Issue[] {
  const birth = pupil?.birthDate;
  if (!isDate(birth) || birth > today) return [];
  const on = referred && referred <= today ? referred : today;
  if (birth > yearsBefore(today, PUPIL_AGE.min) || birth <= yearsBefore(on, PUPIL_AGE.max + 1))
    return [
      {
        path: ['pupil', 'birthDate'],
        code: 'BIRTH_DATE_OUT_OF_RANGE',
        limit: `${PUPIL_AGE.min}–${PUPIL_AGE.max}`,
      },
    ];
  return [];
}

/** The first day a referral of the case was received (for the age band). */
export function firstReferred(doc: CaseDoc): string | undefined {
  const days = (doc.referrals ?? []).map((r) => r.received).filter(isDate);
  return days.length ? days.reduce((a, b) => (a < b ? a : b)) : undefined;
}

/** Days from `from` to `to`, both counted (an absence period of one day is 1). */
export function daysInPeriod(from: string, to: string): number {
  const ms =
    Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10)) -
    Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10));
  return Math.round(ms / 86_400_000) + 1;
}

/**
 * ABSENCE_EXCEEDS_DAYS: an absence period records more days of absence (whole and partial
 * together: a day is one or the other) than the period has calendar days. `limit` is that number.
 */
export function absenceDaysIssues(doc: CaseDoc): Issue[] {
  const issues: Issue[] = [];
  (doc.absence ?? []).forEach((a, i) => {
    if (!isDate(a.from) || !isDate(a.to) || a.to < a.from) return;
    const days = daysInPeriod(a.from, a.to);
    const whole = typeof a.wholeDays === 'number' ? a.wholeDays : 0;
    const partial = typeof a.partialDays === 'number' ? a.partialDays : 0;
    if (whole + partial > days)
      issues.push({
        path: ['absence', i, whole > days || partial === 0 ? 'wholeDays' : 'partialDays'],
        code: 'ABSENCE_EXCEEDS_DAYS',
        limit: String(days),
      });
  });
  return issues;
}

/** All the rules above, in one list: what the handlers, the importer and `cases.get` findings use. */
export function validityIssues(doc: CaseDoc, today: string): Issue[] {
  return [
    ...futureDateIssues(doc, today),
    ...beforeBirthIssues(doc),
    ...birthDateIssues(doc.pupil, today, firstReferred(doc)),
    ...absenceDaysIssues(doc),
  ];
}
