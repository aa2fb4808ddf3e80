import { describe, expect, it } from 'vitest';
import { caseDoc, type CaseDoc, type CaseDocInput } from '../domain/caseDoc';
import { caseObligations, type Obligation } from '../cases/obligations';
import { DEFAULT_SETTINGS } from '../waiting/settings';
import { completeCase, KIND_OPTIONS, LETTER_TODAY, stillWaiting } from './letters.fixture';
import { prepareLetter, textOf, type LetterKind, type LetterLang } from './index';
import type { EarlierLetter } from './outdated';
import { DEFAULT_LETTER_SETTINGS } from './settings';
import { datesIn } from './datesIn';

/**
 * Issue 16, item 2: a letter is true on the day it is issued. No past date presented as coming,
 * no letter that repeats or contradicts what has already happened.
 */
function prepare(
  doc: CaseDocInput,
  kind: LetterKind,
  opts: {
    lang?: LetterLang;
    today?: string;
    earlier?: EarlierLetter[];
    obligations?: Obligation[];
    options?: object;
  } = {},
) {
  return prepareLetter({
    doc: caseDoc.parse(doc) as CaseDoc,
    kind,
    lang: opts.lang ?? 'nb',
    options: { ...KIND_OPTIONS[kind], ...(opts.options ?? {}) },
    settings: DEFAULT_LETTER_SETTINGS,
    today: opts.today ?? LETTER_TODAY,
    letterId: 'a'.repeat(26),
    version: 1,
    draft: false,
    signer: { name: 'Ola Hansen', memberId: 'b'.repeat(26), kid: 'k'.repeat(43) },
    earlier: opts.earlier,
    obligations: opts.obligations,
  });
}

function thrown(f: () => unknown) {
  try {
    f();
  } catch (e) {
    return e as { code: string; issues: { code: string; path: (string | number)[] }[] };
  }
  throw new Error('did not throw');
}

/** The case's open obligations on a day, by the one rule (as issuing a letter takes them). */
const obligationsOn = (doc: CaseDocInput, asOf: string): Obligation[] =>
  caseObligations({ caseId: 'c', doc: caseDoc.parse(doc) as CaseDoc }, asOf, DEFAULT_SETTINGS).obligations;

const obligation = (kind: Obligation['kind'], due: string, item = 0): Obligation => ({
  kind,
  due,
  rule: 'test',
  ruleText: 'test',
  ref: null,
  item,
});

