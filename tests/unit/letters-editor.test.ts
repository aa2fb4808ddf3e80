// The letter editor's operations through the one adapter path every door uses (`call`), on a real
// vault: the live preview PDF, drafts saved in the case, and issuing without a path (the app).
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BroError } from '../../shared/errors';
import { completeCase } from '../../shared/letters/letters.fixture';
import { call, createHandlers, type Handlers } from '../../electron/services/handlers';
import { Session } from '../../electron/services/session';

const run = promisify(execFile);
const PASS = 'syntetisk passord';
let root: string;
let dir: string;
let h: Handlers;
let caseId: string;

const LEGAL = { rektor: 'Forvaltningsloven § 13 b nr. 1', kontaktlærer: 'Forvaltningsloven § 13 b nr. 1' };

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'bro-editor-'));
  dir = path.join(root, 'v');
  const session = new Session({ kdf: { N: 2 ** 12, r: 8, p: 1 } });
  h = createHandlers(session);
  await call(h, 'vault.create', { dir, passphrase: PASS, memberName: 'Kari Nordmann' });
  await call(h, 'interchange.import', {
    file: { format: 'bro-interchange/1', cases: [{ ...completeCase(), id: 'c-9' }] },
  });
  caseId = (await call(h, 'cases.list', {})).cases[0]!.caseId;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function errorOf(p: Promise<unknown>): Promise<BroError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BroError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

