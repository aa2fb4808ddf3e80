import { z } from 'zod';
import { externalId, isoDate, optionalText, roleAndName, text } from '../domain/common';

/**
 * Who receives a letter: addressed to rektor, identical copies to kontaktlærer and foresatte. A
 * sakkyndig vurdering is addressed to the municipality that decides (`kommune`), copy to the family.
 */
export const RECIPIENTS = [
  'rektor',
  'kontaktlærer',
  'foresatte',
  'kommune',
  'tjeneste',
  // The receiving school of an overgangsbrev (issue 15 item 3).
  'mottakerskole',
] as const;
export type RecipientRole = (typeof RECIPIENTS)[number];

/**
 * The caseworker's decisions for one letter: what the case itself does not say. They are part
 * of the letter's input, shown where they matter (a kept phrase is not, its reason is recorded),
 * and recorded in the `letters.issued` event, so the case history says why a letter was sent
 * as it was. docs/LETTERS.md describes each field.
 */
export const letterOptions = z.strictObject({
  /** Rektor answers by this date (default: the letter date + the `replyDays` setting). */
  replyBy: isoDate.optional(),
  /** Which measures (recommendation ids) the letter covers; default: every measure not ended. */
  measures: z.array(externalId).max(500).optional(),
  /** Møtereferat: the meeting (its id, or its date); default: the latest meeting. */
  meeting: z.string().min(1).max(200).optional(),
  /** Flagged phrases kept on purpose, each with a reason. Without `path`: every place it occurs. */
  keep: z
    .array(
      z.strictObject({
        phrase: text(100),
        path: z.string().max(300).optional(),
        reason: text(1000),
      }),
    )
    .max(200)
    .optional(),
  /** Written reasons for what the letter leaves out. */
  reasons: z
    .strictObject({
      pupilVoice: optionalText(2000),
      parentsView: optionalText(2000),
      schoolEnvironment: optionalText(2000),
    })
    .optional(),
  /** Legal basis for sending to a recipient without a valid consent. */
  legalBasis: z
    .strictObject({
      rektor: optionalText(500),
      kontaktlærer: optionalText(500),
      foresatte: optionalText(500),
    })
    .optional(),
  /**
   * Copies to other services (BUP, Statped, barnevernstjenesten, another service or the
   * municipality), each by name: checked against the consent register like every recipient
   * (shared/consent/sharing.ts); without a valid consent it needs `legalBasis` (issue 14 item 8).
   */
  otherRecipients: z
    .array(z.strictObject({ name: text(200), legalBasis: optionalText(500) }))
    .max(10)
    .optional(),
  /** Names of recipients when the case does not say (a role in a measure or meeting usually does). */
  recipients: z
    .strictObject({
      rektor: optionalText(200),
      kontaktlærer: optionalText(200),
    })
    .optional(),
  /**
   * Journal notes the letter quotes under «Fra journalen» (their ids), oldest first. A confidential
   * note is refused (NOTE_CONFIDENTIAL) until it has been released with a reason.
   */
  notes: z.array(externalId).max(50).optional(),
  /** Mottaksbrev: when the family and the school can expect the first contact. */
  expectedFirstContact: isoDate.optional(),
  /**
   * Mottaksbrev that is also a foreløpig svar (forvaltningsloven § 11 a): why the answer takes
   * time. The expected date is `expectedFirstContact`.
   */
  interimReason: optionalText(1000),
  /** Mottaksbrev: "Råd i ventetiden", what the school does now and who does it (default: standard advice). */
  waitingAdvice: z
    .array(z.strictObject({ what: text(1000), who: text(200) }))
    .max(20)
    .optional(),
  /** A section for the pupil: what will happen and who the safe adults are, in plain words for the grade. */
  pupilPage: z.boolean().optional(),
  /** Sakkyndig vurdering: the statutory topics (DESIGN §5; law-and-practice §1.2). */
  assessment: z
    .strictObject({
      /** How the assessment was made: conversations, observation, tests, reports. */
      sources: optionalText(5000),
      /** The pupil's benefit from ordinary teaching. */
      benefit: optionalText(5000),
      /** Learning difficulties and other special circumstances important for teaching. */
      difficulties: optionalText(5000),
      /** Realistic learning goals. */
      goals: optionalText(5000),
      /** Whether the difficulties can be helped within ordinary teaching. */
      ordinaryTeaching: optionalText(5000),
      /** What gives a sound offer (content, organisation, staff competence). */
      soundOffer: optionalText(5000),
      /** Extent in hours, e.g. "76 årstimer (2 timer i uka)". */
      hours: optionalText(300),
      /** How long the assessment applies. */
      validUntil: isoDate.optional(),
    })
    .optional(),
  /**
   * Avslutningsbrev (issue 15 item 5): which referral it ends (its id; default the main referral),
   * the receiving service, where responsibility now lies, and what the family can do.
   */
  closing: z
    .strictObject({
      referral: externalId.optional(),
      receivingService: optionalText(300),
      receivingContact: optionalText(300),
      responsibility: optionalText(2000),
      reason: optionalText(2000),
    })
    .optional(),
  /**
   * Overgangsbrev (issue 15 item 3): the receiving school (default: the latest recorded transition
   * event's), the first day there (default: that event's date, else the stage transition from the
   * grade), and what the letter tells the school. `legalBasis` is needed when the consent register
   * holds no valid consent to the receiving school (CONSENT_MISSING).
   */
  transition: z
    .strictObject({
      receivingSchool: optionalText(300),
      receivingContact: optionalText(300),
      start: isoDate.optional(),
      whatWorks: optionalText(2000),
      safeAdults: optionalText(2000),
      visits: optionalText(2000),
      parentsExpected: optionalText(2000),
      whomToCall: optionalText(500),
      legalBasis: optionalText(500),
    })
    .optional(),
  /**
   * Innkalling (issue 15 item 4): the meeting the service calls: its day, time (HH:MM) and place,
   * the roles that must attend (a school leader among them), and the agenda after the open
   * agreements from the last meeting (which the letter lists first by itself).
   */
  invitation: z
    .strictObject({
      date: isoDate.optional(),
      time: z
        .string()
        .regex(/^([01]\d|2[0-3])[:.][0-5]\d$/u, { message: 'TIME_FORMAT' })
        .optional(),
      place: optionalText(300),
      roles: z.array(roleAndName).max(30).optional(),
      agenda: z.array(text(500)).max(30).optional(),
    })
    .optional(),
});
export type LetterOptions = z.infer<typeof letterOptions>;
export type LetterOptionsInput = z.input<typeof letterOptions>;
