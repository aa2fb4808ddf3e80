import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDirs } from './helpers/cli';
import { renderLetter } from '../../electron/services/letters/render';
import { addDays } from '../../shared/calendar/days';
import { caseObligations } from '../../shared/cases/obligations';
import { generateDemo } from '../../shared/demo/generate';
import { caseDoc, type CaseDoc } from '../../shared/domain/caseDoc';
import {
  DEFAULT_LETTER_SETTINGS,
  LETTER_KINDS,
  prepareLetter,
  type LetterKind,
  type LetterLang,
} from '../../shared/letters';
import { completeCase, KIND_OPTIONS, LETTER_TODAY } from '../../shared/letters/letters.fixture';
import type { LetterOptions } from '../../shared/letters/options';
import { DEFAULT_SETTINGS } from '../../shared/waiting/settings';
import { MONTHS } from '../../shared/letters/datesIn';

/**
 * Issue 16: a letter is true on the day it is issued. Every kind, in both languages, rendered to a
 * real PDF from a demo case on a date after the case's deadlines (the demo is made on DEMO_TODAY,
 * the letters are dated LETTER_DATE): read back with pdftotext, no date after "senest"/"innen"
 * ("seinast"/"innan") lies before the letter's date. Set BRO_LETTERS_OUT to keep the PDFs.
 */
const run = promisify(execFile);
const DEMO_TODAY = '2026-11-26';
const LETTER_DATE = '2027-02-15';
const tempDir = tempDirs('bro-letters-true-');

/** Every date that follows senest/innen/seinast/innan, as YYYY-MM-DD. */
function promisedDates(text: string): string[] {
  const flat = text.replace(/\s+/gu, ' ');
  const out: string[] = [];
  const re = new RegExp(
    `\\b(?:senest|innen|seinast|innan) (?:(\\d{1,2})\\. (${MONTHS.join('|')}) (\\d{4})|(\\d{2})\\.(\\d{2})\\.(\\d{4}))`,
    'giu',
  );
  for (const m of flat.matchAll(re)) {
    if (m[1])
      out.push(
        `${m[3]}-${String(MONTHS.indexOf(m[2]!.toLowerCase()) + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`,
      );
    else out.push(`${m[6]}-${m[5]}-${m[4]}`);
  }
  return out;
}

const demo = generateDemo({ cases: 40, seed: 'sann-dato', today: DEMO_TODAY });

function prepare(doc: CaseDoc, kind: LetterKind, lang: LetterLang, options: LetterOptions, draft: boolean) {
  return prepareLetter({
    doc,
    kind,
    lang,
    options,
    settings: DEFAULT_LETTER_SETTINGS,
    today: LETTER_DATE,
    letterId: 'a'.repeat(26),
    version: 1,
    draft,
    signer: { name: 'Ola Hansen', memberId: 'b'.repeat(26), kid: 'k'.repeat(43) },
    obligations: caseObligations({ caseId: doc.id, doc }, LETTER_DATE, DEFAULT_SETTINGS).obligations,
  });
}

/** The demo cases this kind can be written for on LETTER_DATE (the others are LETTER_DATA_MISSING or LETTER_OUTDATED). */
function casesFor(kind: LetterKind): CaseDoc[] {
  const out: CaseDoc[] = [];
  for (const c of demo.cases) {
    const doc = caseDoc.parse(c) as CaseDoc;
    try {
      prepare(doc, kind, 'nb', options(kind), true);
      out.push(doc);
    } catch (e) {
      expect(['LETTER_DATA_MISSING', 'LETTER_OUTDATED']).toContain((e as { code?: string }).code);
    }
  }
  return out;
}

const options = (kind: LetterKind): LetterOptions => ({
  ...KIND_OPTIONS[kind],
  ...(kind === 'mottaksbrev' ? { expectedFirstContact: addDays(LETTER_DATE, 14) } : {}),
});

describe('no letter presents a past date as one to come', () => {
  for (const kind of LETTER_KINDS)
    it(kind, async () => {
      const docs = casesFor(kind);
      expect(docs.length, `a demo case for ${kind}`).toBeGreaterThan(0);
      const dir = process.env.BRO_LETTERS_OUT ?? tempDir();
      mkdirSync(dir, { recursive: true });
      // Up to three cases per kind: the deadlines differ from case to case.
      for (const doc of docs.slice(0, 3))
        for (const lang of ['nb', 'nn'] as const) {
          const p = prepare(doc, kind, lang, options(kind), true);
          const { pdf } = await renderLetter({
            layout: p.layout,
            code: null,
            draft: true,
            attachments: [],
            seal: false,
            pades: null,
            time: new Date(`${LETTER_DATE}T09:00:00Z`),
          });
          const file = path.join(dir, `${kind}-${lang}-${doc.id}.pdf`);
          writeFileSync(file, pdf);
          const text = (await run('pdftotext', ['-layout', file, '-'])).stdout;
          expect(text).toContain(doc.pupil.name);
          for (const d of promisedDates(text)) expect(d >= LETTER_DATE, `${kind} ${lang}: ${d}`).toBe(true);
          // The signature is never alone on its page: some of the letter's text is above it there.
          const pages = text.split('\f');
          const at = pages.findIndex((pg) => /Med (hilsen|helsing)/u.test(pg));
          expect(at, `${kind} ${lang}: signature`).toBeGreaterThan(-1);
          const above = pages[at]!.split(/Med (?:hilsen|helsing)/u)[0]!
            .split('\n')
            .slice(1) // the running head
            .join(' ')
            .replace(/\s+/gu, ' ')
            .trim();
          expect(above.length, `${kind} ${lang}: text above the signature on its page`).toBeGreaterThan(40);
        }
    });

  it('the date reader finds both date styles (a test that cannot fail is a defect)', () => {
    expect(promisedDates('svar innen 4. desember 2026 og seinast\n03.01.2027')).toEqual([
      '2026-12-04',
      '2027-01-03',
    ]);
  });
});

