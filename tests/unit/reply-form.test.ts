// Issue 19 item 3: the reply page is a fillable form; a reader fills it in and saves incrementally
// (pdf-lib in the test, tests/unit/pdf-fill.fixture.ts); the letter still verifies (Bro and
// pdfsig), `reply.import` records the answers on the right recommendation, and a reply that does
// not match is refused with nothing recorded. Other changes after signing are reported as what
// they are, with their page. Real vaults, real keys, real PDFs, poppler and qpdf.
import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFString, StandardFonts, rgb } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as bro } from '../../electron/cli/main';
import { call } from '../../electron/services/handlers';
import { BroError } from '../../shared/errors';
import { appendUpdate, fillReply, loadTwice } from './pdf-fill.fixture';
import { PASS, replyVault, TODAY, type ReplyVault } from './reply-form.fixture';

const run = promisify(execFile);
let v: ReplyVault;
let other: ReplyVault;

const ANSWER = {
  radio: { svar1: 'med_endring', arsak1: 'ressurser' },
  text: {
    grunn1: 'Ingen voksen er ledig før kl. 8.30',
    alternativ1: 'Kontaktlærer tar imot eleven fra 8.15 på mandager og tirsdager (æøå)',
    dato: '01.07.2026',
    navn: 'Kari Nordmann, rektor',
  },
};

beforeAll(async () => {
  v = await replyVault();
  other = await replyVault('annet', false);
}, 120_000);
afterAll(() => {
  rmSync(v.root, { recursive: true, force: true });
  rmSync(other.root, { recursive: true, force: true });
});

async function errorOf(p: Promise<unknown>): Promise<BroError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BroError) return e;
    throw e;
  }
  throw new Error('expected an error');
}
const verify = (pdf: Buffer, h = v.h, jwks = v.jwks) =>
  call(h, 'letters.verify', { pdf: pdf.toString('base64'), jwks });
const importReply = (pdf: Buffer) => call(v.h, 'reply.import', { pdf: pdf.toString('base64') });
const file = (name: string, pdf: Buffer) => {
  const f = path.join(v.root, name);
  writeFileSync(f, pdf);
  return f;
};
async function pdfsig(f: string) {
  try {
    return (await run('pdfsig', [f])).stdout;
  } catch (e) {
    return (e as { stdout: string }).stdout;
  }
}
async function caseDoc() {
  const id = (await call(v.h, 'cases.list', {})).cases.find((c) => c.externalId === 'c-0001')!.caseId;
  const got = await call(v.h, 'cases.get', { caseId: id });
  return { id, got, recs: (got.doc as { recommendations: Record<string, unknown>[] }).recommendations };
}

describe('the reply page as a form', () => {
  it('has a field group per recommendation, each with an appearance, no NeedAppearances and no JavaScript', async () => {
    const f = file('tom.pdf', v.signed);
    const json = JSON.parse((await run('qpdf', ['--json', '--json-key=acroform', f])).stdout).acroform;
    expect(json.hasacroform).toBe(true);
    expect(json.needappearances).toBe(false);
    const names = [...new Set(json.fields.map((x: { fullname: string }) => x.fullname))];
    expect(names).toEqual([
      'svar1',
      'arsak1',
      'grunn1',
      'alternativ1',
      'dato',
      'navn',
      expect.stringMatching(/^Signatur/u),
    ]);
    for (const x of json.fields) expect(x.annotation.annotationflags & 4).toBe(4);
    expect(v.signed.includes('/JavaScript')).toBe(false);
    expect(v.signed.includes('/TransformMethod /DocMDP')).toBe(true);
    // Nothing appended: the letter is exactly what was signed.
    expect(await verify(v.signed)).toMatchObject({ valid: true, update: null });
  });
});

