/**
 * Text building blocks for the demo: a catalogue of concrete measures (tiltak) and short
 * templates for the pupil's voice, the parents' view, handover notes, meetings and consents.
 * Measures follow the repertoire in the seed brief (flexible start, a safe adult, reduced
 * timetable, fetching from home, predictability, guidance for the teacher) and avoid the
 * hedging phrases the letter linter flags ("ved behov", "etter hvert", "eventuelt" …).
 */
import type { Service } from '../domain/common';
import type { TARGETS } from '../domain/recommendation';
import type { Rng } from './prng';

export type Target = (typeof TARGETS)[number];

/** Genitive the Norwegian way: "Sárás", but "Niillas'". */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? `${name}'` : `${name}s`;
}

export interface MeasureCtx {
  pupil: string;
  grade: number;
  service: Service;
  /** The service's caseworker when the measure was written. */
  worker: { role: string; name: string };
  /** A named adult at school in a given role (stable within one case). */
  staff(role: string): string;
  guardian: { relation: string; name: string };
}

export interface MeasureDraft {
  what: string;
  target: Target;
  responsible: { role: string; name: string };
  frequency: string;
  goal: string;
  method: string;
  resources: string;
  trialWeeks: readonly number[];
  /** Set when the measure is a legal duty: [current Act, Act of 1998 (before 1 Aug 2024)]. */
  legalRef?: readonly [string, string];
}

interface MeasureTemplate {
  weight: number;
  services?: readonly Service[];
  build(rng: Rng, c: MeasureCtx): MeasureDraft;
}

const at = (c: MeasureCtx, role: string) => ({ role, name: c.staff(role) });
const SUBJECTS_LIKED = ['kroppsøving', 'kunst og håndverk', 'musikk', 'mat og helse', 'naturfag'];
const MEETING_PLACES = ['hovedinngangen', 'garderoben', 'biblioteket', 'sykkelstativet', 'personalinngangen'];
const WEEKDAY_PAIRS = ['mandag og onsdag', 'tirsdag og torsdag', 'mandag og torsdag', 'onsdag og fredag'];
const MESSAGE_CHANNELS = ['Visma Flyt Skole', 'meldeboka', 'SMS fra skolens telefon', 'Vigilo'];

