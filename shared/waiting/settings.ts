import { z } from 'zod';
import { addMonthsToDay, epochDay, isoDay } from '../calendar/days';
import { addWorkingDaysTo, type CalendarSettings } from '../calendar/workdays';
import { SERVICES, type Service } from '../domain/common';
import type { Settings } from '../settings/schema';

type AppTargets = Settings['targets'];

/**
 * Targets and task rules are settings. The defaults are DESIGN §4's:
 * - PPT: concluded (sakkyndig vurdering / anbefaling sent) within 3 months of received;
 * - every service: a foreløpig svar is owed when not concluded one month after received
 *   (forvaltningsloven § 11 a);
 * - BUP: decided within 10 working days (pasient- og brukerrettighetsloven § 2-2), first contact
 *   by the frist set at the decision (fristbrudd otherwise);
 * - Skoleteam: first contact within 10 working days.
 *
 * Months are calendar months with end-of-month clamping (see `addMonths`).
 */

export const targetSpan = z.strictObject({
  unit: z.enum(['calendarDays', 'workingDays', 'months']),
  n: z.number().int().min(1).max(3660),
});
export type TargetSpan = z.infer<typeof targetSpan>;

export const serviceTargets = z.strictObject({
  /** Received → decided (BUP's rights assessment). */
  decided: targetSpan.nullable(),
  /** Received → first contact; `'frist'` = by the frist set at the decision (BUP). */
  firstContact: z.union([targetSpan, z.literal('frist')]).nullable(),
  /** Received → concluded (saksbehandlingstid). */
  concluded: targetSpan.nullable(),
  /** Received → the point where a foreløpig svar is owed if the case is not concluded. */
  provisionalReply: targetSpan.nullable(),
});
export type ServiceTargets = z.infer<typeof serviceTargets>;

export const taskSettings = z.strictObject({
  /** Tasks due within this many days after the as-of date are listed (overdue ones always). */
  horizonDays: z.number().int().min(0).max(366),
  /** The school answers a recommendation within this many working days after it was sent. */
  schoolReplyWorkingDays: z.number().int().min(1).max(200),
  /** Parents are told of a status change within this many working days. */
  informParentsWorkingDays: z.number().int().min(1).max(200),
  /** Status changes older than this (calendar days before the as-of date) no longer raise a task. */
  informParentsLookbackDays: z.number().int().min(1).max(3660),
  /** An evaluation held up to this many days before the planned date counts as the planned one. */
  evaluationEarlyDays: z.number().int().min(0).max(366),
  /** A parents' proposal (foresattes innspill) is answered within this many working days. */
  proposalAnswerWorkingDays: z.number().int().min(1).max(200),
  /** Innsyn (access request) answered within this many months (GDPR art. 12(3)). */
  accessRequestMonths: z.number().int().min(1).max(12),
  /** A closed case's working copy is deleted this many years after closing (a task then). */
  retentionYears: z.number().int().min(1).max(50),
  /** While a referral waits for first contact, the school is asked for new absence figures every N weeks. */
  absenceUpdateWeeks: z.number().int().min(1).max(52).default(4),
  /** A meeting the service called: the minutes go to every party within N working days (issue 15 item 4). */
  minutesWorkingDays: z.number().int().min(1).max(30).default(5),
  /** Grades after which the pupil changes school level (0 → skolestart, 4 → mellomtrinn, 7 → ungdomsskole, 10 → vgs). */
  transitionGrades: z.array(z.number().int().min(0).max(13)).max(14),
  /** `MM-DD`: the transition should be prepared by this day of the last school year in the grade. */
  transitionPrepareBy: z.string().regex(/^\d{2}-\d{2}$/),
  /** How many days before `transitionPrepareBy` the transition task appears. */
  transitionLeadDays: z.number().int().min(0).max(366),
  /** A recorded transition ahead asks for an overgangsbrev this many months before it (issue 15 item 3). */
  transitionReminderMonths: z.number().int().min(0).max(24).default(5),
  /** `MM-DD`: grades move up on this day (the summer break; school years run from it). */
  schoolYearStart: z.string().regex(/^\d{2}-\d{2}$/),
});
export type TaskSettings = z.infer<typeof taskSettings>;

export const waitingSettings = z.strictObject({
  calendar: z.strictObject({ saturday: z.boolean() }),
  targets: z.strictObject(
    Object.fromEntries(SERVICES.map((s) => [s, serviceTargets])) as Record<Service, typeof serviceTargets>,
  ),
  tasks: taskSettings,
});
export type WaitingSettings = z.infer<typeof waitingSettings>;

const months = (n: number): TargetSpan => ({ unit: 'months', n });
const workingDays = (n: number): TargetSpan => ({ unit: 'workingDays', n });
const onlyProvisional: ServiceTargets = {
  decided: null,
  firstContact: null,
  concluded: null,
  provisionalReply: months(1),
};

