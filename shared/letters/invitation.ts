/**
 * The innkalling (issue 15 item 4): the service calls a meeting with one letter. It says the day,
 * the time and the place, the roles that must attend (a school leader, rektor or avdelingsleder,
 * among them) and the agenda, with the open agreements from the last meeting first. Its model
 * part, its texts (bokmål and nynorsk) and its clarity rules live here so the shared letter code
 * only dispatches to them. Attendance and the minutes are recorded on the meeting afterwards
 * (shared/meetings/attendance.ts).
 */
import type { CaseDoc } from '../domain/caseDoc';
import { isLeaderRole } from '../measures/rules';
import type { LetterOptions } from './options';

export interface InvitationPart {
  /** The meeting's day (YYYY-MM-DD), time («09.00») and place; null when not filled in. */
  date: string | null;
  time: string | null;
  place: string | null;
  /** The roles that must attend, with a name where one is known. */
  roles: { role: string; name: string | null }[];
  /** A school leader (rektor or avdelingsleder) is among the roles. */
  leaderInvited: boolean;
  /** The last meeting held on or before the letter's date, whose open agreements come first. */
  lastMeeting: { index: number; date: string } | null;
  /** That meeting's agreements still open («åpen» or «ikke utført»). */
  carriedOver: { what: string; owner: string; deadline: string | null; status: string }[];
  /** The caseworker's own agenda items, after the open agreements. */
  agenda: string[];
}

const clean = (s: string | null | undefined) => (s != null && s.trim() !== '' ? s.trim() : null);

/** The invitation as the letter prints it: the options, and the open agreements from the case. */
export function invitationPart(doc: CaseDoc, options: LetterOptions, today: string): InvitationPart {
  const o = options.invitation ?? {};
  const roles = (o.roles ?? [])
    .map((r) => ({ role: r.role.trim(), name: clean(r.name) }))
    .filter((r) => r.role !== '');
  const held = (doc.meetings ?? [])
    .map((m, index) => ({ m, index }))
    .filter(({ m }) => m.date <= today)
    .sort((a, b) => (a.m.date < b.m.date ? -1 : a.m.date > b.m.date ? 1 : a.index - b.index));
  const last = held.at(-1) ?? null;
  return {
    date: o.date ?? null,
    time: o.time ? o.time.replace(':', '.') : null,
    place: clean(o.place),
    roles,
    leaderInvited: roles.some((r) => isLeaderRole(r.role)),
    lastMeeting: last ? { index: last.index, date: last.m.date } : null,
    carriedOver: (last?.m.agreements ?? [])
      .filter((a) => a.status === 'åpen' || a.status === 'ikke utført')
      .map((a) => ({
        what: a.what.trim(),
        owner: a.owner.trim(),
        deadline: a.deadline ?? null,
        status: a.status,
      })),
    agenda: (o.agenda ?? []).map((a) => a.trim()).filter((a) => a !== ''),
  };
}

export const INVITATION_FINDING_CODES = [
  'INVITATION_DATE_MISSING',
  'INVITATION_DATE_PAST',
  'INVITATION_TIME_MISSING',
  'INVITATION_PLACE_MISSING',
  'INVITATION_ROLES_MISSING',
  'INVITATION_LEADER_MISSING',
] as const;
export type InvitationFindingCode = (typeof INVITATION_FINDING_CODES)[number];

/**
 * Clarity rules: an innkalling says when (a day not before the letter's own date, and a time),
 * where, and who must come. Without a school leader among the roles it is a warning
 * (INVITATION_LEADER_MISSING): the letter can go, but the school's leadership decides the measures.
 */
export function invitationChecks(
  p: InvitationPart | null | undefined,
  letterDate: string,
): { code: InvitationFindingCode; path: (string | number)[]; severity: 'error' | 'warning' }[] {
  if (!p) return [];
  const at = (f: string) => ['options', 'invitation', f];
  const out: { code: InvitationFindingCode; path: (string | number)[]; severity: 'error' | 'warning' }[] = [];
  if (!p.date) out.push({ code: 'INVITATION_DATE_MISSING', path: at('date'), severity: 'error' });
  else if (p.date < letterDate)
    out.push({ code: 'INVITATION_DATE_PAST', path: at('date'), severity: 'error' });
  if (!p.time) out.push({ code: 'INVITATION_TIME_MISSING', path: at('time'), severity: 'error' });
  if (!p.place) out.push({ code: 'INVITATION_PLACE_MISSING', path: at('place'), severity: 'error' });
  if (p.roles.length === 0)
    out.push({ code: 'INVITATION_ROLES_MISSING', path: at('roles'), severity: 'error' });
  else if (!p.leaderInvited)
    out.push({ code: 'INVITATION_LEADER_MISSING', path: at('roles'), severity: 'warning' });
  return out;
}

export interface InvitationTexts {
  lead: (service: string, pupil: string) => string;
  h: { when: string; who: string; agenda: string };
  date: string;
  time: string;
  place: string;
  clock: (time: string) => string;
  mustAttend: string;
  leaderNote: string;
  carriedFrom: (date: string) => string;
  noneCarried: (date: string) => string;
  noPrevious: string;
  cannotCome: string;
  minutes: string;
}

export const INVITATION_TEXTS: Record<'nb' | 'nn', InvitationTexts> = {
  nb: {
    lead: (service, pupil) => `${service} kaller inn til et møte om ${pupil}.`,
    h: { when: 'Tid og sted', who: 'Hvem må møte', agenda: 'Saksliste' },
    date: 'Dato',
    time: 'Klokkeslett',
    place: 'Sted',
    clock: (time) => `kl. ${time}`,
    mustAttend: 'Disse må være med på møtet:',
    leaderNote:
      'Skolens ledelse (rektor eller avdelingsleder) må være med, fordi skolen bestemmer og har ansvaret for tiltakene på skolen.',
    carriedFrom: (date) => `Åpne avtaler fra forrige møte (${date}). Vi går gjennom hver av dem først.`,
    noneCarried: (date) => `Avtaler fra forrige møte (${date}): ingen av dem er åpne.`,
    noPrevious: 'Dette er det første møtet i saken.',
    cannotCome:
      'Kan du ikke komme, gi beskjed til kontaktpersonen nedenfor så snart du vet det. Da finner vi en ny dato sammen.',
    minutes: 'Etter møtet sender vi referat til alle som er kalt inn.',
  },
  nn: {
    lead: (service, pupil) => `${service} kallar inn til eit møte om ${pupil}.`,
    h: { when: 'Tid og stad', who: 'Kven må møte', agenda: 'Sakliste' },
    date: 'Dato',
    time: 'Klokkeslett',
    place: 'Stad',
    clock: (time) => `kl. ${time}`,
    mustAttend: 'Desse må vere med på møtet:',
    leaderNote:
      'Leiinga ved skulen (rektor eller avdelingsleiar) må vere med, fordi skulen avgjer og har ansvaret for tiltaka på skulen.',
    carriedFrom: (date) => `Opne avtalar frå førre møte (${date}). Vi går gjennom kvar av dei først.`,
    noneCarried: (date) => `Avtalar frå førre møte (${date}): ingen av dei er opne.`,
    noPrevious: 'Dette er det første møtet i saka.',
    cannotCome:
      'Kan du ikkje kome, gje beskjed til kontaktpersonen nedanfor så snart du veit det. Då finn vi ein ny dato saman.',
    minutes: 'Etter møtet sender vi referat til alle som er kalla inn.',
  },
};
