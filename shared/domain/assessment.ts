import { z } from 'zod';
import { isoDate, optionalText, text } from './common';

/** The unit of the extent: hours per school year or per week. */
export const HOURS_PER = ['år', 'uke'] as const;
/** A reduction of or an exemption from a part of the education (the family's legal position depends on which). */
export const DEVIATION_KINDS = ['reduksjon', 'fritak'] as const;

export const deviation = z.strictObject({
  kind: z.enum(DEVIATION_KINDS),
  /** Which part: a subject, competence aims, a number of hours. */
  what: text(1000),
  /** Its legal basis as written in the assessment ("opplæringslova kapittel 11", a forskrift). */
  legalBasis: text(300),
});
export type Deviation = z.infer<typeof deviation>;

/** The statutory topics the conclusion rests on (a letter's options may word them for that letter). */
export const assessmentTopics = z.strictObject({
  /** How the assessment was made: conversations, observation, tests, reports. */
  sources: optionalText(5000),
  /** Whether the pupil has, or can get, a satisfactory benefit from the education. */
  benefit: optionalText(5000),
  /** Learning difficulties and other circumstances important for the education. */
  difficulties: optionalText(5000),
  /** Realistic goals for the education. */
  goals: optionalText(5000),
  /** Whether the pupil needs individually adapted education to get a satisfactory benefit. */
  ordinaryTeaching: optionalText(5000),
  /** What gives a sound (forsvarlig) education. */
  soundOffer: optionalText(5000),
});

/**
 * The conclusion of a sakkyndig vurdering (PPT): what the municipality's enkeltvedtak rests on.
 * Part of the case (`bro-interchange/1`), so the app, the API, the importer and every letter see
 * the same conclusion. Every field is optional here; the letter's checks name what is missing
 * (ASSESSMENT_CONCLUSION_MISSING), so an old case opens and shows findings.
 */
export const assessmentConclusion = z.strictObject({
  /** Does the pupil need individually adapted education (individuelt tilrettelagt opplæring)? */
  needed: z.boolean().nullish(),
  /** Extent: a number of hours … */
  hours: z.number().min(0).max(2000).nullish(),
  /** … per school year or per week. */
  hoursPer: z.enum(HOURS_PER).nullish(),
  /** What the education contains (subjects, goals, methods). */
  content: optionalText(5000),
  /** How it is organised (in the class, in a group, alone; who). */
  organisation: optionalText(5000),
  /** The competence the staff need (a special-education teacher, an assistant under guidance). */
  staffCompetence: optionalText(2000),
  /** How long the assessment applies. */
  validUntil: isoDate.nullish(),
  /** When the need is to be assessed again. */
  reassessBy: isoDate.nullish(),
  /** Reductions of or exemptions from parts of the education, each with its legal basis. */
  deviations: z.array(deviation).max(50).nullish(),
  /** How the pupil's and the parents' views were weighed. */
  viewsWeighed: optionalText(5000),
  /** The statutory topics it rests on. */
  topics: assessmentTopics.nullish(),
});
export type AssessmentConclusion = z.infer<typeof assessmentConclusion>;

/** The conclusion's fields a sakkyndig vurdering needs: all when individually adapted education is needed. */
export function missingConclusionFields(c: AssessmentConclusion | null | undefined): string[] {
  const blank = (s: string | null | undefined) => (s ?? '').trim() === '';
  const out: string[] = [];
  if (c?.needed == null) out.push('needed');
  else if (c.needed) {
    if (c.hours == null || c.hoursPer == null) out.push('hours');
    if (blank(c.content)) out.push('content');
    if (blank(c.organisation)) out.push('organisation');
    if (blank(c.staffCompetence)) out.push('staffCompetence');
    if (!c.validUntil) out.push('validUntil');
    if (!c.reassessBy) out.push('reassessBy');
  }
  if (blank(c?.viewsWeighed)) out.push('viewsWeighed');
  return out;
}
