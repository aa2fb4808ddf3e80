import { z } from 'zod';
import { externalId, isoDate, optionalText, roleAndName, text } from './common';

export const AGREEMENT_STATUSES = ['åpen', 'utført', 'ikke utført', 'avlyst'] as const;

export const agreement = z.strictObject({
  id: externalId.nullish(),
  what: text(2000),
  owner: text(200),
  deadline: isoDate.nullish(),
  status: z.enum(AGREEMENT_STATUSES),
  /** "Lovet eleven": a promise made to the pupil. Broken ones weigh the most. */
  promisedToPupil: z.boolean().nullish(),
});
export type Agreement = z.infer<typeof agreement>;

/** One role at a meeting the service called: who it is, and whether they came. */
export const meetingAttendance = z.strictObject({
  role: text(200),
  name: optionalText(200),
  present: z.boolean(),
});
export type MeetingAttendance = z.infer<typeof meetingAttendance>;

export const meeting = z.strictObject({
  id: externalId.nullish(),
  date: isoDate,
  participants: z.array(roleAndName).max(100),
  decisions: z.array(text(2000)).max(200).nullish(),
  agreements: z.array(agreement).max(200).nullish(),
  dissent: z
    .array(z.strictObject({ by: text(200), text: text(2000) }))
    .max(50)
    .nullish(),
  note: optionalText(10_000),
  /** An evaluation meeting: the measures were evaluated in it. */
  evaluation: z.boolean().nullish(),
  /** The forventningsavklaring was gone through again in the meeting. */
  expectationsRevisited: z.boolean().nullish(),
  /** What was said about it (changes, what was agreed anew). */
  expectationsNote: optionalText(5000),
  /**
   * Issue 15 item 4: the innkalling (its letter id) that called this meeting. A meeting the service
   * called owes the minutes to every party (the `minutes` task, shared/cases/obligations.ts).
   */
  invitation: z
    .string()
    .regex(/^[a-z2-7]{26}$/u)
    .nullish(),
  /** Attendance against the invitation: each role called (or who came besides), and whether they came. */
  attendance: z.array(meetingAttendance).max(50).nullish(),
  /** The day the minutes (referat) were sent to every party: this closes the `minutes` task. */
  minutesSent: isoDate.nullish(),
});
export type Meeting = z.infer<typeof meeting>;
