import { createHash } from 'node:crypto';
import { BroError } from '../../../shared/errors';
import { stableStringify } from '../../../shared/json';
import {
  LETTER_FORMAT,
  letterSummary,
  verificationCode,
  type LetterModel,
  type LetterSummary,
} from '../../../shared/letters';
import { verifyDetached, type JwksKey } from './jws';
import { verifyPades } from './pades';
import { PdfFile } from './pdfParse';
import { verifySeal } from './seal';

export const LETTER_JSON = 'bro-letter.json';
export const LETTER_JWS = 'bro-letter.jws';

export interface VerifyResult {
  valid: boolean;
  /** Why not, as codes (empty when valid). */
  reasons: string[];
  jws: { valid: boolean; kid: string | null; signer: string | null; trusted: boolean };
  seal: { present: boolean; valid: boolean };
  pades: { present: boolean; valid: boolean; subject: string | null };
  letter: LetterSummary | null;
  code: string | null;
  contentHash: string | null;
}

function one(map: Map<string, Buffer[]> | null, name: string): Buffer | null {
  const list = map?.get(name);
  return list && list.length === 1 ? list[0]! : null;
}

/**
 * Checks a letter PDF: the seal over the whole file, the JWS over the attached JSON, the PAdES
 * signature when there is one, and that they agree (same key, same letter). A file that is not
 * a PDF, or a PDF with neither a Bro seal nor a Bro letter attached, is NOT_A_LETTER.
 */
export async function verifyLetterPdf(pdf: Buffer, keys: readonly JwksKey[] | null): Promise<VerifyResult> {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
    throw new BroError('NOT_A_LETTER', 'Not a PDF', { detail: { reason: 'NOT_PDF' } });
  const reasons: string[] = [];
  const seal = await verifySeal(pdf, keys);
  const pades = verifyPades(pdf);
  let attachments: Map<string, Buffer[]> | null = null;
  try {
    attachments = new PdfFile(pdf).attachments();
  } catch {
    reasons.push('UNREADABLE');
  }
  const json = one(attachments, LETTER_JSON);
  const jwsText = one(attachments, LETTER_JWS);
  if (!seal.present && !json)
    throw new BroError('NOT_A_LETTER', 'No Bro letter in this PDF', { detail: { reason: 'NOT_BRO' } });

  let model: LetterModel | null = null;
  let contentHash: string | null = null;
  if (json) {
    contentHash = createHash('sha256').update(json).digest('hex');
    try {
      model = JSON.parse(json.toString('utf8')) as LetterModel;
      if (model?.format !== LETTER_FORMAT) {
        reasons.push('FORMAT');
        model = null;
      } else if (stableStringify(model) !== json.toString('utf8')) reasons.push('NOT_CANONICAL');
    } catch {
      reasons.push('JSON');
    }
  } else reasons.push('NO_LETTER_JSON');
  if (model?.draft) reasons.push('DRAFT');

  const jws = jwsText && json ? await verifyDetached(jwsText.toString('ascii'), json, keys) : null;
  if (!jws) reasons.push('NO_JWS');
  else if (!jws.valid) reasons.push(`JWS_${jws.reason}`);
  if (!seal.present) reasons.push('NO_SEAL');
  else if (!seal.valid) reasons.push(`SEAL_${seal.reason}`);
  if (seal.valid && contentHash && seal.letterHash !== contentHash) reasons.push('SEAL_OTHER_LETTER');
  if (seal.valid && jws?.valid && seal.kid !== jws.kid) reasons.push('KEYS_DIFFER');
  if (pades.present && !pades.valid) reasons.push(`PADES_${pades.reason}`);
  if (seal.valid && seal.padesGaps && !pades.present) reasons.push('PADES_MISSING');

  const signer = jws?.key?.name ?? (jws?.valid ? (model?.signer?.name ?? null) : null);
  return {
    valid: reasons.length === 0,
    reasons,
    jws: { valid: jws?.valid ?? false, kid: jws?.kid ?? null, signer, trusted: jws?.trusted ?? false },
    seal: { present: seal.present, valid: seal.valid },
    pades: { present: pades.present, valid: pades.valid, subject: pades.subject },
    letter: model ? letterSummary(model) : null,
    code: contentHash ? verificationCode(contentHash) : null,
    contentHash,
  };
}
