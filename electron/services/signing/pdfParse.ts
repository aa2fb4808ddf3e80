import { inflateSync } from 'node:zlib';

/**
 * Just enough of a PDF reader to take a Bro letter's attachments out of it: objects found by
 * their "n g obj" headers, dictionaries and strings parsed, streams inflated. Bro writes its
 * letters with pdfkit (classic xref, no object streams), so this reads every letter Bro makes;
 * anything it cannot read is reported as not a Bro letter. Integrity is not this module's job:
 * the seal and the signatures cover every byte before anything here is trusted.
 */
export class PdfParseError extends Error {}

export type PdfValue =
  | null
  | boolean
  | number
  | { name: string }
  | { str: Buffer }
  | { ref: [number, number] }
  | PdfValue[]
  | { dict: Map<string, PdfValue> };

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

class Reader {
  constructor(
    readonly buf: Buffer,
    public pos: number,
  ) {}

  skip(): void {
    const b = this.buf;
    while (this.pos < b.length) {
      if (WS.has(b[this.pos]!)) this.pos++;
      else if (b[this.pos] === 0x25)
        while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      else break;
    }
  }

  token(): string {
    const start = this.pos;
    while (this.pos < this.buf.length && !WS.has(this.buf[this.pos]!) && !DELIM.has(this.buf[this.pos]!))
      this.pos++;
    return this.buf.toString('latin1', start, this.pos);
  }

  value(depth = 0): PdfValue {
    if (depth > 50) throw new PdfParseError('nested too deep');
    this.skip();
    const b = this.buf;
    const c = b[this.pos];
    if (c === undefined) throw new PdfParseError('unexpected end');
    if (c === 0x3c && b[this.pos + 1] === 0x3c) {
      this.pos += 2;
      const dict = new Map<string, PdfValue>();
      for (;;) {
        this.skip();
        if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return { dict };
        }
        const key = this.value(depth + 1);
        if (!key || typeof key !== 'object' || !('name' in key)) throw new PdfParseError('dictionary key');
        dict.set(key.name, this.value(depth + 1));
      }
    }
    if (c === 0x5b) {
      this.pos++;
      const arr: PdfValue[] = [];
      for (;;) {
        this.skip();
        if (b[this.pos] === 0x5d) {
          this.pos++;
          return arr;
        }
        arr.push(this.value(depth + 1));
      }
    }
    if (c === 0x28) return { str: this.literal() };
    if (c === 0x3c) {
      const end = b.indexOf(0x3e, this.pos);
      if (end < 0) throw new PdfParseError('hex string');
      const hex = b.toString('latin1', this.pos + 1, end).replace(/\s+/gu, '');
      this.pos = end + 1;
      return { str: Buffer.from(hex.length % 2 ? hex + '0' : hex, 'hex') };
    }
    if (c === 0x2f) {
      this.pos++;
      return {
        name: this.token().replace(/#([0-9a-fA-F]{2})/gu, (_, h: string) =>
          String.fromCharCode(parseInt(h, 16)),
        ),
      };
    }
    const tok = this.token();
    if (tok === 'true') return true;
    if (tok === 'false') return false;
    if (tok === 'null') return null;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/u.test(tok)) throw new PdfParseError('token');
    const num = Number(tok);
    // "n g R" is a reference.
    const save = this.pos;
    this.skip();
    const gen = this.token();
    this.skip();
    if (/^\d+$/u.test(tok) && /^\d+$/u.test(gen) && b[this.pos] === 0x52) {
      this.pos++;
      return { ref: [num, Number(gen)] };
    }
    this.pos = save;
    return num;
  }

  literal(): Buffer {
    const b = this.buf;
    const out: number[] = [];
    let depth = 0;
    this.pos++;
    for (; this.pos < b.length; this.pos++) {
      const c = b[this.pos]!;
      if (c === 0x5c) {
        const n = b[++this.pos]!;
        const map: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
        if (map[n] !== undefined) out.push(map[n]!);
        else if (n >= 0x30 && n <= 0x37) {
          let oct = n - 0x30;
          for (let k = 0; k < 2 && b[this.pos + 1]! >= 0x30 && b[this.pos + 1]! <= 0x37; k++)
            oct = oct * 8 + (b[++this.pos]! - 0x30);
          out.push(oct & 0xff);
        } else if (n === 0x0d || n === 0x0a) {
          if (n === 0x0d && b[this.pos + 1] === 0x0a) this.pos++;
        } else out.push(n);
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (depth === 0) {
          this.pos++;
          return Buffer.from(out);
        }
        depth--;
        out.push(c);
      } else out.push(c);
    }
    throw new PdfParseError('string');
  }
}