export const MEASURES: readonly MeasureTemplate[] = [
  {
    weight: 10,
    build: (rng, c) => {
      const time = rng.pick(['08.45', '09.00', '09.30', '10.00']);
      const role = rng.pick(['miljøterapeut', 'kontaktlærer', 'assistent']);
      return {
        what: `Fleksibel oppstart: ${c.pupil} møter kl. ${time} med fast voksen ved ${rng.pick(MEETING_PLACES)} og går sammen med den voksne til første time.`,
        target: 'elev',
        responsible: at(c, role),
        frequency: 'hver skoledag',
        goal: `${c.pupil} er på skolen innen kl. ${time} minst ${rng.pick(['3', '4'])} av 5 dager de to siste ukene før evaluering.`,
        method: 'fraværsoversikt og elevsamtale',
        resources: `${rng.pick(['20', '30', '45'])} min/dag for ${role}`,
        trialWeeks: [4, 6, 8],
      };
    },
  },
  {
    weight: 9,
    build: (rng, c) => {
      const role = rng.pick(['kontaktlærer', 'miljøterapeut', 'sosiallærer']);
      return {
        what: `Trygg voksen: ${role} har fem minutters innsjekk med ${c.pupil} hver morgen og en kort utsjekk før hjemgang.`,
        target: 'skolemiljø',
        responsible: at(c, role),
        frequency: 'hver skoledag, morgen og ettermiddag',
        goal: `${c.pupil} svarer 4 eller høyere på spørsmålet «Hvor trygg var du på skolen i dag?» (skala 1–6) minst 3 dager i uka.`,
        method: 'elevens egen vurdering hver fredag og samtale med foresatte',
        resources: '1 t/uke for innsjekk og utsjekk',
        trialWeeks: [4, 6],
      };
    },
  },
  {
    weight: 6,
    build: (rng, c) => {
      const weeks = rng.pick([3, 4]);
      const subjects = rng.sample(['norsk', 'matematikk', 'engelsk', ...SUBJECTS_LIKED], 3).join(', ');
      return {
        what: `Redusert timeplan i ${weeks} uker: ${c.pupil} deltar i ${subjects}. Timeplanen utvides med én økt per uke etter avtale med ${c.pupil}.`,
        target: 'elev',
        responsible: at(c, 'kontaktlærer'),
        frequency: 'ukentlig gjennomgang av timeplanen (fredag)',
        goal: `${c.pupil} følger full timeplan innen ${weeks + 2} uker etter start.`,
        method: 'timeplan og fraværsoversikt gjennomgås med eleven og foresatte',
        resources: '1 t/uke planleggingstid for kontaktlærer',
        trialWeeks: [weeks + 2],
      };
    },
  },
  {
    weight: 5,
    build: (rng, c) => {
      const days = rng.pick(WEEKDAY_PAIRS);
      const time = rng.pick(['07.55', '08.05', '08.10']);
      return {
        what: `Henting hjemmefra: miljøterapeut henter ${c.pupil} hjemme ${days} kl. ${time} og følger til skolen.`,
        target: 'hjem',
        responsible: at(c, 'miljøterapeut'),
        frequency: days,
        goal: `${c.pupil} kommer på skolen de dagene hentingen skjer, 4 av 4 dager i to uker på rad.`,
        method: 'loggføring av hentingen og fraværsoversikt',
        resources: '2 t/uke miljøterapeut',
        trialWeeks: [4, 6],
      };
    },
  },
  {
    weight: 7,
    build: (rng, c) => ({
      what: `Forutsigbar uke: ukeplan med timeplanendringer, vikarer og turer markert sendes hjem fredag innen kl. ${rng.pick(['12', '14'])}.`,
      target: 'skolemiljø',
      responsible: at(c, 'kontaktlærer'),
      frequency: 'hver fredag',
      goal: `${c.pupil} og foresatte kjenner endringene i neste uke før helgen, alle uker i prøveperioden.`,
      method: 'foresatte bekrefter mottak; gjennomgang i evalueringsmøtet',
      resources: '30 min/uke for kontaktlærer',
      trialWeeks: [6, 8],
    }),
  },
  {
    weight: 6,
    build: (_rng, c) => ({
      what: `Varsling om endringer: kontaktlærer gir ${c.pupil} og foresatte beskjed dagen før om vikar, ekskursjon eller endret timeplan.`,
      target: 'skolemiljø',
      responsible: at(c, 'kontaktlærer'),
      frequency: 'hver gang en endring er kjent',
      goal: 'Ingen uvarslede endringer i prøveperioden.',
      method: 'foresatte og eleven noterer uvarslede endringer; gjennomgang i evalueringsmøtet',
      resources: 'ingen ekstra ressurser',
      trialWeeks: [6],
    }),
  },
  {
    weight: 5,
    build: (_rng, c) => ({
      what: `Lærerne setter sammen grupper og arbeidspar i alle fag, slik at ${c.pupil} ikke blir stående uten gruppe.`,
      target: 'skolemiljø',
      responsible: at(c, 'kontaktlærer'),
      frequency: 'i alle timer med gruppearbeid',
      goal: `${c.pupil} har en fast gruppe i alle fag og sier selv at gruppearbeid er «greit» eller bedre.`,
      method: 'elevsamtale og observasjon i klassen',
      resources: 'felles planlegging i trinnteamet, 30 min',
      trialWeeks: [6, 8],
    }),
  },
  {
    weight: 5,
    build: (rng, c) => {
      const room = rng.pick(['grupperom 2', 'biblioteket', 'rommet til sosiallærer']);
      return {
        what: `Pauseavtale: ${c.pupil} kan gå til ${room} etter avtalt signal til læreren, inntil 10 minutter, to ganger per økt, og kommer tilbake til timen.`,
        target: 'elev',
        responsible: at(c, 'kontaktlærer'),
        frequency: 'alle skoledager',
        goal: `${c.pupil} blir på skolen hele skoledagen minst 4 av 5 dager.`,
        method: 'pauselogg og fraværsoversikt',
        resources: `${room} må være ledig; 15 min/uke oppfølging`,
        trialWeeks: [4, 6],
      };
    },
  },
  {
    weight: 6,
    build: (rng, c) => {
      const sessions = rng.pick([4, 5, 6]);
      return {
        what: `Veiledning til kontaktlærer fra ${c.service}: ${sessions} samtaler à 60 minutter om tilrettelegging for ${c.pupil} ved ufrivillig skolefravær.`,
        target: 'skolemiljø',
        responsible: c.worker,
        frequency: 'annenhver uke',
        goal: `Kontaktlærer har en skriftlig plan for ${genitive(c.pupil)} skoledag og bruker den, bekreftet i evalueringsmøtet.`,
        method: 'gjennomgang av planen i evalueringsmøtet',
        resources: '1 t annenhver uke frikjøp for kontaktlærer',
        trialWeeks: [sessions * 2],
      };
    },
  },
  {
    weight: 5,
    build: (rng, c) => ({
      what: `Organisert aktivitet i storefri ${rng.pick(['mandag–torsdag', 'tirsdag og torsdag', 'hver dag'])} ledet av miljøterapeut, med plass til ${c.pupil} og to medelever ${c.pupil} har valgt.`,
      target: 'skolemiljø',
      responsible: at(c, 'miljøterapeut'),
      frequency: 'storefri, faste dager',
      goal: `${c.pupil} er med på aktiviteten og er ute i friminuttet minst 3 dager i uka.`,
      method: 'observasjon og elevsamtale',
      resources: '2 t/uke miljøterapeut',
      trialWeeks: [6, 8],
    }),
  },
  {
    weight: 5,
    build: (rng, c) => ({
      what: `Daglig melding hjem: kontaktlærer sender en kort melding til foresatte kl. 14 i ${rng.pick(MESSAGE_CHANNELS)} om hvordan dagen har vært.`,
      target: 'hjem',
      responsible: at(c, 'kontaktlærer'),
      frequency: 'hver skoledag',
      goal: 'Foresatte får melding alle skoledager i prøveperioden og svarer på den samme kveld.',
      method: 'meldingslogg og samtale med foresatte',
      resources: '10 min/dag for kontaktlærer',
      trialWeeks: [4],
    }),
  },
  {
    weight: 5,
    build: (rng, c) => ({
      what: `Trinnvis plan for mer tid i klasserommet: ${c.pupil} starter med ${rng.pick(['første time', 'siste time før lunsj', 'timen etter storefri'])} og går til neste trinn når to uker på samme trinn har gått bra.`,
      target: 'elev',
      responsible: c.worker,
      frequency: 'daglig, trinnene vurderes hver fredag',
      goal: `${c.pupil} er i klasserommet minst halve skoledagen innen evalueringsdatoen.`,
      method: 'trinnskjema fylt ut av eleven og kontaktlærer',
      resources: '1 t/uke for kontaktlærer, 1 t/uke saksbehandler',
      trialWeeks: [6, 8],
    }),
  },
  {
    weight: 4,
    build: (rng, c) => ({
      what: `Dagen starter med et fag ${c.pupil} mestrer: ${rng.pick(SUBJECTS_LIKED)} legges til første økt ${rng.pick(WEEKDAY_PAIRS)}.`,
      target: 'skolemiljø',
      responsible: at(c, 'avdelingsleder'),
      frequency: rng.pick(WEEKDAY_PAIRS),
      goal: `${c.pupil} møter til første økt disse dagene i minst 5 av 6 uker.`,
      method: 'fraværsoversikt',
      resources: 'endring i timeplanen for trinnet',
      trialWeeks: [6],
    }),
  },
  {
    weight: 4,
    build: (rng, c) => ({
      what: `Fast plass ${rng.pick(['nær døra', 'ved vinduet', 'bakerst i klasserommet'])} og samme sidemann i alle timer, også når det er vikar.`,
      target: 'skolemiljø',
      responsible: at(c, 'kontaktlærer'),
      frequency: 'alle timer',
      goal: `${c.pupil} sier i elevsamtalen at plassen gjør timene lettere.`,
      method: 'elevsamtale',
      resources: 'beskjed i vikarpermen',
      trialWeeks: [4],
    }),
  },
  {
    weight: 4,
    build: (rng, c) => ({
      what: `Samtale med helsesykepleier hver ${rng.pick(['mandag', 'tirsdag', 'onsdag'])} kl. ${rng.pick(['10.15', '11.00', '12.30'])} om søvn, vondt i magen og det som bekymrer ${c.pupil}.`,
      target: 'elev',
      responsible: at(c, 'helsesykepleier'),
      frequency: 'ukentlig',
      goal: `${c.pupil} rapporterer færre morgener med vondt i magen (logg hjemme), og fraværet går ned.`,
      method: 'symptomlogg hjemme og fraværsoversikt',
      resources: '30 min/uke helsesykepleier',
      trialWeeks: [6, 8],
    }),
  },
  {
    weight: 4,
    build: (rng, c) => ({
      what: `Fast morgenrutine hjemme: vekking kl. ${rng.pick(['06.45', '07.00', '07.15'])}, frokost og avreise kl. ${rng.pick(['07.45', '07.50', '08.00'])}. ${c.guardian.relation === 'far' ? 'Far' : c.guardian.relation === 'mor' ? 'Mor' : 'Foresatt'} følger ${c.pupil} til den faste voksne ved skoleporten.`,
      target: 'hjem',
      responsible: { role: c.guardian.relation, name: c.guardian.name },
      frequency: 'hver skoledag',
      goal: `${c.pupil} er på skolen ved skolestart minst 4 av 5 dager.`,
      method: 'morgenlogg hjemme og fraværsoversikt',
      resources: 'fleksibel arbeidstid for foresatt i prøveperioden',
      trialWeeks: [4, 6],
    }),
  },
  {
    weight: 3,
    build: (_rng, c) => ({
      what: `Skriftlig aktivitetsplan for ${genitive(c.pupil)} skolemiljø: problemet, tiltakene, hvem som gjør hva, når og når planen evalueres.`,
      target: 'skolemiljø',
      responsible: at(c, 'sosiallærer'),
      frequency: 'planen følges opp ukentlig i trinnteamet',
      goal: `${c.pupil} opplever skolemiljøet som trygt og godt (elevsamtale), og tiltakene i planen er gjennomført.`,
      method: 'elevsamtale, samtale med foresatte og gjennomgang av planen',
      resources: '2 t planleggingstid for sosiallærer',
      trialWeeks: [6, 8],
      legalRef: ['opplæringslova § 12-4', 'opplæringslova (1998) § 9 A-4'],
    }),
  },
  {
    weight: 3,
    services: ['PPT'],
    build: (rng, c) => {
      const hours = rng.pick([2, 3, 4]);
      return {
        what: `Individuelt tilrettelagt opplæring i ${rng.pick(['norsk og matematikk', 'matematikk', 'norsk og engelsk'])}: ${hours} timer/uke i liten gruppe med spesialpedagog.`,
        target: 'elev',
        responsible: at(c, 'spesialpedagog'),
        frequency: `${hours} timer/uke`,
        goal: `${c.pupil} deltar i alle timene i liten gruppe og når målene i IOP for perioden.`,
        method: 'IOP-gjennomgang, fraværsoversikt og elevsamtale',
        resources: `${hours} t/uke spesialpedagog`,
        trialWeeks: [8],
        legalRef: ['opplæringslova § 11-6', 'opplæringslova (1998) § 5-1'],
      };
    },
  },
];

