import { REVISIT_WORKING_DAYS, revisitOwed } from '../referrals/assessment';
import { addDays, addMonths, epochDay, isoDay, nbDate } from '../calendar/days';
import { addWorkingDaysTo } from '../calendar/workdays';
import type { CaseDoc } from '../domain/caseDoc';
import type { Referral } from '../domain/referral';
import type { HistoryEntry } from '../events/fold';
import { stableStringify } from '../json';
import { measureIssues } from '../measures/rules';
import { calledByService } from '../meetings/attendance';
import { spanEnd, spanText, type WaitingSettings } from '../waiting/settings';

/**
 * Every open obligation of a case, from ONE derivation (DESIGN §2, end): what the service owes
 * someone, by when, and under which rule. Never stored as truth, so it is always in step with the
 * case. The case list's «Neste frist» and «Bare forfalte frister», Oppgaver, `bro tasks`,
 * `bro cases`, the lead's caseload table and a letter's «Neste frister» all read this list:
 *  - tasks (`tasks.list`) = the obligations due within the horizon (overdue ones always);
 *  - the next deadline = the earliest obligation;
 *  - overdue = the obligations due before the as-of date.
 *
 * A date after the as-of date counts as not yet happened, so the obligations of any past day can
 * be reproduced. The result says until which day it holds (`validUntil`): nothing in it changes
 * before then unless the case does, which is what lets the vault index cache it.
 */

export const OBLIGATION_KINDS = [
  'provisionalReply',
  'decision',
  'fristPassing',
  'firstContactTarget',
  'evaluation',
  'schoolReply',
  'informParents',
  'transition',
  'accessRequest',
  'agreement',
  'retention',
  'measureRules',
  'proposalAnswer',
  'absenceUpdate',
  'minutes',
  'revisit',
] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

/**
 * The version of the rules below. Bump it whenever a rule changes what it derives: the vault index
 * records it with its cached summaries and rebuilds them when it differs.
 */
export const OBLIGATION_RULES_VERSION = 9;

/** The status changes parents are told about. */
export const STATUS_CHANGES = [
  'decided',
  'caseworker',
  'concluded',
  'closed',
  'schoolAnswer',
  'measure',
] as const;
export type StatusChange = (typeof STATUS_CHANGES)[number];

export interface Obligation {
  kind: ObligationKind;
  due: string;
  /** The rule that raised it: a stable id and a Norwegian sentence with its numbers. */
  rule: string;
  ruleText: string;
  /** What it is about: a referral, measure, innsynskrav or agreement id (null when the item has none). */
  ref: string | null;
  /**
   * Where that item is in the case: its index in `referrals`, `recommendations`,
   * `accessRequests`, `meetings` or `proposals` (by kind; for `informParents`, by `change`). Absent when the
   * obligation is about no one item.
   */
  item?: number;
  /** For an agreement: its index in the meeting's `agreements`. */
  agreement?: number;
  /** For `informParents`: which change. For `transition`: the grade the pupil leaves. */
  change?: StatusChange;
  grade?: number;
  /** A short label from the case (a measure's title, an agreement's text), at most 80 characters. */
  label?: string;
  /** An agreement promised to the pupil ("lovet eleven"). */
  promisedToPupil?: boolean;
  /** Listed as a task from this day whatever the horizon (a transition is prepared months ahead). */
  showFrom?: string;
}

/** Who owns a case's obligations: its current caseworker (by register id when known, else by name). */
export interface ObligationOwner {
  name: string;
  /** The caseworker's id in the vault (a member id or a colleague's register key), when recorded. */
  id: string | null;
}

export interface CaseObligations {
  asOf: string;
  /** Earliest due first (then by kind). */
  obligations: Obligation[];
  owner: ObligationOwner | null;
  /** The last day on which this result still holds for an unchanged case (>= asOf). */
  validUntil: string;
}

/** The case as the fold gives it: the document, the history (when the grade was recorded), letters. */
export interface ObligationInput {
  caseId: string;
  doc: CaseDoc;
  history?: readonly Pick<HistoryEntry, 'at' | 'type' | 'changes'>[];
  /** Letters issued in the case (the fold's `letters`): one with a copy to foresatte informs them. */
  letters?: readonly { date: string; kind?: string; recipients: readonly { role: string }[] }[];
}

