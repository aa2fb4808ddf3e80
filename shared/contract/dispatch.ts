import { z } from 'zod';
import type { ErrorCode } from '../errors';
import { RECIPIENTS } from '../letters/options';
import { LETTER_KINDS } from '../letters/kinds';
import { DISPATCH_TO, SVARUT_ENDPOINTS, SVARUT_STATUSES } from '../dispatch/events';

const errors = (...codes: ErrorCode[]) => codes;

const dispatchState = z.object({
  state: z.enum(['none', 'package', 'sent']),
  to: z.enum(DISPATCH_TO).nullable(),
  forsendelseId: z.string().nullable(),
  status: z.enum(SVARUT_STATUSES).nullable(),
  at: z.string().nullable(),
  /** Norwegian: «Ikke sendt», «Sendt med SvarUt: levert i Altinn», … */
  text: z.string(),
});

/**
 * Dispatch through KS SvarUt (issue 19 item 2), spread into `contract` in ./index.ts; the handler is
 * in electron/services/dispatch. docs/ARCHIVE-DISPATCH.md («Dispatch») describes the forsendelse.
 */
export const dispatchOps = {
  /**
   * A case's issued letters: `ref` as printed on the letter («Vår referanse»), kind, date,
   * recipients, archive status (shared/archive/status.ts) and dispatch status (shared/dispatch).
   */
  'letters.list': {
    input: z.strictObject({ caseId: z.string().min(1).max(200) }),
    output: z.object({
      caseId: z.string(),
      letters: z.array(
        z.object({
          letterId: z.string(),
          ref: z.string(),
          kind: z.enum(LETTER_KINDS),
          date: z.string(),
          issuedAt: z.string(),
          stored: z.boolean(),
          recipients: z.array(z.object({ role: z.enum(RECIPIENTS), names: z.array(z.string()) })),
          archive: z.object({ archived: z.boolean(), reference: z.string().nullable() }),
          dispatch: dispatchState,
        }),
      ),
    }),
    errors: errors('VAULT_LOCKED', 'NOT_FOUND', 'TAMPERED'),
  },
  /**
   * Builds the SvarUt forsendelse for one issued letter (`letter`: its ref as printed, or its id)
   * and, with a configured account (settings `svarut`), sends it and records SvarUt's id; without
   * one it writes the package (forsendelse.json, the PDF, LES-MEG.txt) to `out`, or returns it as
   * `zip` (base64) when `out` is omitted (the app saves it). `nationalId` is used for this sending
   * only: never stored, logged or written to a package.
   */
  'dispatch.make': {
    input: z.strictObject({
      caseId: z.string().min(1).max(200),
      letter: z.string().min(1).max(300),
      to: z.enum(DISPATCH_TO),
      /** Which guardian (their name as the case has it); default: the first with parental responsibility. */
      guardian: z.string().min(1).max(200).optional(),
      nationalId: z.string().max(20).optional(),
      address: z
        .strictObject({
          line1: z.string().max(70),
          line2: z.string().max(70).optional(),
          postcode: z.string().max(20),
          place: z.string().max(70),
        })
        .optional(),
      out: z.string().min(1).max(4096).optional(),
      /** false: write the package even when an account is configured. */
      send: z.boolean().optional(),
    }),
    output: z.object({
      caseId: z.string(),
      letterId: z.string(),
      ref: z.string(),
      channel: z.enum(['svarut', 'package']),
      endpoint: z.enum(SVARUT_ENDPOINTS),
      forsendelseId: z.string().nullable(),
      eksternReferanse: z.string(),
      /** The package folder (channel package, with `out`). */
      folder: z.string().nullable(),
      files: z.array(z.string()),
      zip: z.string().optional(),
    }),
    errors: errors('VAULT_LOCKED', 'NOT_FOUND', 'TAMPERED', 'VALIDATION', 'IO'),
  },
  /**
   * Asks SvarUt for the status of the case's sent forsendelser (status/sok) and records what changed.
   * Without an account: the recorded statuses only (`asked: false`).
   */
  'dispatch.status': {
    input: z.strictObject({ caseId: z.string().min(1).max(200) }),
    output: z.object({
      caseId: z.string(),
      asked: z.boolean(),
      changed: z.number(),
      letters: z.array(dispatchState.extend({ letterId: z.string(), ref: z.string() })),
    }),
    errors: errors('VAULT_LOCKED', 'NOT_FOUND', 'TAMPERED', 'IO'),
  },
  /**
   * Keeps the SvarUt integration password in the OS keychain (the Electron app), or forgets it
   * (`password: null`). Where there is no OS keychain it is refused (VALIDATION
   * DISPATCH_NO_KEYCHAIN): the CLI reads BRO_SVARUT_PASSWORD instead. Never written in plain text.
   */
  'dispatch.secret': {
    input: z.strictObject({ password: z.string().min(1).max(500).nullable() }),
    output: z.object({ stored: z.boolean() }),
    errors: errors('VALIDATION', 'IO'),
  },
} as const;
