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
import {
  analyseUpdate,
  FORM_FILL_KINDS,
  padesPermitsFill,
  revisionEnds,
  type RevisionChange,
} from './revision';
import { verifySeal, type SealCheck } from './seal';

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
  /**
   * What was appended after the signed letter (issue 19 item 3), or null when nothing was: each
   * change with the page it touches, and the form's filled-in values. Filling in the letter's own
   * form is the one change that leaves it valid (DocMDP P 2, the seal's `mdp: 2`); anything else
   * adds CHANGED_AFTER_SIGNING to `reasons`.
   */
  update: {
    signedBytes: number;
    changes: RevisionChange[];
    fields: Record<string, string>;
  } | null;
}

/** The seal payload's `mdp` (2 when the seal permits filling in the form). */
function sealMdp(seal: SealCheck): number | null {
  if (!seal.valid || !seal.payload) return null;
  try {
    const p = JSON.parse(new TextDecoder().decode(seal.payload)) as { mdp?: unknown };
    return typeof p.mdp === 'number' ? p.mdp : null;
  } catch {
    return null;
  }
}

/**
 * The signed revision when bytes were appended after it: the first «%%EOF» before which the seal
 * or the PAdES signature verifies, with those checks. Null when the whole file is the letter.
 */
async function signedRevision(pdf: Buffer, keys: readonly JwksKey[] | null) {
  for (const end of revisionEnds(pdf)) {
    if (end >= pdf.length) break;
    const prefix = pdf.subarray(0, end);
    const seal = await verifySeal(prefix, keys);
    const pades = verifyPades(prefix);
    if (seal.valid || pades.valid) return { prefix, seal, pades };
  }
  return null;
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
export async function verifyLetterPdf(full: Buffer, keys: readonly JwksKey[] | null): Promise<VerifyResult> {
  return (await checkLetterPdf(full, keys)).result;
}

/** As verifyLetterPdf, with the letter's model as signed (for `reply.import`, which needs its measures). */
export async function checkLetterPdf(
  full: Buffer,
  keys: readonly JwksKey[] | null,
): Promise<{ result: VerifyResult; model: LetterModel | null }> {
  if (full.subarray(0, 5).toString('latin1') !== '%PDF-')
    throw new BroError('NOT_A_LETTER', 'Not a PDF', { detail: { reason: 'NOT_PDF' } });
  const reasons: string[] = [];
  // A filled-in reply (or any other change) is an update appended after the signed letter: the
  // letter is checked as it was signed, then the update is read change by change.
  const revision = await signedRevision(full, keys);
  const pdf = revision?.prefix ?? full;
  const seal = revision?.seal ?? (await verifySeal(pdf, keys));
  const pades = revision?.pades ?? verifyPades(pdf);
  let update: VerifyResult['update'] = null;
  if (revision) {
    let changes: RevisionChange[];
    let fields = new Map<string, string>();
    try {
      ({ changes, fields } = analyseUpdate(full, pdf.length));
    } catch {
      changes = [{ kind: 'unreadable', page: null }];
    }
    const permits = sealMdp(seal) === 2 || (pades.valid && padesPermitsFill(pdf));
    if (changes.some((c) => !FORM_FILL_KINDS.includes(c.kind) || (c.kind === 'form-field' && !permits)))
      reasons.push('CHANGED_AFTER_SIGNING');
    update = {
      signedBytes: pdf.length,
      changes,
      fields: Object.fromEntries([...fields].filter(([, v]) => v !== '')),
    };
  }
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
  const result: VerifyResult = {
    valid: reasons.length === 0,
    reasons,
    jws: { valid: jws?.valid ?? false, kid: jws?.kid ?? null, signer, trusted: jws?.trusted ?? false },
    seal: { present: seal.present, valid: seal.valid },
    pades: { present: pades.present, valid: pades.valid, subject: pades.subject },
    letter: model ? letterSummary(model) : null,
    code: contentHash ? verificationCode(contentHash) : null,
    contentHash,
    update,
  };
  return { result, model };
}
