/**
 * Blame framing (issue 13 item 6, seed brief): phrases that put the absence on the home or the
 * pupil («hjemmet opprettholder fraværet», «foreldrene klarer ikke å sette grenser») instead of
 * describing what school and home will do together. The clarity check `BLAME_FRAMING`
 * (shared/letters/checks.ts) flags each hit with a partnership rewrite to suggest, like the
 * vague-phrase check: rewrite it, or keep it with a recorded reason.
 *
 * A hit is reported by the entry's `phrase` (a fixed label from this list), never by the text it
 * was found in, so findings carry no personal data.
 */
export interface BlamePattern {
  /** The label a finding carries and a `keep` names. */
  phrase: string;
  /** Matched case-insensitively; word boundaries that know Norwegian letters are added around it. */
  pattern: string;
  /** A partnership rewrite to suggest, bokmål and nynorsk. */
  rewrite: { nb: string; nn: string };
}

const HOME = '(?:hjemmet|heimen|foreldrene|foreldra|foresatte|føresette|familien|mor|far|mora|faren)';

export const BLAME_PATTERNS: readonly BlamePattern[] = [
  {
    phrase: 'hjemmet opprettholder fraværet',
    pattern: `${HOME}\\s+(?:opprettholder|opprettheld|held\\s+ved\\s+lag|vedlikeholder|forsterker|styrkjer|bidrar\\s+til|bidreg\\s+til)\\s+(?:\\p{L}+\\s+)?(?:fraværet|fråværet)`,
    rewrite: {
      nb: 'skolen og hjemmet lager sammen en plan for at eleven kommer tilbake',
      nn: 'skulen og heimen lagar saman ein plan for at eleven kjem tilbake',
    },
  },
  {
    phrase: 'foreldrene klarer ikke å sette grenser',
    pattern: `${HOME}\\s+(?:klarer|greier|maktar|evner|evnar)\\s+ikk(?:e|je)\\s+(?:å\\s+)?(?:sette|setje|setja)\\s+grenser`,
    rewrite: {
      nb: 'foreldrene får veiledning, og vi avtaler sammen hvordan morgenen kan bli lettere',
      nn: 'foreldra får rettleiing, og vi avtaler saman korleis morgonen kan bli lettare',
    },
  },
  {
    phrase: 'manglende grensesetting',
    pattern: '(?:manglende|manglande|mangel\\s+på|dårlig|dårleg)\\s+grensesetting',
    rewrite: {
      nb: 'foreldrene og skolen avtaler sammen rutiner for morgenen og skoledagen',
      nn: 'foreldra og skulen avtaler saman rutinar for morgonen og skuledagen',
    },
  },
  {
    phrase: 'foreldrene samarbeider ikke',
    pattern: `${HOME}\\s+(?:samarbeider|samarbeider|samarbeidar|vil)\\s+ikk(?:e|je)(?:\\s+samarbeide|\\s+samarbeida)?`,
    rewrite: {
      nb: 'skolen og tjenesten inviterer foreldrene til å planlegge tiltakene sammen med dem',
      nn: 'skulen og tenesta inviterer foreldra til å planleggje tiltaka saman med dei',
    },
  },
  {
    phrase: 'overbeskyttende foreldre',
    pattern: '(?:overbeskyttende|overbeskyttande)(?:\\s+(?:foreldre|foreldrene|foreldra|mor|far|hjem|heim))?',
    rewrite: {
      nb: 'foreldrene ønsker å beskytte eleven; vi avtaler sammen trygge steg tilbake til skolen',
      nn: 'foreldra ønskjer å verne eleven; vi avtaler saman trygge steg tilbake til skulen',
    },
  },
  {
    phrase: 'eleven er umotivert',
    pattern: '(?:eleven|han|hun|ho)\\s+er\\s+(?:umotivert|lat|ikke\\s+motivert|ikkje\\s+motivert)',
    rewrite: {
      nb: 'eleven opplever lite mestring nå; tiltakene skal gi eleven mestring i skolehverdagen',
      nn: 'eleven opplever lite meistring no; tiltaka skal gi eleven meistring i skulekvardagen',
    },
  },
];

const compiled = BLAME_PATTERNS.map(
  (p) => [p, new RegExp(`(?<![\\p{L}\\p{N}])${p.pattern}(?![\\p{L}\\p{N}])`, 'giu')] as const,
);

export interface BlameHit {
  phrase: string;
  index: number;
  rewrite: { nb: string; nn: string };
}

/** Every blame-framing hit in `text`, in text order; overlapping hits count once (the earliest). */
export function findBlameFraming(text: string): BlameHit[] {
  const hits: (BlameHit & { end: number })[] = [];
  for (const [p, re] of compiled) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text))
      hits.push({ phrase: p.phrase, index: m.index, end: m.index + m[0].length, rewrite: p.rewrite });
  }
  hits.sort((a, b) => a.index - b.index || b.end - a.end);
  const out: BlameHit[] = [];
  let end = -1;
  for (const h of hits) {
    if (h.index < end) continue;
    out.push({ phrase: h.phrase, index: h.index, rewrite: h.rewrite });
    end = h.end;
  }
  return out;
}
