import type { StoredEvent } from '../../../shared/events/vocabulary';
import { letterPdf } from '../../../shared/letters/events';
import type { Vault } from '../vault/vault';

/**
 * The issued letters' PDFs kept in a case, by letter id: from their blobs (format 3), or from
 * inside the `letters.pdf` event (a case written before, that the migration could not move).
 * `only`: read that letter's PDF alone. A missing or changed blob throws TAMPERED naming its file.
 */
export async function storedLetterPdfs(
  vault: Vault,
  caseId: string,
  events: readonly StoredEvent[],
  only?: string,
): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of events) {
    if (e.type !== 'letters.pdf') continue;
    const p = letterPdf.safeParse(e.data);
    if (!p.success || (only !== undefined && p.data.letterId !== only)) continue;
    out.set(
      p.data.letterId,
      'blob' in p.data ? await vault.readBlob(caseId, p.data.blob) : Buffer.from(p.data.pdf, 'base64'),
    );
  }
  return out;
}
