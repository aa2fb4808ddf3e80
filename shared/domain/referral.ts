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
/**
 * Back at school at closing (issue 15, item 5: «tilbake på skolen helt / delvis / ikke»). The one
 * outcome field is `outcome`, spelled as INTERCHANGE.md has it since the first format.
 */
export const OUTCOMES = ['full', 'partial', 'none'] as const;
/**
 * The Norwegian spelling one session wrote to `closingOutcome` (2026-12-05) before the two fields
 * were made one. Still read, never written: see `referral` below.
 */
export const CLOSING_OUTCOMES = ['helt', 'delvis', 'ikke'] as const;
/** `closingOutcome`'s words → `outcome`'s. */
export const CLOSING_OUTCOME_AS_OUTCOME = { helt: 'full', delvis: 'partial', ikke: 'none' } as const;
/** The parents' satisfaction at closing (optional; asked, never required). */
export const SATISFACTION = ['fornoyd', 'delvis', 'misfornoyd', 'vil-ikke-svare'] as const;

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
  /** Back at school at closing: full (helt), partial (delvis), none (ikke). */
  outcome: z.enum(OUTCOMES).nullish(),
  absenceAtReferral: percent.nullish(),
  absenceAtFirstContact: percent.nullish(),
  /**
   * Old spelling of `outcome` (helt / delvis / ikke), read only: folded into `outcome` when the
   * referral is read, so old events and files open; a referral never carries it after parsing.
   */
  closingOutcome: z.enum(CLOSING_OUTCOMES).nullish(),
  /** Recorded at closing: the absence rate then, against the rate at intake (`absenceAtReferral`). */
  closingAbsencePercent: percent.nullish(),
  /** Recorded at closing if the parents answered: how satisfied they are with the help. */
  parentsSatisfaction: z.enum(SATISFACTION).nullish(),
  note: optionalText(2000),
});

export type Referral = z.infer<typeof referral>;

/**
 * `outcome` and the short-lived `closingOutcome` are one field (issue 15 item 5 (a)). A recorded
 * change (an event's `set`, an imported referral) that carries `closingOutcome` is read as the same
 * change to `outcome`, translated (helt → full, delvis → partial, ikke → none); `outcome` wins when
 * both are in the same change. The fold (shared/events/fold.ts) applies this to every referral
 * event, so no folded case ever carries `closingOutcome`, and every reader (letters, innsyn, the
 * outcomes report, the export) sees one field. Old events and files open unchanged.
 */
export function foldClosingOutcome<T extends Record<string, unknown>>(set: T): T {
  if (!('closingOutcome' in set)) return set;
  const { closingOutcome, ...rest } = set as Record<string, unknown>;
  if (rest.outcome != null || closingOutcome == null) return rest as T;
  const outcome = CLOSING_OUTCOME_AS_OUTCOME[closingOutcome as keyof typeof CLOSING_OUTCOME_AS_OUTCOME];
  return (outcome ? { ...rest, outcome } : rest) as T;
}