/**
 * The day Bro began to check the measure rules at entry (shared/measures/rules.ts): a measure
 * recorded before then that breaks one is a task (`measureRules`) due that day.
 */
export const MEASURE_RULES_FROM = '2026-12-07';

/** What a measure lacks, in a task's sentence (by the rule's code). */
const MEASURE_RULE_TEXT: Record<string, string> = {
  GOAL_REQUIRED: 'mål',
  RESPONSIBLE_REQUIRED: 'utførende',
  LEADER_REQUIRED: 'ledelsesansvarlig (rektor eller avdelingsleder)',
  START_REQUIRED: 'startdato',
  EVALUATION_REQUIRED: 'planlagt evaluering',
  END_REASON_REQUIRED: 'begrunnelse for avslutning',
  ENDS_WORKING_MEASURE: 'bekreftelse på at et tiltak som virket, ble avsluttet',
  NEXT_EVALUATION_REQUIRED: 'neste evalueringsdato',
  NEXT_EVALUATION_NOT_AFTER: 'neste evalueringsdato etter evalueringen',
  REASON_CATEGORY_REQUIRED: 'årsak til skolens svar',
  ALTERNATIVE_REQUIRED: 'skolens alternativ',
};

/** Whether a measure has ended: its latest evaluation decided «avsluttes», or its latest status change is «avsluttet». */
export function measureEnded(m: NonNullable<CaseDoc['recommendations']>[number], asOf: string): boolean {
  const last = <T extends { date: string }>(xs: readonly T[] | null | undefined) =>
    [...(xs ?? [])]
      .filter((x) => x.date <= asOf)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .at(-1);
  return last(m.evaluations)?.decision === 'avsluttes' || last(m.statusChanges)?.status === 'avsluttet';
}

/** Roles and relations that mean a parent or guardian took part in a meeting. */
const GUARDIAN_ROLES = new Set([
  'foresatt',
  'foresatte',
  'forelder',
  'foreldre',
  'mor',
  'far',
  'verge',
  'fostermor',
  'fosterfar',
  'fosterforelder',
  'stemor',
  'stefar',
]);

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The school year a date belongs to: the calendar year in which it started. */
export function schoolYearOf(date: string, start: string): number {
  const y = Number(date.slice(0, 4));
  return date.slice(5) >= start ? y : y - 1;
}

function gradeRecordedOn(input: ObligationInput): string | null {
  let recorded: string | null = null;
  for (const h of input.history ?? [])
    if (h.type === 'pupil.recorded' && h.changes.some((c) => c.field === 'grade'))
      recorded = h.at.slice(0, 10);
  return recorded;
}

/**
 * The pupil's grade on `asOf`: the recorded grade moved on by the school years since it was
 * recorded (the time of the event that last set it). Null when unknown or past 13.
 */
export function gradeAsOf(input: ObligationInput, asOf: string, schoolYearStart: string): number | null {
  const grade = input.doc.pupil?.grade;
  if (typeof grade !== 'number') return null;
  const recorded = gradeRecordedOn(input);
  const moved = recorded ? schoolYearOf(asOf, schoolYearStart) - schoolYearOf(recorded, schoolYearStart) : 0;
  const g = grade + moved;
  return g >= 0 && g <= 13 ? g : null;
}

/**
 * The caseworker on `asOf`: the latest-starting assignment that has started and not ended (an
 * assignment ending on the day the next begins has handed over that day).
 */
export function caseworkerOn(doc: CaseDoc, asOf: string): ObligationOwner | null {
  const live = (doc.assignments ?? []).filter((a) => a.from <= asOf && (a.to == null || a.to > asOf));
  live.sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
  const a = live[0];
  return a ? { name: a.caseworker, id: a.caseworkerId ?? null } : null;
}

const short = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

const isDateBetween = (s: string, after: string, before: string): boolean =>
  s.length === 10 && s > after && s < before && s.charCodeAt(4) === 45 && ISO.test(s);

