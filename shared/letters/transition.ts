/**
 * The overgangsbrev (issue 15 item 3): before a transition (a new stage, a new school, a new class
 * or teacher) the service writes to the receiving school what works for the pupil, who the safe
 * adults are, the visits before the start, what is expected of the parents in the new setting and
 * whom to call. The receiving school is the addressee; sending it the case's information needs a
 * valid consent or a recorded legal basis (shared/consent/sharing.ts, CONSENT_MISSING). Its model
 * part, texts (bokmål and nynorsk), layout helpers and clarity rules live here.
 */
import type { CaseDoc } from '../domain/caseDoc';
import type { Recommendation } from '../domain/recommendation';
import { TRANSITION_KINDS, type TransitionKind } from '../domain/pathway';
import { nextTransition, STAGES, type Stage } from '../pathway/stage';
import { DEFAULT_SETTINGS } from '../waiting/settings';
import type { LetterOptions } from './options';
import { readsAsBokmal } from './nynorskWords';

export interface TransitionPart {
  receivingSchool: string | null;
  receivingContact: string | null;
  /** The first day in the new setting. */
  start: string | null;
  /** What changes: a recorded transition event's kind, or a stage transition. */
  change: TransitionKind | null;
  fromStage: Stage | null;
  toStage: Stage | null;
  /** Measures in the case that work: not ended, and the latest evaluation says «bedring». */
  measuresThatWork: { id: string; index: number; what: string }[];
  whatWorks: string | null;
  safeAdults: string | null;
  visits: string | null;
  parentsExpected: string | null;
  whomToCall: string | null;
  legalBasis: string | null;
}

const clean = (s: string | null | undefined) => (s != null && s.trim() !== '' ? s.trim() : null);

