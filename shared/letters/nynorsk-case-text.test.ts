import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/days';
import { caseObligations } from '../cases/obligations';
import { generateDemo } from '../demo/generate';
import { caseDoc, type CaseDoc } from '../domain/caseDoc';
import { DEFAULT_SETTINGS } from '../waiting/settings';
import { DEFAULT_LETTER_SETTINGS, LETTER_KINDS, prepareLetter, type LetterKind } from './index';
import { KIND_OPTIONS } from './letters.fixture';
import { caseTextAt } from './nynorskWords';

/**
 * Issue 16, item 4: every case text a nynorsk letter prints is checked. Each demo case is issued in
 * nynorsk with its nynorsk texts taken away; every CASE_TEXT_BOKMAL names a place caseTextAt finds,
 * every kind of place listed below is met, and writing the nynorsk text (or keeping the bokmål with
 * a reason) at that place clears the finding and, for a written text, prints it.
 */
const TODAY = '2026-12-05';
const demo = generateDemo({ cases: 40, seed: 'bro', today: TODAY });
const docs = demo.cases.map((c) => caseDoc.parse(c) as CaseDoc);

function prepare(doc: CaseDoc, kind: LetterKind) {
  try {
    return prepareLetter({
      doc,
      kind,
      lang: 'nn',
      options: {
        // The sakkyndig vurdering from the case's own topics, not the fixture's wording.
        ...(kind === 'sakkyndig-vurdering' ? {} : KIND_OPTIONS[kind]),
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
  } catch {
    return null; // LETTER_DATA_MISSING / LETTER_OUTDATED: not this case
  }
}

const bokmalKeys = (p: ReturnType<typeof prepare>): string[] =>
  (p?.findings ?? []).filter((f) => f.code === 'CASE_TEXT_BOKMAL').map((f) => String(f.field));

/** The kinds of place, as a key's shape with ids and numbers left out. */
const shape = (key: string) =>
  key
    .replace(/^(\w+)\/[^/]+\//u, '$1/*/')
    .replace(/\.\d+\./gu, '.n.')
    .replace(/\.\d+$/u, '.n')
    .replace(/evaluations\.[^.]+\.why/u, 'evaluations.*.why');

const EXPECTED = [
  'assessmentConclusion/content',
  'assessmentConclusion/viewsWeighed',
  'assessmentConclusion/topics.goals',
  'assessmentConclusion/topics.sources',
  'assignments/*/handoverNote.openPromises',
  'assignments/*/handoverNote.nextDeadlines',
  'expectations/canOffer',
  'expectations/timeline',
  'hearings/*/comment',
  'meetings/*/agreements.n.what',
  'meetings/*/decisions.n',
  'meetings/*/dissent.n.text',
  'parentsUnderstanding',
  'schoolUnderstanding',
  'proposals/*/what',
  'pupilVoice',
  'parentsView',
  'recommendations/*/evaluations.*.why',
  'recommendations/*/schoolAnswer.reason',
  'recommendations/*/what',
  'referrals/*/reason',
  'voices/*/how',
  'voices/*/said',
];

describe('CASE_TEXT_BOKMAL: every case text a nynorsk letter prints', () => {
  const found: { doc: CaseDoc; kind: LetterKind; key: string }[] = [];
  for (const d of docs) {
    const bare = { ...d, nynorsk: {} } as CaseDoc;
    for (const kind of LETTER_KINDS)
      for (const key of bokmalKeys(prepare(bare, kind))) found.push({ doc: bare, kind, key });
  }
  const shapes = new Set(found.map((f) => shape(f.key)));

  it('meets every kind of place in the demo', () => {
    for (const s of EXPECTED) expect([...shapes], s).toContain(s);
  });

  it('names a place the case has text at', () => {
    for (const f of found) expect(caseTextAt(f.doc, f.key), f.key).not.toBeNull();
    expect(found.length).toBeGreaterThan(EXPECTED.length);
  });

  it('is cleared by the nynorsk text, which the letter then prints; or by a reason to keep it', () => {
    // One finding per kind of place (the first met), so the test stays quick.
    const seen = new Set<string>();
    for (const f of found) {
      if (seen.has(shape(f.key))) continue;
      seen.add(shape(f.key));
      const marker = `Nynorsk tekst ${seen.size} skriven av saksbehandlaren.`;
      const written = prepare({ ...f.doc, nynorsk: { [f.key]: { text: marker } } } as CaseDoc, f.kind);
      expect(bokmalKeys(written), f.key).not.toContain(f.key);
      expect(JSON.stringify(written?.model), f.key).toContain(marker);
      const kept = prepare(
        { ...f.doc, nynorsk: { [f.key]: { keepReason: 'Sitat, skal stå som det vart sagt.' } } } as CaseDoc,
        f.kind,
      );
      expect(bokmalKeys(kept), f.key).not.toContain(f.key);
    }
    expect(seen.size).toBeGreaterThanOrEqual(EXPECTED.length);
  });

  it('checks a reduction or exemption and its legal basis in the sakkyndig vurdering', () => {
    const doc = docs.find((d) => d.assessmentConclusion?.needed && d.assessmentConclusion.deviations?.length);
    expect(doc, 'a demo case with a reduction').toBeDefined();
    const bare = { ...doc!, nynorsk: {} } as CaseDoc;
    const c = bare.assessmentConclusion!;
    bare.assessmentConclusion = {
      ...c,
      deviations: [
        { ...c.deviations![0]!, what: 'Fritak fra vurdering med karakter i engelsk, ikke fra opplæringen' },
      ],
    };
    expect(bokmalKeys(prepare(bare, 'sakkyndig-vurdering'))).toContain(
      'assessmentConclusion/deviations.0.what',
    );
  });
});
