import { describe, expect, it } from 'vitest';
import {
  compareEvents,
  EVENT_TYPES,
  formatHlc,
  hlcString,
  maxHlc,
  parseEventData,
  parseHlc,
  tickHlc,
  type Hlc,
  type StoredEvent,
} from './vocabulary';

describe('hybrid logical clock', () => {
  it('formats as 15-digit wall ms, dash, 6-digit counter', () => {
    expect(formatHlc({ wall: 1767225600000, counter: 7 })).toBe('001767225600000-000007');
    expect(formatHlc({ wall: 0, counter: 0 })).toBe('000000000000000-000000');
    expect(hlcString.safeParse(formatHlc({ wall: 1767225600000, counter: 999_999 })).success).toBe(true);
  });

  it('parses what it formats', () => {
    for (const h of [
      { wall: 0, counter: 0 },
      { wall: 1767225600000, counter: 42 },
      { wall: 999_999_999_999_999, counter: 999_999 },
    ]) {
      expect(parseHlc(formatHlc(h))).toEqual(h);
    }
  });

  it('sorts as a string in the same order as (wall, counter)', () => {
    const hs: Hlc[] = [
      { wall: 99, counter: 5 },
      { wall: 100, counter: 0 },
      { wall: 100, counter: 10 },
      { wall: 100, counter: 9 },
      { wall: 1000, counter: 0 },
      { wall: 9, counter: 123456 },
    ];
    const byValue = [...hs].sort((a, b) => a.wall - b.wall || a.counter - b.counter).map(formatHlc);
    const byString = hs.map(formatHlc).sort();
    expect(byString).toEqual(byValue);
  });

  it('takes the wall clock when it moved forward', () => {
    expect(tickHlc({ wall: 1000, counter: 5 }, 1001)).toEqual({ wall: 1001, counter: 0 });
  });

  it('counts up within the same millisecond', () => {
    expect(tickHlc({ wall: 1000, counter: 5 }, 1000)).toEqual({ wall: 1000, counter: 6 });
  });

  it('never goes backwards when the wall clock does', () => {
    expect(tickHlc({ wall: 1000, counter: 5 }, 400)).toEqual({ wall: 1000, counter: 6 });
  });

  it('is strictly increasing over a clock that jumps back and stalls', () => {
    const wall = [1000, 1000, 1000, 990, 500, 1001, 1001, 1002, 0, 1002, 5000, 4999];
    let h: Hlc = { wall: 0, counter: 0 };
    const out: string[] = [];
    for (const now of wall) {
      h = tickHlc(h, now);
      out.push(formatHlc(h));
    }
    for (let i = 1; i < out.length; i++) expect(out[i]! > out[i - 1]!).toBe(true);
    expect(out.at(-1)).toBe(formatHlc({ wall: 5000, counter: 1 }));
  });

  it('maxHlc picks the later clock (to catch up with another device)', () => {
    const a = { wall: 10, counter: 3 };
    const b = { wall: 10, counter: 4 };
    const c = { wall: 11, counter: 0 };
    expect(maxHlc(a, b)).toBe(b);
    expect(maxHlc(b, a)).toBe(b);
    expect(maxHlc(c, b)).toBe(c);
    expect(maxHlc(b, c)).toBe(c);
    expect(maxHlc(a, { ...a })).toEqual(a);
  });
});

describe('compareEvents', () => {
  const e = (hlc: string, device: string, id: string) => ({ hlc, device, id }) as StoredEvent;
  it('orders by hlc, then device, then id', () => {
    const h1 = formatHlc({ wall: 1, counter: 0 });
    const h2 = formatHlc({ wall: 1, counter: 1 });
    const events = [e(h2, 'a', 'a'), e(h1, 'b', 'a'), e(h1, 'a', 'b'), e(h1, 'a', 'a')];
    expect([...events].sort(compareEvents)).toEqual([events[3], events[2], events[1], events[0]]);
    expect(compareEvents(events[3]!, { ...events[3]! })).toBe(0);
  });
});

describe('event vocabulary', () => {
  it('knows every collection event and the case/pupil events', () => {
    for (const t of [
      'case.opened',
      'case.recorded',
      'pupil.recorded',
      'evaluations.recorded',
      'evaluations.removed',
    ])
      expect(EVENT_TYPES).toContain(t);
    for (const c of [
      'guardians',
      'referrals',
      'assignments',
      'recommendations',
      'meetings',
      'consents',
      'absence',
    ]) {
      expect(EVENT_TYPES).toContain(`${c}.recorded`);
      expect(EVENT_TYPES).toContain(`${c}.removed`);
    }
  });

  it('reports an unknown type as such, not as an invalid payload', () => {
    expect(parseEventData('transitions.planned', {})).toEqual({ success: false, unknownType: true });
    const bad = parseEventData('pupil.recorded', { set: { grade: -1 } });
    expect(bad.success).toBe(false);
    expect('unknownType' in bad).toBe(false);
  });

  it('does not let recommendations.recorded carry evaluations (they are their own entities)', () => {
    const key = 'a'.repeat(26);
    expect(parseEventData('recommendations.recorded', { key, set: { what: 'x' } }).success).toBe(true);
    expect(
      parseEventData('recommendations.recorded', { key, set: { what: 'x', evaluations: [] } }).success,
    ).toBe(false);
  });
});
