import { caseKeyOf, documentKeyOf, FAGSYSTEM, letterKeyOf } from './arkivmelding';

/**
 * The archive's answer (Fiks Arkiv V1 `arkivmelding.opprett.kvittering`, issue 19 item 1) and what
 * it says about a case: which letters and received documents the archive has filed, under which
 * number. Pure: the handler
 * (electron/services/archive) validates the XML with xmllint against
 * ./fiks-arkiv/no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.kvittering.xsd first, then calls
 * these. `bro letters` and the Brev tab read a letter's status through `archiveStatus` only.
 */

/** One receipt recorded in the case (event `archive.receipt`). */
export { archiveReceipt, archiveReference, caseNumber, type ArchiveReceipt } from './receipt';
import { archiveReference, type ArchiveReceipt } from './receipt';

/** What a kvittering says, before it is matched to a case. */
export interface ParsedKvittering {
  mappe: {
    systemID: string;
    fagsystem: string;
    noekkel: string;
    saksaar: number | null;
    sakssekvensnummer: number | null;
  } | null;
  registrering: {
    systemID: string;
    fagsystem: string;
    noekkel: string;
    journalaar: number;
    journalsekvensnummer: number;
    journalpostnummer: number;
  } | null;
}

/** Typed refusals (BroError VALIDATION `issues[].code`). */
export const RECEIPT_CODES = {
  /** Not a kvittering (no mappeKvittering/registreringKvittering, or a -Feilet answer). */
  empty: 'ARCHIVE_RECEIPT_EMPTY',
  /** A key this vault never sent (wrong fagsystem, unknown case or letter). */
  unknownKey: 'ARCHIVE_RECEIPT_UNKNOWN_KEY',
  /** Fails the Fiks Arkiv kvittering schema (or is not XML). */
  invalid: 'ARCHIVE_RECEIPT_INVALID',
  /** The journalpost's answer has no journalpost numbers (a plain registrering). */
  noNumbers: 'ARCHIVE_RECEIPT_NO_NUMBERS',
} as const;

const unescape = (s: string) =>
  s
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&');

