import { z } from 'zod';

/**
 * A blob reference (docs/VAULT-FORMAT.md §9.7): a large file (an issued letter's PDF, a received
 * document) kept beside a case's events in `cases/<caseId>/blobs/`, named from its content. An
 * event holds the reference, not the bytes, so reading a case never reads its files.
 */

/** The largest blob Bro writes: 30 MiB (a scanned report of some 60 pages; a letter is 0.1–0.2 MB). */
export const BLOB_MAX_BYTES = 30 * 1024 * 1024;

export const blobRef = z.strictObject({
  /** SHA-256 of the file's bytes, lowercase hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/u),
  /** The file's length in bytes. */
  size: z.number().int().min(1).max(BLOB_MAX_BYTES),
});
export type BlobRef = z.infer<typeof blobRef>;

/** The blob a payload refers to: its top-level `blob` field, when that is a reference. */
export function blobRefOf(data: unknown): BlobRef | null {
  if (typeof data !== 'object' || data === null) return null;
  const r = blobRef.safeParse((data as { blob?: unknown }).blob);
  return r.success ? r.data : null;
}
