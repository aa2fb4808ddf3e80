import { CATALOGUE_SEED } from '../catalogue/catalogue';
import { epochDay, isoDay, weekdayOf } from '../calendar/days';
import type { CaseDoc } from '../domain/caseDoc';
import { BARRIER_LEVELS, SCHOOL_FACTORS, type SchoolFactors } from '../domain/schoolSide';
import type { Rng } from './prng';

/**
 * The demo's school side (issue 13 items 2, 6, 7), from its own random stream so the cases stay
 * what they were: every case with measures has its main goal and a complete school-factor
 * checklist (so an anbefaling and a sakkyndig vurdering can be issued), most have the school's and
 * the parents' understanding, some a barrier log; measures that match a catalogue entry are marked
 * as planned from it, with level, predictability and mastery.
 */
const NOTES: Record<string, string> = {
  mobbing: 'Eleven forteller om utestenging i friminuttene; skolen følger opp etter § 12-4.',
  utenforskap: 'Eleven har ingen fast gruppe i friminuttene.',
  stoyOgUro: 'Mye uro i klasserommet etter storefri.',
  klasseledelse: 'Mange lærerbytter i klassen dette året.',
  relasjonLaererElev: 'Eleven sier at ingen voksne spør hvordan det går.',
  vikarbruk: 'Mange vikartimer i kjernefagene i høst.',
  forutsigbarhet: 'Endringer i timeplanen blir ikke varslet på forhånd.',
  tilpassetOpplaering: 'Eleven får oppgaver som er for vanskelige i matematikk.',
};
const SCHOOL = [
  'Skolen ser at eleven strever mest om morgenen og i friminuttene, og at fraværet økte etter klassebyttet.',
  'Skolen ser at eleven trives i praktiske fag, men gruer seg til timer med vikar.',
  'Skolen ser at eleven trekker seg unna i store grupper og trenger en fast voksen.',
];
const PARENTS = [
  'Vi ser at eleven får vondt i magen søndag kveld og er redd for hva som skjer på skolen.',
  'Vi ser at det går bedre de dagene eleven vet hvem som møter henne.',
  'Vi ser at eleven er sliten etter skolen og trenger mer forutsigbarhet.',
];
const BARRIERS: Record<string, string> = {
  elev: 'Eleven orket ikke å møte til avtalt samtale.',
  hjem: 'Foreldrene hadde ikke fri fra jobb til morgenmøtet.',
  lærer: 'Kontaktlæreren hadde ikke tid til å følge opp pauseavtalen.',
  skoleledelse: 'Ingen planleggingstid ble satt av til tiltaket.',
  tjeneste: 'Saksbehandleren var syk, og evalueringsmøtet ble flyttet.',
  'kommunens ressurser': 'Det var ingen ledig miljøterapeut i kommunen.',
};
const MATCH: [RegExp, string][] = [
  [/oppstart/iu, 'fleksibel-oppstart'],
  [/redusert|kortere skoledag/iu, 'redusert-dag'],
  [/henter|henting/iu, 'henting-hjemme'],
  [/tar imot|ankomst|garderoben/iu, 'trygg-voksen-ved-ankomst'],
  [/pause/iu, 'pauseavtale'],
  [/veiled\p{L}* (?:til )?(?:kontakt)?lærer/iu, 'veiledning-til-laerer'],
  [/veiled\p{L}* (?:til )?(?:foresatte|foreldre)/iu, 'veiledning-til-foresatte'],
  [/varsl/iu, 'varsling-om-endringer'],
];

export function addSchoolSide(rng: Rng, doc: CaseDoc, today: string): void {
  const recs = doc.recommendations ?? [];
  if (recs.length === 0) return;
  doc.mainGoal = { text: 'Tilbake på skolen', targetAttendance: rng.pick([80, 90, 95]) };
  const factors: SchoolFactors = {};
  for (const f of SCHOOL_FACTORS) {
    const r = rng.int(0, 9);
    factors[f] =
      r < 6
        ? { assessed: 'ikke et problem' }
        : r < 9
          ? { assessed: 'et problem', note: NOTES[f]! }
          : { assessed: 'ukjent' };
  }
  doc.schoolFactors = factors;
  if (rng.chance(0.8)) {
    doc.schoolUnderstanding = rng.pick(SCHOOL);
    doc.parentsUnderstanding = rng.pick(PARENTS);
  }
  for (const r of recs) {
    const hit = MATCH.find(([re]) => re.test(r.what));
    const entry = hit ? CATALOGUE_SEED.find((e) => e.code === hit[1]) : undefined;
    if (entry) {
      r.catalogueId = entry.code ?? null;
      r.level = entry.level;
      r.predictable = entry.predictable;
      r.masteryOriented = entry.masteryOriented;
    } else {
      r.level = rng.pick(['universelt', 'selektivt', 'indikert'] as const);
      r.predictable = rng.chance(0.6);
      r.masteryOriented = rng.chance(0.5);
    }
    if (rng.chance(0.6) && r.leader)
      r.planningHours = { perWeek: rng.pick([0.5, 1, 1.5, 2]), grantedBy: { ...r.leader } };
    r.parentsInPlanning = rng.chance(0.7);
    r.parentsInChoice = rng.chance(0.5);
  }
  if (rng.chance(0.4)) {
    const start = recs.map((r) => r.start).find((s): s is string => typeof s === 'string');
    if (start && start <= today) {
      const n = rng.int(1, 3);
      doc.barriers = Array.from({ length: n }, () => {
        const level = rng.pick(BARRIER_LEVELS);
        return { date: start, level, note: BARRIERS[level]! };
      });
    }
  }
}