/** What a measure concretely asks for in a Lovkrav label, given the start date. */
export function legalRefFor(draft: MeasureDraft, startIso: string): string | null {
  if (!draft.legalRef) return null;
  return startIso >= '2024-08-01' ? draft.legalRef[0] : draft.legalRef[1];
}

export const REASONS: Record<Service, readonly string[]> = {
  PPT: [
    'ufrivillig skolefravær',
    'ufrivillig skolefravær; spørsmål om behov for individuelt tilrettelagt opplæring',
    'økende fravær etter overgang til ungdomsskolen',
    'bekymringsfullt fravær og lite utbytte av opplæringen',
    'ufrivillig skolefravær og vansker med lesing og skriving',
    'delvis fravær: kommer sent og går tidlig hjem',
  ],
  BUP: [
    'ufrivillig skolefravær med angst og søvnvansker',
    'skolevegring, vondt i magen om morgenen og sosial tilbaketrekning',
    'spørsmål om angstlidelse; høyt skolefravær',
    'utredning av mulig autismespekterforstyrrelse; ufrivillig skolefravær',
    'nedstemthet og ufrivillig skolefravær',
  ],
  Skoleteam: [
    'ufrivillig skolefravær',
    'bekymringsfullt fravær siste seks uker',
    'eleven vil ikke på skolen etter konflikt i klassen',
    'separasjonsangst og delvis fravær',
  ],
  Bft: [
    'familien ber om hjelp med morgenrutiner og skolefravær',
    'ufrivillig skolefravær og konflikter hjemme rundt skolestart',
    'foresatte ønsker veiledning ved skolevegring',
  ],
  Statped: [
    'PPT ber om bistand: langvarig ufrivillig skolefravær uten bedring etter tiltak',
    'behov for kompetanse om tilrettelegging ved autisme og skolefravær',
  ],
  Habu: [
    'utredning av utviklingsforstyrrelse; høyt skolefravær',
    'behov for habiliteringstiltak; eleven klarer ikke full skoledag',
  ],
  Annet: ['ufrivillig skolefravær', 'bekymringsfullt fravær'],
};

