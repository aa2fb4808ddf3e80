import { z } from 'zod';
import { externalId, isoDate, optionalText, percent, service } from './common';

export const REFERRERS = [
  'skole',
  'foresatte',
  'fastlege',
  'helsesykepleier',
  'PPT',
  'BUP',
  'Skoleteam',
  'barnevern',
  'annet',
] as const;
export const DECISIONS = ['accepted', 'rejected', 'forwarded'] as const;
export const OUTCOMES = ['full', 'partial', 'none'] as const;
/** Back at school at closing (issue 15, item 5): fully, partly, not. */
export const CLOSING_OUTCOMES = ['helt', 'delvis', 'ikke'] as const;

/** Milestones in the order a referral normally passes them. */
export const MILESTONES = [
  'sent',
  'received',
  'decided',
  'firstContact',
  'assessmentStarted',
  'concluded',
  'firstMeasure',
  'closed',
] as const;
export type Milestone = (typeof MILESTONES)[number];

/** Milestones that cannot lie before `received`. */
export const AFTER_RECEIVED: readonly Milestone[] = [
  'decided',
  'firstContact',
  'assessmentStarted',
  'concluded',
  'firstMeasure',
  'closed',
];

export const referral = z.strictObject({
  id: externalId,
  service: service.nullish(),
  referredBy: z.enum(REFERRERS).nullish(),
  reason: optionalText(2000),
  /** First sign of concern (for the signal-to-referral lag). */
  signal: isoDate.nullish(),
  sent: isoDate.nullish(),
  received: isoDate,
  decided: isoDate.nullish(),
  decision: z.enum(DECISIONS).nullish(),
  /** BUP: latest date for start of help, set at decision. */
  frist: isoDate.nullish(),
  firstContact: isoDate.nullish(),
  assessmentStarted: isoDate.nullish(),
  concluded: isoDate.nullish(),
  firstMeasure: isoDate.nullish(),
  closed: isoDate.nullish(),
  outcome: z.enum(OUTCOMES).nullish(),
  absenceAtReferral: percent.nullish(),
  absenceAtFirstContact: percent.nullish(),
  /** Recorded at closing: back at school helt / delvis / ikke (the outcomes report reads it). */
  closingOutcome: z.enum(CLOSING_OUTCOMES).nullish(),
  /** Recorded at closing: the absence rate then, against the rate at intake. */
  closingAbsencePercent: percent.nullish(),
  note: optionalText(2000),
});
export type Referral = z.infer<typeof referral>;
