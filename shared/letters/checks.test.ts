import { describe, expect, it } from 'vitest';
import { caseDoc, type CaseDoc, type CaseDocInput } from '../domain/caseDoc';
import {
  completeCase as good,
  KIND_OPTIONS as OPTIONS,
  LETTER_TODAY as TODAY,
  stillWaiting,
} from './letters.fixture';
import { hasErrors, type Finding } from './checks';
import { caseTextAt } from './nynorskWords';
import { prepareLetter, type LetterKind, type LetterOptions } from './index';
import { DEFAULT_LETTER_SETTINGS, type LetterSettings } from './settings';

const WITH_MUNICIPALITY: LetterSettings = {
  ...DEFAULT_LETTER_SETTINGS,
  letterhead: { municipality: 'Bærum kommune, Oppvekst skole' },
};

/**
 * The clarity rules one by one. `good()` is a case that passes every rule for every kind;
 * each test breaks exactly one thing and expects exactly that rule to fire, at that path.
 */
function check(
  doc: CaseDocInput,
  kind: LetterKind = 'anbefaling',
  options: LetterOptions = OPTIONS[kind],
  settings: LetterSettings = WITH_MUNICIPALITY,
) {
  return prepareLetter({
    doc: caseDoc.parse(kind === 'mottaksbrev' ? stillWaiting(doc) : doc) as CaseDoc,
    kind,
    lang: 'nb',
    options,
    settings,
    today: TODAY,
    letterId: 'a'.repeat(26),
    version: 1,
    draft: false,
    signer: { name: 'Ola Hansen', memberId: 'b'.repeat(26), kid: 'k'.repeat(43) },
  });
}

const codes = (fs: Finding[]) => fs.map((f) => `${f.code}@${f.path.join('.')}`);

describe('the good case passes every rule', () => {
  for (const kind of Object.keys(OPTIONS) as LetterKind[])
    it(kind, () => {
      expect(codes(check(good(), kind).findings)).toEqual([]);
    });
});

describe('recommendation blocks: every required field', () => {
  for (const field of [
    'responsible',
    'start',
    'frequency',
    'trialPeriod',
    'goal',
    'evaluation',
    'resources',
  ] as const)
    it(`${field} missing`, () => {
      const c = good();
      delete (c.recommendations![1] as Record<string, unknown>)[field];
      const f = check(c).findings;
      expect(codes(f)).toContain(`MEASURE_FIELD_MISSING@recommendations.1.${field}`);
      expect(f.find((x) => x.code === 'MEASURE_FIELD_MISSING')?.severity).toBe('error');
    });

  it('a responsible role without a named person', () => {
    const c = good();
    c.recommendations![1]!.responsible = { role: 'miljøterapeut' };
    expect(codes(check(c).findings)).toEqual(['MEASURE_RESPONSIBLE_UNNAMED@recommendations.1.responsible']);
  });

  it('a required field left empty in a draft still renders, marked as missing', () => {
    const c = good();
    c.recommendations![1]!.goal = null;
    const p = check(c);
    expect(
      p.layout.blocks.some(
        (b) => b.t === 'fields' && b.rows.some(([k, v]) => k === 'Mål' && v === '[mangler]'),
      ),
    ).toBe(true);
  });
});

describe('leadership', () => {
  it('every measure has a named leader', () => {
    const c = good();
    c.recommendations![0]!.leader = { role: 'rektor' };
    expect(codes(check(c).findings)).toEqual(['MEASURE_LEADER_MISSING@recommendations.0.leader']);
  });

  it('warns (does not stop) when everything falls on the kontaktlærer', () => {
    const c = good();
    c.recommendations![1]!.responsible = { role: 'kontaktlærer', name: 'Per Berg' };
    const f = check(c).findings;
    expect(codes(f)).toEqual(['ALL_ON_KONTAKTLAERER@recommendations']);
    expect(f[0]!.severity).toBe('warning');
  });
});