/** The text of the first element named `local` (any prefix) inside `xml`, or null. */
function first(xml: string, local: string): string | null {
  const m = new RegExp(
    `<(?:[A-Za-z_][\\w.-]*:)?${local}(?:\\s[^>]*)?>([^<]*)</(?:[A-Za-z_][\\w.-]*:)?${local}>`,
    'u',
  ).exec(xml);
  return m ? unescape(m[1]!.trim()) : null;
}
/** The whole element named `local` (any prefix), or null. */
function block(xml: string, local: string): string | null {
  const m = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?${local})(?:\\s[^>]*)?>[\\s\\S]*?</\\1>`, 'u').exec(xml);
  return m ? m[0] : null;
}
const int = (s: string | null) => (s === null || !/^-?\d+$/u.test(s) ? null : Number(s));

/** The receipt's own top-level systemID (not a dokumentbeskrivelse's). */
function ownSystemId(b: string): string {
  const inner = b.replace(/<((?:[A-Za-z_][\w.-]*:)?dokumentbeskrivelseKvittering)[\s\S]*?<\/\1>/gu, '');
  return first(inner, 'systemID') ?? '';
}

/**
 * Reads a kvittering that xmllint has already found valid. The schema fixes the shape, so a
 * plain reading of named elements is exact here; a -Feilet answer yields no part.
 */
export function parseKvittering(xml: string): ParsedKvittering {
  const m = block(xml, 'mappeKvittering');
  const r = block(xml, 'registreringKvittering');
  const key = (b: string) => {
    const k = block(b, 'referanseEksternNoekkel');
    return {
      fagsystem: k ? (first(k, 'fagsystem') ?? '') : '',
      noekkel: k ? (first(k, 'noekkel') ?? '') : '',
    };
  };
  return {
    mappe: m
      ? {
          systemID: ownSystemId(m),
          ...key(m),
          saksaar: int(first(m, 'saksaar')),
          sakssekvensnummer: int(first(m, 'sakssekvensnummer')),
        }
      : null,
    registrering: r
      ? {
          systemID: ownSystemId(r),
          ...key(r),
          journalaar: int(first(r, 'journalaar')) ?? NaN,
          journalsekvensnummer: int(first(r, 'journalsekvensnummer')) ?? NaN,
          journalpostnummer: int(first(r, 'journalpostnummer')) ?? NaN,
        }
      : null,
  };
}

/**
 * The rule: a kvittering becomes receipts for one case only if every key in it is one this vault
 * wrote (`bro archive`: fagsystem Bro, `bro-sak-<case id>` / `bro-brev-<letter id>` /
 * `bro-dok-<attachment id>`) for that case, its letters and its received documents. Returns the
 * receipts, or the refusal code. Nothing is recorded otherwise.
 */
export function matchKvittering(
  k: ParsedKvittering,
  kase: { caseId: string; letterIds: readonly string[]; attachmentIds?: readonly string[] },
): { ok: true; receipts: ArchiveReceipt[] } | { ok: false; code: string } {
  if (!k.mappe && !k.registrering) return { ok: false, code: RECEIPT_CODES.empty };
  const receipts: ArchiveReceipt[] = [];
  if (k.mappe) {
    if (k.mappe.fagsystem !== FAGSYSTEM || k.mappe.noekkel !== caseKeyOf(kase.caseId))
      return { ok: false, code: RECEIPT_CODES.unknownKey };
    receipts.push({
      of: 'case',
      systemID: k.mappe.systemID,
      saksaar: k.mappe.saksaar,
      sakssekvensnummer: k.mappe.sakssekvensnummer,
    });
  }
  if (k.registrering) {
    const r = k.registrering;
    const letterId = kase.letterIds.find((id) => letterKeyOf(id) === r.noekkel);
    const attachmentId =
      letterId === undefined
        ? (kase.attachmentIds ?? []).find((id) => documentKeyOf(id) === r.noekkel)
        : undefined;
    if (r.fagsystem !== FAGSYSTEM || (letterId === undefined && attachmentId === undefined))
      return { ok: false, code: RECEIPT_CODES.unknownKey };
    if (![r.journalaar, r.journalsekvensnummer, r.journalpostnummer].every(Number.isInteger))
      return { ok: false, code: RECEIPT_CODES.noNumbers };
    const numbers = {
      systemID: r.systemID,
      journalaar: r.journalaar,
      journalsekvensnummer: r.journalsekvensnummer,
      journalpostnummer: r.journalpostnummer,
    };
    receipts.push(
      letterId !== undefined
        ? { of: 'letter', letterId, ...numbers }
        : { of: 'document', attachmentId: attachmentId!, ...numbers },
    );
  }
  return { ok: true, receipts };
}

/** The vault case id a kvittering names (its saksmappe key), or null. */
export function caseIdOfKey(noekkel: string): string | null {
  return noekkel.startsWith('bro-sak-') ? noekkel.slice('bro-sak-'.length) : null;
}
/** The letter id a kvittering names (its journalpost key), or null. */
export function letterIdOfKey(noekkel: string): string | null {
  return noekkel.startsWith('bro-brev-') ? noekkel.slice('bro-brev-'.length) : null;
}
/** The received document's attachment id a kvittering names (its incoming journalpost key), or null. */
export function attachmentIdOfKey(noekkel: string): string | null {
  return noekkel.startsWith('bro-dok-') ? noekkel.slice('bro-dok-'.length) : null;
}

export interface LetterArchiveStatus {
  letterId: string;
  archived: boolean;
  /** «2026/123-4»: saksår/sakssekvensnummer-journalpostnummer when the case's numbers are known, else journalår/journalsekvensnummer. */
  reference: string | null;
}
export interface DocumentArchiveStatus {
  attachmentId: string;
  archived: boolean;
  /** As for a letter: «2026/123-4», or journalår/journalsekvensnummer without the case's numbers. */
  reference: string | null;
}
export interface CaseArchiveStatus {
  case: { saksaar: number | null; sakssekvensnummer: number | null } | null;
  letters: LetterArchiveStatus[];
  /**
   * Every issued letter has an archive reference (and there is at least one). About letters only:
   * the received documents are `documentsMissing`, and whether the case may be deleted is
   * `archiveBeforeDelete`, which reads both.
   */
  complete: boolean;
  /** The issued letters the archive lacks (what `archiveBeforeDelete` names). */
  missing: string[];
  /** Each received document (issue 19 item 0) archived or not. */
  documents: DocumentArchiveStatus[];
  /** The received documents the archive lacks. */
  documentsMissing: string[];
}

/** Whether two receipts say the same (a second identical kvittering records nothing). */
export function sameReceipt(a: ArchiveReceipt, b: ArchiveReceipt): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

type Journalpost = Extract<ArchiveReceipt, { of: 'letter' | 'document' }>;

/**
 * The case's archive status from its recorded receipts (latest wins), its issued letters and its
 * received documents. The one place `bro letters`, the Brev and Dokumenter tabs, `bro archive
 * status` and the retention rule read it. `complete` and `missing` are about letters only (the
 * retention rule, issue 19 item 4); the documents have their own list.
 */
export function archiveStatus(
  receipts: readonly ArchiveReceipt[],
  letterIds: readonly string[],
  attachmentIds: readonly string[] = [],
): CaseArchiveStatus {
  let kase: CaseArchiveStatus['case'] = null;
  const byLetter = new Map<string, Journalpost>();
  const byDocument = new Map<string, Journalpost>();
  for (const r of receipts) {
    if (r.of === 'case') kase = { saksaar: r.saksaar, sakssekvensnummer: r.sakssekvensnummer };
    else if (r.of === 'letter') byLetter.set(r.letterId, r);
    else byDocument.set(r.attachmentId, r);
  }
  const referenceOf = (r: Journalpost | undefined): string | null => (r ? archiveReference(kase, r) : null);
  const letters = letterIds.map((letterId) => {
    const reference = referenceOf(byLetter.get(letterId));
    return { letterId, archived: reference !== null, reference };
  });
  const documents = attachmentIds.map((attachmentId) => {
    const reference = referenceOf(byDocument.get(attachmentId));
    return { attachmentId, archived: reference !== null, reference };
  });
  const missing = letters.filter((l) => !l.archived).map((l) => l.letterId);
  return {
    case: kase,
    letters,
    complete: letters.length > 0 && missing.length === 0,
    missing,
    documents,
    documentsMissing: documents.filter((d) => !d.archived).map((d) => d.attachmentId),
  };
}

/** Whether two receipts are about the same thing (the case, one letter, one document). */
export function sameSubject(a: ArchiveReceipt, b: ArchiveReceipt): boolean {
  if (a.of === 'case' || b.of === 'case') return a.of === b.of;
  if (a.of === 'letter') return b.of === 'letter' && a.letterId === b.letterId;
  return b.of === 'document' && a.attachmentId === b.attachmentId;
}

/** The typed issue of a refused deletion (BroError VALIDATION `issues[].code`). */
export const NOT_ARCHIVED = 'NOT_ARCHIVED';
/** One thing the archive lacks: `['letters', letterId]` or `['documents', attachmentId]`. */
export interface NotArchivedIssue {
  path: string[];
  code: typeof NOT_ARCHIVED;
}

/**
 * Archive, then delete (issue 19 item 4): the working copy of a case may go once the archive has
 * filed every letter the case issued and every document it received (`bro attach`, filed as an
 * incoming journalpost); until then, each letter the archive lacks is one issue
 * (`path: ['letters', letterId]`), then each received document it lacks
 * (`path: ['documents', attachmentId]`). A case with neither has nothing of Bro's to archive.
 * The one rule `cases.delete`, `bro case delete` and the delete dialog use.
 */
export function archiveBeforeDelete(status: CaseArchiveStatus): NotArchivedIssue[] {
  const issue = (part: 'letters' | 'documents', id: string): NotArchivedIssue => ({
    path: [part, id],
    code: NOT_ARCHIVED,
  });
  return [
    ...status.missing.map((letterId) => issue('letters', letterId)),
    ...status.documentsMissing.map((attachmentId) => issue('documents', attachmentId)),
  ];
}
