import { z } from 'zod';

/**
 * The payloads of the dispatch events (issue 19 item 2; shared/dispatch/svarut.ts). A leaf module:
 * the event vocabulary imports it, so it imports nothing of Bro's.
 *
 * SECURITY: no national identity number, no postal address and no recipient name is recorded. The
 * letter's own `letters.issued` event says to whom it went; this says how it left and what SvarUt
 * answered.
 */

/** SvarUt v3 forsendelse statuses (forsendelse-status-api-v3.json). */
export const SVARUT_STATUSES = [
  'MOTTATT',
  'AKSEPTERT',
  'AVVIST',
  'FEILET_UNDER_MOTTAK',
  'SENDT_ALTINN',
  'LEVERT_ALTINN',
  'LEST',
  'SENDT_PRINT',
  'PRINTET',
  'MANUELT_HANDTERT',
  'SENDT_DIGITALT',
  'SENDT_SDP',
  'LEVERT_SDP',
  'KLAR_FOR_MOTTAK',
  'IKKE_LEVERT',
  'SLETTET',
  'SENDT_NHN_MOTTAKER',
  'LEVERT_NHN_MOTTAKER',
] as const;
export type SvarUtStatus = (typeof SVARUT_STATUSES)[number];

/** Who the forsendelse is for: the school (an organisation) or the family (a person, or print). */
export const DISPATCH_TO = ['skole', 'foresatte'] as const;
export type DispatchTo = (typeof DISPATCH_TO)[number];
/** The SvarUt v3 send endpoint it was built for. */
export const SVARUT_ENDPOINTS = ['organisasjon', 'person', 'print'] as const;
export type SvarUtEndpoint = (typeof SVARUT_ENDPOINTS)[number];

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu);

/**
 * `dispatch.recorded`: a letter left Bro for SvarUt: sent through the API (`channel: svarut`,
 * with SvarUt's forsendelse id), or written as a package for the user to upload (`channel: package`).
 */
export const dispatchRecorded = z.strictObject({
  letterId: z.string().regex(/^[a-z2-7]{26}$/u),
  channel: z.enum(['svarut', 'package']),
  to: z.enum(DISPATCH_TO),
  endpoint: z.enum(SVARUT_ENDPOINTS),
  /** SvarUt's id for the forsendelse (channel svarut only). */
  forsendelseId: uuid.nullable(),
  /** The forsendelse's `eksternReferanse` (`bro-brev-<letter id>`, the archive's key too). */
  eksternReferanse: z.string().min(1).max(100),
  /** When (ISO 8601). */
  at: z.string().max(40),
});
export type DispatchRecorded = z.infer<typeof dispatchRecorded>;

/** `dispatch.status`: SvarUt's status for a forsendelse, recorded when it changed. */
export const dispatchStatus = z.strictObject({
  forsendelseId: uuid,
  status: z.enum(SVARUT_STATUSES),
  /** SvarUt's `sisteStatusEndring` (ISO 8601), or when Bro asked. */
  changed: z.string().max(40),
});
export type DispatchStatus = z.infer<typeof dispatchStatus>;
