import { z } from 'zod';
import { attachmentAdded } from '../attachments/document';
import { CASE_FIELDS, COLLECTION_ITEM, COLLECTIONS, type Collection } from '../domain/caseDoc';
import { externalId, optionalText, service, text } from '../domain/common';
import { pupil } from '../domain/pupil';
import { evaluation } from '../domain/recommendation';
import {
  letterDraftClosed,
  letterDraftDiscarded,
  letterDrafted,
  letterIssued,
  letterPdf,
} from '../letters/events';
import { archiveReceipt } from '../archive/receipt';
import { dispatchRecorded, dispatchStatus } from '../dispatch/events';

/**
 * The event vocabulary, version 1. Every change to a case is one of these.
 * Events are never rewritten; a correction is a new `*.recorded` event with a reason.
 * Adding a type is backwards compatible; changing a payload needs EVENT_VERSION + 1 and an upcaster.
 */
export const EVENT_VERSION = 1;

/** Vault-internal random ids (base32, lowercase): they name files and carry no meaning. */
export const vaultId = z.string().regex(/^[a-z2-7]{26}$/, { message: 'ID_FORMAT' });
/** Hybrid logical clock: 15-digit wall ms, dash, 6-digit counter; sorts as a string. */
export const hlcString = z.string().regex(/^\d{15}-\d{6}$/);
const entityKey = z.string().regex(/^[a-z2-7]{26}$/);
const reason = optionalText(2000);

const recorded = <T extends z.ZodObject>(item: T) =>
  z.strictObject({ key: entityKey, set: item.partial(), reason });
const removed = z.strictObject({ key: entityKey, reason: text(2000) });

const collectionEvents = Object.fromEntries(
  COLLECTIONS.flatMap((c) => [
    [`${c}.recorded`, recorded(COLLECTION_ITEM[c] as z.ZodObject)],
    [`${c}.removed`, removed],
  ]),
) as Record<`${Collection}.recorded` | `${Collection}.removed`, z.ZodType>;

export const EVENT_DATA: Record<string, z.ZodType> = {
  'case.opened': z.strictObject({ externalId, service }),
  'case.recorded': z.strictObject({ set: CASE_FIELDS.partial(), reason }),
  'pupil.recorded': z.strictObject({ set: pupil.partial(), reason }),
  /**
   * The whole case is void (a duplicate, or opened in error): it stays in the vault with its
   * history, and leaves the case list's default view, statistics, tasks, caseload and letters.
   */
  'case.voided': z.strictObject({ reason: text(2000) }),
  'evaluations.recorded': z.strictObject({
    key: entityKey,
    parent: entityKey,
    set: evaluation.partial(),
    reason,
  }),
  'evaluations.removed': removed,
  /** A letter was issued (signed and written); see shared/letters/events.ts. */
  'letters.issued': letterIssued,
  /** A letter in progress was saved, or thrown away (the editor's drafts). */
  'letters.drafted': letterDrafted,
  'letters.draftDiscarded': letterDraftDiscarded,
  'letters.draftClosed': letterDraftClosed,
  /** The issued letter's PDF, kept in the case. */
  'letters.pdf': letterPdf,
  /** A received document attached to the case, kept as a blob (issue 19 item 0; shared/attachments). */
  'attachments.added': attachmentAdded,
  /** The archive's kvittering for the case or one letter (issue 19; shared/archive/status.ts). */
  'archive.receipt': archiveReceipt,
  /** A letter left for SvarUt: sent, or written as a package (issue 19; shared/dispatch/svarut.ts). */
  'dispatch.recorded': dispatchRecorded,
  /** SvarUt's status for a sent letter, when it changed. */
  'dispatch.status': dispatchStatus,
  ...collectionEvents,
};

export const EVENT_TYPES = Object.keys(EVENT_DATA);

/** The envelope as it is stored (inside an encrypted file). */
export const storedEvent = z.strictObject({
  v: z.number().int().min(1),
  id: vaultId,
  caseId: vaultId,
  type: z.string().min(1).max(100),
  hlc: hlcString,
  device: vaultId,
  actor: z.string().min(1).max(200),
  /** Wall-clock time it was recorded (ISO 8601), for the timeline. */
  at: z.string().max(40),
  data: z.unknown(),
});
export type StoredEvent = z.infer<typeof storedEvent>;

