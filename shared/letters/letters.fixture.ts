import type { CaseDocInput } from '../domain/caseDoc';
import { INTERCHANGE_EXAMPLE_CASE } from '../interchange/interchangeExample.fixture';
import type { LetterKind } from './kinds';
import type { LetterOptions } from './options';

/**
 * Test fixture only: the INTERCHANGE.md example case made complete enough that every kind of
 * letter passes every clarity rule on LETTER_TODAY (a second measure with a named leader and a
 * Lovkrav, a consent to the school, a meeting with an open agreement), and the letter options
 * each kind needs. Tests break one thing at a time.
 */
export const LETTER_TODAY = '2026-05-12';

/** The issuing part of a `prepareLetter` input in tests: a final letter, signed by a test member. */
export const TEST_ISSUE = {
  letterId: 'a'.repeat(26),
  version: 1,
  draft: false,
  signer: { name: 'Ola Hansen', memberId: 'b'.repeat(26), kid: 'k'.repeat(43) },
} as const;

/** Every school factor assessed; «et problem» with a note (shared/school/factors.ts). */
export function completeSchoolFactors(): NonNullable<CaseDocInput['schoolFactors']> {
  return {
    mobbing: { assessed: 'ikke et problem' },
    utenforskap: { assessed: 'et problem', note: 'Eleven har ingen fast gruppe i friminuttene.' },
    stoyOgUro: { assessed: 'et problem', note: 'Mye uro i klasserommet etter storefri.' },
    klasseledelse: { assessed: 'ikke et problem' },
    relasjonLaererElev: { assessed: 'ikke et problem', note: 'God relasjon til kontaktlæreren.' },
    vikarbruk: { assessed: 'ukjent' },
    forutsigbarhet: { assessed: 'et problem', note: 'Endringer i timeplanen blir ikke varslet.' },
    tilpassetOpplaering: { assessed: 'ikke et problem' },
  };
}

export function completeCase(): CaseDocInput {
  const c = JSON.parse(JSON.stringify(INTERCHANGE_EXAMPLE_CASE)) as CaseDocInput & Record<string, unknown>;
  c.recommendations = [
    { ...JSON.parse(JSON.stringify(INTERCHANGE_EXAMPLE_CASE.recommendations[0])), evaluations: [] },
    {
      id: 't-2',
      what: 'Trygg start: miljøterapeut tar imot eleven i garderoben hver morgen.',
      responsible: { role: 'miljøterapeut', name: 'Kari Håland' },
      leader: { role: 'avdelingsleder', name: 'Bjørg Nilsen' },
      start: '2026-05-18',
      frequency: 'hver skoledag kl. 08.15',
      trialPeriod: '6 uker',
      goal: 'Eleven sier selv at morgenen er «grei» minst fire av fem dager.',
      evaluation: { date: '2026-06-26', method: 'elevsamtale', convenedBy: 'rektor' },
      resources: '1 t/uke miljøterapeut',
      label: 'Lovkrav',
      legalRef: 'opplæringslova § 12-4',
      target: 'elev',
    },
  ] as CaseDocInput['recommendations'];
  c.assessmentConclusion = {
    needed: true,
    hours: 76,
    hoursPer: 'år',
    content: 'Lese- og skrivetrening i norsk og en trygg start på dagen.',
    organisation: 'To økter i uka i liten gruppe, resten i klassen med støtte.',
    staffCompetence: 'Spesialpedagog leder øktene; miljøterapeut under veiledning.',
    validUntil: '2027-06-30',
    reassessBy: '2027-03-01',
    deviations: [
      { kind: 'reduksjon', what: 'Færre kompetansemål i engelsk', legalBasis: 'opplæringslova kapittel 11' },
    ],
    viewsWeighed:
      'Eleven vil ha faste voksne; det har vi lagt stor vekt på. Far ønsker liten gruppe, og det tilrår vi.',
  };
  c.pupilVoice = 'Jeg vil gå på skolen når jeg vet hvem som møter meg.';
  c.parentsView = 'Vi ønsker faste avtaler og beskjed samme dag hvis noe endres.';
  // The school-factor checklist, complete (SCHOOL_FACTORS_MISSING).
  c.schoolFactors = completeSchoolFactors();
  c.consents = [
    {
      givenBy: 'Ánde Nango',
      information: 'Tiltak og fravær',
      recipient: 'Hov skole (rektor og kontaktlærer)',
      purpose: 'Oppfølging av anbefalingen',
      date: '2026-04-01',
    },
  ];
  c.meetings = [
    {
      id: 'm-1',
      date: '2026-05-04',
      participants: [
        { role: 'far', name: 'Ánde Nango' },
        { role: 'rektor', name: 'Anne Dahl' },
        { role: 'rådgiver', name: 'Ola Hansen' },
      ],
      decisions: ['Skolen starter fleksibel oppstart 11. mai.'],
      agreements: [
        {
          what: 'Sende ukeplan hjem fredag',
          owner: 'Per Berg (kontaktlærer)',
          deadline: '2026-05-08',
          status: 'åpen',
        },
      ],
    },
  ];
  return c;
}

