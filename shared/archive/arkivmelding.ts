import { citeRef, confidentialityRefs } from '../letters/legalRefs';
import type { LetterKind } from '../letters/kinds';
import { NB } from '../letters/texts';

/**
 * Fiks Arkiv V1 "arkivmelding opprett" (issue 19 item 1), built as text from the case. Pure: the
 * handler (electron/services/archive) reads the vault and writes the files.
 *
 * One message per mappe or journalpost (../../../shared/domain/municipal-handoff.md §1.8; the
 * schema allows at most one `mappe` and one `registrering` per message): message 01 holds the
 * case's saksmappe, then one message per issued letter holds its journalpost (type U), tied to the
 * saksmappe by repeating the saksmappe's external key in `referanseForelderMappe` (the inference of
 * §1.5 — a municipality must confirm it with its archive vendor, docs/ARCHIVE-DISPATCH.md).
 *
 * The keys are stable: `bro-sak-<vault case id>` and `bro-brev-<letter id>`, so a second run sends
 * the same keys and the archive can answer "Eksisterende" instead of filing twice.
 */

export const FAGSYSTEM = 'Bro';
const NS = 'https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/v1';
const MDK = 'https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v1';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * The archive's own code for "taushetsbelagt" (Fiks Arkiv has no list for tilgangsrestriksjon,
 * municipal-handoff.md §1.7). "13" is the common Noark practice; the archive vendor confirms it.
 */
export const TILGANGSRESTRIKSJON = { kode: '13', beskrivelse: 'Taushetsplikt' } as const;
/** The archive's format code for the letters (no list in the spec either; vendor confirms). */
export const PDF_FORMAT = { kode: 'RA-PDF', beskrivelse: 'PDF/A - ISO 19005' } as const;

const RECIPIENT_NAME: Record<string, string> = {
  rektor: 'Rektor',
  kontaktlærer: 'Kontaktlærer',
  foresatte: 'Foresatte',
  kommune: 'Kommunen',
};

export interface ArchiveLetter {
  letterId: string;
  kind: LetterKind;
  /** The letter's date (YYYY-MM-DD). */
  date: string;
  /** When it was issued (ISO 8601 time). */
  issuedAt: string;
  recipients: { role: string; names: string[] }[];
  /** The file's name inside its message. */
  file: string;
  bytes: number;
  sha256: string;
}

/** A received document (issue 19 item 0), filed as an incoming journalpost (type I). */
export interface ArchiveDocument {
  attachmentId: string;
  /** The caseworker's title (skjermet with the rest; the public title is generic). */
  title: string;
  /** When the service received it (YYYY-MM-DD). */
  received: string;
  mediaType: string;
  /** The file's name inside its message. */
  file: string;
  bytes: number;
  sha256: string;
}

export interface ArchiveInput {
  /** The vault's case id: the stable key of the saksmappe. */
  caseKey: string;
  /** The case's own reference (e.g. c-0001); in the title, never the pupil's name. */
  caseRef: string;
  service: string;
  letters: ArchiveLetter[];
  /** Received documents attached to the case; none when absent. */
  documents?: ArchiveDocument[];
}

export interface ArchiveMessage {
  /** The message's folder name in the package (01-saksmappe, 02-brev-…). */
  folder: string;
  xml: string;
  /** The letter it files, if any. */
  letterId: string | null;
  /** The received document it files, if any. */
  attachmentId?: string;
  /** The external key (noekkel) of what it creates. */
  key: string;
}

export const caseKeyOf = (caseKey: string) => `bro-sak-${caseKey}`;
export const letterKeyOf = (letterId: string) => `bro-brev-${letterId}`;
export const documentKeyOf = (attachmentId: string) => `bro-dok-${attachmentId}`;
/** The public title of a received document: its own title may name the pupil. */
export const DOCUMENT_PUBLIC_TITLE = 'Mottatt dokument i elevsak';

/** XML text escaping: &, <, > and quotes; control characters (not allowed in XML 1.0) dropped. */
export function xmlText(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu, '')
      .replace(/&/gu, '&amp;')
      .replace(/</gu, '&lt;')
      .replace(/>/gu, '&gt;')
      .replace(/"/gu, '&quot;')
  );
}

