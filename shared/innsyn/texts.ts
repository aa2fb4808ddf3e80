import type { NoteKind } from '../domain/note';
import type { LetterKind } from '../letters/kinds';

/**
 * The innsyn file's own words, in bokmål and nynorsk (the family's written form). Plain language:
 * "vi" is the service; each withheld item says why, by the rule that allows it.
 */
export interface InnsynTexts {
  lang: 'nb' | 'nn';
  docTitle: string;
  title: (caseRef: string) => string;
  running: string;
  marking: string;
  date: string;
  ourRef: string;
  request: string;
  to: (requestedBy: string | null) => string;
  copies: string;
  intro: (received: string | null) => string;
  howToRead: string;
  /** After the special-category notice when the whole case is health data (a BUP or Habu case). */
  healthWhole: string;
  h: {
    parties: string;
    chronology: string;
    expectations: string;
    voices: string;
    letters: string;
    documents: string;
    withheld: string;
    accessLog: string;
    absence: string;
  };
  field: Record<string, string>;
  ev: {
    referral: Record<
      | 'sent'
      | 'received'
      | 'decided'
      | 'firstContact'
      | 'assessmentStarted'
      | 'concluded'
      | 'firstMeasure'
      | 'closed',
      string
    >;
    decision: Record<'accepted' | 'rejected' | 'forwarded', string>;
    outcome: Record<'full' | 'partial' | 'none', string>;
    assignmentFrom: (name: string) => string;
    assignmentTo: (name: string) => string;
    measure: (what: string) => string;
    evaluation: (what: string) => string;
    schoolAnswer: (what: string) => string;
    implementation: (what: string) => string;
    meeting: string;
    consentGiven: (recipient: string) => string;
    consentWithdrawn: (recipient: string) => string;
    concernReport: string;
    accessRequest: string;
    accessAnswered: string;
    note: (kind: string) => string;
    letter: (kind: string) => string;
    document: (title: string) => string;
    other: (collection: string) => string;
    voice: string;
  };
  noteKind: Record<NoteKind, string>;
  letterKind: Record<LetterKind, string>;
  yes: string;
  no: string;
  none: string;
  noLetters: string;
  noWithheld: string;
  lettersIntro: string;
  documentsIntro: string;
  withheldIntro: string;
  accessIntro: string;
  accessHead: [string, string, string];
  withheldHead: [string, string, string];
  withheldNote: (kind: string) => string;
  withheldContact: (name: string) => string;
  basis: { confidentialNote: string; thirdPerson: string };
  unknownActor: string;
  recoveryActor: string;
  closing: string;
  signatureNote: string;
  page: (n: number, of: number) => string;
  codeLabel: string;
  attachmentDescription: (kind: string, date: string) => string;
  draftMark: string;
  draftNote: string;
}

