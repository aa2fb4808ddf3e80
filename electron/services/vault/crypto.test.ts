import { CompactEncrypt, compactDecrypt } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  isCanonicalCompact,
  open,
  OpenFailure,
  randomKey,
  sealContent,
  sealKey,
  type Binding,
} from './crypto';

const b: Binding = {
  vault: 'aaaaaaaaaaaaaaaaaaaaaaaaaa',
  kind: 'event',
  case: 'bbbbbbbbbbbbbbbbbbbbbbbbbb',
  id: 'cccccccccccccccccccccccccc',
  kid: 'dddddddddddddddddddddddddd',
};
const text = new TextEncoder().encode('{"name":"Áile Nango – ŋ š ŧ ž"}');

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    return e instanceof OpenFailure ? e.reason : String(e);
  }
}

describe('JWE content encryption', () => {
  it('is standard JWE: jose decrypts what Bro seals, and Bro opens what jose seals', async () => {
    const key = randomKey();
    const ours = await sealContent(key, text, b);
    const viaJose = await compactDecrypt(ours, key);
    expect(new TextDecoder().decode(viaJose.plaintext)).toBe(new TextDecoder().decode(text));
    expect(viaJose.protectedHeader).toMatchObject({
      alg: 'dir',
      enc: 'A256GCM',
      'bro.case': b.case,
      'bro.kid': b.kid,
    });
    const theirs = await new CompactEncrypt(text)
      .setProtectedHeader({
        alg: 'dir',
        enc: 'A256GCM',
        'bro.vault': b.vault,
        'bro.kind': 'event',
        'bro.case': b.case,
        'bro.id': b.id,
        'bro.kid': b.kid,
      })
      .encrypt(key);
    expect(await open(key, theirs, b)).toEqual(text);
  });

  it('fails on a wrong key, any flipped character, and a different binding', async () => {
    const key = randomKey();
    const jwe = await sealContent(key, text, b);
    expect(await failure(open(randomKey(), jwe, b))).toBe('AUTH');
    for (let i = 0; i < jwe.length; i++) {
      if (jwe[i] === '.') continue;
      const flipped = jwe.slice(0, i) + (jwe[i] === 'A' ? 'B' : 'A') + jwe.slice(i + 1);
      expect(await failure(open(key, flipped, b))).not.toBe('OK');
    }
    expect(await failure(open(key, jwe, { ...b, case: 'eeeeeeeeeeeeeeeeeeeeeeeeee' }))).toBe('BINDING');
    expect(await failure(open(key, jwe, { ...b, kind: 'pack' }))).toBe('BINDING');
    expect(await failure(open(key, jwe + '\n', b))).toBe('FORMAT');
  });

  it('requires canonical base64url (unused low bits of the last character must be zero)', async () => {
    const key = randomKey();
    const jwe = await sealContent(key, text, b);
    expect(isCanonicalCompact(jwe)).toBe(true);
    const tag = jwe.split('.')[4]!; // 16 bytes → 22 characters, the last carries 4 unused bits
    const last = tag[tag.length - 1]!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) + 1]!;
    const nonCanonical = jwe.slice(0, -1) + sibling;
    expect(isCanonicalCompact(nonCanonical)).toBe(false);
    expect(await failure(open(key, nonCanonical, b))).toBe('FORMAT');
  });

  it('refuses every non-canonical segment: other alphabets, padding, spaces, other characters, bad lengths', async () => {
    const key = randomKey();
    const jwe = await sealContent(key, text, b);
    const parts = jwe.split('.');
    const ct = parts[3]!;
    const withCt = (seg: string) => [parts[0], parts[1], parts[2], seg, parts[4]].join('.');
    const bad = [
      ct.slice(0, 5) + '+' + ct.slice(6),
      ct.slice(0, 5) + '/' + ct.slice(6),
      ct + '=',
      ct + '==',
      ct.slice(0, 5) + ' ' + ct.slice(5),
      ct.slice(0, 5) + '\n' + ct.slice(5),
      ct.slice(0, 5) + '\t' + ct.slice(5),
      ct + '\r',
      ct.slice(0, 5) + 'é' + ct.slice(6),
      ct.slice(0, 5) + '\u0000' + ct.slice(6),
      ct.slice(0, 5) + '\ud800' + ct.slice(6),
      ct.slice(0, 5) + '.' + ct.slice(6),
    ];
    for (const seg of bad) {
      expect(isCanonicalCompact(withCt(seg))).toBe(false);
      expect(await failure(open(key, withCt(seg), b))).toBe('FORMAT');
    }
    // Lengths: 1 mod 4 is never an encoding; 2 and 3 mod 4 carry 4 and 2 unused bits.
    expect(isCanonicalCompact(withCt('AAAAA'))).toBe(false);
    expect(isCanonicalCompact(withCt('AAAAAA'))).toBe(true);
    expect(isCanonicalCompact(withCt('AAAAAQ'))).toBe(true); // 'Q' = 0b010000: the unused bits are zero
    expect(isCanonicalCompact(withCt('AAAAAB'))).toBe(false);
    expect(isCanonicalCompact(withCt('AAAAAAE'))).toBe(true); // 'E' = 0b000100
    expect(isCanonicalCompact(withCt('AAAAAAB'))).toBe(false);
    expect(isCanonicalCompact(withCt('AAAAAAC'))).toBe(false);
    expect(isCanonicalCompact(withCt(''))).toBe(true);
    expect(isCanonicalCompact(jwe + '.')).toBe(false);
    expect(isCanonicalCompact(parts.slice(0, 4).join('.'))).toBe(false);
    expect(isCanonicalCompact('A.B.C.D.E')).toBe(false); // shorter than any JWE
  });

  it('accepts exactly what the plain rule accepts (alphabet, length, unused bits), over many random segments', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const plainRule = (seg: string) => {
      if (!/^[A-Za-z0-9_-]*$/.test(seg) || seg.length % 4 === 1) return false;
      if (seg.length === 0) return true;
      const last = alphabet.indexOf(seg[seg.length - 1]!);
      if (seg.length % 4 === 2) return (last & 0b1111) === 0;
      if (seg.length % 4 === 3) return (last & 0b11) === 0;
      return true;
    };
    // A seeded generator: the same segments every run. Mostly the alphabet, some strangers.
    let seed = 0x2026;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const strangers = [
      '+',
      '/',
      '=',
      ' ',
      '\n',
      '\t',
      '\r',
      '\u0000',
      'é',
      'ø',
      '\u00ff',
      '\ud83d',
      '~',
      '%',
    ];
    const prefix = 'eyJhbGciOiJkaXIifQ..AAAAAAAAAAAAAAAA.';
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const len = next(12) === 0 ? next(200) : next(10);
      let seg = '';
      for (let j = 0; j < len; j++)
        seg += next(25) === 0 ? strangers[next(strangers.length)]! : alphabet[next(alphabet.length)]!;
      const expected = plainRule(seg);
      if (expected) accepted++;
      expect(isCanonicalCompact(`${prefix}${seg}.AAAAAAAAAAAAAAAAAAAAAA`), JSON.stringify(seg)).toBe(
        expected,
      );
    }
    // Both sides of the rule were met often.
    expect(accepted).toBeGreaterThan(3000);
    expect(accepted).toBeLessThan(17_000);
  });

  it('wraps keys with A256GCMKW and checks the binding', async () => {
    const kek = randomKey();
    const kb: Binding = { vault: b.vault, kind: 'case-key', case: b.case, kid: b.kid };
    const jwe = await sealKey(kek, text, kb);
    expect(JSON.parse(Buffer.from(jwe.split('.')[0]!, 'base64url').toString()).alg).toBe('A256GCMKW');
    expect(await open(kek, jwe, kb)).toEqual(text);
    expect(await failure(open(kek, jwe, { ...kb, case: 'eeeeeeeeeeeeeeeeeeeeeeeeee' }))).toBe('BINDING');
    expect(await failure(open(randomKey(), jwe, kb))).toBe('AUTH');
  });

  it('opens A256GCMKW with node:crypto as jose does: either tag failing is AUTH', async () => {
    const kek = randomKey();
    const kb: Binding = { vault: b.vault, kind: 'case-key', case: b.case, kid: b.kid };
    // jose seals, Bro opens (and jose opens what Bro opens).
    const jwe = await sealKey(kek, text, kb);
    expect(await open(kek, jwe, kb)).toEqual(text);
    expect((await compactDecrypt(jwe, kek)).plaintext).toEqual(text);
    const [h, ek, iv, ct, tag] = jwe.split('.') as [string, string, string, string, string];
    const flip = (seg: string) => {
      const bytes = Buffer.from(seg, 'base64url');
      bytes[0]! ^= 1;
      return bytes.toString('base64url');
    };
    // The wrapped key, its tag (in the header), the content and the content's tag.
    expect(await failure(open(kek, [h, flip(ek), iv, ct, tag].join('.'), kb))).toBe('AUTH');
    const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as Record<string, string>;
    const badTag = Buffer.from(JSON.stringify({ ...header, tag: flip(header.tag!) })).toString('base64url');
    expect(await failure(open(kek, [badTag, ek, iv, ct, tag].join('.'), kb))).toBe('AUTH');
    expect(await failure(open(kek, [h, ek, iv, flip(ct), tag].join('.'), kb))).toBe('AUTH');
    expect(await failure(open(kek, [h, ek, iv, ct, flip(tag)].join('.'), kb))).toBe('AUTH');
  });
});
