import { z } from 'zod';
import type { ErrorCode } from '../errors';

const errors = (...codes: ErrorCode[]) => codes;

/**
 * The archive package (issue 19 item 1), spread into `contract` in ./index.ts; the handler is in
 * electron/services/archive. docs/ARCHIVE-DISPATCH.md describes the package.
 */
export const archiveOps = {
  /**
   * Fiks Arkiv V1 arkivmelding opprett for a case: one message for its saksmappe, one per issued
   * letter (journalpost U with the letter's PDF/A). Written to `out` (the CLI: a folder, or a .zip
   * when it ends so) or returned as `zip` (base64; the app saves it where the user chooses).
   */
  'archive.make': {
    input: z.strictObject({
      caseId: z.string().min(1).max(200),
      out: z.string().min(1).max(4096).optional(),
    }),
    output: z.object({
      file: z.string().nullable(),
      zip: z.string().optional(),
      caseId: z.string(),
      messages: z.array(
        z.object({
          folder: z.string(),
          key: z.string(),
          letterId: z.string().nullable(),
          /** A received document filed as an incoming journalpost (issue 19 item 0). */
          attachmentId: z.string().optional(),
          files: z.array(z.string()),
        }),
      ),
      bytes: z.number(),
    }),
    errors: errors('VAULT_LOCKED', 'NOT_FOUND', 'TAMPERED', 'VALIDATION', 'IO'),
  },
  /**
   * The archive's kvittering (Fiks Arkiv V1 arkivmelding.opprett.kvittering) for one message of a
   * package `archive.make` wrote: validated against the schema, matched by referanseEksternNoekkel to
   * the case, its letters and its received documents, and recorded. Unknown keys or invalid XML: VALIDATION, nothing recorded.
   * A second identical kvittering records nothing (`recorded: 0`).
   */
  'archive.receipt': {
    input: z.strictObject({ xml: z.string().min(1).max(1_000_000) }),
    output: z.object({
      caseId: z.string(),
      recorded: z.number(),
      receipts: z.array(
        z.object({
          of: z.enum(['case', 'letter', 'document']),
          letterId: z.string().optional(),
          /** `of: 'document'`: the received document's id (issue 19 item 0). */
          attachmentId: z.string().optional(),
          reference: z.string(),
        }),
      ),
    }),
    errors: errors('VAULT_LOCKED', 'NOT_FOUND', 'TAMPERED', 'VALIDATION', 'IO'),
  },
  /**
   * The case's archive status: each issued letter and each received document archived (with its
   * reference) or not. `complete`/`missing` are about letters (the retention rule); the documents
   * the archive lacks are `documentsMissing`.
   */
  'archive.status': {
    input: z.strictObject({ caseId: z.string().min(1).max(200) }),
    output: z.object({
      caseId: z.string(),
      complete: z.boolean(),
      case: z.object({ saksaar: z.number().nullable(), sakssekvensnummer: z.number().nullable() }).nullable(),
      letters: z.array(
        z.object({ letterId: z.string(), archived: z.boolean(), reference: z.string().nullable() }),
      ),
      missing: z.array(z.string()),
      documents: z.array(
        z.object({
          attachmentId: z.string(),
          archived: z.boolean(),
          reference: z.string().nullable(),
          /** The file's type (pdf, docx, jpg, png) and the day it was received: no title, no name. */
          type: z.string().optional(),
          received: z.string().optional(),
        }),
      ),
      documentsMissing: z.array(z.string()),
    }),
    errors: errors('VAULT_LOCKED', 'NOT_FOUND', 'TAMPERED'),
  },
} as const;
