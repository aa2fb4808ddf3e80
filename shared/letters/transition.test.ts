import { describe, expect, it } from 'vitest';
import { caseDoc, type CaseDoc, type CaseDocInput } from '../domain/caseDoc';
import { DEFAULT_LETTER_SETTINGS, prepareLetter, textOf, type LetterLang } from '.';
import { completeCase, KIND_OPTIONS, optionsIn, LETTER_TODAY } from './letters.fixture';
import type { LetterOptions } from './options';

/** Issue 15 item 3: the overgangsbrev to the receiving school. */
function letter(
  opts: {
    doc?: CaseDocInput;
    transition?: Partial<NonNullable<LetterOptions['transition']>> | null;
    lang?: LetterLang;
  } = {},
) {
  const base = optionsIn(KIND_OPTIONS.overgangsbrev, opts.lang ?? 'nb').transition!;
  const transition = opts.transition === null ? undefined : { ...base, ...opts.transition };
  return prepareLetter({
    doc: caseDoc.parse(opts.doc ?? completeCase()) as CaseDoc,
    kind: 'overgangsbrev',
    lang: opts.lang ?? 'nb',
    options: transition ? { transition } : {},
    settings: DEFAULT_LETTER_SETTINGS,
    today: LETTER_TODAY,
    letterId: 'a'.repeat(26),
    version: 1,
    draft: true,
    signer: { name: 'Ola Hansen', memberId: 'b'.repeat(26), kid: 'k'.repeat(43) },
  });
}
const codes = (p: ReturnType<typeof letter>) => p.findings.map((f) => f.code);