const VOICE = [
  'Det er vanskelig å gå inn i klasserommet når alle ser på meg.',
  'Jeg får vondt i magen søndag kveld.',
  'Det hjelper når noen venter på meg ved døra.',
  'Jeg liker friminuttene når vi spiller fotball, men ikke når jeg står alene.',
  'Jeg vet ikke hvorfor, det bare går ikke om morgenen.',
  'Det er for mye bråk i klassen, og jeg blir sliten.',
  'Når det er vikar vet jeg ikke hva som skal skje.',
  'Jeg vil helst ha kunst og håndverk først på dagen.',
  'Jeg er redd for å bli spurt om hvorfor jeg har vært borte.',
  'Det er lettere når jeg vet timeplanen dagen før.',
  'Jeg savner de i klassen, men jeg klarer ikke å gå dit.',
  'Noen sa stygge ting i garderoben, og da ville jeg ikke mer.',
  'Matte er det verste, da får jeg hjertebank.',
  'Jeg vil ikke at læreren skal si navnet mitt høyt.',
  'Det går bedre når mamma kjører meg og jeg slipper bussen.',
  'Jeg vil gjerne være med på turen, men ikke sove borte.',
];

const VOICE_SOURCE = [
  'Samtale med {worker} {date}.',
  'Samtale hjemme med {worker} {date}, foresatte til stede.',
  'Elevsamtale med kontaktlærer {date}, referert med elevens samtykke.',
  'Skrevet av eleven selv på skjema «Min skoledag» {date}.',
  'Samtale på tur med {worker} {date}.',
];

