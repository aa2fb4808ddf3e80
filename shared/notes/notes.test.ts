import { describe, expect, it } from 'vitest';
import { caseDoc, type CaseDoc } from '../domain/caseDoc';
import { foldCase } from '../events/fold';
import { formatHlc, parseEventData, type StoredEvent } from '../events/vocabulary';
import { diffCase, toInterchangeCase } from '../interchange/diff';
import { prepareLetter, textOf } from '../letters/index';
import { completeCase, KIND_OPTIONS, LETTER_TODAY } from '../letters/letters.fixture';
import { DEFAULT_LETTER_SETTINGS } from '../letters/settings';
import { BroError } from '../errors';
import { noteChangeIssues, noteMayLeave, noteWriters, searchNotes } from './visibility';

const CASE = 'c'.repeat(26);
const KEY_OPEN = 'a'.repeat(26);
const KEY_SECRET = 'b'.repeat(26);
let n = 0;
function ev(type: string, data: unknown, actor = 'm'.repeat(26)): StoredEvent {
  n++;
  const parsed = parseEventData(type, data);
  if (!parsed.success) throw new Error(`invalid ${type}`);
  return {
    v: 1,
    id: `e${[...String(n).padStart(25, '0')].map((d) => 'abcdefghij'[Number(d)]).join('')}`,
    caseId: CASE,
    type,
    hlc: formatHlc({ wall: 1_000 + n, counter: 0 }),
    device: 'd'.repeat(26),
    actor,
    at: '2026-03-01T10:00:00.000Z',
    data,
  };
}

function caseWithNotes(later: () => StoredEvent[] = () => []) {
  return foldCase(CASE, [
    ev('case.opened', { externalId: 'sak-1', service: 'PPT' }),
    ev('pupil.recorded', { set: { name: 'Testelev Syntetisk', school: 'Hov skole', grade: 7 } }),
    ev('notes.recorded', {
      key: KEY_OPEN,
      set: { id: 'n-1', date: '2026-02-02', kind: 'telefon', text: 'Mor ringte om morgenrutiner.' },
    }),
    ev(
      'notes.recorded',
      {
        key: KEY_SECRET,
        set: {
          id: 'n-2',
          date: '2026-02-03',
          kind: 'samtale',
          text: 'HEMMELIG-X1 om familien.',
          confidential: true,
        },
      },
      'w'.repeat(26),
    ),
    ...later(),
  ]);
}

describe('noteMayLeave (the one rule)', () => {
  it('keeps a confidential note in until it is released', () => {
    expect(noteMayLeave({ confidential: null })).toBe(true);
    expect(noteMayLeave({ confidential: false })).toBe(true);
    expect(noteMayLeave({ confidential: true })).toBe(false);
    expect(
      noteMayLeave({ confidential: true, released: { date: '2026-03-01', reason: 'Foresatte ba om det' } }),
    ).toBe(true);
  });
});

describe('noteChangeIssues', () => {
  it('refuses clearing the flag or writing a release outside notes.release', () => {
    expect(noteChangeIssues({ confidential: true }, { confidential: false })).toEqual([
      { field: 'confidential', code: 'NOTE_RELEASE_REQUIRED' },
    ]);
    expect(
      noteChangeIssues({ confidential: true }, { released: { date: '2026-03-01', reason: 'x' } }),
    ).toEqual([{ field: 'released', code: 'NOTE_RELEASE_REQUIRED' }]);
    expect(noteChangeIssues({ confidential: true, text: 'a' }, { text: 'b' })).toEqual([]);
    expect(noteChangeIssues(undefined, { confidential: true, text: 'a' })).toEqual([]);
    // Marking an open note confidential is always allowed.
    expect(noteChangeIssues({ confidential: false }, { confidential: true })).toEqual([]);
  });
});

describe('searchNotes', () => {
  const notes = [
    { date: '2026-02-02', kind: 'telefon' as const, text: 'Mor ringte om morgenrutiner.' },
    { date: '2026-02-10', kind: 'møte' as const, text: 'Møte med rektor Åse om oppstart.' },
  ];
  it('matches every word, ignoring case and diacritics, in text, kind, date and author', () => {
    expect(searchNotes(notes, '')).toEqual([0, 1]);
    expect(searchNotes(notes, 'MORGEN')).toEqual([0]);
    expect(searchNotes(notes, 'ase oppstart')).toEqual([1]);
    expect(searchNotes(notes, 'mote')).toEqual([1]);
    expect(searchNotes(notes, 'telefon 2026-02')).toEqual([0]);
    expect(searchNotes(notes, 'kari', (i) => (i === 1 ? 'Kari Nordmann' : null))).toEqual([1]);
    expect(searchNotes(notes, 'finnes-ikke')).toEqual([]);
  });
});

describe('notes in the fold', () => {
  it('a correction keeps the old text in the history, and the writer is the first recorder', () => {
    const state = caseWithNotes(() => [
      ev('notes.recorded', {
        key: KEY_OPEN,
        set: { text: 'Far ringte om morgenrutiner.' },
        reason: 'Feil forelder',
      }),
    ]);
    expect(state.doc.notes?.[0]?.text).toBe('Far ringte om morgenrutiner.');
    const correction = state.history.at(-1);
    expect(correction?.reason).toBe('Feil forelder');
    expect(correction?.changes).toEqual([
      { field: 'text', from: 'Mor ringte om morgenrutiner.', to: 'Far ringte om morgenrutiner.' },
    ]);
    expect(noteWriters(state.history).get(KEY_SECRET)).toBe('w'.repeat(26));
  });
});

