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

/**
 * Bekymringsmelding to barnevernet: Bro documents it and never blocks a report the law requires
 * (the report is sent whatever Bro says; Bro only refuses to record it without its documentation:
 * shared/family/rules.ts `concernReportIssues`). The fields after `note` came later (issue 14) and
 * may be missing in older data, which then shows findings.
 */
export const concernReport = z.strictObject({
  id: externalId.nullish(),
  date: isoDate,
  legalBasis: text(500),
  parentsTold: z.boolean(),
  parentsInvitedToSendTogether: z.boolean(),
  /** School factors (mobbing, skolemiljø) were assessed before the report. */
  schoolFactorsChecked: z.boolean(),
  note: optionalText(5000),
  /** Who sent it (a name or a role). */
  sentBy: optionalText(200),
  /** To which barnevernstjeneste. */
  sentTo: optionalText(300),
  /** When the parents were told (when `parentsTold`). */
  parentsToldDate: isoDate.nullish(),
  /** Why the parents were not told (when not `parentsTold`: telling them could harm the child, …). */
  parentsNotToldReason: optionalText(2000),
  /** What the assessment of school factors found, or why it was not done first. */
  schoolFactorsNote: optionalText(2000),
});
export type ConcernReport = z.infer<typeof concernReport>;
