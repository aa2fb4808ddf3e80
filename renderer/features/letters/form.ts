import { isoFromInput, nbDate } from '../../app/format';
import type { LetterOptionsInput } from '../../../shared/letters/options';

/**
 * The editor's form: every option as the text the user typed (dates as dd.mm.åååå), turned into
 * the contract's letter options on each change. Empty fields are left out, so the letter uses the
 * case and the defaults; what is malformed is passed on and the contract names the field.
 */
/** The overgangsbrev's fields (shared/letters/transition.ts), in the editor's order. */
export const TRANSITION_FIELDS = [
  'receivingSchool',
  'start',
  'whatWorks',
  'safeAdults',
  'visits',
  'parentsExpected',
  'whomToCall',
  'receivingContact',
  'legalBasis',
] as const;

export interface LetterForm {
  replyBy: string;
  measures: string[] | null;
  /** Journal notes quoted under «Fra journalen» (ids). */
  notes: string[];
  meeting: string;
  reasons: { pupilVoice: string; parentsView: string; schoolEnvironment: string };
  recipients: { rektor: string; kontaktlærer: string };
  legalBasis: { rektor: string; kontaktlærer: string; foresatte: string };
  /** Copies to other services (BUP, Statped, barnevernstjenesten …), each with a legal basis when no consent covers it. */
  otherRecipients: { name: string; legalBasis: string }[];
  expectedFirstContact: string;
  interimReason: string;
  /** Avslutningsbrev (options.closing). */
  closing: { receivingService: string; receivingContact: string; responsibility: string; reason: string };
  /** Overgangsbrev (options.transition). */
  transition: Record<(typeof TRANSITION_FIELDS)[number], string>;
  /** Innkalling (options.invitation): roles as «rolle: navn» lines, the agenda one item per line. */
  invitation: { date: string; time: string; place: string; roles: string; agenda: string };
  waitingAdvice: { what: string; who: string }[];
  assessment: {
    sources: string;
    benefit: string;
    difficulties: string;
    goals: string;
    ordinaryTeaching: string;
    soundOffer: string;
    hours: string;
    validUntil: string;
  };
  keep: { phrase: string; path?: string; reason: string }[];
  /** A page for the pupil in plain words. */
  pupilPage: boolean;
}

export const ASSESSMENT_TOPICS = [
  'sources',
  'benefit',
  'difficulties',
  'goals',
  'ordinaryTeaching',
  'soundOffer',
  'hours',
] as const;

export function emptyForm(): LetterForm {
  return {
    replyBy: '',
    measures: null,
    notes: [],
    meeting: '',
    reasons: { pupilVoice: '', parentsView: '', schoolEnvironment: '' },
    recipients: { rektor: '', kontaktlærer: '' },
    legalBasis: { rektor: '', kontaktlærer: '', foresatte: '' },
    otherRecipients: [],
    expectedFirstContact: '',
    interimReason: '',
    closing: { receivingService: '', receivingContact: '', responsibility: '', reason: '' },
    transition: Object.fromEntries(TRANSITION_FIELDS.map((k) => [k, ''])) as LetterForm['transition'],
    invitation: { date: '', time: '', place: '', roles: '', agenda: '' },
    waitingAdvice: [],
    assessment: {
      sources: '',
      benefit: '',
      difficulties: '',
      goals: '',
      ordinaryTeaching: '',
      soundOffer: '',
      hours: '',
      validUntil: '',
    },
    keep: [],
    pupilPage: false,
  };
}

const str = (s: string | null | undefined) => s ?? '';
const date = (s: string | null | undefined) => (s ? nbDate(s) : '');

