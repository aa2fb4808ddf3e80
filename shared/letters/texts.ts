import type { NoteKind } from '../domain/note';
import type { ObligationKind } from '../cases/obligations';
import type { LetterKind } from './kinds';

/** ", 7. trinn" after the pupil's name, or nothing when the grade is not known (optional in interchange). */
const trinn = (grade: number | null): string =>
  grade == null ? '' : grade === 0 ? ', barnehage' : `, ${grade}. trinn`;

/**
 * The letters' own words, in bokmål and nynorsk (språklova: public bodies write the recipient's
 * form). Klarspråk: "vi" is the service, the most important comes first, short sentences, one
 * message per sentence, and the same words for the same things in every kind. Words from the case
 * (what a measure is, a goal, a quote) are printed as written; common role names are given in
 * nynorsk in a nynorsk letter.
 */
type Fn<A extends unknown[]> = (...a: A) => string;

export interface LetterTexts {
  lang: 'nb' | 'nn';
  missing: string;
  and: string;
  andRef: string;
  phone: string;
  email: string;
  marking: string;
  date: string;
  ourRef: string;
  copyPrefix: string;
  closing: string;
  signedNote: string;
  draftSignature: string;
  page: (n: number, of: number) => string;
  codeLabel: string;
  draftMark: string;
  draftNote: string;
  /** Journal notes the caseworker chose to quote (never a confidential one not released). */
  journal: { heading: string; kind: Record<NoteKind, string> };
  attachmentDescription: string;
  role: (role: string) => string;
  recipient: {
    rektor: string;
    kontaktlærer: string;
    foresatte: string;
    kommune: string;
    tjeneste: string;
    mottakerskole: string;
  };
  /** One person with parental responsibility. */
  foresattOne: string;
  kindTitle: Record<LetterKind, string>;
  title: (kind: LetterKind, name: string) => string;
  /** The two columns of the understandings table, and the text for one not recorded. */
  understandingsHead: [string, string];
  understandingNone: string;
  /** «Fravær siden henvisningen» in the letters that report progress (issue 15). */
  absenceTable: { heading: string; lead: Fn<[string, boolean]>; head: [string, string, string, string] };
  h: {
    summary: string;
    background: string;
    pupilVoice: string;
    parentsView: string;
    /** «Skolens forståelse» beside «Foresattes forståelse» (issue 13). */
    understandings: string;
    measures: string;
    resources: string;
    expectations: string;
    responsibilities: string;
    contacts: string;
    reply: string;
    distribution: string;
  };
  field: {
    what: string;
    responsible: string;
    leader: string;
    start: string;
    frequency: string;
    trialPeriod: string;
    goal: string;
    evaluation: string;
    resources: string;
    target: string;
    legal: string;
  };
  target: { elev: string; skolemiljø: string; hjem: string };
  label: { Anbefaling: string; Lovkrav: string; Avtalt: string };
  labelsExplained: string;
  measureHeading: Fn<[number, string]>;
  evaluationLine: Fn<[string, string, string]>;
  /** The evaluation date is before the letter's date: said as passed, never as to come. */
  evaluationLinePast: Fn<[string, string, string]>;
  summaryLinePast: Fn<[string, string, string, string]>;
  /** After a past date in a table column headed «Evalueres». */
  passed: string;
  resourceLine: Fn<[string, string, string]>;
  summaryLine: Fn<[string, string, string, string]>;
  replyShort: Fn<[string]>;
  replyRequest: Fn<[string]>;
  voiceAbsent: Fn<[string]>;
  referrer: (code: string) => string;
  /** `who` and `reason` are null when the referral does not say (bro-interchange/1 makes them optional). */
  referralLine: Fn<[string | null, string, string | null]>;
  firstContactLine: Fn<[string, number]>;
  waitingSoFar: Fn<[number]>;
  absenceAtReferral: Fn<[number]>;
  exp: { canOffer: string; cannotOffer: string; timeline: string; commitments: string };
  responsibilitiesIntro: string;
  respHead: string[];
  taskAs: { utfører: string; leder: string; innkaller: string };
  coordinatorLine: Fn<[string, string | null]>;
  coordinatorMissing: string;
  serviceContactLine: Fn<[string, string, string]>;
  serviceContactMissing: string;
  distributionIntro: string;
  distributionIntroFamily: string;
  orgNumber: string;
  /** «Dette kan dere gjøre»: the family's box in every letter. */
  rights: {
    title: string;
    call: Fn<[string]>;
    innsyn: Fn<[string]>;
    innsynHealth: string;
    disagree: string;
    klageVedtak: string;
    klageSchool: string;
    klageHealth: string;
  };
  basisMissing: string;
  basisConsent: (date: string, expires: string | null) => string;
  basisLegal: Fn<[string]>;
  basisParty: string;
  reply: {
    title: string;
    sendTo: Fn<[string, string, string]>;
    returnAddress: Fn<[string]>;
    about: (name: string, grade: number | null, school: string | null, kind: string, date: string) => string;
    choices: string[];
    lines: string[];
    closing: string[];
    followChoices: string[];
    followLines: string[];
    /** Why the school cannot, or can only with a change (issue 19 item 3: a tick box per category). */
    categoryLabel: string;
    categories: string[];
    /** How to answer: fill in the form in the PDF, or print it. */
    formNote: string;
    /** The oppfølgingsbrev's reply page: what each answer needs. */
    followFormNote: string;
    /** An item's title on it, with the deadline that passed (two alike agreements stay apart). */
    followTitle: (kind: string, what: string, deadline: string) => string;
  };
  /** `running`: how many of the `n` measures started before the letter's date (not «set in motion» again). */
  anbefaling: {
    lead: (service: string, n: number, name: string, grade: number | null, running?: number) => string;
  };
  sakkyndig: {
    lead: (service: string, name: string, grade: number | null, ref: string) => string;
    h: {
      sources: string;
      benefit: string;
      difficulties: string;
      goals: string;
      ordinaryTeaching: string;
      soundOffer: string;
      extent: string;
      next: string;
    };
    hours: string;
    validUntil: string;
    next: string;
    /** The conclusion (from the case) and what follows from it. */
    conclusion: {
      title: string;
      needed: string;
      yes: string;
      no: string;
      noText: Fn<[string]>;
      hours: Fn<[number, 'år' | 'uke']>;
      content: string;
      organisation: string;
      staffCompetence: string;
      validUntil: string;
      reassessBy: string;
    };
    deviations: {
      title: string;
      none: string;
      why: string;
      kind: { reduksjon: string; fritak: string };
      basis: Fn<[string]>;
    };
    views: string;
    sentTo: Fn<[string]>;
  };
  /** The pupil's page (options.pupilPage): plain words for the pupil's age. */
  pupil: {
    title: Fn<[string]>;
    intro: Fn<[string, number | null]>;
    happens: string;
    measure: Fn<[string, string | null, string | null]>;
    adults: string;
    adult: Fn<[string, string]>;
    close: string;
  };
  mottak: {
    lead: Fn<[string, string, string, string | null]>;
    /** A foreløpig svar after first contact: its own title and lead (nothing promised that has happened). */
    interimKind: string;
    interimTitle: Fn<[string]>;
    interimLead: Fn<[string, string, string | null]>;
    h: { next: string; advice: string };
    expected: Fn<[string]>;
    expectedMissing: string;
    interim: Fn<[string]>;
    interimWhy: Fn<[string]>;
    had: Fn<[string]>;
    answerBy: Fn<[string]>;
    /** BUP: the right to have the referral assessed (pasient- og brukerrettighetsloven § 2-2). */
    health: Fn<[string]>;
    healthMissed: Fn<[string, string]>;
    /** First contact should have been by this date; it has passed. */
    missed: Fn<[string, number]>;
    adviceIntro: string;
    adviceHead: string[];
    worse: string;
  };
  ny: {
    lead: Fn<[string, string, string]>;
    newContact: string;
    from: string;
    previous: string;
    previousLine: Fn<[string, string]>;
    gap: Fn<[number]>;
    h: { continues: string };
    handedOver: string;
    continues: string;
    promises: string;
    deadlines: string;
    overdue: string;
    overdueLine: Fn<[string, string, number]>;
    fromNote: string;
  };
  /** The kinds of obligation (shared/cases/obligations.ts), for «Neste frister». */
  obligation: Record<ObligationKind, string>;
  mote: {
    lead: Fn<[string, string]>;
    h: {
      participants: string;
      carried: string;
      about: string;
      decisions: string;
      agreements: string;
      dissent: string;
    };
    noLeader: string;
    carriedHead: string[];
    noneCarried: string;
    noDecisions: string;
    agreementsHead: string[];
    promised: string;
    noAgreements: string;
    noDissent: string;
    comments: Fn<[string]>;
  };
  agreementStatus: (s: string) => string;
  /** An open agreement whose deadline is before the letter's date. */
  agreementOverdue: string;
  oversikt: {
    lead: Fn<[string, string]>;
    head: string[];
    schoolAnswer: string;
    answerLine: (
      answer: string,
      date: string,
      by: string,
      reason: string | null,
      alt: string | null,
    ) => string;
    noAnswer: string;
    implemented: string;
    implementedLine: (school: string | null, parents: string | null) => string;
    report: (inPlace: boolean, date: string) => string;
    note: string;
    discrepancy: string;
    evalHead: string[];
    evalPlanned: Fn<[string]>;
    evalOverdue: Fn<[string, number]>;
    noEval: string;
    agreementsHeading: string;
  };
  measureState: (state: string, ended: string | null) => string;
  schoolAnswer: (a: string) => string;
  outcome: (o: string) => string;
  decision: (d: string) => string;
  oppfolging: {
    lead: Fn<[string, number]>;
    head: string[];
    kind: { agreement: string; answer: string; evaluation: string };
    daysOver: Fn<[number]>;
    promised: string;
    h: { ask: string; own: string };
    ask: Fn<[string]>;
    leadOwnOnly: Fn<[string]>;
    ownIntro: string;
    ownLine: Fn<[string, string, string, number]>;
  };
}

