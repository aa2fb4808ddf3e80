import { CATALOGUE_SEED } from '../catalogue/catalogue';
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