/** Why the school cannot, one text per category (the category is what the lead's figures count). */
const CANNOT: Record<'ressurser' | 'kompetanse' | 'organisering' | 'annet', [string, string]> = {
  ressurser: [
    'Skolen har ikke ressurser til en ekstra voksen om morgenen.',
    'Kontaktlæreren tar imot eleven i klasserommet ved skolestart.',
  ],
  kompetanse: [
    'Ingen på trinnet har erfaring med en slik pauseavtale.',
    'Skolen ber PPT om veiledning først og prøver tiltaket etter det.',
  ],
  organisering: [
    'Timeplanen for trinnet kan ikke endres dette skoleåret.',
    'Eleven får velge to fag med fast lærer hver dag.',
  ],
  annet: [
    'Skolen skal slås sammen med naboskolen, og tiltaket venter til flyttingen.',
    'Helsesykepleier har faste samtaler med eleven til flyttingen er over.',
  ],
};

/** A day from `from` to `to` (both ISO dates, `from` ≤ `to`), moved back to a weekday. */
function dayBetween(rng: Rng, from: string, to: string): string {
  let d = epochDay(from) + rng.int(0, epochDay(to) - epochDay(from));
  while (weekdayOf(d) > 5 && d > epochDay(from)) d--;
  return isoDay(d);
}

/**
 * The follow-up a lead's figures need (issue 13 item 8), from its own random stream so the cases
 * stay what they were: recommendations the school has not answered are sometimes refused («kan
 * ikke», with a reason category from all four and an alternative); a measure the school reports as
 * in place is sometimes reported otherwise by the parents (a disagreement); and barriers are
 * logged through the case's life at every level, not only on the day the first measure started.
 * Only measures with no evaluation and no log are refused, so no rule is broken.
 */
export function addFollowUp(rng: Rng, doc: CaseDoc, today: string): void {
  const recs = doc.recommendations ?? [];
  if (recs.length === 0) return;
  for (const r of recs) {
    if (!r.start || r.start > today) continue;
    const untouched =
      !r.schoolAnswer && !r.evaluations?.length && !r.occurrences?.length && !r.statusChanges?.length;
    if (untouched && r.label !== 'Avtalt' && rng.chance(0.6)) {
      const category = rng.pick(['ressurser', 'kompetanse', 'organisering', 'annet'] as const);
      const [reason, alternative] = CANNOT[category];
      const date = dayBetween(rng, r.start, isoDay(Math.min(epochDay(today), epochDay(r.start) + 10)));
      r.schoolAnswer = {
        answer: 'kan ikke',
        reason,
        reasonCategory: category,
        alternative,
        by: r.leader ? `${r.leader.name} (${r.leader.role})` : 'rektor',
        date,
      };
      // Refused: the school does not report it as in place.
      for (const rep of r.implementation ?? []) if (rep.by === 'skole') rep.inPlace = false;
      continue;
    }
    if (r.schoolAnswer?.answer === 'kan ikke') continue;
    const school = (r.implementation ?? []).filter((x) => x.by === 'skole').at(-1);
    const parents = (r.implementation ?? []).some((x) => x.by === 'foresatte');
    if (school && school.inPlace && !parents && school.date < today && rng.chance(0.5)) {
      const date = dayBetween(rng, isoDay(epochDay(school.date) + 1), today);
      r.implementation!.push({
        date,
        by: 'foresatte',
        inPlace: false,
        note: 'Foresatte melder at eleven ikke ble møtt ved ankomst de fleste dagene.',
      });
    }
  }
  addRefused(rng, doc, today);
  const first = recs.map((r) => r.start).find((s): s is string => typeof s === 'string' && s <= today);
  if (!first || !rng.chance(0.6)) return;
  const n = rng.int(1, 3);
  const added = Array.from({ length: n }, () => {
    const level = rng.pick(BARRIER_LEVELS);
    return { date: dayBetween(rng, first, today), level, note: BARRIERS[level]! };
  });
  doc.barriers = [...(doc.barriers ?? []), ...added].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
}

/** Measures a school may well refuse: they ask for time, rooms or skills the school lacks. */
const REFUSABLE = [
  'timeplan-bygd-pa-foretrukne-fag',
  'mote-eleven-utenfor-skolen',
  'kompetanseheving-i-skolen',
  'samarbeidsgruppe',
  'pauseavtale',
] as const;