const capFirst = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const lowerFirst = (s: string) => (/^[A-ZÆØÅ]{2,}/u.test(s) ? s : s ? s[0]!.toLowerCase() + s.slice(1) : s);
const stop = (s: string) => s.trim().replace(/[.!?]+$/u, '');
/** 76 → «76», 1.5 → «1,5». */
const fmtHours = (n: number) => String(n).replace('.', ',');
const days = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const NB_NUM = ['null', 'ett', 'to', 'tre', 'fire', 'fem', 'seks', 'sju', 'åtte', 'ni', 'ti'];
const NN_NUM = ['null', 'eitt', 'to', 'tre', 'fire', 'fem', 'seks', 'sju', 'åtte', 'ni', 'ti'];

const NN_ROLES: Record<string, string> = {
  kontaktlærer: 'kontaktlærar',
  lærer: 'lærar',
  sosiallærer: 'sosiallærar',
  avdelingsleder: 'avdelingsleiar',
  trinnleder: 'trinnleiar',
  rådgiver: 'rådgjevar',
  'pp-rådgiver': 'PP-rådgjevar',
  'ppt-rådgiver': 'PPT-rådgjevar',
  miljøterapeut: 'miljøterapeut',
  foresatt: 'føresett',
  mor: 'mor',
  far: 'far',
  seniorrådgiver: 'seniorrådgjevar',
  helsesykepleier: 'helsesjukepleiar',
  spesialsykepleier: 'spesialsjukepleiar',
  foresatte: 'føresette',
  'koordinator i skolen': 'koordinator i skulen',
  'assisterende rektor': 'assisterande rektor',
};

