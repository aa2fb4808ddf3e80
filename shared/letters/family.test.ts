import { describe, expect, it } from 'vitest';
import { caseDoc, type CaseDoc, type CaseDocInput } from '../domain/caseDoc';
import { completeCase, KIND_OPTIONS, LETTER_TODAY as TODAY } from './letters.fixture';
import { prepareLetter, type LetterKind } from './index';
import { textOf } from './layout';
import { DEFAULT_LETTER_SETTINGS } from './settings';

/** Issue 14 in the letters: the pupil's voice as entries, the proposals' follow-up, the høringsutkast. */
function letter(
  doc: CaseDocInput,
  kind: LetterKind = 'anbefaling',
  opts: { lang?: 'nb' | 'nn'; earlier?: { kind: LetterKind; lang: 'nb' | 'nn'; date: string }[] } = {},
) {
  return prepareLetter({
    doc: caseDoc.parse(doc) as CaseDoc,
    kind,
    lang: opts.lang ?? 'nb',
    options: KIND_OPTIONS[kind],
    settings: DEFAULT_LETTER_SETTINGS,
    today: TODAY,
    letterId: 'a'.repeat(26),
    version: 1,
    draft: false,
    signer: { name: 'Ola Hansen', memberId: 'b'.repeat(26), kid: 'k'.repeat(43) },
    ...(opts.earlier ? { earlier: opts.earlier } : {}),
  });
}
const codes = (l: ReturnType<typeof letter>) => l.findings.map((f) => f.code);

describe('«Slik er foresattes innspill fulgt opp»', () => {
  it('prints each proposal with its answer and reason, or when the answer comes', () => {
    const c = completeCase();
    c.proposals = [
      {
        date: '2026-04-20',
        what: 'Fast voksen i garderoben',
        proposedBy: 'mor',
        response: 'delvis',
        reason: 'Tre dager i uka, ikke fem',
        answeredBy: 'Ola Hansen',
        answered: '2026-04-24',
      },
      { date: '2026-05-08', what: 'Hjemmeundervisning en dag i uka' },
    ];
    const l = letter(c);
    const text = textOf(l.layout);
    expect(text).toContain('Slik er foresattes innspill fulgt opp');
    expect(text).toContain('Delvis tatt inn: Tre dager i uka, ikke fem. Svar fra Ola Hansen 24. april 2026.');
    // 2026-05-08 + 10 working days (17 May is a holiday).
    expect(text).toMatch(
      /Hjemmeundervisning en dag i uka\. Ikke besvart ennå\. Dere får svar innen \d+\. mai 2026\./u,
    );
    expect(codes(l)).toEqual(['PROPOSAL_UNANSWERED']);
    expect(textOf(letter(c, 'anbefaling', { lang: 'nn' }).layout)).toContain(
      'Slik er innspela frå føresette følgde opp',
    );
  });
  it('is left out when there are no proposals, and in letters that are not about measures', () => {
    expect(textOf(letter(completeCase()).layout)).not.toContain('innspill');
  });
});

describe('Elevens stemme from dated entries', () => {
  it('quotes the latest entries with how, when and by whom, instead of the one text from before', () => {
    const c = completeCase();
    c.voices = [
      { date: '2026-03-01', how: 'samtale', gatheredBy: 'Ola Hansen', said: 'Eldste' },
      { date: '2026-04-01', how: 'samtale', gatheredBy: 'Ola Hansen', said: 'Nest eldste' },
      { date: '2026-04-15', how: 'skjema', gatheredBy: 'Ola Hansen', helps: 'Musikk i friminuttet' },
      { date: '2026-05-02', how: 'samtale hjemme', gatheredBy: 'Kari Lie', hurts: 'Bråk i garderoben' },
    ];
    const l = letter(c);
    const text = textOf(l.layout);
    expect(text).toContain('«Bråk i garderoben»');
    expect(text).toContain('Hentet 2. mai 2026, samtale hjemme, av Kari Lie.');
    expect(text).toContain('«Musikk i friminuttet»');
    expect(text).not.toContain('Eldste');
    expect(text).not.toContain(c.pupilVoice as string);
    expect(codes(l)).toEqual([]);
  });
  it('still uses the one text from before when there are no entries', () => {
    const c = completeCase();
    expect(textOf(letter(c).layout)).toContain(c.pupilVoice as string);
  });
});

describe('høringsutkast', () => {
  const shared = {
    kind: 'anbefaling',
    shared: '2026-04-28',
    commentBy: '2026-05-08',
    sharedWith: 'foresatte',
  } as const;
  it('prints the parents’ comment under its own heading', () => {
    const c = completeCase();
    c.hearings = [
      { ...shared, comment: 'Vi ønsker at kontaktlærer ringer fredager.', commentReceived: '2026-05-05' },
    ];
    const text = textOf(letter(c).layout);
    expect(text).toContain('Foresattes merknader til utkastet');
    expect(text).toContain('«Vi ønsker at kontaktlærer ringer fredager.»');
  });
  it('says that none came by the date once it has passed', () => {
    const c = completeCase();
    c.hearings = [shared];
    const l = letter(c);
    expect(textOf(l.layout)).toContain('Det kom ingen merknader innen fristen 8. mai 2026.');
    expect(codes(l)).toEqual([]);
  });
  it('stops the letter while the parents still have time to comment', () => {
    const c = completeCase();
    c.hearings = [{ ...shared, commentBy: '2026-05-20' }];
    expect(codes(letter(c))).toEqual(['HEARING_OPEN']);
  });
  it('belongs to its own kind and to the round after the last letter of that kind', () => {
    const c = completeCase();
    c.hearings = [shared];
    expect(textOf(letter(c, 'tiltaksoversikt').layout)).not.toContain('merknader til utkastet');
    const later = letter(c, 'anbefaling', {
      earlier: [{ kind: 'anbefaling', lang: 'nb', date: '2026-05-01' }],
    });
    expect(textOf(later.layout)).not.toContain('merknader til utkastet');
  });
});

describe('forventningsavklaring', () => {
  it('prints what the parents are asked to do, contact frequency and disagreement, and the revisit', () => {
    const c = completeCase();
    c.expectations = {
      ...(c.expectations ?? {}),
      parentsAskedTo: 'Gi beskjed samme morgen hvis eleven blir hjemme',
      contactFrequency: 'Telefon hver fjortende dag',
      disagreement: 'Ta det opp med lederen i PPT',
    };
    const text = textOf(letter(c).layout);
    expect(text).toContain('Telefon hver fjortende dag');
    expect(text).toContain('Forventningene gås gjennom på nytt på hvert evalueringsmøte.');
  });
  it('is in the first letter to the family whatever its kind, and not in later ones of other kinds', () => {
    const c = completeCase();
    c.expectations = { contactFrequency: 'Telefon hver fjortende dag' };
    expect(textOf(letter(c, 'tiltaksoversikt').layout)).toContain('Telefon hver fjortende dag');
    const later = letter(c, 'tiltaksoversikt', {
      earlier: [{ kind: 'mottaksbrev', lang: 'nb', date: '2026-02-01' }],
    });
    expect(textOf(later.layout)).not.toContain('Telefon hver fjortende dag');
  });
});
