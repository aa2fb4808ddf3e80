import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDirs } from './helpers/cli';
import { emptyVault, PASS } from './cli-vault.fixture';
import { completeCase } from '../../shared/letters/letters.fixture';

/**
 * Consent at every sharing for files (issue 14 item 8): the innsyn file to someone other than the
 * parties and a case export (`bro innsyn … --to`, `bro export … --to`) through the real CLI, a real
 * vault and the one rule in shared/consent/sharing.ts. Refused without consent or legal basis,
 * naming the recipient, nothing written; allowed with either; the access log has the recipient's
 * role and never a name.
 */
const bro = (args: string[]) => runCli(args, { BRO_PASSPHRASE: PASS });
const tempDir = tempDirs('bro-sharing-test-');
const TODAY = '2026-05-20';
const LAWYER = 'advokat Kari Lund';

let vault: string;
let work: string;

beforeAll(async () => {
  work = tempDir();
  vault = await emptyVault(work);
  const base = completeCase();
  base.guardians = [{ name: 'Ánde Nango', relation: 'far', parentalResponsibility: true }];
  // c-0001: a consent to BUP; c-0002: none to BUP; c-0003: one to BUP, withdrawn.
  const bup = {
    givenBy: 'Ánde Nango',
    information: 'Hele saken',
    recipient: 'Barne- og ungdomspsykiatrisk poliklinikk',
    purpose: 'Utredning',
    date: '2026-04-01',
  };
  const file = path.join(work, 'cases.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: 'bro-interchange/1',
      cases: [
        { ...base, id: 'c-0001', consents: [...(base.consents ?? []), bup] },
        { ...base, id: 'c-0002' },
        { ...base, id: 'c-0003', consents: [{ ...bup, withdrawn: TODAY }] },
      ],
    }),
  );
  expect((await bro(['import', vault, file])).code).toBe(0);
});

const innsyn = (caseId: string, out: string, ...more: string[]) =>
  bro(['innsyn', vault, '--case', caseId, '--out', path.join(work, out), '--today', TODAY, ...more]);