describe('filled in and saved incrementally', () => {
  let sealed: Buffer;
  let signed: Buffer;
  beforeAll(async () => {
    sealed = await fillReply(v.sealed, ANSWER);
    signed = await fillReply(v.signed, ANSWER);
  });

  it('still verifies: the filled fields are the only change, on the reply page', async () => {
    for (const pdf of [sealed, signed]) {
      const r = await verify(pdf);
      expect(r.valid, JSON.stringify(r.reasons)).toBe(true);
      expect(r.update!.changes).toEqual(
        ['svar1', 'arsak1', 'grunn1', 'alternativ1', 'dato', 'navn'].map((field) => ({
          kind: 'form-field',
          page: 4,
          field,
        })),
      );
      expect(r.update!.fields).toEqual({ ...ANSWER.radio, ...ANSWER.text });
    }
  });

  it('pdfsig shows the signature valid over the signed revision, and the filled text is on the page', async () => {
    const f = file('utfylt.pdf', signed);
    const sig = await pdfsig(f);
    expect(sig).toContain('Signature Validation: Signature is Valid.');
    expect(sig).toContain('Not total document signed');
    expect((await run('qpdf', ['--check', f])).stdout).toContain('No syntax or stream encoding errors');
    const page = (await run('pdftotext', ['-f', '4', '-l', '4', '-layout', f, '-'])).stdout;
    expect(page).toContain('Kari Nordmann, rektor');
    expect(page).toContain('Kontaktlærer tar imot eleven');
  });

  it('a reply from another vault is refused, nothing recorded', async () => {
    const before = await caseDoc();
    const err = await errorOf(importReply(await fillReply(other.sealed, ANSWER)));
    expect(err.code).toBe('VALIDATION');
    expect(err.issues[0]!.code).toBe('REPLY_NOT_OURS');
    expect((await caseDoc()).recs).toEqual(before.recs);
  });

  it('a letter changed beyond the form (an annotation over the text) is refused, naming the page', async () => {
    const { before, after } = await loadTwice(sealed);
    const annot = after.context.register(
      after.context.obj({
        Type: 'Annot',
        Subtype: 'FreeText',
        Rect: [70, 600, 400, 640],
        Contents: PDFString.of('Skolen trenger ikke gjøre dette'),
        DA: PDFString.of('/Helv 12 Tf 0 g'),
        F: 4,
      }),
    );
    after.getPage(1).node.addAnnot(annot);
    const changed = await appendUpdate(sealed, before, after);
    const r = await verify(changed);
    expect(r.valid).toBe(false);
    expect(r.reasons).toEqual(['CHANGED_AFTER_SIGNING']);
    expect(r.update!.changes).toContainEqual({ kind: 'annotation', page: 2 });
    const prior = await caseDoc();
    const err = await errorOf(importReply(changed));
    expect(err.issues[0]!.code).toBe('REPLY_CHANGED');
    // pdf-lib also wraps the page's content in q/Q when it adds an annotation: that is reported too.
    expect(err.issues.slice(1)).toContainEqual({ path: ['side', 2], code: 'CHANGE_ANNOTATION' });
    expect(err.issues.slice(1).every((i) => i.path[1] === 2)).toBe(true);
    expect((await caseDoc()).recs).toEqual(prior.recs);
  });

  it('records the answers on the right recommendation and closes the «svar fra skolen» task', async () => {
    const tasksBefore = await call(v.h, 'tasks.list', { asOf: TODAY });
    expect(tasksBefore.tasks.some((t) => t.kind === 'schoolReply')).toBe(true);
    const r = await importReply(signed);
    expect(r).toMatchObject({
      caseId: 'c-0001',
      kind: 'anbefaling',
      recorded: [{ recommendationId: 't-1', n: 1, answer: 'med endring', date: '2026-07-01' }],
      unchanged: 0,
    });
    const { recs } = await caseDoc();
    expect(recs.find((x) => x.id === 't-1')!.schoolAnswer).toEqual({
      answer: 'med endring',
      reasonCategory: 'ressurser',
      reason: ANSWER.text.grunn1,
      alternative: ANSWER.text.alternativ1,
      by: 'Kari Nordmann, rektor',
      date: '2026-07-01',
    });
    const tasks = await call(v.h, 'tasks.list', { asOf: TODAY });
    expect(tasks.tasks.some((t) => t.kind === 'schoolReply')).toBe(false);
    // The same reply again records nothing: here through `bro reply import`.
    let out = '';
    const code = await bro(
      ['reply', 'import', path.join(v.root, 'arkiv'), file('svar.pdf', sealed), '--json'],
      {
        out: (x) => (out += x),
        err: () => {},
        env: { BRO_PASSPHRASE: PASS },
        isTTY: false,
      },
    );
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ ok: true, caseId: 'c-0001', recorded: [], unchanged: 1 });
  });

  it('a reply about a recommendation the case no longer has is refused, nothing recorded', async () => {
    const { id, got } = await caseDoc();
    const key = got.keys.recommendations![0]!;
    await call(v.h, 'cases.update', {
      caseId: id,
      changes: [{ op: 'remove', entity: 'recommendations', key, reason: 'Registrert i feil sak' }],
    });
    const before = await caseDoc();
    const err = await errorOf(importReply(signed));
    expect(err.issues[0]!.code).toBe('REPLY_UNKNOWN_RECOMMENDATION');
    expect((await caseDoc()).recs).toEqual(before.recs);
  });
});

describe('changes after signing are reported as what they are, with their page', () => {
  it('a replaced page', async () => {
    const { before, after } = await loadTwice(v.sealed);
    after.removePage(1);
    after.insertPage(1);
    const r = await verify(await appendUpdate(v.sealed, before, after));
    expect(r.valid).toBe(false);
    expect(r.reasons).toEqual(['CHANGED_AFTER_SIGNING']);
    expect(r.update!.changes).toContainEqual({ kind: 'page-replaced', page: 2 });
    expect(r.letter?.kind).toBe('anbefaling');
  });

  it('content drawn over a page', async () => {
    const { before, after } = await loadTwice(v.sealed);
    const font = await after.embedFont(StandardFonts.Helvetica);
    after.getPage(0).drawText('Kan ignoreres', { x: 80, y: 500, size: 20, font, color: rgb(1, 0, 0) });
    const r = await verify(await appendUpdate(v.sealed, before, after));
    expect(r.reasons).toEqual(['CHANGED_AFTER_SIGNING']);
    expect(r.update!.changes).toContainEqual({ kind: 'page-content', page: 1 });
  });

  it('bytes appended that are no update', async () => {
    const r = await verify(Buffer.concat([v.sealed, Buffer.from('\nnoe helt annet\n')]));
    expect(r.reasons).toEqual(['CHANGED_AFTER_SIGNING']);
    expect(r.update!.changes).toEqual([{ kind: 'appended-bytes', page: null }]);
  });
});
