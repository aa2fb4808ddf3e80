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
   * Reads the returned PDF of an anbefaling, sakkyndig vurdering or oppfølgingsbrev whose reply
   * page the school filled in: checks that this vault issued the letter (the letter id, its content hash and the
   * member key that signed it) and that nothing but the form changed after signing, then records
   * each ticked answer as the school's answer on its recommendation, which closes the «svar fra
   * skolen» task (an oppfølgingsbrev's answers go to the overdue agreements and measures it asked
   * about, and into one journal note: `followUp`). Anything else is refused with VALIDATION and an issue code REPLY_* at `pdf`
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
      /**
       * An oppfølgingsbrev's answer, per item on its reply page (n as printed): what the school
       * answered and what it did to the case (`effect`: `agreement` status or deadline,
       * `schoolAnswer`, `evaluationDate`, or `note` when only the journal note records it and the
       * caseworker must register the rest; shared/letters/followReply.ts). Absent for an anbefaling.
       */
      followUp: z
        .array(
          z.object({
            n: z.number(),
            kind: z.enum(['agreement', 'answer', 'evaluation']),
            what: z.string(),
            answer: z.enum(['utført', 'ny frist', 'kan ikke']),
            date: z.string().nullable(),
            effect: z.enum(['agreement', 'schoolAnswer', 'evaluationDate', 'note']),
            unchanged: z.boolean(),
          }),
        )
        .optional(),
      /** The journal note that records an oppfølgingsbrev's answer word for word, and whether it is new. */
      noteId: z.string().optional(),
      noteAdded: z.boolean().optional(),
    }),
    errors: errors('VAULT_LOCKED', 'NOT_FOUND', 'NOT_A_LETTER', 'TAMPERED', 'VALIDATION', 'IO'),
  },
} as const;
