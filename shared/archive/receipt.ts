import { z } from 'zod';

/**
 * The payload of the `archive.receipt` event (issue 19): what the archive's kvittering recorded
 * for the case (saksår, sekvensnummer), for one letter, or for one received document (journalår,
 * sekvensnummer, journalpostnummer). A leaf module: the event vocabulary imports it, so it imports
 * nothing of Bro's. `of: 'document'` came later; vaults written before it hold only the other two.
 */
export const archiveReceipt = z.discriminatedUnion('of', [
  z.strictObject({
    of: z.literal('case'),
    systemID: z.string().max(100),
    saksaar: z.number().int().min(1900).max(9999).nullable(),
    sakssekvensnummer: z.number().int().min(0).nullable(),
  }),
  z.strictObject({
    of: z.literal('letter'),
    letterId: z.string().min(1).max(200),
    systemID: z.string().max(100),
    journalaar: z.number().int().min(1900).max(9999),
    journalsekvensnummer: z.number().int().min(0),
    journalpostnummer: z.number().int().min(0),
  }),
  z.strictObject({
    of: z.literal('document'),
    attachmentId: z.string().min(1).max(200),
    systemID: z.string().max(100),
    journalaar: z.number().int().min(1900).max(9999),
    journalsekvensnummer: z.number().int().min(0),
    journalpostnummer: z.number().int().min(0),
  }),
]);
export type ArchiveReceipt = z.infer<typeof archiveReceipt>;

/**
 * The reference a caseworker quotes for a journalpost (a letter or a received document):
 * «2026/123-4», saksår/sakssekvensnummer-journalpostnummer, when the case's numbers are known, else
 * journalår/journalsekvensnummer («2026/5004»). The one formatting for `bro archive status`, the
 * Brev and Dokumenter tabs and the timeline.
 */
export function archiveReference(
  kase: { saksaar: number | null; sakssekvensnummer: number | null } | null,
  r: { journalaar: number; journalsekvensnummer: number; journalpostnummer: number },
): string {
  return kase?.saksaar != null && kase.sakssekvensnummer != null
    ? `${kase.saksaar}/${kase.sakssekvensnummer}-${r.journalpostnummer}`
    : `${r.journalaar}/${r.journalsekvensnummer}`;
}

/** The case's saksnummer in the archive («2026/123»), or null when the kvittering had none. */
export function caseNumber(r: { saksaar: number | null; sakssekvensnummer: number | null }): string | null {
  return r.saksaar != null && r.sakssekvensnummer != null ? `${r.saksaar}/${r.sakssekvensnummer}` : null;
}
