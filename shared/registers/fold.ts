import { compareEvents, EVENT_VERSION, type StoredEvent } from '../events/vocabulary';
import type { FieldChange, HistoryEntry } from '../events/fold';
import { REGISTER_EVENT_DATA, REGISTER_NAMES, type RegisterName } from './schema';

/** One entry of a register: its key and its fields as last recorded. */
export interface RegisterEntry {
  key: string;
  fields: Record<string, unknown>;
}

export interface RegistersState {
  /** A `registers.opened` event was read (the container exists and is Bro's). */
  opened: boolean;
  registers: Record<RegisterName, RegisterEntry[]>;
  /** Who changed which entry, when, and why (the registers' own timeline). */
  history: HistoryEntry[];
  eventCount: number;
  /** Events this version does not know (a newer writer's register): kept on disk, not applied. */
  skippedEvents: number;
}

/**
 * Folds the registers container's events into the registers. Pure, order-independent (hybrid
 * logical clock, then device, then id), duplicates by id ignored; a later `recorded` on a removed
 * entry restores it. The same rules as a case collection (shared/events/fold.ts).
 */
export function foldRegisters(events: readonly StoredEvent[]): RegistersState {
  const maps = Object.fromEntries(REGISTER_NAMES.map((r) => [r, new Map()])) as Record<
    RegisterName,
    Map<string, { fields: Record<string, unknown>; removed: boolean }>
  >;
  const seen = new Set<string>();
  const history: HistoryEntry[] = [];
  let opened = false;
  let count = 0;
  let skipped = 0;
  for (const ev of [...events].sort(compareEvents)) {
    if (seen.has(ev.id)) continue;
    seen.add(ev.id);
    count++;
    const schema = ev.v > EVENT_VERSION ? undefined : REGISTER_EVENT_DATA[ev.type];
    const parsed = schema?.safeParse(ev.data);
    if (!parsed?.success) {
      skipped++;
      continue;
    }
    if (ev.type === 'registers.opened') {
      opened = true;
      continue;
    }
    const data = parsed.data as { key: string; set?: Record<string, unknown>; reason?: string | null };
    const [register, verb] = ev.type.split('.') as [RegisterName, string];
    const map = maps[register];
    const changes: FieldChange[] = [];
    let entity = map.get(data.key);
    if (verb === 'recorded') {
      if (!entity) {
        entity = { fields: {}, removed: false };
        map.set(data.key, entity);
      }
      if (entity.removed) {
        entity.removed = false;
        changes.push({ field: '*', from: 'removed', to: 'restored' });
      }
      for (const [field, value] of Object.entries(data.set ?? {})) {
        const before = entity.fields[field] ?? null;
        const after = value ?? null;
        if (JSON.stringify(before) === JSON.stringify(after)) continue;
        changes.push({ field, from: before, to: after });
        if (after === null) delete entity.fields[field];
        else entity.fields[field] = after;
      }
    } else if (entity && !entity.removed) {
      entity.removed = true;
      changes.push({ field: '*', from: 'present', to: 'removed' });
    }
    history.push({
      eventId: ev.id,
      hlc: ev.hlc,
      at: ev.at,
      actor: ev.actor,
      device: ev.device,
      type: ev.type,
      key: data.key,
      changes,
      reason: data.reason ?? null,
    });
  }
  const registers = Object.fromEntries(
    REGISTER_NAMES.map((r) => [
      r,
      [...maps[r].entries()]
        .filter(([, e]) => !e.removed)
        .map(([key, e]) => ({ key, fields: { ...e.fields } }))
        .sort((a, b) =>
          String(a.fields.name ?? '').localeCompare(String(b.fields.name ?? ''), 'nb', { numeric: true }),
        ),
    ]),
  ) as Record<RegisterName, RegisterEntry[]>;
  return { opened, registers, history, eventCount: count, skippedEvents: skipped };
}
