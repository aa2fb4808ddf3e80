/**
 * The letter kinds of DESIGN §5. Slugs are Norwegian (CONVENTIONS: letter kinds keep Norwegian
 * slugs); they appear in the CLI (`--kind`), in the attached JSON and in `letters.issued` events.
 */
export const LETTER_KINDS = [
  'anbefaling',
  'sakkyndig-vurdering',
  'mottaksbrev',
  'ny-kontaktperson',
  'motereferat',
  'tiltaksoversikt',
  'oppfolgingsbrev',
  'avslutningsbrev',
  'overgangsbrev',
  'innkalling',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_LANGS = ['nb', 'nn'] as const;
export type LetterLang = (typeof LETTER_LANGS)[number];

/** Which rule groups apply to a kind (docs/LETTERS.md has the same table in prose). */
export interface KindRules {
  /** Measures are presented as recommendation blocks: every §2 field is required. */
  measureBlocks: boolean;
  /** Measures are listed (who and from when are required, not the whole block). */
  measureList: boolean;
  /** Elevens stemme and Foresattes syn must be present or explained. */
  voices: boolean;
  /** The closing Ansvarsfordeling table. */
  responsibilities: boolean;
  /** A reply page for rektor with a reply-by date. */
  replyPage: boolean;
}

export const KIND_RULES: Record<LetterKind, KindRules> = {
  anbefaling: {
    measureBlocks: true,
    measureList: false,
    voices: true,
    responsibilities: true,
    replyPage: true,
  },
  // The expert assessment a municipality's vedtak rests on: not advice for the school to answer.
  'sakkyndig-vurdering': {
    measureBlocks: true,
    measureList: false,
    voices: true,
    responsibilities: true,
    replyPage: false,
  },
  mottaksbrev: {
    measureBlocks: false,
    measureList: false,
    voices: false,
    responsibilities: false,
    replyPage: false,
  },
  'ny-kontaktperson': {
    measureBlocks: false,
    measureList: false,
    voices: false,
    responsibilities: false,
    replyPage: false,
  },
  motereferat: {
    measureBlocks: false,
    measureList: false,
    voices: false,
    responsibilities: false,
    replyPage: false,
  },
  tiltaksoversikt: {
    measureBlocks: false,
    measureList: true,
    voices: true,
    responsibilities: true,
    replyPage: false,
  },
  oppfolgingsbrev: {
    measureBlocks: false,
    measureList: false,
    voices: false,
    responsibilities: false,
    replyPage: true,
  },
  // Issue 15 item 5: a referral is rejected, forwarded or closed with a word to everyone.
  avslutningsbrev: {
    measureBlocks: false,
    measureList: false,
    voices: false,
    responsibilities: false,
    replyPage: false,
  },
  // Issue 15 item 3: to the receiving school before a transition (shared/letters/transition.ts).
  overgangsbrev: {
    measureBlocks: false,
    measureList: false,
    voices: false,
    responsibilities: false,
    replyPage: false,
  },
  // Issue 15 item 4: the service calls a meeting (shared/letters/invitation.ts).
  innkalling: {
    measureBlocks: false,
    measureList: false,
    voices: false,
    responsibilities: false,
    replyPage: false,
  },
};

export function isLetterKind(s: string): s is LetterKind {
  return (LETTER_KINDS as readonly string[]).includes(s);
}
