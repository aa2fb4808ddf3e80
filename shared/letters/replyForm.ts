import { REASON_CATEGORIES, SCHOOL_ANSWERS } from '../domain/recommendation';
import type { LetterModel } from './model';

/**
 * The school's answer as a filled-in form (issue 19 item 3): the field names the reply page of an
 * anbefaling (or sakkyndig vurdering, or oppfølgingsbrev) carries, and the one rule that turns the
 * filled-in values into the school's answer per recommendation. The renderer names the fields from
 * here; `bro reply import`, the app's «Les inn svar fra skolen» and the tests read them through
 * `replyAnswers`.
 *
 * Field names are ASCII and flat (no dots, which PDF reads as a field hierarchy): `svar1`,
 * `arsak1`, `grunn1`, `alternativ1` for the first recommendation, …, and `dato`, `navn` once.
 */
export const REPLY_ANSWER_KEYS = ['gjennomfores', 'med_endring', 'kan_ikke'] as const;
export const REPLY_CATEGORY_KEYS = REASON_CATEGORIES;
export const REPLY_LINE_KEYS = ['grunn', 'alternativ'] as const;
export const REPLY_CLOSING_KEYS = ['dato', 'navn'] as const;
export const REPLY_FOLLOW_KEYS = ['utfort', 'ny_frist', 'kan_ikke'] as const;
export const REPLY_FOLLOW_LINE_KEYS = ['frist', 'ansvarlig'] as const;

/** The export value of each answer, as the school's answer stores it. */
const ANSWER_OF: Record<(typeof REPLY_ANSWER_KEYS)[number], (typeof SCHOOL_ANSWERS)[number]> = {
  gjennomfores: 'gjennomføres',
  med_endring: 'med endring',
  kan_ikke: 'kan ikke',
};

/**
 * The items an oppfølgingsbrev asks the school about (not the service's own lapses), in the order
 * its reply page numbers them: the page (layout.ts) and the import (followReply.ts) both use this.
 */
export const followItems = (model: Pick<LetterModel, 'overdue'>) =>
  (model.overdue ?? []).filter((i) => !i.own);

export const replyField = {
  answer: (n: number) => `svar${n}`,
  category: (n: number) => `arsak${n}`,
  line: (key: string, n: number) => `${key}${n}`,
  closing: (key: string) => key,
};

/** Why a filled-in reply is refused (issue codes; the texts are in shared/i18n/errors.ts). */
export const REPLY_CODES = {
  /** Not a letter with a fillable reply page. */
  kind: 'REPLY_KIND',
  /** The letter was not issued by this vault (unknown letter, or another vault's key). */
  notOurs: 'REPLY_NOT_OURS',
  /** Something other than the form changed after signing, or the signature does not hold. */
  changed: 'REPLY_CHANGED',
  /** The letter names a recommendation the case no longer has. */
  unknownRecommendation: 'REPLY_UNKNOWN_RECOMMENDATION',
  /** Nothing was ticked. */
  empty: 'REPLY_EMPTY',
  /** A field holds a value the form never offered. */
  badValue: 'REPLY_BAD_VALUE',
  /** «Dato» is missing or not a date (dd.mm.åååå), or after today, or before the letter. */
  date: 'REPLY_DATE',
  /** «Navn og rolle» is empty. */
  name: 'REPLY_NAME',
  /** «Med endring» or «kan ikke» without a reason category. */
  category: 'REPLY_CATEGORY',
  /** «Med endring» or «kan ikke» without what the school does instead. */
  alternative: 'REPLY_ALTERNATIVE',
  /** Oppfølgingsbrev: «Ny frist» without a real date after the reply's, or «Utført» dated after it. */
  followDate: 'REPLY_FOLLOW_DATE',
  /** Oppfølgingsbrev: «Kan ikke gjennomføres» without «Ansvarlig og grunn». */
  followReason: 'REPLY_FOLLOW_REASON',
  /** Oppfølgingsbrev: the letter names an agreement or a measure the case no longer has. */
  unknownItem: 'REPLY_UNKNOWN_ITEM',
} as const;

