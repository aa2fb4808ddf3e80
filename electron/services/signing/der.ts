/**
 * A small DER writer and reader for the CMS signatures in letters. Written by hand on purpose:
 * the reader must hand back the exact bytes it read (signed attributes are verified over their
 * own encoding, and a certificate's issuer must be copied byte for byte), which node-forge's
 * object model does not promise for names with æøå (it re-encodes them).
 */
export const TAG = {
  INTEGER: 0x02,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, value: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag]), length(value.length), value]);
}

export const seq = (...items: Uint8Array[]) => tlv(TAG.SEQUENCE, Buffer.concat(items));
export const set = (...items: Uint8Array[]) => tlv(TAG.SET, Buffer.concat(items));
/** DER SET OF: the elements sorted by their encodings (X.690 11.6). */
export const setOf = (...items: Buffer[]) => tlv(TAG.SET, Buffer.concat([...items].sort(Buffer.compare)));
export const octets = (b: Uint8Array) => tlv(TAG.OCTET_STRING, b);
export const nul = () => tlv(TAG.NULL, Buffer.alloc(0));
/** [n] EXPLICIT / constructed context tag. */
export const ctx = (n: number, ...items: Uint8Array[]) => tlv(0xa0 + n, Buffer.concat(items));
export const smallInt = (n: number) => tlv(TAG.INTEGER, Buffer.from([n]));

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [40 * parts[0]! + parts[1]!];
  for (const n of parts.slice(2)) {
    const chunk = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(TAG.OID, Buffer.from(out));
}

export function oidString(value: Uint8Array): string {
  const first = value[0] ?? 0;
  const parts = [Math.floor(first / 40), first % 40];
  let n = 0;
  for (let i = 1; i < value.length; i++) {
    const b = value[i]!;
    n = n * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      parts.push(n);
      n = 0;
    }
  }
  return parts.join('.');
}

export interface Node {
  tag: number;
  /** Offset of the tag byte in the buffer read. */
  start: number;
  /** The whole element, tag and length included. */
  raw: Buffer;
  value: Buffer;
}

export class DerError extends Error {}

/** Reads one element at `offset`; throws DerError on anything malformed (no indefinite lengths). */
export function read(buf: Buffer, offset = 0): Node {
  if (offset + 2 > buf.length) throw new DerError('truncated');
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not used here');
  let len = buf[offset + 1]!;
  let header = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new DerError('bad length');
    if (offset + 2 + n > buf.length) throw new DerError('truncated');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[offset + 2 + i]!;
    header = 2 + n;
  }
  const end = offset + header + len;
  if (end > buf.length) throw new DerError('truncated');
  return { tag, start: offset, raw: buf.subarray(offset, end), value: buf.subarray(offset + header, end) };
}

/** The elements inside a constructed element's value. */
export function children(value: Buffer): Node[] {
  const out: Node[] = [];
  let off = 0;
  while (off < value.length) {
    const n = read(value, off);
    out.push(n);
    off = n.start + n.raw.length;
  }
  return out;
}

export function expect(node: Node | undefined, tag: number): Node {
  if (!node || node.tag !== tag) throw new DerError(`expected tag ${tag.toString(16)}`);
  return node;
}
