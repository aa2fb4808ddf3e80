import { z } from 'zod';
import { isoDate, optionalText, percent, text } from './common';

/**
 * The school side of a case (issue 13 items 2, 6, 7): the case's main goal, the school-factor
 * checklist, and the barrier log.
 */

/** The case's main goal, e.g. «tilbake på skolen», with the attendance it aims for (per cent). */
export const mainGoal = z.strictObject({
  text: text(2000),
  targetAttendance: percent.nullish(),
});
export type MainGoal = z.infer<typeof mainGoal>;

/**
 * The school factors the checklist asks about. Keys are ASCII (interchange files and JSON Schema
 * stay plain); the Norwegian labels live in the i18n texts:
 * mobbing = mobbing, utenforskap = utenforskap, stoyOgUro = støy og uro,
 * klasseledelse = klasseledelse, relasjonLaererElev = relasjon lærer–elev, vikarbruk = vikarbruk,
 * forutsigbarhet = forutsigbarhet, tilpassetOpplaering = tilpasset opplæring.
 */
export const SCHOOL_FACTORS = [
  'mobbing',
  'utenforskap',
  'stoyOgUro',
  'klasseledelse',
  'relasjonLaererElev',
  'vikarbruk',
  'forutsigbarhet',
  'tilpassetOpplaering',
] as const;
export type SchoolFactor = (typeof SCHOOL_FACTORS)[number];

export const FACTOR_ASSESSMENTS = ['ikke et problem', 'et problem', 'ukjent'] as const;

export const factorAssessment = z.strictObject({
  assessed: z.enum(FACTOR_ASSESSMENTS),
  note: optionalText(2000),
});
export type FactorAssessment = z.infer<typeof factorAssessment>;

/** The checklist: every factor optional here (a draft may be half done); completeness is a letter check. */
export const schoolFactors = z.strictObject(
  Object.fromEntries(SCHOOL_FACTORS.map((f) => [f, factorAssessment.nullish()])) as Record<
    SchoolFactor,
    z.ZodOptional<z.ZodNullable<typeof factorAssessment>>
  >,
);
export type SchoolFactors = z.infer<typeof schoolFactors>;

export const BARRIER_LEVELS = [
  'elev',
  'hjem',
  'lærer',
  'skoleledelse',
  'tjeneste',
  'kommunens ressurser',
] as const;
export type BarrierLevel = (typeof BARRIER_LEVELS)[number];

/** One entry of the barrier log: what stood in the way, at which level, when. */
export const barrier = z.strictObject({
  date: isoDate,
  level: z.enum(BARRIER_LEVELS),
  note: text(2000),
});
export type Barrier = z.infer<typeof barrier>;
