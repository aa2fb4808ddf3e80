import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { completeCase, KIND_OPTIONS, LETTER_TODAY } from '../../../shared/letters/letters.fixture';
import { importInterchange } from '../interchange/importer';
import { issueLetter, resolveCase } from '../letters/issue';
import { Vault } from '../vault/vault';
import { cadesDetached, verifyCadesDetached } from './cms';
import { createTestP12, loadP12 } from './p12';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'bro-signing-test-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const NOW = new Date('2026-05-12T10:00:00Z');
const cert = createTestP12({
  name: 'PPT Bærum',
  organisation: 'Bærum kommune',
  password: 'pw æøå',
  now: NOW,
});

describe('test certificates', () => {
  it('encode æøå once, as UTF8String (not "BÃ¦rum", not PrintableString)', () => {
    const signer = loadP12(cert.p12, 'pw æøå');
    const utf8 = Buffer.from('PPT Bærum', 'utf8');
    const asUtf8String = Buffer.concat([Buffer.from([0x0c, utf8.length]), utf8]);
    expect(signer.certDer.includes(asUtf8String)).toBe(true);
    expect(signer.certDer.includes(Buffer.from('BÃ¦rum', 'utf8'))).toBe(false);
    expect(signer.subject).toBe('CN=PPT Bærum, O=Bærum kommune, C=NO');
  });

  it('a wrong password and a file that is not a P12 are told apart', () => {
    expect(() => loadP12(cert.p12, 'feil')).toThrow(expect.objectContaining({ code: 'P12_WRONG_PASSWORD' }));
    expect(() => loadP12(Buffer.from('ikke en p12'), 'x')).toThrow(
      expect.objectContaining({ code: 'P12_INVALID' }),
    );
  });
});

describe('CAdES detached signatures', () => {
  const signer = loadP12(cert.p12, 'pw æøå');
  const data = Buffer.from('%PDF-1.7 brevet, minus signaturen');

  it('verify over the same bytes and name the signer', () => {
    const r = verifyCadesDetached(cadesDetached(data, signer), data);
    expect(r).toMatchObject({ valid: true, reason: null, commonName: 'PPT Bærum' });
  });

  it('fail over other bytes, with another key, or when damaged', () => {
    const cms = cadesDetached(data, signer);
    expect(verifyCadesDetached(cms, Buffer.from('%PDF-1.7 brevet, endret')).reason).toBe('DIGEST_MISMATCH');
    const other = { ...signer, privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey };
    expect(verifyCadesDetached(cadesDetached(data, other), data).reason).toBe('SIGNATURE_MISMATCH');
    const broken = Buffer.from(cms);
    broken[broken.length - 5]! ^= 0xff;
    expect(verifyCadesDetached(broken, data).valid).toBe(false);
    expect(verifyCadesDetached(Buffer.from([0x30, 0x03, 0x02, 0x01]), data).reason).toBe('MALFORMED');
  });
});

describe('issuing writes all or nothing', () => {
  it('a missing font: FONT_MISSING, no file, no event', async () => {
    const dir = path.join(temp(), 'v');
    const { vault } = await Vault.create(dir, {
      passphrase: 'passord passord',
      memberName: 'Ola Hansen',
      kdf: { N: 2 ** 10, r: 8, p: 1 },
    });
    await importInterchange(vault, { format: 'bro-interchange/1', cases: [completeCase()] });
    const caseId = await resolveCase(vault, 'c-0001');
    const out = path.join(temp(), 'brev.pdf');
    const req = {
      caseId,
      kind: 'anbefaling' as const,
      lang: 'nb' as const,
      options: KIND_OPTIONS.anbefaling,
      settings: undefined,
      out,
      draft: false,
      p12: null,
    };
    const ctx = { today: LETTER_TODAY, now: NOW, appLetterhead: null };
    await expect(issueLetter(vault, req, { ...ctx, fontsDir: temp() })).rejects.toMatchObject({
      code: 'FONT_MISSING',
      detail: { file: 'NotoSans-Regular.ttf' },
    });
    expect(existsSync(out)).toBe(false);
    expect((await vault.fold(caseId)).letters).toEqual([]);
    // The same letter with the fonts in place is issued and recorded once.
    const r = await issueLetter(vault, req, ctx);
    expect(existsSync(out)).toBe(true);
    expect((await vault.fold(caseId)).letters.map((l) => l.letterId)).toEqual([r.letterId]);
    await vault.close();
  });
});
