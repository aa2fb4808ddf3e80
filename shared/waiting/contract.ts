import { z } from 'zod';
import { isoDate, service } from '../domain/common';
import { GROUP_BY } from './report';
import { STATUS_CHANGES, TASK_KINDS } from './tasks';

/**
 * Zod shapes of the waiting-time operations' inputs and outputs, used by shared/contract.
 * The TypeScript interfaces in report.ts and tasks.ts are what the code builds; the handler
 * table's types make sure the two agree.
 */

export const unit = z.enum(['calendar', 'working']);
export const groupBy = z.enum(GROUP_BY);

const num = z.number().nullable();

export const stats = z.object({
  n: num,
  mean: num,
  median: num,
  p90: num,
  max: num,
  withinTarget: num,
  suppressed: z.literal(true).optional(),
});

const spanStats = z.object({ completed: stats, waiting: stats });

export const reportGroup = z.object({
  key: z.string(),
  from: z.string().optional(),
  to: z.string().optional(),
  ventetid: spanStats,
  saksbehandlingstid: spanStats,
  signalToReferral: stats,
  fristbrudd: num,
  caseworkerChanges: z.object({
    referrals: num,
    changes: num,
    perReferral: num,
    daysWithoutCaseworker: num,
    daysWithoutCaseworkerPerReferral: num,
  }),
  suppressed: z.array(z.string()).optional(),
});

export const openReferral = z.object({
  caseId: z.string(),
  case: z.string(),
  referral: z.string(),
  service,
  received: z.string(),
  days: z.number(),
  frist: z.string().nullable(),
  targetDate: z.string().nullable(),
  pastTarget: z.boolean().nullable(),
});

export const waitingReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  measuredTo: z.string(),
  unit,
  by: groupBy.nullable(),
  service: service.nullable(),
  groups: z.array(reportGroup),
  openReferrals: z.array(openReferral),
  suppression: z.object({ below: z.number() }).optional(),
  /** Innsyn requests: received, answered (within one month), still open (past the deadline). */
  accessRequests: z
    .object({
      received: z.number().nullable(),
      answered: z.number().nullable(),
      answeredWithinMonth: z.number().nullable(),
      open: z.number().nullable(),
      openOverdue: z.number().nullable(),
    })
    .optional(),
});

export const task = z.object({
  caseId: z.string(),
  case: z.string(),
  kind: z.enum(TASK_KINDS),
  due: z.string(),
  status: z.enum(['overdue', 'due']),
  rule: z.string(),
  ruleText: z.string(),
  ref: z.string().nullable(),
  /** The item's index in its list in the case (tasks.ts `Task.item`): added later, so optional. */
  item: z.number().int().min(0).optional(),
  /** For an agreement: its index in the meeting's agreements (`item` is the meeting's). */
  agreement: z.number().int().min(0).optional(),
  change: z.enum(STATUS_CHANGES).optional(),
  grade: z.number().optional(),
  /** A short label from the case: a measure's or an agreement's text. */
  label: z.string().optional(),
  promisedToPupil: z.boolean().optional(),
  /** The case's caseworker on the as-of date, by name as shown; null: «uten saksbehandler». */
  owner: z.string().nullable(),
  /** Their id in the caseworker register, when the case links it. */
  ownerId: z.string().nullable(),
  /** The owner is the member who asked. */
  mine: z.boolean(),
});

/** A rendered file: base64 bytes; the adapter that asked decides where they go. */
export const reportFile = z.object({
  format: z.enum(['json', 'csv', 'xlsx', 'pdf']),
  mediaType: z.string(),
  base64: z.string(),
});

export const skippedCases = z.array(z.object({ caseId: z.string(), code: z.literal('TAMPERED') }));

export const period = { from: isoDate, to: isoDate };

const spanMeasure = z.object({
  status: z.enum(['completed', 'waiting', 'removed', 'notReceived']),
  calendarDays: num,
  workingDays: num,
  targetDate: z.string().nullable(),
  withinTarget: z.boolean().nullable(),
});

/** One referral's measures (shared/waiting/measures.ts `ReferralMeasures`), with its id. */
export const referralMeasures = z.object({
  referral: z.string(),
  asOf: z.string(),
  service,
  received: z.string(),
  ventetid: spanMeasure,
  saksbehandlingstid: spanMeasure,
  decision: spanMeasure,
  signalToReferral: z.object({ calendarDays: z.number(), workingDays: z.number() }).nullable(),
  caseworkerChanges: z.number(),
  withoutCaseworker: z.object({ calendarDays: z.number(), workingDays: z.number() }),
  fristbrudd: z.boolean().nullable(),
});