export const NB: LetterTexts = {
  lang: 'nb',
  missing: '[mangler]',
  understandingsHead: ['Skolens forståelse', 'Foresattes forståelse'],
  understandingNone: 'Ikke registrert.',
  absenceTable: {
    heading: 'Fravær siden henvisningen',
    lead: (since, holidays) =>
      `Tabellen viser elevens fravær måned for måned siden saken ble henvist ${since}, etter skolens tall. Skoledager er hverdager uten helligdager${holidays ? ' og skoleferier' : ''}. En delvis dag teller som en halv dag.`,
    head: ['Måned', 'Skoledager', 'Fraværsdager', 'Fravær'],
  },
  and: ' og ',
  andRef: ', jf. ',
  phone: 'telefon',
  email: 'e-post',
  marking: 'Unntatt offentlighet',
  date: 'Dato',
  ourRef: 'Vår referanse',
  copyPrefix: 'Kopi med lik tekst til',
  closing: 'Med hilsen',
  signedNote:
    'Brevet er godkjent og signert elektronisk. Kontrollkoden nederst på hver side viser at dette er brevet slik vi sendte det.',
  draftSignature: 'UTKAST. Brevet er ikke signert og ikke sendt.',
  page: (n, of) => `Side ${n} av ${of}`,
  codeLabel: 'Kontrollkode',
  draftMark: 'UTKAST',
  draftNote: 'Utkast – ikke sendt',
  journal: {
    heading: 'Fra journalen',
    kind: {
      samtale: 'Samtale',
      telefon: 'Telefon',
      møte: 'Møte',
      observasjon: 'Observasjon',
      annet: 'Notat',
    },
  },
  attachmentDescription: 'Brevet som strukturerte data (JSON) med signatur',
  role: (r) => r,
  recipient: {
    rektor: 'rektor',
    kontaktlærer: 'kontaktlærer',
    foresatte: 'foresatte',
    kommune: 'kommunen',
    tjeneste: 'annen tjeneste',
    mottakerskole: 'mottakende skole',
  },
  foresattOne: 'foresatt',
  kindTitle: {
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
  title: (kind, name) =>
    ({
      anbefaling: `Anbefaling til skolen om tiltak for ${name}`,
      'sakkyndig-vurdering': `Sakkyndig vurdering for ${name}`,
      mottaksbrev: `Vi har mottatt henvisningen for ${name}`,
      'ny-kontaktperson': `Ny kontaktperson for ${name}`,
      motereferat: `Referat fra møte om ${name}`,
      tiltaksoversikt: `Tiltaksoversikt for ${name}`,
      oppfolgingsbrev: `Oppfølging av avtaler for ${name}`,
      avslutningsbrev: `Avslutning av henvisningen for ${name}`,
      overgangsbrev: `Overgangsbrev for ${name}`,
      innkalling: `Innkalling til møte om ${name}`,
    })[kind],
  h: {
    summary: 'Kort fortalt',
    background: 'Bakgrunn',
    pupilVoice: 'Elevens stemme',
    parentsView: 'Foresattes syn',
    understandings: 'Skolens og foresattes forståelse av fraværet',
    measures: 'Dette anbefaler vi',
    resources: 'Ressurser og rammer',
    expectations: 'Forventninger',
    responsibilities: 'Ansvarsfordeling',
    contacts: 'Kontaktpersoner',
    reply: 'Svar fra skolen',
    distribution: 'Hvem får brevet',
  },
  field: {
    what: 'Hva',
    responsible: 'Hvem gjør det',
    leader: 'Ledelsesansvar',
    start: 'Fra',
    frequency: 'Hvor ofte',
    trialPeriod: 'Prøveperiode',
    goal: 'Mål',
    evaluation: 'Evaluering',
    resources: 'Ressurser',
    target: 'Rettet mot',
    legal: 'Lovhenvisning',
  },
  target: { elev: 'eleven', skolemiljø: 'skolemiljøet', hjem: 'hjemmet' },
  label: { Anbefaling: 'Anbefaling', Lovkrav: 'Lovkrav', Avtalt: 'Avtalt i møte' },
  labelsExplained:
    'Hvert tiltak er merket. Anbefaling betyr at vi gir råd, og at skolen bestemmer. Lovkrav betyr at skolen har plikt til det etter loven. Avtalt i møte betyr at partene ble enige om det i et møte.',
  measureHeading: (n, title) => `Tiltak ${n}: ${title}`,
  evaluationLine: (date, method, who) => `${date}. Metode: ${stop(method)}. ${capFirst(who)} kaller inn.`,
  evaluationLinePast: (date, method, who) =>
    `Satt til ${date}, og den datoen er passert. Metode: ${stop(method)}. ${capFirst(who)} kaller inn.`,
  summaryLinePast: (title, who, start, ev) =>
    `${title}: ${who}, fra ${start}. Evalueringen var satt til ${ev}.`,
  passed: '(passert)',
  resourceLine: (title, res, leader) => `${title}: ${stop(res)}. ${leader} sørger for at dette settes av.`,
  summaryLine: (title, who, start, ev) => `${title}: ${who}, fra ${start}. Evalueres ${ev}.`,
  replyShort: (date) => `Vi ber rektor svare på svarslippen bakerst i brevet innen ${date}.`,
  replyRequest: (date) =>
    `Vi ber rektor svare for hvert tiltak innen ${date}: om skolen gjennomfører det, gjennomfører det med endring, eller ikke kan gjennomføre det. Hvis skolen ikke kan, ber vi om grunnen og et alternativ. Bruk svarslippen bakerst i brevet.`,
  voiceAbsent: (reason) => `Dette mangler i brevet. Grunnen er: ${stop(reason)}.`,
  referrer: (code) =>
    ({
      skole: 'Skolen',
      foresatte: 'Foresatte',
      fastlege: 'Fastlegen',
      helsesykepleier: 'Helsesykepleieren',
      PPT: 'PPT',
      BUP: 'BUP',
      Skoleteam: 'Skoleteamet',
      barnevern: 'Barnevernstjenesten',
    })[code] ?? 'En annen instans',
  referralLine: (who, date, reason) =>
    (who ? `${who} henviste saken til oss. ` : '') +
    `Vi mottok henvisningen ${date}.` +
    (reason ? ` Grunnen var: ${stop(reason)}.` : ''),
  firstContactLine: (date, n) =>
    `Første samtale med oss var ${date}, ${days(n, 'dag', 'dager')} etter at vi mottok henvisningen.`,
  waitingSoFar: (n) => `Det har gått ${days(n, 'dag', 'dager')} siden vi mottok henvisningen.`,
  absenceAtReferral: (p) => `Fraværet var ${p} prosent da saken ble henvist.`,
  exp: {
    canOffer: 'Dette kan vi tilby',
    cannotOffer: 'Dette kan vi ikke tilby',
    timeline: 'Tidsplan',
    commitments: 'Dette har partene forpliktet seg til',
  },
  responsibilitiesIntro: 'Tabellen viser hvem som gjør hva, fra når, og når det evalueres.',
  respHead: ['Rolle', 'Navn', 'Hva', 'Fra', 'Evalueres'],
  taskAs: { utfører: 'gjør det', leder: 'ledelsesansvar', innkaller: 'kaller inn til evaluering' },
  coordinatorLine: (who) =>
    `Koordinator på skolen: ${who}. Foresatte kan ta kontakt med koordinatoren om alt som gjelder skoledagen.`,
  coordinatorMissing: 'Koordinator på skolen: ikke avklart.',
  serviceContactLine: (who, service, reach) =>
    `Kontaktperson hos oss: ${who}, ${service}${reach ? `, ${reach}` : ''}.`,
  serviceContactMissing: 'Kontaktperson hos oss: ikke avklart.',
  distributionIntro:
    'Brevet er sendt til rektor. Kontaktlærer og foresatte får en kopi med nøyaktig samme tekst.',
  distributionIntroFamily:
    'Brevet er sendt til foresatte. Rektor og kontaktlærer får en kopi med nøyaktig samme tekst når det står et grunnlag for det nedenfor.',
  orgNumber: 'Org.nr.',
  rights: {
    title: 'Dette kan dere gjøre',
    call: (who) => `Har dere spørsmål, ta kontakt med ${who}.`,
    innsyn: (ref) => `Dere har rett til å se dokumentene i saken (${ref}). Be oss om det, så sender vi dem.`,
    innsynHealth: 'Dere har rett til å se journalen. Be oss om det, så sender vi den.',
    disagree:
      'Er dere uenige i noe i brevet, si fra til oss. Vi skriver det dere sier inn i saken og svarer dere.',
    klageVedtak:
      'Kommunen gjør vedtak. Dere kan klage på vedtaket innen tre uker etter at dere fikk det. Klagen sendes til kommunen. Får dere ikke medhold, avgjør Statsforvalteren klagen.',
    klageSchool:
      'Brevet er ikke et vedtak, og det kan ikke klages på. Mener dere at eleven ikke har det trygt og godt på skolen, si fra til rektor. Hjelper ikke det, kan dere melde saken til Statsforvalteren (opplæringslova kapittel 12).',
    klageHealth:
      'Mener dere at dere ikke får den helsehjelpen dere har rett til, kan dere be oss rette det. Får dere ikke medhold, kan dere klage til Statsforvalteren.',
  },
  basisMissing: 'mangler samtykke eller lovgrunnlag',
  basisConsent: (date, exp) => `samtykke datert ${date}${exp ? `, gyldig til ${exp}` : ''}`,
  basisLegal: (text) => `lovgrunnlag: ${stop(text)}`,
  basisParty: 'part i saken',
  reply: {
    title: 'Svarslipp fra rektor',
    sendTo: (name, service, date) =>
      name === service
        ? `Send svaret til ${service} innen ${date}.`
        : `Send svaret til ${name}, ${service}, innen ${date}.`,
    returnAddress: (lines) => `Returadresse: ${lines}.`,
    about: (name, grade, school, kind, date) =>
      `Gjelder: ${kind} for ${name}${trinn(grade)}${school ? `, ${school}` : ''}, datert ${date}.`,
    choices: ['Gjennomføres', 'Gjennomføres med endring', 'Kan ikke gjennomføres'],
    lines: ['Grunn', 'Endring eller alternativ'],
    closing: ['Dato', 'Navn og rolle (rektor eller avdelingsleder)'],
    followChoices: ['Utført', 'Ny frist', 'Kan ikke gjennomføres'],
    followLines: ['Dato for utført eller ny frist', 'Ansvarlig og grunn'],
    categoryLabel: 'Årsak',
    categories: ['Ressurser', 'Kompetanse', 'Organisering', 'Annet'],
    formNote:
      'Svaret kan fylles ut i PDF-en og sendes tilbake som den er, eller skrives ut og fylles ut for hånd. Ved «med endring» eller «kan ikke»: kryss av for årsak og skriv grunnen og hva skolen gjør i stedet.',
    followFormNote:
      'Svaret kan fylles ut i PDF-en og sendes tilbake som den er, eller skrives ut og fylles ut for hånd. Ved «ny frist»: skriv den nye datoen. Ved «kan ikke»: skriv hvem som har ansvaret og grunnen.',
    followTitle: (kind, what, deadline) => `${kind}: ${what} (frist ${deadline})`,
  },
  anbefaling: {
    lead: (_service, n, name, grade, running = 0) => {
      const fresh = n - running;
      const num = (k: number) => NB_NUM[k] ?? String(k);
      const first =
        running === 0
          ? `Vi anbefaler at skolen setter i gang ${num(n)} tiltak for ${name}${trinn(grade)}.`
          : fresh === 0
            ? `Vi anbefaler at skolen fortsetter med ${n === 1 ? 'tiltaket' : `de ${num(n)} tiltakene`} for ${name}${trinn(grade)} som allerede er i gang.`
            : `Vi anbefaler at skolen setter i gang ${fresh === 1 ? 'ett nytt' : `${num(fresh)} nye`} tiltak for ${name}${trinn(grade)} og fortsetter med ${running === 1 ? 'det ene' : `de ${num(running)}`} som allerede er i gang.`;
      return `${first} For hvert tiltak står det hva som skal gjøres, hvem som gjør det, fra når, og når det skal evalueres.`;
    },
  },
  sakkyndig: {
    lead: (_service, name, grade, ref) =>
      `Dette er en sakkyndig vurdering av opplæringen for ${name}${trinn(grade)}, etter ${ref}. Den svarer på spørsmålene loven stiller, og sier hva vi tilrår. Kommunen bruker vurderingen når den fatter vedtak.`,
    h: {
      sources: 'Slik har vi utredet',
      benefit: 'Har eleven, eller kan eleven få, et tilfredsstillende utbytte av opplæringen?',
      difficulties: 'Lærevansker og andre forhold som er viktige for opplæringen',
      goals: 'Realistiske mål for opplæringen',
      ordinaryTeaching: 'Behov for individuelt tilrettelagt opplæring',
      soundOffer: 'Hva gir et forsvarlig opplæringstilbud?',
      extent: 'Omfang og varighet',
      next: 'Videre saksgang',
    },
    hours: 'Omfang',
    validUntil: 'Gjelder til',
    conclusion: {
      title: 'Konklusjon',
      needed: 'Trenger eleven individuelt tilrettelagt opplæring?',
      yes: 'Ja',
      no: 'Nei',
      noText: (ref) =>
        `Eleven kan få et tilfredsstillende utbytte av opplæringen når skolen tilpasser den ordinære opplæringen (${ref}).`,
      hours: (n, per) =>
        `${fmtHours(n)} ${n === 1 ? 'time' : 'timer'} per ${per === 'år' ? 'skoleår' : 'uke'}`,
      content: 'Innhold',
      organisation: 'Organisering',
      staffCompetence: 'Kompetanse hos personalet',
      validUntil: 'Vurderingen gjelder til',
      reassessBy: 'Behovet vurderes på nytt',
    },
    deviations: {
      title: 'Reduksjon i eller fritak fra deler av opplæringen',
      none: 'Vi tilrår ingen reduksjon i eller fritak fra deler av opplæringen.',
      why: 'Dette har betydning for rettighetene til eleven: det som står her, må stå i vedtaket for å gjelde.',
      kind: { reduksjon: 'Reduksjon', fritak: 'Fritak' },
      basis: (b) => `Lovgrunnlag: ${stop(b)}`,
    },
    views: 'Slik har vi lagt vekt på synet til eleven og foresatte',
    sentTo: (to) =>
      `Vurderingen er sendt til ${to}, som avgjør saken. Foresatte får en kopi med nøyaktig samme tekst og kan si sin mening før vedtaket. Skolen får en kopi bare når det står et grunnlag for det nedenfor.`,
    next: 'En sakkyndig vurdering er ikke et vedtak. Kommunen avgjør saken med et enkeltvedtak. Foresatte får en kopi av vurderingen og kan si sin mening til kommunen før vedtaket. Foresatte kan klage på vedtaket innen tre uker etter at de fikk det. Klagen sendes til den som gjorde vedtaket. Blir klagen ikke tatt til følge, avgjør Statsforvalteren den. Foresatte har rett til å se dokumentene i saken.',
  },
  pupil: {
    title: (first) => `Til deg, ${first}`,
    intro: (first, grade) =>
      grade !== null && grade <= 4
        ? `Hei ${first}! Her står det hva de voksne skal gjøre for at skoledagene skal bli bedre.`
        : `Hei ${first}. Dette brevet handler om deg. Her står det kort hva som skal skje, og hvem du kan snakke med.`,
    happens: 'Dette skal skje',
    measure: (what, who, from) =>
      `${what}.${who ? ` ${who} hjelper deg med det.` : ''}${from ? ` Det begynner ${from}.` : ''}`,
    adults: 'Disse voksne kan du snakke med',
    adult: (name, role) => `${name} (${role})`,
    close: 'Du kan alltid si fra hvis noe ikke fungerer. Det du sier, er viktig for oss.',
  },
  mottak: {
    lead: (_service, date, name, referrer) =>
      `Vi mottok henvisningen for ${name} ${date}.${referrer ? ` Den kom fra ${lowerFirst(referrer)}.` : ''} Her står det når dere kan vente å høre fra oss, og hva skolen kan gjøre mens eleven venter.`,
    interimKind: 'Foreløpig svar',
    interimTitle: (name) => `Foreløpig svar i saken om ${name}`,
    interimLead: (date, name, referrer) =>
      `Vi mottok henvisningen for ${name} ${date}.${referrer ? ` Den kom fra ${lowerFirst(referrer)}.` : ''} Her står det hvorfor svaret tar tid, når dere kan vente det, og hva skolen kan gjøre i mellomtiden.`,
    h: { next: 'Dette skjer videre', advice: 'Råd i ventetiden' },
    expected: (date) => `Dere kan vente første kontakt fra oss senest ${date}.`,
    expectedMissing: 'Vi kan ikke si ennå når første kontakt blir. Vi gir beskjed så snart vi vet det.',
    interim: (ref) =>
      `Det har gått mer enn en måned siden vi mottok henvisningen. Dette brevet er derfor også et foreløpig svar etter ${ref}.`,
    interimWhy: (reason) => `Svaret tar tid fordi ${lowerFirst(stop(reason))}.`,
    had: (date) => `Vi hadde den første samtalen ${date}. Vurderingen vår er ikke ferdig ennå.`,
    answerBy: (date) => `Dere kan vente svar fra oss senest ${date}.`,
    healthMissed: (ref, date) =>
      `Etter ${ref} hadde dere rett til å få vite innen 10 virkedager om eleven får helsehjelp hos oss, og når den senest skal starte. Den fristen gikk ut ${date}, og det beklager vi. Svaret får dere så snart vurderingen er gjort.`,
    health: (ref) =>
      `Etter ${ref} har dere rett til å få vite innen 10 virkedager om eleven får helsehjelp hos oss, og når den senest skal starte.`,
    missed: (date, n) =>
      `Fristen for første kontakt var ${date}. Den er passert med ${days(n, 'dag', 'dager')}, og det beklager vi.`,
    adviceIntro:
      'Mens eleven venter, skal ikke skolen vente. Fravær gir mer fravær. Dette ber vi skolen gjøre nå:',
    adviceHead: ['Hva', 'Hvem'],
    worse:
      'Hvis fraværet øker mens dere venter, ta kontakt med oss. Da ser vi på om saken må gå foran andre.',
  },
  ny: {
    lead: (who, date, name) =>
      `${who} er ny kontaktperson for ${name} fra ${date}. Alle avtaler og frister i saken gjelder som før.`,
    newContact: 'Ny kontaktperson',
    from: 'Fra',
    previous: 'Tidligere kontaktperson',
    previousLine: (name, date) => `${name}, til og med ${date}`,
    gap: (n) => `Saken hadde ingen kontaktperson i ${days(n, 'dag', 'dager')} før dette. Det beklager vi.`,
    h: { continues: 'Dette gjelder videre' },
    handedOver: 'Den nye kontaktpersonen har fått en skriftlig overføring av saken.',
    continues: 'Dette er lovet og avtalt, og det følges opp:',
    promises: 'Løfter som gjelder',
    deadlines: 'Neste frister',
    overdue: 'Over fristen',
    overdueLine: (date, what, n) => `${what}, frist ${date} (${days(n, 'dag', 'dager')} over fristen)`,
    fromNote: 'Fra overføringsnotatet',
  },
  obligation: {
    provisionalReply: 'foreløpig svar',
    decision: 'vurdering av henvisningen',
    fristPassing: 'frist for helsehjelp',
    firstContactTarget: 'første kontakt',
    evaluation: 'evaluering av tiltak',
    schoolReply: 'svar fra skolen',
    informParents: 'informere foresatte',
    measureRules: 'fullføre tiltak',
    transition: 'planlegge overgang',
    accessRequest: 'svar på innsynskrav',
    agreement: 'møteavtale',
    retention: 'sletting av arbeidskopien',
    proposalAnswer: 'svar på innspill fra foresatte',
    absenceUpdate: 'nye fraværstall fra skolen',
    minutes: 'referat fra møtet til alle parter',
    revisit: 'gjennomgang av anbefalingene etter ny status i utredningen',
  },
  mote: {
    lead: (date, name) => `Dette er referatet fra møtet ${date} om ${name}.`,
    h: {
      participants: 'Til stede',
      carried: 'Åpne avtaler fra forrige møte',
      about: 'Om møtet',
      decisions: 'Beslutninger',
      agreements: 'Avtaler',
      dissent: 'Uenighet',
    },
    noLeader: 'Ingen fra skolens ledelse var til stede.',
    carriedHead: ['Hva', 'Hvem', 'Frist', 'Status'],
    noneCarried: 'Ingen avtaler fra forrige møte var åpne.',
    noDecisions: 'Møtet tok ingen beslutninger.',
    agreementsHead: ['Hva', 'Hvem', 'Frist', 'Status'],
    promised: 'lovet eleven',
    noAgreements: 'Møtet gjorde ingen nye avtaler.',
    noDissent: 'Ingen meldte uenighet.',
    comments: (date) => `Gi beskjed til kontaktpersonen hos oss innen ${date} hvis noe i referatet er feil.`,
  },
  agreementOverdue: 'åpen, over fristen',
  agreementStatus: (s) =>
    ({ åpen: 'åpen', utført: 'utført', 'ikke utført': 'ikke utført', avlyst: 'avlyst' })[s] ?? s,
  oversikt: {
    lead: (name, date) =>
      `Her er en oversikt over tiltakene for ${name} per ${date}: hva som er avtalt, hva som er gjennomført, hva som ikke er gjennomført, og hva som er avsluttet.`,
    head: ['Tiltak', 'Hvem', 'Fra', 'Status'],
    schoolAnswer: 'Skolens svar',
    answerLine: (answer, date, by, reason, alt) =>
      `${answer} (${date}, ${by})${reason ? `. Grunn: ${stop(reason)}` : ''}${alt ? `. Alternativ: ${stop(alt)}` : ''}.`,
    noAnswer: 'Skolen har ikke svart.',
    implemented: 'Gjennomført',
    implementedLine: (school, parents) =>
      `Skolen: ${school ?? 'ikke meldt'}. Foresatte: ${parents ?? 'ikke bekreftet'}.`,
    report: (inPlace, date) => (inPlace ? `i gang (${date})` : `ikke i gang (${date})`),
    note: 'Merk',
    discrepancy: 'Skolen og foresatte melder ulikt om tiltaket er i gang. Vi tar dette opp i neste møte.',
    evalHead: ['Dato', 'Resultat', 'Beslutning', 'Begrunnelse'],
    evalPlanned: (date) => `Ikke evaluert ennå. Evaluering er planlagt ${date}.`,
    evalOverdue: (date, n) =>
      `Ikke evaluert. Evalueringen skulle vært ${date} og er ${days(n, 'dag', 'dager')} over fristen.`,
    noEval: 'Ikke evaluert, og ingen evaluering er planlagt.',
    agreementsHeading: 'Avtaler fra møtene',
  },
  measureState: (s, ended) =>
    ({
      avsluttet: ended ? `Avsluttet ${ended}` : 'Avsluttet',
      'kan ikke': 'Skolen kan ikke',
      gjennomføres: 'Gjennomføres',
      'ikke i gang': 'Ikke i gang',
      'avventer svar': 'Venter på svar',
    })[s] ?? s,
  schoolAnswer: (a) =>
    ({
      gjennomføres: 'Gjennomføres',
      'med endring': 'Gjennomføres med endring',
      'kan ikke': 'Kan ikke gjennomføres',
    })[a] ?? a,
  outcome: (o) => o,
  decision: (d) => d,
  oppfolging: {
    lead: (name, n) =>
      `Noe av det som er avtalt for ${name}, har passert fristen. Her er ${n === 1 ? 'det ene punktet' : `de ${NB_NUM[n] ?? n} punktene`} som ikke er gjort i tide.`,
    head: ['Hva', 'Hvem', 'Frist', 'Over fristen'],
    kind: { agreement: 'Avtale', answer: 'Svar på anbefaling', evaluation: 'Evaluering' },
    daysOver: (n) => days(n, 'dag', 'dager'),
    promised:
      'Noen av avtalene er lovet eleven. De står først. Et brutt løfte til eleven svekker tilliten, og vi ber om at disse kommer først.',
    h: { ask: 'Dette ber vi om', own: 'Dette har vi selv ikke gjort i tide' },
    ask: (date) =>
      `Vi ber rektor svare innen ${date}, for hvert punkt: Er det gjort, og når? Eller hvilken ny frist gjelder, og hvem har ansvaret? Bruk svarslippen bakerst i brevet.`,
    leadOwnOnly: (name) =>
      `Noe av det vi har ansvar for i saken til ${name}, har passert fristen. Her er det vi ikke har gjort i tide, og hva vi gjør nå.`,
    ownIntro:
      'Disse punktene er vårt ansvar, ikke skolens. Vi beklager. Vi gjør dem nå og gir beskjed når de er gjort.',
    ownLine: (kind, what, date, n) =>
      `${kind}: ${what}. Frist ${date}, ${days(n, 'dag', 'dager')} over fristen.`,
  },
};

export const NN: LetterTexts = {
  lang: 'nn',
  missing: '[manglar]',
  understandingsHead: ['Forståinga til skulen', 'Forståinga til føresette'],
  understandingNone: 'Ikkje registrert.',
  absenceTable: {
    heading: 'Fråvær sidan tilvisinga',
    lead: (since, holidays) =>
      `Tabellen viser fråværet til eleven månad for månad sidan saka vart tilvist ${since}, etter tala frå skulen. Skuledagar er kvardagar utan heilagdagar${holidays ? ' og skuleferiar' : ''}. Ein delvis dag tel som ein halv dag.`,
    head: ['Månad', 'Skuledagar', 'Fråværsdagar', 'Fråvær'],
  },
  and: ' og ',
  andRef: ', jf. ',
  phone: 'telefon',
  email: 'e-post',
  marking: 'Unnateke offentlegheit',
  date: 'Dato',
  ourRef: 'Vår referanse',
  copyPrefix: 'Kopi med lik tekst til',
  closing: 'Med helsing',
  signedNote:
    'Brevet er godkjent og signert elektronisk. Kontrollkoden nedst på kvar side viser at dette er brevet slik vi sende det.',
  draftSignature: 'UTKAST. Brevet er ikkje signert og ikkje sendt.',
  page: (n, of) => `Side ${n} av ${of}`,
  codeLabel: 'Kontrollkode',
  draftMark: 'UTKAST',
  draftNote: 'Utkast – ikkje sendt',
  journal: {
    heading: 'Frå journalen',
    kind: {
      samtale: 'Samtale',
      telefon: 'Telefon',
      møte: 'Møte',
      observasjon: 'Observasjon',
      annet: 'Notat',
    },
  },
  attachmentDescription: 'Brevet som strukturerte data (JSON) med signatur',
  role: (r) => NN_ROLES[r.trim().toLowerCase()] ?? r,
  recipient: {
    rektor: 'rektor',
    kontaktlærer: 'kontaktlærar',
    foresatte: 'føresette',
    kommune: 'kommunen',
    tjeneste: 'anna teneste',
    mottakerskole: 'mottakande skule',
  },
  foresattOne: 'føresett',
  kindTitle: {
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
  title: (kind, name) =>
    ({
      anbefaling: `Tilråding til skulen om tiltak for ${name}`,
      'sakkyndig-vurdering': `Sakkunnig vurdering for ${name}`,
      mottaksbrev: `Vi har fått tilvisinga for ${name}`,
      'ny-kontaktperson': `Ny kontaktperson for ${name}`,
      motereferat: `Referat frå møte om ${name}`,
      tiltaksoversikt: `Tiltaksoversikt for ${name}`,
      oppfolgingsbrev: `Oppfølging av avtalar for ${name}`,
      avslutningsbrev: `Avslutning av tilvisinga for ${name}`,
      overgangsbrev: `Overgangsbrev for ${name}`,
      innkalling: `Innkalling til møte om ${name}`,
    })[kind],
  h: {
    summary: 'Kort fortalt',
    background: 'Bakgrunn',
    pupilVoice: 'Eleven si stemme',
    parentsView: 'Syn frå føresette',
    understandings: 'Forståinga til skulen og føresette av fråværet',
    measures: 'Dette tilrår vi',
    resources: 'Ressursar og rammer',
    expectations: 'Forventningar',
    responsibilities: 'Ansvarsfordeling',
    contacts: 'Kontaktpersonar',
    reply: 'Svar frå skulen',
    distribution: 'Kven får brevet',
  },
  field: {
    what: 'Kva',
    responsible: 'Kven gjer det',
    leader: 'Leiaransvar',
    start: 'Frå',
    frequency: 'Kor ofte',
    trialPeriod: 'Prøveperiode',
    goal: 'Mål',
    evaluation: 'Evaluering',
    resources: 'Ressursar',
    target: 'Retta mot',
    legal: 'Lovtilvising',
  },
  target: { elev: 'eleven', skolemiljø: 'skulemiljøet', hjem: 'heimen' },
  label: { Anbefaling: 'Tilråding', Lovkrav: 'Lovkrav', Avtalt: 'Avtalt i møte' },
  labelsExplained:
    'Kvart tiltak er merkt. Tilråding tyder at vi gir råd, og at skulen avgjer. Lovkrav tyder at skulen har plikt til det etter lova. Avtalt i møte tyder at partane vart samde om det i eit møte.',
  measureHeading: (n, title) => `Tiltak ${n}: ${title}`,
  evaluationLine: (date, method, who) => `${date}. Metode: ${stop(method)}. ${capFirst(who)} kallar inn.`,
  evaluationLinePast: (date, method, who) =>
    `Sett til ${date}, og den datoen er passert. Metode: ${stop(method)}. ${capFirst(who)} kallar inn.`,
  summaryLinePast: (title, who, start, ev) =>
    `${title}: ${who}, frå ${start}. Evalueringa var sett til ${ev}.`,
  passed: '(passert)',
  resourceLine: (title, res, leader) => `${title}: ${stop(res)}. ${leader} syter for at dette blir sett av.`,
  summaryLine: (title, who, start, ev) => `${title}: ${who}, frå ${start}. Blir evaluert ${ev}.`,
  replyShort: (date) => `Vi ber rektor svare på svarslippen bakarst i brevet innan ${date}.`,
  replyRequest: (date) =>
    `Vi ber rektor svare for kvart tiltak innan ${date}: om skulen gjennomfører det, gjennomfører det med endring, eller ikkje kan gjennomføre det. Om skulen ikkje kan, ber vi om grunnen og eit alternativ. Bruk svarslippen bakarst i brevet.`,
  voiceAbsent: (reason) => `Dette manglar i brevet. Grunnen er: ${stop(reason)}.`,
  referrer: (code) =>
    ({
      skole: 'Skulen',
      foresatte: 'Føresette',
      fastlege: 'Fastlegen',
      helsesykepleier: 'Helsesjukepleiaren',
      PPT: 'PPT',
      BUP: 'BUP',
      Skoleteam: 'Skuleteamet',
      barnevern: 'Barnevernstenesta',
    })[code] ?? 'Ein annan instans',
  referralLine: (who, date, reason) =>
    (who ? `${who} viste saka til oss. ` : '') +
    `Vi fekk tilvisinga ${date}.` +
    (reason ? ` Grunnen var: ${stop(reason)}.` : ''),
  firstContactLine: (date, n) =>
    `Den første samtalen med oss var ${date}, ${days(n, 'dag', 'dagar')} etter at vi fekk tilvisinga.`,
  waitingSoFar: (n) => `Det har gått ${days(n, 'dag', 'dagar')} sidan vi fekk tilvisinga.`,
  absenceAtReferral: (p) => `Fråværet var ${p} prosent då saka vart tilvist.`,
  exp: {
    canOffer: 'Dette kan vi tilby',
    cannotOffer: 'Dette kan vi ikkje tilby',
    timeline: 'Tidsplan',
    commitments: 'Dette har partane forplikta seg til',
  },
  responsibilitiesIntro: 'Tabellen viser kven som gjer kva, frå når, og når det blir evaluert.',
  respHead: ['Rolle', 'Namn', 'Kva', 'Frå', 'Evaluering'],
  taskAs: { utfører: 'gjer det', leder: 'leiaransvar', innkaller: 'kallar inn til evaluering' },
  coordinatorLine: (who) =>
    `Koordinator på skulen: ${who}. Føresette kan ta kontakt med koordinatoren om alt som gjeld skuledagen.`,
  coordinatorMissing: 'Koordinator på skulen: ikkje avklart.',
  serviceContactLine: (who, service, reach) =>
    `Kontaktperson hjå oss: ${who}, ${service}${reach ? `, ${reach}` : ''}.`,
  serviceContactMissing: 'Kontaktperson hjå oss: ikkje avklart.',
  distributionIntro:
    'Brevet er sendt til rektor. Kontaktlæraren og føresette får ein kopi med nøyaktig same tekst.',
  distributionIntroFamily:
    'Brevet er sendt til føresette. Rektor og kontaktlæraren får ein kopi med nøyaktig same tekst når det står eit grunnlag for det nedanfor.',
  orgNumber: 'Org.nr.',
  rights: {
    title: 'Dette kan de gjere',
    call: (who) => `Har de spørsmål, ta kontakt med ${who}.`,
    innsyn: (ref) => `De har rett til å sjå dokumenta i saka (${ref}). Be oss om det, så sender vi dei.`,
    innsynHealth: 'De har rett til å sjå journalen. Be oss om det, så sender vi han.',
    disagree:
      'Er de usamde i noko i brevet, sei frå til oss. Vi skriv inn i saka det de seier, og svarar dykk.',
    klageVedtak:
      'Kommunen gjer vedtak. De kan klage på vedtaket innan tre veker etter at de fekk det. Klaga skal sendast til kommunen. Får de ikkje medhald, avgjer Statsforvaltaren klaga.',
    klageSchool:
      'Brevet er ikkje eit vedtak, og det kan ikkje klagast på. Meiner de at eleven ikkje har det trygt og godt på skulen, sei frå til rektor. Hjelper ikkje det, kan de melde saka til Statsforvaltaren (opplæringslova kapittel 12).',
    klageHealth:
      'Meiner de at de ikkje får den helsehjelpa de har rett til, kan de be oss rette det. Får de ikkje medhald, kan de klage til Statsforvaltaren.',
  },
  basisMissing: 'manglar samtykke eller lovgrunnlag',
  basisConsent: (date, exp) => `samtykke datert ${date}${exp ? `, gyldig til ${exp}` : ''}`,
  basisLegal: (text) => `lovgrunnlag: ${stop(text)}`,
  basisParty: 'part i saka',
  reply: {
    title: 'Svarslipp frå rektor',
    sendTo: (name, service, date) =>
      name === service
        ? `Send svaret til ${service} innan ${date}.`
        : `Send svaret til ${name}, ${service}, innan ${date}.`,
    returnAddress: (lines) => `Returadresse: ${lines}.`,
    about: (name, grade, school, kind, date) =>
      `Gjeld: ${kind} for ${name}${trinn(grade)}${school ? `, ${school}` : ''}, datert ${date}.`,
    choices: ['Blir gjennomført', 'Blir gjennomført med endring', 'Kan ikkje gjennomførast'],
    lines: ['Grunn', 'Endring eller alternativ'],
    closing: ['Dato', 'Namn og rolle (rektor eller avdelingsleiar)'],
    followChoices: ['Utført', 'Ny frist', 'Kan ikkje gjennomførast'],
    followLines: ['Dato for utført eller ny frist', 'Ansvarleg og grunn'],
    categoryLabel: 'Årsak',
    categories: ['Ressursar', 'Kompetanse', 'Organisering', 'Anna'],
    formNote:
      'Svaret kan fyllast ut i PDF-fila og sendast tilbake som ho er, eller skrivast ut og fyllast ut for hand. Ved «med endring» eller «kan ikkje»: kryss av for årsak og skriv grunnen og kva skulen gjer i staden.',
    followFormNote:
      'Svaret kan fyllast ut i PDF-fila og sendast tilbake som ho er, eller skrivast ut og fyllast ut for hand. Ved «ny frist»: skriv den nye datoen. Ved «kan ikkje»: skriv kven som har ansvaret og grunnen.',
    followTitle: (kind, what, deadline) => `${kind}: ${what} (frist ${deadline})`,
  },
  anbefaling: {
    lead: (_service, n, name, grade, running = 0) => {
      const fresh = n - running;
      const num = (k: number) => NN_NUM[k] ?? String(k);
      const first =
        running === 0
          ? `Vi tilrår at skulen set i gang ${num(n)} tiltak for ${name}${trinn(grade)}.`
          : fresh === 0
            ? `Vi tilrår at skulen held fram med ${n === 1 ? 'tiltaket' : `dei ${num(n)} tiltaka`} for ${name}${trinn(grade)} som alt er i gang.`
            : `Vi tilrår at skulen set i gang ${fresh === 1 ? 'eitt nytt' : `${num(fresh)} nye`} tiltak for ${name}${trinn(grade)} og held fram med ${running === 1 ? 'det eine' : `dei ${num(running)}`} som alt er i gang.`;
      return `${first} For kvart tiltak står det kva som skal gjerast, kven som gjer det, frå når, og når det skal evaluerast.`;
    },
  },
  sakkyndig: {
    lead: (_service, name, grade, ref) =>
      `Dette er ei sakkunnig vurdering av opplæringa for ${name}${trinn(grade)}, etter ${ref}. Ho svarar på spørsmåla lova stiller, og seier kva vi tilrår. Kommunen bruker vurderinga når han gjer vedtak.`,
    h: {
      sources: 'Slik har vi greidd ut',
      benefit: 'Har eleven, eller kan eleven få, eit tilfredsstillande utbyte av opplæringa?',
      difficulties: 'Lærevanskar og andre forhold som er viktige for opplæringa',
      goals: 'Realistiske mål for opplæringa',
      ordinaryTeaching: 'Behov for individuelt tilrettelagd opplæring',
      soundOffer: 'Kva gir eit forsvarleg opplæringstilbod?',
      extent: 'Omfang og varigheit',
      next: 'Vidare saksgang',
    },
    hours: 'Omfang',
    validUntil: 'Gjeld til',
    conclusion: {
      title: 'Konklusjon',
      needed: 'Treng eleven individuelt tilrettelagd opplæring?',
      yes: 'Ja',
      no: 'Nei',
      noText: (ref) =>
        `Eleven kan få eit tilfredsstillande utbyte av opplæringa når skulen tilpassar den ordinære opplæringa (${ref}).`,
      hours: (n, per) =>
        `${fmtHours(n)} ${n === 1 ? 'time' : 'timar'} per ${per === 'år' ? 'skuleår' : 'veke'}`,
      content: 'Innhald',
      organisation: 'Organisering',
      staffCompetence: 'Kompetansen til personalet',
      validUntil: 'Vurderinga gjeld til',
      reassessBy: 'Behovet skal vurderast på nytt',
    },
    deviations: {
      title: 'Reduksjon i eller fritak frå delar av opplæringa',
      none: 'Vi tilrår ingen reduksjon i eller fritak frå delar av opplæringa.',
      why: 'Dette har betyding for rettane til eleven: det som står her, må stå i vedtaket for å gjelde.',
      kind: { reduksjon: 'Reduksjon', fritak: 'Fritak' },
      basis: (b) => `Lovgrunnlag: ${stop(b)}`,
    },
    views: 'Slik har vi lagt vekt på synet til eleven og føresette',
    sentTo: (to) =>
      `Vurderinga er send til ${to}, som avgjer saka. Føresette får ein kopi med nøyaktig same tekst og kan seie meininga si før vedtaket. Skulen får ein kopi berre når det står eit grunnlag for det nedanfor.`,
    next: 'Ei sakkunnig vurdering er ikkje eit vedtak. Kommunen avgjer saka med eit enkeltvedtak. Føresette får ein kopi av vurderinga og kan seie meininga si til kommunen før vedtaket. Føresette kan klage på vedtaket innan tre veker etter at dei fekk det. Klaga skal sendast til den som gjorde vedtaket. Blir klaga ikkje teken til følgje, avgjer Statsforvaltaren ho. Føresette har rett til å sjå dokumenta i saka.',
  },
  pupil: {
    title: (first) => `Til deg, ${first}`,
    intro: (first, grade) =>
      grade !== null && grade <= 4
        ? `Hei ${first}! Her står det kva dei vaksne skal gjere for at skuledagane skal bli betre.`
        : `Hei ${first}. Dette brevet handlar om deg. Her står det kort kva som skal skje, og kven du kan snakke med.`,
    happens: 'Dette skal skje',
    measure: (what, who, from) =>
      `${what}.${who ? ` ${who} hjelper deg med det.` : ''}${from ? ` Det byrjar ${from}.` : ''}`,
    adults: 'Desse vaksne kan du snakke med',
    adult: (name, role) => `${name} (${role})`,
    close: 'Du kan alltid seie frå viss noko ikkje fungerer. Det du seier, er viktig for oss.',
  },
  mottak: {
    lead: (_service, date, name, referrer) =>
      `Vi fekk tilvisinga for ${name} ${date}.${referrer ? ` Ho kom frå ${lowerFirst(referrer)}.` : ''} Her står det når de kan vente å høyre frå oss, og kva skulen kan gjere medan eleven ventar.`,
    interimKind: 'Førebels svar',
    interimTitle: (name) => `Førebels svar i saka om ${name}`,
    interimLead: (date, name, referrer) =>
      `Vi fekk tilvisinga for ${name} ${date}.${referrer ? ` Ho kom frå ${lowerFirst(referrer)}.` : ''} Her står det kvifor svaret tek tid, når de kan vente det, og kva skulen kan gjere i mellomtida.`,
    h: { next: 'Dette skjer vidare', advice: 'Råd i ventetida' },
    expected: (date) => `De kan vente den første kontakten frå oss seinast ${date}.`,
    expectedMissing:
      'Vi kan ikkje seie enno når den første kontakten blir. Vi gir beskjed så snart vi veit det.',
    interim: (ref) =>
      `Det har gått meir enn ein månad sidan vi fekk tilvisinga. Dette brevet er difor også eit førebels svar etter ${ref}.`,
    interimWhy: (reason) => `Svaret tek tid fordi ${lowerFirst(stop(reason))}.`,
    had: (date) => `Vi hadde den første samtalen ${date}. Vurderinga vår er ikkje ferdig enno.`,
    answerBy: (date) => `De kan vente svar frå oss seinast ${date}.`,
    healthMissed: (ref, date) =>
      `Etter ${ref} hadde de rett til å få vite innan 10 vyrkedagar om eleven får helsehjelp hjå oss, og når ho seinast skal starte. Den fristen gjekk ut ${date}, og det beklagar vi. Svaret får de så snart vurderinga er gjord.`,
    health: (ref) =>
      `Etter ${ref} har de rett til å få vite innan 10 vyrkedagar om eleven får helsehjelp hjå oss, og når ho seinast skal starte.`,
    missed: (date, n) =>
      `Fristen for den første kontakten var ${date}. Han er passert med ${days(n, 'dag', 'dagar')}, og det beklagar vi.`,
    adviceIntro:
      'Medan eleven ventar, skal ikkje skulen vente. Fråvær gir meir fråvær. Dette ber vi skulen gjere no:',
    adviceHead: ['Kva', 'Kven'],
    worse: 'Om fråværet aukar medan de ventar, ta kontakt med oss. Då ser vi på om saka må gå føre andre.',
  },
  ny: {
    lead: (who, date, name) =>
      `${who} er ny kontaktperson for ${name} frå ${date}. Alle avtalar og fristar i saka gjeld som før.`,
    newContact: 'Ny kontaktperson',
    from: 'Frå',
    previous: 'Tidlegare kontaktperson',
    previousLine: (name, date) => `${name}, til og med ${date}`,
    gap: (n) => `Saka hadde ingen kontaktperson i ${days(n, 'dag', 'dagar')} før dette. Det beklagar vi.`,
    h: { continues: 'Dette gjeld vidare' },
    handedOver: 'Den nye kontaktpersonen har fått ei skriftleg overføring av saka.',
    continues: 'Dette er lova og avtalt, og det blir følgt opp:',
    promises: 'Lovnader som gjeld',
    deadlines: 'Neste fristar',
    overdue: 'Over fristen',
    overdueLine: (date, what, n) => `${what}, frist ${date} (${days(n, 'dag', 'dagar')} over fristen)`,
    fromNote: 'Frå overføringsnotatet',
  },
  obligation: {
    provisionalReply: 'førebels svar',
    decision: 'vurdering av tilvisinga',
    fristPassing: 'frist for helsehjelp',
    firstContactTarget: 'første kontakt',
    evaluation: 'evaluering av tiltak',
    schoolReply: 'svar frå skulen',
    informParents: 'informere føresette',
    measureRules: 'fullføre tiltak',
    transition: 'planleggje overgang',
    accessRequest: 'svar på innsynskrav',
    agreement: 'møteavtale',
    retention: 'sletting av arbeidskopien',
    proposalAnswer: 'svar på innspel frå føresette',
    absenceUpdate: 'nye fråværstal frå skulen',
    minutes: 'referat frå møtet til alle partar',
    revisit: 'gjennomgang av tilrådingane etter ny status i utgreiinga',
  },
  mote: {
    lead: (date, name) => `Dette er referatet frå møtet ${date} om ${name}.`,
    h: {
      participants: 'Til stades',
      carried: 'Opne avtalar frå førre møte',
      about: 'Om møtet',
      decisions: 'Avgjerder',
      agreements: 'Avtalar',
      dissent: 'Usemje',
    },
    noLeader: 'Ingen frå leiinga ved skulen var til stades.',
    carriedHead: ['Kva', 'Kven', 'Frist', 'Status'],
    noneCarried: 'Ingen avtalar frå førre møte var opne.',
    noDecisions: 'Møtet tok ingen avgjerder.',
    agreementsHead: ['Kva', 'Kven', 'Frist', 'Status'],
    promised: 'lova eleven',
    noAgreements: 'Møtet gjorde ingen nye avtalar.',
    noDissent: 'Ingen melde usemje.',
    comments: (date) => `Gi beskjed til kontaktpersonen hjå oss innan ${date} om noko i referatet er feil.`,
  },
  agreementOverdue: 'open, over fristen',
  agreementStatus: (s) =>
    ({ åpen: 'open', utført: 'utført', 'ikke utført': 'ikkje utført', avlyst: 'avlyst' })[s] ?? s,
  oversikt: {
    lead: (name, date) =>
      `Her er ei oversikt over tiltaka for ${name} per ${date}: kva som er avtalt, kva som er gjennomført, kva som ikkje er gjennomført, og kva som er avslutta.`,
    head: ['Tiltak', 'Kven', 'Frå', 'Status'],
    schoolAnswer: 'Svar frå skulen',
    answerLine: (answer, date, by, reason, alt) =>
      `${answer} (${date}, ${by})${reason ? `. Grunn: ${stop(reason)}` : ''}${alt ? `. Alternativ: ${stop(alt)}` : ''}.`,
    noAnswer: 'Skulen har ikkje svart.',
    implemented: 'Gjennomført',
    implementedLine: (school, parents) =>
      `Skulen: ${school ?? 'ikkje meldt'}. Føresette: ${parents ?? 'ikkje stadfesta'}.`,
    report: (inPlace, date) => (inPlace ? `i gang (${date})` : `ikkje i gang (${date})`),
    note: 'Merk',
    discrepancy: 'Skulen og føresette melder ulikt om tiltaket er i gang. Vi tek dette opp i neste møte.',
    evalHead: ['Dato', 'Resultat', 'Avgjerd', 'Grunngiving'],
    evalPlanned: (date) => `Ikkje evaluert enno. Evaluering er planlagd ${date}.`,
    evalOverdue: (date, n) =>
      `Ikkje evaluert. Evalueringa skulle vore ${date} og er ${days(n, 'dag', 'dagar')} over fristen.`,
    noEval: 'Ikkje evaluert, og inga evaluering er planlagd.',
    agreementsHeading: 'Avtalar frå møta',
  },
  measureState: (s, ended) =>
    ({
      avsluttet: ended ? `Avslutta ${ended}` : 'Avslutta',
      'kan ikke': 'Skulen kan ikkje',
      gjennomføres: 'Blir gjennomført',
      'ikke i gang': 'Ikkje i gang',
      'avventer svar': 'Ventar på svar',
    })[s] ?? s,
  schoolAnswer: (a) =>
    ({
      gjennomføres: 'Blir gjennomført',
      'med endring': 'Blir gjennomført med endring',
      'kan ikke': 'Kan ikkje gjennomførast',
    })[a] ?? a,
  outcome: (o) => ({ bedring: 'betring', 'ingen endring': 'inga endring', forverring: 'forverring' })[o] ?? o,
  decision: (d) =>
    ({ videreføres: 'blir vidareført', justeres: 'blir justert', avsluttes: 'blir avslutta' })[d] ?? d,
  oppfolging: {
    lead: (name, n) =>
      `Noko av det som er avtalt for ${name}, har passert fristen. Her er ${n === 1 ? 'det eine punktet som ikkje er gjort' : `dei ${NN_NUM[n] ?? n} punkta som ikkje er gjorde`} i tide.`,
    head: ['Kva', 'Kven', 'Frist', 'Over fristen'],
    kind: { agreement: 'Avtale', answer: 'Svar på tilråding', evaluation: 'Evaluering' },
    daysOver: (n) => days(n, 'dag', 'dagar'),
    promised:
      'Nokre av avtalane er lova eleven. Dei står først. Eit brote løfte til eleven svekkjer tilliten, og vi ber om at desse kjem først.',
    h: { ask: 'Dette ber vi om', own: 'Dette har vi sjølve ikkje gjort i tide' },
    ask: (date) =>
      `Vi ber rektor svare innan ${date}, for kvart punkt: Er det gjort, og når? Eller kva for ny frist gjeld, og kven har ansvaret? Bruk svarslippen bakarst i brevet.`,
    leadOwnOnly: (name) =>
      `Noko av det vi har ansvar for i saka til ${name}, har passert fristen. Her er det vi ikkje har gjort i tide, og kva vi gjer no.`,
    ownIntro:
      'Desse punkta er vårt ansvar, ikkje ansvaret til skulen. Vi beklagar. Vi gjer dei no og gir beskjed når dei er gjorde.',
    ownLine: (kind, what, date, n) =>
      `${kind}: ${what}. Frist ${date}, ${days(n, 'dag', 'dagar')} over fristen.`,
  },
};

export const TEXTS = { nb: NB, nn: NN } as const;