const el = (name: string, text: string) => `<${name}>${xmlText(text)}</${name}>`;
const code = (name: string, kode: string, beskrivelse: string) =>
  `<${name}><mdk:kode>${xmlText(kode)}</mdk:kode><mdk:beskrivelse>${xmlText(beskrivelse)}</mdk:beskrivelse></${name}>`;
const key = (name: string, noekkel: string, prefix = '') =>
  `<${prefix}${name}><mdk:fagsystem>${FAGSYSTEM}</mdk:fagsystem><mdk:noekkel>${xmlText(noekkel)}</mdk:noekkel></${prefix}${name}>`;

/** The legal basis for withholding, from the legal table (offentleglova § 13 jf. the duty of confidentiality). */
export function skjermingshjemmel(service: string): string {
  return confidentialityRefs(service)
    .map((r) => citeRef(r, 'nb'))
    .join(' jf. ');
}

function skjerming(service: string): string {
  return `<skjerming>${code('tilgangsrestriksjon', TILGANGSRESTRIKSJON.kode, TILGANGSRESTRIKSJON.beskrivelse)}${el(
    'skjermingshjemmel',
    skjermingshjemmel(service),
  )}</skjerming>`;
}

function wrap(body: string, files: number): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<arkivmelding xmlns="${NS}" xmlns:mdk="${MDK}" xmlns:xsi="${XSI}">`,
    el('system', FAGSYSTEM),
    el('antallFiler', String(files)),
    body,
    '</arkivmelding>',
    '',
  ].join('\n');
}

/** The saksmappe's title: service and case reference, never the pupil's name. */
export function caseTitle(input: Pick<ArchiveInput, 'service' | 'caseRef'>): string {
  return `${input.service} – elevsak ${input.caseRef}`;
}

function saksmappe(input: ArchiveInput): string {
  const title = caseTitle(input);
  return [
    '<mappe xsi:type="saksmappe">',
    el('tittel', title),
    el('offentligTittel', title),
    skjerming(input.service),
    key('referanseEksternNoekkel', caseKeyOf(input.caseKey)),
    code('saksstatus', 'B', 'Under behandling'),
    '</mappe>',
  ].join('\n');
}

function korrespondanseparter(l: ArchiveLetter): string[] {
  const out: string[] = [];
  for (const r of l.recipients) {
    const names = r.names.filter((n) => n.trim() !== '');
    const person = r.role !== 'kommune';
    for (const n of names.length ? names : [RECIPIENT_NAME[r.role] ?? r.role])
      out.push(
        [
          '<korrespondansepart>',
          code('korrespondanseparttype', 'EM', 'Mottaker'),
          el('korrespondansepartNavn', n),
          // A person named in a case about a child is shielded in the public journal.
          el('erSkjermet', person ? 'true' : 'false'),
          '</korrespondansepart>',
        ].join(''),
      );
  }
  return out;
}

function journalpost(input: ArchiveInput, l: ArchiveLetter): string {
  const title = NB.kindTitle[l.kind];
  return [
    '<registrering xsi:type="journalpost">',
    `<referanseForelderMappe>${key('referanseEksternNoekkel', caseKeyOf(input.caseKey), 'mdk:')}</referanseForelderMappe>`,
    skjerming(input.service),
    '<dokumentbeskrivelse>',
    code('dokumentstatus', 'F', 'Dokumentet er ferdigstilt'),
    el('tittel', title),
    code('tilknyttetRegistreringSom', 'H', 'Hoveddokument'),
    el('dokumentnummer', '1'),
    '<dokumentobjekt>',
    el('versjonsnummer', '1'),
    code('variantformat', 'A', 'Arkivformat'),
    code('format', PDF_FORMAT.kode, PDF_FORMAT.beskrivelse),
    el('formatDetaljer', 'PDF/A-3b, signert'),
    el('mimeType', 'application/pdf'),
    el('filnavn', `${title} ${l.date}.pdf`),
    el('referanseDokumentfil', l.file),
    el('sjekksum', l.sha256),
    el('sjekksumAlgoritme', 'SHA-256'),
    el('filstoerrelse', String(l.bytes)),
    '</dokumentobjekt>',
    '</dokumentbeskrivelse>',
    el('tittel', title),
    el('offentligTittel', title),
    ...korrespondanseparter(l),
    key('referanseEksternNoekkel', letterKeyOf(l.letterId)),
    code('journalposttype', 'U', 'Utgående dokument'),
    code('journalstatus', 'F', 'Ferdigstilt av saksbehandler'),
    el('dokumentetsDato', l.date),
    el('sendtDato', l.issuedAt),
    '</registrering>',
  ].join('\n');
}

/**
 * A received document as an incoming journalpost: type I, the file as it came (variantformat P,
 * produksjonsformat: Bro does not convert it to an archive format; the archive may), received date.
 * The sender is not recorded in Bro, so there is no korrespondansepart; the archive adds one.
 */
function incomingJournalpost(input: ArchiveInput, d: ArchiveDocument): string {
  return [
    '<registrering xsi:type="journalpost">',
    `<referanseForelderMappe>${key('referanseEksternNoekkel', caseKeyOf(input.caseKey), 'mdk:')}</referanseForelderMappe>`,
    skjerming(input.service),
    '<dokumentbeskrivelse>',
    code('dokumentstatus', 'F', 'Dokumentet er ferdigstilt'),
    el('tittel', d.title),
    code('tilknyttetRegistreringSom', 'H', 'Hoveddokument'),
    el('dokumentnummer', '1'),
    '<dokumentobjekt>',
    el('versjonsnummer', '1'),
    code('variantformat', 'P', 'Produksjonsformat'),
    el('mimeType', d.mediaType),
    el('filnavn', d.file),
    el('referanseDokumentfil', d.file),
    el('sjekksum', d.sha256),
    el('sjekksumAlgoritme', 'SHA-256'),
    el('filstoerrelse', String(d.bytes)),
    '</dokumentobjekt>',
    '</dokumentbeskrivelse>',
    el('tittel', d.title),
    el('offentligTittel', DOCUMENT_PUBLIC_TITLE),
    key('referanseEksternNoekkel', documentKeyOf(d.attachmentId)),
    code('journalposttype', 'I', 'Inngående dokument'),
    code('journalstatus', 'F', 'Ferdigstilt av saksbehandler'),
    el('mottattDato', `${d.received}T00:00:00`),
    '</registrering>',
  ].join('\n');
}

/** The file name of a letter inside its message: kind and date, never a person's name. */
export function archiveFileName(l: Pick<ArchiveLetter, 'kind' | 'date'>): string {
  return `${l.kind}-${l.date}.pdf`;
}

/** Every message of the archive package, in order: the saksmappe first, then one per letter by date. */
export function buildArkivmeldinger(input: ArchiveInput): ArchiveMessage[] {
  const out: ArchiveMessage[] = [
    { folder: '01-saksmappe', xml: wrap(saksmappe(input), 0), letterId: null, key: caseKeyOf(input.caseKey) },
  ];
  const letters = [...input.letters].sort((a, b) =>
    a.issuedAt !== b.issuedAt ? (a.issuedAt < b.issuedAt ? -1 : 1) : a.letterId < b.letterId ? -1 : 1,
  );
  letters.forEach((l, i) =>
    out.push({
      folder: `${String(i + 2).padStart(2, '0')}-brev-${l.kind}-${l.date}`,
      xml: wrap(journalpost(input, l), 1),
      letterId: l.letterId,
      key: letterKeyOf(l.letterId),
    }),
  );
  // Received documents after the letters (so the letters' folders keep their numbers), by date.
  const documents = [...(input.documents ?? [])].sort((a, b) =>
    a.received !== b.received ? (a.received < b.received ? -1 : 1) : a.attachmentId < b.attachmentId ? -1 : 1,
  );
  documents.forEach((d, i) =>
    out.push({
      folder: `${String(letters.length + i + 2).padStart(2, '0')}-dokument-${d.received}`,
      xml: wrap(incomingJournalpost(input, d), 1),
      letterId: null,
      attachmentId: d.attachmentId,
      key: documentKeyOf(d.attachmentId),
    }),
  );
  return out;
}
