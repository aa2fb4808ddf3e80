import type { CaseDoc } from '../domain/caseDoc';
import type { Agreement } from '../domain/meeting';
import { nbDate } from '../calendar/days';
import { measureTitle, type LetterModel, type OverdueItem } from './model';
import {
  clean,
  followItems,
  parseReplyDate,
  REPLY_CODES,
  REPLY_FOLLOW_KEYS,
  replyField,
  type ReplyResult,
} from './replyForm';
import { NB } from './texts';

/**
 * The school's answer to an oppfølgingsbrev, read from its filled-in reply page (issue 19 item 3).
 * Two rules, both pure: `followReplyAnswers` reads and checks the form (one group per overdue item
 * the school was asked about: «Utført», «Ny frist», «Kan ikke gjennomføres», a date and «Ansvarlig
 * og grunn»), and `followReplyPlan` says what each answer does to the case:
 *
 * | item asked about          | Utført                              | Ny frist                  | Kan ikke                 |
 * |---------------------------|-------------------------------------|---------------------------|--------------------------|
 * | a meeting agreement       | status «utført»                     | new deadline, «åpen»      | status «ikke utført»     |
 * | the school's answer to a  | school answer «gjennomføres»        | journal note only         | journal note only        |
 * |   recommendation          |   (unless one was recorded since)   |                           |                          |
 * | an overdue evaluation     | journal note only                   | evaluation date moved     | journal note only        |
 *
 * "Journal note only" is where the case needs more than the slip says (a «kan ikke» answer to a
 * recommendation needs a reason category and an alternative; an evaluation held needs its result):
 * the caseworker records it, and the task stays open until then. Every answer, whatever it does,
 * is also written word for word in one journal note (`svar-<letter id>`), so nothing the school
 * wrote is lost and a second import of the same slip changes nothing. A second, different slip for
 * the same letter gets a note of its own (`svar-<letter id>-2`, …: `followNote`), so the first
 * answer stays in the record.
 */

export const FOLLOW_ANSWER_OF = { utfort: 'utført', ny_frist: 'ny frist', kan_ikke: 'kan ikke' } as const;
export type FollowAnswerValue = (typeof FOLLOW_ANSWER_OF)[keyof typeof FOLLOW_ANSWER_OF];

export interface FollowAnswer {
  /** Its place on the reply page (1-based, as printed). */
  n: number;
  item: OverdueItem;
  answer: FollowAnswerValue;
  /** «Dato for utført eller ny frist»: required with «ny frist», optional with «utført». */
  date: string | null;
  /** «Ansvarlig og grunn»: required with «kan ikke». */
  text: string | null;
}

export type FollowResult =
  { ok: true; answers: FollowAnswer[]; by: string; date: string } | Extract<ReplyResult, { ok: false }>;

/**
 * Reads the filled-in reply page of an oppfølgingsbrev: one answer per item with a ticked box,
 * each checked against what the form offered (no «kan ikke» for a duty under the law) and its own
 * needs (a real date for «ny frist», after the reply; a done date not after it; a reason for
 * «kan ikke»); then «Navn og rolle» and «Dato» (a real date, not after today, not before the
 * letter).
 */
export function followReplyAnswers(
  model: Pick<LetterModel, 'kind' | 'date' | 'overdue' | 'replyBy'>,
  fields: ReadonlyMap<string, string>,
  today: string,
): FollowResult {
  const items = followItems(model);
  if (model.kind !== 'oppfolgingsbrev' || !model.replyBy || items.length === 0)
    return { ok: false, code: REPLY_CODES.kind };
  const by = clean(fields.get(replyField.closing('navn')));
  const dateText = clean(fields.get(replyField.closing('dato')));
  const replyDate = dateText === null ? null : parseReplyDate(dateText);
  const answers: FollowAnswer[] = [];
  for (const [i, item] of items.entries()) {
    const n = i + 1;
    const key = clean(fields.get(replyField.answer(n)));
    if (key === null) continue;
    const offered = REPLY_FOLLOW_KEYS.slice(0, item.lovkrav ? 2 : 3) as readonly string[];
    if (!offered.includes(key))
      return { ok: false, code: REPLY_CODES.badValue, n, field: replyField.answer(n) };
    const answer = FOLLOW_ANSWER_OF[key as keyof typeof FOLLOW_ANSWER_OF];
    const fristField = replyField.line('frist', n);
    const fristText = clean(fields.get(fristField));
    const date = fristText === null ? null : parseReplyDate(fristText);
    if (fristText !== null && date === null)
      return { ok: false, code: REPLY_CODES.followDate, n, field: fristField };
    if (answer === 'ny frist' && (date === null || (replyDate !== null && date <= replyDate)))
      return { ok: false, code: REPLY_CODES.followDate, n, field: fristField };
    if (answer === 'utført' && date !== null && replyDate !== null && date > replyDate)
      return { ok: false, code: REPLY_CODES.followDate, n, field: fristField };
    const text = clean(fields.get(replyField.line('ansvarlig', n)));
    if (answer === 'kan ikke' && text === null)
      return { ok: false, code: REPLY_CODES.followReason, n, field: replyField.line('ansvarlig', n) };
    answers.push({ n, item, answer, date: answer === 'kan ikke' ? null : date, text });
  }
  if (!answers.length) return { ok: false, code: REPLY_CODES.empty };
  if (by === null) return { ok: false, code: REPLY_CODES.name, field: 'navn' };
  if (replyDate === null || replyDate > today || replyDate < model.date)
    return { ok: false, code: REPLY_CODES.date, field: 'dato' };
  return { ok: true, answers, by: by.slice(0, 200), date: replyDate };
}

