import { z } from 'zod';
import type { ErrorCode } from '../errors';
import { FINDING_CODES } from '../letters/checks';
import { LETTER_KINDS, LETTER_LANGS } from '../letters/kinds';
import { letterOptions } from '../letters/options';
import { letterhead } from '../letters/settings';
import { optionalText, text } from '../domain/common';

/**
 * The letter and signing operations of the one contract (spread into `contract` in ./index.ts).
 * Inputs are validated here once; the handlers are in electron/services/letters/handlers.ts.
 */
const file = z.string().min(1).max(4096);
// SECURITY: every adapter (the renderer too) can call these; a file Bro writes must look like what
// it is, so a letter cannot be written over, say, a shell profile, nor a key file over anything.
const pdfOut = file.regex(/\.pdf$/iu, { message: 'PDF_EXTENSION' });
const p12Out = file.regex(/\.(p12|pfx)$/iu, { message: 'CERT_EXTENSION' });
const caseRef = z.string().min(1).max(200);
const draftId = z.string().regex(/^[a-z2-7]{26}$/u, { message: 'ID_FORMAT' });

/** Letter settings in a call; what is left out comes from the app's settings and the defaults. */
export const letterSettingsInput = z.strictObject({
  letterhead: letterhead.optional(),
  vagueness: z.array(text(100)).max(500).optional(),
  replyDays: z.number().int().min(1).max(120).optional(),
  lixWarnAbove: z.number().int().min(10).max(100).optional(),
});

const finding = z.object({
  code: z.enum(FINDING_CODES),
  path: z.array(z.union([z.string(), z.number()])),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  phrase: z.string().optional(),
  recipient: z.string().optional(),
  /** The recipient's name when `recipient` is `tjeneste` (another service, issue 14 item 8). */
  recipientName: z.string().optional(),
  field: z.string().optional(),
  /** BLAME_FRAMING: a partnership rewrite to suggest. */
  suggestion: z.string().optional(),
});

const lix = z.object({ lix: z.number(), words: z.number(), sentences: z.number(), longWords: z.number() });

/** A JSON Web Key Set of member keys (`bro keys jwks`); extra members such as `name` are kept. */
export const jwks = z.object({
  keys: z
    .array(
      z.looseObject({
        kty: z.literal('OKP'),
        crv: z.literal('Ed25519'),
        x: z.string().min(40).max(50),
        kid: z.string().min(20).max(100),
        name: z.string().max(200).optional(),
      }),
    )
    .max(10_000),
});

const letterInput = {
  caseId: caseRef,
  kind: z.enum(LETTER_KINDS),
  lang: z.enum(LETTER_LANGS).default('nb'),
  options: letterOptions.default({}),
  settings: letterSettingsInput.optional(),
};

const person = z.object({ role: z.string(), name: z.string().nullable() }).nullable();

export const verifyOutput = z.object({
  valid: z.boolean(),
  reasons: z.array(z.string()),
  jws: z.object({
    valid: z.boolean(),
    kid: z.string().nullable(),
    signer: z.string().nullable(),
    trusted: z.boolean(),
  }),
  seal: z.object({ present: z.boolean(), valid: z.boolean() }),
  pades: z.object({ present: z.boolean(), valid: z.boolean(), subject: z.string().nullable() }),
  /**
   * What was appended after the signed letter (issue 19 item 3), or null: each change with the
   * page it touches (electron/services/signing/revision.ts lists the kinds), and the form's
   * filled-in values by field name. Only `form-field` and `metadata` changes leave it valid.
   */
  update: z
    .object({
      signedBytes: z.number(),
      changes: z.array(
        z.object({ kind: z.string(), page: z.number().nullable(), field: z.string().optional() }),
      ),
      fields: z.record(z.string(), z.string()),
    })
    .nullable()
    .optional(),
  letter: z
    .object({
      kind: z.string(),
      caseId: z.string(),
      letterId: z.string(),
      version: z.number(),
      date: z.string(),
      lang: z.string(),
      draft: z.boolean(),
      replyBy: z.string().nullable(),
      recommendations: z.array(
        z.object({
          what: z.string(),
          responsible: person,
          leader: person,
          start: z.string().nullable(),
          evaluation: z.object({ date: z.string(), method: z.string(), convenedBy: z.string() }).nullable(),
        }),
      ),
      asks: z.array(z.object({ what: z.string(), who: z.string().nullable(), by: z.string().nullable() })),
    })
    .nullable(),
  code: z.string().nullable(),
  contentHash: z.string().nullable(),
});

