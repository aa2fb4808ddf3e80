import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDirs } from './helpers/cli';
import { Vault } from '../../electron/services/vault/vault';
import { completeCase, LETTER_TODAY } from '../../shared/letters/letters.fixture';
import { buildForsendelse, DISPATCH_CODES, isNationalId } from '../../shared/dispatch/svarut';

/**
 * A letter to the family by post needs a postal address typed for that one dispatch (the registers
 * hold none; issue 19 item 2). When it is missing or incomplete, `bro dispatch` and the rule say in
 * Norwegian what to enter (the part left empty, or a postcode that is not four digits), exit 3,
 * and write nothing: never a crash. The real CLI on a real vault; the rule called directly.
 */
const PASS = 'synt-etisk passord 2026';
const bro = (args: string[]) => runCli(args, { BRO_PASSPHRASE: PASS });
const tempDir = tempDirs('bro-dispatch-address-');

let vault: string;
let work: string;
let pdf: Uint8Array;
let n = 0;

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
  const out = path.join(work, 'anbefaling.pdf');
  const r = await bro([
    'letter',
    vault,
    '--case',
    'c-0001',
    '--kind',
    'anbefaling',
    '--out',
    out,
    '--today',
    LETTER_TODAY,
    '--json',
  ]);
  expect(r.code, JSON.stringify(r.json)).toBe(0);
  pdf = readFileSync(out);
});

/** `bro dispatch` to the family, without a national id, into a fresh package folder. */
const toFamily = async (extra: string[], json = true) => {
  const folder = path.join(work, `pakke-${++n}`);
  const r = await bro([
    'dispatch',
    vault,
    '--case',
    'c-0001',
    '--letter',
    'anbefaling-1',
    '--to',
    'foresatte',
    '--out',
    folder,
    ...extra,
    ...(json ? ['--json'] : []),
  ]);
  return { ...r, folder };
};
const codes = (r: { json: { error?: { issues: { code: string }[] } } }) =>
  (r.json.error?.issues ?? []).map((i) => i.code);

describe('bro dispatch to a family with no postal address entered', () => {
  it('says in Norwegian what to enter, exits 3 and writes nothing', async () => {
    const r = await toFamily([], false);
    expect(r.code).toBe(3);
    expect(r.err).toContain(
      'uten fødselsnummer går brevet til utskrift og post: skriv inn adresse, postnummer (fire siffer) og poststed',
    );
    expect(r.err).not.toMatch(/at .*\.ts|TypeError|undefined/u);
    expect(existsSync(r.folder)).toBe(false);
  });

  it('a part left empty (or only spaces) is named the same way; nothing is written', async () => {
    for (const extra of [
      ['--postcode', '2860'],
      ['--address', 'Gata 1', '--place', 'Hov'],
      ['--address', '   ', '--postcode', '2860', '--place', 'Hov'],
    ]) {
      const r = await toFamily(extra);
      expect(r.code, JSON.stringify(extra)).toBe(3);
      expect(r.json.error.issues).toEqual([{ path: 'address', code: DISPATCH_CODES.addressMissing }]);
      expect(existsSync(r.folder)).toBe(false);
    }
  });

  it('a postcode that is not four digits is named as such, apart from a missing part', async () => {
    const r = await toFamily(['--address', 'Gata 1', '--postcode', '28', '--place', 'Hov'], false);
    expect(r.code).toBe(3);
    expect(r.err).toContain('address.postcode: postnummeret må være fire siffer (for eksempel 2860)');
    expect(r.err).not.toContain('skriv inn adresse');
    expect(existsSync(r.folder)).toBe(false);
    const both = await toFamily(['--postcode', 'Hov']);
    expect(codes(both)).toEqual([DISPATCH_CODES.addressMissing, DISPATCH_CODES.postcodeInvalid]);
  });

  it('a line longer than SvarUt takes is a typed refusal, not a crash', async () => {
    const r = await toFamily(['--address', 'x'.repeat(80), '--postcode', '2860', '--place', 'Hov']);
    expect(r.code).toBe(3);
    expect(r.json.error).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'address.line1', code: 'too_big' }],
    });
    expect(existsSync(r.folder)).toBe(false);
  });

  it('with the address entered, the package is written to print', async () => {
    const r = await toFamily(['--address', ' Gata  1 ', '--postcode', '2860', '--place', 'Hov']);
    expect(r.code, JSON.stringify(r.json)).toBe(0);
    expect(r.json.endpoint).toBe('print');
    const json = JSON.parse(readFileSync(path.join(r.folder, 'forsendelse.json'), 'utf8'));
    expect(json.mottaker.adresse).toEqual({
      adresselinje1: 'Gata 1',
      postnummer: '2860',
      poststed: 'Hov',
      landkode: 'NO',
    });
  });
});

describe('the dispatch rule and the postal address', () => {
  const input = () => ({
    letterId: 'abc',
    kind: 'anbefaling' as const,
    date: '2026-03-02',
    service: 'PPT',
    pdf,
    to: 'foresatte' as const,
    school: null,
    guardian: 'Ánde Nango',
    encrypted: false,
  });
  const issues = (r: ReturnType<typeof buildForsendelse>) => (r.ok ? [] : r.issues);

  it('names the missing part and the bad postcode apart, also when sending through an account', () => {
    for (const encrypted of [false, true]) {
      expect(issues(buildForsendelse({ ...input(), encrypted }))).toEqual([
        { path: ['address'], code: DISPATCH_CODES.addressMissing },
      ]);
      expect(
        issues(
          buildForsendelse({
            ...input(),
            encrypted,
            address: { line1: 'Gata 1', postcode: '286O', place: 'Hov' },
          }),
        ),
      ).toEqual([{ path: ['address', 'postcode'], code: DISPATCH_CODES.postcodeInvalid }]);
    }
    const ok = buildForsendelse({ ...input(), address: { line1: 'Gata 1', postcode: '2860', place: 'Hov' } });
    expect(ok.ok && ok.forsendelse.endpoint).toBe('print');
  });

  it('with a national id the letter goes digitally and needs no address', () => {
    let id = '';
    for (let k = 0; k < 100 && !id; k++) {
      const c = `0101901${String(k).padStart(2, '0')}`;
      for (let d = 0; d < 100 && !id; d++) {
        const x = `${c}${String(d).padStart(2, '0')}`;
        if (isNationalId(x)) id = x;
      }
    }
    expect(id).toHaveLength(11);
    const r = buildForsendelse({ ...input(), nationalId: id, encrypted: true });
    expect(r.ok && r.forsendelse.endpoint).toBe('person');
  });
});
