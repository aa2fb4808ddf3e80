import { sharingBasis } from '../consent/sharing';
import { monthlyAbsence } from '../absence/monthly';
import { closingPart, closingReferralIndex, type ClosingPart } from './closing';
import { transitionPart, type TransitionPart } from './transition';
import { invitationPart, type InvitationPart } from './invitation';
import { missingSchoolFactors } from '../school/factors';
import { addDays, calendarDays } from '../calendar/days';
import type { AssessmentConclusion } from '../domain/assessment';
import type { CaseDoc } from '../domain/caseDoc';
import type { Service } from '../domain/common';
import type { Recommendation } from '../domain/recommendation';
import type { Obligation, ObligationKind } from '../cases/obligations';
import { BroError, type Issue, type Path } from '../errors';
import type { NoteKind } from '../domain/note';
import { NOTE_CONFIDENTIAL, noteMayLeave } from '../notes/visibility';
import { KIND_RULES, type LetterKind, type LetterLang } from './kinds';
import { LEGAL_TABLE_VERSION, confidentialityRefs, legalRef, resolveLegalRef } from './legalRefs';
import type { LetterOptions, RecipientRole } from './options';
import type { LetterMeasure, MeasureStatus, Person } from './measure';
import { responsibilities, type ResponsibilityRow } from './responsibilities';
import { SERVICE_LONG_NAME, type LetterSettings } from './settings';
import { mentionsPastDate } from './datesIn';
import { readsAsBokmal } from './nynorskWords';
import { letterOutdated, outdatedError, type EarlierLetter } from './outdated';
import {
  PROPOSAL_KINDS,
  latestVoices,
  letterHearing,
  letterProposals,
  type LetterHearing,
  type LetterProposal,
  type LetterVoiceEntry,
} from './family';

/**
 * The structured letter: what a letter says, as data. It is built from the case and the
 * caseworker's options, checked by the clarity rules, laid out as text (layout.ts), and
 * attached to the PDF as canonical JSON with a JWS over it. Nothing in it is layout.
 */
export const LETTER_FORMAT = 'bro-letter/1';

export type { LetterMeasure, MeasureStatus, Person };

export interface Recipient {
  recipient: RecipientRole;
  /** Names (foresatte may be several); empty when only the role is known. */
  names: string[];
  /** Why this recipient may receive the letter: a consent, a recorded legal basis, or party status. */
  basis:
    | { kind: 'consent'; consentIndex: number; date: string; expires: string | null }
    | { kind: 'legal'; text: string }
    | { kind: 'party' }
    | null;
}

export interface OverdueItem {
  kind: 'agreement' | 'answer' | 'evaluation';
  what: string;
  who: string;
  deadline: string;
  daysOver: number;
  promisedToPupil: boolean;
  /** The service's own lapse (its caseworker or the service owns it): not something to ask of the school. */
  own: boolean;
  /** About a measure labelled Lovkrav: the school cannot answer "kan ikke gjennomføres". */
  lovkrav: boolean;
  path: Path;
  /**
   * What it is about in the case: the recommendation's id; the agreement's id, or where it has
   * none `meetings/<meeting id or date>/agreements.<index>` (the key the nynorsk map uses). Absent
   * in letters issued before the reply import of an oppfølgingsbrev, which then match by `path`.
   * `reply.import` finds the item by it (shared/letters/followReply.ts).
   */
  ref?: string | null;
}

export interface LetterMeeting {
  index: number;
  id: string | null;
  date: string;
  participants: Person[];
  leaderPresent: boolean;
  decisions: string[];
  agreements: {
    index: number;
    what: string;
    owner: string;
    deadline: string | null;
    status: string;
    promisedToPupil: boolean;
  }[];
  /** Agreements from the previous meeting still open: the first item of this one. */
  carriedOver: { what: string; owner: string; deadline: string | null; status: string }[];
  dissent: { by: string; text: string }[];
  note: string | null;
}

export interface LetterModel {
  format: typeof LETTER_FORMAT;
  letterId: string;
  kind: LetterKind;
  lang: LetterLang;
  version: number;
  draft: boolean;
  /** The letter's date (YYYY-MM-DD). */
  date: string;
  /** The case's own id (the one in `bro-interchange/1`). */
  caseId: string;
  service: Service;
  letterhead: {
    serviceName: string;
    address: string | null;
    phone: string | null;
    email: string | null;
    /** Organisasjonsnummer (settings); absent in letters issued before it existed. */
    orgNumber?: string | null;
  };
  /** Legal references (table ids) in the confidentiality marking. */
  confidentiality: string[];
  /** School and grade are optional in interchange (INTERCHANGE.md): a letter leaves out what is missing. */
  pupil: { name: string; school: string | null; grade: number | null };
  /**
   * The school's postal address from the vault's school register (printed under the addressee),
   * or null when the register does not know it.
   */
  schoolAddress: { address: string | null; postcode: string | null; place: string | null } | null;
  /** Where rektor sends the reply: the contact person, the service and its address (letterhead, register). */
  returnAddress: string[];
  addressee: Recipient;
  copies: Recipient[];
  coordinator: Person | null;
  /** The caseworker, with their direct phone and e-mail from the registers when known. */
  serviceContact: {
    name: string;
    role: string | null;
    since: string;
    phone?: string | null;
    email?: string | null;
  } | null;
  signer: { name: string | null; memberId: string; kid: string } | null;
  /** The signer's title: their role in the case's assignments, when they have one. */
  signerTitle?: string | null;
  replyBy: string | null;
  referral: {
    index: number;
    referredBy: string | null;
    reason: string | null;
    received: string;
    firstContact: string | null;
    concluded: string | null;
    frist: string | null;
    absenceAtReferral: number | null;
    daysWaited: number;
  } | null;
  measures: LetterMeasure[];
  responsibilities: ResponsibilityRow[];
  /**
   * Elevens stemme: the latest dated entries (`entries`, newest first) when the case has them, else
   * the case's one text from before (`text`), else why it is missing.
   */
  pupilVoice: { text: string | null; absentReason: string | null; entries?: LetterVoiceEntry[] } | null;
  parentsView: { text: string | null; absentReason: string | null } | null;
  /**
   * «Skolens forståelse» and «Foresattes forståelse» of the absence, shown side by side (issue 13):
   * in the kinds that carry the voices, when either is recorded. Absent in letters issued before.
   */
  understandings?: { school: string | null; parents: string | null } | null;
  /**
   * The pupil's absence month by month since the referral (shared/absence/monthly.ts, the figures
   * the app and `bro absence` show), in the letters that report progress (ABSENCE_TABLE_KINDS);
   * null when the case has no figures since then. Absent in letters issued before it existed.
   */
  absenceTable?: {
    since: string;
    /** The service's school holidays were left out of the school days. */
    holidays: boolean;
    months: { month: string; schoolDays: number; absentDays: number; percent: number | null }[];
  } | null;
  /**
   * School factors not yet assessed (shared/school/factors.ts), for the kinds that are signed on
   * the school side's assessment (anbefaling, sakkyndig vurdering); null for the others.
   */
  schoolFactorsMissing?: string[] | null;
  expectations: {
    canOffer: string | null;
    cannotOffer: string | null;
    timeline: string | null;
    commitments: string | null;
    parentsAskedTo?: string | null;
    contactFrequency?: string | null;
    disagreement?: string | null;
  } | null;
  /** «Slik er foresattes innspill fulgt opp» (absent in letters issued before it existed). */
  proposals?: LetterProposal[] | null;
  /** The høringsutkast of this letter and the parents' comment on it. */
  hearing?: LetterHearing | null;
  meeting: LetterMeeting | null;
  /** Tiltaksoversikt: every agreement from the meetings, by deadline. */
  agreements:
    | {
        what: string;
        owner: string;
        deadline: string | null;
        status: string;
        promisedToPupil: boolean;
        meeting: string;
      }[]
    | null;
  overdue: OverdueItem[] | null;
  change: {
    current: { name: string; role: string | null; from: string };
    previous: { index: number; name: string; role: string | null; to: string } | null;
    daysWithout: number;
    openPromises: string | null;
    /** The handover note's own words on deadlines. */
    nextDeadlines: string | null;
    /** The case's open obligations due on or after the letter's date (the same derivation as Oppgaver), earliest first. */
    deadlines: { due: string; kind: ObligationKind; label: string | null }[];
    /** Open obligations whose date has passed: stated as overdue, never as coming. */
    overdueDeadlines?: { due: string; kind: ObligationKind; label: string | null; daysOver: number }[];
  } | null;
  assessment:
    | (NonNullable<LetterOptions['assessment']> & {
        legalRefId: string;
        /** The case's conclusion (absent in letters issued before it was part of the case). */
        conclusion?: AssessmentConclusion | null;
      })
    | null;
  /** Sakkyndig vurdering: the municipality's postal address (settings), printed under its name. */
  addresseeAddress?: string | null;
  waiting: {
    /** When first contact will be: on or after the letter's date (a past date is a finding, never printed as coming). */
    expectedFirstContact: string | null;
    /** The date first contact should have happened by, when it has passed without contact. */
    missedFirstContact?: string | null;
    /** A foreløpig svar after first contact: the date of that contact (the letter promises the answer, not a contact). */
    firstContactHad?: string | null;
    advice: { what: string; who: string }[];
    interimReply: boolean;
    /** Why the answer takes time (options.interimReason). */
    interimReason?: string | null;
    /**
     * BUP: the day the family should have known whether the pupil gets helsehjelp (10 working days
     * after the referral came, pasient- og brukerrettighetsloven § 2-2: the referral's open
     * `decision` obligation), when it is before the letter's date: the letter says it has passed
     * instead of promising it.
     */
    healthAnswerMissed?: string | null;
  } | null;
  /**
   * A nynorsk letter: case texts that read as bokmål and have neither a nynorsk text nor a reason
   * to keep them in the case's `nynorsk` (CASE_TEXT_BOKMAL). Absent in bokmål letters.
   */
  bokmalTexts?: { key: string; path: Path }[];
  /** The pupil's page was asked for (options.pupilPage); absent in letters without it. */
  pupilPage?: boolean;
  /** Decisions recorded with the letter: kept phrases and their reasons. */
  kept: { phrase: string; path: string | null; reason: string }[];
  /** «Fra journalen»: the notes the caseworker chose, each allowed to leave the case (shared/notes). */
  notes: { id: string; date: string; kind: NoteKind; text: string }[];
  legalTable: string;
  /** Avslutningsbrev: the referral it ends and who is responsible now (shared/letters/closing.ts). */
  closing?: ClosingPart | null;
  /** Overgangsbrev: the receiving school and what it needs to know (shared/letters/transition.ts). */
  transition?: TransitionPart | null;
  /** Innkalling: the meeting called, who must attend, the agenda (shared/letters/invitation.ts). */
  invitation?: InvitationPart | null;
}