describe('overgangsbrev', () => {
  it('passes every rule with the options filled in, addressed to the receiving school', () => {
    const p = letter();
    expect(p.findings).toEqual([]);
    expect(p.layout.to[0]).toBe('Hov ungdomsskole');
    expect(p.model.addressee).toMatchObject({ recipient: 'mottakerskole', basis: { kind: 'legal' } });
  });

  it('needs a consent to the receiving school or a legal basis (CONSENT_MISSING names the school)', () => {
    const p = letter({ transition: { legalBasis: null } });
    expect(p.findings).toEqual([
      expect.objectContaining({
        code: 'CONSENT_MISSING',
        path: ['options', 'transition', 'legalBasis'],
        recipient: 'mottakerskole',
        recipientName: 'Hov ungdomsskole',
        severity: 'error',
      }),
    ]);
    const doc = completeCase();
    doc.consents = [
      ...(doc.consents ?? []),
      {
        givenBy: 'Ánde Nango',
        information: 'Tiltak som virker',
        recipient: 'Hov ungdomsskole',
        purpose: 'Overgang til ungdomsskolen',
        date: '2026-05-01',
      },
    ];
    const withConsent = letter({ doc, transition: { legalBasis: null } });
    expect(withConsent.findings).toEqual([]);
    expect(withConsent.model.addressee.basis).toMatchObject({ kind: 'consent', date: '2026-05-01' });
    // A consent withdrawn before the letter's day no longer covers it.
    doc.consents[doc.consents.length - 1]!.withdrawn = '2026-05-10';
    expect(codes(letter({ doc, transition: { legalBasis: null } }))).toEqual(['CONSENT_MISSING']);
  });

  it('has a clarity rule for each part the receiving school needs', () => {
    const p = letter({ transition: null });
    expect(codes(p).sort()).toEqual(
      [
        'TRANSITION_RECEIVER_MISSING',
        'TRANSITION_MEASURES_MISSING',
        'TRANSITION_SAFE_ADULTS_MISSING',
        'TRANSITION_VISITS_MISSING',
        'TRANSITION_PARENTS_MISSING',
        'TRANSITION_CONTACT_MISSING',
      ].sort(),
    );
    // The stage transition from the grade dates the start when no event or option does.
    expect(p.model.transition?.start).toBe('2026-08-01');
    const doc = completeCase();
    doc.pupil.grade = null;
    expect(codes(letter({ doc, transition: { start: undefined } }))).toEqual(['TRANSITION_START_MISSING']);
  });

  it('takes the receiving school and the date from a recorded transition event, and lists measures that work', () => {
    const doc = completeCase();
    doc.transitionEvents = [
      { date: '2026-01-05', kind: 'nyKontaktlaerer' },
      { date: '2026-08-20', kind: 'skolebytte', receivingSchool: 'Eik skole' },
    ];
    doc.recommendations![1]!.evaluations = [
      {
        date: '2026-05-05',
        outcome: 'bedring',
        decision: 'videreføres',
        decidedBy: 'rektor',
        pupilView: 'Bra.',
        nextEvaluation: '2026-06-20',
      },
    ];
    const p = letter({ doc, transition: { receivingSchool: null, start: undefined, whatWorks: null } });
    expect(p.model.transition).toMatchObject({
      receivingSchool: 'Eik skole',
      start: '2026-08-20',
      change: 'skolebytte',
    });
    expect(p.model.transition?.measuresThatWork.map((m) => m.id)).toEqual(['t-2']);
    const text = textOf(p.layout);
    expect(text).toContain('Skolebytte');
    expect(text).toContain('Trygg start: miljøterapeut tar imot eleven i garderoben hver morgen.');
    expect(codes(p)).toEqual([]);
  });

  it('says «begynte» for a start already passed, never a past date as coming', () => {
    const p = letter({ transition: { start: '2026-04-20' } });
    expect(textOf(p.layout)).toContain('begynte ved Hov ungdomsskole 20. april 2026');
    expect(textOf(letter().layout)).toContain('begynner ved Hov ungdomsskole 17. august 2026');
  });

  it('in nynorsk, the texts written for the letter must be nynorsk (TRANSITION_TEXT_BOKMAL)', () => {
    expect(codes(letter({ lang: 'nn' }))).toEqual([]);
    const p = letter({
      lang: 'nn',
      transition: { safeAdults: 'Kontaktlærer og helsesykepleier, som eleven kjenner fra før.' },
    });
    expect(p.findings).toEqual([
      expect.objectContaining({
        code: 'TRANSITION_TEXT_BOKMAL',
        path: ['options', 'transition', 'safeAdults'],
      }),
    ]);
    expect(textOf(letter({ lang: 'nn' }).layout)).toContain('byrjar ved Hov ungdomsskole');
  });
});

describe('overgangsbrev from the demo as it stands', () => {
  it('a demo case has a coming transition and a consent to the receiving school: no school, date or legal basis to type', async () => {
    const { generateDemo } = await import('../demo/generate');
    const today = '2026-12-05';
    const demo = generateDemo({ cases: 40, seed: 'bro', today });
    const {
      receivingSchool: _s,
      start: _d,
      legalBasis: _l,
      ...texts
    } = KIND_OPTIONS.overgangsbrev.transition!;
    let issued = 0;
    for (const c of demo.cases) {
      const doc = caseDoc.parse(c) as CaseDoc;
      if (!(doc.transitionEvents ?? []).some((e) => e.receivingSchool)) continue;
      for (const lang of ['nb', 'nn'] as const) {
        const p = prepareLetter({
          doc,
          kind: 'overgangsbrev',
          lang,
          options: { transition: texts },
          settings: DEFAULT_LETTER_SETTINGS,
          today,
          letterId: 'a'.repeat(26),
          version: 1,
          draft: true,
          signer: { name: 'Ola Hansen', memberId: 'b'.repeat(26), kid: 'k'.repeat(43) },
        });
        if (p.findings.some((f) => f.severity === 'error')) continue;
        expect(p.model.addressee.basis).toMatchObject({ kind: 'consent' });
        expect(p.model.transition!.start! > today).toBe(true);
        issued++;
      }
    }
    expect(issued).toBeGreaterThanOrEqual(2);
  });
});