describe('mottaksbrev', () => {
  it('is LETTER_OUTDATED once first contact is recorded, with the path of that date', () => {
    const e = thrown(() => prepare(completeCase(), 'mottaksbrev'));
    expect(e.code).toBe('LETTER_OUTDATED');
    expect(e.issues).toEqual([{ code: 'FIRST_CONTACT_RECORDED', path: ['referrals', 0, 'firstContact'] }]);
  });

  it('after first contact, only as a foreløpig svar: it says when the answer comes, not a contact', () => {
    const c = completeCase();
    c.referrals![0]!.concluded = null;
    c.referrals![0]!.firstMeasure = null;
    const text = textOf(prepare(c, 'mottaksbrev').layout);
    expect(text).toContain('Vi hadde den første samtalen 16. februar 2026.');
    expect(text).toContain('Dere kan vente svar fra oss senest 26. mai 2026.');
    expect(text).not.toContain('første kontakt fra oss');
    // Titled as what it is, and no advice to do something before a contact that has been had.
    const p = prepare(c, 'mottaksbrev');
    expect(p.layout.title).toBe('Foreløpig svar i saken om Áile Nango');
    expect(p.layout.labels.running).toMatch(/^Foreløpig svar – /u);
    expect(text).not.toContain('før første samtale');
    expect(text).not.toContain('Vi har mottatt henvisningen');
    const nn = prepare(c, 'mottaksbrev', { lang: 'nn' });
    expect(nn.layout.title).toBe('Førebels svar i saka om Áile Nango');
    expect(textOf(nn.layout)).not.toContain('før den første samtalen');
    // Still waiting for the first contact: a mottaksbrev, with that advice.
    const waiting = prepare(stillWaiting(completeCase()), 'mottaksbrev');
    expect(waiting.layout.title).toBe('Vi har mottatt henvisningen for Áile Nango');
    expect(textOf(waiting.layout)).toContain('Send oss fraværsoversikten før første samtale.');
  });

  it('states a passed first-contact target as passed, and a past expected date is an error finding', () => {
    const c = stillWaiting(completeCase());
    const p = prepare(c, 'mottaksbrev', {
      obligations: [obligation('firstContactTarget', '2026-02-07')],
      options: { expectedFirstContact: '2026-05-20' },
    });
    const text = textOf(p.layout);
    expect(text).toContain('Fristen for første kontakt var 7. februar 2026. Den er passert med 94 dager');
    expect(text).toContain('senest 20. mai 2026');
    const past = prepare(c, 'mottaksbrev', { options: { expectedFirstContact: '2026-05-01' } });
    expect(past.findings.map((f) => `${f.code}:${f.severity}`)).toContain('EXPECTED_CONTACT_PAST:error');
  });

  it('never takes a passed BUP frist as the date to come', () => {
    const c = stillWaiting(completeCase());
    c.service = 'BUP';
    c.referrals![0]!.service = 'BUP';
    c.referrals![0]!.frist = '2026-04-01';
    const p = prepare(c, 'mottaksbrev', { options: { expectedFirstContact: undefined } });
    expect(p.model.waiting!.expectedFirstContact).toBeNull();
    expect(p.model.waiting!.missedFirstContact).toBe('2026-04-01');
    expect(textOf(p.layout)).not.toContain('senest 1. april 2026');
  });
});

describe('ny-kontaktperson', () => {
  it('names an overdue measure by its whole text (nynorsk in a nynorsk letter), never a cut label', () => {
    const c = completeCase();
    const what =
      'Organisert aktivitet i storefri mandag til torsdag ledet av miljøterapeut, med plass til eleven og to medelever eleven har valgt';
    c.recommendations![0]!.what = what;
    const cut = `${what.slice(0, 79)}…`;
    const obligations: Obligation[] = [
      {
        kind: 'evaluation',
        due: '2026-04-01',
        rule: 'test',
        ruleText: 'test',
        ref: 't-1',
        item: 0,
        label: cut,
      },
    ];
    const text = textOf(prepare(c, 'ny-kontaktperson', { obligations }).layout).replace(/\s+/gu, ' ');
    expect(text).toContain(what);
    expect(text).not.toContain('…');
    const nnWhat =
      'Organisert aktivitet i storefri måndag til torsdag leidd av miljøterapeut, med plass til eleven og to medelevar eleven har valt';
    c.nynorsk = { 'recommendations/t-1/what': { text: nnWhat } };
    const nnText = textOf(prepare(c, 'ny-kontaktperson', { obligations, lang: 'nn' }).layout).replace(
      /\s+/gu,
      ' ',
    );
    expect(nnText).toContain(nnWhat);
  });

  it('needs a change of caseworker', () => {
    const c = completeCase();
    c.assignments = [c.assignments![1]!];
    const e = thrown(() => prepare(c, 'ny-kontaktperson'));
    expect(e.code).toBe('LETTER_OUTDATED');
    expect(e.issues[0]!.code).toBe('NO_CASEWORKER_CHANGE');
  });

  it('is issued once per change and language', () => {
    const c = completeCase();
    expect(prepare(c, 'ny-kontaktperson').model.kind).toBe('ny-kontaktperson');
    const earlier: EarlierLetter[] = [{ kind: 'ny-kontaktperson', lang: 'nb', date: '2026-03-10' }];
    expect(thrown(() => prepare(c, 'ny-kontaktperson', { earlier })).issues[0]!.code).toBe(
      'ALREADY_ANNOUNCED',
    );
    // The nynorsk copy may follow; a letter before this caseworker started is about another change.
    expect(prepare(c, 'ny-kontaktperson', { earlier, lang: 'nn' }).model.lang).toBe('nn');
    const before: EarlierLetter[] = [{ kind: 'ny-kontaktperson', lang: 'nb', date: '2026-01-21' }];
    expect(prepare(c, 'ny-kontaktperson', { earlier: before }).model.lang).toBe('nb');
  });

  it('lists only dates to come as "Neste frister" and states passed ones as overdue', () => {
    const p = prepare(completeCase(), 'ny-kontaktperson', {
      obligations: [obligation('schoolReply', '2026-05-02'), obligation('evaluation', '2026-06-22')],
    });
    const text = textOf(p.layout);
    expect(text).toContain('Neste frister: 22. juni 2026 evaluering av tiltak');
    expect(text).not.toMatch(/Neste frister:[^\n]*2\. mai 2026/u);
    expect(text).toContain('Over fristen: svar fra skolen, frist 2. mai 2026 (10 dager over fristen)');
  });
});

