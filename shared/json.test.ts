import { describe, expect, it } from 'vitest';
import { formatPath } from './errors';
import { dropNulls, sameValue, stableStringify } from './json';

describe('stableStringify', () => {
  it('sorts object keys at every level', () => {
    expect(stableStringify({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives equal strings for equal values built in a different order', () => {
    const one = { service: 'PPT', pupil: { grade: 7, name: 'Áile' } };
    const two = { pupil: { name: 'Áile', grade: 7 }, service: 'PPT' };
    expect(JSON.stringify(one)).not.toBe(JSON.stringify(two));
    expect(stableStringify(one)).toBe(stableStringify(two));
  });

  it('keeps array order and drops undefined properties like JSON.stringify', () => {
    expect(stableStringify([3, 1, 2])).toBe('[3,1,2]');
    expect(stableStringify({ a: undefined, b: null })).toBe('{"b":null}');
  });

  it('passes primitives through', () => {
    expect(stableStringify('æøå')).toBe('"æøå"');
    expect(stableStringify(7)).toBe('7');
    expect(stableStringify(null)).toBe('null');
    expect(stableStringify(true)).toBe('true');
  });
});

describe('dropNulls', () => {
  it('drops null and undefined properties recursively', () => {
    expect(
      dropNulls({ a: null, b: undefined, c: { d: null, e: 0, f: '' }, g: [{ h: null, i: false }] }),
    ).toEqual({
      c: { e: 0, f: '' },
      g: [{ i: false }],
    });
  });

  it('keeps falsy values that are not null', () => {
    expect(dropNulls({ zero: 0, empty: '', no: false, list: [] })).toEqual({
      zero: 0,
      empty: '',
      no: false,
      list: [],
    });
  });

  it('does not change its input', () => {
    const input = { a: null, b: { c: null } };
    dropNulls(input);
    expect(input).toEqual({ a: null, b: { c: null } });
  });
});

describe('sameValue', () => {
  it('treats null and missing as the same', () => {
    expect(sameValue({ a: 1, b: null }, { a: 1 })).toBe(true);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue({ x: { y: null } }, { x: {} })).toBe(true);
  });

  it('ignores key order but not array order', () => {
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
  });

  it('tells different values apart', () => {
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 0 })).toBe(false);
    expect(sameValue({ a: '1' }, { a: 1 })).toBe(false);
    expect(sameValue({ status: 'x' }, 'x')).toBe(false);
  });
});

describe('formatPath', () => {
  it('writes paths the way import errors name them', () => {
    expect(formatPath(['cases', 3, 'referrals', 0, 'received'])).toBe('cases[3].referrals[0].received');
    expect(formatPath(['recommendations', 0, 'evaluation', 'date'])).toBe(
      'recommendations[0].evaluation.date',
    );
    expect(formatPath([])).toBe('');
    expect(formatPath([2, 'id'])).toBe('[2].id');
  });
});