export interface BuildInput {
  doc: CaseDoc;
  kind: LetterKind;
  lang: LetterLang;
  options: LetterOptions;
  settings: LetterSettings;
  today: string;
  letterId: string;
  version: number;
  draft: boolean;
  signer: { name: string | null; memberId: string; kid: string } | null;
  /** From the vault's registers: the pupil's school and the contact person (colleague) details. */
  registers?: {
    school: {
      address: string | null;
      postcode: string | null;
      place: string | null;
      rektor?: string | null;
    } | null;
    contact: { phone: string | null; email: string | null } | null;
    /** The school holidays the service has entered (register schoolHolidays): the absence rate leaves them out. */
    schoolHolidays?: readonly { from: string; to: string }[];
  };
  /** The case's open obligations on `today` (shared/cases/obligations.ts). */
  obligations?: readonly Obligation[];
  /** Letters issued earlier in the case: a letter that would repeat or contradict them is LETTER_OUTDATED. */
  earlier?: readonly EarlierLetter[];
  /** The service's limit for answering a parents' proposal (working days; default 10). */
  proposalAnswerWorkingDays?: number;
}

/** How many of the next deadlines a letter lists. */
const NEXT_DEADLINES = 6;

const LEADERSHIP =
  /^(rektor|avdelingsleder|avdelingsleiar|assisterende rektor|assisterande rektor|inspektør|undervisningsinspektør|trinnleder|trinnleiar)$/iu;

export const norm = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();
const clean = (s: string | null | undefined) => {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
};

export function isLeadership(role: string): boolean {
  return LEADERSHIP.test(role.trim());
}

/**
 * The short title of a measure: the words before a colon ("Fleksibel oppstart: …"), else its
 * first sentence, whole (a title is never cut off in the middle).
 */
export function measureTitle(what: string): string {
  const text = what.trim().replace(/…$/u, '').trim();
  const colon = text.indexOf(':');
  if (colon > 0 && colon <= 60) return text.slice(0, colon).trim();
  const sentence = text.split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0] ?? text;
  return sentence.replace(/[.;,!?]$/u, '');
}

function person(p: { role: string; name?: string | null } | null | undefined): Person | null {
  if (!p || clean(p.role) === null) return null;
  return { role: p.role.trim(), name: clean(p.name) };
}

/** The named person in a role, from the case: measures, the coordinator, then meetings (latest first). */
function findByRole(doc: CaseDoc, role: string): string | null {
  const r = norm(role);
  for (const m of doc.recommendations ?? []) {
    if (norm(m.leader?.role) === r && clean(m.leader?.name)) return clean(m.leader?.name);
    if (norm(m.responsible?.role) === r && clean(m.responsible?.name)) return clean(m.responsible?.name);
  }
  if (norm(doc.pupil.coordinator?.role) === r) return clean(doc.pupil.coordinator?.name);
  const meetings = [...(doc.meetings ?? [])].sort((a, b) => (a.date < b.date ? 1 : -1));
  for (const m of meetings)
    for (const p of m.participants) if (norm(p.role) === r && clean(p.name)) return clean(p.name);
  return null;
}

/** The caseworker now: the latest-starting assignment that has started and not ended. */
function currentAssignment(doc: CaseDoc, today: string) {
  const live = (doc.assignments ?? []).filter((a) => a.from <= today && (a.to == null || a.to >= today));
  live.sort((a, b) => (a.from < b.from ? 1 : -1));
  return live[0] ?? null;
}

/** The case's referral a letter speaks of: the open one received last, else the one received last. */
function mainReferral(doc: CaseDoc): number {
  const refs = doc.referrals ?? [];
  let best = -1;
  refs.forEach((r, i) => {
    const b = refs[best];
    if (!b) best = i;
    else if ((r.closed == null) !== (b.closed == null)) best = r.closed == null ? i : best;
    else if (r.received > b.received) best = i;
  });
  return best;
}

const DONE = new Set(['avsluttes']);

function endedOn(m: Recommendation): string | null {
  const evs = [...(m.evaluations ?? [])].sort((a, b) => (a.date < b.date ? -1 : 1));
  const last = evs[evs.length - 1];
  return last && DONE.has(last.decision) ? last.date : null;
}

