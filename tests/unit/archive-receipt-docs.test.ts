import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDirs } from './helpers/cli';
import { journalpostKvittering, mappeKvittering } from './helpers/kvittering';
import { Vault } from '../../electron/services/vault/vault';
import { completeCase, LETTER_TODAY } from '../../shared/letters/letters.fixture';
import { archiveStatus, matchKvittering, parseKvittering, RECEIPT_CODES } from '../../shared/archive/status';
import { archiveReceipt } from '../../shared/archive/receipt';

/**
 * The archive's kvittering for a received document (issue 19 item 1, the part left): `bro archive`
 * files each received document as an incoming journalpost keyed `bro-dok-<attachment id>`; the
 * archive's answer for that key records its journalpost numbers on that document. Hand-written
 * kvitteringer, each checked here with the real xmllint against the official kvittering XSD before
 * use (so a refusal below is the rule's, not the schema's), on a real vault through the real CLI.
 */
const run = promisify(execFile);
const PASS = 'synt-etisk passord 2026';
const bro = (args: string[]) => runCli(args, { BRO_PASSPHRASE: PASS });
const tempDir = tempDirs('bro-receipt-docs-test-');
const KVITTERING_XSD = path.resolve(
  __dirname,
  '../../shared/archive/fiks-arkiv/no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.kvittering.xsd',
);
const PDF = (n: number) =>
  Buffer.from(
    `%PDF-1.4\n% dokument ${n}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );

const NS =
  'xmlns="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/kvittering/v1" ' +
  'xmlns:mdk="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v1" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
/** The archive's answer to a received document's message: an incoming (I) journalpost, optionally with the saksmappe's answer. */
const documentKvittering = (noekkel: string, nr: number, opts: { mappe?: string; fagsystem?: string } = {}) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<arkivmeldingKvittering ${NS}>${
    opts.mappe
      ? `
  <mappeKvittering xsi:type="saksmappeKvittering">
    <systemID>1a2b3c4d-5e6f-4a7b-8c9d-aaaaaaaaaa01</systemID>
    <referanseEksternNoekkel><mdk:fagsystem>Bro</mdk:fagsystem><mdk:noekkel>${opts.mappe}</mdk:noekkel></referanseEksternNoekkel>
    <opprettetEllerEksisterende>Eksisterende</opprettetEllerEksisterende>
    <saksaar>2026</saksaar>
    <sakssekvensnummer>123</sakssekvensnummer>
  </mappeKvittering>`
      : ''
  }
  <registreringKvittering xsi:type="journalpostKvittering">
    <systemID>1a2b3c4d-5e6f-4a7b-8c9d-cccccccccc${String(nr).padStart(2, '0')}</systemID>
    <dokumentbeskrivelseKvittering>
      <systemID>1a2b3c4d-5e6f-4a7b-8c9d-dddddddddd${String(nr).padStart(2, '0')}</systemID>
      <dokumentnummer>1</dokumentnummer>
    </dokumentbeskrivelseKvittering>
    <referanseEksternNoekkel><mdk:fagsystem>${opts.fagsystem ?? 'Bro'}</mdk:fagsystem><mdk:noekkel>${noekkel}</mdk:noekkel></referanseEksternNoekkel>
    <opprettetEllerEksisterende>Opprettet</opprettetEllerEksisterende>
    <journalaar>2026</journalaar>
    <journalsekvensnummer>${6000 + nr}</journalsekvensnummer>
    <journalpostnummer>${nr}</journalpostnummer>
    <journalposttype><mdk:kode>I</mdk:kode><mdk:beskrivelse>Inngående dokument</mdk:beskrivelse></journalposttype>
    <journalstatus><mdk:kode>J</mdk:kode></journalstatus>
    <journaldato>2026-03-03</journaldato>
  </registreringKvittering>
</arkivmeldingKvittering>
`;

let vault: string;
let work: string;
/** c-0001's keys as `bro archive` wrote them, and the other case's document. */
let caseKey: string;
let letterKey: string;
let docKeys: { key: string; attachmentId: string }[];
let otherDoc: string;
let n = 0;

/** Writes a kvittering and checks it against the official schema with xmllint (exit 0). */
const kvittering = async (xml: string) => {
  const f = path.join(work, `kvittering-${++n}.xml`);
  writeFileSync(f, xml);
  await run('xmllint', ['--noout', '--nonet', '--schema', KVITTERING_XSD, f]);
  return f;
};
const status = async (c = 'c-0001') => {
  const r = await bro(['archive', 'status', vault, '--case', c, '--json']);
  expect(r.code, JSON.stringify(r.json)).toBe(0);
  return r.json as {
    complete: boolean;
    missing: string[];
    letters: { letterId: string; archived: boolean; reference: string | null }[];
    documents: { attachmentId: string; archived: boolean; reference: string | null }[];
    documentsMissing: string[];
  };
};
const receiptCount = async (c = 'c-0001') => {
  const unlocked = await Vault.unlock(vault, { passphrase: PASS });
  try {
    const list = await unlocked.listCases();
    const id = list.cases.find((x) => x.externalId === c)!.caseId;
    return (await unlocked.readCase(id)).filter((e) => e.type === 'archive.receipt').length;
  } finally {
    await unlocked.close();
  }
};

beforeAll(async () => {
  work = tempDir();
  vault = path.join(work, 'arkiv');
  const created = await Vault.create(vault, {
    passphrase: PASS,
    memberName: 'Ola Hansen',
    kdf: { N: 2 ** 12, r: 8, p: 1 },
  });
  await created.vault.close();
  const file = path.join(work, 'cases.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: 'bro-interchange/1',
      cases: [
        { ...completeCase(), id: 'c-0001' },
        { ...completeCase(), id: 'c-0002' },
      ],
    }),
  );
  expect((await bro(['import', vault, file])).code).toBe(0);
  const letter = await bro([
    'letter',
    vault,
    '--case',
    'c-0001',
    '--kind',
    'anbefaling',
    '--out',
    path.join(work, 'anbefaling.pdf'),
    '--today',
    LETTER_TODAY,
    '--json',
  ]);
  expect(letter.code, JSON.stringify(letter.json)).toBe(0);
  const attach = async (c: string, i: number, received: string) => {
    const f = path.join(work, `dokument-${i}.pdf`);
    writeFileSync(f, PDF(i));
    const r = await bro([
      'attach',
      vault,
      '--case',
      c,
      f,
      '--title',
      `Rapport ${i}`,
      '--received',
      received,
      '--json',
    ]);
    expect(r.code, JSON.stringify(r.json)).toBe(0);
  };
  await attach('c-0001', 1, '2026-02-02');
  await attach('c-0001', 2, '2026-02-10');
  await attach('c-0002', 3, '2026-02-05');
  const human = await bro(['archive', vault, '--case', 'c-0001', '--out', path.join(work, 'pakke-tekst')]);
  expect(human.out).toContain('4 arkivmeldinger, saksmappen, 1 brev og 2 mottatte dokumenter.');
  const made = await bro(['archive', vault, '--case', 'c-0001', '--out', path.join(work, 'pakke'), '--json']);
  expect(made.code, JSON.stringify(made.json)).toBe(0);
  const messages = (
    made.json as { messages: { key: string; letterId: string | null; attachmentId?: string }[] }
  ).messages;
  caseKey = messages[0]!.key;
  letterKey = messages.find((m) => m.letterId !== null)!.key;
  docKeys = messages
    .filter((m) => m.attachmentId)
    .map((m) => ({ key: m.key, attachmentId: m.attachmentId! }));
  expect(docKeys).toHaveLength(2);
  expect(docKeys.every((d) => d.key === `bro-dok-${d.attachmentId}`)).toBe(true);
  const other = await bro([
    'archive',
    vault,
    '--case',
    'c-0002',
    '--out',
    path.join(work, 'pakke2'),
    '--json',
  ]);
  otherDoc = (other.json as { messages: { key: string; attachmentId?: string }[] }).messages.find(
    (m) => m.attachmentId,
  )!.key;
});

