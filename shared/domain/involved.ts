import { z } from 'zod';
import { isoDate, optionalText, text } from './common';

/**
 * Issue 15 item 5: the services involved around the pupil (BUP, barnevernet, helsesykepleier, the
 * Skoleteam, the school itself), each with since when, its role in the case and a contact, so a
 * referral passed on leaves a record of where responsibility lies. `until` ends an involvement.
 */
export const involvedService = z.strictObject({
  service: text(200),
  since: isoDate,
  until: isoDate.nullish(),
  role: optionalText(500),
  contact: optionalText(300),
});
export type InvolvedService = z.infer<typeof involvedService>;

/** Where the assessment stands (the sakkyndig vurdering, or another service's utredning). */
export const ASSESSMENT_STATUSES = ['henvist', 'pågår', 'konkludert'] as const;
export type AssessmentStatusValue = (typeof ASSESSMENT_STATUSES)[number];

/**
 * One change of the assessment's status, with the service responsible for it. When the status
 * changes, the recommendations may no longer fit: the caseworker is asked to revisit them (the
 * `revisit` task, shared/referrals/assessment.ts) and records the day it was done here.
 */
export const assessmentStatus = z.strictObject({
  date: isoDate,
  status: z.enum(ASSESSMENT_STATUSES),
  service: text(200),
  note: optionalText(2000),
  recommendationsRevisited: isoDate.nullish(),
});
export type AssessmentStatus = z.infer<typeof assessmentStatus>;
