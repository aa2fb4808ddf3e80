import { z } from 'zod';
import { isoDate, optionalText } from './common';

/**
 * The pupil's path before and around the referral (issue 15 items 2 and 3): the early signs
 * noticed long before anyone referred, the risk checklist, and the transitions and changes at
 * school that the caseworker records as risk events. Keys are ASCII (interchange files and JSON
 * Schema stay plain); the Norwegian labels live in the app's texts and in shared/pathway.
 */

/**
 * The first signs a checklist asks about: vondt i magen, hodepine, kvalme om morgenen, gråt ved
 * levering, søvnvansker, tretthet, bekymret snakk om skolen, trekker seg unna venner.
 */
export const EARLY_SIGNS = [
  'vondtIMagen',
  'hodepine',
  'kvalmeOmMorgenen',
  'graatVedLevering',
  'sovnvansker',
  'tretthet',
  'bekymretForSkolen',
  'trekkerSegUnna',
] as const;
export type EarlySign = (typeof EARLY_SIGNS)[number];

const flags = <K extends string>(keys: readonly K[]) =>
  z.strictObject(
    Object.fromEntries(keys.map((k) => [k, z.boolean().nullish()])) as Record<
      K,
      z.ZodOptional<z.ZodNullable<z.ZodBoolean>>
    >,
  );

/**
 * Early signs: when the first signs were noticed and by whom, which signs, the first absence and
 * the school's first recorded concern. The earliest of these dates (and a referral's own `signal`)
 * is where the signal-to-referral lag starts (shared/pathway/signals.ts `earliestSignal`).
 */
export const earlySigns = z.strictObject({
  firstSignsDate: isoDate.nullish(),
  /** Who noticed (a role or a name: «mor», «kontaktlærer», «helsesykepleier»). */
  noticedBy: optionalText(200),
  signs: flags(EARLY_SIGNS).nullish(),
  otherSigns: optionalText(2000),
  /** Første fravær: the first absence anyone linked to this. */
  firstAbsence: isoDate.nullish(),
  /** Skolens første bekymring: the day the school first recorded a concern. */
  schoolFirstConcern: isoDate.nullish(),
});
export type EarlySigns = z.infer<typeof earlySigns>;

/** Risk factors by level (individ, familie, skole), each a yes/no on a checklist. */
export const RISK_FACTORS = {
  individual: ['angst', 'nedstemthet', 'nevroutvikling', 'somatiskSykdom', 'lavSelvfolelse'],
  family: ['sykdomIFamilien', 'samlivsbrudd', 'konflikt', 'dodsfall', 'flytting'],
  school: ['mobbing', 'faaVenner', 'fagligPress', 'larerbytte', 'uforutsigbarSkoledag'],
} as const;
export type RiskLevel = keyof typeof RISK_FACTORS;
export const RISK_LEVELS = Object.keys(RISK_FACTORS) as RiskLevel[];

export const riskFactors = z.strictObject({
  individual: flags(RISK_FACTORS.individual).nullish(),
  family: flags(RISK_FACTORS.family).nullish(),
  school: flags(RISK_FACTORS.school).nullish(),
  note: optionalText(2000),
});
export type RiskFactors = z.infer<typeof riskFactors>;

/**
 * Transitions and changes at school the caseworker records as risk events: ny kontaktlærer,
 * ny klasse, skolebytte, nytt bygg, a stage transition (overgang), or another change.
 */
export const TRANSITION_KINDS = [
  'nyKontaktlaerer',
  'nyKlasse',
  'skolebytte',
  'nyttBygg',
  'overgang',
  'annet',
] as const;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];

export const transitionEvent = z.strictObject({
  /** The day the change happens (or happened). May lie ahead: a planned school change. */
  date: isoDate,
  kind: z.enum(TRANSITION_KINDS),
  /** The receiving school or class, where there is one. */
  receivingSchool: optionalText(200),
  note: optionalText(2000),
});
export type TransitionEvent = z.infer<typeof transitionEvent>;