export const DEFAULT_SETTINGS: WaitingSettings = {
  calendar: { saturday: false },
  targets: {
    PPT: { ...onlyProvisional, concluded: months(3) },
    BUP: { ...onlyProvisional, decided: workingDays(10), firstContact: 'frist' },
    Skoleteam: { ...onlyProvisional, firstContact: workingDays(10) },
    Bft: onlyProvisional,
    Statped: onlyProvisional,
    Habu: onlyProvisional,
    Annet: onlyProvisional,
  },
  tasks: {
    horizonDays: 14,
    schoolReplyWorkingDays: 10,
    informParentsWorkingDays: 5,
    informParentsLookbackDays: 60,
    evaluationEarlyDays: 14,
    proposalAnswerWorkingDays: 10,
    accessRequestMonths: 1,
    retentionYears: 3,
    absenceUpdateWeeks: 4,
    minutesWorkingDays: 5,
    transitionGrades: [0, 4, 7, 10],
    transitionPrepareBy: '06-01',
    transitionLeadDays: 90,
    transitionReminderMonths: 5,
    schoolYearStart: '08-01',
  },
};

/**
 * Settings as an operation accepts them: any part may be left out and falls back to the default
 * (a service's targets are replaced as a whole per field, e.g. `{ targets: { PPT: { concluded:
 * { unit: 'months', n: 2 } } } }`).
 */
export const settingsInput = z
  .strictObject({
    calendar: waitingSettings.shape.calendar.partial(),
    targets: z.strictObject(
      Object.fromEntries(SERVICES.map((s) => [s, serviceTargets.partial().optional()])) as Record<
        Service,
        z.ZodOptional<ReturnType<typeof serviceTargets.partial>>
      >,
    ),
    tasks: taskSettings.partial(),
  })
  .partial();
export type SettingsInput = z.infer<typeof settingsInput>;

export function resolveSettings(
  input: SettingsInput = {},
  base: WaitingSettings = DEFAULT_SETTINGS,
): WaitingSettings {
  const targets = { ...base.targets };
  for (const s of SERVICES) targets[s] = { ...targets[s], ...(input.targets?.[s] ?? {}) };
  return {
    calendar: { ...base.calendar, ...input.calendar },
    targets,
    tasks: { ...base.tasks, ...input.tasks },
  };
}

/**
 * The waiting settings from the app's settings screen (shared/settings/schema.ts), which keeps
 * the DESIGN §4 targets as plain numbers: PPT months to conclusion, months to a foreløpig svar,
 * BUP working days to the decision, Skoleteam working days to first contact, and Saturday.
 */
export function fromAppTargets(t: AppTargets): WaitingSettings {
  const targets = { ...DEFAULT_SETTINGS.targets };
  for (const s of SERVICES) targets[s] = { ...targets[s], provisionalReply: months(t.interimReplyMonths) };
  targets.PPT = { ...targets.PPT, concluded: months(t.pptConcludedMonths) };
  targets.BUP = { ...targets.BUP, decided: workingDays(t.bupDecidedWorkingDays) };
  targets.Skoleteam = { ...targets.Skoleteam, firstContact: workingDays(t.skoleteamFirstContactWorkingDays) };
  return {
    ...DEFAULT_SETTINGS,
    calendar: { saturday: t.saturdayIsWorkingDay },
    targets,
    tasks: {
      ...DEFAULT_SETTINGS.tasks,
      retentionYears: t.retentionYears,
      absenceUpdateWeeks: t.absenceUpdateWeeks,
      minutesWorkingDays: t.minutesWorkingDays,
      transitionReminderMonths: t.transitionReminderMonths,
      proposalAnswerWorkingDays: t.proposalAnswerWorkingDays,
    },
  };
}

/** The day a span after `day` ends: `n` calendar days, the n-th working day, or n months (clamped). */
export function spanEndDay(day: number, span: TargetSpan, calendar: CalendarSettings): number {
  if (span.unit === 'months') return addMonthsToDay(day, span.n);
  if (span.unit === 'workingDays') return addWorkingDaysTo(day, span.n, calendar);
  return day + span.n;
}

/** `spanEndDay` on dates `YYYY-MM-DD`. */
export function spanEnd(date: string, span: TargetSpan, calendar: CalendarSettings): string {
  return isoDay(spanEndDay(epochDay(date), span, calendar));
}

/** `3 måneder`, `10 virkedager`, `30 dager`: for rule texts. */
export function spanText(span: TargetSpan): string {
  const one = span.n === 1;
  if (span.unit === 'months') return `${span.n} ${one ? 'måned' : 'måneder'}`;
  if (span.unit === 'workingDays') return `${span.n} ${one ? 'virkedag' : 'virkedager'}`;
  return `${span.n} ${one ? 'dag' : 'dager'}`;
}
