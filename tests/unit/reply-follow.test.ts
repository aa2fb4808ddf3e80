// Issue 19 item 3, the oppfølgingsbrev: its reply page is a form with one group per overdue item
// the school is asked about («Utført», «Ny frist», «Kan ikke gjennomføres», a date, «Ansvarlig og
// grunn»). A school fills it in (pdf-lib, saved incrementally), `reply.import` records each answer
// where the case has a place for it (an agreement's status or deadline, a school answer, an
// evaluation date) and the whole answer word for word in one journal note; a second import changes
// nothing; a slip that does not hold is refused and nothing is recorded. Real vault (`bro demo`),
// real keys, real PDFs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as bro } from '../../electron/cli/main';
import { call, createHandlers, type Handlers } from '../../electron/services/handlers';
import { Session } from '../../electron/services/session';
import { nbDate } from '../../shared/calendar/days';
import { caseObligations } from '../../shared/cases/obligations';
import { DEFAULT_SETTINGS } from '../../shared/waiting/settings';
import { generateDemo } from '../../shared/demo/generate';
import { caseDoc as caseDocSchema, type CaseDoc } from '../../shared/domain/caseDoc';
import { BroError } from '../../shared/errors';
import { letterOptions, prepareLetter, type LetterOptionsInput } from '../../shared/letters';
import type { OverdueItem } from '../../shared/letters/model';
import { followItems } from '../../shared/letters/replyForm';
import { followNote } from '../../shared/letters/followReply';
import { TEST_ISSUE } from '../../shared/letters/letters.fixture';
import { DEFAULT_LETTER_SETTINGS } from '../../shared/letters/settings';
import { fillReply } from './pdf-fill.fixture';

const PASS = 'syntetisk passord';
const TODAY = '2026-12-04';
const DEMO = { cases: 40, seed: 'svar', today: TODAY } as const;

let root: string;
let h: Handlers;
/** Letters issued before any answer is read in, so that each test meets the page as the school did. */
const pdfs: Record<'mixed' | 'refused' | 'removed' | 'answer' | 'twice', Buffer> = {} as never;

/**
 * The school items an oppfølgingsbrev would ask about for each demo case it can be issued for as
 * it stands (a missing consent decided as the letter editor records it: a legal basis).
 */
function candidates() {
  const out: { id: string; items: OverdueItem[]; options: LetterOptionsInput }[] = [];
  for (const c of generateDemo(DEMO).cases) {
    const doc = caseDocSchema.parse(c) as CaseDoc;
    const prepare = (options: LetterOptionsInput) =>
      prepareLetter({
        doc,
        // The case's obligations on the day, as `letters.issue` gives them (the school's answer is
        // late by the task's rule).
        obligations: caseObligations({ caseId: c.id, doc }, TODAY, DEFAULT_SETTINGS).obligations,
        kind: 'oppfolgingsbrev',
        lang: 'nb',
        options: letterOptions.parse(options),
        settings: DEFAULT_LETTER_SETTINGS,
        today: TODAY,
        ...TEST_ISSUE,
      });
    try {
      const first = prepare({});
      const legalBasis = Object.fromEntries(
        first.findings
          .filter((f) => f.code === 'CONSENT_MISSING')
          .map((f) => [f.recipient!, 'Forvaltningsloven § 13 b nr. 1']),
      );
      const options = { legalBasis };
      const p = prepare(options);
      if (p.findings.some((f) => f.severity === 'error')) continue;
      out.push({ id: c.id, items: followItems(p.model), options });
    } catch {
      continue;
    }
  }
  return out;
}

async function issue(c: { id: string; options: LetterOptionsInput }, name: string): Promise<Buffer> {
  const out = path.join(root, name);
  await call(h, 'letters.issue', { caseId: c.id, kind: 'oppfolgingsbrev', out, options: c.options });
  return readFileSync(out);
}
async function doc(caseRef: string) {
  const id = (await call(h, 'cases.list', {})).cases.find((c) => c.externalId === caseRef)!.caseId;
  return { id, doc: (await call(h, 'cases.get', { caseId: id })).doc as CaseDoc };
}
const importReply = (pdf: Buffer) => call(h, 'reply.import', { pdf: pdf.toString('base64') });
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BroError) return e.issues[0]?.code ?? e.code;
    throw e;
  }
  throw new Error('expected a refusal');
}
const agreementAt = (d: CaseDoc, i: OverdueItem) =>
  d.meetings![i.path[1] as number]!.agreements![i.path[3] as number]!;
