import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDirs } from './helpers/cli';
import { caseVault, PASS } from './cli-vault.fixture';

/**
 * `bro attach` end to end (issue 19 item 0): the real CLI in-process on a real vault. A received
 * document is kept as an encrypted blob, listed in the case and its timeline, read back byte for
 * byte, carried into innsyn (an embedded file of the PDF) and into `bro archive` (an incoming
 * journalpost, validated with xmllint against the official schema). Refusals are typed and write
 * nothing; the file's name appears nowhere in the output.
 */
const run = promisify(execFile);
const bro = (args: string[]) => runCli(args, { BRO_PASSPHRASE: PASS });
const tempDir = tempDirs('bro-attach-test-');
const SCHEMA = path.resolve(
  __dirname,
  '../../shared/archive/fiks-arkiv/no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.xsd',
);
/** A file name that must never be printed (it names a synthetic pupil, as real ones often do). */
const SECRET_NAME = 'Rapport om Sindre Syntetisk.pdf';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

let vault: string;
let work: string;
let caseId: string;
let docFile: string;

const blobCount = () => readdirSync(path.join(vault, 'cases', caseId, 'blobs')).length;

beforeAll(async () => {
  work = tempDir();
  vault = await caseVault(work);
  caseId = readdirSync(path.join(vault, 'cases')).find((n) =>
    readdirSync(path.join(vault, 'cases', n)).includes('blobs'),
  )!;
  docFile = path.join(work, SECRET_NAME);
  writeFileSync(docFile, PDF);
});

describe('bro attach', () => {
  let added: Awaited<ReturnType<typeof bro>>;
  beforeAll(async () => {
    added = await bro([
      'attach',
      vault,
      '--case',
      'c-0001',
      docFile,
      '--title',
      'Pedagogisk rapport fra skolen',
      '--received',
      '2026-03-02',
    ]);
  });

  it('keeps the document as an encrypted blob and says so without the file name', async () => {
    expect(added.code, added.err).toBe(0);
    expect(added.out).toMatch(
      /La ved «Pedagogisk rapport fra skolen» \(PDF, \d+ byte, mottatt 2026-03-02\)/u,
    );
    expect(added.out + added.err).not.toContain('Sindre');
    expect(blobCount()).toBe(2); // the letter's PDF and the document
    // The blob holds no plaintext of the document.
    for (const b of readdirSync(path.join(vault, 'cases', caseId, 'blobs')))
      expect(readFileSync(path.join(vault, 'cases', caseId, 'blobs', b), 'latin1')).not.toContain('%PDF');
  });

  it('attaching the same file again records nothing new', async () => {
    const again = await bro(['attach', vault, '--case', 'c-0001', docFile, '--json']);
    expect(again.code).toBe(0);
    expect(again.json).toMatchObject({ ok: true, duplicate: true, title: 'Pedagogisk rapport fra skolen' });
    expect(blobCount()).toBe(2);
  });

  it('takes the title from the file name when none is given, and today as the received date', async () => {
    const word = path.join(work, 'Henvisning fra BUP.docx');
    const zip = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.alloc(26),
      Buffer.from('[Content_Types].xml....word/document.xml'),
    ]);
    writeFileSync(word, zip);
    const r = await bro(['attach', vault, '--case', 'c-0001', word, '--today', '2026-04-01', '--json']);
    expect(r.code, JSON.stringify(r.json)).toBe(0);
    expect(r.json).toMatchObject({ title: 'Henvisning fra BUP', type: 'docx', received: '2026-04-01' });
  });

  it('refuses a program named .pdf, an empty file, a future date and a missing file, with typed errors and nothing written', async () => {
    const before = blobCount();
    const exe = path.join(work, 'Sindre Syntetisk.pdf');
    writeFileSync(exe, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]));
    const bad = await bro(['attach', vault, '--case', 'c-0001', exe, '--json']);
    expect(bad.code).toBe(3);
    expect(bad.json.error).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'data', code: 'ATTACHMENT_TYPE' }],
    });
    const text = await bro(['attach', vault, '--case', 'c-0001', exe]);
    expect(text.err).toMatch(/er ikke et dokument Bro tar imot/u);
    expect(text.err).not.toContain('Sindre');
    const empty = path.join(work, 'tom.pdf');
    writeFileSync(empty, '');
    expect(
      (await bro(['attach', vault, '--case', 'c-0001', empty, '--json'])).json.error.issues[0].code,
    ).toBe('ATTACHMENT_EMPTY');
    const future = await bro([
      'attach',
      vault,
      '--case',
      'c-0001',
      docFile,
      '--received',
      '2099-01-01',
      '--today',
      '2026-04-01',
      '--json',
    ]);
    expect(future.json.error.issues[0]).toMatchObject({ path: 'received', code: 'DATE_IN_FUTURE' });
    const missing = await bro(['attach', vault, '--case', 'c-0001', path.join(work, 'Sindre borte.pdf')]);
    expect(missing.code).toBe(8);
    expect(missing.err).not.toContain('Sindre');
    expect(blobCount()).toBe(before);
  });

  it('lists the document in the case and its timeline, and reads it back byte for byte', async () => {
    const { Session } = await import('../../electron/services/session');
    const { call, createHandlers } = await import('../../electron/services/handlers');
    const h = createHandlers(new Session({ kdf: { N: 2 ** 12, r: 8, p: 1 } }));
    await call(h, 'vault.unlock', { dir: vault, passphrase: PASS });
    const got = await call(h, 'cases.get', { caseId });
    const docs = got.attachments as { attachmentId: string; title: string; type: string }[];
    expect(docs.map((d) => d.title)).toEqual(['Pedagogisk rapport fra skolen', 'Henvisning fra BUP']);
    const history = got.history as { type: string; changes: { field: string; to: unknown }[] }[];
    const entry = history.find((e) => e.type === 'attachments.added')!;
    expect(entry.changes).toContainEqual({ field: 'title', from: null, to: 'Pedagogisk rapport fra skolen' });
    const one = await call(h, 'attachments.get', { caseId, attachmentId: docs[0]!.attachmentId });
    expect(Buffer.from(one.data, 'base64').equals(PDF)).toBe(true);
    expect(one).toMatchObject({
      mediaType: 'application/pdf',
      fileName: expect.stringMatching(/^dokument-2026-03-02-/u),
    });
    expect((await call(h, 'vault.check', {})).ok).toBe(true);
    await call(h, 'vault.lock', {});
  });
});