/** Nynorsk for the printed text of a refused measure, so a nynorsk letter can still be issued. */
const REFUSED_NN: Record<string, string> = {
  'Timeplanen bygges rundt fagene eleven liker og mestrer, slik at eleven har noe å glede seg til hver dag.':
    'Timeplanen blir bygd rundt faga eleven likar og meistrar, slik at eleven har noko å glede seg til kvar dag.',
  'En trygg voksen fra skolen møter eleven utenfor skolen (hjemme, på biblioteket eller på tur) for å bygge relasjon før eleven kommer tilbake.':
    'Ein trygg vaksen frå skulen møter eleven utanfor skulen (heime, på biblioteket eller på tur) for å byggje relasjon før eleven kjem tilbake.',
  'Eleven har en avtale om når og hvor eleven kan ta pause, og hvem eleven sier fra til, uten å måtte forklare seg.':
    'Eleven har ein avtale om når og kvar eleven kan ta pause, og kven eleven seier frå til, utan å måtte forklare seg.',
  'Personalet får opplæring i skolefravær, tidlig innsats og hvordan skolen kan gjøre skoledagen forutsigbar.':
    'Personalet får opplæring i skulefråvær, tidleg innsats og korleis skulen kan gjere skuledagen føreseieleg.',
  'En fast samarbeidsgruppe med eleven, foresatte, skolen og tjenesten møtes for å planlegge og evaluere tiltakene.':
    'Ei fast samarbeidsgruppe med eleven, føresette, skulen og tenesta møtest for å planleggje og evaluere tiltaka.',
  'to ganger i uka': 'to gonger i veka',
  'hver skoledag, etter avtalen': 'kvar skuledag, etter avtalen',
  'hver sjette uke': 'kvar sjette veke',
  'hver skoledag': 'kvar skuledag',
  '6 uker': '6 veker',
  'Eleven er på skolen flere dager i uka enn før tiltaket.':
    'Eleven er på skulen fleire dagar i veka enn før tiltaket.',
};

/**
 * Sometimes the service recommended one more measure in the last months and the school answered
 * «kan ikke» (a fully planned measure: goal, responsible, leader, start, evaluation), so the
 * refusals and their reasons fall in the lead's current period.
 */
function addRefused(rng: Rng, doc: CaseDoc, today: string): void {
  const recs = doc.recommendations!;
  const model = recs.find((r) => r.leader && r.responsible && r.goal && r.evaluation);
  const latest = recs.map((r) => r.start ?? '').reduce((a, b) => (a > b ? a : b), '');
  // Only while the service still works on the case: a referral not closed.
  const open = (doc.referrals ?? []).some((r) => !r.closed);
  if (!model || !latest || !open || latest > today || recs.length > 3 || !rng.chance(0.6)) return;
  const used = new Set(recs.map((r) => r.catalogueId));
  const code = rng.pick(REFUSABLE);
  const entry = CATALOGUE_SEED.find((e) => e.code === code);
  if (!entry || used.has(code)) return;
  const from = latest > isoDay(epochDay(today) - 120) ? latest : isoDay(epochDay(today) - 120);
  const start = dayBetween(rng, from, today);
  const category = rng.pick(['ressurser', 'kompetanse', 'organisering', 'annet'] as const);
  const [reason, alternative] = CANNOT[category];
  const ids = new Set(recs.map((r) => r.id));
  let n = recs.length + 1;
  while (ids.has(`t-${n}`)) n++;
  const id = `t-${n}`;
  const frequency = entry.frequency ?? 'hver skoledag';
  const goal = 'Eleven er på skolen flere dager i uka enn før tiltaket.';
  const nn = { ...(doc.nynorsk ?? {}) };
  for (const [f, t] of [
    ['what', entry.text],
    ['frequency', frequency],
    ['trialPeriod', '6 uker'],
    ['goal', goal],
  ] as const)
    nn[`recommendations/${id}/${f}`] = { text: REFUSED_NN[t]! };
  for (const f of ['evaluation.method', 'resources']) {
    const t = nn[`recommendations/${model.id}/${f}`];
    if (t) nn[`recommendations/${id}/${f}`] = { ...t };
  }
  doc.nynorsk = nn;
  recs.push({
    id,
    what: entry.text,
    responsible: model.responsible,
    leader: model.leader,
    start,
    frequency,
    trialPeriod: '6 uker',
    goal,
    ...(model.resources ? { resources: model.resources } : {}),
    evaluation: {
      date: isoDay(epochDay(start) + 42),
      method: model.evaluation!.method,
      convenedBy: model.evaluation!.convenedBy,
    },
    label: 'Anbefaling',
    target: entry.target,
    catalogueId: code,
    level: entry.level,
    predictable: entry.predictable,
    masteryOriented: entry.masteryOriented,
    parentsInPlanning: true,
    parentsInChoice: rng.chance(0.5),
    schoolAnswer: {
      answer: 'kan ikke',
      reason,
      reasonCategory: category,
      alternative,
      by: `${model.leader!.name} (${model.leader!.role})`,
      date: dayBetween(rng, start, isoDay(Math.min(epochDay(today), epochDay(start) + 10))),
    },
  });
}