export function pupilVoice(rng: Rng, worker: string, date: string): string {
  const lines = rng.sample(VOICE, rng.int(1, 3));
  const source = rng.pick(VOICE_SOURCE).replace('{worker}', worker).replace('{date}', date);
  return `«${lines.join(' ')}» (${source})`;
}

const PARENTS = [
  'Vi opplever at fraværet har økt mens vi har ventet på hjelp.',
  'Vi ønsker kortere skoledager i en periode, så {p} får oppleve å lykkes.',
  'Vi er bekymret for at {p} blir hengende etter faglig.',
  'Morgenene er en kamp hjemme, og vi trenger råd om hva vi skal gjøre.',
  'Vi vil ha én fast kontaktperson på skolen, ikke nye personer hele tiden.',
  'Vi mener skolen må se på klassemiljøet, ikke bare på {p}.',
  'Avtalen om fast voksen om morgenen har ikke blitt fulgt opp.',
  'Vi opplever at vi blir sett på som en del av problemet.',
  'Det har hjulpet at læreren ringer før helgen.',
  'Vi ønsker at {p} får være med på å bestemme tiltakene.',
  'Vi er usikre på om vikarbruken er en del av årsaken.',
  'Vi vil gjerne ha referat fra møtene skriftlig.',
];

export function parentsView(rng: Rng, pupil: string): string {
  return rng
    .sample(PARENTS, rng.int(1, 3))
    .map((s) => s.replace('{p}', pupil))
    .join(' ');
}

