import { cadesDetached, verifyCadesDetached, type CmsSigner } from './cms';
import { read } from './der';

/**
 * PAdES baseline B-B signatures (ETSI.CAdES.detached) with the service's P12 certificate, so
 * Adobe Reader and pdfsig show the letter as signed. @signpdf/signpdf fills the byte range and
 * the signature; the CMS comes from cms.ts; the placeholder is added here (below).
 */

/** Bytes reserved for the CMS (hex doubles it). A 2048-bit RSA certificate and signature need about 2 KB. */
export const SIGNATURE_BYTES = 8192;
/** The /ByteRange placeholder @signpdf/signpdf looks for and fills in (its DEFAULT_BYTE_RANGE_PLACEHOLDER). */
const BYTE_RANGE_PLACEHOLDER = '**********';
export const SUBFILTER_ETSI_CADES_DETACHED = 'ETSI.CAdES.detached';

/** pdfkit internals the placeholder touches (pdfkit has no public API for signature fields). */
interface PdfkitInternals {
  ref(data: Record<string, unknown>): { end(): void; data: Record<string, unknown> };
  initForm(): void;
  _acroform?: unknown;
  _root: { data: { AcroForm?: { data: Record<string, unknown> }; Perms?: unknown } };
  page: { dictionary: unknown; annotations: unknown[] };
}

/**
 * Adds the signature dictionary with an empty /Contents and a /ByteRange placeholder to a
 * pdfkit document before `end()`. Like @signpdf/placeholder-pdfkit, but PDF/A-conformant: the
 * invisible widget carries /F 132 (Print + Locked), which PDF/A requires of every annotation,
 * and the AcroForm does not set NeedAppearances.
 */
export function addSignaturePlaceholder(
  doc: unknown,
  opts: { name: string; reason: string; location: string; contactInfo: string; signingTime: Date },
): void {
  const pdf = doc as PdfkitInternals;
  const signature = pdf.ref({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ETSI_CADES_DETACHED,
    ByteRange: [0, BYTE_RANGE_PLACEHOLDER, BYTE_RANGE_PLACEHOLDER, BYTE_RANGE_PLACEHOLDER],
    Contents: Buffer.alloc(SIGNATURE_BYTES),
    Reason: new String(opts.reason),
    M: opts.signingTime,
    ContactInfo: new String(opts.contactInfo),
    Name: new String(opts.name),
    Location: new String(opts.location),
    Prop_Build: { Filter: { Name: 'Adobe.PPKLite' }, App: { Name: 'Bro' } },
    // A certification signature that permits filling in the form and nothing else (DocMDP P 2,
    // ISO 32000-1 12.8.2.2): the school's answer on the reply page leaves the letter intact.
    Reference: [
      {
        Type: 'SigRef',
        TransformMethod: 'DocMDP',
        TransformParams: { Type: 'TransformParams', P: 2, V: '1.2' },
      },
    ],
  });
  if (!pdf._acroform) pdf.initForm();
  const form = pdf._root.data.AcroForm!;
  const fields = form.data.Fields as unknown[];
  form.data = { ...form.data, SigFlags: 3 };
  delete form.data.NeedAppearances;
  pdf._root.data.Perms = { DocMDP: signature };
  const widget = pdf.ref({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [0, 0, 0, 0],
    F: 132,
    V: signature,
    T: new String(`Signatur${fields.length + 1}`),
    P: pdf.page.dictionary,
  });
  pdf.page.annotations.push(widget);
  fields.push(widget);
  signature.end();
  widget.end();
}

/** Fills the placeholder: the byte range, then the CMS over it. @signpdf loads on first use. */
export async function signPades(pdf: Buffer, signer: CmsSigner): Promise<Buffer> {
  const { SignPdf, Signer } = await import('@signpdf/signpdf');
  class CadesSigner extends Signer {
    override async sign(pdfBuffer: Buffer): Promise<Buffer> {
      return cadesDetached(pdfBuffer, signer);
    }
  }
  return new SignPdf().sign(pdf, new CadesSigner());
}

