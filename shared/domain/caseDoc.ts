import { z } from 'zod';
import { absence } from './absence';
import { accessRequest } from './accessRequest';
import { assessmentStatus, involvedService } from './involved';
import { assessmentConclusion } from './assessment';
import { assignment } from './assignment';
import { externalId, isoDate, optionalText, service } from './common';
import { concernReport, consent } from './consent';
import { hearing, proposal, pupilVoiceEntry } from './family';
import { meeting } from './meeting';
import { note } from './note';
import { earlySigns, riskFactors, transitionEvent } from './pathway';
import { guardian, pupil } from './pupil';
import { recommendation } from './recommendation';
import { foldClosingOutcome, referral } from './referral';
import { barrier, mainGoal, schoolFactors } from './schoolSide';

/** Forventningsavklaring: what the service can and cannot offer, timeline, who commits to what. */
export const expectations = z.strictObject({
  canOffer: optionalText(5000),
  cannotOffer: optionalText(5000),
  timeline: optionalText(5000),
  commitments: optionalText(5000),
  /** What the parents are asked to do. */
  parentsAskedTo: optionalText(5000),
  /** How often the service and the family are in touch. */
  contactFrequency: optionalText(2000),
  /** How disagreement is handled (who to ask, how to complain). */
  disagreement: optionalText(5000),
  /** The day it was agreed with the family. */
  agreed: isoDate.nullish(),
});

/**
 * One case (one pupil in one service) in the shape of `bro-interchange/1`.
 * This is also the core of the folded case state, so import, export, validation
 * and the fold all speak one shape.
 */
export const caseDoc = z.strictObject({
  id: externalId,
  service,
  pupil,
  guardians: z.array(guardian).max(20).nullish(),
  // An old `closingOutcome` is read as `outcome` (one field; shared/domain/referral.ts).
  referrals: z
    .array(referral.transform((r) => foldClosingOutcome(r)))
    .max(200)
    .nullish(),
  assignments: z.array(assignment).max(500).nullish(),
  recommendations: z.array(recommendation).max(500).nullish(),
  /** Before dated entries (`voices`): one text. Still read, shown and used while no entry exists. */
  pupilVoice: optionalText(20_000),
  parentsView: optionalText(20_000),
  /** Elevens stemme, dated entries (shared/domain/family.ts). */
  voices: z.array(pupilVoiceEntry).max(1000).nullish(),
  /** Foresattes innspill and what became of each. */
  proposals: z.array(proposal).max(1000).nullish(),
  /** Høringsutkast: drafts shared with the parents for comment. */
  hearings: z.array(hearing).max(200).nullish(),
  expectations: expectations.nullish(),
  /** The sakkyndig vurdering's conclusion (PPT): what the municipality's vedtak rests on. */
  assessmentConclusion: assessmentConclusion.nullish(),
  /**
   * Nynorsk versions of case texts a letter prints, by where the bokmål text is
   * (`pupilVoice`, `recommendations/<id>/goal`), or the reason the text is printed as written.
   */
  nynorsk: z
    .record(
      z
        .string()
        .max(300)
        .regex(/^[\p{L}\p{N}._:\-/ ]+$/u),
      z.strictObject({ text: optionalText(20_000), keepReason: optionalText(1000) }),
    )
    .nullish(),
  meetings: z.array(meeting).max(1000).nullish(),
  consents: z.array(consent).max(500).nullish(),
  absence: z.array(absence).max(2000).nullish(),
  concernReports: z.array(concernReport).max(50).nullish(),
  /** Innsynskrav from the parties. */
  accessRequests: z.array(accessRequest).max(200).nullish(),
  /** Journalnotater. An export leaves out the confidential ones not released (shared/notes). */
  notes: z.array(note).max(5000).nullish(),
  /** The case's main goal («tilbake på skolen») with a target attendance per cent. */
  mainGoal: mainGoal.nullish(),
  /** The school-factor checklist (shared/domain/schoolSide.ts); complete before an anbefaling is signed. */
  schoolFactors: schoolFactors.nullish(),
  /** Skolens forståelse of the absence, recorded beside the parents' own. */
  schoolUnderstanding: optionalText(20_000),
  /**
   * Foresattes forståelse of the absence: a field of its own, not `parentsView` (which is the
   * parents' voice on the case and what they want); letters show the two understandings side by side.
   */
  parentsUnderstanding: optionalText(20_000),
  /** The barrier log: what stood in the way, by level, with date and note. */
  barriers: z.array(barrier).max(1000).nullish(),
  /** Early signs (issue 15 item 2): first signs, første fravær, skolens første bekymring (shared/domain/pathway.ts). */
  earlySigns: earlySigns.nullish(),
  /** The risk checklist: individual, family and school factors. */
  riskFactors: riskFactors.nullish(),
  /** Transitions and changes at school, shown as risk events (issue 15 item 3). */
  transitionEvents: z.array(transitionEvent).max(500).nullish(),
  /** The services involved around the pupil (issue 15 item 5): service, since when, role, contact. */
  involvedServices: z.array(involvedService).max(200).nullish(),
  /** The assessment's status over time (henvist, pågår, konkludert) with the responsible service. */
  assessmentStatuses: z.array(assessmentStatus).max(500).nullish(),
});
export type CaseDoc = z.infer<typeof caseDoc>;
export type CaseDocInput = z.input<typeof caseDoc>;

/** Collections of a case whose items are entities with their own history. */
export const COLLECTIONS = [
  'guardians',
  'referrals',
  'assignments',
  'recommendations',
  'meetings',
  'consents',
  'absence',
  'concernReports',
  'accessRequests',
  'notes',
  'voices',
  'proposals',
  'hearings',
  'barriers',
  'transitionEvents',
  'involvedServices',
  'assessmentStatuses',
] as const;
export type Collection = (typeof COLLECTIONS)[number];

/** Collections matched by their `id` field on import; the others by content, then identity (interchange/diff.ts). */
export const KEYED_BY_ID: ReadonlySet<Collection> = new Set(['referrals', 'recommendations', 'notes']);

export const COLLECTION_ITEM = {
  guardians: guardian,
  referrals: referral,
  assignments: assignment,
  recommendations: recommendation.omit({ evaluations: true }),
  meetings: meeting,
  consents: consent,
  absence,
  concernReports: concernReport,
  accessRequests: accessRequest,
  notes: note,
  voices: pupilVoiceEntry,
  proposals: proposal,
  hearings: hearing,
  barriers: barrier,
  transitionEvents: transitionEvent,
  involvedServices: involvedService,
  assessmentStatuses: assessmentStatus,
} as const;

/** Case-level fields that are not collections or the pupil. */
export const CASE_FIELDS = caseDoc.pick({
  service: true,
  pupilVoice: true,
  parentsView: true,
  expectations: true,
  assessmentConclusion: true,
  nynorsk: true,
  mainGoal: true,
  schoolFactors: true,
  schoolUnderstanding: true,
  parentsUnderstanding: true,
  earlySigns: true,
  riskFactors: true,
});
