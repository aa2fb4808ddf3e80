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

/**
 * The role a recipient has, as the access log records it (issue 14 item 8): a sharing is logged
 * with this role, never with the recipient's own name (a lawyer or a named person is personal data)
 * nor anything about the pupil. `foresatte` is the parties (the parents, the pupil).
 */
export const RECIPIENT_ROLES = [
  'foresatte',
  'skole',
  'bup',
  'statped',
  'barnevern',
  'ppt',
  'skoleteam',
  'helse',
  'nav',
  'fastlege',
  'annen',
] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

/** The roles in the order of FAMILIES above. */
const FAMILY_ROLES: RecipientRole[] = [
  'bup',
  'statped',
  'barnevern',
  'ppt',
  'skoleteam',
  'helse',
  'nav',
  'fastlege',
];

/** The words people use for the parties themselves: the parents, a guardian, the pupil. */
const PARTY_WORDS =
  /^(?:(?:de |dei )?foresatte|foreldre(?:ne)?|forelder|føresette|foreldra|mor|far|mora|faren|moren|verge|vergen|eleven|elev|parents?|guardians?|pupil)$/u;

const SCHOOL = /skole|skule|rektor|kontaktlærer|kontaktlærar/u;

/**
 * The case's parties: a guardian named in the case, the pupil, or the words for them («foresatte»,
 * «mor», «eleven»). Handing the innsyn file to a party needs no consent: it is theirs by right
 * (forvaltningsloven § 18).
 */
export function isParty(doc: Pick<CaseDoc, 'guardians' | 'pupil'>, recipient: string): boolean {
  const who = norm(recipient);
  if (who === '') return false;
  if (PARTY_WORDS.test(who)) return true;
  for (const g of doc.guardians ?? []) if (norm(g.name) === who) return true;
  return norm(doc.pupil?.name) === who;
}

/** The recipient's role for the access log: the service family its name belongs to, else `annen`. */
export function recipientRole(doc: Pick<CaseDoc, 'guardians' | 'pupil'>, recipient: string): RecipientRole {
  if (isParty(doc, recipient)) return 'foresatte';
  const who = norm(recipient);
  for (const [i, f] of FAMILIES.entries()) if (f.test(who)) return FAMILY_ROLES[i]!;
  if (SCHOOL.test(who)) return 'skole';
  return 'annen';
}

/** How the access log names a role, in the app's languages. */
export const ROLE_TEXT: Record<RecipientRole, { nb: string; nn: string; en: string }> = {
  foresatte: { nb: 'foresatte/eleven', nn: 'føresette/eleven', en: 'the parents/pupil' },
  skole: { nb: 'skolen', nn: 'skulen', en: 'the school' },
  bup: { nb: 'BUP', nn: 'BUP', en: 'child psychiatry (BUP)' },
  statped: { nb: 'Statped', nn: 'Statped', en: 'Statped' },
  barnevern: { nb: 'barnevernet', nn: 'barnevernet', en: 'child welfare' },
  ppt: { nb: 'PPT', nn: 'PPT', en: 'PPT' },
  skoleteam: { nb: 'skoleteamet', nn: 'skuleteamet', en: 'the school team' },
  helse: { nb: 'helsetjenesten', nn: 'helsetenesta', en: 'the health service' },
  nav: { nb: 'NAV', nn: 'NAV', en: 'NAV' },
  fastlege: { nb: 'fastlegen', nn: 'fastlegen', en: 'the GP' },
  annen: { nb: 'en annen mottaker', nn: 'ein annan mottakar', en: 'another recipient' },
};

/**
 * The check for a file leaving the service to `recipient` (the innsyn file to someone other than
 * the parties, a case export): a party needs nothing, anyone else a valid consent or a recorded
 * legal basis. Returns the basis and the role to log, or the CONSENT_MISSING issue.
 */
export function checkFileSharing(
  doc: Pick<CaseDoc, 'consents' | 'guardians' | 'pupil'>,
  recipient: string,
  today: string,
  legalBasis: string | null | undefined,
  path: (string | number)[],
):
  { ok: true; basis: Exclude<SharingBasis, null>; role: RecipientRole } | { ok: false; issue: SharingIssue } {
  const role = recipientRole(doc, recipient);
  if (role === 'foresatte') return { ok: true, basis: { kind: 'party' }, role };
  const basis = sharingBasis(doc, recipient, today, legalBasis);
  if (basis === null)
    return { ok: false, issue: { code: 'CONSENT_MISSING', path, recipient: recipient.trim() } };
  return { ok: true, basis, role };
}