/**
 * The earliest date (`YYYY-MM-DD`) anywhere in a value (a case document, its lists and objects)
 * that is after `after` and before `before`; `before` when there is none. For the validity of a
 * derivation: the first day it could change. It runs for every case an open without an index
 * reads, so strings are tested where they sit (no call per value, no callback per date) and an
 * object's own values are walked as `Object.values` lists them (what `for … in` with
 * `Object.hasOwn` gave, at about three quarters of the cost).
 */
export function firstDateBetween(v: unknown, after: string, before: string): string {
  if (typeof v === 'string') return isDateBetween(v, after, before) ? v : before;
  if (typeof v !== 'object' || v === null) return before;
  const xs: readonly unknown[] = Array.isArray(v) ? v : Object.values(v);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (typeof x === 'string') {
      if (isDateBetween(x, after, before)) before = x;
    } else if (typeof x === 'object' && x !== null) before = firstDateBetween(x, after, before);
  }
  return before;
}

/**
 * The evaluation a measure waits for: the date planned when it was set up, or the next date an
 * evaluation that continued it («videreføres»/«justeres») set. Null when none is planned or the
 * measure is ended or refused by the school.
 */
export function plannedEvaluation(
  m: NonNullable<CaseDoc['recommendations']>[number],
  seen: (d: string | null | undefined) => string | null,
  earlyDays: number,
): string | null {
  const evals = (m.evaluations ?? []).filter((e) => seen(e.date)).sort((a, b) => (a.date < b.date ? -1 : 1));
  const last = evals.at(-1);
  if (last?.decision === 'avsluttes') return null;
  if (m.schoolAnswer && seen(m.schoolAnswer.date) && m.schoolAnswer.answer === 'kan ikke') return null;
  // An evaluation that set the next date: only a later evaluation meets it, and it is the latest.
  if (last?.nextEvaluation) return last.nextEvaluation;
  const planned = m.evaluation?.date;
  if (!planned) return null;
  const earliest = addDays(planned, -earlyDays);
  return evals.some((e) => e.date >= earliest) ? null : planned;
}

