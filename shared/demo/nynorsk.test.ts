import { describe, expect, it } from 'vitest';
import { demoNynorskText } from './nynorsk';
import { generateDemo } from './generate';
import { caseObligations } from '../cases/obligations';
import { caseDoc, type CaseDoc } from '../domain/caseDoc';
import {
  DEFAULT_LETTER_SETTINGS,
  LETTER_KINDS,
  prepareLetter,
  type LetterKind,
  type LetterLang,
} from '../letters';
import { hasErrors } from '../letters/checks';
import { KIND_OPTIONS } from '../letters/letters.fixture';
import { readsAsBokmal } from '../letters/nynorskWords';
import { DEFAULT_SETTINGS } from '../waiting/settings';

/**
 * Issue 16, item 4: CASE_TEXT_BOKMAL blocks issuing a nynorsk letter until the caseworker writes the
 * nynorsk text or keeps the text with a reason. The demo writes nynorsk case text, so that every
 * kind the demo can issue in bokmål can be issued in nynorsk from some demo case as it stands.
 */
const TODAY = '2026-12-05';
const demo = generateDemo({ cases: 40, seed: 'bro', today: TODAY });

function issuable(doc: CaseDoc, kind: LetterKind, lang: LetterLang): boolean {
  try {
    const p = prepareLetter({
      doc,
      kind,
      lang,
      options: KIND_OPTIONS[kind],
      settings: DEFAULT_LETTER_SETTINGS,
      today: TODAY,
      letterId: 'a'.repeat(26),
      version: 1,
      draft: true,
      signer: { name: 'Ola Hansen', memberId: 'b'.repeat(26), kid: 'k'.repeat(43) },
      obligations: caseObligations({ caseId: doc.id, doc }, TODAY, DEFAULT_SETTINGS).obligations,
    });
    return !hasErrors(p.findings);
  } catch {
    return false; // LETTER_DATA_MISSING / LETTER_OUTDATED: not this case
  }
}

describe('the demo can issue nynorsk letters', () => {
  const docs = demo.cases.map((c) => caseDoc.parse(c) as CaseDoc);

  it('every kind issuable in bokmål from the demo is issuable in nynorsk from some demo case', () => {
    const both: string[] = [];
    for (const kind of LETTER_KINDS) {
      const nb = docs.filter((d) => issuable(d, kind, 'nb'));
      if (nb.length === 0) continue;
      expect(
        docs.some((d) => issuable(d, kind, 'nn')),
        `a demo case issues ${kind} in nynorsk`,
      ).toBe(true);
      both.push(kind);
    }
    // Not vacuous: the kinds with measures and voices (the texts the demo translates) are among them.
    expect(both).toEqual(expect.arrayContaining(['anbefaling', 'sakkyndig-vurdering', 'tiltaksoversikt']));
  });

  it('records nynorsk only for a text with no bokmål word left', () => {
    expect(demoNynorskText('6 uker')).toBe('6 veker');
    expect(demoNynorskText('Jeg får vondt i magen søndag kveld.')).toBe('Eg får vondt i magen søndag kveld.');
    // A sentence the list does not know keeps its bokmål, and the case its finding.
    expect(demoNynorskText('Jeg får vondt i magen. Hvorfor vet ingen.')).toBeNull();
    for (const d of docs)
      for (const v of Object.values(d.nynorsk ?? {}))
        if (v.text && !v.text.includes('gjennomgått')) expect(readsAsBokmal(v.text), v.text).toBe(false);
  });
});
