// The fast paths of the open without an index give exactly what the slow ones give: the case key
// ring's shape check against its schema, and the peek at a file's `bro.kid` against jose.
import { decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { peekKid, randomId } from './crypto';
import { caseKeyRing, parseCaseKeyRing } from './format';

function outcome(f: () => unknown): unknown {
  try {
    return { ok: f() };
  } catch {
    return 'throws';
  }
}

const k = 'A'.repeat(43);

describe('parseCaseKeyRing', () => {
  it('accepts and refuses exactly what the schema does', () => {
    const id = randomId();
    const variants: unknown[] = [
      { current: id, keys: [{ kid: id, k }] },
      {
        current: id,
        keys: [
          { kid: id, k },
          { kid: randomId(), k: 'B'.repeat(50) },
        ],
        sealed: { 'logs/a': 'ff' },
      },
      { current: id, keys: [{ kid: id, k }], sealed: {} },
      { current: id, keys: [] },
      { current: id, keys: [{ kid: id, k: 'A'.repeat(39) }] },
      { current: id, keys: [{ kid: id, k: 'A'.repeat(51) }] },
      { current: id.toUpperCase(), keys: [{ kid: id, k }] },
      { current: id, keys: [{ kid: `${id}x`, k }] },
      { current: id, keys: [{ kid: id, k, extra: 1 }] },
      { current: id, keys: [{ kid: id, k }], extra: true },
      { current: id, keys: [{ kid: id, k }], sealed: { a: 1 } },
      { current: id, keys: [{ kid: id, k }], sealed: [] },
      { current: id, keys: [{ kid: id, k }], sealed: null },
      { current: id, keys: [{ kid: id }] },
      { current: id, keys: [null] },
      { current: id, keys: [[id, k]] },
      { current: id, keys: {} },
      { keys: [{ kid: id, k }] },
      { current: 7, keys: [{ kid: id, k }] },
      JSON.parse(`{"current":"${id}","keys":[{"kid":"${id}","k":"${k}"}],"sealed":{"__proto__":"x"}}`),
      JSON.parse(`{"current":"${id}","keys":[{"kid":"${id}","k":"${k}"}],"__proto__":{}}`),
      [],
      null,
      'ring',
    ];
    for (const v of variants) {
      expect(
        outcome(() => parseCaseKeyRing(v)),
        JSON.stringify(v),
      ).toEqual(outcome(() => caseKeyRing.parse(v)));
    }
  });
});

describe('peekKid', () => {
  it('reads the same bro.kid as jose, and nothing where jose finds nothing', () => {
    const seg = (v: unknown) =>
      Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
    const id = randomId();
    const headers = [
      seg({ alg: 'dir', enc: 'A256GCM', 'bro.kid': id }),
      seg({ alg: 'dir', 'bro.kid': 5 }),
      seg({ alg: 'dir' }),
      seg([1, 2]),
      seg('null'),
      seg('"text"'),
      seg('{not json'),
      '',
      '!!!',
    ];
    for (const h of headers) {
      const jwe = `${h}..${seg('iv')}.${seg('ct')}.${seg('tag')}`;
      let viaJose: unknown;
      try {
        const p = decodeProtectedHeader(jwe);
        viaJose = typeof p['bro.kid'] === 'string' ? p['bro.kid'] : undefined;
      } catch {
        viaJose = undefined;
      }
      expect(peekKid(jwe), h).toBe(viaJose);
    }
  });
});