describe('bro archive receipt for a received document', () => {
  it('before any receipt, status lists each document as not archived', async () => {
    const s = await status();
    expect(s.documents.map((d) => d.attachmentId).sort()).toEqual(docKeys.map((d) => d.attachmentId).sort());
    expect(s.documents.every((d) => !d.archived && d.reference === null)).toBe(true);
    expect(s.documentsMissing).toHaveLength(2);
    const text = await bro(['archive', 'status', vault, '--case', 'c-0001']);
    expect(text.out).toContain('Mottatte dokumenter ikke arkivert: 2 av 2.');
  });

  it('refuses an unknown attachment, another case’s document and another fagsystem, recording nothing', async () => {
    const before = await receiptCount();
    const unknown = await bro([
      'archive',
      'receipt',
      vault,
      await kvittering(documentKvittering('bro-dok-aaaaaaaaaaaaaaaaaaaaaaaaaa', 9)),
      '--json',
    ]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.json.error.issues).toEqual([{ path: 'xml', code: RECEIPT_CODES.unknownKey }]);
    // The saksmappe of c-0001 with c-0002's document: not this case's document.
    const crossed = await bro([
      'archive',
      'receipt',
      vault,
      await kvittering(documentKvittering(otherDoc, 9, { mappe: caseKey })),
      '--json',
    ]);
    expect(crossed.code).not.toBe(0);
    expect(crossed.json.error.issues[0].code).toBe(RECEIPT_CODES.unknownKey);
    const foreign = await bro([
      'archive',
      'receipt',
      vault,
      await kvittering(documentKvittering(docKeys[0]!.key, 9, { fagsystem: 'Annet' })),
      '--json',
    ]);
    expect(foreign.json.error.issues[0].code).toBe(RECEIPT_CODES.unknownKey);
    const text = await bro([
      'archive',
      'receipt',
      vault,
      await kvittering(documentKvittering('bro-dok-aaaaaaaaaaaaaaaaaaaaaaaaaa', 9)),
    ]);
    expect(text.code).not.toBe(0);
    expect(await receiptCount()).toBe(before);
    expect(await receiptCount('c-0002')).toBe(0);
    expect((await status()).documentsMissing).toHaveLength(2);
  });

  it('records the journalpost numbers on the document; a second identical receipt records nothing', async () => {
    const c = await bro(['archive', 'receipt', vault, await kvittering(mappeKvittering(caseKey)), '--json']);
    expect(c.code, JSON.stringify(c.json)).toBe(0);
    const [d1, d2] = docKeys as [(typeof docKeys)[0], (typeof docKeys)[0]];
    const f = await kvittering(documentKvittering(d1.key, 7));
    const r = await bro(['archive', 'receipt', vault, f]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`dokument ${d1.attachmentId}  Arkivert: 2026/123-7`);
    const json = await bro(['archive', 'receipt', vault, f, '--json']);
    expect(json.code).toBe(0);
    expect(json.json).toMatchObject({
      recorded: 0,
      receipts: [{ of: 'document', attachmentId: d1.attachmentId, reference: '2026/123-7' }],
    });
    const count = await receiptCount();
    expect((await bro(['archive', 'receipt', vault, f, '--json'])).json.recorded).toBe(0);
    expect(await receiptCount()).toBe(count);

    let s = await status();
    expect(s.documents.find((d) => d.attachmentId === d1.attachmentId)).toEqual({
      attachmentId: d1.attachmentId,
      archived: true,
      reference: '2026/123-7',
      // What `bro case delete` names a missing document by: its type and day, not its title.
      type: 'pdf',
      received: '2026-02-02',
    });
    expect(s.documentsMissing).toEqual([d2.attachmentId]);
    // The letters are untouched by a document's receipt, and the retention rule still names the letter.
    expect(s.complete).toBe(false);
    expect(s.letters.every((l) => !l.archived)).toBe(true);
    expect((await bro(['archive', 'status', vault, '--case', 'c-0001'])).out).toContain(
      'Mottatte dokumenter ikke arkivert: 1 av 2.',
    );

    // The document's answer, with the saksmappe's, in one kvittering.
    const both = await bro([
      'archive',
      'receipt',
      vault,
      await kvittering(documentKvittering(d2.key, 8, { mappe: caseKey })),
      '--json',
    ]);
    expect(both.code, JSON.stringify(both.json)).toBe(0);
    expect(both.json.recorded).toBe(1); // the saksmappe's answer was already recorded
    const l = await bro(['archive', 'receipt', vault, await kvittering(journalpostKvittering(letterKey, 4))]);
    expect(l.code, l.err).toBe(0);
    s = await status();
    expect(s.complete).toBe(true);
    expect(s.documentsMissing).toEqual([]);
    expect(s.documents.map((d) => d.reference).sort()).toEqual(['2026/123-7', '2026/123-8']);
    expect((await bro(['archive', 'status', vault, '--case', 'c-0001'])).out).toContain(
      'Alle 2 mottatte dokumenter er arkivert.',
    );
  });

  it('a case with a received document and no letter still has something to archive before it is deleted', async () => {
    const text = await bro(['archive', 'status', vault, '--case', 'c-0002']);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain('Ingen sendte brev i saken.');
    expect(text.out).not.toContain('0 brev');
    expect(text.out).toContain('Mottatte dokumenter ikke arkivert: 1 av 1.');
    const del = await bro([
      'case',
      'delete',
      vault,
      '--case',
      'c-0002',
      '--reason',
      'Oppbevaringstiden er ute.',
      '--yes',
      '--json',
    ]);
    expect(del.code).not.toBe(0);
    expect(del.json.error.issues).toEqual([
      { path: `documents.${otherDoc.slice('bro-dok-'.length)}`, code: 'NOT_ARCHIVED' },
    ]);
    expect((await status('c-0002')).documentsMissing).toHaveLength(1);
  });

  it('a receipt for the other case’s document, alone, is recorded on that case only', async () => {
    const r = await bro([
      'archive',
      'receipt',
      vault,
      await kvittering(documentKvittering(otherDoc, 3)),
      '--json',
    ]);
    expect(r.code, JSON.stringify(r.json)).toBe(0);
    const s = await status('c-0002');
    expect(s.documents).toEqual([
      expect.objectContaining({
        attachmentId: otherDoc.slice('bro-dok-'.length),
        archived: true,
        reference: '2026/6003',
      }),
    ]);
    expect((await status()).documents.map((d) => d.reference).sort()).toEqual(['2026/123-7', '2026/123-8']);
  });

  it('`bro letters` lists letters only, as before', async () => {
    const r = await bro(['letters', vault, '--case', 'c-0001', '--json']);
    expect(r.code, JSON.stringify(r.json)).toBe(0);
    const letters = r.json.letters as { archive: { archived: boolean; reference: string | null } }[];
    expect(letters).toHaveLength(1);
    expect(letters[0]!.archive).toEqual({ archived: true, reference: '2026/123-4' });
    expect(JSON.stringify(r.json)).not.toContain('bro-dok-');
    expect(JSON.stringify(r.json)).not.toContain('documents');
  });
});