describe('school environment', () => {
  it('at least one measure aimed at the school environment', () => {
    const c = good();
    c.recommendations![0]!.target = 'elev';
    expect(codes(check(c).findings)).toEqual(['SCHOOL_ENVIRONMENT_MISSING@recommendations']);
  });

  it('or a recorded reason', () => {
    const c = good();
    c.recommendations![0]!.target = 'hjem';
    const f = check(c, 'anbefaling', {
      reasons: { schoolEnvironment: 'Skolemiljøet er undersøkt; ingen funn.' },
    });
    expect(codes(f.findings)).toEqual([]);
  });
});

describe('Lovkrav and the versioned legal table', () => {
  it('Lovkrav needs a legal reference', () => {
    const c = good();
    c.recommendations![1]!.legalRef = null;
    expect(codes(check(c).findings)).toEqual(['LEGAL_REF_MISSING@recommendations.1.legalRef']);
  });

  it('a reference the table does not know', () => {
    const c = good();
    c.recommendations![1]!.legalRef = 'opplæringslova § 99-9';
    expect(codes(check(c).findings)).toEqual(['LEGAL_REF_UNKNOWN@recommendations.1.legalRef']);
  });

  it('a reference to the repealed 1998 Act is a warning', () => {
    const c = good();
    c.recommendations![1]!.legalRef = 'opplæringslova (1998) § 9 A-4';
    const f = check(c).findings;
    expect(codes(f)).toEqual(['LEGAL_REF_SUPERSEDED@recommendations.1.legalRef']);
    expect(f[0]!.severity).toBe('warning');
  });

  it('the letter prints the table entry, not the free text', () => {
    const p = check(good());
    const rows = p.layout.blocks.flatMap((b) => (b.t === 'fields' ? b.rows : []));
    expect(rows).toContainEqual([
      'Lovhenvisning',
      'opplæringslova § 12-4 (Plikt til å sikre et trygt og godt psykososialt skolemiljø (aktivitetsplikt))',
    ]);
  });
});

describe('Ansvarsfordeling', () => {
  it('one row per role, with from and evaluated', () => {
    const rows = check(good()).model.responsibilities;
    expect(rows.map((r) => r.role)).toEqual([
      'kontaktlærer',
      'rektor',
      'PPT',
      'miljøterapeut',
      'avdelingsleder',
    ]);
    expect(rows.find((r) => r.role === 'rektor')).toMatchObject({
      from: '2026-05-11',
      evaluated: '2026-06-22',
    });
  });

  it('a role whose measure has no start date makes its row incomplete', () => {
    const c = good();
    c.recommendations![1]!.start = null;
    const f = codes(check(c).findings);
    expect(f).toContain('RESPONSIBILITY_ROW_INCOMPLETE@responsibilities.3.from');
    expect(f).toContain('RESPONSIBILITY_ROW_INCOMPLETE@responsibilities.4.from');
  });
});

describe('voices', () => {
  it('Elevens stemme present or explained', () => {
    const c = good();
    c.pupilVoice = null;
    expect(codes(check(c).findings)).toEqual(['PUPIL_VOICE_MISSING@pupilVoice']);
    const explained = check(c, 'anbefaling', { reasons: { pupilVoice: 'Eleven ønsket ikke samtale nå.' } });
    expect(codes(explained.findings)).toEqual([]);
    expect(explained.layout.blocks).toContainEqual({
      t: 'p',
      text: 'Dette mangler i brevet. Grunnen er: Eleven ønsket ikke samtale nå.',
    });
  });

  it('Foresattes syn present or explained', () => {
    const c = good();
    c.parentsView = '  ';
    expect(codes(check(c).findings)).toEqual(['PARENTS_VIEW_MISSING@parentsView']);
  });
});

describe('contacts', () => {
  it('the school coordinator is named', () => {
    const c = good();
    c.pupil.coordinator = null;
    expect(codes(check(c, 'mottaksbrev').findings)).toEqual(['COORDINATOR_MISSING@pupil.coordinator']);
  });

  it('the service contact is named (a current caseworker)', () => {
    const c = good();
    c.assignments![1]!.to = '2026-04-30';
    expect(codes(check(c, 'motereferat').findings)).toEqual(['SERVICE_CONTACT_MISSING@assignments']);
  });
});

