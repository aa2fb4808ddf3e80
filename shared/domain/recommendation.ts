import { z } from 'zod';
import { externalId, isoDate, optionalText, roleAndName, text } from './common';

export const LABELS = ['Anbefaling', 'Lovkrav', 'Avtalt'] as const;
export const TARGETS = ['elev', 'skolemiljø', 'hjem'] as const;
export const EVALUATION_OUTCOMES = ['bedring', 'ingen endring', 'forverring'] as const;
export const EVALUATION_DECISIONS = ['videreføres', 'justeres', 'avsluttes'] as const;
export const LEVELS = ['universelt', 'selektivt', 'indikert'] as const;
export const SCHOOL_ANSWERS = ['gjennomføres', 'med endring', 'kan ikke'] as const;

export const evaluation = z.strictObject({
  date: isoDate,
  outcome: z.enum(EVALUATION_OUTCOMES),
  decision: z.enum(EVALUATION_DECISIONS),
  pupilView: optionalText(5000),
  parentsView: optionalText(5000),
  decidedBy: text(200),
  why: optionalText(5000),
  /**
   * The next evaluation, set when the measure goes on («videreføres», «justeres»): the next task
   * to evaluate it is due then (shared/measures/rules.ts requires it for «videreføres»).
   */
  nextEvaluation: isoDate.nullish(),
});
export type Evaluation = z.infer<typeof evaluation>;

export const schoolAnswer = z.strictObject({
  answer: z.enum(SCHOOL_ANSWERS),
  reason: optionalText(5000),
  alternative: optionalText(5000),
  by: text(200),
  date: isoDate,
});

export const implementationReport = z.strictObject({
  date: isoDate,
  by: z.enum(['skole', 'foresatte']),
  inPlace: z.boolean(),
  note: optionalText(2000),
});

/**
 * A measure (tiltak) as the school receives it. Every field a letter needs is
 * required for issuing, but a draft may lack some: the letter checks list what is missing.
 */
export const recommendation = z.strictObject({
  id: externalId,
  what: text(5000),
  responsible: roleAndName.nullish(),
  leader: roleAndName.nullish(),
  start: isoDate.nullish(),
  frequency: optionalText(500),
  trialPeriod: optionalText(500),
  goal: optionalText(2000),
  evaluation: z.strictObject({ date: isoDate, method: text(1000), convenedBy: text(200) }).nullish(),
  resources: optionalText(1000),
  label: z.enum(LABELS),
  legalRef: optionalText(300),
  target: z.enum(TARGETS),
  schoolAnswer: schoolAnswer.nullish(),
  implementation: z.array(implementationReport).max(500).nullish(),
  evaluations: z.array(evaluation).max(500).nullish(),
  /** The catalogue entry it was planned from (shared/catalogue), if any. */
  catalogueId: externalId.nullish(),
  /** Level in the pyramid of measures. */
  level: z.enum(LEVELS).nullish(),
  /** Forutsigbar: the pupil knows in advance what happens, when, with whom. */
  predictable: z.boolean().nullish(),
  /** Mestringsorientert: builds the pupil's experience of mastering school. */
  masteryOriented: z.boolean().nullish(),
  /** Planning time per week and the leader who granted it. */
  planningHours: z.strictObject({ perWeek: z.number().min(0).max(100), grantedBy: roleAndName }).nullish(),
  /** The parents took part in planning the measure, and in choosing it. */
  parentsInPlanning: z.boolean().nullish(),
  parentsInChoice: z.boolean().nullish(),
});
export type Recommendation = z.infer<typeof recommendation>;
