import { describe, expect, it } from 'vitest';
import { caseDoc, type CaseDoc } from '../domain/caseDoc';
import { generateDemo } from '../demo/generate';
import {
  canonicalJson,
  letterSummary,
  prepareLetter,
  textOf,
  verificationCode,
  type LetterKind,
} from './index';
import { LETTER_KINDS, type LetterLang } from './kinds';
import { completeCase, KIND_OPTIONS, LETTER_TODAY, stillWaiting } from './letters.fixture';
import { DEFAULT_LETTER_SETTINGS } from './settings';

function letter(
  kind: LetterKind,
  lang: LetterLang,
  doc: CaseDoc = caseDoc.parse(
    kind === 'mottaksbrev' ? stillWaiting(completeCase()) : completeCase(),
  ) as CaseDoc,
) {
  return prepareLetter({
    doc,
    kind,
    lang,
    options: KIND_OPTIONS[kind],
    settings: {
      ...DEFAULT_LETTER_SETTINGS,
      letterhead: {
        serviceName: 'PPT Bærum',
        phone: '67 50 00 00',
        municipality: 'Bærum kommune, Oppvekst skole',
        municipalityAddress: 'Postboks 700, 1304 Sandvika',
      },
    },
    today: LETTER_TODAY,
    letterId: 'a'.repeat(26),
    version: 1,
    draft: false,
    signer: { name: 'Ola Hansen', memberId: 'b'.repeat(26), kid: 'k'.repeat(43) },
  });
}

/** Words each kind's text must contain, in bokmål and nynorsk. */
const EXPECT: Record<LetterKind, Record<LetterLang, string[]>> = {
  anbefaling: {
    nb: [
      'Anbefaling til skolen om tiltak for Áile Nango',
      'Kort fortalt',
      'Elevens stemme',
      'Foresattes syn',
      'Ansvarsfordeling',
      'Svarslipp fra rektor',
      'Hvem gjør det',
    ],
    nn: [
      'Tilråding til skulen om tiltak for Áile Nango',
      'Kort fortalt',
      'Eleven si stemme',
      'Syn frå føresette',
      'Ansvarsfordeling',
      'Svarslipp frå rektor',
      'Kven gjer det',
    ],
  },
  'sakkyndig-vurdering': {
    nb: [
      'Sakkyndig vurdering for Áile Nango',
      'Konklusjon',
      'Trenger eleven individuelt tilrettelagt opplæring?: Ja',
      'Omfang: 76 timer per skoleår',
      'Reduksjon: Færre kompetansemål i engelsk. Lovgrunnlag: opplæringslova kapittel 11.',
      'Har eleven, eller kan eleven få, et tilfredsstillende utbytte av opplæringen?',
      'Realistiske mål for opplæringen',
      'Slik har vi lagt vekt på synet til eleven og foresatte',
      'opplæringslova kapittel 11',
      'Statsforvalteren',
    ],
    nn: [
      'Sakkunnig vurdering for Áile Nango',
      'Konklusjon',
      'Treng eleven individuelt tilrettelagd opplæring?: Ja',
      'Omfang: 76 timar per skuleår',
      'Reduksjon: Færre kompetansemål i engelsk. Lovgrunnlag: opplæringslova kapittel 11.',
      'Har eleven, eller kan eleven få, eit tilfredsstillande utbyte av opplæringa?',
      'Realistiske mål for opplæringa',
      'Slik har vi lagt vekt på synet til eleven og føresette',
      'opplæringslova kapittel 11',
      'Statsforvaltaren',
    ],
  },
  mottaksbrev: {
    nb: [
      'Vi har mottatt henvisningen for Áile Nango',
      'Råd i ventetiden',
      'senest 26. mai 2026',
      'kontaktlærer',
    ],
    nn: ['Vi har fått tilvisinga for Áile Nango', 'Råd i ventetida', 'seinast 26. mai 2026', 'kontaktlærar'],
  },
  'ny-kontaktperson': {
    nb: [
      'Ny kontaktperson for Áile Nango',
      'Ola Hansen (rådgiver) er ny kontaktperson',
      'Tidligere kontaktperson',
      'ingen kontaktperson i 7 dager',
    ],
    nn: [
      'Ny kontaktperson for Áile Nango',
      'Ola Hansen (rådgjevar) er ny kontaktperson',
      'Tidlegare kontaktperson',
      'ingen kontaktperson i 7 dagar',
    ],
  },
  motereferat: {
    nb: [
      'Referat fra møte om Áile Nango',
      'Til stede',
      'Åpne avtaler fra forrige møte',
      'Sende ukeplan hjem fredag',
      'Ingen meldte uenighet',
    ],
    nn: [
      'Referat frå møte om Áile Nango',
      'Til stades',
      'Opne avtalar frå førre møte',
      'Sende ukeplan hjem fredag',
      'Ingen melde usemje',
    ],
  },
  tiltaksoversikt: {
    nb: ['Tiltaksoversikt for Áile Nango', 'Skolens svar', 'Skolen har ikke svart', 'Venter på svar'],
    nn: ['Tiltaksoversikt for Áile Nango', 'Svar frå skulen', 'Skulen har ikkje svart', 'Ventar på svar'],
  },
  oppfolgingsbrev: {
    nb: [
      'Oppfølging av avtaler for Áile Nango',
      'Over fristen',
      'Avtale: Sende ukeplan hjem fredag',
      '4 dager',
      'Dette ber vi om',
    ],
    nn: [
      'Oppfølging av avtalar for Áile Nango',
      'Over fristen',
      'Avtale: Sende ukeplan hjem fredag',
      '4 dagar',
      'Dette ber vi om',
    ],
  },
  avslutningsbrev: {
    nb: ['Avslutning av henvisningen for Áile Nango', 'Hvem har ansvaret nå', 'BUP Nordfjord', 'Hvorfor'],
    nn: ['Avslutning av tilvisinga for Áile Nango', 'Kven har ansvaret no', 'BUP Nordfjord', 'Kvifor'],
  },
  overgangsbrev: {
    nb: [
      'Overgangsbrev for Áile Nango',
      'begynner ved Hov ungdomsskole 17. august 2026',
      'Trygge voksne',
      'Hvem dere kan ringe',
    ],
    nn: [
      'Overgangsbrev for Áile Nango',
      'byrjar ved Hov ungdomsskole 17. august 2026',
      'Trygge vaksne',
      'Kven de kan ringje',
    ],
  },
  innkalling: {
    nb: ['Innkalling til møte om Áile Nango', 'Hvem må møte', '15. juni 2027', 'kl. 09.00', 'Saksliste'],
    nn: ['Innkalling til møte om Áile Nango', 'Kven må møte', '15. juni 2027', 'kl. 09.00', 'Sakliste'],
  },
};