describe('consent for every recipient', () => {
  it('no consent and no legal basis: one finding per school recipient', () => {
    const c = good();
    c.consents = [];
    expect(codes(check(c).findings)).toEqual([
      'CONSENT_MISSING@options.legalBasis.rektor',
      'CONSENT_MISSING@options.legalBasis.kontaktlærer',
    ]);
  });

  it('a withdrawn or expired consent does not count', () => {
    const withdrawn = good();
    withdrawn.consents![0]!.withdrawn = '2026-05-01';
    expect(check(withdrawn).findings.filter((f) => f.code === 'CONSENT_MISSING')).toHaveLength(2);
    const expired = good();
    expired.consents![0]!.expires = '2026-05-11';
    expect(check(expired).findings.filter((f) => f.code === 'CONSENT_MISSING')).toHaveLength(2);
  });

  it('a consent to another service does not cover the school', () => {
    const c = good();
    c.consents![0]!.recipient = 'BUP';
    expect(check(c).findings.map((f) => f.recipient)).toEqual(['rektor', 'kontaktlærer']);
  });

  it('a copy to another service (BUP) is checked against the register and named (issue 14 item 8)', () => {
    const c = good();
    const bup = check(c, 'anbefaling', { otherRecipients: [{ name: 'BUP' }, { name: 'Statped' }] });
    expect(bup.findings.filter((f) => f.code === 'CONSENT_MISSING')).toEqual([
      expect.objectContaining({
        path: ['options', 'otherRecipients', 0, 'legalBasis'],
        recipientName: 'BUP',
      }),
      expect.objectContaining({
        path: ['options', 'otherRecipients', 1, 'legalBasis'],
        recipientName: 'Statped',
      }),
    ]);
    // With a legal basis for Statped and a consent to BUP both go, and the letter says why.
    c.consents!.push({ ...c.consents![0]!, recipient: 'Barne- og ungdomspsykiatrisk poliklinikk' });
    const ok = check(c, 'anbefaling', {
      otherRecipients: [{ name: 'BUP' }, { name: 'Statped', legalBasis: 'opplæringslova § 5-3' }],
    });
    expect(ok.findings.filter((f) => f.code === 'CONSENT_MISSING')).toEqual([]);
    expect(ok.model.copies.slice(-2).map((r) => [r.names[0], r.basis?.kind])).toEqual([
      ['BUP', 'consent'],
      ['Statped', 'legal'],
    ]);
    // A withdrawal of that consent today stops the copy at once.
    c.consents![c.consents!.length - 1]!.withdrawn = TODAY;
    expect(
      check(c, 'anbefaling', { otherRecipients: [{ name: 'BUP' }] }).findings.some(
        (f) => f.code === 'CONSENT_MISSING' && f.recipientName === 'BUP',
      ),
    ).toBe(true);
  });

  it('a recorded legal basis replaces consent and is printed', () => {
    const c = good();
    c.consents = [];
    const p = check(c, 'anbefaling', {
      legalBasis: {
        rektor: 'Forvaltningsloven § 13 b nr. 1',
        kontaktlærer: 'Forvaltningsloven § 13 b nr. 1',
      },
    });
    expect(codes(p.findings)).toEqual([]);
    expect(p.model.addressee.basis).toEqual({ kind: 'legal', text: 'Forvaltningsloven § 13 b nr. 1' });
  });

  it('foresatte are parties; the copy names them', () => {
    const c = good();
    c.guardians = [{ name: 'Ánde Nango', relation: 'far', parentalResponsibility: false }];
    expect(codes(check(c).findings)).toEqual(['GUARDIANS_MISSING@guardians']);
  });
});