describe('tiltaksoversikt', () => {
  it('a measure with an evaluation that continued it is not "Ikke i gang"', () => {
    const c = completeCase();
    c.recommendations![0]!.schoolAnswer = {
      answer: 'gjennomføres',
      by: 'Anne Dahl',
      date: '2026-05-05',
    } as never;
    c.recommendations![0]!.evaluations = [
      { date: '2026-05-10', outcome: 'bedring', decision: 'videreføres', decidedBy: 'rektor' },
    ] as never;
    const p = prepare(c, 'tiltaksoversikt');
    expect(p.model.measures[0]!.status!.state).toBe('gjennomføres');
    // A later report from the school that it stopped is the latest word.
    c.recommendations![0]!.implementation = [{ date: '2026-05-11', by: 'skole', inPlace: false }];
    expect(prepare(c, 'tiltaksoversikt').model.measures[0]!.status!.state).toBe('ikke i gang');
  });

  it('an evaluation date that has passed is overdue, not "planlagt"', () => {
    const p = prepare(completeCase(), 'tiltaksoversikt', { today: '2026-08-25' });
    const text = textOf(p.layout);
    expect(text).toContain('Evalueringen skulle vært 26. juni 2026 og er 60 dager over fristen');
    expect(text).not.toContain('Evaluering er planlagt 26. juni 2026');
  });
});

describe('oppfølgingsbrev', () => {
  it("lists the service's own lapses apart from what it asks of the school", () => {
    const c = completeCase();
    c.recommendations![0]!.evaluation!.date = '2026-05-01'; // convened by PPT, not done
    c.recommendations![0]!.schoolAnswer = {
      answer: 'gjennomføres',
      by: 'Anne Dahl',
      date: '2026-05-05',
    } as never;
    c.recommendations![0]!.evaluations = [];
    const p = prepare(c, 'oppfolgingsbrev');
    const own = p.model.overdue!.filter((i) => i.own).map((i) => i.kind);
    expect(own).toEqual(['evaluation']);
    expect(p.layout.reply!.items.some((i) => i.title.startsWith('Evaluering: Fleksibel oppstart'))).toBe(
      false,
    );
    const text = textOf(p.layout);
    expect(text).toContain('Dette har vi selv ikke gjort i tide');
    expect(text).toContain('Evaluering: Fleksibel oppstart. Frist 1. mai 2026, 11 dager over fristen.');
  });

  it('never offers "kan ikke gjennomføres" for a Lovkrav', () => {
    const c = completeCase();
    // The Lovkrav measure (t-2) was sent long ago and has no answer.
    c.recommendations![1]!.start = '2026-03-01';
    c.referrals![0]!.concluded = '2026-03-01';
    // Its answer is late by the task's rule: the obligations of the day, as `letters.issue` gives them.
    const obligations = caseObligations(
      { caseId: 'c', doc: caseDoc.parse(c) as CaseDoc },
      '2026-05-12',
      DEFAULT_SETTINGS,
    ).obligations;
    expect(obligations.some((o) => o.kind === 'schoolReply' && o.ref === 't-2' && o.due < '2026-05-12')).toBe(
      true,
    );
    const p = prepare(c, 'oppfolgingsbrev', { today: '2026-05-12', obligations });
    // Without the task there is nothing to ask the school about that measure.
    expect(
      prepare(c, 'oppfolgingsbrev', { today: '2026-05-12', obligations: [] }).layout.reply?.items.some((i) =>
        i.title.includes('Trygg start'),
      ) ?? false,
    ).toBe(false);
    const lovkrav = p.layout.reply!.items.find((i) => i.title.includes('Trygg start'))!;
    expect(lovkrav.choices).not.toContain('Kan ikke gjennomføres');
    const other = p.layout.reply!.items.find((i) => i.title.includes('Fleksibel oppstart'));
    if (other) expect(other.choices).toContain('Kan ikke gjennomføres');
    const anbefaling = prepare(completeCase(), 'anbefaling').layout.reply!.items;
    expect(anbefaling[1]!.choices).not.toContain('Kan ikke gjennomføres');
    expect(anbefaling[0]!.choices).toContain('Kan ikke gjennomføres');
  });
});