export interface PdfObject {
  id: number;
  value: PdfValue;
  /** The stream's raw bytes (still encoded), when the object is a stream. */
  stream: Buffer | null;
}

/** Text of a PDF string (UTF-16BE with BOM, or PDFDocEncoding ≈ latin1 for the ASCII names Bro uses). */
export function pdfString(v: PdfValue | undefined): string | null {
  if (!v || typeof v !== 'object' || !('str' in v)) return null;
  const s = v.str;
  if (s[0] === 0xfe && s[1] === 0xff) return Buffer.from(s.subarray(2)).swap16().toString('utf16le');
  return s.toString('latin1');
}

export const dictOf = (v: PdfValue | undefined) =>
  v && typeof v === 'object' && 'dict' in v ? v.dict : null;

/**
 * The object that starts at `pos` ("n g obj … endobj"), for reading an incremental update in
 * file order (./revision.ts). A stream's length is its /Length when that is a number, else up to
 * "endstream". Null when no object starts there.
 */
export function objectAt(buf: Buffer, pos: number): (PdfObject & { gen: number; end: number }) | null {
  const header = /^(\d+)\s+(\d+)\s+obj\b/u.exec(buf.toString('latin1', pos, pos + 32));
  if (!header) return null;
  const r = new Reader(buf, pos + header[0].length);
  const value = r.value();
  r.skip();
  let stream: Buffer | null = null;
  if (buf.toString('latin1', r.pos, r.pos + 6) === 'stream') {
    let p = r.pos + 6;
    if (buf[p] === 0x0d) p++;
    if (buf[p] === 0x0a) p++;
    const len = dictOf(value)?.get('Length');
    let end = typeof len === 'number' && len >= 0 && p + len <= buf.length ? p + len : -1;
    if (
      end < 0 ||
      !buf
        .toString('latin1', end, end + 12)
        .trimStart()
        .startsWith('endstream')
    ) {
      end = buf.indexOf('endstream', p);
      if (end < 0) throw new PdfParseError('stream end');
      while (end > p && (buf[end - 1] === 0x0a || buf[end - 1] === 0x0d)) end--;
    }
    stream = buf.subarray(p, end);
    r.pos = buf.indexOf('endstream', end) + 'endstream'.length;
    r.skip();
  }
  if (buf.toString('latin1', r.pos, r.pos + 6) !== 'endobj') throw new PdfParseError('endobj');
  return { id: Number(header[1]), gen: Number(header[2]), value, stream, end: r.pos + 6 };
}

/** A value (a trailer's dictionary) at `pos`, with where it ends. */
export function valueAt(buf: Buffer, pos: number): { value: PdfValue; end: number } {
  const r = new Reader(buf, pos);
  const value = r.value();
  return { value, end: r.pos };
}

/** Where the next token starts (after white space and comments, «%%EOF» included). */
export function skipSpace(buf: Buffer, pos: number): number {
  const r = new Reader(buf, pos);
  r.skip();
  return r.pos;
}

export class PdfFile {
  private readonly offsets = new Map<number, number>();
  /** The trailer dictionary after the cross-reference table. */
  readonly trailer: Map<string, PdfValue>;

