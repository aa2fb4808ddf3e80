import { z } from 'zod';
import { BLOB_MAX_BYTES, blobRef } from '../blobs/ref';
import { isoDate, text } from '../domain/common';

/**
 * Received documents (issue 19 item 0): the referral form, the school's pedagogisk rapport, a
 * report from another service, attached to a case as PDF, Word or image files. One rule for what
 * Bro accepts, called by the app, the API and `bro attach`: the file's type is read from its first
 * bytes (its "magic"), never from its name or a stated type, and its size is bounded.
 */

/** The largest document Bro takes: 20 MiB (a scanned report of some 40 pages). */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
// The limit must fit in a blob (shared/blobs/ref.ts).
if (ATTACHMENT_MAX_BYTES > BLOB_MAX_BYTES) throw new Error('ATTACHMENT_MAX_BYTES > BLOB_MAX_BYTES');

/** The document types Bro keeps, with the media type and file extension it saves them under. */
export const DOCUMENT_TYPES = {
  pdf: { mediaType: 'application/pdf', ext: 'pdf' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: 'docx',
  },
  doc: { mediaType: 'application/msword', ext: 'doc' },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', ext: 'odt' },
  rtf: { mediaType: 'application/rtf', ext: 'rtf' },
  png: { mediaType: 'image/png', ext: 'png' },
  jpeg: { mediaType: 'image/jpeg', ext: 'jpg' },
  tiff: { mediaType: 'image/tiff', ext: 'tif' },
  heic: { mediaType: 'image/heic', ext: 'heic' },
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;
export const DOCUMENT_TYPE_NAMES = Object.keys(DOCUMENT_TYPES) as DocumentType[];

const starts = (b: Uint8Array, sig: readonly number[], at = 0) =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Whether the bytes contain this ASCII text (a ZIP's entry names are stored as they are). */
function contains(b: Uint8Array, s: string): boolean {
  const needle = ascii(s);
  const first = needle[0]!;
  outer: for (
    let i = b.indexOf(first);
    i !== -1 && i + needle.length <= b.length;
    i = b.indexOf(first, i + 1)
  ) {
    for (let j = 1; j < needle.length; j++) if (b[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The document type from the file's first bytes, or null when it is none Bro keeps. A ZIP is a
 * Word file only with `word/document.xml` and `[Content_Types].xml` in it, and an OpenDocument text
 * only when its first entry is `mimetype` saying so; any other ZIP (or a renamed program) is refused.
 */
export function documentType(b: Uint8Array): DocumentType | null {
  if (starts(b, ascii('%PDF-'))) return 'pdf';
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(b, [0x49, 0x49, 0x2a, 0x00]) || starts(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (starts(b, ascii('ftyp'), 4) && ['heic', 'heix', 'mif1', 'heif'].some((t) => starts(b, ascii(t), 8)))
    return 'heic';
  if (starts(b, ascii('{\\rtf'))) return 'rtf';
  if (starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  if (starts(b, [0x50, 0x4b, 0x03, 0x04])) {
    if (starts(b, ascii('mimetypeapplication/vnd.oasis.opendocument.text'), 30)) return 'odt';
    if (contains(b, 'word/document.xml') && contains(b, '[Content_Types].xml')) return 'docx';
  }
  return null;
}

/**
 * The rule: what is wrong with a file offered as a document (issue codes, at `path`), or its type.
 * ATTACHMENT_EMPTY, ATTACHMENT_TOO_LARGE (limit in MiB), ATTACHMENT_TYPE.
 */
export function checkDocument(
  bytes: Uint8Array,
  path: (string | number)[] = ['file'],
):
  | { ok: true; type: DocumentType }
  | { ok: false; issue: { path: (string | number)[]; code: string; limit?: string } } {
  if (bytes.length === 0) return { ok: false, issue: { path, code: 'ATTACHMENT_EMPTY' } };
  if (bytes.length > ATTACHMENT_MAX_BYTES)
    return {
      ok: false,
      issue: { path, code: 'ATTACHMENT_TOO_LARGE', limit: String(ATTACHMENT_MAX_BYTES / 1024 / 1024) },
    };
  const type = documentType(bytes);
  if (!type) return { ok: false, issue: { path, code: 'ATTACHMENT_TYPE' } };
  return { ok: true, type };
}

/** The title a document gets from its file name when none is given: the name without its extension. */
export function titleFromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const t = base.replace(/\.[^.]{1,5}$/u, '').trim();
  return t.slice(0, 200) || 'Dokument';
}

/**
 * `attachments.added`: a received document was attached to the case. The file itself is a blob
 * (docs/VAULT-FORMAT.md §9.7); the event holds its reference, its type and what the caseworker
 * called it. The file's own name is not kept (it often names the pupil, and it is no record).
 */
export const attachmentAdded = z.strictObject({
  attachmentId: z.string().regex(/^[a-z2-7]{26}$/u),
  title: text(200),
  /** When the service received it. */
  received: isoDate,
  type: z.enum(DOCUMENT_TYPE_NAMES as [DocumentType, ...DocumentType[]]),
  blob: blobRef,
});
export type AttachmentAdded = z.infer<typeof attachmentAdded>;

/** A document as the fold keeps it: the payload plus who recorded it and when. */
export type Attachment = AttachmentAdded & { eventId: string; at: string; actor: string };

/** The name a document is saved under (no title in it: titles may name the pupil). */
export function attachmentFileName(a: Pick<AttachmentAdded, 'received' | 'type' | 'attachmentId'>): string {
  return `dokument-${a.received}-${a.attachmentId.slice(0, 6)}.${DOCUMENT_TYPES[a.type].ext}`;
}
