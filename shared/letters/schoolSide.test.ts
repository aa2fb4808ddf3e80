import { describe, expect, it } from 'vitest';
import { caseDoc, type CaseDoc, type CaseDocInput } from '../domain/caseDoc';
import { SCHOOL_FACTORS } from '../domain/schoolSide';
import { missingSchoolFactors } from '../school/factors';
import { findBlameFraming } from './blame';
import type { Finding } from './checks';
import { prepareLetter, type LetterKind, type LetterOptions } from './index';
import { layoutLetter } from './layout';
import { completeCase as good, KIND_OPTIONS as OPTIONS, LETTER_TODAY as TODAY } from './letters.fixture';
import { DEFAULT_LETTER_SETTINGS } from './settings';

/** Issue 13 item 6: the school-factor checklist, blame framing, and the two understandings. */
function check(
  doc: CaseDocInput,
  kind: LetterKind = 'anbefaling',
  options: LetterOptions = OPTIONS[kind],
  lang: 'nb' | 'nn' = 'nb',
) {
  return prepareLetter({
    doc: caseDoc.parse(doc) as CaseDoc,
    kind,
    lang,
    options,
    settings: DEFAULT_LETTER_SETTINGS,
    today: TODAY,
    letterId: 'a'.repeat(26),
    version: 1,
    draft: false,
    signer: { name: 'Ola Hansen', memberId: 'b'.repeat(26), kid: 'k'.repeat(43) },
  });
}
const codes = (fs: Finding[]) => fs.map((f) => `${f.code}@${f.path.join('.')}`);

describe('missingSchoolFactors', () => {
  it('a case from before the checklist misses every factor, in checklist order', () => {
    expect(missingSchoolFactors({})).toEqual([...SCHOOL_FACTORS]);
    expect(missingSchoolFactors({ schoolFactors: null })).toEqual([...SCHOOL_FACTORS]);
  });
  it('the complete checklist misses nothing; «ukjent» counts as assessed', () => {
    const c = good();
    expect(missingSchoolFactors(caseDoc.parse(c))).toEqual([]);
    expect(c.schoolFactors!.vikarbruk!.assessed).toBe('ukjent');
  });
  it('«et problem» without a note is not done', () => {
    const c = good();
    c.schoolFactors!.stoyOgUro = { assessed: 'et problem', note: '  ' };
    expect(missingSchoolFactors(caseDoc.parse(c))).toEqual(['stoyOgUro']);
  });
});

describe('SCHOOL_FACTORS_MISSING', () => {
  for (const kind of ['anbefaling', 'sakkyndig-vurdering'] as const)
    it(`stops ${kind} until the checklist is complete`, () => {
      const c = good();
      delete c.schoolFactors!.klasseledelse;
      delete c.schoolFactors!.vikarbruk;
      // The sakkyndig vurdering also warns when no municipality is set: only errors count here.
      const f = check(c, kind).findings.filter((x) => x.severity === 'error');
      expect(codes(f)).toEqual(['SCHOOL_FACTORS_MISSING@schoolFactors.klasseledelse']);
      expect(f[0]).toMatchObject({ severity: 'error', field: 'klasseledelse,vikarbruk' });
      c.schoolFactors!.klasseledelse = { assessed: 'ikke et problem' };
      c.schoolFactors!.vikarbruk = { assessed: 'et problem', note: 'Mange vikartimer i vår.' };
      expect(codes(check(c, kind).findings.filter((x) => x.severity === 'error'))).toEqual([]);
    });
  it('an old case without the checklist is a finding, not an error reading it', () => {
    const c = good();
    delete c.schoolFactors;
    const p = check(c);
    expect(codes(p.findings)).toEqual(['SCHOOL_FACTORS_MISSING@schoolFactors.mobbing']);
  });
  it('other kinds do not ask for it', () => {
    const c = good();
    delete c.schoolFactors;
    for (const kind of ['tiltaksoversikt', 'motereferat', 'ny-kontaktperson'] as const)
      expect(codes(check(c, kind).findings)).toEqual([]);
  });
});

