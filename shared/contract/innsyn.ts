import { z } from 'zod';
import type { ErrorCode } from '../errors';
import { ACCESS_KINDS } from '../audit/actions';
import { vaultId } from '../events/vocabulary';

const errors = (...codes: ErrorCode[]) => codes;
const caseRef = z.string().min(1).max(200);
// SECURITY: any adapter can call this; the file Bro writes must look like what it is (a PDF).
const pdfOut = z
  .string()
  .min(1)
  .max(4096)
  .regex(/\.pdf$/iu, { message: 'PDF_EXTENSION' });

/**
 * Innsyn and the access log (issue 14 items 5 and 6), spread into `contract` in ./index.ts. The
 * handlers are in electron/services/innsyn.
 */
export const innsynOps = {
  /**
   * The innsyn file: the whole case in date order as one PDF/A-3b, every issued letter attached,
   * withheld items listed with their legal basis, the case's access log. Written to `out` (the CLI)
   * or returned as `pdf` (base64; the app saves it where the user chooses). `answer`: record the
   * request (`request`, else the oldest open one) as answered today, which closes its task.
   */
  'innsyn.make': {
    input: z.strictObject({
      caseId: caseRef,
      out: pdfOut.optional(),
      lang: z.enum(['nb', 'nn']).default('nb'),
      request: vaultId.optional(),
      answer: z.boolean().default(false),
      /**
       * Who gets the file (issue 14 item 8). Missing, or a party (the parents, a guardian named in
       * the case, the pupil): no consent needed. Anyone else needs a valid consent in the register
       * or `legalBasis`, else CONSENT_MISSING naming the recipient, and nothing is written.
       */
      to: z.string().trim().min(1).max(200).optional(),
      legalBasis: z.string().trim().min(1).max(2000).optional(),
    }),
    output: z.object({
      file: z.string().nullable(),
      pdf: z.string().optional(),
      caseId: z.string(),
      pages: z.number(),
      bytes: z.number(),
      entries: z.number(),
      letters: z.array(z.object({ name: z.string(), letterId: z.string() })),
      withheld: z.array(
        z.object({
          date: z.string().nullable(),
          what: z.string(),
          basis: z.string(),
          path: z.array(z.union([z.string(), z.number()])),
        }),
      ),
      answered: z.object({ key: z.string(), date: z.string() }).nullable(),
      /** Whom it went to (role, never a name) and on what basis; null: to the parties, not named. */
      sharing: z
        .object({ role: z.string(), basis: z.enum(['consent', 'legal', 'party']) })
        .nullable()
        .optional(),
    }),
    errors: errors(
      'VAULT_LOCKED',
      'NOT_FOUND',
      'TAMPERED',
      'VALIDATION',
      'CONSENT_MISSING',
      'FONT_MISSING',
      'IO',
    ),
  },
  /**
   * The access log: who (by member name) opened, changed, issued, exported, shared or deleted what
   * and when, newest first. `caseId` keeps one case's lines. Holds case ids, never a pupil's data.
   */
  'audit.list': {
    input: z.strictObject({
      caseId: caseRef.optional(),
      kinds: z.array(z.enum(ACCESS_KINDS)).max(ACCESS_KINDS.length).optional(),
      limit: z.number().int().min(1).max(100_000).optional(),
    }),
    output: z.object({
      entries: z.array(
        z.object({
          at: z.string(),
          actor: z.string(),
          name: z.string().nullable(),
          action: z.string(),
          kind: z.enum(ACCESS_KINDS),
          caseIds: z.array(z.string()),
          /** A sharing: the recipient's role (never a name) and the basis it went on. */
          to: z.string().optional(),
          basis: z.string().optional(),
          /** A deleted case: the reason given when deleting. */
          reason: z.string().optional(),
        }),
      ),
      total: z.number(),
    }),
    errors: errors('VAULT_LOCKED', 'NOT_FOUND', 'IO'),
  },
} as const;
