import { CASE_FIELDS, COLLECTIONS, KEYED_BY_ID, type CaseDoc, type Collection } from '../domain/caseDoc';
import type { CaseState } from '../events/fold';
import type { NewEvent } from '../events/vocabulary';
import { dropNulls, sameValue } from '../json';

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
export function diffCase(
  current: CaseState | null,
  incoming: CaseDoc,
  newKey: () => string,
): NewEvent[] {
  const events: NewEvent[] = [];
  const isNew = current === null;
  const reason = isNew ? undefined : IMPORT_REASON;
  const cur = current?.doc;
  const withReason = (d: Obj): Obj => (reason ? { ...d, reason } : d);

  if (isNew) events.push({ type: 'case.opened', data: { externalId: incoming.id, service: incoming.service } });

  const caseNext: Obj = {};
  for (const k of Object.keys(CASE_FIELDS.shape)) caseNext[k] = (incoming as Obj)[k] ?? null;
  const caseSet = changedFields(cur ? (cur as Obj) : { service: incoming.service }, caseNext);
  for (const k of Object.keys(caseSet)) if (!(k in CASE_FIELDS.shape)) delete caseSet[k];
  if (Object.keys(caseSet).length && !(isNew && Object.values(caseSet).every((v) => v === null)))
    events.push({ type: 'case.recorded', data: withReason({ set: dropNulls(caseSet) }) });

  const pupilSet = changedFields(cur?.pupil as Obj | undefined, incoming.pupil as Obj);
  if (Object.keys(pupilSet).length)
    events.push({ type: 'pupil.recorded', data: withReason({ set: isNew ? dropNulls(pupilSet) : pupilSet }) });

  for (const c of COLLECTIONS) {
    const items = (incoming[c] ?? []) as Obj[];
    const curItems = ((cur?.[c] ?? []) as Obj[]).slice();
    const curKeys = current?.keys[c] ?? [];
    items.forEach((item, pos) => {
      const idx = KEYED_BY_ID.has(c) ? curItems.findIndex((x) => x.id === item.id) : pos < curItems.length ? pos : -1;
      const existing = idx >= 0 ? curItems[idx] : undefined;
      const key = idx >= 0 ? (curKeys[idx] as string) : newKey();
      const omit = c === 'recommendations' ? ['evaluations'] : [];
      const set = changedFields(existing, item, omit);
      if (Object.keys(set).length)
        events.push({ type: `${c}.recorded`, data: withReason({ key, set: existing ? set : dropNulls(set) }) });
      if (c === 'recommendations') events.push(...diffEvaluations(current, key, existing, item, newKey, withReason));
    });
  }
  return events;
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
  ((item.evaluations ?? []) as Obj[]).forEach((ev, i) => {
    const set = changedFields(prev[i], ev);
    if (!Object.keys(set).length) return;
    const key = i < prev.length ? (prevKeys[i] as string) : newKey();
    out.push({ type: 'evaluations.recorded', data: withReason({ key, parent: recKey, set: i < prev.length ? set : dropNulls(set) }) });
  });
  return out;
}

/** The case as `bro-interchange/1` writes it: nulls dropped, every collection present. */
export function toInterchangeCase(state: CaseState): CaseDoc {
  const doc = dropNulls(state.doc) as Obj;
  for (const c of COLLECTIONS) doc[c] ??= [];
  return doc as CaseDoc;
}

export type { Collection };
