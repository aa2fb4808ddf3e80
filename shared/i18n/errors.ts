import type { ErrorCode } from '../errors';
import { LETTER_DATA_TEXT_NB, LETTER_FINDING_TEXT_NB } from '../letters/findingTexts';

/** Norwegian (bokmål) text for each error code: what happened and what to do. No values, no names. */
export const ERROR_TEXT_NB: Record<ErrorCode, string> = {
  VAULT_LOCKED: 'Saksarkivet er låst. Lås det opp med passordfrasen din.',
  VAULT_NOT_FOUND: 'Fant ikke noe saksarkiv i denne mappen. Sjekk mappen, eller opprett et nytt arkiv.',
  VAULT_EXISTS: 'Mappen er ikke tom eller har allerede et saksarkiv. Velg en tom mappe.',
  VAULT_DAMAGED: 'En fil som hele arkivet trenger, er skadet eller mangler. Arkivet er ikke endret.',
  VAULT_NEWER_FORMAT:
    'Arkivet er laget med en nyere versjon av Bro. Oppdater Bro for å åpne det; ingenting er endret.',
  WRONG_PASSPHRASE: 'Feil passordfrase eller gjenopprettingsnøkkel. Ingenting er endret.',
  TOO_MANY_ATTEMPTS:
    'For mange feil forsøk på å låse opp. Vent litt før du prøver igjen; ventetiden dobles for hvert nytt feil forsøk.',
  ACCESS_REVOKED:
    'Denne nøkkelen gir ikke lenger tilgang til arkivet (medlemmet er fjernet eller ikke godkjent ennå).',
  RESTRICTED:
    'Saken er begrenset til navngitte medlemmer, og du er ikke blant dem. Be om tilgang; et medlem med tilgang kan gi deg den.',
  VALIDATION: 'Noen opplysninger er ikke gyldige. Ingenting er lagret.',
  NOT_FOUND: 'Fant ikke det du ba om.',
  TAMPERED: 'En fil i denne saken er skadet eller endret utenfor Bro. De andre sakene virker som før.',
  CONFLICT: 'Det finnes allerede en sak med samme id.',
  DUPLICATE_PUPIL:
    'Eleven har allerede en sak (samme navn og fødselsdato, eller samme navn og skole). Åpne den som finnes, eller bekreft at dette er en ny sak. Ingenting er lagret.',
  CONSENT_MISSING: 'Samtykke eller lovgrunnlag mangler for en mottaker.',
  LETTER_INCOMPLETE: 'Brevet mangler opplysninger og kan ikke signeres ennå.',
  LETTER_DATA_MISSING: 'Saken mangler det denne brevtypen bygger på. Ingen fil er skrevet.',
  LETTER_OUTDATED:
    'Brevet ville ikke lenger stemme på datoen det får. Velg en annen brevtype. Ingen fil er skrevet.',
  NOT_A_LETTER: 'Fila er ikke et brev fra Bro, eller den er så skadet at den ikke kan leses.',
  SIGNING_KEY_MISSING:
    'Arkivet er åpnet med gjenopprettingsnøkkelen, som ikke kan signere. Lås opp med passordfrasen din.',
  P12_WRONG_PASSWORD: 'Feil passord for sertifikatfila (P12). Ingen fil er skrevet.',
  P12_INVALID:
    'Sertifikatfila (P12) kan ikke brukes: den er skadet, mangler nøkkel eller sertifikat, eller nøkkelen er ikke RSA.',
  FONT_MISSING:
    'En skrifttype som brevene trenger, mangler (build/fonts). Installer Bro på nytt. Ingen fil er skrevet.',
  IO: 'Kunne ikke lese eller skrive en fil. Sjekk at mappen er tilgjengelig og at det er plass på disken.',
  USAGE: 'Kommandoen er ikke riktig brukt. Se «bro help».',
  INTERNAL: 'Noe gikk galt i Bro. Ingen personopplysninger er logget.',
};