describe('carried into innsyn and the archive', () => {
  it('innsyn lists each document and embeds it as it came', async () => {
    const out = path.join(work, 'innsyn.pdf');
    const r = await bro([
      'innsyn',
      vault,
      '--case',
      'c-0001',
      '--out',
      out,
      '--today',
      '2026-05-20',
      '--json',
    ]);
    expect(r.code, JSON.stringify(r.json)).toBe(0);
    const text = (await run('pdftotext', [out, '-'])).stdout.replace(/\s+/gu, ' ');
    expect(text).toContain('Dokumenter vi har mottatt (vedlagt)');
    expect(text).toContain('Dokument mottatt: Pedagogisk rapport fra skolen');
    const list = (await run('pdfdetach', ['-list', out])).stdout;
    expect(list).toMatch(/dokument-01-2026-03-02\.pdf/u);
    expect(list).toMatch(/dokument-02-2026-04-01\.docx/u);
    const saved = path.join(work, 'ut.pdf');
    const n = list
      .split('\n')
      .find((l) => l.includes('dokument-01'))!
      .match(/^(\d+):/u)![1]!;
    await run('pdfdetach', ['-save', n, '-o', saved, out]);
    expect(readFileSync(saved).equals(PDF)).toBe(true);
  });

  it('bro archive files each document as an incoming journalpost the official schema accepts', async () => {
    const out = path.join(work, 'pakke');
    const r = await bro(['archive', vault, '--case', 'c-0001', '--out', out, '--json']);
    expect(r.code, JSON.stringify(r.json)).toBe(0);
    const folders = readdirSync(out).sort();
    expect(folders).toEqual([
      '01-saksmappe',
      expect.stringMatching(/^02-brev-anbefaling-/u),
      '03-dokument-2026-03-02',
      '04-dokument-2026-04-01',
    ]);
    for (const f of folders) {
      const v = await run('xmllint', ['--noout', '--schema', SCHEMA, path.join(out, f, 'arkivmelding.xml')]);
      expect(v.stderr).toMatch(/validates/u);
    }
    const xml = readFileSync(path.join(out, '03-dokument-2026-03-02', 'arkivmelding.xml'), 'utf8');
    expect(xml).toMatch(/<journalposttype><mdk:kode>I<\/mdk:kode>/u);
    expect(xml).toContain('<mottattDato>2026-03-02T00:00:00</mottattDato>');
    expect(xml).toContain('<offentligTittel>Mottatt dokument i elevsak</offentligTittel>');
    expect(xml).toContain(`<filstoerrelse>${PDF.length}</filstoerrelse>`);
    expect(
      readFileSync(path.join(out, '03-dokument-2026-03-02', 'dokument-2026-03-02.pdf')).equals(PDF),
    ).toBe(true);
    expect(r.json.messages.filter((m: { attachmentId?: string }) => m.attachmentId)).toHaveLength(2);
  });
});