export interface Region {
  start: number;
  end: number;
}

/**
 * The /ByteRange entry (from "/ByteRange" up to the next key, so the padding @signpdf leaves after
 * the filled-in array belongs to it) and the /Contents hex string (with its brackets).
 */
export function padesRegions(pdf: Buffer): { byteRange: Region; contents: Region } | null {
  const at = pdf.indexOf('/ByteRange');
  if (at < 0) return null;
  const contentsKey = pdf.indexOf('/Contents ', at);
  const open = pdf.indexOf('<', contentsKey);
  const end = pdf.indexOf('>', open);
  if (contentsKey < 0 || open < 0 || end < 0) return null;
  return { byteRange: { start: at, end: contentsKey }, contents: { start: open, end: end + 1 } };
}

export interface PadesCheck {
  present: boolean;
  valid: boolean;
  reason: string | null;
  subject: string | null;
  commonName: string | null;
  subFilter: string | null;
}

/**
 * Checks the PAdES signature: one signature, its byte range covering the whole file except its
 * own /Contents, the padding after the CMS all zeros (so no byte of the file is unchecked), and
 * the CMS valid over the covered bytes.
 */
export function verifyPades(pdf: Buffer): PadesCheck {
  const none = {
    present: false,
    valid: false,
    reason: null,
    subject: null,
    commonName: null,
    subFilter: null,
  };
  if (pdf.indexOf('/ByteRange') < 0) return none;
  const fail = (reason: string, extra: Partial<PadesCheck> = {}): PadesCheck => ({
    ...none,
    present: true,
    reason,
    ...extra,
  });
  if (pdf.indexOf('/ByteRange', pdf.indexOf('/ByteRange') + 1) >= 0) return fail('MULTIPLE_SIGNATURES');
  const regions = padesRegions(pdf);
  if (!regions) return fail('MALFORMED');
  const text = pdf.subarray(regions.byteRange.start, regions.byteRange.end).toString('latin1');
  const m = /^\/ByteRange \[0 (\d+) (\d+) (\d+)\] *\n?$/u.exec(text);
  if (!m) return fail('BYTE_RANGE');
  const a = 0;
  const [b, c, d] = m.slice(1).map(Number) as [number, number, number];
  const { contents } = regions;
  if (a !== 0 || b !== contents.start || c !== contents.end || c + d !== pdf.length)
    return fail('BYTE_RANGE');
  const dictStart = pdf.lastIndexOf('<<', regions.byteRange.start);
  const sub = /\/SubFilter\s*\/([A-Za-z0-9.]+)/u.exec(
    pdf.subarray(dictStart, regions.byteRange.start).toString('latin1'),
  );
  const subFilter = sub?.[1] ?? null;
  const hex = pdf.subarray(contents.start + 1, contents.end - 1).toString('latin1');
  if (!/^[0-9a-fA-F]*$/u.test(hex) || hex.length % 2 !== 0) return fail('CONTENTS', { subFilter });
  const bytes = Buffer.from(hex, 'hex');
  let cmsLength: number;
  try {
    cmsLength = read(bytes).raw.length;
  } catch {
    return fail('CONTENTS', { subFilter });
  }
  if (bytes.subarray(cmsLength).some((x) => x !== 0)) return fail('PADDING', { subFilter });
  const signed = Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]);
  const r = verifyCadesDetached(bytes.subarray(0, cmsLength), signed);
  return {
    present: true,
    valid: r.valid && subFilter === SUBFILTER_ETSI_CADES_DETACHED,
    reason: r.reason ?? (subFilter === SUBFILTER_ETSI_CADES_DETACHED ? null : 'SUBFILTER'),
    subject: r.subject,
    commonName: r.commonName,
    subFilter,
  };
}