describe('every kind in bokmål and nynorsk', () => {
  for (const kind of LETTER_KINDS)
    for (const lang of ['nb', 'nn'] as const)
      it(`${kind} (${lang})`, () => {
        const p = letter(kind, lang);
        const text = textOf(p.layout);
        for (const s of EXPECT[kind][lang]) expect(text).toContain(s);
        // Addressed to rektor, identical copies to kontaktlærer and foresatte, the marking, both contacts.
        // A sakkyndig vurdering goes to the municipality that decides, with its address.
        if (kind === 'sakkyndig-vurdering')
          expect(p.layout.to).toEqual(['Bærum kommune, Oppvekst skole', 'Postboks 700, 1304 Sandvika']);
        else if (kind === 'overgangsbrev') expect(p.layout.to[0]).toBe('Hov ungdomsskole');
        else expect(p.layout.to[0]).toBe('Rektor Anne Dahl');
        expect(p.layout.copies).toContain('Per Berg');
        expect(p.layout.copies).toContain('Ánde Nango');
        expect(p.layout.marking[0]).toBe(lang === 'nb' ? 'Unntatt offentlighet' : 'Unnateke offentlegheit');
        expect(text).toContain(
          'Siri Lie (sosiallærer)'.replace('sosiallærer', lang === 'nn' ? 'sosiallærar' : 'sosiallærer'),
        );
        expect(text).toContain('PPT Bærum');
        // Klarspråk: plain prose.
        expect(p.lix.lix).toBeLessThan(45);
      });

  it('a nynorsk letter has no bokmål template words', () => {
    for (const kind of LETTER_KINDS) {
      const p = letter(kind, 'nn');
      const own = [p.layout.title, ...p.layout.blocks.flatMap((b) => (b.t === 'h2' ? [b.text] : []))].join(
        ' ',
      );
      for (const word of [' ikke ', ' hva ', ' hvem ', ' fra ', 'skolen ', ' foresatte'])
        expect(own).not.toContain(word);
    }
  });
});

describe('from demo cases', () => {
  const file = generateDemo({ cases: 30, seed: 'brev', today: '2026-11-26' });
  it('every kind renders from some demo case in both languages', () => {
    for (const kind of LETTER_KINDS) {
      let rendered = 0;
      for (const c of file.cases) {
        try {
          for (const lang of ['nb', 'nn'] as const) {
            const p = letter(kind, lang, caseDoc.parse(c) as CaseDoc);
            expect(textOf(p.layout)).toContain(c.pupil.name);
          }
          rendered++;
        } catch (e) {
          expect(['LETTER_DATA_MISSING', 'LETTER_OUTDATED']).toContain((e as { code?: string }).code);
        }
      }
      expect(rendered, kind).toBeGreaterThan(0);
    }
  });
});

describe('the structured letter', () => {
  it('is canonical JSON: sorted keys, no white space, stable', () => {
    const p = letter('anbefaling', 'nb');
    const json = canonicalJson(p.model);
    expect(json).toBe(canonicalJson(JSON.parse(json)));
    expect(json.startsWith('{"addressee":')).toBe(true);
    expect(json).not.toMatch(/\n/u);
  });

  it('says what it asks of whom, by when, and when it is evaluated', () => {
    const s = letterSummary(letter('anbefaling', 'nb').model);
    expect(s.recommendations[1]).toEqual({
      what: 'Trygg start: miljøterapeut tar imot eleven i garderoben hver morgen.',
      responsible: { role: 'miljøterapeut', name: 'Kari Håland' },
      leader: { role: 'avdelingsleder', name: 'Bjørg Nilsen' },
      start: '2026-05-18',
      evaluation: { date: '2026-06-26', method: 'elevsamtale', convenedBy: 'rektor' },
    });
  });

  it('has a short verification code from its hash', () => {
    expect(verificationCode('0'.repeat(64))).toBe('AAAA-AAAA-AAAA');
    expect(verificationCode('f'.repeat(64))).toBe('7777-7777-7777');
    expect(verificationCode('d5dc9f98c0ee408402bbbddd8e065635509ce48c5ba030ea8e3bfee847269ea1')).toMatch(
      /^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/u,
    );
  });
});
