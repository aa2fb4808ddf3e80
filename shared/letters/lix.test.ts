import { describe, expect, it } from 'vitest';
import { lix, lixBand } from './lix';

describe('LIX', () => {
  it('matches a hand count: words, sentences, long words', () => {
    // Words (16): Vi anbefaler at skolen setter i gang tiltak. Eleven møter kl. med fast voksen i garderoben.
    // "10" is not a word (no letters). Long words (more than six letters): anbefaler, garderoben.
    // Sentences: "tiltak." before a capital letter, and the end of the block; "kl. 10" is not an end.
    // LIX = 16 / 2 + 100 × 2 / 16 = 8 + 12.5 = 20.5
    const r = lix([
      'Vi anbefaler at skolen setter i gang tiltak. Eleven møter kl. 10 med fast voksen i garderoben.',
    ]);
    expect(r).toEqual({ lix: 20.5, words: 16, sentences: 2, longWords: 2 });
  });

  it('counts every block as ending a sentence, full stop or not', () => {
    // + "Rektor sørger for planleggingstid": 4 words, 1 long (planleggingstid), 1 sentence.
    // LIX = 20 / 3 + 100 × 3 / 20 = 6.667 + 15 = 21.7
    const r = lix([
      'Vi anbefaler at skolen setter i gang tiltak. Eleven møter kl. 10 med fast voksen i garderoben.',
      'Rektor sørger for planleggingstid',
    ]);
    expect(r).toEqual({ lix: 21.7, words: 20, sentences: 3, longWords: 3 });
  });

  it('does not end a sentence at an ordinal ("7. trinn") and counts letters, not punctuation', () => {
    // Áile går i trinn.: 4 words, none long; "kontaktlærer," has 12 letters.
    expect(lix(['Áile går i 7. trinn.'])).toEqual({ lix: 4, words: 4, sentences: 1, longWords: 0 });
    expect(lix(['kontaktlærer,']).longWords).toBe(1);
  });

  it('is 0 for no text, and names its band', () => {
    expect(lix([]).lix).toBe(0);
    expect([25, 35, 45, 55, 65].map(lixBand)).toEqual([
      'svært lett',
      'lett',
      'middels',
      'vanskelig',
      'svært vanskelig',
    ]);
  });
});
