/**
 * A small seeded pseudo-random generator for the demo data: sfc32, seeded from a
 * string hash (cyrb128). Hand-written so `shared/` stays pure (no Math.random, no clock)
 * and the same seed gives the same bytes on every platform.
 * Not for anything secret: vault ids and keys come from the crypto service.
 */

/** cyrb128: four 32-bit words from a string, well mixed even for short, similar inputs. */
export function hashSeed(input: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < input.length; i++) {
    const k = input.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** `[value, weight]` pairs; weights need not sum to anything in particular. */
export type Weighted<T> = readonly (readonly [T, number])[];

export class Rng {
  // Typed-array state: 32-bit words stay unboxed, which makes next() several times faster
  // than number fields (values above 2^30 would be heap numbers).
  private readonly s: Int32Array;

  constructor(seed: string) {
    const [a, b, c, d] = hashSeed(seed);
    this.s = new Int32Array(4);
    this.s[0] = a;
    this.s[1] = b;
    this.s[2] = c;
    this.s[3] = d;
    // Warm up: the first outputs of sfc32 still carry the seed's structure.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const s = this.s;
    const a = s[0] as number;
    const b = s[1] as number;
    const c = s[2] as number;
    const d = (s[3] as number) + 1;
    const t = (a + b + d) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    s[3] = d;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Integer in [min, max], skewed towards `min` (power > 1) or `max` (power < 1). */
  skewed(min: number, max: number, power: number): number {
    return min + Math.floor(Math.pow(this.next(), power) * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(table: Weighted<T>): T {
    const n = table.length;
    if (n === 0) throw new RangeError('weighted pick from an empty table');
    let total = 0;
    for (let i = 0; i < n; i++) total += (table[i] as readonly [T, number])[1];
    let r = this.next() * total;
    for (let i = 0; i < n; i++) {
      const row = table[i] as readonly [T, number];
      r -= row[1];
      if (r < 0) return row[0];
    }
    return (table[n - 1] as readonly [T, number])[0];
  }

  /** A new list in random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /** `count` distinct items (fewer if the list is shorter), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const out = items.slice();
    const k = Math.min(count, out.length);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(this.next() * (out.length - i));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    out.length = k;
    return out;
  }
}