  constructor(readonly buf: Buffer) {
    if (buf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new PdfParseError('not a PDF');
    // The classic cross-reference table pdfkit writes: "startxref <offset>" at the end, then
    // "xref", "0 <count>" and one 20-byte line per object.
    const tail = buf.toString('latin1', Math.max(0, buf.length - 64));
    const sx = /startxref\s+(\d+)\s+%%EOF\s*$/u.exec(tail);
    if (!sx) throw new PdfParseError('no startxref');
    const xref = Number(sx[1]);
    const head = /^xref\s+0\s+(\d+)\s+/u.exec(buf.toString('latin1', xref, xref + 40));
    if (!head) throw new PdfParseError('no xref table');
    const count = Number(head[1]);
    let p = xref + head[0].length;
    for (let id = 0; id < count; id++, p += 20) {
      const line = buf.toString('latin1', p, p + 20);
      const m = /^(\d{10}) (\d{5}) ([nf])/u.exec(line);
      if (!m) throw new PdfParseError('xref entry');
      if (m[3] === 'n') this.offsets.set(id, Number(m[1]));
    }
    const t = buf.indexOf('trailer', p);
    const trailer = t < 0 ? null : dictOf(valueAt(buf, t + 'trailer'.length).value);
    if (!trailer) throw new PdfParseError('no trailer');
    this.trailer = trailer;
  }

  ids(): number[] {
    return [...this.offsets.keys()];
  }

  object(id: number): PdfObject {
    const at = this.offsets.get(id);
    if (at === undefined || at >= this.buf.length) throw new PdfParseError('missing object');
    const header = /^(\d+)\s+(\d+)\s+obj\b/u.exec(this.buf.toString('latin1', at, at + 32));
    if (!header || Number(header[1]) !== id) throw new PdfParseError('object header');
    const r = new Reader(this.buf, at + header[0].length);
    const value = r.value();
    r.skip();
    let stream: Buffer | null = null;
    if (this.buf.toString('latin1', r.pos, r.pos + 6) === 'stream') {
      let p = r.pos + 6;
      if (this.buf[p] === 0x0d) p++;
      if (this.buf[p] === 0x0a) p++;
      const len = this.resolve(dictOf(value)?.get('Length'));
      if (typeof len !== 'number' || len < 0 || p + len > this.buf.length)
        throw new PdfParseError('stream length');
      stream = this.buf.subarray(p, p + len);
      const after = this.buf.toString('latin1', p + len, p + len + 12).trimStart();
      if (!after.startsWith('endstream')) throw new PdfParseError('stream end');
    }
    return { id, value, stream };
  }

  resolve(v: PdfValue | undefined): PdfValue | undefined {
    if (v && typeof v === 'object' && 'ref' in v) return this.object(v.ref[0]).value;
    return v;
  }

  /** A stream's decoded bytes (FlateDecode or no filter). */
  decode(obj: PdfObject): Buffer {
    if (!obj.stream) throw new PdfParseError('not a stream');
    const filter = this.resolve(dictOf(obj.value)?.get('Filter'));
    if (filter === undefined || filter === null) return obj.stream;
    const name = Array.isArray(filter) && filter.length === 1 ? filter[0] : filter;
    if (name && typeof name === 'object' && 'name' in name && name.name === 'FlateDecode') {
      try {
        return inflateSync(obj.stream);
      } catch {
        throw new PdfParseError('inflate');
      }
    }
    throw new PdfParseError('filter');
  }

  /** Embedded files by name: every file specification with an /EF stream. */
  attachments(): Map<string, Buffer[]> {
    const out = new Map<string, Buffer[]>();
    for (const id of this.ids()) {
      const at = this.offsets.get(id)!;
      // Cheap pre-filter before parsing: only file specifications.
      if (!this.buf.subarray(at, at + 2000).includes('/Filespec')) continue;
      const obj = this.object(id);
      const d = dictOf(obj.value);
      const type = d?.get('Type');
      if (!d || !type || typeof type !== 'object' || !('name' in type) || type.name !== 'Filespec') continue;
      const name = pdfString(d.get('UF')) ?? pdfString(d.get('F'));
      const ef = dictOf(this.resolve(d.get('EF')));
      const ref = ef?.get('F');
      if (!name || !ref || typeof ref !== 'object' || !('ref' in ref)) continue;
      const data = this.decode(this.object(ref.ref[0]));
      out.set(name, [...(out.get(name) ?? []), data]);
    }
    return out;
  }
}
