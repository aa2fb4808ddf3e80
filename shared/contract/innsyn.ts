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
    }),
    errors: errors('VAULT_LOCKED', 'NOT_FOUND', 'TAMPERED', 'VALIDATION', 'FONT_MISSING', 'IO'),
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
        }),
      ),
      total: z.number(),
    }),
    errors: errors('VAULT_LOCKED', 'NOT_FOUND', 'IO'),
  },
} as const;