describe('vagueness', () => {
  it('flags each hedge with the field it is in', () => {
    const c = good();
    c.recommendations![1]!.frequency = 'ved behov';
    c.recommendations![0]!.goal = 'Eventuelt økt oppmøte etter hvert.';
    const f = check(c).findings.filter((x) => x.code === 'VAGUE_PHRASE');
    expect(f.map((x) => `${x.path.join('.')}:${x.phrase}`)).toEqual([
      'recommendations.0.goal:eventuelt',
      'recommendations.0.goal:etter hvert',
      'recommendations.1.frequency:ved behov',
    ]);
  });

  it('a hedge kept with a reason is not a finding, and the reason is recorded', () => {
    const c = good();
    c.recommendations![1]!.frequency = 'ved behov';
    const keep = [
      { phrase: 'ved behov', path: 'recommendations[1].frequency', reason: 'Eleven ber selv om samtalen.' },
    ];
    const p = check(c, 'anbefaling', { keep });
    expect(codes(p.findings)).toEqual([]);
    expect(p.model.kept).toEqual([{ ...keep[0], path: 'recommendations[1].frequency' }]);
  });

  it('a keep for another field does not hide the hedge', () => {
    const c = good();
    c.recommendations![1]!.frequency = 'ved behov';
    const p = check(c, 'anbefaling', {
      keep: [{ phrase: 'ved behov', path: 'recommendations[0].frequency', reason: 'x' }],
    });
    expect(codes(p.findings)).toEqual(['VAGUE_PHRASE@recommendations.1.frequency']);
  });

  it('the list is a setting', () => {
    const c = good();
    c.recommendations![1]!.frequency = 'når det passer';
    expect(codes(check(c).findings)).toEqual([]);
    const settings = { ...DEFAULT_LETTER_SETTINGS, vagueness: ['når det passer'] };
    expect(codes(check(c, 'anbefaling', {}, settings).findings)).toEqual([
      'VAGUE_PHRASE@recommendations.1.frequency',
    ]);
  });

  it('quotes from the pupil and the parents are not checked', () => {
    const c = good();
    c.pupilVoice = 'Eventuelt kan jeg komme ved behov.';
    expect(codes(check(c).findings)).toEqual([]);
  });
});

