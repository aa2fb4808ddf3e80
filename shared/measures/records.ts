import type { CaseDoc } from '../domain/caseDoc';
import { BARRIER_LEVELS, type BarrierLevel } from '../domain/schoolSide';

/**
 * One measure (tiltak) as the lead's figures see it (docs/MEASURES-REPORT.md): dates and
 * categories only, no text, no names, no ids. The same shape is built from a case in the vault
 * and read from a metrics bundle, so the report inside a vault and the merge of bundles share
 * every definition (like shared/waiting/records.ts for referrals).
 */
export const REASON_CATEGORIES = ['ressurser', 'kompetanse', 'organisering', 'annet'] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];
export { BARRIER_LEVELS, type BarrierLevel };
export const ANSWER_KEYS = ['done', 'changed', 'cannot'] as const;
export type AnswerKey = (typeof ANSWER_KEYS)[number];

export interface MeasureRecord {
  /** Grouping key: the school's name inside the vault, a pseudonym in a bundle, null if unknown. */
  school: string | null;
  /** When the measure starts; a measure without a start (a draft) is in no figure. */
  start: string | null;
  /** A recommendation to the school (Anbefaling, Lovkrav), which the school answers; not «Avtalt». */
  recommended: boolean;
  /** The evaluation date planned when the measure was set up. */
  planned: string | null;
  /** Recorded evaluations: when, whether it ended the measure, and the next date it set. */
  evaluations: { date: string; ended: boolean; next: string | null }[];
  /** The school's answer: gjennomføres → done, med endring → changed, kan ikke → cannot. */
  answer: { key: AnswerKey; date: string; reason: ReasonCategory | null } | null;
  /** Did it happen? Reports from the school and from the parents. */
  reports: { date: string; by: 'skole' | 'foresatte'; inPlace: boolean }[];
}

export interface BarrierRecord {
  school: string | null;
  date: string;
  level: BarrierLevel;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ANSWER: Record<string, AnswerKey> = {
  gjennomføres: 'done',
  'med endring': 'changed',
  'kan ikke': 'cannot',
};

const member = <T extends string>(list: readonly T[], v: unknown): T | null =>
  typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : null;

/**
 * The measures and barriers of one case as records. Dates after `today` or before the pupil's
 * birth are impossible (shared/domain/validity.ts) and count as not recorded, whatever an old
 * vault holds; so does anything that is not a well-formed date.
 */
export function caseMeasureRecords(
  doc: CaseDoc,
  today: string,
): { measures: MeasureRecord[]; barriers: BarrierRecord[] } {
  const born = typeof doc.pupil?.birthDate === 'string' ? doc.pupil.birthDate : null;
  const day = (v: unknown): string | null =>
    typeof v === 'string' && DATE.test(v) && v <= today && (born === null || v >= born) ? v : null;
  // A planned date may lie ahead: only the form is checked.
  const plan = (v: unknown): string | null => (typeof v === 'string' && DATE.test(v) ? v : null);
  const school = typeof doc.pupil?.school === 'string' && doc.pupil.school.trim() ? doc.pupil.school : null;
  const measures: MeasureRecord[] = [];
  for (const m of doc.recommendations ?? []) {
    const a = m.schoolAnswer;
    const answerKey = a ? ANSWER[a.answer] : undefined;
    const answerDate = a ? day(a.date) : null;
    const evaluations: MeasureRecord['evaluations'] = [];
    for (const e of m.evaluations ?? []) {
      const date = day(e.date);
      if (date) evaluations.push({ date, ended: e.decision === 'avsluttes', next: plan(e.nextEvaluation) });
    }
    evaluations.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    const reports: MeasureRecord['reports'] = [];
    for (const r of m.implementation ?? []) {
      const date = day(r.date);
      if (date) reports.push({ date, by: r.by, inPlace: r.inPlace });
    }
    measures.push({
      school,
      start: day(m.start),
      recommended: m.label !== 'Avtalt',
      planned: plan(m.evaluation?.date),
      evaluations,
      answer:
        answerKey && answerDate
          ? {
              key: answerKey,
              date: answerDate,
              // The reason category arrives with issue 13 item 3; older answers have none.
              reason: member(REASON_CATEGORIES, (a as { reasonCategory?: unknown }).reasonCategory),
            }
          : null,
      reports,
    });
  }
  const barriers: BarrierRecord[] = [];
  for (const b of doc.barriers ?? []) {
    const date = day(b.date);
    const level = member(BARRIER_LEVELS, b.level);
    if (date && level) barriers.push({ school, date, level });
  }
  return { measures, barriers };
}