/** A saved draft's options back into the form. */
export function formFromOptions(o: LetterOptionsInput): LetterForm {
  const f = emptyForm();
  f.replyBy = date(o.replyBy);
  f.measures = o.measures ? [...o.measures] : null;
  f.notes = o.notes ? [...o.notes] : [];
  f.meeting = str(o.meeting);
  f.reasons = {
    pupilVoice: str(o.reasons?.pupilVoice),
    parentsView: str(o.reasons?.parentsView),
    schoolEnvironment: str(o.reasons?.schoolEnvironment),
  };
  f.recipients = { rektor: str(o.recipients?.rektor), kontaktlærer: str(o.recipients?.kontaktlærer) };
  f.legalBasis = {
    rektor: str(o.legalBasis?.rektor),
    kontaktlærer: str(o.legalBasis?.kontaktlærer),
    foresatte: str(o.legalBasis?.foresatte),
  };
  f.otherRecipients = (o.otherRecipients ?? []).map((r) => ({ name: r.name, legalBasis: str(r.legalBasis) }));
  f.expectedFirstContact = date(o.expectedFirstContact);
  f.interimReason = str(o.interimReason);
  f.closing = {
    receivingService: str(o.closing?.receivingService),
    receivingContact: str(o.closing?.receivingContact),
    responsibility: str(o.closing?.responsibility),
    reason: str(o.closing?.reason),
  };
  f.transition = Object.fromEntries(
    TRANSITION_FIELDS.map((k) => [k, k === 'start' ? date(o.transition?.start) : str(o.transition?.[k])]),
  ) as LetterForm['transition'];
  const inv = o.invitation ?? {};
  f.invitation = {
    date: date(inv.date),
    time: str(inv.time),
    place: str(inv.place),
    roles: (inv.roles ?? []).map((r) => (r.name ? `${r.role}: ${r.name}` : r.role)).join('\n'),
    agenda: (inv.agenda ?? []).join('\n'),
  };
  f.waitingAdvice = (o.waitingAdvice ?? []).map((a) => ({ what: a.what, who: a.who }));
  const a = o.assessment ?? {};
  for (const k of ASSESSMENT_TOPICS) f.assessment[k] = str(a[k]);
  f.assessment.validUntil = date(a.validUntil);
  f.pupilPage = o.pupilPage === true;
  f.keep = (o.keep ?? []).map((k) => ({
    phrase: k.phrase,
    reason: k.reason,
    ...(k.path ? { path: k.path } : {}),
  }));
  return f;
}

/** Only the filled-in fields of a group; undefined when none is. */
function group<T extends Record<string, string>>(
  g: T,
  dates: readonly string[] = [],
): Partial<T> | undefined {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(g)) {
    const s = v.trim();
    if (s !== '') out[k] = dates.includes(k) ? isoFromInput(s) : s;
  }
  return Object.keys(out).length > 0 ? (out as Partial<T>) : undefined;
}

/** The form as the contract's letter options. */
export function optionsFromForm(f: LetterForm): LetterOptionsInput {
  const o: Record<string, unknown> = {};
  if (f.replyBy.trim()) o.replyBy = isoFromInput(f.replyBy);
  if (f.measures) o.measures = f.measures;
  if (f.notes.length > 0) o.notes = f.notes;
  if (f.meeting.trim()) o.meeting = f.meeting.trim();
  const reasons = group(f.reasons);
  if (reasons) o.reasons = reasons;
  const recipients = group(f.recipients);
  if (recipients) o.recipients = recipients;
  const legalBasis = group(f.legalBasis);
  if (legalBasis) o.legalBasis = legalBasis;
  // Rows left wholly empty are dropped; a row with a basis but no name goes on and the contract names it.
  const others = f.otherRecipients
    .map((r) => ({ name: r.name.trim(), legalBasis: r.legalBasis.trim() }))
    .filter((r) => r.name !== '' || r.legalBasis !== '')
    .map((r) => (r.legalBasis === '' ? { name: r.name } : r));
  if (others.length > 0) o.otherRecipients = others;
  if (f.expectedFirstContact.trim()) o.expectedFirstContact = isoFromInput(f.expectedFirstContact);
  if (f.interimReason.trim()) o.interimReason = f.interimReason.trim();
  const closing = group(f.closing);
  if (closing) o.closing = closing;
  const transition = group(f.transition, ['start']);
  if (transition) o.transition = transition;
  const invLines = (s: string) =>
    s
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  const invitation: Record<string, unknown> = {};
  if (f.invitation.date.trim()) invitation.date = isoFromInput(f.invitation.date.trim());
  if (f.invitation.time.trim()) invitation.time = f.invitation.time.trim();
  if (f.invitation.place.trim()) invitation.place = f.invitation.place.trim();
  const roles = invLines(f.invitation.roles).map((l) => {
    const [role, ...name] = l.split(':');
    const n = name.join(':').trim();
    return n ? { role: role!.trim(), name: n } : { role: role!.trim() };
  });
  if (roles.length > 0) invitation.roles = roles;
  const agenda = invLines(f.invitation.agenda);
  if (agenda.length > 0) invitation.agenda = agenda;
  if (Object.keys(invitation).length > 0) o.invitation = invitation;
  const advice = f.waitingAdvice
    .map((a) => ({ what: a.what.trim(), who: a.who.trim() }))
    .filter((a) => a.what !== '' || a.who !== '');
  if (advice.length > 0) o.waitingAdvice = advice;
  const assessment = group(f.assessment, ['validUntil']);
  if (assessment) o.assessment = assessment;
  if (f.keep.length > 0) o.keep = f.keep;
  if (f.pupilPage) o.pupilPage = true;
  return o as LetterOptionsInput;
}
