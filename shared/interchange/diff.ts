import { CASE_FIELDS, COLLECTIONS, KEYED_BY_ID, type CaseDoc, type Collection } from '../domain/caseDoc';
import type { CaseState } from '../events/fold';
import type { NewEvent } from '../events/vocabulary';
import { dropNulls, sameValue, stableStringify } from '../json';
import { noteMayLeave, noteWriters } from '../notes/visibility';

export const IMPORT_REASON = 'Import (bro-interchange/1)';

type Obj = Record<string, unknown>;

/** Fields of `next` that differ from `prev`; a field missing in `next` is cleared (null). */
function changedFields(prev: Obj | undefined, next: Obj, omit: readonly string[] = []): Obj {
  const out: Obj = {};
  const keys = new Set([...Object.keys(prev ?? {}), ...Object.keys(next)]);
  for (const k of keys) {
    if (omit.includes(k)) continue;
    const a = prev?.[k] ?? null;
    const b = next[k] ?? null;
    if (!sameValue(a, b)) out[k] = b;
  }
  return out;
}

/**
 * The events that bring a case from `current` (null for a new case) to `incoming`.
 * Empty when nothing changed, which is what makes import idempotent. Nothing is ever
 * removed by an import: items missing from the file stay (a partial file must not delete).
 */
export function diffCase(current: CaseState | null, incoming: CaseDoc, newKey: () => string): NewEvent[] {
  const events: NewEvent[] = [];
  const isNew = current === null;
  const reason = isNew ? undefined : IMPORT_REASON;
  const cur = current?.doc;
  const withReason = (d: Obj): Obj => (reason ? { ...d, reason } : d);

  if (isNew)
    events.push({ type: 'case.opened', data: { externalId: incoming.id, service: incoming.service } });

  const caseNext: Obj = {};
  for (const k of Object.keys(CASE_FIELDS.shape)) caseNext[k] = (incoming as Obj)[k] ?? null;
  const caseSet = changedFields(cur ? (cur as Obj) : { service: incoming.service }, caseNext);
  for (const k of Object.keys(caseSet)) if (!(k in CASE_FIELDS.shape)) delete caseSet[k];
  if (Object.keys(caseSet).length && !(isNew && Object.values(caseSet).every((v) => v === null)))
    events.push({ type: 'case.recorded', data: withReason({ set: dropNulls(caseSet) }) });

  const pupilSet = changedFields(cur?.pupil as Obj | undefined, incoming.pupil as Obj);
  if (Object.keys(pupilSet).length)
    events.push({
      type: 'pupil.recorded',
      data: withReason({ set: isNew ? dropNulls(pupilSet) : pupilSet }),
    });

  for (const c of COLLECTIONS) {
    const items = (incoming[c] ?? []) as Obj[];
    const curItems = ((cur?.[c] ?? []) as Obj[]).slice();
    const curKeys = current?.keys[c] ?? [];
    const matched = matchItems(c, items, curItems);
    items.forEach((item, pos) => {
      const idx = matched[pos] ?? -1;
      const existing = idx >= 0 ? curItems[idx] : undefined;
      const key = idx >= 0 ? (curKeys[idx] as string) : newKey();
      // A file from before assignments were linked to the register (or from another vault) does
      // not unlink them: a missing `caseworkerId` keeps the one recorded.
      const omit =
        c === 'recommendations'
          ? ['evaluations']
          : c === 'assignments' && item.caseworkerId == null
            ? ['caseworkerId']
            : c === 'meetings' && item.invitation == null
              ? // The innkalling is a letter of this vault: a file (which never carries one) keeps it.
                ['invitation']
              : c === 'notes'
                ? // A file never takes back a release, and never renames who wrote a note already here
                  // (an export names the member who wrote it).
                  [...(item.released == null ? ['released'] : []), ...(existing ? ['author'] : [])]
                : [];
      const set = changedFields(existing, item, omit);
      if (Object.keys(set).length)
        events.push({
          type: `${c}.recorded`,
          data: withReason({ key, set: existing ? set : dropNulls(set) }),
        });
      if (c === 'recommendations')
        events.push(...diffEvaluations(current, key, existing, item, newKey, withReason));
    });
  }
  return events;
}

/**
 * How an item without an id is recognised again when some of its other fields changed
 * (an item that has an `id` is recognised by that alone). Referrals and recommendations
 * always match by id (KEYED_BY_ID).
 */