function measureStatus(m: Recommendation): MeasureStatus {
  const impl = [...(m.implementation ?? [])].sort((a, b) => (a.date < b.date ? -1 : 1));
  const lastBy = (by: 'skole' | 'foresatte') => {
    const r = impl.filter((x) => x.by === by).pop();
    return r ? { date: r.date, inPlace: r.inPlace } : null;
  };
  const school = lastBy('skole');
  const parents = lastBy('foresatte');
  const ended = endedOn(m);
  const answer = m.schoolAnswer ?? null;
  // An evaluation that continues or adjusts a measure means it was running on that day; a later
  // report from the school or the family may say otherwise. The latest evidence decides.
  const evaluated = [...(m.evaluations ?? [])].sort((a, b) => (a.date < b.date ? -1 : 1)).pop() ?? null;
  const reports = [school, parents].filter((r): r is { date: string; inPlace: boolean } => r !== null);
  const latestReport = reports.sort((a, b) => (a.date < b.date ? 1 : -1))[0] ?? null;
  const running =
    evaluated !== null && (latestReport === null || latestReport.date <= evaluated.date)
      ? true
      : reports.some((r) => r.inPlace);
  const state: MeasureStatus['state'] = ended
    ? 'avsluttet'
    : answer?.answer === 'kan ikke' && !evaluated
      ? 'kan ikke'
      : running
        ? 'gjennomføres'
        : answer || evaluated
          ? 'ikke i gang'
          : 'avventer svar';
  return {
    state,
    schoolAnswer: answer
      ? {
          answer: answer.answer,
          reason: clean(answer.reason),
          alternative: clean(answer.alternative),
          by: answer.by,
          date: answer.date,
        }
      : null,
    reportedBySchool: school,
    confirmedByParents: parents,
    discrepancy: school !== null && parents !== null && school.inPlace !== parents.inPlace,
    evaluations: [...(m.evaluations ?? [])]
      .sort((a, b) => (a.date < b.date ? -1 : 1))
      .map((e) => ({
        date: e.date,
        outcome: e.outcome,
        decision: e.decision,
        decidedBy: e.decidedBy,
        why: clean(e.why),
      })),
    endedOn: ended,
  };
}

function letterMeasure(m: Recommendation, index: number, today: string, withStatus: boolean): LetterMeasure {
  let legal: LetterMeasure['legal'] = null;
  const refText = clean(m.legalRef);
  if (refText) {
    const r = resolveLegalRef(refText, today);
    legal = {
      text: refText,
      id: r.status === 'unknown' ? null : r.ref.id,
      status: r.status,
      currentId: r.status === 'superseded' ? (r.current?.id ?? null) : null,
    };
  }
  return {
    index,
    id: m.id,
    title: measureTitle(m.what),
    what: m.what.trim(),
    responsible: person(m.responsible),
    leader: person(m.leader),
    start: m.start ?? null,
    frequency: clean(m.frequency),
    trialPeriod: clean(m.trialPeriod),
    goal: clean(m.goal),
    evaluation: m.evaluation
      ? { date: m.evaluation.date, method: m.evaluation.method, convenedBy: m.evaluation.convenedBy }
      : null,
    resources: clean(m.resources),
    label: m.label,
    legal,
    target: m.target,
    ...(withStatus ? { status: measureStatus(m) } : {}),
  };
}

