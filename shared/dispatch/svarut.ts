import { letterKeyOf, FAGSYSTEM } from '../archive/arkivmelding';
import { localDayOf, nbDate } from '../calendar/days';
import { NB } from '../letters/texts';
import type { LetterKind } from '../letters/kinds';
import {
  SVARUT_STATUSES,
  type DispatchRecorded,
  type DispatchStatus,
  type DispatchTo,
  type SvarUtEndpoint,
  type SvarUtStatus,
} from './events';

export * from './events';

/**
 * The SvarUt forsendelse for one issued letter (issue 19 item 2): the rule that says what is sent
 * to whom, in one place. Pure: the handler (electron/services/dispatch) finds the letter, its PDF
 * and the registers, calls `buildForsendelse`, and then either sends it (REST v3, multipart) or
 * writes it as a package. Field names follow KS SvarUt «Send forsendelse API» v3
 * (shared/domain/municipal-handoff.md §2.3); docs/ARCHIVE-DISPATCH.md describes the choices.
 */

/** Typed refusals (BroError VALIDATION or IO, `issues[].code`); Norwegian text in shared/i18n/errors.ts. */
export const DISPATCH_CODES = {
  /** The school register has no organisation number for the pupil's school. */
  schoolOrgMissing: 'DISPATCH_SCHOOL_ORGNR_MISSING',
  /** The case names no guardian with parental responsibility to send to. */
  guardianMissing: 'DISPATCH_GUARDIAN_MISSING',
  /** A letter to the family without a national identity number goes to print: it needs a postal address. */
  addressMissing: 'DISPATCH_ADDRESS_MISSING',
  /** The postcode entered for a letter by post is not four digits. */
  postcodeInvalid: 'DISPATCH_POSTCODE_INVALID',
  /** The national identity number is not 11 digits with valid check digits. */
  nationalIdInvalid: 'DISPATCH_NATIONAL_ID_INVALID',
  /** A national identity number is never written to a file: packages go without it. */
  nationalIdInPackage: 'DISPATCH_NATIONAL_ID_NOT_IN_PACKAGE',
  /** The PDF is password-protected (encrypted): SvarUt rejects it. */
  pdfEncrypted: 'DISPATCH_PDF_ENCRYPTED',
  /** Not a PDF. */
  notPdf: 'DISPATCH_NOT_PDF',
  /** Over SvarUt's size limit for letters that may go to print (350 MB). */
  tooLarge: 'DISPATCH_TOO_LARGE',
  /** A file name SvarUt refuses (length or characters). */
  fileName: 'DISPATCH_FILE_NAME',
  /** No letter with that reference in the case, or its PDF is not kept. */
  letterUnknown: 'DISPATCH_LETTER_UNKNOWN',
  /** The letter is not to this recipient (no foresatte copy, …). */
  notARecipient: 'DISPATCH_NOT_A_RECIPIENT',
  /** No account is configured, and no folder to write the package to was given. */
  noAccountNoOut: 'DISPATCH_NO_ACCOUNT',
  /** The account is incomplete: endpoint, konto id or integration id missing. */
  accountIncomplete: 'DISPATCH_ACCOUNT_INCOMPLETE',
  /** No Maskinporten token (token source unset or it answered without one). */
  tokenMissing: 'DISPATCH_TOKEN_MISSING',
  /** No integration password (the OS keychain, or BRO_SVARUT_PASSWORD). */
  secretMissing: 'DISPATCH_SECRET_MISSING',
  /** SvarUt said 401: token or integration not accepted. */
  unauthorized: 'DISPATCH_UNAUTHORIZED',
  /** SvarUt said 403: the integration lacks the grant on this konto. */
  forbidden: 'DISPATCH_FORBIDDEN',
  /** SvarUt refused the forsendelse (400/422) or answered with something that is not the documented answer. */
  rejected: 'DISPATCH_REJECTED',
  /** SvarUt could not be reached, timed out or failed (5xx). */
  unreachable: 'DISPATCH_UNREACHABLE',
  /** SvarUt's public key could not be read (needed to encrypt for sikkerhetsnivå 4). */
  publicKey: 'DISPATCH_PUBLIC_KEY',
} as const;