const IDENTITY: Partial<Record<Collection | 'evaluations', readonly string[]>> = {
  guardians: ['name'],
  assignments: ['caseworker', 'from'],
  meetings: ['date'],
  consents: ['givenBy', 'recipient', 'date'],
  absence: ['from', 'type'],
  concernReports: ['date'],
  voices: ['date', 'gatheredBy'],
  proposals: ['date', 'what'],
  hearings: ['kind', 'shared'],
  evaluations: ['date'],
};

/**
 * For each incoming item, the index of the current item it updates (-1: a new item). Items of
 * KEYED_BY_ID collections match by id. Others match an identical current item first, then one
 * with the same identity, each current item at most once. So a file that lists them in another
 * order, or leaves some out, never rewrites one item with another's content.
 */
function matchItems(
  kind: Collection | 'evaluations',
  items: readonly Obj[],
  curItems: readonly Obj[],
): number[] {
  if (kind !== 'evaluations' && KEYED_BY_ID.has(kind))
    return items.map((item) => curItems.findIndex((x) => x.id === item.id));
  const fields = IDENTITY[kind];
  const used = new Set<number>();
  const matcher = (keyOf: (x: Obj) => string) => {
    const byKey = new Map<string, number[]>();
    curItems.forEach((x, i) => {
      const k = keyOf(x);
      const list = byKey.get(k);
      if (list) list.push(i);
      else byKey.set(k, [i]);
    });
    return (x: Obj): number => {
      const i = byKey.get(keyOf(x))?.find((j) => !used.has(j)) ?? -1;
      if (i >= 0) used.add(i);
      return i;
    };
  };
  const byContent = matcher((x) => stableStringify(dropNulls(x)));
  const byIdentity = fields
    ? matcher((x) => stableStringify((x.id != null ? ['id'] : fields).map((f) => x[f] ?? null)))
    : () => -1;
  const exact = items.map(byContent);
  return items.map((item, pos) => {
    const i = exact[pos] ?? -1;
    return i >= 0 ? i : byIdentity(item);
  });
}

function diffEvaluations(
  current: CaseState | null,
  recKey: string,
  existing: Obj | undefined,
  item: Obj,
  newKey: () => string,
  withReason: (d: Obj) => Obj,
): NewEvent[] {
  const out: NewEvent[] = [];
  const prev = (existing?.evaluations ?? []) as Obj[];
  const prevKeys = current?.evaluationKeys[recKey] ?? [];
  const items = (item.evaluations ?? []) as Obj[];
  const matched = matchItems('evaluations', items, prev);
  items.forEach((ev, i) => {
    const idx = matched[i] ?? -1;
    const set = changedFields(prev[idx], ev);
    if (!Object.keys(set).length) return;
    const key = idx >= 0 ? (prevKeys[idx] as string) : newKey();
    out.push({
      type: 'evaluations.recorded',
      data: withReason({ key, parent: recKey, set: idx >= 0 ? set : dropNulls(set) }),
    });
  });
  return out;
}

/**
 * The case as `bro-interchange/1` writes it: nulls dropped, every collection present, and no
 * confidential journal note that has not been released (shared/notes/visibility.ts).
 */
export function toInterchangeCase(
  state: CaseState,
  memberName?: (memberId: string) => string | null,
): CaseDoc {
  const doc = dropNulls(state.doc) as Obj;
  for (const c of COLLECTIONS) doc[c] ??= [];
  const writers = memberName ? noteWriters(state.history) : new Map<string, string>();
  const noteKeys = state.keys.notes ?? [];
  doc.notes = (doc.notes as Obj[])
    .map((n, i) => {
      // The member who wrote it, by name, unless the note already names its author.
      const writer = writers.get(noteKeys[i] ?? '');
      const name = n.author == null && writer && memberName ? memberName(writer) : null;
      return name ? { ...n, author: name } : n;
    })
    .filter((n) => noteMayLeave(n));
  // A meeting's innkalling is the id of a letter in this vault; letters do not travel in
  // bro-interchange/1, so neither does the reference (an import keeps the one recorded).
  doc.meetings = (doc.meetings as Obj[]).map((m) => {
    if (m.invitation == null) return m;
    const { invitation: _letter, ...rest } = m;
    return rest;
  });
  return doc as CaseDoc;
}

export type { Collection };