describe('findBlameFraming', () => {
  it('finds the study’s examples, bokmål and nynorsk, with a rewrite', () => {
    expect(findBlameFraming('Vi mener hjemmet opprettholder fraværet.').map((h) => h.phrase)).toEqual([
      'hjemmet opprettholder fraværet',
    ]);
    expect(findBlameFraming('Foreldrene klarer ikke å sette grenser om morgenen.')[0]?.phrase).toBe(
      'foreldrene klarer ikke å sette grenser',
    );
    expect(findBlameFraming('Foreldra klarer ikkje å setje grenser.')[0]?.phrase).toBe(
      'foreldrene klarer ikke å sette grenser',
    );
    expect(findBlameFraming('Heimen held ved lag fråværet.')[0]?.rewrite.nn).toMatch(/skulen og heimen/);
    expect(findBlameFraming('Det er manglende grensesetting.')).toHaveLength(1);
  });
  it('leaves partnership wording and other words alone', () => {
    expect(findBlameFraming('Skolen og hjemmet samarbeider om en plan.')).toEqual([]);
    expect(findBlameFraming('Foreldrene setter grenser sammen med skolen.')).toEqual([]);
    expect(findBlameFraming('hjemmetopprettholder fraværet')).toEqual([]);
  });
});

describe('BLAME_FRAMING', () => {
  it('flags the phrase where it is, with a partnership rewrite in the letter’s language', () => {
    const c = good();
    c.recommendations![1]!.goal = 'Hjemmet opprettholder fraværet, så morgenen må bli tryggere.';
    const f = check(c).findings;
    expect(codes(f)).toEqual(['BLAME_FRAMING@recommendations.1.goal']);
    expect(f[0]).toMatchObject({ phrase: 'hjemmet opprettholder fraværet', severity: 'error' });
    expect(f[0]!.suggestion).toMatch(/skolen og hjemmet/);
    expect(check(c, 'anbefaling', OPTIONS.anbefaling, 'nn').findings[0]!.suggestion).toMatch(
      /skulen og heimen/,
    );
  });
  it('reads the school’s understanding as recorded, not the parents’ own words', () => {
    const c = good();
    c.schoolUnderstanding = 'Foreldrene klarer ikke å sette grenser.';
    c.parentsUnderstanding = 'Skolen sier at hjemmet opprettholder fraværet.';
    expect(codes(check(c).findings)).toEqual(['BLAME_FRAMING@schoolUnderstanding']);
  });
  it('can be kept with a reason, like a vague phrase', () => {
    const c = good();
    c.recommendations![1]!.goal = 'Foreldrene klarer ikke å sette grenser.';
    const keep = [
      { phrase: 'foreldrene klarer ikke å sette grenser', reason: 'Sitat fra møtet, avtalt med foreldrene.' },
    ];
    expect(codes(check(c, 'anbefaling', { ...OPTIONS.anbefaling, keep }).findings)).toEqual([]);
  });
});

describe('understandings side by side', () => {
  it('the letter shows both in one table, in both languages', () => {
    const c = good();
    c.schoolUnderstanding = 'Skolen ser at eleven strever i friminuttene.';
    c.parentsUnderstanding = 'Vi ser at morgenen er vanskelig.';
    for (const lang of ['nb', 'nn'] as const) {
      const p = check(c, 'anbefaling', OPTIONS.anbefaling, lang);
      expect(p.model.understandings).toEqual({
        school: 'Skolen ser at eleven strever i friminuttene.',
        parents: 'Vi ser at morgenen er vanskelig.',
      });
      const l = layoutLetter(p.model);
      const table = l.blocks.find(
        (b) => b.t === 'table' && b.rows[0]?.[0] === 'Skolen ser at eleven strever i friminuttene.',
      );
      expect(table).toMatchObject({
        head:
          lang === 'nb'
            ? ['Skolens forståelse', 'Foresattes forståelse']
            : ['Forståinga til skulen', 'Forståinga til føresette'],
        rows: [['Skolen ser at eleven strever i friminuttene.', 'Vi ser at morgenen er vanskelig.']],
      });
    }
  });
  it('one recorded: the other column says so; none recorded: no section', () => {
    const c = good();
    c.parentsUnderstanding = 'Vi ser at morgenen er vanskelig.';
    const l = layoutLetter(check(c).model);
    expect(l.blocks.some((b) => b.t === 'table' && b.rows[0]?.[0] === 'Ikke registrert.')).toBe(true);
    expect(check(good()).model.understandings).toBeNull();
  });
});