/**
 * The case as it stood while the pupil still waited for first contact: a mottaksbrev is only true
 * then (after first contact it is LETTER_OUTDATED).
 */
export function stillWaiting<T extends CaseDocInput>(c: T): T {
  const out = JSON.parse(JSON.stringify(c)) as T;
  for (const r of out.referrals ?? []) {
    r.firstContact = null;
    r.assessmentStarted = null;
    r.concluded = null;
    r.firstMeasure = null;
  }
  return out;
}

export const KIND_OPTIONS: Record<LetterKind, LetterOptions> = {
  anbefaling: {},
  'sakkyndig-vurdering': {
    assessment: {
      sources: 'Samtaler med eleven og far, observasjon i klassen.',
      benefit: 'Lite utbytte når fraværet er høyt.',
      difficulties: 'Ingen kjente lærevansker.',
      goals: 'Følger norsk og matematikk fire av fem dager.',
      ordinaryTeaching: 'Ja, med tilrettelegging.',
      soundOffer: 'Ordinær opplæring med tiltakene under.',
      hours: '2 timer i uka',
      validUntil: '2027-06-30',
    },
  },
  mottaksbrev: {
    expectedFirstContact: '2026-05-26',
    interimReason: 'Vi har mange henvisninger nå, og saker med høyt fravær går først.',
  },
  'ny-kontaktperson': {},
  motereferat: {},
  tiltaksoversikt: {},
  oppfolgingsbrev: {},
  avslutningsbrev: {
    closing: {
      receivingService: 'BUP Nordfjord',
      receivingContact: 'Inntaksteamet, telefon 57 00 00 00',
      responsibility: 'BUP har ansvaret for utredningen fra 1. juni. Skolen følger tiltakene som før.',
      reason: 'Henvisningen gjelder utredning av angst, som er BUPs oppgave.',
    },
  },
  overgangsbrev: {
    transition: {
      receivingSchool: 'Hov ungdomsskole',
      receivingContact: 'Eva Lund, telefon 67 00 00 01',
      start: '2026-08-17',
      whatWorks: 'Fast mottak i garderoben kl. 08.15 med miljøterapeut.',
      safeAdults: 'Kari Håland (miljøterapeut) og Siri Lie (sosiallærer).',
      visits: 'Besøk 10. juni med mor og 17. juni med kontaktlærer.',
      parentsExpected: 'Melding til kontaktlærer før kl. 08.00 ved fravær.',
      whomToCall: 'Siri Lie, telefon 67 00 00 00.',
      legalBasis: 'Foresatte har skriftlig bedt PPT sende brevet til den nye skolen (møtet 4. mai 2026).',
    },
  },
  // The meeting day lies after every test's «today» (no past date as future, INVITATION_DATE_PAST).
  innkalling: {
    invitation: {
      date: '2027-06-15',
      time: '09:00',
      place: 'Møterom 2',
      roles: [{ role: 'rektor' }, { role: 'kontaktlærer' }, { role: 'foresatte' }],
      agenda: ['Tiltak i klasserommet', 'Plan for neste periode'],
    },
  },
};

/**
 * The options a test issues a kind with in one language: a nynorsk letter gets the letter's own
 * wording in nynorsk (a bokmål topic in a nynorsk sakkyndig vurdering is CASE_TEXT_BOKMAL).
 */
export function kindOptions(kind: LetterKind, lang: 'nb' | 'nn'): LetterOptions {
  return optionsIn(KIND_OPTIONS[kind], lang);
}

/** Options in a letter's language: the fixture's one bokmål topic, written in nynorsk for nn. */
export function optionsIn(o: LetterOptions, lang: 'nb' | 'nn'): LetterOptions {
  if (lang !== 'nn') return o;
  return {
    ...o,
    ...(o.assessment?.goals
      ? { assessment: { ...o.assessment, goals: 'Følgjer norsk og matematikk fire av fem dagar.' } }
      : {}),
    ...(o.transition ? { transition: { ...o.transition, ...TRANSITION_NN } } : {}),
  };
}

/** The overgangsbrev's texts written for the letter, in nynorsk. */
const TRANSITION_NN = {
  safeAdults: 'Kari Håland (miljøterapeut) og Siri Lie (sosiallærar).',
  visits: 'Besøk 10. juni med mor og 17. juni med kontaktlæraren.',
  parentsExpected: 'Melding til kontaktlæraren før kl. 08.00 ved fråvær.',
  legalBasis: 'Føresette har skriftleg bede PPT sende brevet til den nye skulen (møtet 4. mai 2026).',
};