describe('kind-specific rules', () => {
  it('sakkyndig vurdering: each statutory topic', () => {
    const f = check(good(), 'sakkyndig-vurdering', {
      assessment: { ...OPTIONS['sakkyndig-vurdering'].assessment, goals: '' },
    });
    expect(codes(f.findings)).toEqual(['ASSESSMENT_TOPIC_MISSING@options.assessment.goals']);
    const none = check(good(), 'sakkyndig-vurdering', {});
    expect(none.findings.map((x) => x.field)).toEqual([
      'sources',
      'benefit',
      'difficulties',
      'goals',
      'ordinaryTeaching',
      'soundOffer',
    ]);
  });

  it('sakkyndig vurdering: the conclusion in the case, field by field', () => {
    const kind = 'sakkyndig-vurdering';
    const without = (field: string) => {
      const c = good();
      (c.assessmentConclusion as Record<string, unknown>)[field] = null;
      return codes(check(c, kind).findings);
    };
    for (const field of [
      'needed',
      'content',
      'organisation',
      'staffCompetence',
      'validUntil',
      'reassessBy',
      'viewsWeighed',
    ])
      expect(without(field)).toEqual([`ASSESSMENT_CONCLUSION_MISSING@assessmentConclusion.${field}`]);
    expect(without('hoursPer')).toEqual(['ASSESSMENT_CONCLUSION_MISSING@assessmentConclusion.hours']);
    // No conclusion at all (a case from before it existed): yes/no and the weighing of views.
    const old = good();
    delete old.assessmentConclusion;
    expect(codes(check(old, kind).findings)).toEqual([
      'ASSESSMENT_CONCLUSION_MISSING@assessmentConclusion.needed',
      'ASSESSMENT_CONCLUSION_MISSING@assessmentConclusion.viewsWeighed',
    ]);
    // «Nei» needs no extent, content or dates beyond how long and when to reassess.
    const no = good();
    no.assessmentConclusion = { needed: false, viewsWeighed: 'Far og eleven er enige.' };
    expect(codes(check(no, kind).findings)).toEqual([]);
  });

  it('sakkyndig vurdering: no date in the conclusion already past; a municipality to send it to', () => {
    const c = good();
    c.assessmentConclusion!.reassessBy = '2026-05-11';
    expect(codes(check(c, 'sakkyndig-vurdering').findings)).toEqual([
      'ASSESSMENT_DATE_PAST@assessmentConclusion.reassessBy',
    ]);
    const f = check(good(), 'sakkyndig-vurdering', OPTIONS['sakkyndig-vurdering'], DEFAULT_LETTER_SETTINGS);
    expect(f.findings).toEqual([
      expect.objectContaining({
        code: 'MUNICIPALITY_MISSING',
        severity: 'warning',
        path: ['settings', 'letterhead', 'municipality'],
      }),
    ]);
  });

  it('mottaksbrev: when the first contact is expected', () => {
    const c = good();
    c.referrals![0]!.firstContact = null;
    expect(
      codes(check(c, 'mottaksbrev', { interimReason: OPTIONS.mottaksbrev.interimReason }).findings),
    ).toEqual(['EXPECTED_CONTACT_MISSING@options.expectedFirstContact']);
  });

  it('mottaksbrev: advice for the wait, with who does what', () => {
    expect(
      codes(check(good(), 'mottaksbrev', { ...OPTIONS.mottaksbrev, waitingAdvice: [] }).findings),
    ).toEqual(['WAITING_ADVICE_MISSING@options.waitingAdvice']);
  });

  it('møtereferat: every agreement has a deadline; no leader present is a warning', () => {
    const c = good();
    c.meetings![0]!.agreements![0]!.deadline = null;
    c.meetings![0]!.participants = [{ role: 'far', name: 'Ánde Nango' }];
    const f = check(c, 'motereferat').findings;
    expect(codes(f)).toEqual([
      'AGREEMENT_DEADLINE_MISSING@meetings.0.agreements.0.deadline',
      'MEETING_WITHOUT_LEADER@meetings.0.participants',
    ]);
    expect(f.map((x) => x.severity)).toEqual(['error', 'warning']);
  });

  it('a reply date in the past', () => {
    expect(codes(check(good(), 'anbefaling', { replyBy: '2026-05-01' }).findings)).toEqual([
      'REPLY_BY_PAST@options.replyBy',
    ]);
  });

  it('readability: LIX above the setting is a warning', () => {
    const settings = { ...DEFAULT_LETTER_SETTINGS, lixWarnAbove: 10 };
    const f = check(good(), 'anbefaling', {}, settings).findings;
    expect(codes(f)).toEqual(['LIX_HIGH@text']);
    expect(f[0]!.severity).toBe('warning');
  });

  it('the signer must have a name', () => {
    const p = prepareLetter({
      doc: caseDoc.parse(stillWaiting(good())) as CaseDoc,
      kind: 'mottaksbrev',
      lang: 'nb',
      options: OPTIONS.mottaksbrev,
      settings: DEFAULT_LETTER_SETTINGS,
      today: TODAY,
      letterId: 'a'.repeat(26),
      version: 1,
      draft: false,
      signer: { name: null, memberId: 'b'.repeat(26), kid: 'k'.repeat(43) },
    });
    expect(codes(p.findings)).toEqual(['SIGNER_NAME_MISSING@signer.name']);
  });
});

