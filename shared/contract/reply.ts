import { z } from 'zod';
import type { ErrorCode } from '../errors';
import { pdfBase64 } from './letters';

const errors = (...codes: ErrorCode[]) => codes;

/**
 * The school's answer as a filled-in form (issue 19 item 3), spread into `contract` in ./index.ts;
 * the handler is electron/services/letters/reply.ts, the rule shared/letters/replyForm.ts.
 */
export const replyOps = {
  /**
   * Reads the returned PDF of an anbefaling (or sakkyndig vurdering) whose reply page the school
   * filled in: checks that this vault issued the letter (the letter id, its content hash and the
   * member key that signed it) and that nothing but the form changed after signing, then records
   * each ticked answer as the school's answer on its recommendation, which closes the «svar fra
   * skolen» task. Anything else is refused with VALIDATION and an issue code REPLY_* at `pdf`
   * (`detail.changes` lists the changes after signing with their pages); nothing is recorded.
   * The same answers a second time record nothing (`recorded` is empty).
   */
  'reply.import': {
    // The file's bytes (the CLI reads the file; the app a chosen or dropped file), as letters.verify.
    input: z.strictObject({ pdf: pdfBase64 }),
    output: z.object({
      caseId: z.string(),
      letterId: z.string(),
      kind: z.string(),
      recorded: z.array(
        z.object({ recommendationId: z.string(), n: z.number(), answer: z.string(), date: z.string() }),
      ),
      unchanged: z.number(),
    }),
    errors: errors('VAULT_LOCKED', 'NOT_FOUND', 'NOT_A_LETTER', 'TAMPERED', 'VALIDATION', 'IO'),
  },
} as const;