export interface ReplyAnswer {
  /** The recommendation's id in the case. */
  id: string;
  /** Its index in the letter (1-based, as printed). */
  n: number;
  answer: (typeof SCHOOL_ANSWERS)[number];
  reasonCategory: (typeof REASON_CATEGORIES)[number] | null;
  reason: string | null;
  alternative: string | null;
  by: string;
  date: string;
}

export type ReplyResult =
  { ok: true; answers: ReplyAnswer[] } | { ok: false; code: string; n?: number; field?: string };

/** dd.mm.åååå (or d.m.åå-less variants with four-digit year) or åååå-mm-dd; null when not a real date. */
export function parseReplyDate(text: string): string | null {
  const s = text.trim();
  let y: number, m: number, d: number;
  const nb = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$/u.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(s);
  if (nb) [d, m, y] = [Number(nb[1]), Number(nb[2]), Number(nb[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** A field's value as the school wrote it, spaces collapsed; null when empty or an unticked box. */
export const clean = (v: string | undefined): string | null => {
  const s = (v ?? '').replace(/\s+/gu, ' ').trim();
  return s && s !== 'Off' ? s : null;
};

/**
 * The school's answers from a filled-in reply page: one per recommendation that has a ticked
 * answer, checked against what the form offered and against the measure rules (a reason category
 * and an alternative with «med endring» and «kan ikke»). `fields` are the form's values by field
 * name; `recommendationIds` are the ids the case has now; `today` bounds the date.
 */
export function replyAnswers(
  model: Pick<LetterModel, 'kind' | 'date' | 'measures' | 'replyBy'>,
  fields: ReadonlyMap<string, string>,
  recommendationIds: ReadonlySet<string>,
  today: string,
): ReplyResult {
  if (!(model.kind === 'anbefaling' || model.kind === 'sakkyndig-vurdering') || !model.replyBy)
    return { ok: false, code: REPLY_CODES.kind };
  const by = clean(fields.get(replyField.closing('navn')));
  const dateText = clean(fields.get(replyField.closing('dato')));
  const answers: ReplyAnswer[] = [];
  for (const [i, m] of model.measures.entries()) {
    const n = i + 1;
    const key = clean(fields.get(replyField.answer(n)));
    if (key === null) continue;
    const offered = REPLY_ANSWER_KEYS.slice(0, m.label === 'Lovkrav' ? 2 : 3) as readonly string[];
    if (!offered.includes(key))
      return { ok: false, code: REPLY_CODES.badValue, n, field: replyField.answer(n) };
    if (!recommendationIds.has(m.id)) return { ok: false, code: REPLY_CODES.unknownRecommendation, n };
    const answer = ANSWER_OF[key as keyof typeof ANSWER_OF];
    const cat = clean(fields.get(replyField.category(n)));
    if (cat !== null && !(REPLY_CATEGORY_KEYS as readonly string[]).includes(cat))
      return { ok: false, code: REPLY_CODES.badValue, n, field: replyField.category(n) };
    const reason = clean(fields.get(replyField.line('grunn', n)));
    const alternative = clean(fields.get(replyField.line('alternativ', n)));
    if (answer !== 'gjennomføres') {
      if (cat === null) return { ok: false, code: REPLY_CODES.category, n, field: replyField.category(n) };
      if (alternative === null)
        return { ok: false, code: REPLY_CODES.alternative, n, field: replyField.line('alternativ', n) };
    }
    answers.push({
      id: m.id,
      n,
      answer,
      reasonCategory: answer === 'gjennomføres' ? null : (cat as ReplyAnswer['reasonCategory']),
      reason,
      alternative,
      by: '',
      date: '',
    });
  }
  if (!answers.length) return { ok: false, code: REPLY_CODES.empty };
  if (by === null) return { ok: false, code: REPLY_CODES.name, field: 'navn' };
  const date = dateText === null ? null : parseReplyDate(dateText);
  if (date === null || date > today || date < model.date)
    return { ok: false, code: REPLY_CODES.date, field: 'dato' };
  return { ok: true, answers: answers.map((a) => ({ ...a, by: by.slice(0, 200), date })) };
}