const ENVELOPE_KEYS = new Set(['v', 'id', 'caseId', 'type', 'hlc', 'device', 'actor', 'at', 'data']);
const HLC = /^\d{15}-\d{6}$/;

/**
 * `storedEvent.safeParse` for the many envelopes of an open: an envelope that plainly meets the
 * schema (a plain object with exactly its keys, each of its type and within its bounds, `data`
 * present) is taken as it is, without zod's per-field machinery; anything else goes through the
 * schema, which decides. So it accepts exactly what the schema accepts (tested against it).
 */
export function parseStoredEvent(item: unknown): StoredEvent | null {
  if (plainEnvelope(item)) return item;
  const r = storedEvent.safeParse(item);
  return r.success ? r.data : null;
}

// Written without closures or regular expressions for the ids: it runs for every event of an open.
function plainEnvelope(x: unknown): x is StoredEvent {
  if (typeof x !== 'object' || x === null || Object.getPrototypeOf(x) !== Object.prototype) return false;
  const keys = Object.keys(x);
  if (keys.length !== ENVELOPE_KEYS.size) return false;
  for (let i = 0; i < keys.length; i++) if (!ENVELOPE_KEYS.has(keys[i]!)) return false;
  const e = x as Record<string, unknown>;
  return (
    typeof e.v === 'number' &&
    Number.isSafeInteger(e.v) &&
    e.v >= 1 &&
    isId(e.id) &&
    isId(e.caseId) &&
    isId(e.device) &&
    typeof e.hlc === 'string' &&
    HLC.test(e.hlc) &&
    stringWithin(e.type, 1, 100) &&
    stringWithin(e.actor, 1, 200) &&
    stringWithin(e.at, 0, 40)
  );
}

/** `/^[a-z2-7]{26}$/.test(v)` for a string `v`, character by character (three ids per event). */
function isId(v: unknown): boolean {
  if (typeof v !== 'string' || v.length !== 26) return false;
  for (let i = 0; i < 26; i++) {
    const c = v.charCodeAt(i);
    // a–z, 2–7
    if (!((c >= 97 && c <= 122) || (c >= 50 && c <= 55))) return false;
  }
  return true;
}

function stringWithin(v: unknown, min: number, max: number): boolean {
  return typeof v === 'string' && v.length >= min && v.length <= max;
}

/** What a writer hands to the vault: the envelope fields it fills itself are left out. */
export interface NewEvent {
  type: string;
  data: unknown;
}

/** Parses an event's payload against the vocabulary; unknown types from newer writers are tolerated by the fold. */
export function parseEventData(type: string, data: unknown) {
  const schema = EVENT_DATA[type];
  if (!schema) return { success: false as const, unknownType: true as const };
  const r = schema.safeParse(data);
  return r.success
    ? { success: true as const, data: r.data as Record<string, unknown> }
    : { success: false as const, error: r.error };
}

/** Deterministic order of events: hybrid logical clock, then device, then id. */
export function compareEvents(a: StoredEvent, b: StoredEvent): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.device !== b.device) return a.device < b.device ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface Hlc {
  wall: number;
  counter: number;
}
export function formatHlc(h: Hlc): string {
  return `${String(h.wall).padStart(15, '0')}-${String(h.counter).padStart(6, '0')}`;
}
export function parseHlc(s: string): Hlc {
  const [w, c] = s.split('-');
  return { wall: Number(w), counter: Number(c) };
}
/** Next clock value: never goes back, even when the wall clock does or another device ran ahead. */
export function tickHlc(last: Hlc, nowMs: number): Hlc {
  if (nowMs > last.wall) return { wall: nowMs, counter: 0 };
  return { wall: last.wall, counter: last.counter + 1 };
}
export function maxHlc(a: Hlc, b: Hlc): Hlc {
  return a.wall > b.wall || (a.wall === b.wall && a.counter >= b.counter) ? a : b;
}
