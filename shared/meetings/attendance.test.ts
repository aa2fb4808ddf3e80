import { describe, expect, it } from 'vitest';
import { caseObligations } from '../cases/obligations';
import type { CaseDoc } from '../domain/caseDoc';
import { meeting } from '../domain/meeting';
import { DEFAULT_SETTINGS } from '../waiting/settings';
import { attendanceSummary, calledByService, meetingRuleIssues } from './attendance';

/** Issue 15 item 4: attendance recorded against the innkalling, and the minutes task. */
const LETTER = 'a'.repeat(26);
const base: CaseDoc = {
  id: 'c-1',
  service: 'PPT',
  pupil: { name: 'Test Elev', birthDate: '2014-03-01', grade: 5 },
  referrals: [{ id: 'r-1', referredBy: 'skole', reason: 'Fravær', received: '2026-09-01' }],
} as CaseDoc;
type M = NonNullable<CaseDoc['meetings']>[number];
const called = (over: Partial<M> = {}): M => ({
  date: '2026-11-02',
  participants: [{ role: 'rektor', name: 'Rita Rektor' }],
  invitation: LETTER,
  attendance: [
    { role: 'rektor', name: 'Rita Rektor', present: true },
    { role: 'kontaktlærer', name: null, present: false },
  ],
  ...over,
});
const withMeetings = (...meetings: M[]): CaseDoc => ({ ...base, meetings });

describe('the meeting rules (shared/meetings/attendance.ts)', () => {
  it('accepts attendance against an issued innkalling', () => {
    expect(meetingRuleIssues(withMeetings(called()), [{ letterId: LETTER, kind: 'innkalling' }])).toEqual([]);
  });

  it('ATTENDANCE_INVITATION_UNKNOWN: the innkalling was never issued (or is another kind)', () => {
    expect(meetingRuleIssues(withMeetings(called()), [])).toEqual([
      { path: ['meetings', 0, 'invitation'], code: 'ATTENDANCE_INVITATION_UNKNOWN' },
    ]);
    expect(
      meetingRuleIssues(withMeetings(called()), [{ letterId: LETTER, kind: 'motereferat' }]),
    ).toHaveLength(1);
    // An import file carries no letters: the invitation is not judged there.
    expect(meetingRuleIssues(withMeetings(called()))).toEqual([]);
  });

  it('ATTENDANCE_ROLE_TWICE: the same role and name twice (case and spacing ignored)', () => {
    const twice = called({
      attendance: [
        { role: 'rektor', name: 'Rita Rektor', present: true },
        { role: ' Rektor', name: 'rita rektor ', present: false },
        { role: 'rektor', name: 'Annen Person', present: true },
      ],
    });
    expect(meetingRuleIssues(withMeetings(twice))).toEqual([
      { path: ['meetings', 0, 'attendance', 1, 'role'], code: 'ATTENDANCE_ROLE_TWICE' },
    ]);
  });

  it('MINUTES_BEFORE_MEETING: minutes cannot be sent before the meeting', () => {
    expect(meetingRuleIssues(withMeetings(called({ minutesSent: '2026-11-01' })))).toEqual([
      { path: ['meetings', 0, 'minutesSent'], code: 'MINUTES_BEFORE_MEETING' },
    ]);
    expect(meetingRuleIssues(withMeetings(called({ minutesSent: '2026-11-02' })))).toEqual([]);
  });

  it('summarises who came and whether the school leadership came', () => {
    const s = attendanceSummary(called().attendance!);
    expect(s.present.map((a) => a.role)).toEqual(['rektor']);
    expect(s.absent.map((a) => a.role)).toEqual(['kontaktlærer']);
    expect(s.leaderPresent).toBe(true);
    expect(attendanceSummary([{ role: 'kontaktlærer', name: null, present: true }]).leaderPresent).toBe(
      false,
    );
  });

  it('the schema takes the new fields and refuses a bad letter id; old meetings parse as before', () => {
    expect(meeting.safeParse(called()).success).toBe(true);
    expect(meeting.safeParse(called({ invitation: 'not-a-letter-id' })).success).toBe(false);
    expect(meeting.safeParse({ date: '2026-11-02', participants: [] }).success).toBe(true);
    expect(calledByService({ date: '2026-11-02', participants: [] })).toBe(false);
  });
});

describe('the minutes task (obligations: kind «minutes», rule meeting-minutes)', () => {
  const minutes = (doc: CaseDoc, asOf: string, days = 5) =>
    caseObligations({ caseId: 'v', doc }, asOf, {
      ...DEFAULT_SETTINGS,
      tasks: { ...DEFAULT_SETTINGS.tasks, minutesWorkingDays: days },
    }).obligations.filter((o) => o.kind === 'minutes');

  it('is due N working days after a meeting the service called (Monday + 5 = next Monday)', () => {
    const o = minutes(withMeetings(called()), '2026-11-03');
    expect(o.map((x) => [x.due, x.item, x.rule])).toEqual([['2026-11-09', 0, 'meeting-minutes']]);
    expect(o[0]!.ruleText).toMatch(/innen 5 virkedager/);
    expect(minutes(withMeetings(called()), '2026-11-03', 2).map((x) => x.due)).toEqual(['2026-11-04']);
  });

  it('is done when the minutes are recorded as sent; none for a meeting not yet held or not called', () => {
    expect(minutes(withMeetings(called({ minutesSent: '2026-11-05' })), '2026-11-06')).toEqual([]);
    // Sent on a day the as-of date has not reached: still owed on that date.
    expect(minutes(withMeetings(called({ minutesSent: '2026-11-05' })), '2026-11-04')).toHaveLength(1);
    expect(minutes(withMeetings(called()), '2026-11-01')).toEqual([]);
    expect(minutes(withMeetings({ date: '2026-11-02', participants: [] }), '2026-11-03')).toEqual([]);
    // Attendance recorded without a letter id still counts as a meeting the service called.
    expect(minutes(withMeetings(called({ invitation: null })), '2026-11-03')).toHaveLength(1);
  });
});