/** The largest letter PDF `letters.verify` takes as bytes; its base64 stays under the host's 64 MiB body limit. */
export const VERIFY_MAX_BYTES = 40 * 1024 * 1024;
const MAX_BASE64 = 4 * Math.ceil(VERIFY_MAX_BYTES / 3);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/u;
// Too long is reported as TOO_LARGE alone, without scanning tens of megabytes first.
const isBase64 = (s: string) => s.length > MAX_BASE64 || (s.length % 4 === 0 && BASE64.test(s));
/** A PDF as standard base64 (RFC 4648 §4, padded), at most VERIFY_MAX_BYTES when decoded. */
export const pdfBase64 = z
  .string()
  .min(1)
  .max(MAX_BASE64, { message: 'TOO_LARGE' })
  .refine(isBase64, { message: 'BASE64' });

const errors = (...codes: ErrorCode[]) => codes;

const p12Password = z.string().max(1024);
/** A certificate file as base64; a P12 with a key and its chain is a few KiB, 1 MiB is plenty. */
const P12_MAX_BYTES = 1024 * 1024;
const p12Base64 = z
  .string()
  .min(1)
  .max(4 * Math.ceil(P12_MAX_BYTES / 3), { message: 'TOO_LARGE' })
  .refine((s) => s.length % 4 === 0 && BASE64.test(s), { message: 'BASE64' });