describe('words written earlier', () => {
  it('reads dates in every style', () => {
    expect(datesIn('innen 6. februar 2025, så 07.03.2026 og 2026-04-01')).toEqual([
      '2025-02-06',
      '2026-03-07',
      '2026-04-01',
    ]);
  });

  it('a handover note that names a passed date is not printed as the next deadline', () => {
    const c = completeCase();
    c.assignments![0]!.handoverNote = {
      status: 'Kartlegging pågår.',
      openPromises: null,
      nextDeadlines: 'Anbefaling skal sendes innen 6. februar 2026.',
    } as never;
    expect(textOf(prepare(c, 'ny-kontaktperson').layout)).not.toContain('6. februar 2026');
    c.assignments![0]!.handoverNote = {
      status: 'Kartlegging pågår.',
      openPromises: null,
      nextDeadlines: 'Evalueringsmøte 22. juni 2026.',
    } as never;
    expect(textOf(prepare(c, 'ny-kontaktperson').layout)).toContain('Evalueringsmøte 22. juni 2026.');
  });
});

describe('contacts and rights (item 3)', () => {
  it('a foreløpig svar gives the reason and the date; without a reason it is a finding', () => {
    const c = stillWaiting(completeCase());
    const text = textOf(prepare(c, 'mottaksbrev').layout);
    expect(text).toContain('foreløpig svar etter forvaltningsloven § 11 a');
    expect(text).toContain('Svaret tar tid fordi vi har mange henvisninger nå');
    expect(text).toContain('senest 26. mai 2026');
    const bare = prepare(c, 'mottaksbrev', { options: { interimReason: undefined } });
    expect(bare.findings.map((f) => f.code)).toContain('INTERIM_REASON_MISSING');
  });

  it('every letter has «Dette kan dere gjøre» with whom to call, innsyn, and how to disagree', () => {
    for (const kind of ['anbefaling', 'tiltaksoversikt', 'motereferat', 'sakkyndig-vurdering'] as const)
      for (const lang of ['nb', 'nn'] as const) {
        const text = textOf(prepare(completeCase(), kind, { lang }).layout);
        expect(text).toContain(lang === 'nb' ? 'Dette kan dere gjøre' : 'Dette kan de gjere');
        expect(text).toContain('Ola Hansen');
        expect(text).toContain(lang === 'nb' ? 'forvaltningsloven § 18' : 'forvaltningslova § 18');
        expect(text).toContain('Statsforval');
      }
    expect(textOf(prepare(completeCase(), 'sakkyndig-vurdering').layout)).toContain(
      'klage på vedtaket innen tre uker',
    );
  });

  it('BUP letters go to the family and cite pasient- og brukerrettighetsloven § 2-2', () => {
    const c = stillWaiting(completeCase());
    c.service = 'BUP';
    c.referrals![0]!.service = 'BUP';
    const p = prepare(c, 'mottaksbrev');
    expect(p.model.addressee.recipient).toBe('foresatte');
    expect(p.layout.to[0]).toBe('Foresatt Ánde Nango');
    expect(p.model.copies.map((r) => r.recipient)).toEqual(['rektor', 'kontaktlærer']);
    expect(textOf(p.layout)).toContain('pasient- og brukerrettighetsloven § 2-2');
    // The advice still names rektor as rektor, not the family.
    expect(p.model.waiting!.advice.find((a) => a.who.endsWith('(rektor)'))?.who).toBe('Anne Dahl (rektor)');
  });

  it('a BUP mottaksbrev after the 10 working days says the deadline has passed, never promises it', () => {
    const c = stillWaiting(completeCase());
    c.service = 'BUP';
    c.referrals![0]!.service = 'BUP';
    c.referrals![0]!.received = '2026-04-20';
    // Not yet assessed (the fixture's decision date is from before this referral came).
    c.referrals![0]!.decided = null;
    c.referrals![0]!.decision = null;
    // The tenth working day after Monday 20 April 2026 is 5 May (1 May is a public holiday). The
    // letter takes that day from the case's obligations on its date, as issuing a letter does.
    const on = (today: string, lang: LetterLang = 'nb') =>
      prepare(c, 'mottaksbrev', { today, lang, obligations: obligationsOn(c, today) });
    const late = textOf(on('2026-05-12').layout);
    expect(late).toContain('Den fristen gikk ut 5. mai 2026, og det beklager vi.');
    expect(late).not.toContain('har dere rett til å få vite innen 10 virkedager');
    const nn = textOf(on('2026-05-12', 'nn').layout);
    expect(nn).toContain('Den fristen gjekk ut 5. mai 2026, og det beklagar vi.');
    const early = textOf(on('2026-04-24').layout);
    expect(early).toContain('har dere rett til å få vite innen 10 virkedager');
    expect(early).not.toContain('fristen gikk ut');
  });

  it('a BUP referral assessed within the 10 working days: a later mottaksbrev apologises for nothing', () => {
    const c = stillWaiting(completeCase());
    c.service = 'BUP';
    c.referrals![0]!.service = 'BUP';
    c.referrals![0]!.received = '2026-04-20';
    c.referrals![0]!.decided = '2026-04-30';
    c.referrals![0]!.decision = 'accepted';
    const today = '2026-05-12';
    const p = prepare(c, 'mottaksbrev', { today, obligations: obligationsOn(c, today) });
    expect(p.model.waiting!.healthAnswerMissed).toBeNull();
    expect(textOf(p.layout)).not.toContain('fristen gikk ut');
  });

  it('the letterhead shows the organisation number; the caseworker is reached directly', () => {
    const p = prepareLetter({
      doc: caseDoc.parse(completeCase()) as CaseDoc,
      kind: 'anbefaling',
      lang: 'nb',
      options: {},
      settings: {
        ...DEFAULT_LETTER_SETTINGS,
        letterhead: { serviceName: 'PPT Bærum', phone: '67 50 00 00', orgNumber: '974760673' },
      },
      today: LETTER_TODAY,
      letterId: 'a'.repeat(26),
      version: 1,
      draft: false,
      signer: { name: 'Ola Hansen', memberId: 'b'.repeat(26), kid: 'k'.repeat(43) },
      registers: { school: null, contact: { phone: '98 76 54 32', email: 'ola@example.invalid' } },
    });
    expect(p.layout.letterhead).toContain('Org.nr. 974 760 673');
    expect(textOf(p.layout)).toContain('Ola Hansen (rådgiver), PPT Bærum, telefon 98 76 54 32');
    expect(p.layout.signature.role).toBe('Rådgiver');
  });
});

