import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES, DOCUMENT_TYPE_NAMES } from '../attachments/document';
import { isoDate, text } from '../domain/common';
import type { ErrorCode } from '../errors';

const errors = (...codes: ErrorCode[]) => codes;
/** Base64 of at most ATTACHMENT_MAX_BYTES (4/3 of it, rounded up to whole groups), plus one byte so "too large" is the rule's answer. */
const MAX_B64 = Math.ceil((ATTACHMENT_MAX_BYTES + 3) / 3) * 4;

/**
 * Received documents (issue 19 item 0), spread into `contract` in ./index.ts; the handlers are in
 * electron/services/attachments. The file moves as bytes (base64), never as a path, so the app and
 * the CLI use the same operation; the type is read from the bytes (shared/attachments/document.ts).
 */
export const attachmentOps = {
  /**
   * Attaches a received document (PDF, Word, image) to a case: kept encrypted as a blob, recorded
   * by an `attachments.added` event, listed in the timeline. `originalName` only gives the default
   * title; it is not stored and never logged. Not a document Bro keeps, empty or too large:
   * VALIDATION with ATTACHMENT_TYPE / ATTACHMENT_EMPTY / ATTACHMENT_TOO_LARGE at `data`, nothing written.
   */
  'attachments.add': {
    input: z.strictObject({
      caseId: z.string().min(1).max(200),
      data: z
        .string()
        .max(MAX_B64)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/u),
      title: text(200).optional(),
      /** When the service received it (default today; not after today). */
      received: isoDate.optional(),
      /** The file's own name (no folder), for the default title only. */
      originalName: z.string().max(1000).optional(),
    }),
    output: z.object({
      caseId: z.string(),
      attachmentId: z.string(),
      title: z.string(),
      received: z.string(),
      type: z.enum(DOCUMENT_TYPE_NAMES as [string, ...string[]]),
      mediaType: z.string(),
      bytes: z.number(),
      /** The same file was already attached to this case: nothing new was recorded, this is that one. */
      duplicate: z.boolean(),
    }),
    errors: errors('VAULT_LOCKED', 'NOT_FOUND', 'RESTRICTED', 'TAMPERED', 'VALIDATION', 'IO'),
  },
  /** One attached document's bytes (base64), for viewing or saving; the read is in the access log. */
  'attachments.get': {
    input: z.strictObject({
      caseId: z.string().min(1).max(200),
      attachmentId: z.string().regex(/^[a-z2-7]{26}$/u),
    }),
    output: z.object({
      attachmentId: z.string(),
      title: z.string(),
      received: z.string(),
      type: z.string(),
      mediaType: z.string(),
      /** A name to save it under, with no title in it (titles may name the pupil). */
      fileName: z.string(),
      data: z.string(),
    }),
    errors: errors('VAULT_LOCKED', 'NOT_FOUND', 'RESTRICTED', 'TAMPERED', 'VALIDATION', 'IO'),
  },
} as const;