export function expectations(rng: Rng, service: Service, pupil: string) {
  const offer: Record<Service, string> = {
    PPT: `Utredning av ${genitive(pupil)} opplæringssituasjon, samtaler med eleven og foresatte, observasjon i klassen og skriftlig anbefaling til skolen.`,
    BUP: `Utredning, samtaler med ${pupil} og foresatte, og råd til skolen om tilrettelegging.`,
    Skoleteam:
      'Kartlegging sammen med skolen og familien, tiltaksplan og oppfølging i samarbeidsmøter hver tredje uke.',
    Bft: 'Familiesamtaler om morgenrutiner og samarbeid med skolen.',
    Statped: 'Veiledning til PPT og skolen om tilrettelegging.',
    Habu: 'Utredning og råd om tilrettelegging i skolen og hjemme.',
    Annet: 'Samtaler og råd om tiltak.',
  };
  const cannot = [
    'Vi kan ikke følge eleven til skolen om morgenen.',
    'Vi kan ikke bestemme hvilke ressurser skolen får; det gjør skoleeier.',
    'Vi kan ikke gi behandling; vi gir råd og veiledning.',
    'Vi kan ikke love at fraværet er borte innen en bestemt dato.',
  ];
  const timeline: Record<Service, string> = {
    PPT: 'Første samtale innen tre uker, anbefaling innen tre måneder etter at henvisningen ble mottatt.',
    BUP: 'Vurdering av henvisningen innen 10 virkedager; oppstart innen fristen i brevet.',
    Skoleteam: 'Første møte innen to uker, evaluering etter seks uker.',
    Bft: 'Første samtale innen fire uker.',
    Statped: 'Oppstart etter avtale med PPT, vanligvis innen to måneder.',
    Habu: 'Vurdering innen 10 virkedager; oppstart innen fristen i brevet.',
    Annet: 'Etter avtale.',
  };
  return {
    canOffer: offer[service],
    cannotOffer: rng.pick(cannot),
    timeline: timeline[service],
    commitments: rng.pick([
      'Skolen sender fraværsoversikt hver 14. dag; foresatte gir beskjed ved endringer hjemme.',
      'Skolen utpeker en fast voksen; foresatte deltar i alle samarbeidsmøter.',
      'Rektor deltar i første og siste møte; kontaktlærer melder hjem hver fredag.',
    ]),
  };
}

export const PROMISES = [
  'Lovet {p} å ringe før neste møte.',
  'Lovet foresatte å sende referat fra siste møte.',
  'Lovet {p} at ingen skal si fraværet høyt i klassen.',
  'Lovet skolen en skriftlig plan for oppstart etter ferien.',
  'Lovet foresatte svar på spørsmål om skyss.',
];

export const FAMILY_WISHES = [
  'Mor ønsker kontakt på SMS, ikke telefon i arbeidstiden.',
  'Foresatte ønsker at møtene holdes utenfor skolen.',
  '{p} vil ikke ha møter i skoletiden.',
  'Foresatte ønsker samme kontaktperson ut skoleåret.',
  'Far ønsker å få referatene på e-post.',
  '{p} vil selv være med på deler av møtene.',
];

export type MeetingKind =
  'Oppstartsmøte' | 'Gjennomgang av anbefalingen' | 'Evalueringsmøte' | 'Avslutningsmøte';

export const DECISIONS: Record<MeetingKind, readonly string[]> = {
  Oppstartsmøte: [
    'Skolen utpeker fast voksen om morgenen.',
    'Fraværsoversikt sendes til {service} før hvert møte.',
    'Foresatte og skolen lager felles morgenplan.',
    'Skolen kartlegger skolemiljøet i klassen før neste møte.',
    'Neste møte holdes om fire uker.',
  ],
  'Gjennomgang av anbefalingen': [
    'Tiltakene i anbefalingen prøves ut i seks uker.',
    'Rektor avklarer ressurser til miljøterapeut innen to uker.',
    'Timeplanen justeres fra neste uke.',
    'Skolen svarer skriftlig på anbefalingen innen tre uker.',
    'Neste møte holdes om fire uker.',
  ],
  Evalueringsmøte: [
    'Tiltaket videreføres til jul.',
    'Oppstartstidspunktet flyttes til kl. 09.00.',
    'Fast voksen byttes ut etter ønske fra eleven.',
    'Fraværsoversikt sendes til {service} før hvert møte.',
    'Neste evaluering om seks uker.',
  ],
  Avslutningsmøte: [
    'Saken avsluttes hos {service}; skolen følger opp videre.',
    'Tiltakene som virker videreføres neste skoleår.',
    'Overgangsplan lages før skolestart.',
  ],
};

