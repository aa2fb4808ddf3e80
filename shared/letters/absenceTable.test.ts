import { describe, expect, it } from 'vitest';
import { caseDoc, type CaseDoc } from '../domain/caseDoc';
import { prepareLetter, textOf, type LetterKind } from './index';
import type { LetterLang } from './kinds';
import { completeCase, KIND_OPTIONS, LETTER_TODAY } from './letters.fixture';
import { readsAsBokmal } from './nynorskWords';
import { DEFAULT_LETTER_SETTINGS } from './settings';

/** Issue 15 item 1: the letters that report progress carry the absence table since the referral. */
const period = (from: string, to: string, wholeDays: number, partialDays: number) => ({
  from,
  to,
  wholeDays,
  partialDays,
  type: 'udokumentert' as const,
  source: null,
});
// The referral was received 7 January 2026; December 2025 is before it and is left out.
const ABSENCE = [
  period('2025-12-01', '2025-12-19', 1, 0),
  period('2026-01-01', '2026-01-31', 2, 0),
  period('2026-02-01', '2026-02-28', 4, 2),
  period('2026-04-01', '2026-04-30', 3, 2),
];
const HOLIDAYS = [
  { from: '2026-02-23', to: '2026-02-27' }, // vinterferie, week 9
  { from: '2026-03-30', to: '2026-04-06' }, // påskeferie
];

function letter(kind: LetterKind, lang: LetterLang, holidays: { from: string; to: string }[] = []) {
  const doc = caseDoc.parse({ ...completeCase(), absence: ABSENCE }) as CaseDoc;
  return prepareLetter({
    doc,
    kind,
    lang,
    options: KIND_OPTIONS[kind],
    settings: { ...DEFAULT_LETTER_SETTINGS, letterhead: { serviceName: 'PPT Bærum', phone: '67 50 00 00' } },
    today: LETTER_TODAY,
    letterId: 'a'.repeat(26),
    version: 1,
    draft: false,
    signer: { name: 'Ola Hansen', memberId: 'b'.repeat(26), kid: 'k'.repeat(43) },
    registers: { school: null, contact: null, schoolHolidays: holidays },
  });
}

describe('the absence table in letters', () => {
  it('tiltaksoversikt (nb): the months since the referral with the rate the app shows', () => {
    const p = letter('tiltaksoversikt', 'nb');
    expect(p.model.absenceTable).toEqual({
      since: '2026-01-07',
      holidays: false,
      months: [
        { month: '2026-01', schoolDays: 21, absentDays: 2, percent: 9.5 },
        { month: '2026-02', schoolDays: 20, absentDays: 5, percent: 25 },
        { month: '2026-04', schoolDays: 19, absentDays: 4, percent: 21.1 },
      ],
    });
    const text = textOf(p.layout);
    expect(text).toContain('Fravær siden henvisningen');
    expect(text).toContain('siden saken ble henvist 7. januar 2026');
    const table = p.layout.blocks.find((b) => b.t === 'table' && b.head[0] === 'Måned') as
      { rows: string[][] } | undefined;
    expect(table?.rows).toEqual([
      ['januar 2026', '21', '2', '9,5 %'],
      ['februar 2026', '20', '5', '25 %'],
      ['april 2026', '19', '4', '21,1 %'],
    ]);
    expect(p.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('oppfølgingsbrev (nn): the school holidays entered leave the school days, in nynorsk', () => {
    const p = letter('oppfolgingsbrev', 'nn', HOLIDAYS);
    // February: 20 less vinterferie 23–27 = 15; April: 19 less 1 April (påskeferie) = 18.
    expect(p.model.absenceTable?.months).toEqual([
      { month: '2026-01', schoolDays: 21, absentDays: 2, percent: 9.5 },
      { month: '2026-02', schoolDays: 15, absentDays: 5, percent: 33.3 },
      { month: '2026-04', schoolDays: 18, absentDays: 4, percent: 22.2 },
    ]);
    const text = textOf(p.layout);
    expect(text).toContain('Fråvær sidan tilvisinga');
    expect(text).toContain('Skuledagar er kvardagar utan heilagdagar og skuleferiar.');
    const table = p.layout.blocks.find((b) => b.t === 'table' && b.head[0] === 'Månad');
    expect(table).toBeDefined();
    // Bro's own words in the section are nynorsk (the same scan as CASE_TEXT_BOKMAL).
    const lead = p.layout.blocks.find((b) => b.t === 'p' && b.text.startsWith('Tabellen viser')) as {
      text: string;
    };
    expect(readsAsBokmal(lead.text)).toBe(false);
  });

  it('kinds that do not report progress, and cases without figures, carry no table', () => {
    expect(letter('anbefaling', 'nb').model.absenceTable).toBeUndefined();
    const doc = caseDoc.parse(completeCase()) as CaseDoc;
    const p = prepareLetter({
      doc,
      kind: 'tiltaksoversikt',
      lang: 'nb',
      options: {},
      settings: DEFAULT_LETTER_SETTINGS,
      today: LETTER_TODAY,
      letterId: 'a'.repeat(26),
      version: 1,
      draft: true,
      signer: null,
    });
    expect(p.model.absenceTable).toBeNull();
    expect(textOf(p.layout)).not.toContain('Fravær siden henvisningen');
  });
});