describe('bro innsyn --to', () => {
  it('refuses the file to a service without consent or legal basis, naming it, and writes nothing', async () => {
    const r = await innsyn('c-0002', 'bup.pdf', '--to', 'BUP Nord', '--json');
    expect(r.code).toBe(3);
    expect(r.json.error.code).toBe('CONSENT_MISSING');
    expect(r.json.error.issues).toEqual([{ path: 'legalBasis', code: 'CONSENT_MISSING', limit: 'BUP Nord' }]);
    expect(r.json.error.detail).toEqual({ recipient: 'BUP Nord' });
    expect(existsSync(path.join(work, 'bup.pdf'))).toBe(false);
    const text = await innsyn('c-0002', 'bup.pdf', '--to', 'BUP Nord');
    expect(text.err).toContain('ingen gyldig samtykke til «BUP Nord»');
    expect(existsSync(path.join(work, 'bup.pdf'))).toBe(false);
  });

  it('a withdrawn consent counts from its own day', async () => {
    const r = await innsyn('c-0003', 'w.pdf', '--to', 'BUP', '--json');
    expect(r.json.error.code).toBe('CONSENT_MISSING');
    expect(existsSync(path.join(work, 'w.pdf'))).toBe(false);
  });

  it('goes with a valid consent, or with a recorded legal basis', async () => {
    const a = await innsyn('c-0001', 'a.pdf', '--to', 'BUP Nord', '--json');
    expect(a.code, JSON.stringify(a.json)).toBe(0);
    expect(a.json.sharing).toEqual({ role: 'bup', basis: 'consent' });
    expect(existsSync(path.join(work, 'a.pdf'))).toBe(true);
    const b = await innsyn('c-0002', 'b.pdf', '--to', LAWYER, '--legal-basis', 'fullmakt fra foresatte');
    expect(b.code, b.err).toBe(0);
    expect(b.out).toContain('Til en annen mottaker på grunnlag av lovgrunnlaget');
    expect(readFileSync(path.join(work, 'b.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('needs nothing for the parties: the parents, a guardian by name, the pupil', async () => {
    for (const to of ['foresatte', 'Ánde Nango', 'eleven']) {
      const r = await innsyn('c-0002', 'p.pdf', '--to', to, '--json');
      expect(r.code, `${to}: ${JSON.stringify(r.json)}`).toBe(0);
      expect(r.json.sharing).toEqual({ role: 'foresatte', basis: 'party' });
    }
    // Without --to it is the parties' file, as before.
    const plain = await innsyn('c-0002', 'plain.pdf', '--json');
    expect(plain.code).toBe(0);
    expect(plain.json.sharing).toBeNull();
  });

  it('a legal basis without a recipient is a usage error', async () => {
    expect((await innsyn('c-0002', 'u.pdf', '--legal-basis', 'x')).code).toBe(2);
    expect(existsSync(path.join(work, 'u.pdf'))).toBe(false);
  });
});

describe('bro export --to', () => {
  it('refuses the export when one case lacks consent, names the recipient and the case, writes nothing', async () => {
    const out = path.join(work, 'ut.json');
    const r = await bro(['export', vault, out, '--to', 'BUP', '--today', TODAY, '--json']);
    expect(r.code).toBe(3);
    expect(r.json.error.code).toBe('CONSENT_MISSING');
    expect(r.json.error.issues).toEqual([
      { path: 'cases.c-0002.legalBasis', code: 'CONSENT_MISSING', limit: 'BUP' },
      { path: 'cases.c-0003.legalBasis', code: 'CONSENT_MISSING', limit: 'BUP' },
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('exports the consented case, and all of them with a legal basis', async () => {
    const one = path.join(work, 'en.json');
    const r = await bro([
      'export',
      vault,
      one,
      '--case',
      'c-0001',
      '--to',
      'BUP',
      '--today',
      TODAY,
      '--json',
    ]);
    expect(r.code, JSON.stringify(r.json)).toBe(0);
    expect(r.json.sharing).toEqual([{ role: 'bup', basis: 'consent', caseIds: [expect.any(String)] }]);
    expect(JSON.parse(readFileSync(one, 'utf8')).cases).toHaveLength(1);
    const all = path.join(work, 'alle.json');
    const b = await bro([
      'export',
      vault,
      all,
      '--to',
      'BUP',
      '--legal-basis',
      'pasient- og brukerrettighetsloven',
      '--today',
      TODAY,
      '--json',
    ]);
    expect(b.code, JSON.stringify(b.json)).toBe(0);
    expect(
      b.json.sharing.map((g: { basis: string; caseIds: string[] }) => [g.basis, g.caseIds.length]),
    ).toEqual([
      ['consent', 1],
      ['legal', 2],
    ]);
    // Without --to the export is as it always was.
    const plain = await bro(['export', vault, path.join(work, 'plain.json'), '--json']);
    expect(plain.code).toBe(0);
    expect(plain.json.sharing).toBeUndefined();
  });
});

describe('the access log', () => {
  it('records each sharing with the recipient’s role and basis, never a name', async () => {
    const r = await bro(['log', vault, '--json']);
    const shared = r.json.entries.filter((e: { to?: string }) => e.to !== undefined);
    const seen = shared.map(
      (e: { action: string; to: string; basis: string }) => `${e.action} ${e.to} ${e.basis}`,
    );
    expect(seen).toEqual(
      expect.arrayContaining([
        'innsyn.make bup consent',
        'innsyn.make annen legal',
        'innsyn.make foresatte party',
        'export bup consent',
        'export bup legal',
      ]),
    );
    expect(JSON.stringify(r.json)).not.toMatch(/Kari Lund|BUP Nord|Nango/u);
    const text = await bro(['log', vault]);
    expect(text.out).toMatch(/laget innsynsfil – til BUP \(samtykke\)/u);
    expect(text.out).toMatch(/eksporterte saken \(bro-interchange\) – til BUP \(lovgrunnlag\)/u);
    expect(text.out).not.toMatch(/Kari Lund|Nango/u);
  });
});