/** Total document size SvarUt accepts when a letter may go to print [KS SendMedDokumenter.md]. */
export const MAX_PRINT_BYTES = 350 * 1024 * 1024;
/** `filnavn`: at most 226 characters, none of * : " \ / < > | ? [KS forsendelse-send-api-v3.json]. */
export const MAX_FILE_NAME = 226;
const FORBIDDEN_IN_FILE_NAME = /[*:"\\/<>|?]/u;

/** A school as the register has it. */
export interface DispatchSchool {
  name: string;
  orgNumber: string | null;
  address: string | null;
  postcode: string | null;
  place: string | null;
}
/** A postal address entered for one dispatch (never stored). */
export interface PostalAddress {
  line1: string;
  line2?: string | null;
  postcode: string;
  place: string;
}

export interface ForsendelseInput {
  letterId: string;
  kind: LetterKind;
  date: string;
  /** The service (PPT, BUP, Skoleteam): in the title, never the pupil's name. */
  service: string;
  /** The letter's PDF as issued. */
  pdf: Uint8Array;
  to: DispatchTo;
  /** The school from the register (to: skole). */
  school: DispatchSchool | null;
  /** The guardian's name from the case (to: foresatte). */
  guardian: string | null;
  /** Entered for this dispatch only; never stored, never logged, never in a package. */
  nationalId?: string | null;
  address?: PostalAddress | null;
  /** Sending through the API: documents are CMS-encrypted with SvarUt's key (`kryptert: true`). */
  encrypted: boolean;
}

export interface Forsendelse {
  endpoint: SvarUtEndpoint;
  /** The `forsendelse` part as JSON (field order as documented). */
  json: Record<string, unknown>;
  /** The one document, in metadata order: its `filnavn` and the bytes (before any encryption). */
  file: { filnavn: string; mimeType: 'application/pdf'; bytes: Uint8Array };
  eksternReferanse: string;
}

export type DispatchIssue = { path: (string | number)[]; code: string; limit?: string };
export type BuildResult = { ok: true; forsendelse: Forsendelse } | { ok: false; issues: DispatchIssue[] };

/** Fødselsnummer or d-nummer: 11 digits with the two modulus-11 check digits. */
export function isNationalId(s: string): boolean {
  if (!/^\d{11}$/u.test(s)) return false;
  const d = [...s].map(Number);
  const k = (w: number[]) => {
    const r = 11 - (w.reduce((a, x, i) => a + x * d[i]!, 0) % 11);
    return r === 11 ? 0 : r;
  };
  const k1 = k([3, 7, 6, 1, 8, 9, 4, 5, 2]);
  const k2 = k([5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  return k1 !== 10 && k2 !== 10 && k1 === d[9] && k2 === d[10];
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return s;
}

/** Whether the bytes are a PDF, and whether it is password-protected (an /Encrypt in a trailer). */
export function pdfCheck(pdf: Uint8Array): 'ok' | 'not-pdf' | 'encrypted' {
  const head = latin1(pdf.subarray(0, 1024));
  if (!head.includes('%PDF-')) return 'not-pdf';
  // The trailer dictionary (or an xref stream's) names /Encrypt when the file is encrypted.
  const text = latin1(pdf);
  return /\/Encrypt\s*(\d+\s+\d+\s+R|<<)/u.test(text) ? 'encrypted' : 'ok';
}

/** The title SvarUt shows in inboxes: the kind and the service, never the pupil's name. */
export function forsendelseTitle(kind: LetterKind, service: string): string {
  return `${NB.kindTitle[kind]} fra ${service}`;
}

/** The letter's file name in the forsendelse (also the multipart part's `filename`). */
export function dispatchFileName(kind: LetterKind, date: string): string {
  return `${kind}-${date}.pdf`;
}

const clean = (s: string | null | undefined) => {
  const t = (s ?? '').trim().replace(/\s+/gu, ' ');
  return t === '' ? null : t;
};

/**
 * The rule. The school gets an organisation forsendelse to its organisation number from the register;
 * the family a person forsendelse when the user entered a national identity number for this
 * dispatch, else a print forsendelse to the postal address entered. Letters about a child are
 * confidential (law-and-practice §5.1): sikkerhetsnivå HOYESTE (nivå 4), taushetsbelagt post and
 * `inneholderPersonsensitivInformasjon` for an organisation, and the document marked encrypted when
 * it is sent through the API. `eksternReferanse` is the letter's archive key.
 */
export function buildForsendelse(input: ForsendelseInput): BuildResult {
  const issues: DispatchIssue[] = [];
  const check = pdfCheck(input.pdf);
  if (check === 'not-pdf') issues.push({ path: ['pdf'], code: DISPATCH_CODES.notPdf });
  if (check === 'encrypted') issues.push({ path: ['pdf'], code: DISPATCH_CODES.pdfEncrypted });
  if (input.pdf.length >= MAX_PRINT_BYTES)
    issues.push({ path: ['pdf'], code: DISPATCH_CODES.tooLarge, limit: '350 MB' });
  const filnavn = dispatchFileName(input.kind, input.date);
  if (filnavn.length > MAX_FILE_NAME || FORBIDDEN_IN_FILE_NAME.test(filnavn))
    issues.push({ path: ['filnavn'], code: DISPATCH_CODES.fileName });

  const nationalId = clean(input.nationalId);
  if (nationalId !== null && !isNationalId(nationalId.replace(/\s/gu, '')))
    issues.push({ path: ['nationalId'], code: DISPATCH_CODES.nationalIdInvalid });
  if (nationalId !== null && input.to === 'skole')
    issues.push({ path: ['nationalId'], code: DISPATCH_CODES.notARecipient });

  let endpoint: SvarUtEndpoint;
  let mottaker: Record<string, unknown> = {};
  const address = input.address
    ? {
        line1: clean(input.address.line1),
        line2: clean(input.address.line2),
        postcode: clean(input.address.postcode),
        place: clean(input.address.place),
      }
    : null;
  const adresse = (a: {
    line1: string | null;
    line2?: string | null;
    postcode: string | null;
    place: string | null;
  }) => ({
    adresselinje1: a.line1,
    ...(a.line2 ? { adresselinje2: a.line2 } : {}),
    postnummer: a.postcode,
    poststed: a.place,
    landkode: 'NO',
  });
  if (input.to === 'skole') {
    endpoint = 'organisasjon';
    const s = input.school;
    const org = s?.orgNumber ? s.orgNumber.replace(/\s/gu, '') : null;
    if (!s || !org) issues.push({ path: ['school', 'orgNumber'], code: DISPATCH_CODES.schoolOrgMissing });
    else {
      mottaker = {
        navn: s.name.slice(0, 100),
        digitalId: org,
        ...(clean(s.address) && clean(s.place)
          ? {
              adresse: adresse({
                line1: clean(s.address),
                postcode: clean(s.postcode),
                place: clean(s.place),
              }),
            }
          : {}),
      };
    }
  } else {
    const navn = clean(input.guardian);
    if (navn === null) issues.push({ path: ['guardian'], code: DISPATCH_CODES.guardianMissing });
    // What was entered: each part there, and a postcode of four digits.
    const partsMissing =
      address === null || address.line1 === null || address.place === null || address.postcode === null;
    const postcodeInvalid = address?.postcode != null && !/^\d{4}$/u.test(address.postcode);
    const complete = address !== null && !partsMissing && !postcodeInvalid;
    if (nationalId !== null) {
      endpoint = 'person';
      mottaker = {
        navn: (navn ?? '').slice(0, 100),
        digitalId: nationalId.replace(/\s/gu, ''),
        ...(complete ? { adresse: adresse(address) } : {}),
      };
    } else {
      endpoint = 'print';
      // Named apart, so the user is told what to enter: a part left empty, or a postcode that is not four digits.
      if (partsMissing) issues.push({ path: ['address'], code: DISPATCH_CODES.addressMissing });
      if (postcodeInvalid)
        issues.push({ path: ['address', 'postcode'], code: DISPATCH_CODES.postcodeInvalid });
      if (complete) mottaker = { navn: (navn ?? '').slice(0, 100), adresse: adresse(address) };
    }
  }
  if (issues.length) return { ok: false, issues };

  const eksternReferanse = letterKeyOf(input.letterId);
  const dokument: Record<string, unknown> = { filnavn, mimeType: 'application/pdf' };
  if (endpoint === 'organisasjon') {
    dokument.dokumentType = NB.kindTitle[input.kind];
    dokument.inneholderPersonsensitivInformasjon = true;
  }
  if (endpoint !== 'print') dokument.skalEkskluderesFraUtskrift = false;
  const json: Record<string, unknown> = {
    tittel: forsendelseTitle(input.kind, input.service),
    mottaker,
    avgivendeSystem: FAGSYSTEM,
    ...(endpoint !== 'print' ? { kunDigitalLevering: false } : {}),
    kryptert: input.encrypted,
    ...(endpoint !== 'print' ? { sikkerhetsniva: 'HOYESTE' } : {}),
    dokumenter: [dokument],
    eksternReferanse,
    ...(endpoint === 'organisasjon' ? { taushetsbelagtPost: true } : {}),
  };
  return {
    ok: true,
    forsendelse: {
      endpoint,
      json,
      file: { filnavn, mimeType: 'application/pdf', bytes: input.pdf },
      eksternReferanse,
    },
  };
}

/** Statuses after which SvarUt will not change its mind: Bro stops asking. */
export const FINAL_STATUSES: ReadonlySet<SvarUtStatus> = new Set([
  'AVVIST',
  'FEILET_UNDER_MOTTAK',
  'LEST',
  'PRINTET',
  'MANUELT_HANDTERT',
  'IKKE_LEVERT',
  'SLETTET',
  'LEVERT_NHN_MOTTAKER',
]);
/** Statuses that mean the letter did not reach the recipient. */
export const FAILED_STATUSES: ReadonlySet<SvarUtStatus> = new Set([
  'AVVIST',
  'FEILET_UNDER_MOTTAK',
  'IKKE_LEVERT',
  'SLETTET',
]);

export const isSvarUtStatus = (s: unknown): s is SvarUtStatus =>
  typeof s === 'string' && (SVARUT_STATUSES as readonly string[]).includes(s);

/** Norwegian words for SvarUt's statuses (the CLI, the Brev tab). */
export const STATUS_TEXT_NB: Record<SvarUtStatus, string> = {
  MOTTATT: 'mottatt av SvarUt',
  AKSEPTERT: 'akseptert av SvarUt',
  AVVIST: 'avvist av SvarUt',
  FEILET_UNDER_MOTTAK: 'feilet under mottak i SvarUt',
  SENDT_ALTINN: 'sendt til Altinn',
  LEVERT_ALTINN: 'levert i Altinn',
  LEST: 'lest av mottakeren',
  SENDT_PRINT: 'sendt til utskrift',
  PRINTET: 'skrevet ut og sendt med post',
  MANUELT_HANDTERT: 'håndtert manuelt',
  SENDT_DIGITALT: 'sendt digitalt',
  SENDT_SDP: 'sendt til digital postkasse',
  LEVERT_SDP: 'levert i digital postkasse',
  KLAR_FOR_MOTTAK: 'klar for mottak',
  IKKE_LEVERT: 'ikke levert',
  SLETTET: 'slettet',
  SENDT_NHN_MOTTAKER: 'sendt via Norsk helsenett',
  LEVERT_NHN_MOTTAKER: 'levert via Norsk helsenett',
};

/** A letter's dispatch status as the case's events say it: the latest dispatch, and its latest status. */
export interface LetterDispatchStatus {
  letterId: string;
  state: 'none' | 'package' | 'sent';
  to: DispatchTo | null;
  forsendelseId: string | null;
  status: SvarUtStatus | null;
  at: string | null;
}

/** The one reader of dispatch status (`bro letters`, `dispatch.status`, the Brev tab). */
export function dispatchStatusOf(
  dispatches: readonly DispatchRecorded[],
  statuses: readonly DispatchStatus[],
  letterIds: readonly string[],
): LetterDispatchStatus[] {
  return letterIds.map((letterId) => {
    const mine = dispatches.filter((d) => d.letterId === letterId);
    // A sending wins over a package written later; the latest of each kind counts.
    const sent = [...mine].reverse().find((d) => d.channel === 'svarut');
    const d = sent ?? mine[mine.length - 1];
    if (!d) return { letterId, state: 'none', to: null, forsendelseId: null, status: null, at: null };
    const st = d.forsendelseId
      ? [...statuses].reverse().find((s) => s.forsendelseId === d.forsendelseId)
      : undefined;
    return {
      letterId,
      state: d.channel === 'svarut' ? 'sent' : 'package',
      to: d.to,
      forsendelseId: d.forsendelseId,
      status: st?.status ?? (d.channel === 'svarut' ? 'MOTTATT' : null),
      at: d.at,
    };
  });
}

/** «Sendt med SvarUt: levert i Altinn» / «Pakke laget for opplasting» / «Ikke sendt». */
export function dispatchText(s: LetterDispatchStatus): string {
  if (s.state === 'none') return 'Ikke sendt';
  if (s.state === 'package')
    return s.at ? `Pakke for SvarUt laget ${nbDate(localDayOf(s.at))}` : 'Pakke for SvarUt laget';
  return `Sendt med SvarUt: ${s.status ? STATUS_TEXT_NB[s.status] : 'ukjent status'}`;
}
