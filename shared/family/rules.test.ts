import { describe, expect, it } from 'vitest';
import { caseObligations } from '../cases/obligations';
import type { CaseDoc } from '../domain/caseDoc';
import { caseDoc } from '../domain/caseDoc';
import { DEFAULT_SETTINGS } from '../waiting/settings';
import {
  concernReportIssues,
  evaluationPupilViewIssues,
  expectationsRevisitIssues,
  familyRuleIssues,
  hearingIssues,
  proposalIssues,
  pupilVoiceIssues,
} from './rules';

const doc = (d: Partial<CaseDoc>): CaseDoc => ({
  id: 'c-1',
  service: 'PPT',
  pupil: { name: 'E', school: 'S', grade: 3 },
  ...d,
});
const codes = (issues: { path: (string | number)[]; code: string }[]) =>
  issues.map((i) => `${i.path.join('.')}:${i.code}`);

describe('parents’ proposals (foresattes innspill)', () => {
  const p = { date: '2026-03-02', what: 'Fast voksen i garderoben om morgenen' };
  it('accepts an unanswered proposal, and a complete answer', () => {
    expect(proposalIssues(doc({ proposals: [p] }))).toEqual([]);
    expect(
      proposalIssues(
        doc({ proposals: [{ ...p, response: 'tatt inn', answeredBy: 'PPT', answered: '2026-03-05' }] }),
      ),
    ).toEqual([]);
  });
  it('asks «delvis» and «ikke tatt inn» for a reason, and every answer for who and when', () => {
    expect(codes(proposalIssues(doc({ proposals: [{ ...p, response: 'ikke tatt inn' }] })))).toEqual([
      'proposals.0.reason:PROPOSAL_REASON_REQUIRED',
      'proposals.0.answeredBy:PROPOSAL_ANSWERED_BY_REQUIRED',
      'proposals.0.answered:PROPOSAL_ANSWERED_REQUIRED',
    ]);
  });
  it('refuses an answer without a response, and one dated before the proposal', () => {
    expect(codes(proposalIssues(doc({ proposals: [{ ...p, answeredBy: 'PPT' }] })))).toEqual([
      'proposals.0.response:PROPOSAL_RESPONSE_REQUIRED',
    ]);
    expect(
      codes(
        proposalIssues(
          doc({
            proposals: [{ ...p, response: 'delvis', reason: 'r', answeredBy: 'PPT', answered: '2026-03-01' }],
          }),
        ),
      ),
    ).toEqual(['proposals.0.answered:PROPOSAL_ANSWER_BEFORE_PROPOSAL']);
  });
  it('makes an unanswered proposal a task due the service’s limit in working days after it', () => {
    const d = doc({ proposals: [p] });
    const tasks = caseObligations({ caseId: 'x', doc: d }, '2026-03-20', DEFAULT_SETTINGS).obligations;
    // 2026-03-02 is a Monday: ten working days later is Monday 2026-03-16.
    expect(tasks.filter((o) => o.kind === 'proposalAnswer').map((o) => [o.due, o.item])).toEqual([
      ['2026-03-16', 0],
    ]);
    const five = { ...DEFAULT_SETTINGS, tasks: { ...DEFAULT_SETTINGS.tasks, proposalAnswerWorkingDays: 5 } };
    expect(
      caseObligations({ caseId: 'x', doc: d }, '2026-03-20', five).obligations.find(
        (o) => o.kind === 'proposalAnswer',
      )?.due,
    ).toBe('2026-03-09');
    const answered = doc({
      proposals: [{ ...p, response: 'tatt inn', answeredBy: 'PPT', answered: '2026-03-05' }],
    });
    expect(
      caseObligations({ caseId: 'x', doc: answered }, '2026-03-20', DEFAULT_SETTINGS).obligations.some(
        (o) => o.kind === 'proposalAnswer',
      ),
    ).toBe(false);
    // Not yet answered on the as-of date: still a task.
    expect(
      caseObligations({ caseId: 'x', doc: answered }, '2026-03-04', DEFAULT_SETTINGS).obligations.some(
        (o) => o.kind === 'proposalAnswer',
      ),
    ).toBe(true);
  });
});