describe('sakkyndig vurdering as the law has it (item 1), read back from the PDF', () => {
  const settings = {
    ...DEFAULT_LETTER_SETTINGS,
    letterhead: {
      serviceName: 'PPT Bærum',
      municipality: 'Bærum kommune, Oppvekst skole',
      municipalityAddress: 'Postboks 700, 1304 Sandvika',
    },
  };
  async function pdfText(lang: LetterLang, conclusion: CaseDoc['assessmentConclusion']): Promise<string> {
    const doc = caseDoc.parse({ ...completeCase(), assessmentConclusion: conclusion }) as CaseDoc;
    const p = prepareLetter({
      doc,
      kind: 'sakkyndig-vurdering',
      lang,
      options: KIND_OPTIONS['sakkyndig-vurdering'],
      settings,
      today: LETTER_TODAY,
      letterId: 'a'.repeat(26),
      version: 1,
      draft: false,
      signer: { name: 'Ola Hansen', memberId: 'b'.repeat(26), kid: 'k'.repeat(43) },
    });
    const { pdf } = await renderLetter({
      layout: p.layout,
      code: 'AAAA-BBBB-CCCC',
      draft: false,
      attachments: [],
      seal: false,
      pades: null,
      time: new Date(`${LETTER_TODAY}T09:00:00Z`),
    });
    const file = path.join(tempDir(), `sakkyndig-${lang}.pdf`);
    writeFileSync(file, pdf);
    return (await run('pdftotext', [file, '-'])).stdout.replace(/\s+/gu, ' ');
  }

  it('the conclusion first, reductions with their legal basis, the views weighed, to the municipality', async () => {
    const full = completeCase().assessmentConclusion;
    for (const lang of ['nb', 'nn'] as const) {
      const text = await pdfText(lang, full);
      const nb = lang === 'nb';
      // Addressed to the municipality that decides, with its address; a copy to the family.
      expect(text).toContain('Bærum kommune, Oppvekst skole');
      expect(text).toContain('Postboks 700, 1304 Sandvika');
      expect(text).toMatch(
        nb ? /Kopi med lik tekst til foresatt Ánde Nango/u : /Kopi med lik tekst til føresett Ánde Nango/u,
      );
      // The conclusion, in the order the law asks for, before the topics.
      const at = (s: string) => {
        const i = text.indexOf(s);
        expect(i, s).toBeGreaterThan(-1);
        return i;
      };
      const order = nb
        ? [
            'Konklusjon',
            'Trenger eleven',
            '76 timer per skoleår',
            'Spesialpedagog leder øktene',
            '30. juni 2027',
            '1. mars 2027',
            'Reduksjon: Færre kompetansemål i engelsk. Lovgrunnlag: opplæringslova kapittel 11.',
            'Slik har vi lagt vekt på synet til eleven og foresatte',
            'Har eleven, eller kan eleven få, et tilfredsstillende utbytte av opplæringen?',
          ]
        : [
            'Konklusjon',
            'Treng eleven',
            '76 timar per skuleår',
            'Spesialpedagog leder øktene',
            '30. juni 2027',
            '1. mars 2027',
            'Reduksjon: Færre kompetansemål i engelsk. Lovgrunnlag: opplæringslova kapittel 11.',
            'Slik har vi lagt vekt på synet til eleven og føresette',
            'Har eleven, eller kan eleven få, eit tilfredsstillande utbyte av opplæringa?',
          ];
      const positions = order.map(at);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      // No reply slip; the route: enkeltvedtak, klage within three weeks, Statsforvalteren.
      expect(text).not.toMatch(/Svarslipp/u);
      expect(text).toContain(nb ? 'innen tre uker' : 'innan tre veker');
      expect(text).toContain(nb ? 'avgjør Statsforvalteren' : 'avgjer Statsforvaltaren');
    }
  });

  it('«Nei» says why with the law, and no extent; no reduction is said as such', async () => {
    const text = await pdfText('nb', { needed: false, viewsWeighed: 'Far og eleven er enige.' });
    // The answer sits beside the question's first line, wherever pdftotext breaks the label.
    expect(text).toMatch(/Trenger eleven (Nei )?individuelt (Nei )?tilrettelagt opplæring\?/u);
    expect(text).toContain(' Nei ');
    // How long and when to reassess are asked of a «ja» only: nothing is printed as missing.
    expect(text).not.toContain('[mangler]');
    expect(text).toContain('når skolen tilpasser den ordinære opplæringen (opplæringslova § 11-1)');
    expect(text).toContain('Vi tilrår ingen reduksjon i eller fritak fra deler av opplæringen.');
    expect(text).not.toContain('timer per');
  });
});