const NB: InnsynTexts = {
  lang: 'nb',
  docTitle: 'Innsyn i saken',
  title: (ref) => `Innsyn i saken ${ref}`,
  running: 'Innsyn i saken',
  marking: 'Unntatt offentlighet',
  date: 'Dato',
  ourRef: 'Vår referanse',
  request: 'Innsynskrav mottatt',
  to: (by) => (by ? `Til: ${by}` : 'Til: den som ba om innsyn'),
  copies: 'Utlevert etter forvaltningsloven §§ 18–19 og personvernforordningen artikkel 15.',
  intro: (received) =>
    `${received ? `Vi fikk kravet om innsyn ${received}. ` : ''}Her er hele saken slik den står hos oss, i datorekkefølge. Brevene vi har sendt, ligger ved som egne PDF-filer i dette dokumentet. Det vi holder tilbake, står i en egen liste med grunnen og lovhjemmelen.`,
  healthWhole: 'saken er ført i en helsetjeneste, og alt i den regnes som helseopplysninger.',
  howToRead:
    'Vedleggene åpner du fra vedleggslisten i PDF-leseren (bindersen). Spør oss gjerne hvis noe er uklart. Du kan klage på at noe er holdt tilbake.',
  h: {
    parties: 'Eleven, foresatte og saksbehandlere',
    chronology: 'Saken i datorekkefølge',
    expectations: 'Forventningsavklaring',
    voices: 'Elevens stemme og foresattes syn',
    letters: 'Brev som er sendt (vedlagt)',
    documents: 'Dokumenter vi har mottatt (vedlagt)',
    withheld: 'Dette holder vi tilbake',
    accessLog: 'Hvem som har åpnet, endret eller delt saken',
    absence: 'Fravær',
  },
  field: {
    pupil: 'Elev',
    birthDate: 'Født',
    school: 'Skole',
    grade: 'Trinn',
    guardian: 'Foresatt',
    caseworker: 'Saksbehandler',
    reason: 'Grunn',
    referredBy: 'Henvist av',
    note: 'Merknad',
    outcome: 'Resultat',
    decision: 'Beslutning',
    pupilView: 'Elevens syn',
    parentsView: 'Foresattes syn',
    decidedBy: 'Bestemt av',
    why: 'Begrunnelse',
    participants: 'Deltakere',
    decisions: 'Vedtak og beslutninger',
    agreements: 'Avtaler',
    dissent: 'Dissens',
    information: 'Opplysninger',
    purpose: 'Formål',
    givenBy: 'Gitt av',
    expires: 'Gjelder til',
    legalBasis: 'Lovgrunnlag',
    parentsTold: 'Foresatte informert',
    requestedBy: 'Bedt om av',
    scope: 'Hva det gjelder',
    answered: 'Besvart',
    author: 'Skrevet av',
    recipients: 'Mottakere',
    code: 'Kontrollkode',
    file: 'Vedlegg',
    handover: 'Overlevering',
    answer: 'Svar',
    by: 'Fra',
    alternative: 'Alternativ',
    responsible: 'Ansvarlig',
    start: 'Start',
    goal: 'Mål',
    status: 'Status',
    canOffer: 'Det tjenesten kan tilby',
    cannotOffer: 'Det tjenesten ikke kan tilby',
    timeline: 'Tidslinje',
    commitments: 'Hva hver part forplikter seg til',
    period: 'Periode',
    days: 'Hele dager / delvise dager',
    type: 'Type',
  },
  ev: {
    referral: {
      sent: 'Henvisning sendt',
      received: 'Henvisning mottatt',
      decided: 'Henvisningen vurdert',
      firstContact: 'Første kontakt',
      assessmentStarted: 'Utredning startet',
      concluded: 'Saken konkludert',
      firstMeasure: 'Første tiltak startet',
      closed: 'Saken avsluttet',
    },
    decision: { accepted: 'tatt inn', rejected: 'avslått', forwarded: 'sendt videre' },
    outcome: { full: 'fullt', partial: 'delvis', none: 'ikke' },
    assignmentFrom: (n) => `Ny saksbehandler: ${n}`,
    assignmentTo: (n) => `Saksbehandler sluttet i saken: ${n}`,
    measure: (w) => `Tiltak: ${w}`,
    evaluation: (w) => `Evaluering av tiltak: ${w}`,
    schoolAnswer: (w) => `Skolens svar på tiltak: ${w}`,
    implementation: (w) => `Melding om gjennomføring: ${w}`,
    meeting: 'Møte',
    consentGiven: (r) => `Samtykke gitt (til ${r})`,
    consentWithdrawn: (r) => `Samtykke trukket tilbake (til ${r})`,
    concernReport: 'Bekymringsmelding til barnevernet',
    accessRequest: 'Innsynskrav mottatt',
    accessAnswered: 'Innsynskrav besvart',
    note: (k) => `Journalnotat (${k})`,
    letter: (k) => `Brev sendt: ${k}`,
    document: (title) => `Dokument mottatt: ${title}`,
    other: (c) => `Oppføring (${c})`,
    voice: 'Registrert',
  },
  noteKind: {
    samtale: 'samtale',
    telefon: 'telefon',
    møte: 'møte',
    observasjon: 'observasjon',
    annet: 'notat',
  },
  letterKind: {
    anbefaling: 'Anbefaling til skolen',
    'sakkyndig-vurdering': 'Sakkyndig vurdering',
    mottaksbrev: 'Vi har mottatt henvisningen',
    'ny-kontaktperson': 'Ny kontaktperson',
    motereferat: 'Møtereferat',
    tiltaksoversikt: 'Tiltaksoversikt',
    oppfolgingsbrev: 'Oppfølging av avtaler',
    avslutningsbrev: 'Avslutning av henvisningen',
    overgangsbrev: 'Overgangsbrev',
    innkalling: 'Innkalling til møte',
  },
  yes: 'ja',
  no: 'nei',
  none: 'Ingen.',
  noLetters: 'Vi har ikke sendt brev i saken.',
  noWithheld: 'Vi holder ikke noe tilbake.',
  lettersIntro: 'Hvert brev ligger ved som egen PDF-fil, slik det ble sendt:',
  documentsIntro: 'Dokumentene vi har fått i saken, ligger ved som egne filer, slik vi fikk dem:',
  withheldIntro:
    'Dette står i saken, men er ikke med i dokumentet. For hvert punkt står grunnen og lovhjemmelen. Du kan klage på at det er holdt tilbake.',
  accessIntro:
    'Tilgangsloggen viser hvem hos oss som har åpnet, endret, sendt, eksportert eller delt saken, og når.',
  accessHead: ['Tidspunkt', 'Hvem', 'Hva'],
  withheldHead: ['Dato', 'Hva', 'Grunn og hjemmel'],
  withheldNote: (k) => `Fortrolig journalnotat (${k})`,
  withheldContact: (n) => `Kontaktopplysninger for ${n}`,
  basis: {
    confidentialNote:
      'Fortrolig journalnotat som ikke er frigitt: forvaltningsloven § 18 a (dokument til organets egen saksforberedelse) og § 19',
    thirdPerson:
      'Opplysninger om en annen person enn den som ba om innsyn: forvaltningsloven § 19 andre ledd og § 13 (taushetsplikt)',
  },
  unknownActor: 'ukjent',
  recoveryActor: 'gjenopprettingsnøkkelen',
  closing: 'Med hilsen',
  signatureNote: 'Dokumentet er laget i Bro. Vedleggene er brevene slik de ble sendt.',
  page: (n, of) => `Side ${n} av ${of}`,
  codeLabel: 'Innsyn',
  attachmentDescription: (k, d) => `${k}, ${d}`,
  draftMark: 'UTKAST',
  draftNote: 'Utkast',
};