function works(m: Recommendation): boolean {
  const evs = [...(m.evaluations ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const last = evs[evs.length - 1];
  return !!last && last.outcome === 'bedring' && last.decision !== 'avsluttes';
}

/**
 * The transition the letter is about: the options' school and date, else the latest recorded
 * transition event (the one on or after today first), else the stage transition from the grade.
 */
export function transitionPart(doc: CaseDoc, options: LetterOptions, today: string): TransitionPart {
  const o = options.transition ?? {};
  const events = [...(doc.transitionEvents ?? [])].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  const event = events.find((e) => e.date >= today) ?? events[events.length - 1] ?? null;
  const stage = nextTransition(doc.pupil?.grade, today, DEFAULT_SETTINGS.tasks.schoolYearStart);
  const start = o.start ?? event?.date ?? stage?.date ?? null;
  return {
    receivingSchool: clean(o.receivingSchool) ?? clean(event?.receivingSchool),
    receivingContact: clean(o.receivingContact),
    start,
    change: event && (!o.start || o.start === event.date) ? event.kind : stage ? 'overgang' : null,
    fromStage: stage?.from ?? null,
    toStage: stage?.to ?? null,
    measuresThatWork: (doc.recommendations ?? [])
      .map((m, index) => ({ m, index }))
      .filter(({ m }) => works(m))
      .map(({ m, index }) => ({ id: m.id, index, what: m.what.trim() })),
    whatWorks: clean(o.whatWorks),
    safeAdults: clean(o.safeAdults),
    visits: clean(o.visits),
    parentsExpected: clean(o.parentsExpected),
    whomToCall: clean(o.whomToCall),
    legalBasis: clean(o.legalBasis),
  };
}

export interface TransitionTexts {
  title: string;
  lead: (pupil: string, school: string, date: string | null, past: boolean, service: string) => string;
  change: Record<TransitionKind, string>;
  stage: Record<Stage, string>;
  stageLine: (from: string, to: string) => string;
  h: { works: string; adults: string; visits: string; parents: string; call: string };
  receivingContact: string;
  missing: string;
  worksLead: string;
  recipient: string;
  changeLabel: string;
  distributionIntro: string;
}

export const TRANSITION_TEXTS: Record<'nb' | 'nn', TransitionTexts> = {
  nb: {
    title: 'Overgangsbrev',
    lead: (pupil, school, date, past, service) =>
      `${pupil} ${past ? 'begynte' : 'begynner'} ved ${school}${date ? ` ${date}` : ''}. ${service} har fulgt eleven og skriver dette brevet for at overgangen skal bli trygg.`,
    change: {
      nyKontaktlaerer: 'Ny kontaktlærer',
      nyKlasse: 'Ny klasse',
      skolebytte: 'Skolebytte',
      nyttBygg: 'Nytt skolebygg',
      overgang: 'Overgang til nytt trinn',
      annet: 'Endring på skolen',
    },
    stage: {
      barnehage: 'barnehage',
      '1-4': '1.–4. trinn',
      '5-7': '5.–7. trinn',
      '8-10': '8.–10. trinn',
      vgs: 'videregående skole',
    },
    stageLine: (from, to) => `Eleven går fra ${from} til ${to}.`,
    h: {
      works: 'Dette virker for eleven',
      adults: 'Trygge voksne',
      visits: 'Besøk før oppstart',
      parents: 'Dette ber vi foresatte om i den nye skolen',
      call: 'Hvem dere kan ringe',
    },
    receivingContact: 'Kontakt ved den nye skolen',
    missing: '(ikke fylt inn)',
    worksLead: 'Disse tiltakene har gitt bedring og bør fortsette fra første dag:',
    recipient: 'mottakende skole',
    changeLabel: 'Endring',
    distributionIntro:
      'Brevet er sendt til den nye skolen. Rektor, kontaktlæreren og foresatte her får en kopi med nøyaktig samme tekst.',
  },
  nn: {
    title: 'Overgangsbrev',
    lead: (pupil, school, date, past, service) =>
      `${pupil} ${past ? 'byrja' : 'byrjar'} ved ${school}${date ? ` ${date}` : ''}. ${service} har følgt eleven og skriv dette brevet for at overgangen skal bli trygg.`,
    change: {
      nyKontaktlaerer: 'Ny kontaktlærar',
      nyKlasse: 'Ny klasse',
      skolebytte: 'Skulebyte',
      nyttBygg: 'Nytt skulebygg',
      overgang: 'Overgang til nytt trinn',
      annet: 'Endring på skulen',
    },
    stage: {
      barnehage: 'barnehage',
      '1-4': '1.–4. trinn',
      '5-7': '5.–7. trinn',
      '8-10': '8.–10. trinn',
      vgs: 'vidaregåande skule',
    },
    stageLine: (from, to) => `Eleven går frå ${from} til ${to}.`,
    h: {
      works: 'Dette verkar for eleven',
      adults: 'Trygge vaksne',
      visits: 'Besøk før oppstarten',
      parents: 'Dette ber vi føresette om på den nye skulen',
      call: 'Kven de kan ringje',
    },
    receivingContact: 'Kontakt ved den nye skulen',
    missing: '(ikkje fylt inn)',
    worksLead: 'Desse tiltaka har gitt betring og bør halde fram frå første dag:',
    recipient: 'mottakande skule',
    changeLabel: 'Endring',
    distributionIntro:
      'Brevet er sendt til den nye skulen. Rektor, kontaktlæraren og føresette her får ein kopi med nøyaktig same tekst.',
  },
};

export const TRANSITION_FINDING_CODES = [
  'TRANSITION_RECEIVER_MISSING',
  'TRANSITION_START_MISSING',
  'TRANSITION_MEASURES_MISSING',
  'TRANSITION_SAFE_ADULTS_MISSING',
  'TRANSITION_VISITS_MISSING',
  'TRANSITION_PARENTS_MISSING',
  'TRANSITION_CONTACT_MISSING',
  'TRANSITION_TEXT_BOKMAL',
] as const;
export type TransitionFindingCode = (typeof TRANSITION_FINDING_CODES)[number];

/**
 * Clarity rules: the receiving school is named, the start is dated, and the letter says what works,
 * who the safe adults are, the visits before the start, what is asked of the parents and whom to call.
 */
export function transitionChecks(
  c: TransitionPart | null | undefined,
  lang: 'nb' | 'nn' = 'nb',
): { code: TransitionFindingCode; path: (string | number)[] }[] {
  if (!c) return [];
  const out: { code: TransitionFindingCode; path: (string | number)[] }[] = [];
  const at = (f: string) => ['options', 'transition', f];
  if (!c.receivingSchool) out.push({ code: 'TRANSITION_RECEIVER_MISSING', path: at('receivingSchool') });
  if (!c.start) out.push({ code: 'TRANSITION_START_MISSING', path: at('start') });
  if (c.measuresThatWork.length === 0 && !c.whatWorks)
    out.push({ code: 'TRANSITION_MEASURES_MISSING', path: at('whatWorks') });
  if (!c.safeAdults) out.push({ code: 'TRANSITION_SAFE_ADULTS_MISSING', path: at('safeAdults') });
  if (!c.visits) out.push({ code: 'TRANSITION_VISITS_MISSING', path: at('visits') });
  if (!c.parentsExpected) out.push({ code: 'TRANSITION_PARENTS_MISSING', path: at('parentsExpected') });
  if (!c.whomToCall && !c.receivingContact)
    out.push({ code: 'TRANSITION_CONTACT_MISSING', path: at('whomToCall') });
  // The caseworker writes these texts for this letter: in a nynorsk letter they are written in
  // nynorsk (the nynorsk scan's word list), like the case texts (CASE_TEXT_BOKMAL).
  if (lang === 'nn')
    for (const f of [
      'whatWorks',
      'safeAdults',
      'visits',
      'parentsExpected',
      'whomToCall',
      'receivingContact',
    ] as const)
      if (readsAsBokmal(c[f])) out.push({ code: 'TRANSITION_TEXT_BOKMAL', path: at(f) });
  return out;
}

export { STAGES, TRANSITION_KINDS };
