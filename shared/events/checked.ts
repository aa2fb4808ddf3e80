import { EVENT_DATA, EVENT_VERSION, type StoredEvent } from './vocabulary';

/**
 * Checked payloads (docs/VAULT-FORMAT.md §9.4, `checked`). A writer that has parsed every payload
 * of a pack with this build's schemas, and found each one exactly as its schema returns it (same
 * values, same key order, nothing trimmed or added), marks the pack with this string. A reader
 * whose schemas are the same (it carries the same string) may then fold the pack's payloads
 * without parsing them again: the result is the same, and parsing is most of the time an open
 * without an index takes. A pack with any other mark, or none, is parsed event by event as before.
 *
 * The hash is of the JSON Schema of every payload schema (`checked.test.ts` computes it and says
 * what to do when it fails): any change to the vocabulary makes a new mark, so a pack checked by
 * another vocabulary is parsed again. `r` is raised by hand when a refinement's logic changes
 * without changing the JSON Schema (a regular expression inside a `refine`, a date check).
 */
export const CHECKED_PAYLOADS = 'v1.r1.d841d6fc05e8f6e6';

/** The event objects a reader found in a pack marked with `CHECKED_PAYLOADS`. */
const checked = new WeakSet<StoredEvent>();

/** Notes that this event came from a pack whose payloads this build's schemas already accept as they are. */
export function markChecked(ev: StoredEvent): void {
  checked.add(ev);
}

/**
 * The payload the fold may use without parsing it, or undefined when it must be parsed: only for
 * events a reader marked, of this vocabulary version and a known type. It is the event's own
 * object, not a copy: the fold copies every list or object it keeps (`copyJson`), so no caller
 * of the fold can change the events kept in memory through its result.
 */
export function checkedPayload(ev: StoredEvent): Record<string, unknown> | undefined {
  if (!checked.has(ev) || ev.v !== EVENT_VERSION || !Object.hasOwn(EVENT_DATA, ev.type)) return undefined;
  const data = ev.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  return data as Record<string, unknown>;
}

/**
 * The mark a pack of these events may carry: `CHECKED_PAYLOADS` when every payload, read back as a
 * reader will see it (through JSON), parses and comes out exactly as it went in; else undefined.
 */
export function checkedMark(events: readonly StoredEvent[]): string | undefined {
  for (const ev of events) {
    if (ev.v !== EVENT_VERSION || !Object.hasOwn(EVENT_DATA, ev.type)) return undefined;
    const json = JSON.stringify(ev.data);
    if (json === undefined) return undefined;
    const seen: unknown = JSON.parse(json);
    const r = EVENT_DATA[ev.type]!.safeParse(seen);
    if (!r.success || !sameJson(r.data, seen)) return undefined;
  }
  return CHECKED_PAYLOADS;
}

/** Exactly the same JSON value, with object keys in the same order (the fold's history follows it). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return a !== undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameJson(x, bb[i]));
  }
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype)
    return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return false;
    if (!sameJson((a as Record<string, unknown>)[ka[i]!], (b as Record<string, unknown>)[kb[i]!]))
      return false;
  }
  return true;
}

/** A deep copy of a JSON value (what a parse would have made fresh). */
export function copyJson(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map(copyJson);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = copyJson((v as Record<string, unknown>)[k]);
    // A key named __proto__ (only a forged pack could hold one) stays an ordinary key.
    if (k === '__proto__')
      Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
    else out[k] = x;
  }
  return out;
}
