import { z } from 'zod';
import { externalId, isoDate, optionalText, text } from './common';

export const consent = z.strictObject({
  id: externalId.nullish(),
  givenBy: text(200),
  /** Which information may be shared. */
  information: text(1000),
  /** With whom (a service, the school, a named role). */
  recipient: text(300),
  purpose: text(1000),
  date: isoDate,
  expires: isoDate.nullish(),
  withdrawn: isoDate.nullish(),
});
export type Consent = z.infer<typeof consent>;

/** Bekymringsmelding to barnevernet: Bro documents it and never blocks a report the law requires. */
export const concernReport = z.strictObject({
  date: isoDate,
  legalBasis: text(500),
  parentsTold: z.boolean(),
  parentsInvitedToSendTogether: z.boolean(),
  schoolFactorsChecked: z.boolean(),
  note: optionalText(5000),
});
export type ConcernReport = z.infer<typeof concernReport>;
