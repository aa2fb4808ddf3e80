import { z } from 'zod';
import { externalId, isoDate, optionalText, text } from './common';
import { LETTER_KINDS } from '../letters/kinds';

/**
 * What the family brings to the case, each as a dated entry that a new conversation adds to rather
 * than overwrites (issue 14, items 1–3). The case's single texts `pupilVoice` and `parentsView`
 * from before stay readable: they are shown and used as the first, undated entry ("tidligere
 * registrert") until entries exist.
 */

/** The answer to a parents' proposal (foresattes innspill). Norwegian slugs: the interchange file says them. */
export const PROPOSAL_RESPONSES = ['tatt inn', 'delvis', 'ikke tatt inn'] as const;
export type ProposalResponse = (typeof PROPOSAL_RESPONSES)[number];

/**
 * Foresattes innspill: what the parents proposed, and what the service did with it. Unanswered
 * (no `response`) it raises a task once it is older than the service's limit
 * (shared/cases/obligations.ts, `proposalAnswer`).
 */
export const proposal = z.strictObject({
  id: externalId.nullish(),
  /** The day the parents proposed it. */
  date: isoDate,
  what: text(5000),
  /** Who proposed it (mor, far, foresatte, verge, …). */
  proposedBy: optionalText(200),
  response: z.enum(PROPOSAL_RESPONSES).nullish(),
  /** Why: required when it was only partly or not taken in (shared/family/rules.ts). */
  reason: optionalText(5000),
  /** Who answered (a caseworker, the team). */
  answeredBy: optionalText(200),
  /** The day it was answered. */
  answered: isoDate.nullish(),
});
export type Proposal = z.infer<typeof proposal>;

/**
 * Elevens stemme as a dated entry: what the pupil said and wished, what helps and what hurts, and
 * how, when and by whom it was gathered. The latest entries feed the letters' «Elevens stemme».
 */
export const pupilVoiceEntry = z.strictObject({
  id: externalId.nullish(),
  /** The day it was gathered. */
  date: isoDate,
  said: optionalText(5000),
  wishes: optionalText(5000),
  helps: optionalText(5000),
  hurts: optionalText(5000),
  /** How: a conversation, a form, drawing, through the parents, … */
  how: text(500),
  /** By whom (a name or a role). */
  gatheredBy: text(200),
});
export type PupilVoiceEntry = z.infer<typeof pupilVoiceEntry>;

/**
 * Høringsutkast: a draft letter shared with the parents for comment by a date. The final letter of
 * that kind prints their comment under its own heading, or says that none came by the date.
 */
export const hearing = z.strictObject({
  id: externalId.nullish(),
  /** The kind of letter the draft is (its Norwegian slug). */
  kind: z.enum(LETTER_KINDS),
  /** The day the draft (a PDF marked UTKAST, not signed) was shared. */
  shared: isoDate,
  /** Comments are asked for by this day. */
  commentBy: isoDate,
  /** To whom (foresatte, mor, far, …). */
  sharedWith: optionalText(300),
  /** The parents' comment, in their words or summarised. */
  comment: optionalText(10_000),
  /** The day the comment came. */
  commentReceived: isoDate.nullish(),
});
export type Hearing = z.infer<typeof hearing>;
