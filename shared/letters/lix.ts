/**
 * LIX (läsbarhetsindex, Björnsson 1968), the readability index Norwegian klarspråk work uses:
 *
 *   LIX = words / sentences + 100 × long words / words
 *
 * - a word is a run of characters without white space that contains at least one letter
 *   ("7." and "11.05.2026" are not words; "§" is not);
 * - a long word has more than six letters (letters only are counted, so "kontaktlærer," has 12);
 * - a sentence ends at ".", "!", "?" or ":" when the next word starts with a capital letter, and
 *   at the end of each block of prose (paragraph, list item), full stop or not; so "7. trinn"
 *   and "kl. 10" do not end a sentence.
 *
 * Below 30 is very easy, 30–40 easy (the aim for letters to families), 40–50 medium,
 * 50–60 difficult, above 60 very difficult.
 */
export interface LixResult {
  lix: number;
  words: number;
  sentences: number;
  longWords: number;
}

const LETTER = /\p{L}/u;
const LETTERS = /\p{L}/gu;

export function lix(blocks: readonly string[]): LixResult {
  let words = 0;
  let longWords = 0;
  let sentences = 0;
  for (const block of blocks) {
    const tokens = block.split(/\s+/u).filter((t) => t.length > 0);
    let wordsInBlock = 0;
    let open = false;
    tokens.forEach((tok, i) => {
      if (LETTER.test(tok)) {
        words++;
        wordsInBlock++;
        open = true;
        if ((tok.match(LETTERS)?.length ?? 0) > 6) longWords++;
      }
      const next = tokens[i + 1];
      if (open && /[.!?:]["»”')\]]*$/u.test(tok) && next !== undefined && /^["«“(]*\p{Lu}/u.test(next)) {
        sentences++;
        open = false;
      }
    });
    if (open && wordsInBlock > 0) sentences++;
  }
  const value = words === 0 || sentences === 0 ? 0 : words / sentences + (100 * longWords) / words;
  return { lix: Math.round(value * 10) / 10, words, sentences, longWords };
}

/** The Norwegian band name for a LIX value (for the report next to the number). */
export function lixBand(value: number): 'svært lett' | 'lett' | 'middels' | 'vanskelig' | 'svært vanskelig' {
  if (value < 30) return 'svært lett';
  if (value < 40) return 'lett';
  if (value < 50) return 'middels';
  if (value < 60) return 'vanskelig';
  return 'svært vanskelig';
}