const recAt = (d: CaseDoc, i: OverdueItem) => d.recommendations!.find((r) => r.id === i.ref)!;

const cases = candidates();
/** A case asked about several agreements and an evaluation; another about a school answer. */
const mixed = cases.find(
  (c) =>
    c.items.filter((i) => i.kind === 'agreement').length >= 3 && c.items.some((i) => i.kind === 'evaluation'),
)!;
const answering = cases.find((c) => c.items.some((i) => i.kind === 'answer' && !i.lovkrav))!;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'bro-follow-'));
  h = createHandlers(new Session({ kdf: { N: 2 ** 12, r: 8, p: 1 }, today: TODAY }));
  await call(h, 'vault.create', { dir: path.join(root, 'v'), passphrase: PASS, memberName: 'Ola Hansen' });
  await call(h, 'demo.create', DEMO);
  pdfs.mixed = await issue(mixed, 'oppfolging.pdf');
  pdfs.refused = await issue(mixed, 'oppfolging-2.pdf');
  pdfs.removed = await issue(mixed, 'oppfolging-3.pdf');
  pdfs.answer = await issue(answering, 'oppfolging-svar.pdf');
  pdfs.twice = await issue(answering, 'oppfolging-svar-2.pdf');
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the reply page of an oppfølgingsbrev', () => {
  it('the demo has cases to answer (agreements and an evaluation; a school answer)', () => {
    expect(mixed).toBeDefined();
    expect(answering).toBeDefined();
  });

  it('records each answer where the case has a place for it, and all of it in one journal note', async () => {
    const pdf = pdfs.mixed;
    const items = mixed.items;
    const agreements = items.map((i, n) => ({ i, n: n + 1 })).filter((x) => x.i.kind === 'agreement');
    const evaluation = items.map((i, n) => ({ i, n: n + 1 })).find((x) => x.i.kind === 'evaluation')!;
    // «Kan ikke» is asked of an agreement still open (one marked «ikke utført» already stays so).
    const { doc: before } = await doc(mixed.id);
    const open = agreements.filter((x) => agreementAt(before, x.i).status === 'åpen');
    expect(open.length).toBeGreaterThanOrEqual(1);
    const declined = open[0]!;
    const [done, moved] = agreements.filter((x) => x !== declined);
    const tasksBefore = (await call(h, 'tasks.list', { asOf: TODAY })).tasks.filter(
      (t) => t.case === mixed.id || t.caseId === mixed.id,
    );
    const filled = await fillReply(pdf, {
      radio: {
        [`svar${done!.n}`]: 'utfort',
        [`svar${moved!.n}`]: 'ny_frist',
        [`svar${declined!.n}`]: 'kan_ikke',
        [`svar${evaluation.n}`]: 'ny_frist',
      },
      text: {
        [`frist${moved!.n}`]: '15.01.2027',
        [`ansvarlig${moved!.n}`]: 'Kontaktlærer; sykemelding i desember',
        [`ansvarlig${declined!.n}`]: 'Rektor; skyssen kan ikke endres før sommeren (æøå)',
        [`frist${evaluation.n}`]: '2027-01-20',
        dato: nbDate(TODAY),
        navn: 'Kari Nordmann, rektor',
      },
    });
    const r = await importReply(filled);
    expect(r.kind).toBe('oppfolgingsbrev');
    expect(r.followUp!.map((f) => [f.n, f.answer, f.effect, f.unchanged])).toEqual(
      [
        [done!.n, 'utført', 'agreement', false],
        [moved!.n, 'ny frist', 'agreement', false],
        [declined!.n, 'kan ikke', 'agreement', false],
        [evaluation.n, 'ny frist', 'evaluationDate', false],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
    expect(r.noteAdded).toBe(true);

    const { doc: after } = await doc(mixed.id);
    expect(agreementAt(after, done!.i).status).toBe('utført');
    expect(agreementAt(after, moved!.i)).toMatchObject({ status: 'åpen', deadline: '2027-01-15' });
    expect(agreementAt(after, declined!.i).status).toBe('ikke utført');
    expect(recAt(after, evaluation.i).evaluation!.date).toBe('2027-01-20');
    const note = after.notes!.find((n) => n.id === r.noteId)!;
    expect(note).toMatchObject({ kind: 'annet', date: TODAY });
    expect(note.text).toContain('Kari Nordmann, rektor');
    expect(note.text).toContain('skyssen kan ikke endres før sommeren (æøå)');
    expect(note.text).toContain('Ny frist (15.01.2027)');
    // The answered agreements' tasks are closed or moved; the evaluation's is moved.
    const at = (t: { item?: number; agreement?: number }, x: { i: OverdueItem }) =>
      t.item === x.i.path[1] && t.agreement === x.i.path[3];
    const tasksOn = async (asOf: string) =>
      (await call(h, 'tasks.list', { asOf })).tasks.filter(
        (t) => t.caseId === r.caseId || t.case === mixed.id,
      );
    const tasks = await tasksOn(TODAY);
    // Only an open agreement has a task (the declined one is open: at least one real check).
    for (const x of [done!, moved!, declined]) {
      const wasOpen = agreementAt(before, x.i).status === 'åpen';
      expect(tasksBefore.some((t) => t.kind === 'agreement' && at(t, x))).toBe(wasOpen);
      expect(tasks.some((t) => t.kind === 'agreement' && at(t, x))).toBe(false);
    }
    const later = await tasksOn('2027-01-21');
    expect(later.filter((t) => t.kind === 'agreement' && at(t, moved!)).map((t) => t.due)).toEqual([
      '2027-01-15',
    ]);
    expect(
      later.filter((t) => t.kind === 'evaluation' && t.ref === evaluation.i.ref).map((t) => t.due),
    ).toEqual(['2027-01-20']);

    // The same slip again changes nothing: through the contract, and through `bro reply import`.
    const again = await importReply(filled);
    expect(again.followUp!.every((f) => f.unchanged)).toBe(true);
    expect(again.noteAdded).toBe(false);
    const slip = path.join(root, 'svar.pdf');
    writeFileSync(slip, filled);
    let out = '';
    const cli = (args: string[]) =>
      bro(['reply', 'import', path.join(root, 'v'), slip, ...args], {
        out: (x) => (out += x),
        err: () => {},
        env: { BRO_PASSPHRASE: PASS },
        isTTY: false,
      });
    expect(await cli([])).toBe(0);
    expect(out).toContain('Svaret var allerede lagret; ingenting nytt.');
    expect(out).toContain(`${moved!.n}. ${moved!.i.what}: ny frist (2027-01-15): lagret fra før`);
    expect(out).toContain('Journalnotatet med svaret var lagret fra før.');
    out = '';
    expect(await cli(['--json'])).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      ok: true,
      kind: 'oppfolgingsbrev',
      noteAdded: false,
      recorded: [],
    });
    expect((await doc(mixed.id)).doc).toEqual(after);
  });

  it('an older slip does not put back what has changed since: it goes into the note only', async () => {
    // pdfs.refused was issued with the original agreements; test 1 has since moved one and closed one.
    const { doc: before } = await doc(mixed.id);
    const agreements = mixed.items.map((i, n) => ({ i, n: n + 1 })).filter((x) => x.i.kind === 'agreement');
    const changed = agreements.find((x) => {
      const a = agreementAt(before, x.i);
      return a.deadline !== x.i.deadline || a.status === 'utført';
    })!;
    expect(changed).toBeDefined();
    const r = await importReply(
      await fillReply(pdfs.refused, {
        radio: { [`svar${changed.n}`]: 'kan_ikke' },
        text: { [`ansvarlig${changed.n}`]: 'Rektor', dato: nbDate(TODAY), navn: 'Kari Nordmann, rektor' },
      }),
    );
    expect(r.followUp).toEqual([expect.objectContaining({ n: changed.n, effect: 'note' })]);
    const { doc: after } = await doc(mixed.id);
    expect(agreementAt(after, changed.i)).toEqual(agreementAt(before, changed.i));
    expect(after.notes!.find((x) => x.id === r.noteId)!.text).toContain(
      '[Registreres av saksbehandler i saken.]',
    );
  });

  it('a «kan ikke» without a reason, or a «ny frist» without a date after the reply, is refused, nothing recorded', async () => {
    const pdf = pdfs.refused;
    const before = (await doc(mixed.id)).doc;
    const open = mixed.items.findIndex((i) => i.kind === 'agreement') + 1;
    const base = { dato: nbDate(TODAY), navn: 'Kari Nordmann, rektor' };
    expect(
      await refusal(
        importReply(await fillReply(pdf, { radio: { [`svar${open}`]: 'kan_ikke' }, text: base })),
      ),
    ).toBe('REPLY_FOLLOW_REASON');
    for (const frist of ['', '31.02.2027', nbDate(TODAY)])
      expect(
        await refusal(
          importReply(
            await fillReply(pdf, {
              radio: { [`svar${open}`]: 'ny_frist' },
              text: { ...base, [`frist${open}`]: frist },
            }),
          ),
        ),
      ).toBe('REPLY_FOLLOW_DATE');
    expect(await refusal(importReply(await fillReply(pdf, { text: base })))).toBe('REPLY_EMPTY');
    expect((await doc(mixed.id)).doc).toEqual(before);
  });

  it('«utført» on an unanswered recommendation records the school answer and closes «svar fra skolen»', async () => {
    const pdf = pdfs.answer;
    const n = answering.items.findIndex((i) => i.kind === 'answer' && !i.lovkrav) + 1;
    const item = answering.items[n - 1]!;
    const reply = await fillReply(pdf, {
      radio: { [`svar${n}`]: 'utfort' },
      text: {
        [`ansvarlig${n}`]: 'Sosiallærer har ansvaret',
        dato: nbDate(TODAY),
        navn: 'Per Olsen, avdelingsleder',
      },
    });
    const r = await importReply(reply);
    expect(r.recorded).toEqual([{ recommendationId: item.ref, n, answer: 'gjennomføres', date: TODAY }]);
    const { doc: after } = await doc(answering.id);
    expect(recAt(after, item).schoolAnswer).toEqual({
      answer: 'gjennomføres',
      reason: 'Sosiallærer har ansvaret',
      reasonCategory: null,
      alternative: null,
      by: 'Per Olsen, avdelingsleder',
      date: TODAY,
    });
    // The same slip again: the answer is the one it recorded, so nothing changes and nothing is asked.
    const again = await importReply(reply);
    expect(again.recorded).toEqual([]);
    expect(again.noteAdded).toBe(false);
    expect(again.followUp!.find((f) => f.n === n)).toMatchObject({ effect: 'schoolAnswer', unchanged: true });
    expect((await doc(answering.id)).doc).toEqual(after);
    const open = (await call(h, 'tasks.list', { asOf: TODAY })).tasks.filter(
      (t) => t.kind === 'schoolReply' && t.caseId === r.caseId,
    );
    expect(open.some((t) => t.ref === item.ref)).toBe(false);
  });

  it('a second, different slip for the same letter gets its own journal note; the first stays as it was', async () => {
    const n = answering.items.findIndex((i) => i.kind === 'answer' && !i.lovkrav) + 1;
    // «Kan ikke» on a measure the school was asked about: written in the note only.
    const slip = (reason: string) =>
      fillReply(pdfs.twice, {
        radio: { [`svar${n}`]: 'kan_ikke' },
        text: { [`ansvarlig${n}`]: reason, dato: nbDate(TODAY), navn: 'Per Olsen, avdelingsleder' },
      });
    const firstSlip = await slip('Rektor; ingen lærer ledig før jul');
    const first = await importReply(firstSlip);
    expect(first).toMatchObject({ noteAdded: true, noteId: `svar-${first.letterId}` });
    const { doc: afterFirst } = await doc(answering.id);
    const firstNote = afterFirst.notes!.find((x) => x.id === first.noteId)!;
    expect(firstNote.text).toContain('ingen lærer ledig før jul');

    const secondSlip = await slip('Rektor; ny vurdering etter møtet med foresatte');
    const second = await importReply(secondSlip);
    expect(second).toMatchObject({ noteAdded: true, noteId: `svar-${first.letterId}-2` });
    const { doc: afterSecond } = await doc(answering.id);
    // What the school answered first is still in the record, word for word, under its own id.
    expect(afterSecond.notes!.find((x) => x.id === first.noteId)).toEqual(firstNote);
    expect(afterSecond.notes!.find((x) => x.id === second.noteId)!.text).toContain(
      'ny vurdering etter møtet med foresatte',
    );
    expect(afterSecond.notes!.filter((x) => x.id.startsWith(`svar-${first.letterId}`))).toHaveLength(2);

    // Either slip again changes nothing: each is the note it made.
    expect(await importReply(secondSlip)).toMatchObject({ noteAdded: false, noteId: second.noteId });
    expect(await importReply(firstSlip)).toMatchObject({ noteAdded: false, noteId: first.noteId });
    expect((await doc(answering.id)).doc).toEqual(afterSecond);

    // A third answer through `bro reply import`: a third note, and the text says the others stay.
    const file = path.join(root, 'svar-3.pdf');
    writeFileSync(file, await slip('Rektor; endelig svar'));
    let out = '';
    const code = await bro(['reply', 'import', path.join(root, 'v'), file], {
      out: (x) => (out += x),
      err: () => {},
      env: { BRO_PASSPHRASE: PASS },
      isTTY: false,
    });
    expect(code).toBe(0);
    expect(out).toContain('Et tidligere svar på samme brev står fortsatt i sitt eget journalnotat.');
    const notes = (await doc(answering.id)).doc.notes!.filter((x) =>
      x.id.startsWith(`svar-${first.letterId}`),
    );
    expect(notes.map((x) => x.id).sort()).toEqual([
      `svar-${first.letterId}`,
      `svar-${first.letterId}-2`,
      `svar-${first.letterId}-3`,
    ]);
  });

  it('a slip about an agreement the case no longer has is refused, nothing recorded', async () => {
    const pdf = pdfs.removed;
    const target = mixed.items.map((i, n) => ({ i, n: n + 1 })).find((x) => x.i.kind === 'agreement')!;
    const { id, doc: before } = await doc(mixed.id);
    const got = await call(h, 'cases.get', { caseId: id });
    // Remove what the item points at: the meeting with the agreement, or the recommendation.
    const head = target.i.path[0] as 'meetings' | 'recommendations';
    const index = target.i.path[1] as number;
    await call(h, 'cases.update', {
      caseId: id,
      changes: [
        { op: 'remove', entity: head, key: got.keys[head]![index]!, reason: 'Registrert i feil sak' },
      ],
    });
    const removed = (await doc(mixed.id)).doc;
    expect(removed).not.toEqual(before);
    const reply = await fillReply(pdf, {
      radio: { [`svar${target.n}`]: 'utfort' },
      text: { dato: nbDate(TODAY), navn: 'Kari Nordmann, rektor' },
    });
    expect(await refusal(importReply(reply))).toMatch(/^REPLY_UNKNOWN_ITEM$/u);
    expect((await doc(mixed.id)).doc).toEqual(removed);
  });
});