export const letterOps = {
  /** The clarity checks, LIX and the letter model, without writing anything (the editor's preview). */
  'letters.preview': {
    input: z.strictObject({
      ...letterInput,
      /** Also render the letter as a PDF marked UTKAST (unsigned, nothing written): the live preview. */
      pdf: z.boolean().optional(),
    }),
    output: z.object({
      findings: z.array(finding),
      lix,
      canIssue: z.boolean(),
      letter: z.unknown(),
      /** The preview PDF as base64, when `pdf` was asked for. */
      pdf: z.string().optional(),
    }),
    errors: errors(
      'VAULT_LOCKED',
      'NOT_FOUND',
      'TAMPERED',
      'VALIDATION',
      'LETTER_DATA_MISSING',
      'LETTER_OUTDATED',
      'IO',
    ),
  },
  /**
   * Renders and writes a letter PDF to `out` (atomically) and records `letters.issued`; with
   * `draft`, renders it marked UTKAST, unsigned, whatever the checks say, and records nothing.
   * Without `out` (the app), nothing is written outside the vault: the PDF comes back as `pdf`
   * (base64) for the user to save where they choose.
   */
  'letters.issue': {
    input: z.strictObject({
      ...letterInput,
      out: pdfOut.optional(),
      /** The saved draft this letter is issued from: issuing closes it. */
      draftId: draftId.optional(),
      draft: z.boolean().default(false),
      /**
       * The service's certificate for a PAdES signature: a P12 file (the CLI), its bytes (the
       * browser host: the page reads the file the user chose), or the one chosen in Innstillinger.
       */
      p12: z
        .union([
          z.strictObject({ file, password: p12Password }),
          z.strictObject({ bytes: p12Base64, password: p12Password }),
          z.strictObject({ configured: z.literal(true), password: p12Password }),
        ])
        .optional(),
    }),
    output: z.object({
      /** Where the PDF was written; null when it was returned as `pdf` instead. */
      file: z.string().nullable(),
      /** The PDF as base64, when no `out` was given. */
      pdf: z.string().optional(),
      letterId: z.string(),
      kind: z.enum(LETTER_KINDS),
      lang: z.enum(LETTER_LANGS),
      version: z.number(),
      draft: z.boolean(),
      contentHash: z.string(),
      code: z.string().nullable(),
      kid: z.string().nullable(),
      pades: z.object({ subject: z.string() }).nullable(),
      pages: z.number(),
      bytes: z.number(),
      findings: z.array(finding),
      lix: z.number(),
    }),
    errors: errors(
      'VAULT_LOCKED',
      'NOT_FOUND',
      'TAMPERED',
      'VALIDATION',
      'LETTER_DATA_MISSING',
      'LETTER_OUTDATED',
      'LETTER_INCOMPLETE',
      'SIGNING_KEY_MISSING',
      'P12_WRONG_PASSWORD',
      'P12_INVALID',
      'FONT_MISSING',
      'IO',
    ),
  },
  /** The PDF of an issued letter, as it left Bro (kept in the case since it was issued). */
  'letters.pdf': {
    input: z.strictObject({ caseId: caseRef, letterId: draftId }),
    output: z.object({
      pdf: z.string(),
      kind: z.enum(LETTER_KINDS),
      date: z.string(),
      code: z.string(),
      letterId: z.string(),
    }),
    errors: errors('VAULT_LOCKED', 'NOT_FOUND', 'TAMPERED', 'VALIDATION', 'IO'),
  },
  /** Saves a letter in progress in the case (`letters.drafted`); a new draft without `draftId`. */
  'letters.saveDraft': {
    input: z.strictObject({
      caseId: caseRef,
      draftId: draftId.optional(),
      kind: z.enum(LETTER_KINDS),
      lang: z.enum(LETTER_LANGS).default('nb'),
      options: letterOptions.default({}),
    }),
    output: z.object({ draftId: z.string(), savedAt: z.string() }),
    errors: errors('VAULT_LOCKED', 'NOT_FOUND', 'TAMPERED', 'VALIDATION', 'IO'),
  },
  /** Throws a saved draft away (`letters.draftDiscarded`); the history keeps that it existed. */
  'letters.discardDraft': {
    input: z.strictObject({ caseId: caseRef, draftId, reason: optionalText(2000) }),
    output: z.object({}),
    errors: errors('VAULT_LOCKED', 'NOT_FOUND', 'TAMPERED', 'VALIDATION', 'IO'),
  },
  /** Checks a letter PDF: seal, JWS, PAdES; and says what it asks of whom by when. Needs no vault. */
  'letters.verify': {
    // A path (the CLI) or the file's bytes (the app: a renderer has no paths). One or the other.
    input: z.union([
      z.strictObject({ file, jwks: jwks.optional() }),
      z.strictObject({ pdf: pdfBase64, jwks: jwks.optional() }),
    ]),
    output: verifyOutput,
    errors: errors('NOT_A_LETTER', 'VALIDATION', 'IO'),
  },
  /** The members' public signing keys with their names, as a JWKS. */
  'keys.jwks': {
    input: z.strictObject({}),
    output: jwks,
    errors: errors('VAULT_LOCKED', 'IO'),
  },
  /** A self-signed test certificate in a P12 file (development and tests only). Never overwrites a file. */
  'cert.test': {
    input: z.strictObject({
      out: p12Out,
      name: z.string().trim().min(1).max(64),
      organisation: z.string().trim().min(1).max(64).optional(),
      password: z.string().min(1).max(1024),
      days: z.number().int().min(1).max(3650).default(730),
    }),
    output: z.object({
      file: z.string(),
      subject: z.string(),
      fingerprint: z.string(),
      notAfter: z.string(),
    }),
    errors: errors('VALIDATION', 'IO'),
  },
} as const;