/** The notes a letter quotes: chosen by id; a confidential one not released stops the letter. */
function journalNotes(doc: CaseDoc, options: LetterOptions): LetterModel['notes'] {
  const all = doc.notes ?? [];
  return (options.notes ?? [])
    .map((id) => {
      const i = all.findIndex((n) => n.id === id);
      const n = all[i];
      if (!n) throw missing('NOTE_NOT_FOUND', ['notes']);
      if (!noteMayLeave(n)) throw missing(NOTE_CONFIDENTIAL, ['notes', i, 'confidential']);
      return { id: n.id, date: n.date, kind: n.kind, text: n.text };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function missing(code: string, path: Path): BroError {
  const issue: Issue = { path, code };
  return new BroError('LETTER_DATA_MISSING', 'The case lacks what this kind of letter needs', {
    issues: [issue],
  });
}

/** Consent for a school recipient: valid on the date and given to the school or the role (shared/consent/sharing.ts). */
function schoolConsent(doc: CaseDoc, role: RecipientRole, today: string): Recipient['basis'] {
  const words =
    role === 'rektor'
      ? /\b(skole|skolen|skule|skulen|rektor)\b/u
      : /\b(skole|skolen|skule|skulen|kontaktlærer|kontaktlærar)\b/u;
  return sharingBasis(doc, doc.pupil.school ?? '', today, null, words);
}

function recipients(doc: CaseDoc, options: LetterOptions, today: string, registerRektor: string | null) {
  const legal = options.legalBasis ?? {};
  const basisFor = (role: 'rektor' | 'kontaktlærer' | 'foresatte'): Recipient['basis'] => {
    if (role === 'foresatte')
      return clean(legal.foresatte) ? { kind: 'legal', text: legal.foresatte! } : { kind: 'party' };
    return (
      schoolConsent(doc, role, today) ??
      (clean(legal[role]) ? { kind: 'legal', text: legal[role]!.trim() } : null)
    );
  };
  // The options, then the case, then (for rektor) the school register.
  const name = (role: 'rektor' | 'kontaktlærer') =>
    clean(options.recipients?.[role]) ?? findByRole(doc, role) ?? (role === 'rektor' ? registerRektor : null);
  const rektor = name('rektor');
  const teacher = name('kontaktlærer');
  const guardians = (doc.guardians ?? []).filter((g) => g.parentalResponsibility).map((g) => g.name);
  const addressee: Recipient = {
    recipient: 'rektor',
    names: rektor ? [rektor] : [],
    basis: basisFor('rektor'),
  };
  const copies: Recipient[] = [
    { recipient: 'kontaktlærer', names: teacher ? [teacher] : [], basis: basisFor('kontaktlærer') },
    { recipient: 'foresatte', names: guardians, basis: basisFor('foresatte') },
  ];
  // Copies to other services, each checked against the consent register (issue 14 item 8).
  for (const o of options.otherRecipients ?? [])
    copies.push({
      recipient: 'tjeneste',
      names: [o.name.trim()],
      basis: sharingBasis(doc, o.name, today, o.legalBasis),
    });
  return { addressee, copies };
}

function selectMeasures(doc: CaseDoc, options: LetterOptions, includeEnded: boolean) {
  const all = (doc.recommendations ?? []).map((m, i) => ({ m, i }));
  if (options.measures) {
    const want = new Set(options.measures);
    return all.filter(({ m }) => want.has(m.id));
  }
  return includeEnded ? all : all.filter(({ m }) => endedOn(m) === null);
}

function meetingModel(doc: CaseDoc, options: LetterOptions): LetterMeeting {
  const meetings = (doc.meetings ?? [])
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (a.m.date < b.m.date ? -1 : 1));
  const pick = options.meeting
    ? meetings.find(({ m }) => m.id === options.meeting || m.date === options.meeting)
    : meetings[meetings.length - 1];
  if (!pick) throw missing(options.meeting ? 'MEETING_NOT_FOUND' : 'NO_MEETING', ['meetings']);
  const pos = meetings.indexOf(pick);
  const prev = pos > 0 ? meetings[pos - 1] : undefined;
  const m = pick.m;
  const participants = m.participants.map((p) => ({ role: p.role.trim(), name: clean(p.name) }));
  return {
    index: pick.i,
    id: m.id ?? null,
    date: m.date,
    participants,
    leaderPresent: participants.some((p) => isLeadership(p.role)),
    decisions: (m.decisions ?? []).map((d) => d.trim()),
    agreements: (m.agreements ?? []).map((a, index) => ({
      index,
      what: a.what.trim(),
      owner: a.owner.trim(),
      deadline: a.deadline ?? null,
      status: a.status,
      promisedToPupil: a.promisedToPupil === true,
    })),
    carriedOver: (prev?.m.agreements ?? [])
      .filter((a) => a.status === 'åpen' || a.status === 'ikke utført')
      .map((a) => ({
        what: a.what.trim(),
        owner: a.owner.trim(),
        deadline: a.deadline ?? null,
        status: a.status,
      })),
    dissent: (m.dissent ?? []).map((d) => ({ by: d.by.trim(), text: d.text.trim() })),
    note: clean(m.note),
  };
}

function overdueItems(
  doc: CaseDoc,
  today: string,
  obligations: readonly Obligation[],
  rektor: string | null,
  own: (who: string) => boolean,
): OverdueItem[] {
  const items: OverdueItem[] = [];
  (doc.meetings ?? []).forEach((m, mi) => {
    (m.agreements ?? []).forEach((a, ai) => {
      const late = a.deadline != null && a.deadline < today;
      if (late && (a.status === 'åpen' || a.status === 'ikke utført'))
        items.push({
          kind: 'agreement',
          what: a.what.trim(),
          who: a.owner.trim(),
          deadline: a.deadline!,
          daysOver: calendarDays(a.deadline!, today),
          promisedToPupil: a.promisedToPupil === true,
          own: own(a.owner),
          lovkrav: false,
          path: ['meetings', mi, 'agreements', ai, 'status'],
          ref: a.id ?? `meetings/${m.id ?? m.date}/agreements.${ai}`,
        });
    });
  });
  (doc.recommendations ?? []).forEach((m, i) => {
    if (endedOn(m) !== null) return;
    // The school's answer is late by the same rule as the task «svar fra skolen» (school-reply in
    // shared/cases/obligations.ts: working days after the anbefaling was sent; none for «Avtalt»).
    const answerBy = obligations.find((o) => o.kind === 'schoolReply' && o.ref === m.id)?.due ?? null;
    if (!m.schoolAnswer && answerBy && answerBy < today)
      items.push({
        kind: 'answer',
        what: measureTitle(m.what),
        who: rektor ? `${rektor} (rektor)` : 'rektor',
        deadline: answerBy,
        daysOver: calendarDays(answerBy, today),
        promisedToPupil: false,
        own: false,
        lovkrav: m.label === 'Lovkrav',
        path: ['recommendations', i, 'schoolAnswer'],
        ref: m.id,
      });
    const due = m.evaluation?.date;
    // A measure the school has said it cannot carry out has no evaluation to wait for.
    const declined = m.schoolAnswer?.answer === 'kan ikke';
    if (due && due < today && !declined && !(m.evaluations ?? []).some((e) => e.date >= due))
      items.push({
        kind: 'evaluation',
        what: measureTitle(m.what),
        who: m.evaluation!.convenedBy,
        deadline: due,
        daysOver: calendarDays(due, today),
        promisedToPupil: false,
        own: own(m.evaluation!.convenedBy),
        lovkrav: m.label === 'Lovkrav',
        path: ['recommendations', i, 'evaluations'],
        ref: m.id,
      });
  });
  // Promises to the pupil first, then the longest overdue.
  return items.sort(
    (a, b) => Number(b.promisedToPupil) - Number(a.promisedToPupil) || b.daysOver - a.daysOver,
  );
}

/** Whether an owner ("PPT", "saksbehandler", a caseworker's name) is the service itself. */
function ownNames(doc: CaseDoc): (who: string) => boolean {
  const names = new Set((doc.assignments ?? []).map((a) => norm(a.caseworker)).filter((n) => n !== ''));
  const service = norm(doc.service);
  const roles = new Set(['saksbehandler', 'kontaktperson hos oss', 'pp-rådgiver', 'pp-rådgjevar']);
  return (who: string) => {
    const w = norm(who);
    if (w === '') return false;
    if (w === service || roles.has(w) || names.has(w)) return true;
    // "Ola Hansen (PPT)", "PPT v/ Ola Hansen"
    return w.split(/[^\p{L}\p{N}-]+/u).includes(service) || [...names].some((n) => w.includes(n));
  };
}

/** The date first contact should have been made by, when it has passed with no contact (else null). */
function missedFirstContact(
  ref: NonNullable<CaseDoc['referrals']>[number],
  refIndex: number,
  service: Service,
  today: string,
  obligations: readonly Obligation[],
): string | null {
  if (ref.firstContact) return null;
  const frist = service === 'BUP' && ref.frist ? [ref.frist] : [];
  return earliestPassed(obligations, ['firstContactTarget', 'fristPassing'], refIndex, today, frist);
}

/**
 * The earliest due date before `today` among the referral's obligations of these kinds (and
 * `more` dates), else null. The letter states a passed deadline; it never counts one itself.
 */
function earliestPassed(
  obligations: readonly Obligation[],
  kinds: readonly ObligationKind[],
  refIndex: number,
  today: string,
  more: readonly string[] = [],
): string | null {
  const dates = obligations
    .filter((o) => kinds.includes(o.kind) && (o.item ?? refIndex) === refIndex)
    .map((o) => o.due)
    .concat(more);
  return dates.filter((d) => d < today).sort()[0] ?? null;
}

export const STANDARD_ADVICE = {
  nb: [
    {
      what: 'Fortsett tiltakene skolen har satt i gang, og registrer fraværet hver uke, både hele og delvise dager.',
      who: 'kontaktlærer',
    },
    {
      what: 'Ta kontakt med foresatte minst én gang i uka om hvordan skoledagene går.',
      who: 'koordinator i skolen',
    },
    {
      what: 'Undersøk om noe i skolemiljøet gjør det vanskelig for eleven, og sett inn tiltak etter aktivitetsplikten.',
      who: 'rektor',
    },
    { what: 'Send oss fraværsoversikten før første samtale.', who: 'kontaktlærer', beforeFirstContact: true },
  ],
  nn: [
    {
      what: 'Hald fram med tiltaka skulen har sett i gang, og registrer fråværet kvar veke, både heile og delvise dagar.',
      who: 'kontaktlærar',
    },
    {
      what: 'Ta kontakt med føresette minst éin gong i veka om korleis skuledagane går.',
      who: 'koordinator i skulen',
    },
    {
      what: 'Undersøk om noko i skulemiljøet gjer det vanskeleg for eleven, og set inn tiltak etter aktivitetsplikta.',
      who: 'rektor',
    },
    {
      what: 'Send oss fråværsoversikta før den første samtalen.',
      who: 'kontaktlærar',
      beforeFirstContact: true,
    },
  ],
};

/**
 * An obligation's label for a letter: the measure's own text, not the list's 80-character label
 * that may end in «…» (issue 16: no truncated titles in letters).
 */
function fullLabel(doc: CaseDoc, o: Obligation, lang: LetterLang): string | null {
  // A nynorsk letter takes the case's nynorsk text of the measure or proposal where there is one.
  const nn = (key: string) => (lang === 'nn' ? doc.nynorsk?.[key]?.text?.trim() || null : null);
  const aboutMeasure = ['evaluation', 'schoolReply', 'measureRules'].includes(o.kind);
  const m = aboutMeasure && o.ref ? (doc.recommendations ?? []).find((r) => r.id === o.ref) : undefined;
  if (m) return nn(`recommendations/${m.id}/what`) ?? m.what;
  const p = o.kind === 'proposalAnswer' && o.item !== undefined ? doc.proposals?.[o.item] : undefined;
  if (p) return nn(`proposals/${p.id ?? p.date}/what`) ?? p.what;
  return o.label ?? null;
}

/**
 * The standard advice, with the named person in each role when the case knows them. After first
 * contact (a foreløpig svar) the advice to do something before it is left out: it would be past.
 */
function namedAdvice(
  doc: CaseDoc,
  lang: LetterLang,
  addressee: Recipient,
  copies: Recipient[],
  firstContactHad: boolean,
) {
  const teacher = copies.find((c) => c.recipient === 'kontaktlærer')?.names[0];
  const rektor = [addressee, ...copies].find((r) => r.recipient === 'rektor')?.names[0];
  const coordinator = doc.pupil.coordinator;
  const advice: readonly { what: string; who: string; beforeFirstContact?: boolean }[] =
    STANDARD_ADVICE[lang];
  return advice
    .filter((a) => !(firstContactHad && a.beforeFirstContact))
    .map((a) => {
      const role = norm(a.who);
      const named =
        role.startsWith('kontaktlær') && teacher
          ? `${teacher} (${a.who})`
          : role === 'rektor' && rektor
            ? `${rektor} (rektor)`
            : role.startsWith('koordinator') && coordinator?.name
              ? `${coordinator.name} (${a.who})`
              : a.who;
      return { what: a.what, who: named };
    });
}

/**
 * Builds the letter model. Throws LETTER_DATA_MISSING (with the path of what is missing) when
 * the case cannot carry this kind at all: a møtereferat without a meeting, a mottaksbrev without
 * a referral, and so on. Everything else that is missing is a finding (checks.ts), so a draft
 * can still be rendered.
 */
/** The kinds that report progress, and so carry the absence table since the referral (issue 15). */
export const ABSENCE_TABLE_KINDS: ReadonlySet<LetterKind> = new Set<LetterKind>([
  'tiltaksoversikt',
  'oppfolgingsbrev',
]);

/** The months from the referral's month up to the letter's date, with the rate the app shows. */
function absenceTable(doc: CaseDoc, received: string | null, input: BuildInput): LetterModel['absenceTable'] {
  if (!received || !doc.absence?.length) return null;
  const holidays = input.registers?.schoolHolidays ?? [];
  const months = monthlyAbsence(doc.absence, { holidays })
    .filter((m) => m.month >= received.slice(0, 7) && m.month <= input.today.slice(0, 7))
    .map(({ month, schoolDays, absentDays, percent }) => ({ month, schoolDays, absentDays, percent }));
  return months.length ? { since: received, holidays: holidays.length > 0, months } : null;
}

export function buildLetter(input: BuildInput): LetterModel {
  const { doc, kind, lang, options, settings, today } = input;
  const rules = KIND_RULES[kind];
  const refIndex = mainReferral(doc);
  const ref = doc.referrals?.[refIndex];
  const toSchool = recipients(doc, options, today, clean(input.registers?.school?.rektor));
  // BUP writes to the family (the patient's parents); the school gets a copy only with a basis.
  const family = toSchool.copies.find((c) => c.recipient === 'foresatte')!;
  const municipality = clean(settings.letterhead.municipality);
  const transition = kind === 'overgangsbrev' ? transitionPart(doc, options, today) : null;
  const { addressee, copies } = transition
    ? {
        // Issue 15 item 3: to the receiving school, with a consent to it or a recorded legal
        // basis (one rule for every recipient: shared/consent/sharing.ts); copies as usual.
        addressee: {
          recipient: 'mottakerskole' as const,
          names: transition.receivingSchool ? [transition.receivingSchool] : [],
          basis: transition.receivingSchool
            ? sharingBasis(doc, transition.receivingSchool, today, transition.legalBasis)
            : null,
        },
        copies: [toSchool.addressee, ...toSchool.copies],
      }
    : doc.service === 'BUP'
      ? {
          addressee: family,
          copies: [toSchool.addressee, ...toSchool.copies.filter((c) => c !== family)],
        }
      : kind === 'sakkyndig-vurdering'
        ? {
            // The expert assessment goes to the municipality that decides by enkeltvedtak; the
            // family gets a copy (they may see it and comment before the vedtak); the school only
            // with a consent or a recorded legal basis.
            addressee: {
              recipient: 'kommune' as const,
              names: municipality ? [municipality] : [],
              basis: { kind: 'legal' as const, text: 'opplæringslova kapittel 11' },
            },
            copies: [
              family,
              ...[toSchool.addressee, ...toSchool.copies].filter(
                (c) =>
                  c !== family &&
                  // A copy to another service was asked for by name: it stays and is checked.
                  (c.recipient === 'tjeneste' || (c.basis !== null && c.basis.kind !== 'party')),
              ),
            ],
          }
        : toSchool;
  const assignment = currentAssignment(doc, today);
  const service = doc.service;

  if (kind === 'sakkyndig-vurdering' && service !== 'PPT') throw missing('SAKKYNDIG_ONLY_PPT', ['service']);
  if (kind === 'mottaksbrev' && !ref) throw missing('NO_REFERRAL', ['referrals']);
  const closing =
    kind === 'avslutningsbrev'
      ? closingPart(doc, options, closingReferralIndex(doc, options, refIndex))
      : null;
  if (kind === 'avslutningsbrev' && !closing) throw missing('NO_REFERRAL', ['referrals']);
  if (kind === 'ny-kontaktperson' && !assignment) throw missing('NO_CASEWORKER', ['assignments']);
  const outdated = letterOutdated(doc, kind, lang, today, input.earlier ?? [], refIndex);
  if (outdated) throw outdatedError(outdated);

  const usesMeasures = rules.measureBlocks || rules.measureList;
  const measures = usesMeasures
    ? selectMeasures(doc, options, kind === 'tiltaksoversikt').map(({ m, i }) =>
        letterMeasure(m, i, today, kind === 'tiltaksoversikt'),
      )
    : [];
  if (usesMeasures && measures.length === 0) throw missing('NO_MEASURES', ['recommendations']);

  const overdue =
    kind === 'oppfolgingsbrev'
      ? overdueItems(doc, today, input.obligations ?? [], toSchool.addressee.names[0] ?? null, ownNames(doc))
      : null;
  if (overdue && overdue.length === 0) throw missing('NOTHING_OVERDUE', ['meetings']);

  let change: LetterModel['change'] = null;
  if (kind === 'ny-kontaktperson' && assignment) {
    const prevAt = (doc.assignments ?? [])
      .map((a, index) => ({ a, index }))
      .filter(({ a }) => a.to != null && a.to <= assignment.from && a !== assignment)
      .sort((x, y) => (x.a.to! < y.a.to! ? 1 : -1))[0];
    const prev = prevAt?.a;
    const note = prev?.handoverNote && typeof prev.handoverNote === 'object' ? prev.handoverNote : null;
    change = {
      current: { name: assignment.caseworker, role: clean(assignment.role), from: assignment.from },
      previous:
        prev && prevAt
          ? { index: prevAt.index, name: prev.caseworker, role: clean(prev.role), to: prev.to! }
          : null,
      daysWithout: prev ? Math.max(0, calendarDays(prev.to!, assignment.from) - 1) : 0,
      openPromises: clean(note?.openPromises),
      // The note's own words on deadlines, unless they speak of a date already past: the case's
      // own deadlines (below) say what is due now.
      nextDeadlines:
        clean(note?.nextDeadlines) && !mentionsPastDate(note!.nextDeadlines!, today)
          ? clean(note?.nextDeadlines)
          : null,
      deadlines: (input.obligations ?? [])
        .filter((o) => o.due >= today)
        .slice(0, NEXT_DEADLINES)
        .map((o) => ({ due: o.due, kind: o.kind, label: fullLabel(doc, o, lang) })),
      overdueDeadlines: (input.obligations ?? [])
        .filter((o) => o.due < today)
        .slice(0, NEXT_DEADLINES)
        .map((o) => ({
          due: o.due,
          kind: o.kind,
          label: fullLabel(doc, o, lang),
          daysOver: calendarDays(o.due, today),
        })),
    };
  }

  const voice = (text: string | null | undefined, reason: string | null | undefined) =>
    rules.voices ? { text: clean(text), absentReason: clean(text) ? null : clean(reason) } : null;
  // Dated entries of the pupil's voice replace the one text from before (kept while none exist).
  const voiceEntries = latestVoices(doc, today);
  const pupilVoice = rules.voices
    ? voiceEntries.length
      ? { text: null, absentReason: null, entries: voiceEntries }
      : voice(doc.pupilVoice, options.reasons?.pupilVoice)
    : null;
  const exp = doc.expectations;
  const hasExpectations =
    exp &&
    [
      exp.canOffer,
      exp.cannotOffer,
      exp.timeline,
      exp.commitments,
      exp.parentsAskedTo,
      exp.contactFrequency,
      exp.disagreement,
    ].some(clean);
  // The forventningsavklaring is in the measures letters, and in the first letter to the family
  // (every letter has a copy to foresatte, so: the first letter issued in the case).
  const firstLetter = (input.earlier ?? []).length === 0;
  const withExpectations = kind === 'anbefaling' || kind === 'sakkyndig-vurdering' || firstLetter;
  const proposalDays = input.proposalAnswerWorkingDays ?? 10;
  const proposals = PROPOSAL_KINDS.has(kind)
    ? letterProposals(doc, today, proposalDays).map((p) => {
        // An unanswered one is due when Oppgaver says (the same derivation), else by the limit.
        const o = (input.obligations ?? []).find((x) => x.kind === 'proposalAnswer' && x.item === p.index);
        return o && p.answerBy ? { ...p, answerBy: o.due } : p;
      })
    : [];
  const hearing = letterHearing(doc, kind, today, input.earlier ?? []);

  const serviceName =
    clean(settings.letterhead.serviceName) ?? SERVICE_LONG_NAME[service]?.[lang] ?? String(service);
  const school = input.registers?.school ?? null;
  const contact = input.registers?.contact ?? null;
  const postLine = (a: { postcode: string | null; place: string | null } | null) =>
    clean([a?.postcode, a?.place].filter(Boolean).join(' '));
  const returnAddress = [
    assignment ? assignment.caseworker : null,
    serviceName,
    clean(settings.letterhead.address),
    clean(contact?.phone) ?? clean(settings.letterhead.phone),
    clean(contact?.email) ?? clean(settings.letterhead.email),
  ].filter((x): x is string => x !== null);

  const model: LetterModel = {
    format: LETTER_FORMAT,
    letterId: input.letterId,
    kind,
    lang,
    version: input.version,
    draft: input.draft,
    date: today,
    caseId: doc.id,
    service,
    letterhead: {
      serviceName,
      address: clean(settings.letterhead.address),
      phone: clean(settings.letterhead.phone),
      email: clean(settings.letterhead.email),
      orgNumber: clean(settings.letterhead.orgNumber),
    },
    confidentiality: confidentialityRefs(service).map((r) => r.id),
    pupil: { name: doc.pupil.name, school: clean(doc.pupil.school), grade: doc.pupil.grade ?? null },
    schoolAddress:
      school && (clean(school.address) || postLine(school))
        ? { address: clean(school.address), postcode: clean(school.postcode), place: clean(school.place) }
        : null,
    returnAddress,
    addressee,
    copies,
    coordinator: person(doc.pupil.coordinator),
    serviceContact: assignment
      ? {
          name: assignment.caseworker,
          role: clean(assignment.role),
          since: assignment.from,
          phone: clean(contact?.phone),
          email: clean(contact?.email),
        }
      : null,
    signer: input.signer,
    signerTitle: input.signer?.name
      ? ([...(doc.assignments ?? [])]
          .sort((a, b) => (a.from < b.from ? 1 : -1))
          .find((a) => norm(a.caseworker) === norm(input.signer!.name))?.role ?? null)
      : null,
    replyBy:
      rules.replyPage || kind === 'motereferat'
        ? (options.replyBy ?? addDays(today, settings.replyDays))
        : null,
    referral: ref
      ? {
          index: refIndex,
          referredBy: ref.referredBy ?? null,
          reason: clean(ref.reason),
          received: ref.received,
          firstContact: ref.firstContact ?? null,
          concluded: ref.concluded ?? null,
          frist: ref.frist ?? null,
          absenceAtReferral: ref.absenceAtReferral ?? null,
          daysWaited: Math.max(0, calendarDays(ref.received, ref.firstContact ?? today)),
        }
      : null,
    measures,
    responsibilities: rules.responsibilities ? responsibilities(measures) : [],
    pupilVoice,
    parentsView: voice(doc.parentsView, options.reasons?.parentsView),
    understandings:
      rules.voices && (clean(doc.schoolUnderstanding) || clean(doc.parentsUnderstanding))
        ? { school: clean(doc.schoolUnderstanding), parents: clean(doc.parentsUnderstanding) }
        : null,
    // Only in the kinds that carry it: every other letter's structured JSON stays as it was.
    ...(ABSENCE_TABLE_KINDS.has(kind)
      ? { absenceTable: absenceTable(doc, ref?.received ?? null, input) }
      : {}),
    schoolFactorsMissing: rules.measureBlocks ? missingSchoolFactors(doc) : null,
    expectations:
      withExpectations && exp && hasExpectations
        ? {
            canOffer: clean(exp.canOffer),
            cannotOffer: clean(exp.cannotOffer),
            timeline: clean(exp.timeline),
            commitments: clean(exp.commitments),
            parentsAskedTo: clean(exp.parentsAskedTo),
            contactFrequency: clean(exp.contactFrequency),
            disagreement: clean(exp.disagreement),
          }
        : null,
    proposals: proposals.length ? proposals : null,
    hearing,
    meeting: kind === 'motereferat' ? meetingModel(doc, options) : null,
    // A nynorsk letter prints each agreement's nynorsk text where the case has one (withNynorsk).
    agreements: kind === 'tiltaksoversikt' ? tiltaksAgreements(doc, (_k, _p, t) => t) : null,
    overdue,
    change,
    assessment:
      kind === 'sakkyndig-vurdering'
        ? {
            // The case's topics, worded for this letter where the options say so.
            ...Object.fromEntries(
              Object.entries(doc.assessmentConclusion?.topics ?? {}).filter(([, v]) => clean(v) !== null),
            ),
            ...Object.fromEntries(
              Object.entries(options.assessment ?? {}).filter(([, v]) => clean(v) !== null),
            ),
            legalRefId:
              today >= '2024-08-01' ? legalRef('oppl-2023-sakkunnig').id : legalRef('oppl-1998-5-3').id,
            conclusion: doc.assessmentConclusion ?? null,
          }
        : null,
    ...(kind === 'sakkyndig-vurdering'
      ? { addresseeAddress: clean(settings.letterhead.municipalityAddress) }
      : {}),
    waiting:
      kind === 'mottaksbrev' && ref
        ? {
            // What the caseworker sets, else a BUP frist still ahead. A passed target is stated as
            // passed (missedFirstContact), never as a date to come.
            expectedFirstContact:
              options.expectedFirstContact ??
              (service === 'BUP' && ref.frist != null && ref.frist >= today ? ref.frist : null),
            missedFirstContact: missedFirstContact(ref, refIndex, service, today, input.obligations ?? []),
            advice:
              options.waitingAdvice ??
              namedAdvice(
                doc,
                lang,
                addressee,
                copies,
                ref.firstContact != null && ref.firstContact <= today,
              ),
            interimReply: ref.concluded == null && addDays(ref.received, 30) < today,
            healthAnswerMissed:
              service === 'BUP' ? healthAnswerMissed(refIndex, today, input.obligations ?? []) : null,
            interimReason: clean(options.interimReason),
            firstContactHad: ref.firstContact != null && ref.firstContact <= today ? ref.firstContact : null,
          }
        : null,
    notes: journalNotes(doc, options),
    kept: (options.keep ?? []).map((k) => ({ phrase: k.phrase, path: k.path ?? null, reason: k.reason })),
    legalTable: LEGAL_TABLE_VERSION,
    ...(options.pupilPage ? { pupilPage: true } : {}),
    ...(closing ? { closing } : {}),
    ...(transition ? { transition } : {}),
    ...(kind === 'innkalling' ? { invitation: invitationPart(doc, options, today) } : {}),
  };
  return lang === 'nn' ? withNynorsk(model, doc) : model;
}

/**
 * A nynorsk letter prints the case's nynorsk text where there is one (`doc.nynorsk`, keyed by where
 * the bokmål text is), keeps a text with a recorded reason as written, and lists the rest that
 * reads as bokmål (the word list of the nynorsk scan) for CASE_TEXT_BOKMAL.
 */
function withNynorsk(m: LetterModel, doc: CaseDoc): LetterModel {
  const nn = doc.nynorsk ?? {};
  const bokmalTexts: { key: string; path: Path }[] = [];
  function use(key: string, path: Path, text: string): string;
  function use(key: string, path: Path, text: string | null): string | null;
  function use(key: string, path: Path, text: string | null): string | null {
    if (text === null) return null;
    const entry = nn[key];
    const written = clean(entry?.text);
    if (written) return written;
    if (!clean(entry?.keepReason) && readsAsBokmal(text) && !bokmalTexts.some((b) => b.key === key))
      bokmalTexts.push({ key, path });
    return text;
  }
  const measures = m.measures.map((x) => {
    const at = (f: string) => `recommendations/${x.id}/${f}`;
    const p = (f: string): Path => ['recommendations', x.index, f];
    const what = use(at('what'), p('what'), x.what);
    return {
      ...x,
      what,
      title: measureTitle(what),
      frequency: use(at('frequency'), p('frequency'), x.frequency),
      trialPeriod: use(at('trialPeriod'), p('trialPeriod'), x.trialPeriod),
      goal: use(at('goal'), p('goal'), x.goal),
      resources: use(at('resources'), p('resources'), x.resources),
      evaluation: x.evaluation
        ? {
            ...x.evaluation,
            method: use(
              at('evaluation.method'),
              ['recommendations', x.index, 'evaluation', 'method'],
              x.evaluation.method,
            ),
          }
        : null,
    };
  });
  const voice = (v: LetterModel['pupilVoice'], key: 'pupilVoice' | 'parentsView') =>
    v ? { ...v, text: use(key, [key], v.text) } : null;
  // The dated entries of the pupil's voice and the family's proposals with the answers: case text
  // too, keyed by the entry's id (else its date) like the measures are.
  const entryKey = (list: 'voices' | 'proposals', index: number) => {
    const e = doc[list]?.[index];
    return `${list}/${e?.id ?? e?.date ?? index}`;
  };
  const pupilVoice =
    m.pupilVoice?.entries && m.pupilVoice.entries.length > 0
      ? {
          ...m.pupilVoice,
          entries: m.pupilVoice.entries.map((e) => {
            if (e.index === undefined) return e;
            const i = e.index;
            const f = (field: 'said' | 'wishes' | 'helps' | 'hurts') =>
              use(`${entryKey('voices', i)}/${field}`, ['voices', i, field], e[field]);
            return { ...e, said: f('said'), wishes: f('wishes'), helps: f('helps'), hurts: f('hurts') };
          }),
        }
      : voice(m.pupilVoice, 'pupilVoice');
  const proposals = m.proposals
    ? m.proposals.map((p) => ({
        ...p,
        what: use(`${entryKey('proposals', p.index)}/what`, ['proposals', p.index, 'what'], p.what),
        reason: use(`${entryKey('proposals', p.index)}/reason`, ['proposals', p.index, 'reason'], p.reason),
      }))
    : m.proposals;
  const c = m.assessment?.conclusion;
  const conclusion = c
    ? {
        ...c,
        ...Object.fromEntries(
          (['content', 'organisation', 'staffCompetence', 'viewsWeighed'] as const).map((f) => [
            f,
            use(`assessmentConclusion/${f}`, ['assessmentConclusion', f], clean(c[f])),
          ]),
        ),
      }
    : c;
  const meetingKey = m.meeting ? `meetings/${m.meeting.id ?? m.meeting.date}` : '';
  const meeting = m.meeting
    ? {
        ...m.meeting,
        // Decisions and agreements are case text too (meetings/<id>/decisions.<n>, agreements.<n>.what).
        decisions: m.meeting.decisions.map((d, i) =>
          use(`${meetingKey}/decisions.${i}`, ['meetings', m.meeting!.index, 'decisions', i], d),
        ),
        agreements: m.meeting.agreements.map((a) => ({
          ...a,
          what: use(
            `${meetingKey}/agreements.${a.index}.what`,
            ['meetings', m.meeting!.index, 'agreements', a.index, 'what'],
            a.what,
          ),
        })),
        note: use(
          `meetings/${m.meeting.id ?? m.meeting.date}/note`,
          ['meetings', m.meeting.index, 'note'],
          m.meeting.note,
        ),
      }
    : null;
  const transition = m.transition
    ? {
        ...m.transition,
        measuresThatWork: m.transition.measuresThatWork.map((x) => ({
          ...x,
          what: use(`recommendations/${x.id}/what`, ['recommendations', x.index, 'what'], x.what),
        })),
      }
    : m.transition;
  // The sakkyndig vurdering's statutory topics: the case's (assessmentConclusion/topics.<t>), or
  // the letter's own wording of one (options/assessment.<t>); and each reduction or exemption.
  const a = m.assessment;
  const caseTopics = doc.assessmentConclusion?.topics ?? {};
  const assessmentTopics = a
    ? Object.fromEntries(
        ASSESSMENT_TOPIC_KEYS.map((t) => {
          const text = clean(a[t]);
          const fromCase = text !== null && text === clean(caseTopics[t]);
          return [
            t,
            fromCase
              ? use(`assessmentConclusion/topics.${t}`, ['assessmentConclusion', 'topics', t], text)
              : use(`options/assessment.${t}`, ['options', 'assessment', t], text),
          ];
        }).filter(([, v]) => v !== null),
      )
    : {};
  const deviations = conclusion?.deviations
    ? conclusion.deviations.map((d, i) => ({
        ...d,
        what: use(
          `assessmentConclusion/deviations.${i}.what`,
          ['assessmentConclusion', 'deviations', i, 'what'],
          d.what,
        ),
        legalBasis: use(
          `assessmentConclusion/deviations.${i}.legalBasis`,
          ['assessmentConclusion', 'deviations', i, 'legalBasis'],
          d.legalBasis,
        ),
      }))
    : conclusion?.deviations;
  // The møtereferat's dissent, and the open agreements carried over from the meeting before
  // (keyed where they were agreed: meetings/<id>/agreements.<n>.what).
  const meetingWithDissent = meeting
    ? {
        ...meeting,
        dissent: meeting.dissent.map((d, i) => ({
          ...d,
          text: use(
            `${meetingKey}/dissent.${i}.text`,
            ['meetings', meeting.index, 'dissent', i, 'text'],
            d.text,
          ),
        })),
        carriedOver: carried(doc, meeting.index, meeting.carriedOver, use),
      }
    : null;
  const invitation = m.invitation
    ? {
        ...m.invitation,
        carriedOver: m.invitation.lastMeeting
          ? carried(doc, m.invitation.lastMeeting.index, m.invitation.carriedOver, use, true)
          : m.invitation.carriedOver,
      }
    : m.invitation;
  // The handover note's open promises and its own words on deadlines (ny-kontaktperson).
  const change = m.change
    ? {
        ...m.change,
        openPromises:
          m.change.previous && m.change.openPromises
            ? use(
                `assignments/${m.change.previous.index}/handoverNote.openPromises`,
                ['assignments', m.change.previous.index, 'handoverNote', 'openPromises'],
                m.change.openPromises,
              )
            : m.change.openPromises,
        nextDeadlines:
          m.change.previous && m.change.nextDeadlines
            ? use(
                `assignments/${m.change.previous.index}/handoverNote.nextDeadlines`,
                ['assignments', m.change.previous.index, 'handoverNote', 'nextDeadlines'],
                m.change.nextDeadlines,
              )
            : m.change.nextDeadlines,
      }
    : m.change;
  // How each dated entry of the pupil's voice was gathered («samtale hjemme», …).
  const pupilVoiceHow =
    pupilVoice?.entries && pupilVoice.entries.length > 0
      ? {
          ...pupilVoice,
          entries: pupilVoice.entries.map((e) =>
            e.index === undefined
              ? e
              : {
                  ...e,
                  how: use(`${entryKey('voices', e.index)}/how`, ['voices', e.index, 'how'], e.how),
                },
          ),
        }
      : pupilVoice;
  // The forventningsavklaring and the two understandings of the absence.
  const e = m.expectations;
  const expectationsNn = e
    ? (Object.fromEntries(
        Object.entries(e).map(([f, v]) => [
          f,
          typeof v === 'string' ? use(`expectations/${f}`, ['expectations', f], v) : v,
        ]),
      ) as NonNullable<LetterModel['expectations']>)
    : e;
  const u = m.understandings;
  const understandings = u
    ? {
        school: use('schoolUnderstanding', ['schoolUnderstanding'], u.school),
        parents: use('parentsUnderstanding', ['parentsUnderstanding'], u.parents),
      }
    : u;
  // Tiltaksoversikt: every agreement (the case's nynorsk where written), the school's answers and
  // the evaluations' reasons.
  const agreements = m.agreements ? tiltaksAgreements(doc, use) : m.agreements;
  const measuresWithStatus = measures.map((x) => {
    const s = x.status;
    if (!s) return x;
    const at = (f: string) => `recommendations/${x.id}/${f}`;
    const p = (...f: (string | number)[]): Path => ['recommendations', x.index, ...f];
    const rec = doc.recommendations?.[x.index];
    return {
      ...x,
      status: {
        ...s,
        schoolAnswer: s.schoolAnswer
          ? {
              ...s.schoolAnswer,
              reason: use(at('schoolAnswer.reason'), p('schoolAnswer', 'reason'), s.schoolAnswer.reason),
              alternative: use(
                at('schoolAnswer.alternative'),
                p('schoolAnswer', 'alternative'),
                s.schoolAnswer.alternative,
              ),
            }
          : null,
        evaluations: s.evaluations.map((ev) => {
          const i = (rec?.evaluations ?? []).findIndex((r) => r.date === ev.date && clean(r.why) === ev.why);
          return i < 0
            ? ev
            : { ...ev, why: use(at(`evaluations.${ev.date}.why`), p('evaluations', i, 'why'), ev.why) };
        }),
      },
    };
  });
  // Oppfølgingsbrev: an overdue agreement is the meeting's text; a measure is named by its title.
  const overdue = m.overdue
    ? m.overdue.map((o) => {
        const [head, i, , ai] = o.path;
        if (head === 'meetings' && typeof i === 'number' && typeof ai === 'number') {
          const mt = doc.meetings?.[i];
          return mt
            ? {
                ...o,
                what: use(
                  `meetings/${mt.id ?? mt.date}/agreements.${ai}.what`,
                  ['meetings', i, 'agreements', ai, 'what'],
                  o.what,
                ),
              }
            : o;
        }
        const r = head === 'recommendations' && typeof i === 'number' ? doc.recommendations?.[i] : undefined;
        if (!r) return o;
        const what = use(
          `recommendations/${r.id}/what`,
          ['recommendations', i as number, 'what'],
          r.what.trim(),
        );
        return { ...o, what: measureTitle(what) };
      })
    : m.overdue;
  // «Fra journalen» and the parents' comment on the høringsutkast.
  const notes = m.notes.map((n) => ({
    ...n,
    text: use(
      `notes/${n.id}/text`,
      ['notes', (doc.notes ?? []).findIndex((x) => x.id === n.id), 'text'],
      n.text,
    ),
  }));
  const h = m.hearing;
  const hearingDoc = h ? doc.hearings?.[h.index] : undefined;
  const hearing =
    h && h.comment
      ? {
          ...h,
          comment: use(
            `hearings/${hearingDoc?.id ?? hearingDoc?.shared ?? h.index}/comment`,
            ['hearings', h.index, 'comment'],
            h.comment,
          ),
        }
      : h;
  // The referral's reason, printed under «Bakgrunn»: keyed by the referral's id.
  const refId = m.referral ? doc.referrals?.[m.referral.index]?.id : undefined;
  const referral =
    m.referral && refId
      ? {
          ...m.referral,
          reason: use(
            `referrals/${refId}/reason`,
            ['referrals', m.referral.index, 'reason'],
            m.referral.reason,
          ),
        }
      : m.referral;
  return {
    ...m,
    referral,
    ...(transition ? { transition } : {}),
    measures: measuresWithStatus,
    responsibilities: m.responsibilities.length > 0 ? responsibilities(measures) : [],
    pupilVoice: pupilVoiceHow,
    parentsView: voice(m.parentsView, 'parentsView'),
    ...(m.proposals !== undefined ? { proposals } : {}),
    ...(m.assessment
      ? {
          assessment: {
            ...m.assessment,
            ...assessmentTopics,
            conclusion: conclusion ? { ...conclusion, deviations } : conclusion,
          },
        }
      : {}),
    meeting: meetingWithDissent,
    ...(m.invitation !== undefined ? { invitation } : {}),
    change,
    expectations: expectationsNn,
    ...(m.understandings !== undefined ? { understandings } : {}),
    agreements,
    overdue,
    notes,
    ...(m.hearing !== undefined ? { hearing } : {}),
    bokmalTexts,
  };
}

/** The sakkyndig vurdering's statutory topics, as the model holds them. */
const ASSESSMENT_TOPIC_KEYS = [
  'sources',
  'benefit',
  'difficulties',
  'goals',
  'ordinaryTeaching',
  'soundOffer',
] as const;

type UseText = (key: string, path: Path, text: string) => string;

/** The meeting held before the one at `index` (by date), as meetingModel and invitationPart find it. */
function previousMeeting(doc: CaseDoc, index: number, inclusive: boolean) {
  if (inclusive) {
    const m = doc.meetings?.[index];
    return m ? { m, i: index } : undefined;
  }
  const meetings = (doc.meetings ?? [])
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (a.m.date < b.m.date ? -1 : 1));
  const pos = meetings.findIndex((x) => x.i === index);
  return pos > 0 ? meetings[pos - 1] : undefined;
}

/**
 * The open agreements carried over (from the meeting before the møtereferat's, or the last meeting
 * an innkalling speaks of), each through the nynorsk check under the key it was agreed with.
 */
function carried<T extends { what: string }>(
  doc: CaseDoc,
  index: number,
  list: T[],
  use: UseText,
  inclusive = false,
): T[] {
  const prev = previousMeeting(doc, index, inclusive);
  if (!prev) return list;
  const open = (prev.m.agreements ?? [])
    .map((a, ai) => ({ a, ai }))
    .filter(({ a }) => a.status === 'åpen' || a.status === 'ikke utført');
  return list.map((x, k) => {
    const src = open[k];
    return src
      ? {
          ...x,
          what: use(
            `meetings/${prev.m.id ?? prev.m.date}/agreements.${src.ai}.what`,
            ['meetings', prev.i, 'agreements', src.ai, 'what'],
            x.what,
          ),
        }
      : x;
  });
}

/** Tiltaksoversikt: every agreement from the meetings, by deadline; `text` gives the printed text. */
function tiltaksAgreements(doc: CaseDoc, text: UseText): NonNullable<LetterModel['agreements']> {
  return (doc.meetings ?? [])
    .flatMap((m, mi) =>
      (m.agreements ?? []).map((a, ai) => ({
        what: text(
          `meetings/${m.id ?? m.date}/agreements.${ai}.what`,
          ['meetings', mi, 'agreements', ai, 'what'],
          a.what.trim(),
        ),
        owner: a.owner.trim(),
        deadline: a.deadline ?? null,
        status: a.status,
        promisedToPupil: a.promisedToPupil === true,
        meeting: m.date,
      })),
    )
    .sort((a, b) => ((a.deadline ?? a.meeting) < (b.deadline ?? b.meeting) ? -1 : 1));
}

/**
 * BUP: the day the family should have known whether the pupil gets helsehjelp (pasient- og
 * brukerrettighetsloven § 2-2), when it is before the letter's date; else null. The deadline is
 * the case's open `decision` obligation for this referral (rule `pasrl-2-2-assessment` in
 * shared/cases/obligations.ts, with the service's target and the vault's calendar), never
 * counted here: a referral already decided has none, so its letter apologises for nothing.
 */
function healthAnswerMissed(
  refIndex: number,
  today: string,
  obligations: readonly Obligation[],
): string | null {
  return earliestPassed(obligations, ['decision'], refIndex, today);
}
