import { describe, expect, it } from 'vitest';
import { DEFAULT_VAGUENESS } from './settings';
import { findVagueness } from './vagueness';

describe('the vagueness check', () => {
  it('finds each listed hedge, case-insensitively, in text order', () => {
    const hits = findVagueness('Eventuelt kan tiltaket etter hvert utvides ved behov.', DEFAULT_VAGUENESS);
    expect(hits.map((h) => h.phrase)).toEqual(['eventuelt', 'etter hvert', 'ved behov']);
  });

  it('respects word boundaries with Norwegian letters and line breaks inside a phrase', () => {
    expect(findVagueness('eventueltvis', ['eventuelt'])).toEqual([]);
    expect(findVagueness('bør\nvurderes', DEFAULT_VAGUENESS).map((h) => h.phrase)).toEqual(['bør vurderes']);
    expect(findVagueness('Tiltak evt. senere', DEFAULT_VAGUENESS).map((h) => h.phrase)).toEqual(['evt.']);
  });

  it('finds nynorsk forms', () => {
    expect(
      findVagueness('Det kan vere aktuelt etter kvart.', DEFAULT_VAGUENESS).map((h) => h.phrase),
    ).toEqual(['kan vere aktuelt', 'etter kvart']);
  });
});