const pdfText = async (b64: string) => {
  const f = path.join(root, `t-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(f, Buffer.from(b64, 'base64'));
  return (await run('pdftotext', ['-layout', f, '-'])).stdout;
};

describe('the live preview', () => {
  it('renders the letter as a PDF marked UTKAST, writes nothing and records nothing', async () => {
    const before = (await call(h, 'cases.get', { caseId })).summary.eventCount;
    const files = readdirSync(root).length;
    const r = await call(h, 'letters.preview', {
      caseId,
      kind: 'anbefaling',
      options: { legalBasis: LEGAL },
      pdf: true,
    });
    expect(r.pdf).toBeDefined();
    const pdf = Buffer.from(r.pdf!, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(r.pdf!);
    expect(text).toContain('UTKAST');
    expect((await call(h, 'cases.get', { caseId })).summary.eventCount).toBe(before);
    expect(readdirSync(root).length).toBe(files + 1); // only pdfText's own copy
  });

  it('gives no PDF unless asked', async () => {
    const r = await call(h, 'letters.preview', { caseId, kind: 'anbefaling', options: {} });
    expect(r.pdf).toBeUndefined();
    expect(r.lix.words).toBeGreaterThan(50);
    expect(r.canIssue).toBe(true);
  });
});

describe('drafts saved in the case', () => {
  it('saves, updates, lists and discards a draft; the history keeps each step', async () => {
    const a = await call(h, 'letters.saveDraft', { caseId, kind: 'anbefaling', options: {} });
    expect(a.draftId).toMatch(/^[a-z2-7]{26}$/u);
    const b = await call(h, 'letters.saveDraft', {
      caseId,
      draftId: a.draftId,
      kind: 'anbefaling',
      lang: 'nn',
      options: { replyBy: '2026-12-20' },
    });
    expect(b.draftId).toBe(a.draftId);
    let got = await call(h, 'cases.get', { caseId });
    const drafts = got.drafts as { draftId: string; lang: string; options: { replyBy?: string } }[];
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ draftId: a.draftId, lang: 'nn', options: { replyBy: '2026-12-20' } });

    await call(h, 'letters.discardDraft', { caseId, draftId: a.draftId, reason: 'Feil brevtype' });
    got = await call(h, 'cases.get', { caseId });
    expect(got.drafts).toHaveLength(0);
    const types = (got.history as { type: string }[]).map((e) => e.type);
    expect(types.filter((t) => t === 'letters.drafted')).toHaveLength(2);
    expect(types).toContain('letters.draftDiscarded');
  });

  it('refuses an unknown draft, a bad id and bad options, and changes nothing', async () => {
    const before = (await call(h, 'cases.get', { caseId })).summary.eventCount;
    const unknown = 'a'.repeat(26);
    expect((await errorOf(call(h, 'letters.discardDraft', { caseId, draftId: unknown }))).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await errorOf(call(h, 'letters.saveDraft', { caseId, draftId: unknown, kind: 'anbefaling' }))).code,
    ).toBe('NOT_FOUND');
    expect(
      (await errorOf(call(h, 'letters.saveDraft', { caseId, draftId: '../x', kind: 'anbefaling' }))).code,
    ).toBe('VALIDATION');
    expect(
      (
        await errorOf(
          call(h, 'letters.saveDraft', { caseId, kind: 'anbefaling', options: { replyBy: '31.12.2026' } }),
        )
      ).code,
    ).toBe('VALIDATION');
    expect((await errorOf(call(h, 'letters.saveDraft', { caseId, kind: 'brev' as 'anbefaling' }))).code).toBe(
      'VALIDATION',
    );
    expect((await call(h, 'cases.get', { caseId })).summary.eventCount).toBe(before);
  });
});

describe('bad input to the draft operations changes nothing', () => {
  it('a reason the event schema refuses is refused by the operation, and the draft stays', async () => {
    const d = await call(h, 'letters.saveDraft', { caseId, kind: 'mottaksbrev', options: {} });
    const before = (await call(h, 'cases.get', { caseId })).summary.eventCount;
    const e = await errorOf(
      call(h, 'letters.discardDraft', { caseId, draftId: d.draftId, reason: 'feil\u0001tegn' }),
    );
    expect(e.code).toBe('VALIDATION');
    const got = await call(h, 'cases.get', { caseId });
    expect(got.summary.eventCount).toBe(before);
    expect((got.drafts as { draftId: string }[]).map((x) => x.draftId)).toContain(d.draftId);
    await call(h, 'letters.discardDraft', { caseId, draftId: d.draftId });
  });

  it("a draft is issued or saved only as its own kind; another kind's letter cannot close it", async () => {
    const d = await call(h, 'letters.saveDraft', { caseId, kind: 'anbefaling', options: {} });
    const before = (await call(h, 'cases.get', { caseId })).summary.eventCount;
    const wrongIssue = await errorOf(
      call(h, 'letters.issue', {
        caseId,
        kind: 'motereferat',
        options: {},
        draftId: d.draftId,
      }),
    );
    expect(wrongIssue.code).toBe('NOT_FOUND');
    const wrongSave = await errorOf(
      call(h, 'letters.saveDraft', { caseId, draftId: d.draftId, kind: 'mottaksbrev', options: {} }),
    );
    expect(wrongSave.code).toBe('NOT_FOUND');
    const got = await call(h, 'cases.get', { caseId });
    expect(got.summary.eventCount).toBe(before);
    expect((got.drafts as { draftId: string }[]).map((x) => x.draftId)).toContain(d.draftId);
    await call(h, 'letters.discardDraft', { caseId, draftId: d.draftId });
  });
});

describe('issuing from the app', () => {
  it('without a path: the signed PDF comes back, is recorded, and closes the draft it came from', async () => {
    const d = await call(h, 'letters.saveDraft', {
      caseId,
      kind: 'anbefaling',
      options: { legalBasis: LEGAL },
    });
    const files = readdirSync(root).length;
    const r = await call(h, 'letters.issue', {
      caseId,
      kind: 'anbefaling',
      options: { legalBasis: LEGAL },
      draftId: d.draftId,
    });
    expect(r.file).toBeNull();
    expect(readdirSync(root).length).toBe(files);
    const bytes = Buffer.from(r.pdf!, 'base64');
    expect(bytes.length).toBe(r.bytes);
    const f = path.join(root, 'utstedt.pdf');
    writeFileSync(f, bytes);
    const v = await call(h, 'letters.verify', { file: f });
    expect(v.valid).toBe(true);
    expect(v.letter?.letterId).toBe(r.letterId);
    const got = await call(h, 'cases.get', { caseId });
    expect(got.drafts).toHaveLength(0);
    const letters = got.letters as { letterId: string }[];
    expect(letters.at(-1)).toMatchObject({ letterId: r.letterId });
    // letters.issued keeps its v1 payload; the draft is closed by an event of its own, in the same pack.
    expect(letters.at(-1)).not.toHaveProperty('draftId');
    const closing = (got.history as { type: string; eventId?: string }[]).filter(
      (e) => e.type === 'letters.draftClosed',
    );
    expect(closing).toHaveLength(1);

    // The case keeps the PDF byte for byte: it can be saved again later.
    expect(letters.at(-1)).toMatchObject({ stored: true });
    const copy = await call(h, 'letters.pdf', { caseId, letterId: r.letterId });
    expect(copy.pdf).toBe(r.pdf);
    expect(copy).toMatchObject({ kind: 'anbefaling', code: r.code, letterId: r.letterId });
    expect((await errorOf(call(h, 'letters.pdf', { caseId, letterId: 'c'.repeat(26) }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await errorOf(call(h, 'letters.pdf', { caseId, letterId: '../../x' }))).code).toBe('VALIDATION');
  });

  it('a draft that does not exist is refused before anything is signed or recorded', async () => {
    const before = (await call(h, 'cases.get', { caseId })).summary.eventCount;
    const e = await errorOf(
      call(h, 'letters.issue', {
        caseId,
        kind: 'anbefaling',
        options: { legalBasis: LEGAL },
        draftId: 'b'.repeat(26),
      }),
    );
    expect(e.code).toBe('NOT_FOUND');
    expect((await call(h, 'cases.get', { caseId })).summary.eventCount).toBe(before);
  });
});