/** What one answer does to the case. */
export type FollowEffect =
  | {
      on: 'agreement';
      meeting: number;
      agreement: number;
      set: Partial<Pick<Agreement, 'status' | 'deadline'>>;
    }
  | {
      on: 'schoolAnswer';
      recommendation: number;
      schoolAnswer: {
        answer: 'gjennomføres';
        reason: string | null;
        reasonCategory: null;
        alternative: null;
        by: string;
        date: string;
      };
    }
  | { on: 'evaluationDate'; recommendation: number; date: string }
  /** Only in the journal note: the caseworker records the rest. */
  | { on: 'note' };

export interface FollowStep {
  n: number;
  kind: OverdueItem['kind'];
  what: string;
  answer: FollowAnswerValue;
  date: string | null;
  effect: FollowEffect;
  /** The case already says this (the same slip read in before): nothing to change. */
  unchanged: boolean;
}

export interface FollowNote {
  id: string;
  date: string;
  kind: 'annet';
  text: string;
  confidential: false;
}

export type FollowPlan =
  | {
      ok: true;
      steps: FollowStep[];
      note: FollowNote;
      /** The note is new to the case (false: the case holds this very answer, word for word, already). */
      noteAdded: boolean;
    }
  | { ok: false; code: string; n: number };

/** The id of the journal note a letter's first answer is written in (later ones: `followNote`). */
export const followNoteId = (letterId: string) => `svar-${letterId}`;

/**
 * Which journal note an oppfølgingsbrev's answer goes in, given the case's notes. The same answer
 * (date and text) already in one of this letter's answer notes (`svar-<letter id>`,
 * `svar-<letter id>-2`, …) is that note, and nothing is added; any other answer gets the first free
 * id of that row, so a second slip with other answers never replaces what the school wrote first.
 */
export function followNote(
  notes: readonly { id: string; date: string; text: string }[],
  letterId: string,
  answer: Omit<FollowNote, 'id'>,
): { note: FollowNote; added: boolean } {
  const first = followNoteId(letterId);
  const ofLetter = (id: string) =>
    id === first || (id.startsWith(`${first}-`) && /^[1-9]\d*$/u.test(id.slice(first.length + 1)));
  const same = notes.find((n) => ofLetter(n.id) && n.date === answer.date && n.text === answer.text);
  if (same) return { note: { ...answer, id: same.id }, added: false };
  const taken = new Set(notes.map((n) => n.id));
  let id = first;
  for (let k = 2; taken.has(id); k++) id = `${first}-${k}`;
  return { note: { ...answer, id }, added: true };
}

/** Where the item is in the case now: by its id, or (a letter from before ids were printed) by path. */
function locate(
  doc: CaseDoc,
  item: OverdueItem,
): { meeting: number; agreement: number } | { recommendation: number } | null {
  const [head, i, , ai] = item.path;
  if (head === 'meetings') {
    const meetings = doc.meetings ?? [];
    // Without an id, a place is only trusted when the agreement there is the one the letter named:
    // the same owner, and the same deadline or the same text (after a «ny frist» only the text).
    const owned = (mi: number, at: number) => {
      const a = meetings[mi]?.agreements?.[at];
      return a && a.owner.trim() === item.who && (a.deadline === item.deadline || a.what.trim() === item.what)
        ? { meeting: mi, agreement: at }
        : null;
    };
    const byPlace = item.ref ? /^meetings\/(.+)\/agreements\.(\d+)$/u.exec(item.ref) : null;
    if (byPlace) {
      const alike = meetings.flatMap((m, mi) => ((m.id ?? m.date) === byPlace[1] ? [mi] : []));
      // Two meetings without ids on the same day: which one the letter meant cannot be told.
      return alike.length === 1 ? owned(alike[0]!, Number(byPlace[2])) : null;
    }
    if (item.ref) {
      for (const [mi, m] of meetings.entries()) {
        const at = (m.agreements ?? []).findIndex((a) => a.id === item.ref);
        if (at >= 0) return { meeting: mi, agreement: at };
      }
      return null;
    }
    return typeof i === 'number' && typeof ai === 'number' ? owned(i, ai) : null;
  }
  if (head === 'recommendations') {
    const recs = doc.recommendations ?? [];
    // A letter from before ids were printed: the measure at that place, if it still has that title.
    const at = item.ref
      ? recs.findIndex((r) => r.id === item.ref)
      : typeof i === 'number' && recs[i] && measureTitle(recs[i].what.trim()) === item.what
        ? i
        : -1;
    return at >= 0 ? { recommendation: at } : null;
  }
  return null;
}

