import { addWorkingDaysTo } from '../calendar/workdays';
import { epochDay, isoDay } from '../calendar/days';
import type { CaseDoc } from '../domain/caseDoc';
import type { ProposalResponse } from '../domain/family';
import type { LetterKind, LetterLang } from './kinds';

/**
 * What the family brought to the case, as a letter says it (issue 14): the latest entries of the
 * pupil's voice, «Slik er foresattes innspill fulgt opp», and the parents' comment on a
 * høringsutkast. Pure: buildLetter (model.ts) calls it, layout.ts prints it (familyBlocks below).
 */

/** How many of the latest entries of the pupil's voice a letter quotes. */
export const VOICE_ENTRIES_IN_LETTER = 3;

export interface LetterVoiceEntry {
  /** Index in the case's `voices` (a nynorsk letter finds the entry's nynorsk text by it). */
  index?: number;
  date: string;
  said: string | null;
  wishes: string | null;
  helps: string | null;
  hurts: string | null;
  how: string;
  by: string;
}

export interface LetterProposal {
  index: number;
  date: string;
  what: string;
  proposedBy: string | null;
  response: ProposalResponse | null;
  reason: string | null;
  answeredBy: string | null;
  answered: string | null;
  /** Unanswered: the day it is answered by (the service's limit in working days). */
  answerBy: string | null;
}

export interface LetterHearing {
  index: number;
  shared: string;
  commentBy: string;
  sharedWith: string | null;
  comment: string | null;
  commentReceived: string | null;
}

/** The kinds that carry «Slik er foresattes innspill fulgt opp» (the letters to the school and the family about measures). */
export const PROPOSAL_KINDS: ReadonlySet<LetterKind> = new Set([
  'anbefaling',
  'sakkyndig-vurdering',
  'tiltaksoversikt',
  'motereferat',
  'oppfolgingsbrev',
]);

const clean = (s: string | null | undefined) => {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
};

/** The latest entries of the pupil's voice on `today`, newest first. */
export function latestVoices(doc: CaseDoc, today: string, n = VOICE_ENTRIES_IN_LETTER): LetterVoiceEntry[] {
  return (doc.voices ?? [])
    .map((v, index) => ({ ...v, index }))
    .filter((v) => v.date <= today && [v.said, v.wishes, v.helps, v.hurts].some(clean))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .slice(0, n)
    .map((v) => ({
      index: v.index,
      date: v.date,
      said: clean(v.said),
      wishes: clean(v.wishes),
      helps: clean(v.helps),
      hurts: clean(v.hurts),
      how: v.how.trim(),
      by: v.gatheredBy.trim(),
    }));
}

/** The parents' proposals made by `today`, oldest first, with the answer or the day it is due. */
export function letterProposals(
  doc: CaseDoc,
  today: string,
  answerWorkingDays: number,
  saturday = false,
): LetterProposal[] {
  return (doc.proposals ?? [])
    .map((p, index) => ({ p, index }))
    .filter(({ p }) => p.date <= today)
    .sort((a, b) => (a.p.date < b.p.date ? -1 : a.p.date > b.p.date ? 1 : 0))
    .map(({ p, index }) => {
      const answered = p.response != null && (p.answered ?? p.date) <= today;
      return {
        index,
        date: p.date,
        what: p.what.trim(),
        proposedBy: clean(p.proposedBy),
        response: answered ? (p.response ?? null) : null,
        reason: answered ? clean(p.reason) : null,
        answeredBy: answered ? clean(p.answeredBy) : null,
        answered: answered ? (p.answered ?? null) : null,
        answerBy: answered
          ? null
          : isoDay(addWorkingDaysTo(epochDay(p.date), answerWorkingDays, { saturday })),
      };
    });
}

/**
 * The høringsutkast of this letter: the latest draft of this kind shared with the parents by
 * `today`, and after the last letter of the kind issued before (a new round asks again).
 */
export function letterHearing(
  doc: CaseDoc,
  kind: LetterKind,
  today: string,
  earlier: readonly { kind: LetterKind; date: string }[],
): LetterHearing | null {
  const lastIssued = earlier
    .filter((l) => l.kind === kind)
    .map((l) => l.date)
    .sort()
    .at(-1);
  const h = (doc.hearings ?? [])
    .map((x, index) => ({ x, index }))
    .filter(({ x }) => x.kind === kind && x.shared <= today && (lastIssued == null || x.shared >= lastIssued))
    .sort((a, b) => (a.x.shared < b.x.shared ? -1 : a.x.shared > b.x.shared ? 1 : a.index - b.index))
    .at(-1);
  if (!h) return null;
  const received = h.x.commentReceived != null && h.x.commentReceived <= today ? h.x.commentReceived : null;
  return {
    index: h.index,
    shared: h.x.shared,
    commentBy: h.x.commentBy,
    sharedWith: clean(h.x.sharedWith),
    comment: received || h.x.commentReceived == null ? clean(h.x.comment) : null,
    commentReceived: received,
  };
}

/** Whether a hearing still waits for the parents: no comment, and the day for it not past. */
export function hearingOpen(h: LetterHearing, today: string): boolean {
  return h.comment === null && h.commentBy >= today;
}

