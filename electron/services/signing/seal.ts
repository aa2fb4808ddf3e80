import { createHash } from 'node:crypto';
import type { SigningKey } from '../vault/identity';
import { signCompact, verifyCompact, type JwksKey, type JwsCheck } from './jws';
import { padesRegions, type Region } from './pades';

/**
 * The Bro seal: a JWS (EdDSA) over the SHA-256 of every byte of the PDF except the seal itself
 * and, when the letter also has a PAdES signature, that signature's /ByteRange array and
 * /Contents (which are filled in after the seal and are covered by PAdES). The seal's value is a
 * hex string in the document catalog, `/BroSeal <…>`, padded with zeros.
 *
 * Why: the JWS over the attached JSON proves the data; the seal proves the whole file, so a
 * changed byte on the printed page (or anywhere else) is found even when the service has no
 * certificate for PAdES.
 */
export const SEAL_KEY = 'BroSeal';
/** Bytes reserved for the seal (a compact JWS of about 700 characters fits with room to spare). */
export const SEAL_BYTES = 2048;
const MARK = Buffer.from(`/${SEAL_KEY} <`);

export interface SealPayload {
  v: 1;
  alg: 'sha256';
  /** Covered byte ranges [start, end) in file order. */
  ranges: [number, number][];
  digest: string;
  /** SHA-256 of the attached letter JSON. */
  letter: string;
  /**
   * 2: the seal permits filling in the letter's form fields in an incremental update and nothing
   * else, as DocMDP P 2 does for the PAdES signature (issue 19 item 3). Absent on older letters,
   * which have no form: there any update is a change.
   */
  mdp?: 2;
}

/** The seal's hex digits (between the brackets); null when absent, an error code when ambiguous. */
export function sealRegion(pdf: Buffer): Region | null | 'MULTIPLE' {
  const at = pdf.indexOf(MARK);
  if (at < 0) return null;
  if (pdf.indexOf(MARK, at + 1) >= 0) return 'MULTIPLE';
  const start = at + MARK.length;
  const end = pdf.indexOf('>', start);
  return end < 0 ? null : { start, end };
}

function covered(pdf: Buffer, gaps: Region[]): [number, number][] {
  const sorted = [...gaps].sort((a, b) => a.start - b.start);
  const ranges: [number, number][] = [];
  let pos = 0;
  for (const g of sorted) {
    ranges.push([pos, g.start]);
    pos = g.end;
  }
  ranges.push([pos, pdf.length]);
  return ranges;
}

function digestOf(pdf: Buffer, ranges: [number, number][]): string {
  const h = createHash('sha256');
  for (const [a, b] of ranges) h.update(pdf.subarray(a, b));
  return h.digest('hex');
}

/** The PDF as @signpdf will see it: it drops one trailing newline before signing. */
export function withoutTrailingNewline(pdf: Buffer): Buffer {
  return pdf[pdf.length - 1] === 0x0a ? pdf.subarray(0, pdf.length - 1) : pdf;
}

/** Writes the seal into its placeholder (the PAdES placeholder, if any, is still empty). */
export async function sealPdf(pdfIn: Buffer, key: SigningKey, letterHash: string): Promise<Buffer> {
  const pdf = Buffer.from(withoutTrailingNewline(pdfIn));
  const region = sealRegion(pdf);
  if (region === null || region === 'MULTIPLE') throw new Error('seal placeholder missing');
  const pades = padesRegions(pdf);
  const gaps = [region, ...(pades ? [pades.byteRange, pades.contents] : [])];
  const ranges = covered(pdf, gaps);
  const payload: SealPayload = {
    v: 1,
    alg: 'sha256',
    ranges,
    digest: digestOf(pdf, ranges),
    letter: letterHash,
    mdp: 2,
  };
  const jws = Buffer.from(await signCompact(new TextEncoder().encode(JSON.stringify(payload)), key), 'ascii');
  const hex = jws.toString('hex');
  if (hex.length > region.end - region.start) throw new Error('seal too long');
  pdf.write(hex.padEnd(region.end - region.start, '0'), region.start, 'latin1');
  return pdf;
}

export interface SealCheck extends JwsCheck {
  present: boolean;
  /** SHA-256 of the letter JSON the seal names. */
  letterHash: string | null;
  /** Whether the seal leaves room for a PAdES signature (then PAdES must be present and valid). */
  padesGaps: boolean;
}

/**
 * Verifies the seal: its JWS, that the ranges it signed cover the whole file except exactly the
 * seal and (if present) the PAdES fields, and that those bytes hash to what it signed.
 */
export async function verifySeal(pdf: Buffer, keys: readonly JwksKey[] | null): Promise<SealCheck> {
  const base = { present: false, letterHash: null, padesGaps: false };
  const none: SealCheck = {
    valid: false,
    reason: null,
    kid: null,
    key: null,
    trusted: false,
    payload: null,
    ...base,
  };
  const region = sealRegion(pdf);
  if (region === null) return { ...none, reason: 'NO_SEAL' };
  if (region === 'MULTIPLE') return { ...none, present: true, reason: 'MULTIPLE_SEALS' };
  const hex = pdf.subarray(region.start, region.end).toString('latin1');
  if (!/^[0-9a-fA-F]*$/u.test(hex) || hex.length % 2 !== 0)
    return { ...none, present: true, reason: 'MALFORMED' };
  const bytes = Buffer.from(hex, 'hex');
  const nul = bytes.indexOf(0);
  const jwsBytes = nul < 0 ? bytes : bytes.subarray(0, nul);
  // Every byte after the JWS is padding and must be zero, so none of them can change unnoticed.
  if (nul >= 0 && bytes.subarray(nul).some((x) => x !== 0))
    return { ...none, present: true, reason: 'PADDING' };
  const jws = await verifyCompact(jwsBytes.toString('latin1'), keys);
  if (!jws.valid || !jws.payload) return { ...jws, ...base, present: true };
  let payload: SealPayload;
  try {
    payload = JSON.parse(new TextDecoder().decode(jws.payload)) as SealPayload;
  } catch {
    return { ...jws, ...base, present: true, valid: false, reason: 'MALFORMED' };
  }
  const pades = padesRegions(pdf);
  const gapSets = [[region], ...(pades ? [[region, pades.byteRange, pades.contents]] : [])];
  const match = gapSets.find((gaps) => JSON.stringify(covered(pdf, gaps)) === JSON.stringify(payload.ranges));
  const result = {
    ...jws,
    present: true,
    letterHash: payload.letter ?? null,
    padesGaps: match ? match.length > 1 : false,
  };
  if (payload.v !== 1 || payload.alg !== 'sha256' || !match)
    return { ...result, valid: false, reason: 'RANGES' };
  if (digestOf(pdf, payload.ranges) !== payload.digest)
    return { ...result, valid: false, reason: 'DIGEST_MISMATCH' };
  return result;
}
