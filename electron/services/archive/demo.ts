import { createHash } from 'node:crypto';
import { archiveReceipt, type ArchiveReceipt } from '../../../shared/archive/receipt';
import { dispatchRecorded, dispatchStatus, type SvarUtStatus } from '../../../shared/dispatch/events';
import type { Attachment } from '../../../shared/attachments/document';
import type { NewEvent } from '../../../shared/events/vocabulary';
import type { IssuedLetter } from '../../../shared/letters/events';
import type { Vault } from '../vault/vault';

/** A stable UUID from a text (the demo's SvarUt and archive ids): the same demo, the same ids. */
function demoUuid(text: string): string {
  const h = createHash('sha256').update(`bro-demo:${text}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The day after a date (ISO), at 10:00 UTC: when the demo's archive and SvarUt answered. */
const dayAfter = (date: string, days = 1): string =>
  new Date(Date.parse(`${date}T10:00:00.000Z`) + days * 86_400_000).toISOString();

/**
 * `bro demo` and the app's demo vault: what the municipality's archive and SvarUt answered, so a
 * new user finds each state with data in it (issue 19):
 * - the first closed case with letters is filed whole: the case's saksnummer, a journalpost per
 *   letter and per received document (so it can be deleted by the retention rule);
 * - an open case with letters (one with two or more if the first cases have one) is filed in part
 *   (the case and its first letter), its first letter sent to the school through SvarUt and read
 *   there, and its second, if any, written as a package for the family to be printed.
 * The events are the ones `bro archive receipt` and `bro dispatch` record (checked against their
 * schemas here), written directly: the demo has no archive to answer and no SvarUt account, and
 * reading a kvittering in needs xmllint, which an app user may not have. A vault that already has
 * a receipt or a dispatch in those cases is left alone, so a rerun adds nothing. Returns the cases
 * changed.
 */
export async function addDemoArchive(vault: Vault, today: string): Promise<number> {
  const { cases } = await vault.listCases();
  type Pick = { caseId: string; letters: IssuedLetter[]; attachments: Attachment[] };
  let whole: Pick | null = null;
  let part: Pick | null = null;
  let partOne: Pick | null = null;
  // The first few cases in order are enough (a large demo is not folded whole for this).
  let looked = 0;
  for (const c of [...cases].sort((a, b) => (a.externalId < b.externalId ? -1 : 1))) {
    if ((whole && part) || looked >= 60) break;
    if (c.restricted || c.denied || c.status === 'new') continue;
    looked++;
    const state = await vault.fold(c.caseId);
    if (!state.opened || state.voided) continue;
    const events = await vault.readCase(c.caseId);
    // Already answered (a rerun): nothing is added.
    if (events.some((e) => e.type === 'archive.receipt' || e.type === 'dispatch.recorded')) return 0;
    const letters = state.letters.filter((l) => l.date <= today);
    const pick = { caseId: c.caseId, letters, attachments: state.attachments };
    if (c.status === 'closed' && letters.length > 0) whole ??= pick;
    else if (c.status === 'open' && letters.length > 1) part ??= pick;
    else if (c.status === 'open' && letters.length === 1) partOne ??= pick;
  }
  part ??= partOne;
  const year = Number(today.slice(0, 4));
  let journal = 5000;
  let changed = 0;
  for (const [p, closed] of [
    [whole, true],
    [part, false],
  ] as const) {
    if (!p) continue;
    const systemID = (what: string) => demoUuid(`${p.caseId}:${what}`);
    const receipts: ArchiveReceipt[] = [
      { of: 'case', systemID: systemID('sak'), saksaar: year, sakssekvensnummer: 100 + changed },
    ];
    const filed = closed ? p.letters : p.letters.slice(0, 1);
    filed.forEach((l, i) =>
      receipts.push({
        of: 'letter',
        letterId: l.letterId,
        systemID: systemID(l.letterId),
        journalaar: Number(l.date.slice(0, 4)),
        journalsekvensnummer: journal++,
        journalpostnummer: i + 1,
      }),
    );
    if (closed)
      p.attachments.forEach((a, i) =>
        receipts.push({
          of: 'document',
          attachmentId: a.attachmentId,
          systemID: systemID(a.attachmentId),
          journalaar: Number(a.received.slice(0, 4)),
          journalsekvensnummer: journal++,
          journalpostnummer: filed.length + i + 1,
        }),
      );
    const out: NewEvent[] = receipts.map((r) => ({ type: 'archive.receipt', data: archiveReceipt.parse(r) }));
    if (!closed) {
      const [first, second] = p.letters;
      const forsendelseId = demoUuid(`${first!.letterId}:svarut`);
      out.push({
        type: 'dispatch.recorded',
        data: dispatchRecorded.parse({
          letterId: first!.letterId,
          channel: 'svarut',
          to: 'skole',
          endpoint: 'organisasjon',
          forsendelseId,
          eksternReferanse: `bro-brev-${first!.letterId}`,
          at: dayAfter(first!.date, 0),
        }),
      });
      const seen: [SvarUtStatus, number][] = [
        ['MOTTATT', 0],
        ['LEVERT_ALTINN', 1],
        ['LEST', 2],
      ];
      for (const [status, days] of seen)
        if (dayAfter(first!.date, days).slice(0, 10) <= today)
          out.push({
            type: 'dispatch.status',
            data: dispatchStatus.parse({ forsendelseId, status, changed: dayAfter(first!.date, days) }),
          });
      if (second)
        out.push({
          type: 'dispatch.recorded',
          data: dispatchRecorded.parse({
            letterId: second.letterId,
            channel: 'package',
            to: 'foresatte',
            endpoint: 'print',
            forsendelseId: null,
            eksternReferanse: `bro-brev-${second.letterId}`,
            at: dayAfter(second.date, 0),
          }),
        });
    }
    await vault.append(p.caseId, out);
    changed++;
  }
  return changed;
}