describe('layout (item 5)', () => {
  it('one level of quotation marks, singular foresatt, no «ingen ekstra ressurser» line, no cut titles', () => {
    const c = completeCase();
    c.pupilVoice = '«Jeg vil gå på skolen når jeg vet hvem som møter meg.»';
    c.recommendations![0]!.resources = 'Ingen ekstra ressurser.';
    c.recommendations![0]!.what =
      'Eleven møter kl. 10 med fast voksen i garderoben og får en rolig start på dagen hver dag. Mer tekst.';
    const p = prepare(c, 'anbefaling');
    const text = textOf(p.layout);
    expect(text).not.toMatch(/««|»»/u);
    expect(text).toContain('«Jeg vil gå på skolen når jeg vet hvem som møter meg.»');
    // A quotation followed by its source is not wrapped again («…» (Samtale …)»).
    c.pupilVoice = '«Jeg vil ikke at læreren skal si navnet mitt høyt.» (Samtale på tur 10. april 2026.)';
    const sourced = textOf(prepare(c, 'anbefaling').layout);
    expect(sourced).toContain(
      '«Jeg vil ikke at læreren skal si navnet mitt høyt.» (Samtale på tur 10. april 2026.)',
    );
    expect(sourced).not.toContain('2026.)»');
    expect(p.layout.copies).toContain('foresatt Ánde Nango');
    expect(text).not.toMatch(/Ingen ekstra ressurser\. .* sørger for/u);
    expect(text).toContain(
      'Tiltak 1: Eleven møter kl. 10 med fast voksen i garderoben og får en rolig start på dagen hver dag',
    );
    expect(text).not.toContain('…');
  });
});