/** The words of these sections, in bokmål and nynorsk. */
export interface FamilyTexts {
  proposalsHeading: string;
  proposalsIntro: string;
  response: Record<ProposalResponse, string>;
  proposalLine: (date: string, by: string | null, what: string) => string;
  answerLine: (response: string, reason: string | null, by: string | null, date: string | null) => string;
  unanswered: (by: string) => string;
  /** The answer is late: the date it was due has passed (never presented as one to come). */
  unansweredLate: (by: string) => string;
  hearingHeading: string;
  hearingShared: (withWhom: string | null, shared: string, by: string) => string;
  hearingComment: (date: string) => string;
  hearingNone: (by: string) => string;
  hearingOpen: (by: string) => string;
  voiceSaid: string;
  voiceWishes: string;
  voiceHelps: string;
  voiceHurts: string;
  voiceSource: (date: string, how: string, by: string) => string;
  expectationsRevisit: string;
  exp: { parentsAskedTo: string; contactFrequency: string; disagreement: string };
}

const stop = (s: string) => s.trim().replace(/[.!?]+$/u, '');

export const FAMILY_TEXTS: Record<LetterLang, FamilyTexts> = {
  nb: {
    proposalsHeading: 'Slik er foresattes innspill fulgt opp',
    proposalsIntro: 'Her står hva dere foresatte har foreslått, og hva vi har gjort med det.',
    response: { 'tatt inn': 'Tatt inn', delvis: 'Delvis tatt inn', 'ikke tatt inn': 'Ikke tatt inn' },
    proposalLine: (date, by, what) => `${date}${by ? ` (${by})` : ''}: ${stop(what)}.`,
    answerLine: (response, reason, by, date) =>
      `${response}${reason ? `: ${stop(reason)}` : ''}.${by || date ? ` Svar${by ? ` fra ${by}` : ''}${date ? ` ${date}` : ''}.` : ''}`,
    unanswered: (by) => `Ikke besvart ennå. Dere får svar innen ${by}.`,
    unansweredLate: (by) =>
      `Ikke besvart ennå. Svaret skulle vært gitt ${by}; det er forsinket, og dere får svar så snart som mulig.`,
    hearingHeading: 'Foresattes merknader til utkastet',
    hearingShared: (withWhom, shared, by) =>
      `Et utkast til dette brevet ble sendt til ${withWhom ?? 'foresatte'} ${shared}, med frist for merknader ${by}.`,
    hearingComment: (date) => `Merknadene kom ${date}. De står her slik de kom:`,
    hearingNone: (by) => `Det kom ingen merknader innen fristen ${by}.`,
    hearingOpen: (by) => `Fristen for merknader er ${by}. Brevet sendes ikke før fristen er ute.`,
    voiceSaid: 'Eleven sa',
    voiceWishes: 'Eleven ønsker',
    voiceHelps: 'Dette hjelper',
    voiceHurts: 'Dette gjør det vanskelig',
    voiceSource: (date, how, by) => `Hentet ${date}, ${stop(how)}, av ${by}.`,
    expectationsRevisit: 'Forventningene gås gjennom på nytt på hvert evalueringsmøte.',
    exp: {
      parentsAskedTo: 'Dette ber vi dere foresatte om',
      contactFrequency: 'Så ofte har vi kontakt',
      disagreement: 'Hvis dere er uenige',
    },
  },
  nn: {
    proposalsHeading: 'Slik er innspela frå føresette følgde opp',
    proposalsIntro: 'Her står kva de føresette har føreslått, og kva vi har gjort med det.',
    response: { 'tatt inn': 'Teke inn', delvis: 'Delvis teke inn', 'ikke tatt inn': 'Ikkje teke inn' },
    proposalLine: (date, by, what) => `${date}${by ? ` (${by})` : ''}: ${stop(what)}.`,
    answerLine: (response, reason, by, date) =>
      `${response}${reason ? `: ${stop(reason)}` : ''}.${by || date ? ` Svar${by ? ` frå ${by}` : ''}${date ? ` ${date}` : ''}.` : ''}`,
    unanswered: (by) => `Ikkje svart på enno. De får svar innan ${by}.`,
    unansweredLate: (by) =>
      `Ikkje svart på enno. Svaret skulle vore gitt ${by}; det er forseinka, og de får svar så snart som mogleg.`,
    hearingHeading: 'Merknader frå føresette til utkastet',
    hearingShared: (withWhom, shared, by) =>
      `Eit utkast til dette brevet vart sendt til ${withWhom ?? 'føresette'} ${shared}, med frist for merknader ${by}.`,
    hearingComment: (date) => `Merknadene kom ${date}. Dei står her slik dei kom:`,
    hearingNone: (by) => `Det kom ingen merknader innan fristen ${by}.`,
    hearingOpen: (by) => `Fristen for merknader er ${by}. Brevet blir ikkje sendt før fristen er ute.`,
    voiceSaid: 'Eleven sa',
    voiceWishes: 'Eleven ønskjer',
    voiceHelps: 'Dette hjelper',
    voiceHurts: 'Dette gjer det vanskeleg',
    voiceSource: (date, how, by) => `Henta ${date}, ${stop(how)}, av ${by}.`,
    expectationsRevisit: 'Forventningane blir gått gjennom på nytt på kvart evalueringsmøte.',
    exp: {
      parentsAskedTo: 'Dette ber vi dykk føresette om',
      contactFrequency: 'Så ofte har vi kontakt',
      disagreement: 'Om de er usamde',
    },
  },
};