export const AGREEMENTS: readonly { what: string; owner: string; toPupil?: boolean }[] = [
  { what: 'Sende ukeplan med endringer hjem fredag', owner: 'kontaktlærer' },
  { what: 'Avklare ressurser til miljøterapeut', owner: 'rektor' },
  { what: 'Sende fraværsoversikt før neste møte', owner: 'kontaktlærer' },
  { what: 'Sende referat til alle parter', owner: 'saksbehandler' },
  { what: 'Fast plass ved vinduet fra mandag', owner: 'kontaktlærer', toPupil: true },
  { what: 'Eleven får velge gruppe i kroppsøving', owner: 'kontaktlærer', toPupil: true },
  { what: 'Ingen framføring foran klassen før jul', owner: 'avdelingsleder', toPupil: true },
  { what: 'Be fastlegen om vurdering av søvn', owner: 'foresatte' },
  { what: 'Innkalle til evalueringsmøte', owner: 'saksbehandler' },
  { what: 'Undersøke skolemiljøet i klassen (aktivitetsplikt)', owner: 'rektor' },
];

export const DISSENT = [
  'mener tiltaket kommer for sent og at fraværet burde vært fulgt opp tidligere.',
  'er uenig i at morgenrutinene hjemme er hovedårsaken.',
  'mener skolen ikke har ressurser til tiltaket slik det er beskrevet.',
  'ønsker redusert timeplan, ikke full dag med pauser.',
];

export const EVAL_PUPIL = {
  bedring: [
    'Det er lettere når noen venter på meg.',
    'Jeg liker at jeg vet hva som skal skje.',
    'Det går bedre, men mandager er fortsatt vanskelige.',
  ],
  'ingen endring': [
    'Det er omtrent som før.',
    'Jeg vet ikke om det hjelper.',
    'Noen dager går det, andre ikke.',
  ],
  forverring: [
    'Jeg orker ikke mer nå.',
    'Det ble verre etter at læreren sluttet.',
    'Jeg vil ikke snakke om skolen.',
  ],
} as const;

export const EVAL_PARENTS = {
  bedring: ['Morgenene er roligere.', 'Vi ser en tydelig bedring.', 'Hen gleder seg til noen av timene nå.'],
  'ingen endring': [
    'Vi ser ingen forskjell ennå.',
    'Tiltaket har ikke blitt gjennomført hver dag.',
    'Vi trenger mer tid før vi kan si noe.',
  ],
  forverring: [
    'Fraværet har økt etter jul.',
    'Det har vært mange vikarer, og det har gjort det verre.',
    'Vi er svært bekymret.',
  ],
} as const;

/** Why an evaluation decided what it did; the reason follows the outcome, never contradicts it. */
export const EVAL_WHY: Record<
  'bedring' | 'ingen endring' | 'forverring',
  Record<'videreføres' | 'justeres' | 'avsluttes', string>
> = {
  bedring: {
    videreføres: 'Tiltaket virker og videreføres ut skoleåret.',
    justeres: 'Tiltaket virker, men tidspunktet endres etter ønske fra eleven.',
    avsluttes: 'Målet er nådd; tiltaket trappes ned og avsluttes.',
  },
  'ingen endring': {
    videreføres: 'For tidlig å se effekt; tiltaket prøves fire uker til.',
    justeres: 'Ingen endring ennå: tidspunkt og ansvarlig voksen endres.',
    avsluttes: 'Tiltaket har ikke hatt effekt og erstattes av et annet.',
  },
  forverring: {
    videreføres: 'Fraværet har økt av andre grunner; tiltaket beholdes.',
    justeres: 'Fraværet har økt: tiltaket gjøres mindre krevende og følges tettere opp.',
    avsluttes: 'Tiltaket gjorde situasjonen verre for eleven og avsluttes.',
  },
};
