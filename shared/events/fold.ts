import { COLLECTIONS, type CaseDoc, type Collection } from '../domain/caseDoc';
import { foldClosingOutcome } from '../domain/referral';
import { archiveReference, caseNumber, type ArchiveReceipt } from '../archive/receipt';
import type { Attachment, AttachmentAdded } from '../attachments/document';
import type { DispatchRecorded, DispatchStatus } from '../dispatch/events';
import type { IssuedLetter, LetterDraft, LetterDrafted, LetterIssued } from '../letters/events';
import { checkedPayload, copyJson } from './checked';
import { compareEvents, EVENT_DATA, EVENT_VERSION, parseEventData, type StoredEvent } from './vocabulary';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** One line of the case timeline: who changed what, when, and why. Both sides of a correction stay visible. */
export interface HistoryEntry {
  eventId: string;
  hlc: string;
  at: string;
  actor: string;
  device: string;
  type: string;
  key?: string;
  /**
   * Which of its kinds an event is, where one type says several things, for the timeline's title:
   * an archive receipt's `of` (case, letter, document), a dispatch's channel (svarut, package).
   */
  variant?: string;
  changes: FieldChange[];
  reason?: string | null;
}

interface Entity {
  key: string;
  parent?: string;
  fields: Record<string, unknown>;
  removed: boolean;
}

export interface CaseState {
  caseId: string;
  /** The case as `bro-interchange/1` sees it; may be incomplete while a draft is being filled in. */
  doc: CaseDoc;
  /** Entity keys, parallel to the arrays in `doc`. */
  keys: Record<Collection, string[]>;
  /** Evaluation keys per recommendation key, parallel to `doc.recommendations[i].evaluations`. */
  evaluationKeys: Record<string, string[]>;
  /** Letters issued in this case, oldest first (kept beside `doc`: not part of bro-interchange/1). */
  letters: IssuedLetter[];
  /** Letters in progress (saved in the editor, not issued nor discarded), last saved first. */
  drafts: LetterDraft[];
  /** Received documents attached to the case, oldest first (the files are blobs, not in the state). */
  attachments: Attachment[];
  history: HistoryEntry[];
  eventCount: number;
  /** Events of a type this version does not know (from a newer writer): kept on disk, not applied. */
  skippedEvents: number;
  lastHlc: string | null;
  opened: boolean;
  /** Set when the case was voided (`case.voided`): a duplicate or opened in error. */
  voided: { reason: string; actor: string; at: string } | null;
}

function emptyCollections(): Record<Collection, Map<string, Entity>> {
  return Object.fromEntries(COLLECTIONS.map((c) => [c, new Map()])) as Record<
    Collection,
    Map<string, Entity>
  >;
}

/**
 * An event type's parts (`referrals.recorded` → `referrals`, `recorded`) as `split('.')` gives
 * them, made once per type of the vocabulary (the only types that reach the fold's use of them):
 * splitting every event's type again was a tenth of the fold's own time.
 */
const typeParts = new Map<string, readonly string[]>();
function partsOf(type: string): readonly string[] {
  let parts = typeParts.get(type);
  if (!parts) {
    parts = type.split('.');
    if (Object.hasOwn(EVENT_DATA, type)) typeParts.set(type, parts);
  }
  return parts;
}

function applySet(
  target: Record<string, unknown>,
  set: Record<string, unknown>,
  changes: FieldChange[],
  copy: boolean,
) {
  for (const field of Object.keys(set)) {
    const value = set[field] ?? null;
    const before = target[field] ?? null;
    // Most values are strings and numbers: compared as they are; lists and objects as JSON.
    if (before === value) continue;
    if (
      typeof before === 'object' &&
      typeof value === 'object' &&
      before !== null &&
      value !== null &&
      JSON.stringify(before) === JSON.stringify(value)
    )
      continue;
    // A list or object is copied: the fold's result never shares one with the events it read
    // (unless the caller lets the events go right after, and only reads the result).
    const after = copy && typeof value === 'object' && value !== null ? copyJson(value) : value;
    changes.push({ field, from: before, to: after });
    if (after === null) delete target[field];
    else target[field] = after;
  }
}

/**
 * Folds a case's events (in any order; duplicates by id are ignored) into its state. Pure.
 * Payloads from a pack this build's schemas already checked (shared/events/checked.ts) are used
 * without parsing them again; should such a payload still trip the fold up (a pack whose mark
 * was forged by a member's altered writer), the case is folded again with every payload parsed.
 */