describe('the shared rule for documents', () => {
  it('matches a document key only to the case that holds that document', () => {
    const k = parseKvittering(documentKvittering('bro-dok-abc', 7));
    expect(matchKvittering(k, { caseId: 'x', letterIds: [], attachmentIds: ['abc'] })).toEqual({
      ok: true,
      receipts: [
        {
          of: 'document',
          attachmentId: 'abc',
          systemID: '1a2b3c4d-5e6f-4a7b-8c9d-cccccccccc07',
          journalaar: 2026,
          journalsekvensnummer: 6007,
          journalpostnummer: 7,
        },
      ],
    });
    expect(matchKvittering(k, { caseId: 'x', letterIds: ['abc'], attachmentIds: ['abd'] })).toEqual({
      ok: false,
      code: RECEIPT_CODES.unknownKey,
    });
    // A caller that passes no documents (as before) refuses a document key.
    expect(matchKvittering(k, { caseId: 'x', letterIds: [] }).ok).toBe(false);
  });

  it('a document receipt does not count for a letter of the same id, nor the other way round', () => {
    const numbers = { systemID: '', journalaar: 2026, journalsekvensnummer: 1, journalpostnummer: 1 };
    const s = archiveStatus([{ of: 'document', attachmentId: 'a', ...numbers }], ['a'], ['a', 'b']);
    expect(s.letters).toEqual([{ letterId: 'a', archived: false, reference: null }]);
    expect(s.documents).toEqual([
      { attachmentId: 'a', archived: true, reference: '2026/1' },
      { attachmentId: 'b', archived: false, reference: null },
    ]);
    expect(s).toMatchObject({ complete: false, missing: ['a'], documentsMissing: ['b'] });
    const t = archiveStatus([{ of: 'letter', letterId: 'b', ...numbers }], [], ['b']);
    expect(t.documentsMissing).toEqual(['b']);
  });

  it('old receipts (case and letter only) still parse; a document receipt needs its id', () => {
    expect(
      archiveReceipt.safeParse({ of: 'case', systemID: 's', saksaar: 2026, sakssekvensnummer: 1 }).success,
    ).toBe(true);
    expect(
      archiveReceipt.safeParse({
        of: 'document',
        systemID: 's',
        journalaar: 2026,
        journalsekvensnummer: 1,
        journalpostnummer: 1,
      }).success,
    ).toBe(false);
  });
});
