import { z } from 'zod';
import { externalId, isoDate, optionalText, roleAndName, text } from './common';

export const LABELS = ['Anbefaling', 'Lovkrav', 'Avtalt'] as const;
export const TARGETS = ['elev', 'skolemiljø', 'hjem'] as const;
export const EVALUATION_OUTCOMES = ['bedring', 'ingen endring', 'forverring'] as const;
export const EVALUATION_DECISIONS = ['videreføres', 'justeres', 'avsluttes'] as const;
export const LEVELS = ['universelt', 'selektivt', 'indikert'] as const;
export const SCHOOL_ANSWERS = ['gjennomføres', 'med endring', 'kan ikke'] as const;
/** Why the school cannot (or can only with a change) carry out a recommendation (issue 13). */
export const REASON_CATEGORIES = ['ressurser', 'kompetanse', 'organisering', 'annet'] as const;
/** A short check-in between evaluation meetings: did the measure work since the last one? */
export const CHECK_IN_RESULTS = ['fungert', 'ikke fungert', 'justering'] as const;
/** A change in the status of an agreed measure; each one means the parents must be told. */
export const MEASURE_STATUSES = ['startet', 'justert', 'satt på pause', 'avsluttet'] as const;

/** A calendar date, or an ISO date-time with a time zone (when a moment matters, e.g. a warning seen). */
export const isoDateOrDateTime = z.union([isoDate, z.iso.datetime({ offset: true })]);

export const evaluation = z.strictObject({
  date: isoDate,
  outcome: z.enum(EVALUATION_OUTCOMES),
  decision: z.enum(EVALUATION_DECISIONS),
  pupilView: optionalText(5000),
  /** Why the pupil's own view is missing (required for a new evaluation without `pupilView`). */
  pupilViewMissing: optionalText(2000),
  parentsView: optionalText(5000),
  decidedBy: text(200),
  why: optionalText(5000),
  /**
   * The next evaluation, set when the measure goes on («videreføres», «justeres»): the next task
   * to evaluate it is due then (shared/measures/rules.ts requires it for «videreføres»).
   */
  nextEvaluation: isoDate.nullish(),
  /**
   * When the caseworker saw the warning that the measure works (the latest evaluation before
   * said «bedring» or «videreføres») and ended it anyway. An import or API call that ends a
   * working measure without it is refused (ENDS_WORKING_MEASURE, shared/measures/rules.ts).
   */
  endWarningSeen: isoDateOrDateTime.nullish(),
});
export type Evaluation = z.infer<typeof evaluation>;

export const schoolAnswer = z.strictObject({
  answer: z.enum(SCHOOL_ANSWERS),
  reason: optionalText(5000),
  /** Required when the answer is «kan ikke» or «med endring» (REASON_CATEGORY_REQUIRED). */
  reasonCategory: z.enum(REASON_CATEGORIES).nullish(),
  /** What the school offers instead; required when «kan ikke» or «med endring» (ALTERNATIVE_REQUIRED). */
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

/** One occurrence of a recurring measure (e.g. the weekly call): held or not, so gaps show. */
export const occurrence = z.strictObject({
  date: isoDate,
  held: z.boolean(),
  note: optionalText(2000),
});
export type Occurrence = z.infer<typeof occurrence>;

/** A short check-in between evaluation meetings; shown in the measure's evaluation history. */
export const checkIn = z.strictObject({
  date: isoDate,
  result: z.enum(CHECK_IN_RESULTS),
  note: optionalText(2000),
  by: optionalText(200),
});
export type CheckIn = z.infer<typeof checkIn>;

/**
 * A status change of an agreed measure (started, adjusted, paused, ended), with who made it and
 * why. Each one creates the task «informer foresatte» for the case owner (shared/cases/obligations.ts).
 */
export const statusChange = z.strictObject({
  date: isoDate,
  status: z.enum(MEASURE_STATUSES),
  by: text(200),
  /** Why; required when it ends the measure (END_REASON_REQUIRED). */
  reason: optionalText(2000),
  /** As on an evaluation: ending a measure that works, the caseworker saw the warning then. */
  endWarningSeen: isoDateOrDateTime.nullish(),
});
export type StatusChange = z.infer<typeof statusChange>;

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
  occurrences: z.array(occurrence).max(2000).nullish(),
  checkIns: z.array(checkIn).max(500).nullish(),
  statusChanges: z.array(statusChange).max(500).nullish(),
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