describe('sakkyndig vurdering (item 1, first part)', () => {
  it('has no reply slip, names the klage route and the right to see the documents', () => {
    for (const lang of ['nb', 'nn'] as const) {
      const p = prepare(completeCase(), 'sakkyndig-vurdering', { lang });
      expect(p.layout.reply).toBeNull();
      expect(p.model.replyBy).toBeNull();
      const text = textOf(p.layout);
      expect(text).not.toMatch(/Svarslipp|Kan ikkje? gjennomfør/u);
      expect(text).not.toContain('at skolen bestemmer');
      expect(text).toContain(lang === 'nb' ? 'enkeltvedtak' : 'enkeltvedtak');
      expect(text).toContain(lang === 'nb' ? 'innen tre uker' : 'innan tre veker');
      expect(text).toContain(lang === 'nb' ? 'den som gjorde vedtaket' : 'den som gjorde vedtaket');
      expect(text).toContain(lang === 'nb' ? 'avgjør Statsforvalteren' : 'avgjer Statsforvaltaren');
      expect(text).toContain(
        lang === 'nb'
          ? 'Behov for individuelt tilrettelagt opplæring'
          : 'Behov for individuelt tilrettelagd opplæring',
      );
    }
  });
});

describe('the pupil page (item 6)', () => {
  it('only when asked for: what will happen and the safe adults, in plain words, in both languages', () => {
    expect(textOf(prepare(completeCase(), 'anbefaling').layout)).not.toContain('Til deg,');
    for (const lang of ['nb', 'nn'] as const) {
      const text = textOf(
        prepare(completeCase(), 'anbefaling', { lang, options: { pupilPage: true } }).layout,
      );
      expect(text).toContain('Til deg, Áile');
      expect(text).toContain(
        lang === 'nb' ? 'Disse voksne kan du snakke med' : 'Desse vaksne kan du snakke med',
      );
      expect(text).toContain('Siri Lie');
      expect(text).toContain('Kari Håland');
      expect(text).toContain(lang === 'nb' ? 'hjelper deg med det' : 'hjelper deg med det');
    }
    // Younger pupils get the shorter greeting.
    const young = completeCase();
    young.pupil.grade = 3;
    expect(textOf(prepare(young, 'anbefaling', { options: { pupilPage: true } }).layout)).toContain(
      'Hei Áile! Her står det hva de voksne skal gjøre',
    );
  });
});
