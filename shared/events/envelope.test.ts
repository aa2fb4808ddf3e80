// parseStoredEvent (the open's fast envelope check) accepts exactly what the `storedEvent` schema
// accepts, and gives the same value: every envelope below, valid and broken, is tried both ways.
import { describe, expect, it } from 'vitest';
import { parseStoredEvent, storedEvent } from './vocabulary';

const good = {
  v: 1,
  id: 'abcdefghijklmnopqrstuvwxyz',
  caseId: 'a234567abcdefghijklmnopqrs',
  type: 'case.recorded',
  hlc: '001764979200000-000003',
  device: 'zzzzzzzzzzzzzzzzzzzzzzzzzz',
  actor: 'mmmmmmmmmmmmmmmmmmmmmmmmmm',
  at: '2026-12-06T05:00:00.000Z',
  data: { set: { parentsView: 'syn' } },
};

const values: unknown[] = [
  undefined,
  null,
  0,
  1,
  2,
  -1,
  1.5,
  2 ** 53,
  Number.NaN,
  '',
  'x',
  'abcdefghijklmnopqrstuvwxy1',
  // Just outside an id's characters (a–z, 2–7) on either side of each range, and beyond ASCII.
  'abcdefghijklmnopqrstuvwxy8',
  'abcdefghijklmnopqrstuvwxy`',
  'abcdefghijklmnopqrstuvwxy{',
  'abcdefghijklmnopqrstuvwxyé',
  'abcdefghijklmnopqrstuvwxy\n',
  'abcdefghijklmnopqrstuvwx\u0000y',
  '2345672345672345672345672a',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  'abcdefghijklmnopqrstuvwxyza',
  '001764979200000-00000',
  '001764979200000-0000030',
  '00176497920000a-000003',
  '001764979200000-000003\n',
  'x'.repeat(40),
  'x'.repeat(41),
  'x'.repeat(100),
  'x'.repeat(101),
  'x'.repeat(200),
  'x'.repeat(201),
  [],
  {},
  true,
];

function variants(): unknown[] {
  const out: unknown[] = [good, null, [], 'event', 7, Object.create(null)];
  for (const k of Object.keys(good)) {
    const { [k]: _dropped, ...without } = good as Record<string, unknown>;
    out.push(without);
    for (const v of values) out.push({ ...good, [k]: v });
  }
  out.push({ ...good, extra: 1 });
  out.push(JSON.parse(`{"__proto__":{"v":1},${JSON.stringify(good).slice(1)}`));
  out.push(Object.assign(Object.create({ inherited: true }), good));
  // The same keys in another order.
  out.push(Object.fromEntries(Object.entries(good).reverse()));
  return out;
}

describe('parseStoredEvent', () => {
  it('accepts and refuses exactly as the storedEvent schema, with the same value', () => {
    let accepted = 0;
    let refused = 0;
    for (const item of variants()) {
      const zod = storedEvent.safeParse(item);
      const fast = parseStoredEvent(item);
      expect(fast !== null, JSON.stringify(item)).toBe(zod.success);
      if (zod.success) {
        expect(fast).toEqual(zod.data);
        accepted++;
      } else refused++;
    }
    // Both sides of the rule are exercised, or the test proves nothing.
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(100);
  });
});