describe('a case without what a kind needs is LETTER_DATA_MISSING, not a finding', () => {
  const cases: [LetterKind, (c: CaseDocInput) => void, string, LetterOptions?][] = [
    ['sakkyndig-vurdering', (c) => (c.service = 'BUP'), 'SAKKYNDIG_ONLY_PPT'],
    ['mottaksbrev', (c) => (c.referrals = []), 'NO_REFERRAL'],
    ['ny-kontaktperson', (c) => (c.assignments = []), 'NO_CASEWORKER'],
    ['motereferat', (c) => (c.meetings = []), 'NO_MEETING'],
    ['motereferat', () => {}, 'MEETING_NOT_FOUND', { meeting: 'm-9' }],
    ['anbefaling', (c) => (c.recommendations = []), 'NO_MEASURES'],
    ['tiltaksoversikt', (c) => (c.recommendations = []), 'NO_MEASURES'],
    ['oppfolgingsbrev', (c) => (c.meetings = []), 'NOTHING_OVERDUE'],
  ];
  for (const [kind, breakIt, code, options] of cases)
    it(`${kind}: ${code}`, () => {
      const c = good();
      breakIt(c);
      let err: unknown;
      try {
        check(c, kind, options ?? OPTIONS[kind]);
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({ code: 'LETTER_DATA_MISSING', issues: [{ code }] });
    });
});

describe('nynorsk letters and case text in bokmål (item 4)', () => {
  const nn = (doc: CaseDocInput) =>
    prepareLetter({
      doc: caseDoc.parse(doc) as CaseDoc,
      kind: 'anbefaling',
      lang: 'nn',
      options: OPTIONS.anbefaling,
      settings: WITH_MUNICIPALITY,
      today: TODAY,
      letterId: 'a'.repeat(26),
      version: 1,
      draft: false,
      signer: { name: 'Ola Hansen', memberId: 'b'.repeat(26), kid: 'k'.repeat(43) },
    });
  it('names each bokmål case text; a nynorsk text is printed instead, a kept one with its reason is not named', () => {
    const c = good();
    const keys = () =>
      nn(c)
        .findings.filter((f) => f.code === 'CASE_TEXT_BOKMAL')
        .map((f) => f.path.join('|'));
    expect(keys()).toContain('nynorsk|pupilVoice');
    expect(keys()).toContain('nynorsk|recommendations/t-2/what');
    // The caseworker must resolve it: an error that blocks issuing, not a warning.
    const found = nn(c).findings.filter((f) => f.code === 'CASE_TEXT_BOKMAL');
    expect(found.every((f) => f.severity === 'error')).toBe(true);
    expect(hasErrors(found)).toBe(true);
    c.nynorsk = {
      pupilVoice: { text: 'Eg vil gå på skulen når eg veit kven som møter meg.' },
      'recommendations/t-2/what': { keepReason: 'Ordlyden er avtalt med skulen.' },
    };
    expect(keys()).not.toContain('nynorsk|pupilVoice');
    expect(keys()).not.toContain('nynorsk|recommendations/t-2/what');
    const text = nn(c).model.pupilVoice?.text;
    expect(text).toBe('Eg vil gå på skulen når eg veit kven som møter meg.');
    // A bokmål letter never asks.
    expect(check(good()).findings.some((f) => f.code === 'CASE_TEXT_BOKMAL')).toBe(false);
  });

  it('the pupil’s dated words and the family’s proposals are case text too', () => {
    const c = good();
    c.voices = [
      {
        date: '2026-03-02',
        how: 'samtale',
        gatheredBy: 'Ola Hansen',
        said: 'Jeg vet ikke hvem jeg skal si fra til.',
      },
    ];
    c.proposals = [
      {
        id: 'p-1',
        date: '2026-03-03',
        what: 'Et eget rom å gå til i friminuttene.',
        proposedBy: 'mor',
        response: 'delvis',
        reason: 'Skolen kan gjøre det to dager i uka, ikke hver dag.',
        answeredBy: 'Ola Hansen',
        answered: '2026-03-05',
      },
    ];
    const bokmal = () =>
      nn(c)
        .findings.filter((f) => f.code === 'CASE_TEXT_BOKMAL')
        .map((f) => f.path.join('|'));
    expect(bokmal()).toEqual(
      expect.arrayContaining([
        'nynorsk|voices/2026-03-02/said',
        'nynorsk|proposals/p-1/what',
        'nynorsk|proposals/p-1/reason',
      ]),
    );
    c.nynorsk = {
      'voices/2026-03-02/said': { keepReason: 'Eleven sine eigne ord.' },
      'proposals/p-1/what': { text: 'Eit eige rom å gå til i friminutta.' },
      'proposals/p-1/reason': { text: 'Skulen kan gjere det to dagar i veka, ikkje kvar dag.' },
    };
    expect(bokmal().filter((k) => /voices|proposals/u.test(k))).toEqual([]);
    const m = nn(c).model;
    expect(m.pupilVoice?.entries?.[0]?.said).toBe('Jeg vet ikke hvem jeg skal si fra til.');
    expect(m.proposals?.[0]?.what).toBe('Eit eige rom å gå til i friminutta.');
    expect(m.proposals?.[0]?.reason).toBe('Skulen kan gjere det to dagar i veka, ikkje kvar dag.');
    const doc = caseDoc.parse(c) as CaseDoc;
    expect(caseTextAt(doc, 'voices/2026-03-02/said')).toBe('Jeg vet ikke hvem jeg skal si fra til.');
    expect(caseTextAt(doc, 'proposals/p-1/what')).toBe('Et eget rom å gå til i friminuttene.');
  });

  it('a møtereferat’s decisions and agreements are case text too', () => {
    const c = good();
    c.meetings![0]!.decisions = ['Neste møte holdes om fire uker.'];
    c.meetings![0]!.agreements![0]!.what = 'Sende ukeplan med endringer hjem fredag';
    const referat = () =>
      prepareLetter({
        doc: caseDoc.parse(c) as CaseDoc,
        kind: 'motereferat',
        lang: 'nn',
        options: OPTIONS.motereferat,
        settings: WITH_MUNICIPALITY,
        today: TODAY,
        letterId: 'a'.repeat(26),
        version: 1,
        draft: false,
        signer: { name: 'Ola Hansen', memberId: 'b'.repeat(26), kid: 'k'.repeat(43) },
      });
    const keys = () =>
      referat()
        .findings.filter((f) => f.code === 'CASE_TEXT_BOKMAL')
        .map((f) => f.path.join('|'));
    expect(keys()).toEqual(
      expect.arrayContaining(['nynorsk|meetings/m-1/decisions.0', 'nynorsk|meetings/m-1/agreements.0.what']),
    );
    c.nynorsk = {
      'meetings/m-1/decisions.0': { text: 'Neste møte blir halde om fire veker.' },
      'meetings/m-1/agreements.0.what': { text: 'Sende vekeplan med endringar heim fredag' },
    };
    expect(keys().filter((k) => k.includes('meetings/m-1/'))).toEqual([]);
    const m = referat().model.meeting!;
    expect(m.decisions).toEqual(['Neste møte blir halde om fire veker.']);
    expect(m.agreements[0]!.what).toBe('Sende vekeplan med endringar heim fredag');
    expect(caseTextAt(caseDoc.parse(c) as CaseDoc, 'meetings/m-1/decisions.0')).toBe(
      'Neste møte holdes om fire uker.',
    );
  });

  it('the referral reason under «Bakgrunn» is case text too: named, written in nynorsk, or kept', () => {
    const c = good();
    c.referrals![0]!.reason = 'delvis fravær: kommer sent og går tidlig hjem';
    const bokmal = () =>
      nn(c)
        .findings.filter((f) => f.code === 'CASE_TEXT_BOKMAL')
        .map((f) => f.path.join('|'));
    expect(bokmal()).toContain('nynorsk|referrals/r-1/reason');
    c.nynorsk = { 'referrals/r-1/reason': { text: 'delvis fråvær: kjem seint og går tidleg heim' } };
    expect(bokmal()).not.toContain('nynorsk|referrals/r-1/reason');
    expect(nn(c).model.referral?.reason).toBe('delvis fråvær: kjem seint og går tidleg heim');
    const prose = nn(c)
      .layout.blocks.filter((b) => b.t === 'p')
      .map((b) => (b as { text: string }).text)
      .join(' ');
    expect(prose).toContain('delvis fråvær: kjem seint og går tidleg heim');
    expect(prose).not.toContain('kommer sent');
    c.nynorsk = { 'referrals/r-1/reason': { keepReason: 'Sitat frå tilvisinga.' } };
    expect(bokmal()).not.toContain('nynorsk|referrals/r-1/reason');
    expect(nn(c).model.referral?.reason).toBe('delvis fravær: kommer sent og går tidlig hjem');
    // The app's editor finds the bokmål text by the same key.
    expect(caseTextAt(caseDoc.parse(c) as CaseDoc, 'referrals/r-1/reason')).toBe(
      'delvis fravær: kommer sent og går tidlig hjem',
    );
  });
});
