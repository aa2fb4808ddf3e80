/**
 * The access log's vocabulary (docs/SECURITY.md, "Tilgangsloggen"): every action the vault writes
 * to its audit log, what kind of access it is, and how people read it in bokmål, nynorsk and
 * English. `bro log`, the case's «Logg» panel and the innsyn file all read this one table.
 *
 * An audit line holds who (member id), what (one of these), which case (the vault's random case
 * id) and when: never a pupil's name or anything else from the case.
 */
import { ROLE_TEXT } from '../consent/sharing';

export const ACCESS_KINDS = ['open', 'change', 'issue', 'share', 'export', 'delete', 'vault'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

interface ActionText {
  kind: AccessKind;
  nb: string;
  nn: string;
  en: string;
}

export const AUDIT_ACTIONS: Record<string, ActionText> = {
  'case.read': { kind: 'open', nb: 'åpnet saken', nn: 'opna saka', en: 'opened the case' },
  'case.create': { kind: 'change', nb: 'opprettet saken', nn: 'oppretta saka', en: 'created the case' },
  'case.update': { kind: 'change', nb: 'endret saken', nn: 'endra saka', en: 'changed the case' },
  'case.void': { kind: 'change', nb: 'annullerte saken', nn: 'annullerte saka', en: 'voided the case' },
  import: { kind: 'change', nb: 'importerte saken', nn: 'importerte saka', en: 'imported the case' },
  export: {
    kind: 'export',
    nb: 'eksporterte saken (bro-interchange)',
    nn: 'eksporterte saka (bro-interchange)',
    en: 'exported the case (bro-interchange)',
  },
  'innsyn.make': {
    kind: 'export',
    nb: 'laget innsynsfil',
    nn: 'laga innsynsfil',
    en: 'made the access file (innsyn)',
  },
  'archive.make': {
    kind: 'export',
    nb: 'laget arkivpakke (Fiks Arkiv)',
    nn: 'laga arkivpakke (Fiks Arkiv)',
    en: 'made the archive package (Fiks Arkiv)',
  },
  'dispatch.package': {
    kind: 'share',
    nb: 'laget forsendelse for SvarUt',
    nn: 'laga forsending for SvarUt',
    en: 'made a SvarUt dispatch package',
  },
  'dispatch.send': {
    kind: 'share',
    nb: 'sendte et brev med SvarUt',
    nn: 'sende eit brev med SvarUt',
    en: 'sent a letter through SvarUt',
  },
  'case.delete': { kind: 'delete', nb: 'slettet saken', nn: 'sletta saka', en: 'deleted the case' },
  'letter.issue': { kind: 'issue', nb: 'sendte et brev', nn: 'sende eit brev', en: 'issued a letter' },
  'letter.draft': {
    kind: 'open',
    nb: 'laget et brevutkast (PDF)',
    nn: 'laga eit brevutkast (PDF)',
    en: 'rendered a letter draft (PDF)',
  },
  'letter.read': {
    kind: 'open',
    nb: 'åpnet et sendt brev',
    nn: 'opna eit sendt brev',
    en: 'opened an issued letter',
  },
  'attachment.add': {
    kind: 'change',
    nb: 'la ved et mottatt dokument',
    nn: 'la ved eit motteke dokument',
    en: 'attached a received document',
  },
  'attachment.read': {
    kind: 'open',
    nb: 'åpnet et vedlagt dokument',
    nn: 'opna eit vedlagt dokument',
    en: 'opened an attached document',
  },
  'letter.share': {
    kind: 'share',
    nb: 'delte et utkast til uttale',
    nn: 'delte eit utkast til fråsegn',
    en: 'shared a draft for comment',
  },
  'cases.list': { kind: 'open', nb: 'åpnet sakslisten', nn: 'opna sakslista', en: 'opened the case list' },
  'tasks.list': { kind: 'open', nb: 'åpnet oppgavene', nn: 'opna oppgåvene', en: 'opened the tasks' },
  'reports.caseload': {
    kind: 'open',
    nb: 'åpnet saksmengden',
    nn: 'opna saksmengda',
    en: 'opened the caseload',
  },
  'metrics.export': {
    kind: 'export',
    nb: 'eksporterte nøkkeltall',
    nn: 'eksporterte nøkkeltal',
    en: 'exported metrics',
  },
  'registers.update': {
    kind: 'change',
    nb: 'endret registrene',
    nn: 'endra registra',
    en: 'changed the registers',
  },
  'vault.create': { kind: 'vault', nb: 'opprettet arkivet', nn: 'oppretta arkivet', en: 'created the vault' },
  'vault.unlock': {
    kind: 'vault',
    nb: 'låste opp arkivet',
    nn: 'låste opp arkivet',
    en: 'unlocked the vault',
  },
  'vault.unlock.failed': {
    kind: 'vault',
    nb: 'feil passordfrase',
    nn: 'feil passordfrase',
    en: 'wrong passphrase',
  },
  'vault.unlock.refused': {
    kind: 'vault',
    nb: 'opplåsing avvist (for mange forsøk)',
    nn: 'opplåsing avvist (for mange forsøk)',
    en: 'unlock refused (too many attempts)',
  },
  'vault.check': {
    kind: 'vault',
    nb: 'kontrollerte arkivet',
    nn: 'kontrollerte arkivet',
    en: 'checked the vault',
  },
  'member.approve': {
    kind: 'vault',
    nb: 'godkjente et medlem',
    nn: 'godkjende eit medlem',
    en: 'approved a member',
  },
  'member.remove': {
    kind: 'vault',
    nb: 'fjernet et medlem',
    nn: 'fjerna eit medlem',
    en: 'removed a member',
  },
  'member.rename': {
    kind: 'vault',
    nb: 'endret navnet sitt',
    nn: 'endra namnet sitt',
    en: 'changed their name',
  },
};

/** An action this version does not know (a newer writer): its kind is a guess by its prefix. */
export function actionInfo(action: string): ActionText {
  const known = AUDIT_ACTIONS[action];
  if (known) return known;
  if (action.startsWith('report.'))
    return {
      kind: action.endsWith('.json') ? 'open' : 'export',
      nb: `laget ventetidsrapport (${action.split('.').pop()})`,
      nn: `laga ventetidsrapport (${action.split('.').pop()})`,
      en: `made a waiting-time report (${action.split('.').pop()})`,
    };
  return { kind: 'vault', nb: action, nn: action, en: action };
}

/** One line of the access log as people read it: a member's name, never a pupil's. */
export interface AccessLogEntry {
  at: string;
  /** The member id (or `recovery`, `unknown`). */
  actor: string;
  /** The member's name as the member list has it; null when not known (a removed member keeps theirs). */
  name: string | null;
  action: string;
  kind: AccessKind;
  /** Vault case ids the action touched (none for vault-wide actions). */
  caseIds: string[];
  /** A sharing: the recipient's role (shared/consent/sharing.ts RECIPIENT_ROLES), never a name. */
  to?: string;
  /** Why it could go: `consent`, `legal` or `party`. */
  basis?: string;
  /** A deleted case (`case.delete`): the member's reason, as written when deleting (no pupil name is asked for). */
  reason?: string;
}

/** The raw audit entry as the vault reads it (electron/services/vault/audit-log.ts). */
export interface RawAuditEntry {
  at: string;
  actor: string;
  action: string;
  caseId?: string;
  caseIds?: string[];
  to?: string;
  basis?: string;
  reason?: string;
}

/**
 * The access log, newest first: with `caseId`, only what touched that case (by its id, or a list
 * of case ids that holds it). Member actions on members (`member.*`) name member ids, not cases.
 */
export function accessLog(
  entries: readonly RawAuditEntry[],
  names: ReadonlyMap<string, string>,
  filter: { caseId?: string | undefined; kinds?: readonly AccessKind[] | undefined } = {},
): AccessLogEntry[] {
  const out: AccessLogEntry[] = [];
  for (const e of entries) {
    const member = e.action.startsWith('member.');
    const caseIds = member ? [] : e.caseId ? [e.caseId] : (e.caseIds ?? []);
    if (filter.caseId !== undefined && !caseIds.includes(filter.caseId)) continue;
    const kind = actionInfo(e.action).kind;
    if (filter.kinds && !filter.kinds.includes(kind)) continue;
    out.push({
      at: e.at,
      actor: e.actor,
      name: names.get(e.actor) ?? null,
      action: e.action,
      kind,
      // One case asked for: the other case ids of a bulk action are not this case's business.
      caseIds: filter.caseId !== undefined ? [filter.caseId] : caseIds,
      ...(typeof e.to === 'string' ? { to: e.to } : {}),
      ...(typeof e.basis === 'string' ? { basis: e.basis } : {}),
      // The deletion record is case id, date, who and why (issue 14 item 9): the reason is shown.
      ...(e.action === 'case.delete' && typeof e.reason === 'string' ? { reason: e.reason } : {}),
    });
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

const BASIS_TEXT: Record<string, { nb: string; nn: string; en: string }> = {
  consent: { nb: 'samtykke', nn: 'samtykke', en: 'consent' },
  legal: { nb: 'lovgrunnlag', nn: 'lovgrunnlag', en: 'legal basis' },
  party: { nb: 'part i saken', nn: 'part i saka', en: 'a party to the case' },
};

/**
 * What was done, as a person reads it: the action, and for a sharing whom it went to (by role) and
 * on what basis, «laget innsynsfil – til BUP (samtykke)».
 */
export function actionText(
  e: Pick<AccessLogEntry, 'action' | 'to' | 'basis' | 'reason'>,
  lang: 'nb' | 'nn' | 'en',
): string {
  const base = actionInfo(e.action)[lang];
  if (e.reason) return `${base}: «${e.reason}»`;
  if (!e.to) return base;
  const role =
    (ROLE_TEXT as Record<string, { nb: string; nn: string; en: string } | undefined>)[e.to]?.[lang] ?? e.to;
  const why = e.basis ? BASIS_TEXT[e.basis]?.[lang] : undefined;
  return `${base} – ${lang === 'en' ? 'to' : 'til'} ${role}${why ? ` (${why})` : ''}`;
}

/** Who did it, as a person reads it. */
export function actorText(e: Pick<AccessLogEntry, 'actor' | 'name'>, lang: 'nb' | 'nn' | 'en'): string {
  if (e.name) return e.name;
  if (e.actor === 'recovery') return lang === 'en' ? 'the recovery key' : 'gjenopprettingsnøkkelen';
  if (e.actor === 'unknown') return lang === 'en' ? 'unknown' : lang === 'nn' ? 'ukjend' : 'ukjent';
  const who = { nb: 'tidligere medlem', nn: 'tidlegare medlem', en: 'former member' }[lang];
  return `${who} ${e.actor.slice(0, 6)}`;
}

const OSLO = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A log time as people in Norway read it: `05.12.2026 09:54` (Norwegian time, not UTC). */
export function logTime(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const p = Object.fromEntries(OSLO.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}
