import { z } from 'zod';
import { blobRef } from '../blobs/ref';
import { isoDate, optionalText } from '../domain/common';
import { LETTER_KINDS, LETTER_LANGS } from './kinds';
import { letterOptions, RECIPIENTS } from './options';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/u);

/**
 * `letters.issued`: a letter was signed and written. The case history then says which letter
 * went to whom, in which version, with which content (the SHA-256 of its canonical JSON, the
 * hash the JWS signs) and with which decisions (the letter options: kept phrases and their
 * reasons, legal bases for recipients without consent, reasons for absent sections).
 */
export const letterIssued = z.strictObject({
  letterId: z.string().regex(/^[a-z2-7]{26}$/u),
  kind: z.enum(LETTER_KINDS),
  lang: z.enum(LETTER_LANGS),
  version: z.number().int().min(1).max(10_000),
  /** The letter's date. */
  date: isoDate,
  /** When it was issued (ISO 8601 time). */
  issuedAt: z.string().max(40),
  recipients: z
    .array(z.strictObject({ role: z.enum(RECIPIENTS), names: z.array(z.string().max(200)).max(20) }))
    .max(10),
  contentHash: hex64,
  /** The footer code (derived from contentHash). */
  code: z.string().regex(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/u),
  /** Key id (RFC 7638 thumbprint) of the member key that signed the JWS and the seal. */
  kid: z.string().min(20).max(100),
  /** SHA-256 fingerprint of the PAdES certificate, when the letter was PAdES-signed. */
  pades: z
    .string()
    .regex(/^[0-9a-f]{64}$/u)
    .nullable(),
  options: letterOptions,
  /** Warnings the letter was issued with (codes only). */
  warnings: z.array(z.string().max(60)).max(200),
  note: optionalText(500),
});
export type LetterIssued = z.infer<typeof letterIssued>;

const draftId = z.string().regex(/^[a-z2-7]{26}$/u);

/**
 * `letters.drafted`: the caseworker saved a letter in progress (the editor's "Lagre utkast"). A
 * draft is the letter's input, not its text: the kind, the language and the options; the text is
 * assembled from the case when the draft is opened again, so it follows the case.
 */
export const letterDrafted = z.strictObject({
  draftId,
  kind: z.enum(LETTER_KINDS),
  lang: z.enum(LETTER_LANGS),
  options: letterOptions,
  /** When it was saved (ISO 8601 time). */
  savedAt: z.string().max(40),
});
export type LetterDrafted = z.infer<typeof letterDrafted>;

/** `letters.draftDiscarded`: a draft was thrown away (the history keeps that it existed). */
export const letterDraftDiscarded = z.strictObject({ draftId, reason: optionalText(2000) });

/**
 * `letters.draftClosed`: a draft became a letter. Written in the same pack as the `letters.issued`
 * it became (so both land or neither); a type of its own, so `letters.issued` keeps its v1 payload
 * and a Bro that does not know drafts still reads every letter.
 */
export const letterDraftClosed = z.strictObject({
  draftId,
  letterId: z.string().regex(/^[a-z2-7]{26}$/u),
});

/** A draft as the fold keeps it: the latest save, plus who saved it. */
export type LetterDraft = LetterDrafted & { actor: string; at: string };

/**
 * `letters.pdf`: the issued letter's PDF itself, byte for byte as it left Bro, kept encrypted in the
 * case (written in the same pack as its `letters.issued`), so a saved file that went missing can be
 * saved again and the case holds what was sent. Since format 3 the event holds a blob reference and
 * the PDF lies beside the events, so reading the case does not read its letters. Not part of
 * `bro-interchange/1`.
 */
export const letterPdf = z.union([
  /** Format 3: the PDF is a blob beside the case's events (docs/VAULT-FORMAT.md §9.7). */
  z.strictObject({ letterId: z.string().regex(/^[a-z2-7]{26}$/u), blob: blobRef }),
  /** Formats 1–2 (still read): the PDF inside the event. */
  z.strictObject({
    letterId: z.string().regex(/^[a-z2-7]{26}$/u),
    /** Standard base64 of the PDF (at most about 20 MB of PDF). */
    pdf: z
      .string()
      .max(28_000_000)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/u),
  }),
]);
export type LetterPdf = z.infer<typeof letterPdf>;

/** An issued letter as the fold keeps it: the payload plus who recorded it and when. */
export type IssuedLetter = LetterIssued & {
  eventId: string;
  at: string;
  actor: string;
  /** Its PDF is kept in the case (`letters.pdf`). */
  stored?: boolean;
};