/** Norwegian text for issue codes (field-level problems). */
export const ISSUE_TEXT_NB: Record<string, string> = {
  REQUIRED: 'må fylles ut',
  DATE_FORMAT: 'må være en dato på formen ÅÅÅÅ-MM-DD',
  DATE_INVALID: 'er ikke en gyldig dato',
  TIME_FORMAT: 'må være et klokkeslett på formen TT:MM',
  // Meetings called by the service (shared/meetings/attendance.ts).
  ATTENDANCE_INVITATION_UNKNOWN: 'innkallingen finnes ikke blant brevene i saken',
  ATTENDANCE_ROLE_TWICE: 'samme rolle og navn står to ganger',
  MINUTES_BEFORE_MEETING: 'referatet kan ikke være sendt før møtet',
  // The archive's kvittering (shared/archive/status.ts RECEIPT_CODES).
  ARCHIVE_RECEIPT_EMPTY:
    'er ikke en kvittering på en arkivering (ingen mappe eller journalpost, eller arkivet meldte feil); ingenting er lagret',
  ARCHIVE_RECEIPT_UNKNOWN_KEY:
    'gjelder en sak eller et brev dette saksarkivet ikke har sendt til arkivet; ingenting er lagret',
  ARCHIVE_RECEIPT_INVALID:
    'følger ikke skjemaet for kvitteringer i Fiks Arkiv (eller er ikke XML); ingenting er lagret',
  ARCHIVE_RECEIPT_NO_NUMBERS:
    'kvitteringen for journalposten har ikke journalpostnummer; ingenting er lagret',
  // Archive, then delete (shared/archive/status.ts archiveBeforeDelete).
  // The path says what: `letters.<id>` a letter, `documents.<id>` a received document.
  NOT_ARCHIVED:
    'er ikke arkivert i kommunens arkiv ennå (lag arkivpakke, les inn kvitteringen); ingenting er slettet',
  ID_CHARS: 'inneholder tegn som ikke er tillatt i en id',
  invalid_type: 'mangler eller har feil type',
  invalid_value: 'har en verdi som ikke er tillatt',
  unrecognized_keys: 'har felt som ikke finnes i formatet',
  too_big: 'er for stor eller for lang',
  too_small: 'er for liten eller for kort',
  invalid_union: 'har feil form',
  RECEIVED_BEFORE_SENT: 'mottatt kan ikke være før sendt',
  BEFORE_RECEIVED: 'kan ikke være før henvisningen ble mottatt',
  SIGNAL_AFTER_REFERRAL: 'første bekymring kan ikke være etter at henvisningen ble sendt',
  DECISION_WITHOUT_DATE: 'en beslutning trenger en dato',
  FRIST_BEFORE_DECIDED: 'fristen kan ikke være før vedtaksdatoen',
  OUTCOME_WITHOUT_CLOSED: 'utfall krever at saken er avsluttet',
  REVISITED_BEFORE_CHANGE: 'anbefalingene kan ikke være gjennomgått før statusen endret seg',
  CLOSING_LETTER_REQUIRED:
    'en henvisning som avslås, sendes videre eller avsluttes, må ha et utstedt avslutningsbrev som sier hvem som har ansvaret nå',
  ENDS_BEFORE_START: 'sluttdato kan ikke være før startdato',
  HANDOVER_NOTE_REQUIRED: 'bytte av saksbehandler krever et overføringsnotat',
  LEGAL_REF_REQUIRED: 'lovkrav må ha en lovhenvisning',
  EVALUATION_BEFORE_START: 'evalueringen kan ikke være før tiltaket starter',
  EXPIRES_BEFORE_GIVEN: 'utløpsdato kan ikke være før samtykket ble gitt',
  WITHDRAWN_BEFORE_GIVEN: 'tilbaketrekking kan ikke være før samtykket ble gitt',
  CORRECTION_REASON_REQUIRED: 'en rettelse må ha en begrunnelse',
  // journal notes (shared/notes)
  NOTE_RELEASE_REQUIRED: 'et fortrolig notat slippes bare ut ved å frigi det med en begrunnelse',
  NOTE_NOT_CONFIDENTIAL: 'notatet er ikke fortrolig, eller allerede frigitt',
  DUPLICATE_ID: 'id-en er brukt mer enn én gang',
  CONTROL_CHARS: 'inneholder kontrolltegn som ikke er tillatt',
  PASSPHRASE_MISMATCH: 'passordfrasene er ikke like',
  NOT_JSON: 'fila er ikke gyldig JSON',
  NOT_FOUND: 'finnes ikke',
  REMOVE_SELF: 'du kan ikke fjerne deg selv',
  PASSPHRASE_TOO_SHORT: 'passordfrasen må ha minst 8 tegn',
  RECOVERY_KEY_FORMAT: 'gjenopprettingsnøkkelen har feil form',
  RECOVERY_KEY_CHECKSUM: 'gjenopprettingsnøkkelen stemmer ikke (skrivefeil?)',
  // waiting times and metrics (docs/WAITING-TIMES.md)
  DATE_ORDER: 'til-datoen kan ikke være før fra-datoen',
  DATE_OUT_OF_RANGE: 'datoen faller utenfor kalenderen Bro regner med (1900–2200)',
  PERIOD_ORDER: 'perioden slutter før den begynner',
  PERIOD_AFTER_TODAY: 'perioden begynner etter dagens dato',
  NOT_SIGNED: 'fila er ikke signert; bare signerte nøkkeltallsfiler godtas',
  NOT_METRICS: 'fila er ikke en nøkkeltallsfil fra Bro',
  UNKNOWN_KEY: 'fila er signert med en nøkkel som ikke står i lista over godkjente arkiv (--trust)',
  BAD_SIGNATURE: 'signaturen stemmer ikke: fila er endret etter at den ble signert',
  PERIOD_MISMATCH: 'filene gjelder ulike perioder; slå bare sammen filer for samme periode',
  TRUST_FILE: 'lista over godkjente nøkler må være en JWKS med Ed25519-nøkler',
  // registers (shared/registers) and measures (shared/measures/rules.ts)
  ORG_NUMBER_INVALID: 'må være et organisasjonsnummer med 9 siffer (kontrollsifferet stemmer ikke)',
  PHONE_INVALID: 'må være et telefonnummer (siffer, mellomrom, + og -)',
  EMAIL_INVALID: 'må være en e-postadresse (navn@domene.no)',
  POSTCODE_INVALID: 'må være et postnummer med 4 siffer',
  DUPLICATE_NAME: 'finnes allerede i registeret; endre den som finnes',
  MEMBER_ENTRY: 'er et medlem av arkivet: navnet settes av medlemmet selv under «Ditt navn»',
  NEXT_EVALUATION_REQUIRED: 'når tiltaket videreføres eller justeres, må neste evalueringsdato settes',
  GOAL_REQUIRED: 'et tiltak må ha et mål (hva skal være annerledes, og hvordan ser vi det)',
  RESPONSIBLE_REQUIRED: 'et tiltak må ha en utførende (rolle) på skolen',
  LEADER_REQUIRED: 'et tiltak må ha en ledelsesansvarlig: rektor eller avdelingsleder',
  START_REQUIRED: 'et tiltak må ha en startdato',
  EVALUATION_REQUIRED: 'et tiltak må ha en planlagt evaluering (dato, hvordan, hvem som innkaller)',
  END_REASON_REQUIRED: 'når tiltaket avsluttes, må det stå hvorfor',
  ENDS_WORKING_MEASURE:
    'siste evaluering sier at tiltaket virker (bedring eller videreføres); bekreft at det likevel skal avsluttes',
  REASON_CATEGORY_REQUIRED: 'når skolen ikke kan eller bare kan med endring, må årsaken velges',
  ALTERNATIVE_REQUIRED: 'når skolen ikke kan eller bare kan med endring, må alternativet stå',
  NEXT_EVALUATION_NOT_AFTER: 'neste evaluering må være etter denne evalueringen',
  CSV_EMPTY: 'fraværsfilen har ingen rader med tall',
  CSV_COLUMN_MISSING: 'kolonnen mangler i første linje (fra, til, hele dager, delvise dager, type)',
  CSV_CELLS: 'linjen har ikke like mange celler som første linje',
  CSV_DATE: 'må være en dato (dd.mm.åååå)',
  CSV_NUMBER: 'må være et tall (desimalkomma er greit: 1,5)',
  CSV_TYPE: 'må være dokumentert, udokumentert, elevmotivert eller foreldremotivert',
  CSV_TO_BEFORE_FROM: 'perioden slutter før den begynner',
  CSV_VALUE: 'er utenfor det som kan registreres',
  CSV_TOO_MANY: 'en fil kan ha høyst 200 rader; del den opp',
  CSV_FILE_TOO_LARGE: 'fraværsfilen er for stor (høyst 1 MB)',
  CSV_ENCODING: 'fraværsfilen er ikke UTF-8-tekst; lagre den som CSV (UTF-8) og prøv igjen',
  SCHOOL_YEAR_FORMAT: 'må være et skoleår som 2025-2026',
  SCHOOL_HOLIDAY_TO_BEFORE_FROM: 'ferien slutter før den begynner',
  SCHOOL_HOLIDAY_OUTSIDE_YEAR: 'ferien må ligge i skoleåret (1. august–31. juli)',
  // impossible data (shared/domain/validity.ts); {limit} is the limit the value broke
  DATE_IN_FUTURE: 'kan ikke være etter dagens dato ({limit}): det som er registrert her, har skjedd',
  BEFORE_BIRTH: 'kan ikke være før elevens fødselsdato',
  BIRTH_DATE_OUT_OF_RANGE:
    'passer ikke for en elev på 1.–13. trinn: eleven må være {limit} år gammel da henvisningen ble mottatt (eller i dag)',
  ABSENCE_EXCEEDS_DAYS:
    'er flere fraværsdager enn perioden har ({limit} dager, hele og delvise dager til sammen)',
  DUPLICATE_PUPIL: 'eleven har allerede en sak',
  // the family's part (shared/family/rules.ts)
  PROPOSAL_RESPONSE_REQUIRED:
    'svaret (tatt inn, delvis, ikke tatt inn) må fylles ut når innspillet er besvart',
  PROPOSAL_REASON_REQUIRED: 'et innspill som bare delvis eller ikke er tatt inn, må ha en begrunnelse',
  PROPOSAL_ANSWERED_BY_REQUIRED: 'svaret må si hvem som svarte',
  PROPOSAL_ANSWERED_REQUIRED: 'svaret må ha en dato',
  PROPOSAL_ANSWER_BEFORE_PROPOSAL: 'svaret kan ikke være før innspillet kom',
  VOICE_CONTENT_REQUIRED:
    'elevens stemme må si minst én ting: hva eleven sa, ønsker, hva som hjelper eller gjør det vanskelig',
  PUPIL_VIEW_OR_REASON_REQUIRED:
    'evalueringen må ha elevens syn, eller hvorfor det mangler (pupilViewMissing)',
  HEARING_COMMENT_BY_BEFORE_SHARED: 'fristen for merknader kan ikke være før utkastet ble sendt',
  HEARING_COMMENT_DATE_REQUIRED: 'merknaden må ha datoen den kom',
  HEARING_COMMENT_BEFORE_SHARED: 'merknaden kan ikke ha kommet før utkastet ble sendt',
  EXPECTATIONS_REVISIT_REQUIRED: 'et evalueringsmøte må si om forventningsavklaringen ble gått gjennom',
  CONCERN_SENT_BY_REQUIRED: 'bekymringsmeldingen må si hvem som sendte den',
  CONCERN_SENT_TO_REQUIRED: 'bekymringsmeldingen må si hvilken barnevernstjeneste den gikk til',
  CONCERN_PARENTS_TOLD_DATE_REQUIRED: 'når foresatte er informert, må datoen stå',
  CONCERN_PARENTS_NOT_TOLD_REASON_REQUIRED: 'når foresatte ikke er informert, må det stå hvorfor',
  CONCERN_SCHOOL_FACTORS_NOTE_REQUIRED:
    'når forhold på skolen (mobbing, skolemiljø) ikke er vurdert først, må det stå hvorfor',
  CASE_VOIDED: 'saken er annullert',
  // Dispatch through SvarUt (issue 19 item 2; shared/dispatch/svarut.ts).
  DISPATCH_SCHOOL_ORGNR_MISSING:
    'skoleregisteret har ikke organisasjonsnummer for elevens skole (legg det inn under Registre)',
  DISPATCH_GUARDIAN_MISSING: 'saken har ingen foresatt med foreldreansvar å sende til',
  DISPATCH_ADDRESS_MISSING:
    'uten fødselsnummer går brevet til utskrift og post: skriv inn adresse, postnummer (fire siffer) og poststed',
  DISPATCH_POSTCODE_INVALID: 'postnummeret må være fire siffer (for eksempel 2860)',
  DISPATCH_NATIONAL_ID_INVALID: 'fødselsnummeret er ikke gyldig (11 siffer med kontrollsiffer)',
  DISPATCH_NATIONAL_ID_NOT_IN_PACKAGE:
    'fødselsnummer skrives aldri til en pakke; skriv det inn i SvarUt, eller sett opp SvarUt-kontoen',
  DISPATCH_PDF_ENCRYPTED: 'PDF-en er passordbeskyttet, og SvarUt avviser slike filer',
  DISPATCH_NOT_PDF: 'brevet er ikke en PDF',
  DISPATCH_TOO_LARGE: 'brevet er større enn SvarUt tar imot ({limit})',
  DISPATCH_FILE_NAME: 'filnavnet er for langt eller har tegn SvarUt ikke godtar',
  DISPATCH_LETTER_UNKNOWN: 'saken har ikke noe sendt brev med denne referansen (se «bro letters»)',
  DISPATCH_NOT_A_RECIPIENT: 'brevet er ikke adressert til denne mottakeren',
  DISPATCH_NO_ACCOUNT: 'ingen SvarUt-konto er satt opp, og ingen mappe til pakken er oppgitt',
  DISPATCH_ACCOUNT_INCOMPLETE: 'SvarUt-kontoen mangler adresse, konto-id eller integrasjons-id',
  DISPATCH_TOKEN_MISSING: 'fikk ikke Maskinporten-token (sjekk tokentjenesten i innstillingene)',
  DISPATCH_SECRET_MISSING:
    'integrasjonspassordet for SvarUt mangler (lagre det i innstillingene, eller sett BRO_SVARUT_PASSWORD)',
  DISPATCH_UNAUTHORIZED: 'SvarUt godtok ikke tokenet eller integrasjonen (401)',
  DISPATCH_FORBIDDEN: 'integrasjonen har ikke rett til å sende fra denne SvarUt-kontoen (403)',
  DISPATCH_REJECTED: 'SvarUt avviste forsendelsen',
  DISPATCH_UNREACHABLE: 'fikk ikke kontakt med SvarUt, eller SvarUt svarte med en feil; prøv igjen senere',
  DISPATCH_PUBLIC_KEY: 'kunne ikke hente SvarUts offentlige nøkkel (trengs for kryptering på nivå 4)',
  DISPATCH_NO_KEYCHAIN: 'denne maskinen har ingen sikker nøkkelring; passordet er ikke lagret',
  URL_INVALID: 'må være en adresse som begynner med https://',
  UUID_INVALID: 'må være en UUID (36 tegn med bindestreker)',
  // The school's answer as a filled-in form (issue 19 item 3, shared/letters/replyForm.ts).
  REPLY_KIND:
    'brevet har ingen svarslipp som kan leses inn (bare anbefalinger, sakkyndige vurderinger og oppfølgingsbrev til skolen har det)',
  REPLY_NOT_OURS: 'brevet er ikke sendt fra dette saksarkivet; ingenting er lagret',
  REPLY_CHANGED:
    'brevet er endret etter at det ble signert, og ikke bare ved at skjemaet er fylt ut; ingenting er lagret',
  REPLY_UNKNOWN_RECOMMENDATION:
    'brevet svarer på et tiltak som ikke finnes i saken lenger; ingenting er lagret',
  REPLY_EMPTY: 'ingen svar er krysset av i svarslippen',
  REPLY_BAD_VALUE: 'et felt i svarslippen har en verdi skjemaet ikke tilbød',
  REPLY_DATE: '«Dato» mangler, er ikke en dato (dd.mm.åååå), er etter i dag eller før brevets dato',
  REPLY_NAME: '«Navn og rolle» mangler',
  REPLY_CATEGORY: 'ved «med endring» eller «kan ikke» må en årsak være krysset av',
  // What changed after signing (electron/services/signing/revision.ts), at the page it touches.
  CHANGE_FORM_FIELD: 'skjemafeltet er fylt ut (tillatt)',
  CHANGE_METADATA: 'dokumentets endringsdato er oppdatert (tillatt)',
  CHANGE_ANNOTATION: 'en merknad (annotering) er lagt til eller fjernet på siden etter signering',
  CHANGE_PAGE_CONTENT: 'innholdet på siden er endret etter signering',
  CHANGE_PAGE_REPLACED: 'siden er byttet ut etter signering',
  CHANGE_PAGE_ADDED: 'en side er lagt til etter signering',
  CHANGE_PAGE_REMOVED: 'en side er fjernet etter signering',
  CHANGE_FIELD: 'et skjemafelt er endret på annen måte enn ved utfylling',
  CHANGE_OBJECT: 'en annen del av dokumentet er endret etter signering',
  CHANGE_APPENDED_BYTES: 'data som ikke hører til PDF-en er lagt til etter signering',
  CHANGE_UNREADABLE: 'en endring etter signering kan ikke leses (komprimerte objekter)',
  REPLY_ALTERNATIVE: 'ved «med endring» eller «kan ikke» må «Endring eller alternativ» være fylt ut',
  REPLY_FOLLOW_DATE:
    'ved «ny frist» må «Dato for utført eller ny frist» være en dato (dd.mm.åååå) etter svarets dato; en dato for «utført» kan ikke være etter svarets dato',
  REPLY_FOLLOW_REASON: 'ved «kan ikke gjennomføres» må ansvarlig og grunn være fylt ut',
  REPLY_UNKNOWN_ITEM:
    'svaret gjelder en avtale eller et tiltak som ikke finnes i saken lenger (eller ikke kan finnes sikkert); ingenting er lagret',
  // Received documents (shared/attachments/document.ts).
  ATTACHMENT_EMPTY: 'fila er tom',
  ATTACHMENT_TOO_LARGE: 'fila er for stor (høyst {limit} MB)',
  ATTACHMENT_TYPE:
    'er ikke et dokument Bro tar imot: bare PDF, Word (.docx, .doc), OpenDocument-tekst (.odt), RTF og bilder (PNG, JPEG, TIFF, HEIC)',
  ...LETTER_FINDING_TEXT_NB,
  ...LETTER_DATA_TEXT_NB,
};

/** The phrase for an issue code, with the limit it states (`{limit}`) filled in. */
export function issueText(code: string, limit?: string): string {
  const s =
    (limit !== undefined ? WITH_LIMIT_NB[code] : undefined) ?? ISSUE_TEXT_NB[code] ?? 'er ikke gyldig';
  return s.replaceAll('{limit}', limit ?? '–');
}

/** Codes whose text names the limit when it is known: CONSENT_MISSING names the recipient. */
const WITH_LIMIT_NB: Record<string, string> = {
  CONSENT_MISSING:
    'ingen gyldig samtykke til «{limit}» i samtykkeregisteret, og ikke noe lovgrunnlag er oppgitt (--legal-basis); ingenting er skrevet',
};

/** "Neste forsøk kan gjøres om …": the wait after too many wrong passphrases, in words. */
export function retryAfterNb(seconds: number): string {
  const time = seconds >= 120 ? `${Math.ceil(seconds / 60)} minutter` : `${seconds} sekunder`;
  return `Neste forsøk kan gjøres om ${time}.`;
}
