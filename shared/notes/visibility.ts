import type { Note } from '../domain/note';

/**
 * THE rule for journal notes leaving a case (letters, `bro export`, anything that goes to
 * someone outside the service): a confidential note stays inside until a caseworker releases it
 * with a reason. Letters, the exporter and the app all ask this one function.
 */
export function noteMayLeave(note: Pick<Note, 'confidential' | 'released'>): boolean {
  return note.confidential !== true || note.released != null;
}

/** The code an attempt to let a confidential note out gets (a letter option, a form). */
export const NOTE_CONFIDENTIAL = 'NOTE_CONFIDENTIAL';
/** A note is let out only by releasing it (with a reason), never by clearing its flag or writing `released`. */
export const NOTE_RELEASE_REQUIRED = 'NOTE_RELEASE_REQUIRED';

/**
 * The issues a change to a note has (forms and the API; a release goes through `notes.release`).
 * `current` is the note as recorded (undefined for a new one); `set` the fields the change writes.
 */
export function noteChangeIssues(
  current: Partial<Note> | undefined,
  set: Record<string, unknown>,
): { field: string; code: string }[] {
  const issues: { field: string; code: string }[] = [];
  if ('released' in set && set.released != null && !sameRelease(current?.released, set.released))
    issues.push({ field: 'released', code: NOTE_RELEASE_REQUIRED });
  if ('released' in set && set.released == null && current?.released != null)
    issues.push({ field: 'released', code: NOTE_RELEASE_REQUIRED });
  if (current?.confidential === true && 'confidential' in set && set.confidential !== true)
    issues.push({ field: 'confidential', code: NOTE_RELEASE_REQUIRED });
  return issues;
}

function sameRelease(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Lower case without diacritics, so "mote" finds "møte" and "Ase" finds "Åse". */
export function foldForSearch(s: string): string {
  return s
    .toLocaleLowerCase('nb')
    .replace(/[æ]/gu, 'ae')
    .replace(/[ø]/gu, 'o')
    .replace(/[å]/gu, 'a')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/**
 * Search within a case's notes: every word of the query must occur in the note's text, kind,
 * date or author. Returns the indexes of the matching notes, in their order.
 */
export function searchNotes(
  notes: readonly Pick<Note, 'text' | 'kind' | 'date' | 'author'>[],
  query: string,
  authorOf: (index: number) => string | null = () => null,
): number[] {
  const words = foldForSearch(query).split(/\s+/u).filter(Boolean);
  const out: number[] = [];
  notes.forEach((n, i) => {
    const hay = foldForSearch([n.text, n.kind, n.date, n.author ?? '', authorOf(i) ?? ''].join(' '));
    if (words.every((w) => hay.includes(w))) out.push(i);
  });
  return out;
}

/** Who wrote each note: the actor (member id) of the first event that recorded it, by note key. */
export function noteWriters(
  history: readonly { type: string; key?: string; actor: string }[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (const h of history)
    if (h.type === 'notes.recorded' && h.key && !out.has(h.key)) out.set(h.key, h.actor);
  return out;
}