const NN: InnsynTexts = {
  ...NB,
  lang: 'nn',
  docTitle: 'Innsyn i saka',
  title: (ref) => `Innsyn i saka ${ref}`,
  running: 'Innsyn i saka',
  marking: 'Unnateke offentlegheit',
  ourRef: 'Vår referanse',
  request: 'Innsynskrav motteke',
  to: (by) => (by ? `Til: ${by}` : 'Til: den som bad om innsyn'),
  copies: 'Utlevert etter forvaltningslova §§ 18–19 og personvernforordninga artikkel 15.',
  intro: (received) =>
    `${received ? `Vi fekk kravet om innsyn ${received}. ` : ''}Her er heile saka slik ho står hos oss, i datorekkjefølgje. Breva vi har sendt, ligg ved som eigne PDF-filer i dette dokumentet. Det vi held tilbake, står i ei eiga liste med grunnen og lovheimelen.`,
  healthWhole: 'saka er ført i ei helseteneste, og alt i ho blir rekna som helseopplysningar.',
  howToRead:
    'Vedlegga opnar du frå vedleggslista i PDF-lesaren (bindersen). Spør oss gjerne om noko er uklart. Du kan klage på at noko er halde tilbake.',
  h: {
    parties: 'Eleven, føresette og saksbehandlarar',
    chronology: 'Saka i datorekkjefølgje',
    expectations: 'Forventningsavklaring',
    voices: 'Stemma til eleven og synet til føresette',
    letters: 'Brev som er sende (vedlagde)',
    documents: 'Dokument vi har fått (vedlagde)',
    withheld: 'Dette held vi tilbake',
    accessLog: 'Kven som har opna, endra eller delt saka',
    absence: 'Fråvær',
  },
  field: {
    ...NB.field,
    pupil: 'Elev',
    birthDate: 'Fødd',
    school: 'Skule',
    guardian: 'Føresett',
    caseworker: 'Saksbehandlar',
    referredBy: 'Tilvist av',
    decision: 'Avgjerd',
    pupilView: 'Synet til eleven',
    parentsView: 'Synet til føresette',
    decidedBy: 'Avgjort av',
    why: 'Grunngiving',
    participants: 'Deltakarar',
    decisions: 'Vedtak og avgjerder',
    agreements: 'Avtalar',
    information: 'Opplysningar',
    purpose: 'Føremål',
    givenBy: 'Gitt av',
    expires: 'Gjeld til',
    parentsTold: 'Føresette informerte',
    requestedBy: 'Bede om av',
    scope: 'Kva det gjeld',
    answered: 'Svara',
    author: 'Skriven av',
    recipients: 'Mottakarar',
    code: 'Kontrollkode',
    handover: 'Overlevering',
    by: 'Frå',
    start: 'Start',
    canOffer: 'Det tenesta kan tilby',
    cannotOffer: 'Det tenesta ikkje kan tilby',
    commitments: 'Kva kvar part pliktar seg til',
    days: 'Heile dagar / delvise dagar',
  },
  ev: {
    ...NB.ev,
    referral: {
      sent: 'Tilvising send',
      received: 'Tilvising motteken',
      decided: 'Tilvisinga vurdert',
      firstContact: 'Første kontakt',
      assessmentStarted: 'Utgreiing starta',
      concluded: 'Saka konkludert',
      firstMeasure: 'Første tiltak starta',
      closed: 'Saka avslutta',
    },
    decision: { accepted: 'teken inn', rejected: 'avslått', forwarded: 'send vidare' },
    outcome: { full: 'heilt', partial: 'delvis', none: 'ikkje' },
    assignmentFrom: (n) => `Ny saksbehandlar: ${n}`,
    assignmentTo: (n) => `Saksbehandlar slutta i saka: ${n}`,
    schoolAnswer: (w) => `Svar frå skulen på tiltak: ${w}`,
    implementation: (w) => `Melding om gjennomføring: ${w}`,
    meeting: 'Møte',
    consentGiven: (r) => `Samtykke gitt (til ${r})`,
    consentWithdrawn: (r) => `Samtykke trekt tilbake (til ${r})`,
    concernReport: 'Bekymringsmelding til barnevernet',
    accessRequest: 'Innsynskrav motteke',
    accessAnswered: 'Innsynskrav svara',
    letter: (k) => `Brev sendt: ${k}`,
    document: (title) => `Dokument motteke: ${title}`,
    other: (c) => `Oppføring (${c})`,
  },
  letterKind: {
    anbefaling: 'Tilråding til skulen',
    'sakkyndig-vurdering': 'Sakkunnig vurdering',
    mottaksbrev: 'Vi har fått tilvisinga',
    'ny-kontaktperson': 'Ny kontaktperson',
    motereferat: 'Møtereferat',
    tiltaksoversikt: 'Tiltaksoversikt',
    oppfolgingsbrev: 'Oppfølging av avtalar',
    avslutningsbrev: 'Avslutning av tilvisinga',
    overgangsbrev: 'Overgangsbrev',
    innkalling: 'Innkalling til møte',
  },
  yes: 'ja',
  no: 'nei',
  none: 'Ingen.',
  noLetters: 'Vi har ikkje sendt brev i saka.',
  noWithheld: 'Vi held ikkje noko tilbake.',
  lettersIntro: 'Kvart brev ligg ved som eiga PDF-fil, slik det vart sendt:',
  documentsIntro: 'Dokumenta vi har fått i saka, ligg ved som eigne filer, slik vi fekk dei:',
  withheldIntro:
    'Dette står i saka, men er ikkje med i dokumentet. For kvart punkt står grunnen og lovheimelen. Du kan klage på at det er halde tilbake.',
  accessIntro:
    'Tilgangsloggen viser kven hos oss som har opna, endra, sendt, eksportert eller delt saka, og når.',
  accessHead: ['Tidspunkt', 'Kven', 'Kva'],
  withheldHead: ['Dato', 'Kva', 'Grunn og heimel'],
  withheldNote: (k) => `Fortruleg journalnotat (${k})`,
  withheldContact: (n) => `Kontaktopplysningar for ${n}`,
  basis: {
    confidentialNote:
      'Fortruleg journalnotat som ikkje er frigitt: forvaltningslova § 18 a (dokument til saksførebuinga i organet sjølv) og § 19',
    thirdPerson:
      'Opplysningar om ein annan person enn den som bad om innsyn: forvaltningslova § 19 andre ledd og § 13 (teieplikt)',
  },
  unknownActor: 'ukjend',
  recoveryActor: 'gjenopprettingsnøkkelen',
  closing: 'Med helsing',
  signatureNote: 'Dokumentet er laga i Bro. Vedlegga er breva slik dei vart sende.',
  page: (n, of) => `Side ${n} av ${of}`,
  draftNote: 'Utkast',
};

export const INNSYN_TEXTS: Record<'nb' | 'nn', InnsynTexts> = { nb: NB, nn: NN };
