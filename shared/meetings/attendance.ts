/**
 * Meetings called by the service (issue 15 item 4): attendance is recorded against the innkalling,
 * and the minutes go to every party within the setting's working days (the `minutes` task in
 * shared/cases/obligations.ts). This is the one rule for what is recorded on such a meeting; the
 * app (the attendance form), the API (`cases.update`, `cases.get` findings) and the CLI call it.
 *
 * Codes:
 *  - ATTENDANCE_INVITATION_UNKNOWN: the meeting names an innkalling that was never issued in the
 *    case (only checked where the case's letters are known: not in an import file, which has none).
 *  - ATTENDANCE_ROLE_TWICE: the same role and name are listed twice.
 *  - MINUTES_BEFORE_MEETING: the minutes are recorded as sent before the meeting took place.
 */
import type { CaseDoc } from '../domain/caseDoc';
import type { MeetingAttendance } from '../domain/meeting';
import type { Issue } from '../errors';
import { isLeaderRole } from '../measures/rules';

export const MEETING_RULE_CODES = [
  'ATTENDANCE_INVITATION_UNKNOWN',
  'ATTENDANCE_ROLE_TWICE',
  'MINUTES_BEFORE_MEETING',
] as const;
export type MeetingRuleCode = (typeof MEETING_RULE_CODES)[number];

/** Letters as the fold keeps them: enough to know which innkallinger were issued. */
export interface IssuedKind {
  letterId: string;
  kind: string;
}

const key = (a: MeetingAttendance) => `${a.role.trim().toLowerCase()}|${(a.name ?? '').trim().toLowerCase()}`;

/** Every issue of the meeting rules in the case; `letters` undefined: the invitation is not checked. */
export function meetingRuleIssues(doc: CaseDoc, letters?: readonly IssuedKind[]): Issue[] {
  const invitations = letters
    ? new Set(letters.filter((l) => l.kind === 'innkalling').map((l) => l.letterId))
    : null;
  const out: Issue[] = [];
  (doc.meetings ?? []).forEach((m, i) => {
    if (m.invitation && invitations && !invitations.has(m.invitation))
      out.push({ path: ['meetings', i, 'invitation'], code: 'ATTENDANCE_INVITATION_UNKNOWN' });
    const seen = new Set<string>();
    (m.attendance ?? []).forEach((a, j) => {
      const k = key(a);
      if (seen.has(k))
        out.push({ path: ['meetings', i, 'attendance', j, 'role'], code: 'ATTENDANCE_ROLE_TWICE' });
      seen.add(k);
    });
    if (m.minutesSent && m.minutesSent < m.date)
      out.push({ path: ['meetings', i, 'minutesSent'], code: 'MINUTES_BEFORE_MEETING' });
  });
  return out;
}

/** Whether a meeting was called by the service: it has an innkalling or recorded attendance. */
export function calledByService(m: NonNullable<CaseDoc['meetings']>[number]): boolean {
  return m.invitation != null || (m.attendance ?? []).length > 0;
}

/** The attendance summary the app and the CLI print: who came, who did not, and whether leadership came. */
export function attendanceSummary(attendance: readonly MeetingAttendance[]): {
  present: MeetingAttendance[];
  absent: MeetingAttendance[];
  leaderPresent: boolean;
} {
  const present = attendance.filter((a) => a.present);
  return {
    present,
    absent: attendance.filter((a) => !a.present),
    leaderPresent: present.some((a) => isLeaderRole(a.role)),
  };
}
