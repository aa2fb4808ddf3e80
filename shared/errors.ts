/**
 * Errors are values with a code and, where it helps, a field path. They never carry
 * personal data: the renderer and the CLI turn codes into Norwegian text.
 */
export const ERROR_CODES = [
  'VAULT_LOCKED',
  'VAULT_NOT_FOUND',
  'VAULT_EXISTS',
  'VAULT_DAMAGED',
  'VAULT_NEWER_FORMAT',
  'WRONG_PASSPHRASE',
  /** Too many wrong passphrases in a row: wait `detail.retryAfterSeconds` before the next try. */
  'TOO_MANY_ATTEMPTS',
  'ACCESS_REVOKED',
  /**
   * The case is restricted to named members and this member is not one of them: its content
   * cannot be decrypted (`detail.caseId`). Ask for access (`cases.requestAccess`).
   */
  'RESTRICTED',
  'VALIDATION',
  'NOT_FOUND',
  'TAMPERED',
  'CONFLICT',
  /**
   * A new case names a pupil who already has a case (same name and birth date, or same name and
   * school; shared/cases/duplicates.ts). `detail.caseId` is the existing case; `cases.create` with
   * `allowDuplicate: true` makes the second case anyway.
   */
  'DUPLICATE_PUPIL',
  'CONSENT_MISSING',
  'LETTER_INCOMPLETE',
  'LETTER_DATA_MISSING',
  /** The letter would say something false on its date (a mottaksbrev after first contact, …). */
  'LETTER_OUTDATED',
  'NOT_A_LETTER',
  'SIGNING_KEY_MISSING',
  'P12_WRONG_PASSWORD',
  'P12_INVALID',
  'FONT_MISSING',
  'IO',
  'USAGE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Path = (string | number)[];

export interface Issue {
  path: Path;
  code: string;
  /** A short English hint for developers; never contains field values. */
  message?: string;
  /**
   * The limit the value broke, where it can be stated without personal data (today's date for
   * DATE_IN_FUTURE, the period's days for ABSENCE_EXCEEDS_DAYS, the age band): shown with the text.
   */
  limit?: string;
}

export class BroError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[];
  /** Non-personal context, such as a vault-relative file path or a vault-internal case id. */
  readonly detail: Record<string, string | number | boolean> | undefined;
  constructor(
    code: ErrorCode,
    message: string,
    opts: { issues?: Issue[]; detail?: Record<string, string | number | boolean>; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'BroError';
    this.code = code;
    this.issues = opts.issues ?? [];
    this.detail = opts.detail;
  }
  toJSON() {
    return { code: this.code, message: this.message, issues: this.issues, detail: this.detail };
  }
}

export function isBroError(e: unknown): e is BroError {
  return e instanceof BroError;
}

/** `cases[3].referrals[0].received` */
export function formatPath(path: Path): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? p : `.${p}`;
  }
  return out;
}