describe('notes in the interchange export', () => {
  it('leaves out a confidential note until it is released, and names the writer', () => {
    const before = toInterchangeCase(caseWithNotes(), (id) =>
      id === 'w'.repeat(26) ? 'Kari Nordmann' : null,
    );
    expect(before.notes?.map((x) => x.id)).toEqual(['n-1']);
    expect(JSON.stringify(before)).not.toContain('HEMMELIG-X1');
    const released = caseWithNotes(() => [
      ev('notes.recorded', {
        key: KEY_SECRET,
        set: { released: { date: '2026-03-01', reason: 'Foresatte samtykket' } },
        reason: 'Foresatte samtykket',
      }),
    ]);
    const after = toInterchangeCase(released, (id) => (id === 'w'.repeat(26) ? 'Kari Nordmann' : null));
    expect(after.notes?.map((x) => x.id)).toEqual(['n-1', 'n-2']);
    expect(after.notes?.[1]).toMatchObject({ author: 'Kari Nordmann', confidential: true });
    // Importing the export into the same vault changes nothing (no author rewrite, no un-release).
    expect(diffCase(released, caseDoc.parse(after) as CaseDoc, () => 'z'.repeat(26))).toEqual([]);
    // A file without `released` does not take a release back.
    const stripped = { ...after, notes: after.notes?.map(({ released: _r, ...x }) => x) };
    expect(diffCase(released, caseDoc.parse(stripped) as CaseDoc, () => 'z'.repeat(26))).toEqual([]);
  });
});

describe('notes in letters', () => {
  const doc = (): CaseDoc => {
    const raw = completeCase() as Record<string, unknown>;
    raw.notes = [
      {
        id: 'n-1',
        date: '2026-02-02',
        kind: 'telefon',
        text: 'Mor ringte om morgenrutiner.',
        confidential: false,
      },
      {
        id: 'n-2',
        date: '2026-02-03',
        kind: 'samtale',
        text: 'HEMMELIG-X1 om familien.',
        confidential: true,
      },
    ];
    return caseDoc.parse(raw) as CaseDoc;
  };
  const letter = (d: CaseDoc, notes: string[] | undefined) =>
    prepareLetter({
      doc: d,
      kind: 'anbefaling',
      lang: 'nb',
      options: { ...KIND_OPTIONS.anbefaling, ...(notes ? { notes } : {}) },
      settings: DEFAULT_LETTER_SETTINGS,
      today: LETTER_TODAY,
      letterId: 'a'.repeat(26),
      version: 1,
      draft: true,
      signer: null,
    });
  it('quotes a chosen open note and never the text of a confidential one', () => {
    const text = textOf(letter(doc(), ['n-1']).layout);
    expect(text).toContain('Fra journalen');
    expect(text).toContain('Mor ringte om morgenrutiner.');
    expect(text).not.toContain('HEMMELIG-X1');
    expect(textOf(letter(doc(), undefined).layout)).not.toContain('Fra journalen');
  });
  it('refuses a confidential note not released, and takes it once released', () => {
    let err: unknown;
    try {
      letter(doc(), ['n-2']);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BroError);
    expect((err as BroError).issues[0]?.code).toBe('NOTE_CONFIDENTIAL');
    const d = doc();
    d.notes![1]!.released = { date: '2026-03-01', reason: 'Foresatte samtykket' };
    expect(textOf(letter(d, ['n-2']).layout)).toContain('HEMMELIG-X1');
  });
  it('a referral with only id and received makes a letter without "undefined" or "null"', () => {
    const d = doc();
    d.referrals = [{ id: 'r-1', received: '2026-01-07' }];
    for (const kind of ['anbefaling', 'mottaksbrev'] as const) {
      const text = textOf(
        prepareLetter({
          doc: d,
          kind,
          lang: 'nn',
          options: KIND_OPTIONS[kind],
          settings: DEFAULT_LETTER_SETTINGS,
          today: LETTER_TODAY,
          letterId: 'a'.repeat(26),
          version: 1,
          draft: true,
          signer: null,
        }).layout,
      );
      expect(text).not.toMatch(/undefined|null|Grunnen var: \./);
    }
  });
});

describe('the demo has journal notes', () => {
  it('of every kind, some confidential, exactly one of those released, all valid', async () => {
    const { generateDemo } = await import('../demo/generate');
    const file = generateDemo({ cases: 40, seed: 'bro-demo', today: '2026-05-12' });
    const notes = file.cases.flatMap((c) => c.notes ?? []);
    expect(new Set(notes.map((x) => x.kind))).toEqual(
      new Set(['samtale', 'telefon', 'møte', 'observasjon', 'annet']),
    );
    expect(notes.filter((x) => x.confidential).length).toBeGreaterThan(1);
    expect(notes.filter((x) => x.released).length).toBe(1);
    expect(notes.every((x) => x.date <= '2026-05-12')).toBe(true);
    for (const c of file.cases) expect(caseDoc.safeParse(c).success).toBe(true);
  });
});