describe('followNote: which journal note an answer goes in', () => {
  const letterId = 'a'.repeat(26);
  const answer = { date: TODAY, kind: 'annet' as const, text: 'Svar B', confidential: false as const };
  const note = (id: string, text: string) => ({ id, date: TODAY, text });

  it('the first answer gets svar-<letter id>; another one the next free number; the same one its own note', () => {
    expect(followNote([], letterId, answer)).toEqual({
      note: { ...answer, id: `svar-${letterId}` },
      added: true,
    });
    const one = [note(`svar-${letterId}`, 'Svar A')];
    expect(followNote(one, letterId, answer).note.id).toBe(`svar-${letterId}-2`);
    const two = [...one, note(`svar-${letterId}-2`, 'Svar B')];
    expect(followNote(two, letterId, answer)).toEqual({
      note: { ...answer, id: `svar-${letterId}-2` },
      added: false,
    });
    expect(followNote(two, letterId, { ...answer, text: 'Svar A' }).added).toBe(false);
    expect(followNote(two, letterId, { ...answer, text: 'Svar C' }).note.id).toBe(`svar-${letterId}-3`);
    // The same text on another day is another answer.
    expect(followNote(two, letterId, { ...answer, date: '2026-12-05' }).note.id).toBe(`svar-${letterId}-3`);
  });

  it("another letter's notes and a caseworker's own notes are not this letter's answer", () => {
    const other = 'b'.repeat(26);
    const notes = [
      note(`svar-${other}`, 'Svar B'),
      note(`svar-${letterId}-x`, 'Svar B'),
      note('n1', 'Svar B'),
    ];
    expect(followNote(notes, letterId, answer)).toEqual({
      note: { ...answer, id: `svar-${letterId}` },
      added: true,
    });
  });
});
