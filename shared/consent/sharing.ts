import type { CaseDoc } from '../domain/caseDoc';
import type { Consent } from '../domain/consent';

/**
 * Consent at every sharing (issue 14 item 8): the one rule that says whether a case's information
 * may go to a recipient. Letters (every addressee and copy), the innsyn file handed to someone other
 * than the parents, and the app, the API, the CLI and the importer all ask this function.
 *
 * A recipient may receive the case's information when the consent register holds a consent to it
 * that is valid on the day (given on or before it, not expired, not withdrawn), or when a legal
 * basis for the sharing is recorded. Otherwise the sharing is refused with `CONSENT_MISSING`, and
 * the finding names the recipient.
 *
 * Withdrawal takes effect at once: a consent withdrawn today is no longer valid today. It needs no
 * reason (the register has no field for one, on purpose).
 */

/** Why a recipient may receive the information; null: no basis (CONSENT_MISSING). */
export type SharingBasis =
  | { kind: 'consent'; consentIndex: number; date: string; expires: string | null }
  | { kind: 'legal'; text: string }
  | { kind: 'party' }
  | null;

const norm = (s: string | null | undefined) =>
  (s ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-–.,]+/gu, ' ');

/**
 * Services known by more than one name: a consent to «Barne- og ungdomspsykiatrisk poliklinikk»
 * covers a letter to «BUP», and so on. Matching is by the family a name belongs to.
 */
const FAMILIES: RegExp[] = [
  /\bbup\b|barne og ungdomspsykiatri|psykisk helsevern for barn/u,
  /\bstatped\b/u,
  /barnevern/u,
  /\bppt\b|pedagogisk psykologisk/u,
  /skoleteam|skuleteam/u,
  /helsestasjon|skolehelsetjeneste|skulehelseteneste|helsesykepleier|helsesjukepleiar/u,
  /\bnav\b/u,
  /fastlege/u,
];

/** The consent is valid on `today`: given, not expired, not withdrawn (withdrawal counts from its own day). */
export function consentValid(c: Consent, today: string): boolean {
  return (
    c.date <= today &&
    (c.withdrawn == null || c.withdrawn > today) &&
    (c.expires == null || c.expires >= today)
  );
}

/** A consent's recipient covers `recipient`: the same service family, or one name contains the other. */
export function consentCovers(consentRecipient: string, recipient: string, extra?: RegExp): boolean {
  const to = norm(consentRecipient);
  const who = norm(recipient);
  if (to === '') return false;
  if (extra?.test(to)) return true;
  if (who === '') return false;
  for (const f of FAMILIES) if (f.test(who)) return f.test(to);
  return to.includes(who) || who.includes(to);
}

/** The newest consent valid on `today` that covers `recipient` (or matches `extra`), with its index. */
export function findConsent(
  doc: Pick<CaseDoc, 'consents'>,
  recipient: string,
  today: string,
  extra?: RegExp,
): { i: number; c: Consent } | undefined {
  return (doc.consents ?? [])
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => consentValid(c, today) && consentCovers(c.recipient, recipient, extra))
    .sort((a, b) => (a.c.date < b.c.date ? 1 : -1))[0];
}

/**
 * The basis for sharing with `recipient` on `today`: a valid consent first, then a recorded legal
 * basis (non-empty text), else null. `extra` widens what a consent may be given to (a letter to
 * rektor is covered by a consent to «skolen»).
 */
export function sharingBasis(
  doc: Pick<CaseDoc, 'consents'>,
  recipient: string,
  today: string,
  legalBasis?: string | null,
  extra?: RegExp,
): SharingBasis {
  const found = findConsent(doc, recipient, today, extra);
  if (found)
    return { kind: 'consent', consentIndex: found.i, date: found.c.date, expires: found.c.expires ?? null };
  const legal = legalBasis?.trim();
  return legal ? { kind: 'legal', text: legal } : null;
}

/** The rule's finding: `CONSENT_MISSING`, naming the recipient, at `path` (where the legal basis goes). */
export interface SharingIssue {
  code: 'CONSENT_MISSING';
  path: (string | number)[];
  recipient: string;
}

/** CONSENT_MISSING for `recipient` when there is neither a valid consent nor a recorded legal basis. */
export function checkSharing(
  doc: Pick<CaseDoc, 'consents'>,
  recipient: string,
  today: string,
  legalBasis: string | null | undefined,
  path: (string | number)[],
  extra?: RegExp,
): SharingIssue | null {
  return sharingBasis(doc, recipient, today, legalBasis, extra) === null
    ? { code: 'CONSENT_MISSING', path, recipient }
    : null;
}
