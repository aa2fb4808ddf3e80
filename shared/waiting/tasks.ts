import { addDays, addMonths, epochDay, isoDay, nbDate } from '../calendar/days';
import { addWorkingDaysTo } from '../calendar/workdays';
import type { CaseDoc } from '../domain/caseDoc';
import type { Referral } from '../domain/referral';
import type { HistoryEntry } from '../events/fold';
import { spanEnd, spanText, type WaitingSettings } from './settings';

/**
 * Tasks derived from a case as it stood on a date (DESIGN §2, end): never stored, so they are
 * always in step with the case. Each task names the rule that raised it. A date after the
 * as-of date counts as not yet happened, so the tasks of any past day can be reproduced.
 *
 * A task is listed when it is overdue (its due date has passed and it is still open) or due
 * within `tasks.horizonDays`; a transition appears `transitionLeadDays` before its date.
 */

export const TASK_KINDS = [
  'provisionalReply',
  'decision',
  'fristPassing',
  'firstContactTarget',
  'evaluation',
  'schoolReply',
  'informParents',
  'transition',
  'accessRequest',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** The status changes parents are told about. */
export const STATUS_CHANGES = ['decided', 'caseworker', 'concluded', 'closed', 'schoolAnswer'] as const;
export type StatusChange = (typeof STATUS_CHANGES)[number];

export interface Task {
  /** The vault's case id and the case's own id. */
  caseId: string;
  case: string;
  kind: TaskKind;
  due: string;
  status: 'overdue' | 'due';
  /** The rule that raised the task: a stable id and a Norwegian sentence with its numbers. */
  rule: string;
  ruleText: string;
  /** What the task is about: a referral, measure or innsynskrav id (null when the item has none). */
  ref: string | null;
  /**
   * Where that item is in the case: its index in `referrals`, `recommendations` or
   * `accessRequests` (by kind; for `informParents`, by `change`). Lets the app go straight to it
   * without putting a case's own ids in an address. Absent when the task is about no one item.
   */
  item?: number;
  /** For `informParents`: which change. For `transition`: the grade the pupil leaves. */
  change?: StatusChange;
  grade?: number;
}

/** The case as the fold gives it: the document, and the history (for when the grade was recorded). */
export interface TaskInput {
  caseId: string;
  doc: CaseDoc;
  history?: readonly Pick<HistoryEntry, 'at' | 'type' | 'changes'>[];
  /** Letters issued in the case (the fold's `letters`): one with a copy to foresatte informs them. */
  letters?: readonly { date: string; recipients: readonly { role: string }[] }[];
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

/** The school year a date belongs to: the calendar year in which it started. */
export function schoolYearOf(date: string, start: string): number {
  const y = Number(date.slice(0, 4));
  return date.slice(5) >= start ? y : y - 1;
}

/**
 * The pupil's grade on `asOf`: the recorded grade moved on by the school years since it was
 * recorded (the time of the event that last set it). Null when unknown or past 13.
 */
export function gradeAsOf(input: TaskInput, asOf: string, schoolYearStart: string): number | null {
  const grade = input.doc.pupil?.grade;
  if (typeof grade !== 'number') return null;
  let recorded: string | null = null;
  for (const h of input.history ?? [])
    if (h.type === 'pupil.recorded' && h.changes.some((c) => c.field === 'grade'))
      recorded = h.at.slice(0, 10);
  const moved = recorded ? schoolYearOf(asOf, schoolYearStart) - schoolYearOf(recorded, schoolYearStart) : 0;
  const g = grade + moved;
  return g >= 1 && g <= 13 ? g : null;
}

/** The tasks of one case as of `asOf`, earliest due first. */
export function deriveTasks(input: TaskInput, asOf: string, settings: WaitingSettings): Task[] {
  const { doc } = input;
  const t = settings.tasks;
  const cal = settings.calendar;
  const seen = (d: string | null | undefined): string | null => (d != null && d <= asOf ? d : null);
  const horizon = addDays(asOf, t.horizonDays);
  const workingDeadline = (d: string, n: number) => isoDay(addWorkingDaysTo(epochDay(d), n, cal));
  const out: Task[] = [];
  const push = (task: Omit<Task, 'caseId' | 'case' | 'status'>, showFrom?: string) => {
    if (showFrom !== undefined ? asOf < showFrom : task.due > horizon) return;
    out.push({ caseId: input.caseId, case: doc.id, ...task, status: asOf > task.due ? 'overdue' : 'due' });
  };

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
    const offList = decided !== null && (r.decision === 'rejected' || r.decision === 'forwarded');
    if (offList) continue;
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
      const evals = (m.evaluations ?? [])
        .filter((e) => seen(e.date))
        .sort((a, b) => (a.date < b.date ? -1 : 1));
      const planned = m.evaluation?.date;
      if (planned && evals.at(-1)?.decision !== 'avsluttes' && answer?.answer !== 'kan ikke') {
        const earliest = addDays(planned, -t.evaluationEarlyDays);
        if (!evals.some((e) => e.date >= earliest))
          push({
            kind: 'evaluation',
            due: planned,
            rule: 'measure-evaluation',
            ruleText: `Tiltaket skal evalueres på den avtalte datoen ${nbDate(planned)} (en evaluering inntil ${t.evaluationEarlyDays} dager før teller).`,
            ref: m.id,
            item,
          });
      }
      // "Avtalt" measures were agreed with the school in a meeting: no written answer is awaited.
      if (!answer && m.label !== 'Avtalt' && sentToSchool)
        push({
          kind: 'schoolReply',
          due: workingDeadline(sentToSchool, t.schoolReplyWorkingDays),
          rule: 'school-reply',
          ruleText: `Skolen (rektor) svarer på anbefalingen innen ${t.schoolReplyWorkingDays} virkedager etter at den ble sendt: gjennomføres, med endring eller kan ikke.`,
          ref: m.id,
          item,
        });
    }

    const grade = gradeAsOf(input, asOf, t.schoolYearStart);
    if (grade !== null && t.transitionGrades.includes(grade)) {
      const year = schoolYearOf(asOf, t.schoolYearStart) + 1;
      const prepareBy = `${year}-${t.transitionPrepareBy}`;
      push(
        {
          kind: 'transition',
          due: prepareBy,
          rule: 'transition',
          ruleText: `Eleven går ut av ${grade}. trinn dette skoleåret: planlegg overgangen med den nye skolen/lærerne innen ${nbDate(prepareBy)}.`,
          ref: null,
          grade,
        },
        addDays(prepareBy, -t.transitionLeadDays),
      );
    }
  }

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
  for (const c of changes) {
    if (c.date < lookback || [...parentMeetings, ...parentLetters].some((d) => d >= c.date)) continue;
    push({
      kind: 'informParents',
      due: workingDeadline(c.date, t.informParentsWorkingDays),
      rule: 'inform-parents',
      ruleText: `Foresatte skal få vite om endringer i saken (beslutning, ny kontaktperson, konklusjon, avslutning, skolens svar) innen ${t.informParentsWorkingDays} virkedager.`,
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

  return out.sort(compareTasks);
}

export function compareTasks(a: Task, b: Task): number {
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  if (a.case !== b.case) return a.case.localeCompare(b.case, 'nb', { numeric: true });
  return TASK_KINDS.indexOf(a.kind) - TASK_KINDS.indexOf(b.kind);
}
