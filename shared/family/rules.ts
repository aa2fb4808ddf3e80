import type { CaseDoc } from '../domain/caseDoc';
import type { Issue } from '../errors';

/**
 * Rules for what the family brings to a case (issue 14): the parents' proposals, the pupil's voice,
 * høringsutkast, evaluation meetings and bekymringsmeldinger. Each rule is one function with its
 * own codes. Like shared/measures/rules.ts they apply to what is recorded from now on: the app, the
 * API and an import that changes a case call them through electron/services/cases/update.ts
 * `newIssues`, so older data still opens; `cases.get` lists what they find in it as findings.
 */

const filled = (s: string | null | undefined) => typeof s === 'string' && s.trim() !== '';

/**
 * PROPOSAL_RESPONSE_REQUIRED: an answer (who answered, when, why) without the response itself.
 * PROPOSAL_REASON_REQUIRED: «delvis» or «ikke tatt inn» must say why.
 * PROPOSAL_ANSWERED_BY_REQUIRED, PROPOSAL_ANSWERED_REQUIRED: a response says who answered and when.
 * PROPOSAL_ANSWER_BEFORE_PROPOSAL: answered before it was proposed.
 */
export function proposalIssues(doc: CaseDoc): Issue[] {
  const issues: Issue[] = [];
  (doc.proposals ?? []).forEach((p, i) => {
    const at = (f: string) => ['proposals', i, f];
    if (p.response == null) {
      if (filled(p.answeredBy) || p.answered != null || filled(p.reason))
        issues.push({ path: at('response'), code: 'PROPOSAL_RESPONSE_REQUIRED' });
      return;
    }
    if (p.response !== 'tatt inn' && !filled(p.reason))
      issues.push({ path: at('reason'), code: 'PROPOSAL_REASON_REQUIRED' });
    if (!filled(p.answeredBy)) issues.push({ path: at('answeredBy'), code: 'PROPOSAL_ANSWERED_BY_REQUIRED' });
    if (p.answered == null) issues.push({ path: at('answered'), code: 'PROPOSAL_ANSWERED_REQUIRED' });
    else if (p.answered < p.date)
      issues.push({ path: at('answered'), code: 'PROPOSAL_ANSWER_BEFORE_PROPOSAL' });
  });
  return issues;
}

/** VOICE_CONTENT_REQUIRED: an entry of the pupil's voice says at least one thing the pupil said, wished, or finds helps or hurts. */
export function pupilVoiceIssues(doc: CaseDoc): Issue[] {
  const issues: Issue[] = [];
  (doc.voices ?? []).forEach((v, i) => {
    if (![v.said, v.wishes, v.helps, v.hurts].some(filled))
      issues.push({ path: ['voices', i, 'said'], code: 'VOICE_CONTENT_REQUIRED' });
  });
  return issues;
}

/**
 * PUPIL_VIEW_OR_REASON_REQUIRED: each evaluation of a measure records the pupil's own view, or
 * why it is missing (`pupilViewMissing`).
 */
export function evaluationPupilViewIssues(doc: CaseDoc): Issue[] {
  const issues: Issue[] = [];
  (doc.recommendations ?? []).forEach((m, i) =>
    (m.evaluations ?? []).forEach((e, j) => {
      if (!filled(e.pupilView) && !filled(e.pupilViewMissing))
        issues.push({
          path: ['recommendations', i, 'evaluations', j, 'pupilViewMissing'],
          code: 'PUPIL_VIEW_OR_REASON_REQUIRED',
        });
    }),
  );
  return issues;
}

/**
 * HEARING_COMMENT_BY_BEFORE_SHARED: the comment date lies before the draft was shared.
 * HEARING_COMMENT_DATE_REQUIRED: a comment says when it came.
 */
export function hearingIssues(doc: CaseDoc): Issue[] {
  const issues: Issue[] = [];
  (doc.hearings ?? []).forEach((h, i) => {
    if (h.commentBy < h.shared)
      issues.push({ path: ['hearings', i, 'commentBy'], code: 'HEARING_COMMENT_BY_BEFORE_SHARED' });
    if (filled(h.comment) && h.commentReceived == null)
      issues.push({ path: ['hearings', i, 'commentReceived'], code: 'HEARING_COMMENT_DATE_REQUIRED' });
    if (h.commentReceived != null && h.commentReceived < h.shared)
      issues.push({ path: ['hearings', i, 'commentReceived'], code: 'HEARING_COMMENT_BEFORE_SHARED' });
  });
  return issues;
}

/**
 * EXPECTATIONS_REVISIT_REQUIRED: an evaluation meeting (`evaluation: true`) in a case with a
 * forventningsavklaring records whether the expectations were gone through again.
 */
export function expectationsRevisitIssues(doc: CaseDoc): Issue[] {
  const e = doc.expectations;
  if (!e || !Object.values(e).some((v) => typeof v === 'string' && filled(v))) return [];
  const issues: Issue[] = [];
  (doc.meetings ?? []).forEach((m, i) => {
    if (m.evaluation === true && m.expectationsRevisited == null)
      issues.push({ path: ['meetings', i, 'expectationsRevisited'], code: 'EXPECTATIONS_REVISIT_REQUIRED' });
  });
  return issues;
}

/**
 * A bekymringsmelding is recorded only with its documentation. Bro never stands between a
 * caseworker and a report the law requires (opplysningsplikten, barnevernsloven § 13-2): the report
 * is sent whatever Bro says; what it refuses is a record without:
 * CONCERN_SENT_BY_REQUIRED (who sent it), CONCERN_SENT_TO_REQUIRED (which barnevernstjeneste),
 * CONCERN_PARENTS_TOLD_DATE_REQUIRED (told: when), CONCERN_PARENTS_NOT_TOLD_REASON_REQUIRED
 * (not told: why not), CONCERN_SCHOOL_FACTORS_NOTE_REQUIRED (school factors not assessed first: why).
 */
export function concernReportIssues(doc: CaseDoc): Issue[] {
  const issues: Issue[] = [];
  (doc.concernReports ?? []).forEach((c, i) => {
    const at = (f: string) => ['concernReports', i, f];
    if (!filled(c.sentBy)) issues.push({ path: at('sentBy'), code: 'CONCERN_SENT_BY_REQUIRED' });
    if (!filled(c.sentTo)) issues.push({ path: at('sentTo'), code: 'CONCERN_SENT_TO_REQUIRED' });
    if (c.parentsTold && c.parentsToldDate == null)
      issues.push({ path: at('parentsToldDate'), code: 'CONCERN_PARENTS_TOLD_DATE_REQUIRED' });
    if (!c.parentsTold && !filled(c.parentsNotToldReason))
      issues.push({ path: at('parentsNotToldReason'), code: 'CONCERN_PARENTS_NOT_TOLD_REASON_REQUIRED' });
    if (!c.schoolFactorsChecked && !filled(c.schoolFactorsNote))
      issues.push({ path: at('schoolFactorsNote'), code: 'CONCERN_SCHOOL_FACTORS_NOTE_REQUIRED' });
  });
  return issues;
}

/** Every rule above: what `newIssues` checks on a change and `cases.get` lists as findings. */
export function familyRuleIssues(doc: CaseDoc): Issue[] {
  return [
    ...proposalIssues(doc),
    ...pupilVoiceIssues(doc),
    ...evaluationPupilViewIssues(doc),
    ...hearingIssues(doc),
    ...expectationsRevisitIssues(doc),
    ...concernReportIssues(doc),
  ];
}
