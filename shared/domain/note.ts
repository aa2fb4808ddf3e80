import { z } from 'zod';
import { externalId, isoDate, optionalText, text } from './common';

/** Kinds of journal note (journalnotat). Norwegian slugs: they are what the interchange file says. */
export const NOTE_KINDS = ['samtale', 'telefon', 'møte', 'observasjon', 'annet'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** A confidential note let out of the case by a caseworker: when, and why (the timeline names who). */
export const noteRelease = z.strictObject({
  date: isoDate,
  reason: text(2000),
});
export type NoteRelease = z.infer<typeof noteRelease>;

/**
 * Journalnotat: the caseworker's own record of a conversation, a call, a meeting or an observation.
 * A confidential ("fortrolig") note stays inside the case: letters and exports leave it out until
 * it is released with a reason (shared/notes/visibility.ts).
 */
export const note = z.strictObject({
  id: externalId,
  date: isoDate,
  kind: z.enum(NOTE_KINDS),
  text: text(20_000),
  /** Fortrolig. Missing or null: not confidential. */
  confidential: z.boolean().nullish(),
  /** Who wrote it, as a name (a file from another system; in the vault the member who recorded it). */
  author: optionalText(200),
  released: noteRelease.nullish(),
});
export type Note = z.infer<typeof note>;