export function foldCase(
  caseId: string,
  events: readonly StoredEvent[],
  opts: {
    parseAll?: boolean;
    /**
     * The caller only reads the result and lets the events go after it (the case list's summary
     * of a case read for it): the result may then share lists and objects with the events rather
     * than copy them, which was a tenth of an open without an index.
     */
    share?: boolean;
  } = {},
): CaseState {
  const copy = opts.share !== true;
  if (opts.parseAll) return foldEvents(caseId, events, false, copy);
  try {
    return foldEvents(caseId, events, true, copy);
  } catch {
    return foldEvents(caseId, events, false, copy);
  }
}

function foldEvents(
  caseId: string,
  events: readonly StoredEvent[],
  trustChecked: boolean,
  copy: boolean,
): CaseState {
  const sorted = [...events].sort(compareEvents);
  const seen = new Set<string>();
  let externalId: string | null = null;
  const caseFields: Record<string, unknown> = {};
  const pupilFields: Record<string, unknown> = {};
  const collections = emptyCollections();
  const evaluations = new Map<string, Entity>();
  const history: HistoryEntry[] = [];
  const letters: IssuedLetter[] = [];
  const drafts = new Map<string, LetterDraft>();
  const closedDrafts = new Set<string>();
  const storedPdfs = new Set<string>();
  const attachments: Attachment[] = [];
  // For the timeline's lines about the archive and SvarUt: the case's saksnummer as known so far,
  // which letter each forsendelse carried, and its last status.
  let archiveCase: { saksaar: number | null; sakssekvensnummer: number | null } | null = null;
  const forsendelser = new Map<string, { letterId: string; status: string | null }>();
  const kindOf = (letterId: string) => letters.find((l) => l.letterId === letterId)?.kind ?? null;
  let skipped = 0;
  let count = 0;
  let lastHlc: string | null = null;
  let voided: CaseState['voided'] = null;

  for (const ev of sorted) {
    if (seen.has(ev.id)) continue;
    seen.add(ev.id);
    count++;
    lastHlc = ev.hlc;
    // A newer vocabulary version may mean something else by the same payload: skip it, don't misread it.
    const trusted = trustChecked ? checkedPayload(ev) : undefined;
    const parsed =
      ev.v > EVENT_VERSION
        ? null
        : trusted
          ? { success: true as const, data: trusted }
          : parseEventData(ev.type, ev.data);
    if (!parsed?.success) {
      skipped++;
      continue;
    }
    const [kind, verb] = partsOf(ev.type) as [string, string];
    // Letters are kept whole (with their lists): a checked payload is copied, as a parse would.
    const data =
      copy && trusted && kind === 'letters' ? (copyJson(trusted) as Record<string, unknown>) : parsed.data;
    const changes: FieldChange[] = [];
    const entry: HistoryEntry = {
      eventId: ev.id,
      hlc: ev.hlc,
      at: ev.at,
      actor: ev.actor,
      device: ev.device,
      type: ev.type,
      changes,
      reason: (data.reason as string | null | undefined) ?? null,
    };
    if (ev.type === 'case.opened') {
      // The first opening wins; a second one (a replayed import on another device) is a no-op.
      if (externalId === null) {
        externalId = data.externalId as string;
        applySet(caseFields, { service: data.service }, changes, copy);
      }
    } else if (ev.type === 'case.recorded') {
      applySet(caseFields, data.set as Record<string, unknown>, changes, copy);
    } else if (ev.type === 'case.voided') {
      if (!voided) {
        voided = { reason: data.reason as string, actor: ev.actor, at: ev.at };
        changes.push({ field: '*', from: 'present', to: 'removed' });
      }
    } else if (ev.type === 'pupil.recorded') {
      applySet(pupilFields, data.set as Record<string, unknown>, changes, copy);
    } else if (ev.type === 'letters.issued') {
      letters.push({ ...(data as unknown as LetterIssued), eventId: ev.id, at: ev.at, actor: ev.actor });
    } else if (ev.type === 'letters.pdf') {
      // Only that it is there: the bytes (a blob, or inside the event) are read by `letters.pdf`.
      storedPdfs.add(data.letterId as string);
    } else if (ev.type === 'attachments.added') {
      const a = data as unknown as AttachmentAdded;
      // The same document attached twice (a replayed import, two devices) counts once.
      if (!attachments.some((x) => x.attachmentId === a.attachmentId)) {
        attachments.push({ ...a, blob: { ...a.blob }, eventId: ev.id, at: ev.at, actor: ev.actor });
        changes.push(
          { field: 'title', from: null, to: a.title },
          { field: 'received', from: null, to: a.received },
        );
      }
    } else if (ev.type === 'archive.receipt') {
      // The archive's references are read from the events by shared/archive/status.ts, not kept
      // here; the timeline gets what the receipt said: the saksnummer, or which letter (its kind) or
      // received document (its title, as the timeline showed it when attached) got which reference.
      const r = data as unknown as ArchiveReceipt;
      entry.variant = r.of;
      if (r.of === 'case') {
        archiveCase = { saksaar: r.saksaar, sakssekvensnummer: r.sakssekvensnummer };
        changes.push({ field: 'saksnummer', from: null, to: caseNumber(r) });
      } else {
        changes.push(
          r.of === 'letter'
            ? { field: 'letter', from: null, to: kindOf(r.letterId) }
            : {
                field: 'document',
                from: null,
                to: attachments.find((a) => a.attachmentId === r.attachmentId)?.title ?? null,
              },
          { field: 'reference', from: null, to: archiveReference(archiveCase, r) },
        );
      }
    } else if (ev.type === 'dispatch.recorded') {
      // How letters left for SvarUt is read by shared/dispatch/svarut.ts; the timeline gets which
      // letter (its kind) went to whom, and how (the variant). No forsendelse id, no address.
      const d = data as unknown as DispatchRecorded;
      entry.variant = d.channel;
      if (d.forsendelseId) forsendelser.set(d.forsendelseId, { letterId: d.letterId, status: null });
      changes.push(
        { field: 'letter', from: null, to: kindOf(d.letterId) },
        { field: 'to', from: null, to: d.to },
      );
    } else if (ev.type === 'dispatch.status') {
      const d = data as unknown as DispatchStatus;
      const f = forsendelser.get(d.forsendelseId);
      changes.push(
        { field: 'letter', from: null, to: f ? kindOf(f.letterId) : null },
        { field: 'status', from: f?.status ?? null, to: d.status },
      );
      if (f) f.status = d.status;
    } else if (ev.type === 'letters.drafted') {
      // A draft once issued or discarded stays closed, whatever another device saved after.
      const d = data as unknown as LetterDrafted;
      if (!closedDrafts.has(d.draftId)) drafts.set(d.draftId, { ...d, actor: ev.actor, at: ev.at });
    } else if (ev.type === 'letters.draftDiscarded' || ev.type === 'letters.draftClosed') {
      closedDrafts.add(data.draftId as string);
      drafts.delete(data.draftId as string);
    } else {
      const map = kind === 'evaluations' ? evaluations : collections[kind as Collection];
      const key = data.key as string;
      entry.key = key;
      let entity = map.get(key);
      if (verb === 'recorded') {
        if (!entity) {
          entity = { key, fields: {}, removed: false };
          if (typeof data.parent === 'string') entity.parent = data.parent;
          map.set(key, entity);
        }
        if (entity.removed) {
          entity.removed = false;
          changes.push({ field: '*', from: 'removed', to: 'restored' });
        }
        const set = data.set as Record<string, unknown>;
        // One outcome field: an old `closingOutcome` is read as `outcome` (shared/domain/referral.ts).
        applySet(entity.fields, kind === 'referrals' ? foldClosingOutcome(set) : set, changes, copy);
      } else if (entity && !entity.removed) {
        entity.removed = true;
        changes.push({ field: '*', from: 'present', to: 'removed' });
      }
    }
    history.push(entry);
  }

  const keys = {} as Record<Collection, string[]>;
  const doc: Record<string, unknown> = { id: externalId ?? '', ...caseFields, pupil: { ...pupilFields } };
  for (const c of COLLECTIONS) {
    const live = [...collections[c].values()].filter((e) => !e.removed);
    keys[c] = live.map((e) => e.key);
    doc[c] = live.map((e) => ({ ...e.fields }));
  }
  const evaluationKeys: Record<string, string[]> = {};
  const recs = doc.recommendations as Record<string, unknown>[];
  keys.recommendations.forEach((recKey, i) => {
    const evs = [...evaluations.values()].filter((e) => e.parent === recKey && !e.removed);
    evaluationKeys[recKey] = evs.map((e) => e.key);
    const rec = recs[i];
    if (rec) rec.evaluations = evs.map((e) => ({ ...e.fields }));
  });

  return {
    caseId,
    doc: doc as unknown as CaseDoc,
    keys,
    evaluationKeys,
    letters: letters.map((l) => (storedPdfs.has(l.letterId) ? { ...l, stored: true } : l)),
    attachments,
    drafts: [...drafts.values()].sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0)),
    history,
    eventCount: count,
    skippedEvents: skipped,
    lastHlc,
    opened: externalId !== null,
    voided,
  };
}