/** Every open obligation of one case as of `asOf`, earliest due first. Pure. */
export function caseObligations(
  input: ObligationInput,
  asOf: string,
  settings: WaitingSettings,
): CaseObligations {
  const { doc } = input;
  const t = settings.tasks;
  const cal = settings.calendar;
  const seen = (d: string | null | undefined): string | null => (d != null && d <= asOf ? d : null);
  const workingDeadline = (d: string, n: number) => isoDay(addWorkingDaysTo(epochDay(d), n, cal));
  const out: Obligation[] = [];
  // The result holds until the first day something in it could change with the date alone.
  let validUntil = `${schoolYearOf(asOf, t.schoolYearStart) + 1}-${t.schoolYearStart}`;
  const changesOn = (d: string) => {
    if (d > asOf && d < validUntil) validUntil = d;
  };
  validUntil = firstDateBetween(doc, asOf, validUntil);
  for (const l of input.letters ?? []) changesOn(l.date);
  const push = (o: Obligation) => out.push(o);

  const referrals = (doc.referrals ?? []).filter((r) => r.received != null && r.received <= asOf);
  const isOpen = (r: Referral) => seen(r.closed) === null;
  const caseOpen = referrals.some(isOpen);
  const referralIndex = (r: Referral) => (doc.referrals ?? []).indexOf(r);

  for (const r of referrals) {
    if (!isOpen(r)) continue;
    const item = referralIndex(r);
    const service = r.service ?? doc.service;
    const targets = settings.targets[service];
    const decided = seen(r.decided);
    if (decided !== null && (r.decision === 'rejected' || r.decision === 'forwarded')) continue;
    const ref = r.id;

    // Forvaltningsloven § 11 a: a foreløpig svar when the answer takes longer than a month.
    // BUP's answer to a referral is its rights assessment (the decision); elsewhere the conclusion.
    const answered = seen(r.concluded) !== null || (service === 'BUP' && decided !== null);
    if (targets.provisionalReply && !answered)
      push({
        kind: 'provisionalReply',
        due: spanEnd(r.received, targets.provisionalReply, cal),
        rule: 'fvl-11a-provisional-reply',
        ruleText: `Foreløpig svar til familien når saken ikke er konkludert ${spanText(targets.provisionalReply)} etter mottak (forvaltningsloven § 11 a).`,
        ref,
        item,
      });

    if (targets.decided && decided === null)
      push({
        kind: 'decision',
        due: spanEnd(r.received, targets.decided, cal),
        rule: 'pasrl-2-2-assessment',
        ruleText: `Henvisningen skal vurderes innen ${spanText(targets.decided)} etter mottak (pasient- og brukerrettighetsloven § 2-2).`,
        ref,
        item,
      });

    if (seen(r.firstContact) === null) {
      if (targets.firstContact === 'frist' && r.frist != null && decided !== null)
        push({
          kind: 'fristPassing',
          due: r.frist,
          rule: 'pasrl-frist',
          ruleText: `Helsehjelpen skal starte senest ${nbDate(r.frist)}, fristen satt ved vurderingen; ellers er det fristbrudd.`,
          ref,
          item,
        });
      else if (targets.firstContact && targets.firstContact !== 'frist')
        push({
          kind: 'firstContactTarget',
          due: spanEnd(r.received, targets.firstContact, cal),
          rule: 'target-first-contact',
          ruleText: `Første kontakt innen ${spanText(targets.firstContact)} etter mottak (tjenestens mål).`,
          ref,
          item,
        });
      // Issue 15: while the referral waits, updated absence figures are asked for every N weeks,
      // counted from the end of the newest figures (once the school has sent some).
      const update = absenceUpdateObligation(r, doc, seen, t.absenceUpdateWeeks, item);
      if (update) push(update);
    }
  }

  if (caseOpen) {
    const concluded = referrals
      .map((r) => seen(r.concluded))
      .filter((d): d is string => d !== null)
      .sort();
    const sentToSchool = concluded.at(-1) ?? null;
    for (const [item, m] of (doc.recommendations ?? []).entries()) {
      const answer = m.schoolAnswer && seen(m.schoolAnswer.date) ? m.schoolAnswer : null;
      const planned = plannedEvaluation(m, seen, t.evaluationEarlyDays);
      if (planned)
        push({
          kind: 'evaluation',
          due: planned,
          rule: 'measure-evaluation',
          ruleText: `Tiltaket skal evalueres på den avtalte datoen ${nbDate(planned)} (en evaluering inntil ${t.evaluationEarlyDays} dager før teller).`,
          ref: m.id,
          item,
          label: short(m.what),
        });
      // "Avtalt" measures were agreed with the school in a meeting: no written answer is awaited.
      if (!answer && m.label !== 'Avtalt' && sentToSchool)
        push({
          kind: 'schoolReply',
          due: workingDeadline(sentToSchool, t.schoolReplyWorkingDays),
          rule: 'school-reply',
          ruleText: `Skolen (rektor) svarer på anbefalingen innen ${t.schoolReplyWorkingDays} virkedager etter at den ble sendt: gjennomføres, med endring eller kan ikke.`,
          ref: m.id,
          item,
          label: short(m.what),
        });
      // A measure recorded before the measure rules that breaks one: fix it (the case lists the findings).
      if (!measureEnded(m, asOf)) {
        const lacks = [...new Set(measureIssues(m, item).map((x) => MEASURE_RULE_TEXT[x.code] ?? x.code))];
        if (lacks.length)
          push({
            kind: 'measureRules',
            due: MEASURE_RULES_FROM,
            rule: 'measure-rules',
            ruleText: `Tiltaket ble registrert før Bro krevde det, og mangler: ${lacks.join(', ')}.`,
            ref: m.id,
            item,
            label: short(m.what),
          });
      }
    }

    // An overgangsbrev issued since a transition task began settles it (issue 15 item 3).
    const letterSince = (from: string) =>
      (input.letters ?? []).some((l) => l.kind === 'overgangsbrev' && l.date >= from);
    const grade = gradeAsOf(input, asOf, t.schoolYearStart);
    if (grade !== null && t.transitionGrades.includes(grade)) {
      const year = schoolYearOf(asOf, t.schoolYearStart) + 1;
      const prepareBy = `${year}-${t.transitionPrepareBy}`;
      const showFrom = addDays(prepareBy, -t.transitionLeadDays);
      if (letterSince(showFrom)) {
        // Done for this school year.
      } else if (asOf >= showFrom)
        push({
          kind: 'transition',
          due: prepareBy,
          rule: 'transition',
          ruleText:
            grade === 0
              ? `Barnet begynner på skolen etter sommeren: planlegg skolestarten med skolen og barnehagen innen ${nbDate(prepareBy)}.`
              : `Eleven går ut av ${grade}. trinn dette skoleåret: planlegg overgangen med den nye skolen/lærerne innen ${nbDate(prepareBy)}.`,
          ref: null,
          grade,
          showFrom,
        });
      else changesOn(showFrom);
    }

    // A recorded change ahead (skolebytte, new stage, class, teacher or building): an overgangsbrev
    // to the receiving school, from N months before (setting transitionReminderMonths, default 5:
    // March before an August start), due transitionLeadDays later and before the day itself.
    (doc.transitionEvents ?? []).forEach((ev, item) => {
      if (!ISO.test(ev.date) || ev.date <= asOf) return;
      const showFrom = addMonths(ev.date, -t.transitionReminderMonths);
      if (letterSince(showFrom)) return;
      const last = addDays(ev.date, -1);
      const planned = addDays(showFrom, t.transitionLeadDays);
      const due = planned < last ? planned : last;
      if (asOf >= showFrom)
        push({
          kind: 'transition',
          due,
          rule: 'transition-letter',
          ruleText: `Eleven ${ev.receivingSchool ? `begynner ved ${ev.receivingSchool}` : 'får en endring på skolen'} ${nbDate(ev.date)}: send overgangsbrev til den nye skolen innen ${nbDate(due)}.`,
          ref: null,
          item,
          showFrom,
          ...(ev.receivingSchool ? { label: short(ev.receivingSchool) } : {}),
        });
      else changesOn(showFrom);
    });
  }

  // Meeting agreements: an open agreement with a deadline, from a meeting that has been held, in
  // a case that is not closed (a case with no referral yet is not closed).
  if (caseOpen || referrals.length === 0)
    (doc.meetings ?? []).forEach((meeting, item) => {
      if (!seen(meeting.date)) return;
      (meeting.agreements ?? []).forEach((a, agreement) => {
        if (a.status !== 'åpen' || a.deadline == null) return;
        push({
          kind: 'agreement',
          due: a.deadline,
          rule: 'meeting-agreement',
          ruleText: `Avtalt i møtet ${nbDate(meeting.date)}, ansvarlig: ${a.owner}. Åpne avtaler er første sak på neste møte.`,
          ref: a.id ?? null,
          item,
          agreement,
          label: short(a.what),
          ...(a.promisedToPupil ? { promisedToPupil: true } : {}),
        });
      });
    });

  // Parents are told of every status change; a meeting they attend, or a letter copied to them,
  // on or after it counts.
  const lookback = addDays(asOf, -t.informParentsLookbackDays);
  const guardianNames = new Set((doc.guardians ?? []).map((g) => g.name));
  const guardianRoles = new Set([
    ...GUARDIAN_ROLES,
    ...(doc.guardians ?? []).map((g) => (g.relation ?? '').toLowerCase()),
  ]);
  const parentMeetings = (doc.meetings ?? [])
    .filter((m) => seen(m.date))
    .filter((m) =>
      m.participants.some(
        (p) => guardianRoles.has(p.role.toLowerCase()) || (p.name && guardianNames.has(p.name)),
      ),
    )
    .map((m) => m.date);
  // A letter with a copy to foresatte (ny kontaktperson, tiltaksoversikt, …) tells them too.
  const parentLetters = (input.letters ?? [])
    .filter((l) => seen(l.date) && l.recipients.some((r) => r.role === 'foresatte'))
    .map((l) => l.date);
  const changes: { date: string; change: StatusChange; ref: string | null; item?: number }[] = [];
  for (const r of referrals) {
    for (const change of ['decided', 'concluded', 'closed'] as const) {
      const d = seen(r[change]);
      if (d) changes.push({ date: d, change, ref: r.id, item: referralIndex(r) });
    }
  }
  const starts = (doc.assignments ?? []).map((a) => a.from).sort();
  for (const from of starts.slice(1))
    if (seen(from)) changes.push({ date: from, change: 'caseworker', ref: null });
  for (const [item, m] of (doc.recommendations ?? []).entries()) {
    const a = m.schoolAnswer;
    if (a && a.answer !== 'gjennomføres' && seen(a.date))
      changes.push({ date: a.date, change: 'schoolAnswer', ref: m.id, item });
  }
  // A status change of a measure (started, adjusted, paused, ended): the tiltaksoversikt issued on
  // or after it, or a journal note of a call or talk on or after it, tells the parents.
  const measureLetters = (input.letters ?? [])
    .filter((l) => seen(l.date) && l.kind === 'tiltaksoversikt')
    .map((l) => l.date);
  const callNotes = (doc.notes ?? [])
    .filter((n) => seen(n.date) && (n.kind === 'telefon' || n.kind === 'samtale'))
    .map((n) => n.date);
  for (const [item, m] of (doc.recommendations ?? []).entries())
    for (const sc of m.statusChanges ?? [])
      if (seen(sc.date)) changes.push({ date: sc.date, change: 'measure', ref: m.id, item });
  for (const c of changes) {
    const told =
      c.change === 'measure' ? [...measureLetters, ...callNotes] : [...parentMeetings, ...parentLetters];
    if (c.date < lookback || told.some((d) => d >= c.date)) continue;
    // It drops out of the look-back window the day after this.
    changesOn(addDays(c.date, t.informParentsLookbackDays + 1));
    push({
      kind: 'informParents',
      due: workingDeadline(c.date, t.informParentsWorkingDays),
      rule: 'inform-parents',
      ruleText:
        c.change === 'measure'
          ? `Informer foresatte: tiltaket er startet, justert, satt på pause eller avsluttet. Send tiltaksoversikten eller skriv journalnotat fra samtalen innen ${t.informParentsWorkingDays} virkedager.`
          : `Foresatte skal få vite om endringer i saken (beslutning, ny kontaktperson, konklusjon, avslutning, skolens svar) innen ${t.informParentsWorkingDays} virkedager.`,
      ref: c.ref,
      ...(c.item !== undefined ? { item: c.item } : {}),
      change: c.change,
    });
  }

  (doc.accessRequests ?? []).forEach((a, i) => {
    if (!seen(a.received) || seen(a.answered)) return;
    push({
      kind: 'accessRequest',
      due: a.extendedTo ?? addMonths(a.received, t.accessRequestMonths),
      rule: 'innsyn-one-month',
      ruleText: `Innsynskrav besvares innen ${t.accessRequestMonths === 1 ? 'én måned' : `${t.accessRequestMonths} måneder`} etter at det kom inn (personvernforordningen art. 12 nr. 3; forvaltningsloven §§ 18–19).`,
      ref: a.id ?? `#${i + 1}`,
      item: i,
    });
  });

  // Retention: once every referral is closed, the working copy is due for deletion N years after
  // the last closing (after the documents are archived: the archive keeps the record, not Bro).
  const closings = (doc.referrals ?? []).map((r) => seen(r.closed));
  if (closings.length > 0 && closings.every((d) => d !== null)) {
    const last = (closings as string[]).sort()[closings.length - 1]!;
    const years = t.retentionYears;
    push({
      kind: 'retention',
      due: addMonths(last, 12 * years),
      rule: 'retention-delete',
      ruleText: `Saken er avsluttet. Arbeidskopien slettes ${years === 1 ? 'ett år' : `${years} år`} etter avslutningen, når dokumentene er arkivert i kommunens arkiv (personvernforordningen art. 5 nr. 1 bokstav e; arkivlova).`,
      ref: null,
    });
  }
  // Minutes (issue 15 item 4): a meeting the service called owes its referat to every party within
  // N working days; recording the day they were sent closes the task.
  (doc.meetings ?? []).forEach((m, item) => {
    if (!calledByService(m) || !seen(m.date) || seen(m.minutesSent)) return;
    const n = t.minutesWorkingDays;
    push({
      kind: 'minutes',
      due: workingDeadline(m.date, n),
      rule: 'meeting-minutes',
      ruleText: `Møtet ${nbDate(m.date)} ble kalt inn av tjenesten. Referatet sendes til alle parter innen ${n} ${n === 1 ? 'virkedag' : 'virkedager'} etter møtet.`,
      ref: m.id ?? null,
      item,
    });
  });
  // Assessment status (issue 15 item 5): a change of status asks for the recommendations to be
  // revisited, within REVISIT_WORKING_DAYS working days (shared/referrals/assessment.ts).
  {
    const owed = caseOpen || referrals.length === 0 ? revisitOwed(doc, (d) => seen(d) !== null) : null;
    if (owed)
      push({
        kind: 'revisit',
        due: workingDeadline(owed.s.date, REVISIT_WORKING_DAYS),
        rule: 'assessment-revisit',
        ruleText: `Utredningen har endret status fra «${owed.from}» til «${owed.s.status}» (${nbDate(owed.s.date)}, ${owed.s.service}): gå gjennom anbefalingene og se om de fortsatt passer.`,
        ref: null,
        item: owed.item,
      });
  }
  // Foresattes innspill: a proposal without a response is answered within the service's limit.
  (doc.proposals ?? []).forEach((p, i) => {
    if (!seen(p.date) || (p.response != null && seen(p.answered ?? p.date))) return;
    const due = workingDeadline(p.date, t.proposalAnswerWorkingDays);
    push({
      kind: 'proposalAnswer',
      due,
      rule: 'proposal-answer',
      ruleText: `Foresattes innspill fra ${nbDate(p.date)} besvares innen ${t.proposalAnswerWorkingDays} virkedager: tatt inn, delvis eller ikke tatt inn, med begrunnelse.`,
      ref: p.id ?? `#${i + 1}`,
      item: i,
      label: short(p.what),
    });
  });

  out.sort((a, b) =>
    a.due !== b.due
      ? a.due < b.due
        ? -1
        : 1
      : OBLIGATION_KINDS.indexOf(a.kind) - OBLIGATION_KINDS.indexOf(b.kind),
  );
  // `changesOn` records the first day that differs; the result holds through the day before.
  return { asOf, obligations: out, owner: caseworkerOn(doc, asOf), validUntil: addDays(validUntil, -1) };
}

