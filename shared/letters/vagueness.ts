/** One flagged phrase in one text. `phrase` is the list entry (from the settings), never the text around it. */
export interface VagueHit {
  phrase: string;
  index: number;
}

const cache = new Map<string, RegExp>();

function patternFor(phrase: string): RegExp {
  let re = cache.get(phrase);
  if (!re) {
    const body = phrase
      .trim()
      .split(/\s+/u)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
      .join('\\s+');
    // Word boundaries that know Norwegian letters: "eventuelt" is flagged, "eventueltvis" is not.
    re = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
    cache.set(phrase, re);
  }
  re.lastIndex = 0;
  return re;
}

/** Every occurrence of a listed phrase in `text`, case-insensitive, in text order. */
export function findVagueness(text: string, phrases: readonly string[]): VagueHit[] {
  const hits: VagueHit[] = [];
  for (const phrase of phrases) {
    if (phrase.trim() === '') continue;
    const re = patternFor(phrase);
    for (let m = re.exec(text); m; m = re.exec(text)) hits.push({ phrase, index: m.index });
  }
  // A longer phrase that contains a shorter one ("kan vurderes" in "bør vurderes") is one hit.
  hits.sort((a, b) => a.index - b.index || b.phrase.length - a.phrase.length);
  const out: VagueHit[] = [];
  let end = -1;
  for (const h of hits) {
    if (h.index < end) continue;
    out.push(h);
    end = h.index + h.phrase.length;
  }
  return out;
}
