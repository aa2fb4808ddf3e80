import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHECKED_PAYLOADS, checkedMark, checkedPayload, markChecked, sameJson } from './checked';
import { EVENT_DATA, EVENT_VERSION, type StoredEvent } from './vocabulary';

/** The JSON Schema of every payload schema, by type: what `CHECKED_PAYLOADS` is a hash of. */
function vocabularyHash(): string {
  const all: Record<string, unknown> = {};
  for (const type of Object.keys(EVENT_DATA).sort())
    all[type] = z.toJSONSchema(EVENT_DATA[type]!, { unrepresentable: 'any', io: 'input' });
  return createHash('sha256').update(JSON.stringify(all)).digest('hex').slice(0, 16);
}

const ID = 'a'.repeat(26);
const ev = (type: string, data: unknown, v = EVENT_VERSION): StoredEvent => ({
  v,
  id: ID,
  caseId: ID,
  type,
  hlc: '001767225600000-000000',
  device: ID,
  actor: 'm',
  at: '2026-12-05T00:00:00.000Z',
  data,
});

describe('checked payloads', () => {
  it('the mark names this build’s vocabulary: a changed payload schema needs a new mark', () => {
    // If this fails you changed an event payload schema (that is fine). Set CHECKED_PAYLOADS in
    // shared/events/checked.ts to the value below, so packs checked by the old schemas are parsed
    // again by this build. Raise `r` by hand when only a refinement's logic changed.
    const [, r] = /^v\d+\.r(\d+)\./.exec(CHECKED_PAYLOADS) ?? [];
    expect(CHECKED_PAYLOADS).toBe(`v${EVENT_VERSION}.r${r}.${vocabularyHash()}`);
  });

  it('marks a pack only when every payload is exactly what its schema returns', () => {
    const good = ev('pupil.recorded', { set: { grade: 7 } });
    expect(checkedMark([good])).toBe(CHECKED_PAYLOADS);
    // Text the schema would trim, an unknown type, a newer version, an invalid payload: no mark.
    expect(checkedMark([good, ev('case.voided', { reason: ' duplikat ' })])).toBeUndefined();
    expect(checkedMark([ev('transitions.planned', { grade: 8 })])).toBeUndefined();
    expect(checkedMark([ev('pupil.recorded', { set: { grade: 7 } }, 2)])).toBeUndefined();
    expect(checkedMark([ev('pupil.recorded', { set: { grade: 14 } })])).toBeUndefined();
    expect(checkedMark([ev('pupil.recorded', { set: { grade: 7 }, extra: 1 })])).toBeUndefined();
  });

  it('gives a payload without parsing only for marked events', () => {
    const data = { set: { grade: 7, school: { name: 'Demo skole' } } };
    const e = ev('pupil.recorded', data);
    expect(checkedPayload(e)).toBeUndefined();
    markChecked(e);
    const got = checkedPayload(e)!;
    expect(got).toEqual(data);
    // Marked, but of another version or an unknown type: parsed as before.
    const v2 = ev('pupil.recorded', data, 2);
    markChecked(v2);
    expect(checkedPayload(v2)).toBeUndefined();
    const unknown = ev('transitions.planned', data);
    markChecked(unknown);
    expect(checkedPayload(unknown)).toBeUndefined();
  });

  it('compares JSON values exactly, key order included', () => {
    expect(sameJson({ a: 1, b: [1, 'x'] }, { a: 1, b: [1, 'x'] })).toBe(true);
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameJson({ a: undefined }, {})).toBe(false);
    expect(sameJson({ a: undefined }, { a: undefined })).toBe(false);
    expect(sameJson([1], { 0: 1 })).toBe(false);
    expect(sameJson('x', 'x ')).toBe(false);
  });
});