/**
 * `absenceUpdate` (issue 15, item 1): a referral waiting for first contact asks for updated
 * absence figures from the school `weeks` weeks after the later of its receipt and the last day
 * the case's absence records cover (so a new import moves the task on). A case with no figures
 * yet raises none: the first figures come with the referral (the referral's own rate).
 */
export function absenceUpdateObligation(
  r: Referral,
  doc: CaseDoc,
  seen: (d: string | null | undefined) => string | null,
  weeks: number,
  item: number,
): Obligation | null {
  let newest: string | null = null;
  for (const a of doc.absence ?? []) {
    const to = seen(a.to);
    if (to !== null && (newest === null || to > newest)) newest = to;
  }
  if (newest === null) return null;
  const base = newest > r.received ? newest : r.received;
  return {
    kind: 'absenceUpdate',
    due: addDays(base, 7 * weeks),
    rule: 'absence-update-waiting',
    ruleText: `Mens henvisningen venter, hentes nye fraværstall fra skolen hver ${weeks === 1 ? 'uke' : `${weeks}. uke`} (sist tall til ${nbDate(base)}).`,
    ref: r.id,
    item,
  };
}

/** Whether an obligation is a task on `asOf`: overdue or due within the horizon (or shown early). */
export function isTask(o: Obligation, asOf: string, settings: WaitingSettings): boolean {
  return o.showFrom !== undefined ? asOf >= o.showFrom : o.due <= addDays(asOf, settings.tasks.horizonDays);
}

/** The case's next deadline: its earliest open obligation. */
export function nextDeadline(obligations: readonly Pick<Obligation, 'due' | 'kind'>[]) {
  const first = obligations[0];
  return first ? { due: first.due, kind: first.kind } : null;
}

/** How many of the obligations are overdue on `asOf` (due before it). */
export function overdueCount(obligations: readonly Pick<Obligation, 'due'>[], asOf: string): number {
  let n = 0;
  for (const o of obligations) if (o.due < asOf) n++;
  return n;
}

/**
 * A fingerprint of the rules and the settings that feed them: summaries made under another one
 * are made again (the vault index records it).
 */
export function obligationRulesVersion(settings: WaitingSettings): string {
  return `obligations-${OBLIGATION_RULES_VERSION}-${fnv1a(stableStringify(settings))}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short fingerprint (not a security measure). */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