describe('the pupil’s voice as dated entries', () => {
  it('needs at least one thing the pupil said, wished, or finds helps or hurts', () => {
    const v = { date: '2026-03-02', how: 'samtale', gatheredBy: 'PPT' };
    expect(codes(pupilVoiceIssues(doc({ voices: [v] })))).toEqual(['voices.0.said:VOICE_CONTENT_REQUIRED']);
    expect(pupilVoiceIssues(doc({ voices: [{ ...v, helps: 'Når noen venter på meg' }] }))).toEqual([]);
  });
  it('keeps the case’s one text from before readable next to the entries', () => {
    const r = caseDoc.safeParse(
      doc({
        pupilVoice: 'Gammel tekst',
        voices: [{ date: '2026-03-02', how: 'samtale', gatheredBy: 'PPT', said: 'Ny' }],
      }),
    );
    expect(r.success).toBe(true);
  });
  it('asks each evaluation for the pupil’s view or why it is missing', () => {
    const e = { date: '2026-03-02', outcome: 'bedring', decision: 'avsluttes', decidedBy: 'rektor' } as const;
    const m = { id: 't', what: 'x', label: 'Anbefaling', target: 'elev' } as const;
    expect(codes(evaluationPupilViewIssues(doc({ recommendations: [{ ...m, evaluations: [e] }] })))).toEqual([
      'recommendations.0.evaluations.0.pupilViewMissing:PUPIL_VIEW_OR_REASON_REQUIRED',
    ]);
    expect(
      evaluationPupilViewIssues(
        doc({ recommendations: [{ ...m, evaluations: [{ ...e, pupilViewMissing: 'Eleven ville ikke' }] }] }),
      ),
    ).toEqual([]);
  });
});

describe('høringsutkast', () => {
  const h = { kind: 'anbefaling', shared: '2026-03-02', commentBy: '2026-03-16' } as const;
  it('needs a comment date after sharing, and a date for a comment', () => {
    expect(hearingIssues(doc({ hearings: [h] }))).toEqual([]);
    expect(
      codes(hearingIssues(doc({ hearings: [{ ...h, commentBy: '2026-03-01', comment: 'Ok' }] }))),
    ).toEqual([
      'hearings.0.commentBy:HEARING_COMMENT_BY_BEFORE_SHARED',
      'hearings.0.commentReceived:HEARING_COMMENT_DATE_REQUIRED',
    ]);
    expect(
      codes(hearingIssues(doc({ hearings: [{ ...h, comment: 'Ok', commentReceived: '2026-03-01' }] }))),
    ).toEqual(['hearings.0.commentReceived:HEARING_COMMENT_BEFORE_SHARED']);
  });
});

describe('forventningsavklaring revisited', () => {
  it('asks an evaluation meeting whether the expectations were gone through, when there are any', () => {
    const meeting = { date: '2026-03-02', participants: [{ role: 'rektor' }], evaluation: true };
    expect(expectationsRevisitIssues(doc({ meetings: [meeting] }))).toEqual([]);
    const withExp = { expectations: { contactFrequency: 'hver 14. dag' } };
    expect(codes(expectationsRevisitIssues(doc({ ...withExp, meetings: [meeting] })))).toEqual([
      'meetings.0.expectationsRevisited:EXPECTATIONS_REVISIT_REQUIRED',
    ]);
    expect(
      expectationsRevisitIssues(doc({ ...withExp, meetings: [{ ...meeting, expectationsRevisited: true }] })),
    ).toEqual([]);
  });
});

describe('bekymringsmelding', () => {
  const c = {
    date: '2026-03-02',
    legalBasis: 'barnevernsloven § 13-2',
    parentsTold: true,
    parentsInvitedToSendTogether: true,
    schoolFactorsChecked: true,
  };
  it('cannot be recorded without who, to whom, and when the parents were told (or why not)', () => {
    expect(codes(concernReportIssues(doc({ concernReports: [c] })))).toEqual([
      'concernReports.0.sentBy:CONCERN_SENT_BY_REQUIRED',
      'concernReports.0.sentTo:CONCERN_SENT_TO_REQUIRED',
      'concernReports.0.parentsToldDate:CONCERN_PARENTS_TOLD_DATE_REQUIRED',
    ]);
    const full = {
      ...c,
      sentBy: 'PPT-rådgiver',
      sentTo: 'Barnevernstjenesten i Hov',
      parentsToldDate: '2026-03-02',
    };
    expect(concernReportIssues(doc({ concernReports: [full] }))).toEqual([]);
    expect(
      codes(
        concernReportIssues(
          doc({ concernReports: [{ ...full, parentsTold: false, schoolFactorsChecked: false }] }),
        ),
      ),
    ).toEqual([
      'concernReports.0.parentsNotToldReason:CONCERN_PARENTS_NOT_TOLD_REASON_REQUIRED',
      'concernReports.0.schoolFactorsNote:CONCERN_SCHOOL_FACTORS_NOTE_REQUIRED',
    ]);
  });
  it('reads an old report (before these fields) and lists what it lacks, without refusing the case', () => {
    const old = doc({ concernReports: [c] });
    expect(caseDoc.safeParse(old).success).toBe(true);
    expect(familyRuleIssues(old).length).toBeGreaterThan(0);
  });
});