function effectOf(doc: CaseDoc, a: FollowAnswer, by: string, replyDate: string): FollowEffect | null {
  const at = locate(doc, a.item);
  if (!at) return null;
  if ('meeting' in at) {
    const set =
      a.answer === 'utført'
        ? { status: 'utført' as const }
        : a.answer === 'ny frist'
          ? { status: 'åpen' as const, deadline: a.date! }
          : { status: 'ikke utført' as const };
    const cur = doc.meetings![at.meeting]!.agreements![at.agreement]!;
    const applied = cur.status === set.status && (!('deadline' in set) || cur.deadline === set.deadline);
    // Changed since the letter (a new deadline, cancelled, or done by another answer): an older
    // slip does not put the old state back; the note has what it said.
    const asSent =
      cur.deadline === a.item.deadline && (cur.status === 'åpen' || cur.status === 'ikke utført');
    return applied || asSent ? { on: 'agreement', ...at, set } : { on: 'note' };
  }
  const rec = doc.recommendations![at.recommendation]!;
  if (a.item.kind === 'answer' && a.answer === 'utført') {
    const schoolAnswer = {
      answer: 'gjennomføres' as const,
      reason: a.text,
      reasonCategory: null,
      alternative: null,
      by,
      date: replyDate,
    };
    // Recorded already by this same slip: the same effect again (unchanged). Another answer
    // recorded since is not overwritten: then only the note has it.
    if (!rec.schoolAnswer || sameAnswer(rec.schoolAnswer, schoolAnswer))
      return { on: 'schoolAnswer', recommendation: at.recommendation, schoolAnswer };
  }
  if (
    a.item.kind === 'evaluation' &&
    a.answer === 'ny frist' &&
    rec.evaluation &&
    (rec.evaluation.date === a.item.deadline || rec.evaluation.date === a.date)
  )
    return { on: 'evaluationDate', recommendation: at.recommendation, date: a.date! };
  return { on: 'note' };
}

const sameAnswer = (a: object, b: Record<string, unknown>) =>
  Object.keys(b).every((k) => ((a as Record<string, unknown>)[k] ?? null) === b[k]);

function isUnchanged(doc: CaseDoc, e: FollowEffect): boolean {
  if (e.on === 'agreement') {
    const cur = doc.meetings![e.meeting]!.agreements![e.agreement]!;
    return cur.status === e.set.status && (e.set.deadline === undefined || cur.deadline === e.set.deadline);
  }
  if (e.on === 'evaluationDate') return doc.recommendations![e.recommendation]!.evaluation!.date === e.date;
  if (e.on === 'schoolAnswer') {
    const cur = doc.recommendations![e.recommendation]!.schoolAnswer;
    return !!cur && sameAnswer(cur, e.schoolAnswer);
  }
  // «Only noted» changes nothing but the note.
  return true;
}

const ANSWER_TEXT: Record<FollowAnswerValue, string> = {
  utført: 'Utført',
  'ny frist': 'Ny frist',
  'kan ikke': 'Kan ikke gjennomføres',
};

/**
 * The answers applied to the case as it is now: one step per answer, and the journal note that
 * records them all. An item the case no longer has (a removed agreement or measure) refuses the
 * whole reply (REPLY_UNKNOWN_ITEM), so nothing is recorded for part of a slip.
 */
export function followReplyPlan(
  doc: CaseDoc,
  letter: { letterId: string; date: string },
  read: Extract<FollowResult, { ok: true }>,
): FollowPlan {
  const steps: FollowStep[] = [];
  const lines: string[] = [];
  for (const a of read.answers) {
    const effect = effectOf(doc, a, read.by, read.date);
    if (!effect) return { ok: false, code: REPLY_CODES.unknownItem, n: a.n };
    steps.push({
      n: a.n,
      kind: a.item.kind,
      what: a.item.what,
      answer: a.answer,
      date: a.date,
      effect,
      unchanged: isUnchanged(doc, effect),
    });
    lines.push(
      `${a.n}. ${NB.oppfolging.kind[a.item.kind]}: ${a.item.what}: ${ANSWER_TEXT[a.answer]}` +
        `${a.date ? ` (${nbDate(a.date)})` : ''}.` +
        `${a.text ? ` Ansvarlig og grunn: ${a.text}` : ''}` +
        `${effect.on === 'note' ? ' [Registreres av saksbehandler i saken.]' : ''}`,
    );
  }
  const text = [
    `Svar fra skolen på oppfølgingsbrevet datert ${nbDate(letter.date)}, lest inn fra utfylt svarslipp. ` +
      `Fylt ut av ${read.by} ${nbDate(read.date)}.`,
    ...lines,
  ].join('\n');
  const { note, added } = followNote(doc.notes ?? [], letter.letterId, {
    date: read.date,
    kind: 'annet',
    text,
    confidential: false,
  });
  return { ok: true, steps, note, noteAdded: added };
}
