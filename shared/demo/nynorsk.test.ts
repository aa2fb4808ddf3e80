import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/days';
import { demoFamilyNynorsk, demoNynorskText, demoReasonNynorsk } from './nynorsk';
import { generateDemo } from './generate';
import { caseObligations } from '../cases/obligations';
import { caseDoc, type CaseDoc } from '../domain/caseDoc';
import {
  DEFAULT_LETTER_SETTINGS,
  LETTER_KINDS,
  LETTER_LANGS,
  prepareLetter,
  type LetterKind,
  type LetterLang,
} from '../letters';
import { hasErrors } from '../letters/checks';
import { kindOptions } from '../letters/letters.fixture';
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
      options: {
        ...kindOptions(kind, lang),
        // The caseworker's promise of a first contact lies ahead of the letter's date.
        ...(kind === 'mottaksbrev' ? { expectedFirstContact: addDays(TODAY, 14) } : {}),
      },
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

describe('the demo can issue every letter kind, in bokmål and in nynorsk', () => {
  const docs = demo.cases.map((c) => caseDoc.parse(c) as CaseDoc);

  for (const kind of LETTER_KINDS)
    it(`${kind}: some demo case issues it as it stands, in both languages`, () => {
      for (const lang of LETTER_LANGS)
        expect(
          docs.some((d) => issuable(d, kind, lang)),
          `a demo case issues ${kind} in ${lang}`,
        ).toBe(true);
    });

  it('a mottaksbrev from a demo case with a received referral and no first contact yet', () => {
    const waiting = docs.filter((d) => {
      const ref = d.referrals?.find((r) => r.closed == null && r.concluded == null);
      return ref != null && ref.received <= TODAY && ref.firstContact == null;
    });
    for (const lang of LETTER_LANGS)
      expect(
        waiting.some((d) => issuable(d, 'mottaksbrev', lang)),
        `a waiting demo case issues mottaksbrev in ${lang}`,
      ).toBe(true);
  });

  it('the referral reason under «Bakgrunn» has its nynorsk in the demo', () => {
    let seen = 0;
    for (const d of docs)
      for (const r of d.referrals ?? []) {
        if (!r.reason) continue;
        const nn = d.nynorsk?.[`referrals/${r.id}/reason`]?.text;
        expect(nn, r.reason).toBeTruthy();
        expect(readsAsBokmal(nn)).toBe(false);
        seen++;
      }
    expect(seen).toBeGreaterThan(10);
    // A second referral says so in nynorsk too.
    expect(demoReasonNynorsk('ufrivillig skolefravær (ny henvisning)')).toBe(
      'ufrivillig skulefråvær (ny tilvising)',
    );
    expect(demoReasonNynorsk('en grunn demoen ikke skrev')).toBeNull();
  });

  it('the pupil’s dated words and the family’s proposals and answers have their nynorsk in the demo', () => {
    let seen = 0;
    for (const d of docs) {
      const texts: [string, string | null | undefined][] = [
        ...(d.voices ?? []).flatMap((v) =>
          (['said', 'wishes', 'helps', 'hurts'] as const).map(
            (f) => [`voices/${v.id ?? v.date}/${f}`, v[f]] as [string, string | null | undefined],
          ),
        ),
        ...(d.proposals ?? []).flatMap((p) => [
          [`proposals/${p.id ?? p.date}/what`, p.what] as [string, string | null | undefined],
          [`proposals/${p.id ?? p.date}/reason`, p.reason] as [string, string | null | undefined],
        ]),
      ];
      for (const [key, text] of texts) {
        if (!text || !readsAsBokmal(text)) continue;
        const nn = d.nynorsk?.[key]?.text;
        expect(nn, `${d.id} ${key}`).toBeTruthy();
        expect(readsAsBokmal(nn)).toBe(false);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(5);
    expect(demoFamilyNynorsk('Når Kari Nordmann ringer før helgen.')).toBe(
      'Når Kari Nordmann ringjer før helga.',
    );
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
