import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDirs } from './helpers/cli';
import { journalpostKvittering, mappeKvittering } from './helpers/kvittering';
import { Vault } from '../../electron/services/vault/vault';
import { completeCase, LETTER_TODAY } from '../../shared/letters/letters.fixture';
import { archiveStatus, matchKvittering, parseKvittering, RECEIPT_CODES } from '../../shared/archive/status';

/**
 * `bro archive receipt` end to end (issue 19 item 1): hand-written Fiks Arkiv V1 kvitteringer for
 * the keys `bro archive` wrote, validated by the real xmllint against the official kvittering XSD,
 * recorded in a real vault. No mocks.
 */
const PASS = 'synt-etisk passord 2026';
const bro = (args: string[]) => runCli(args, { BRO_PASSPHRASE: PASS });
const tempDir = tempDirs('bro-receipt-test-');

let vault: string;
let work: string;
let keys: { key: string; letterId: string | null }[];

const write = (name: string, xml: string) => {
  const f = path.join(work, name);
  writeFileSync(f, xml);
  return f;
};
const status = async () => {
  const r = await bro(['archive', 'status', vault, '--case', 'c-0001', '--json']);
  expect(r.code, JSON.stringify(r.json)).toBe(0);
  return r.json as {
    complete: boolean;
    missing: string[];
    letters: { letterId: string; reference: string | null }[];
  };
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
    JSON.stringify({ format: 'bro-interchange/1', cases: [{ ...completeCase(), id: 'c-0001' }] }),
  );
  expect((await bro(['import', vault, file])).code).toBe(0);
  for (const kind of ['anbefaling', 'tiltaksoversikt']) {
    const r = await bro([
      'letter',
      vault,
      '--case',
      'c-0001',
      '--kind',
      kind,
      '--out',
      path.join(work, `${kind}.pdf`),
      '--today',
      LETTER_TODAY,
      '--json',
    ]);
    expect(r.code, JSON.stringify(r.json)).toBe(0);
  }
  const made = await bro(['archive', vault, '--case', 'c-0001', '--out', path.join(work, 'pakke'), '--json']);
  expect(made.code, JSON.stringify(made.json)).toBe(0);
  keys = (made.json as { messages: { key: string; letterId: string | null }[] }).messages;
  expect(readdirSync(path.join(work, 'pakke'))).toHaveLength(3);
});

describe('bro archive receipt', () => {
  it('refuses a receipt for keys this vault never sent, and records nothing', async () => {
    const r = await bro([
      'archive',
      'receipt',
      vault,
      write('ukjent.xml', journalpostKvittering('bro-brev-finnesikke', 1)),
      '--json',
    ]);
    expect(r.code).not.toBe(0);
    expect(JSON.stringify(r.json)).toContain(RECEIPT_CODES.unknownKey);
    const other = await bro([
      'archive',
      'receipt',
      vault,
      write('ukjent-sak.xml', mappeKvittering('bro-sak-aaaaaaaaaaaaaaaaaaaaaaaaaa')),
      '--json',
    ]);
    expect(JSON.stringify(other.json)).toContain(RECEIPT_CODES.unknownKey);
    expect((await status()).complete).toBe(false);
  });

  it('refuses XML that fails the kvittering schema (xmllint), and malformed XML', async () => {
    const bad = journalpostKvittering(keys[1]!.key, 1).replace(
      /<journalpostnummer>1<\/journalpostnummer>/u,
      '',
    );
    const r = await bro(['archive', 'receipt', vault, write('ugyldig.xml', bad), '--json']);
    expect(r.code).not.toBe(0);
    expect(JSON.stringify(r.json)).toContain(RECEIPT_CODES.invalid);
    const broken = await bro([
      'archive',
      'receipt',
      vault,
      write('brutt.xml', '<arkivmeldingKvittering'),
      '--json',
    ]);
    expect(JSON.stringify(broken.json)).toContain(RECEIPT_CODES.invalid);
    expect((await status()).letters.every((l) => l.reference === null)).toBe(true);
  });

  it('records the case’s and each letter’s archive reference; a second identical receipt records nothing', async () => {
    const c = await bro([
      'archive',
      'receipt',
      vault,
      write('01.xml', mappeKvittering(keys[0]!.key)),
      '--json',
    ]);
    expect(c.code, JSON.stringify(c.json)).toBe(0);
    expect((c.json as { recorded: number }).recorded).toBe(1);
    let s = await status();
    expect(s.complete).toBe(false);
    expect(s.missing).toHaveLength(2);

    const first = write('02.xml', journalpostKvittering(keys[1]!.key, 4));
    const l1 = await bro(['archive', 'receipt', vault, first]);
    expect(l1.code, l1.out).toBe(0);
    expect(l1.out).toContain('Arkivert: 2026/123-4');
    const again = await bro(['archive', 'receipt', vault, first, '--json']);
    expect(again.code).toBe(0);
    expect((again.json as { recorded: number }).recorded).toBe(0);

    s = await status();
    expect(s.missing).toEqual([keys[2]!.letterId]);
    const l2 = await bro([
      'archive',
      'receipt',
      vault,
      write('03.xml', journalpostKvittering(keys[2]!.key, 5)),
      '--json',
    ]);
    expect(l2.code).toBe(0);
    s = await status();
    expect(s.complete).toBe(true);
    expect(s.letters.map((l) => l.reference).sort()).toEqual(['2026/123-4', '2026/123-5']);
  });
});

describe('the shared receipt rule', () => {
  it('reads a kvittering and matches it only to the case and letters it names', () => {
    const k = parseKvittering(journalpostKvittering('bro-brev-abc', 7));
    expect(k.registrering).toMatchObject({
      fagsystem: 'Bro',
      noekkel: 'bro-brev-abc',
      journalaar: 2026,
      journalpostnummer: 7,
    });
    expect(matchKvittering(k, { caseId: 'x', letterIds: ['abc'] }).ok).toBe(true);
    expect(matchKvittering(k, { caseId: 'x', letterIds: ['abd'] })).toEqual({
      ok: false,
      code: RECEIPT_CODES.unknownKey,
    });
    const other = parseKvittering(journalpostKvittering('bro-brev-abc', 7).replace('>Bro<', '>Annet<'));
    expect(matchKvittering(other, { caseId: 'x', letterIds: ['abc'] }).ok).toBe(false);
  });

  it('without the case’s numbers shows the journal year and sequence number', () => {
    const s = archiveStatus(
      [
        {
          of: 'letter',
          letterId: 'a',
          systemID: '',
          journalaar: 2026,
          journalsekvensnummer: 77,
          journalpostnummer: 1,
        },
      ],
      ['a', 'b'],
    );
    expect(s.letters).toEqual([
      { letterId: 'a', archived: true, reference: '2026/77' },
      { letterId: 'b', archived: false, reference: null },
    ]);
    expect(s).toMatchObject({ complete: false, missing: ['b'] });
  });
});

it('the kvittering schema imports only files in the folder', () => {
  const xsd = readFileSync(
    path.resolve(
      __dirname,
      '../../shared/archive/fiks-arkiv/no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.kvittering.xsd',
    ),
    'utf8',
  );
  expect([...xsd.matchAll(/schemaLocation="([^"]+)"/gu)].map((m) => m[1])).toEqual([
    './metadatakatalog.xsd',
    './feilmeldingBase.xsd',
  ]);
});
