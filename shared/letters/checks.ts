import { closingChecks } from './closing';
import { transitionChecks } from './transition';
import { invitationChecks } from './invitation';
import { formatPath, type Path } from '../errors';
import { KIND_RULES } from './kinds';
import { norm, type LetterMeasure, type LetterModel } from './model';
import { missingConclusionFields } from '../domain/assessment';
import type { LetterOptions, RecipientRole } from './options';
import type { LetterSettings } from './settings';
import { findVagueness } from './vagueness';
import { findBlameFraming } from './blame';

/**
 * The clarity checks (DESIGN §5, "the point of the product"). Each is a pure function of the
 * letter model (and, where it needs them, the options and settings) that returns findings:
 * a code, the path of the field to fix (in the case's own shape, `recommendations[2].goal`, or
 * in the letter's options, `options.assessment.goals`), a severity and a message key. An error
 * stops a letter from being issued; a warning is shown and recorded but does not.
 * Findings carry no personal data: a flagged phrase is the settings' list entry, not the text.
 */
export type Severity = 'error' | 'warning';

export const FINDING_CODES = [
  'MEASURE_FIELD_MISSING',
  'MEASURE_RESPONSIBLE_UNNAMED',
  'MEASURE_LEADER_MISSING',
  'ALL_ON_KONTAKTLAERER',
  'SCHOOL_ENVIRONMENT_MISSING',
  'LEGAL_REF_MISSING',
  'LEGAL_REF_UNKNOWN',
  'LEGAL_REF_SUPERSEDED',
  'RESPONSIBILITY_ROW_INCOMPLETE',
  'PUPIL_VOICE_MISSING',
  'PARENTS_VIEW_MISSING',
  'COORDINATOR_MISSING',
  'SERVICE_CONTACT_MISSING',
  'CONSENT_MISSING',
  'GUARDIANS_MISSING',
  'RECIPIENT_UNNAMED',
  'VAGUE_PHRASE',
  'BLAME_FRAMING',
  'SCHOOL_FACTORS_MISSING',
  'REPLY_BY_PAST',
  'SIGNER_NAME_MISSING',
  'ASSESSMENT_TOPIC_MISSING',
  'ASSESSMENT_CONCLUSION_MISSING',
  'ASSESSMENT_DATE_PAST',
  'MUNICIPALITY_MISSING',
  'CASE_TEXT_BOKMAL',
  'EXPECTED_CONTACT_MISSING',
  'EXPECTED_CONTACT_PAST',
  'INTERIM_REASON_MISSING',
  'WAITING_ADVICE_MISSING',
  'AGREEMENT_DEADLINE_MISSING',
  'MEETING_WITHOUT_LEADER',
  'LIX_HIGH',
  'PROPOSAL_UNANSWERED',
  'HEARING_OPEN',
  // Avslutningsbrev (shared/letters/closing.ts).
  'CLOSING_RESPONSIBILITY_MISSING',
  'CLOSING_RECEIVER_MISSING',
  // Overgangsbrev (shared/letters/transition.ts).
  'TRANSITION_RECEIVER_MISSING',
  'TRANSITION_START_MISSING',
  'TRANSITION_MEASURES_MISSING',
  'TRANSITION_SAFE_ADULTS_MISSING',
  'TRANSITION_VISITS_MISSING',
  'TRANSITION_PARENTS_MISSING',
  'TRANSITION_CONTACT_MISSING',
  'TRANSITION_TEXT_BOKMAL',
  // Innkalling (shared/letters/invitation.ts).
  'INVITATION_DATE_MISSING',
  'INVITATION_DATE_PAST',
  'INVITATION_TIME_MISSING',
  'INVITATION_PLACE_MISSING',
  'INVITATION_ROLES_MISSING',
  'INVITATION_LEADER_MISSING',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export interface Finding {
  code: FindingCode;
  path: Path;
  severity: Severity;
  /** Message key; the Norwegian texts are in findingTexts.ts. */
  message: `letters.finding.${FindingCode}`;
  /** The flagged phrase as listed in the settings (VAGUE_PHRASE) or in BLAME_PATTERNS (BLAME_FRAMING). */
  phrase?: string;
  /** A partnership rewrite to suggest, in the letter's language (BLAME_FRAMING). */
  suggestion?: string;
  /** The recipient concerned (CONSENT_MISSING, RECIPIENT_UNNAMED). */
  recipient?: RecipientRole;
  /** The recipient's name when the role is `tjeneste` (another service): «BUP», «Statped». */
  recipientName?: string;
  /** The missing field or topic (MEASURE_FIELD_MISSING, ASSESSMENT_TOPIC_MISSING). */
  field?: string;
}

function finding(
  code: FindingCode,
  path: Path,
  severity: Severity = 'error',
  extra: Pick<Finding, 'phrase' | 'recipient' | 'recipientName' | 'field' | 'suggestion'> = {},
): Finding {
  return { code, path, severity, message: `letters.finding.${code}`, ...extra };
}

export interface CheckContext {
  options: LetterOptions;
  settings: LetterSettings;
}

const rec = (m: LetterMeasure, field: string): Path => ['recommendations', m.index, field];

/** Every required field of every recommendation block (DESIGN §2): none may be empty. */
export function checkMeasureFields(model: LetterModel): Finding[] {
  const out: Finding[] = [];
  for (const m of model.measures) {
    const required: [string, unknown][] = [
      ['responsible', m.responsible],
      ['start', m.start],
      ['frequency', m.frequency],
      ['trialPeriod', m.trialPeriod],
      ['goal', m.goal],
      ['evaluation', m.evaluation],
      ['resources', m.resources],
    ];
    for (const [field, value] of required)
      if (value === null || value === undefined)
        out.push(finding('MEASURE_FIELD_MISSING', rec(m, field), 'error', { field }));
    if (m.responsible && m.responsible.name === null)
      out.push(finding('MEASURE_RESPONSIBLE_UNNAMED', rec(m, 'responsible')));
  }
  return out;
}

/** A list of measures still says who does it and from when. */
export function checkMeasureListFields(model: LetterModel): Finding[] {
  const out: Finding[] = [];
  for (const m of model.measures) {
    if (!m.responsible)
      out.push(finding('MEASURE_FIELD_MISSING', rec(m, 'responsible'), 'error', { field: 'responsible' }));
    if (!m.start) out.push(finding('MEASURE_FIELD_MISSING', rec(m, 'start'), 'error', { field: 'start' }));
  }
  return out;
}

/** Every measure has a named leader (ledelsesansvarlig), not only a performer. */
export function checkLeaders(model: LetterModel): Finding[] {
  return model.measures
    .filter((m) => !m.leader || m.leader.name === null)
    .map((m) => finding('MEASURE_LEADER_MISSING', rec(m, 'leader')));
}

const KONTAKTLAERER = new Set(['kontaktlærer', 'kontaktlærar']);

/** Warns when every measure falls on the kontaktlærer: the plan lacks anchoring in leadership. */
export function checkKontaktlaererLoad(model: LetterModel): Finding[] {
  const ms = model.measures;
  if (ms.length === 0 || !ms.every((m) => KONTAKTLAERER.has(norm(m.responsible?.role)))) return [];
  return [finding('ALL_ON_KONTAKTLAERER', ['recommendations'], 'warning')];
}

/** At least one measure aimed at the school environment, or a written reason why none is. */
export function checkSchoolEnvironment(model: LetterModel, ctx: CheckContext): Finding[] {
  if (model.measures.some((m) => m.target === 'skolemiljø')) return [];
  if ((ctx.options.reasons?.schoolEnvironment ?? '').trim() !== '') return [];
  return [finding('SCHOOL_ENVIRONMENT_MISSING', ['recommendations'])];
}

/** Lovkrav carries a legal reference the versioned table knows, in force on the letter date. */
export function checkLegalRefs(model: LetterModel): Finding[] {
  const out: Finding[] = [];
  for (const m of model.measures) {
    if (m.label === 'Lovkrav' && !m.legal) out.push(finding('LEGAL_REF_MISSING', rec(m, 'legalRef')));
    if (m.legal?.status === 'unknown') out.push(finding('LEGAL_REF_UNKNOWN', rec(m, 'legalRef')));
    if (m.legal?.status === 'superseded')
      out.push(finding('LEGAL_REF_SUPERSEDED', rec(m, 'legalRef'), 'warning'));
  }
  return out;
}

/** The Ansvarsfordeling table: each role's row says from when and when it is evaluated. */
export function checkResponsibilities(model: LetterModel): Finding[] {
  const out: Finding[] = [];
  model.responsibilities.forEach((row, i) => {
    if (row.from === null)
      out.push(finding('RESPONSIBILITY_ROW_INCOMPLETE', ['responsibilities', i, 'from']));
    if (row.evaluated === null)
      out.push(finding('RESPONSIBILITY_ROW_INCOMPLETE', ['responsibilities', i, 'evaluated']));
  });
  return out;
}

/** Elevens stemme and Foresattes syn: present, or the letter says why not. */
export function checkVoices(model: LetterModel): Finding[] {
  const out: Finding[] = [];
  if (
    model.pupilVoice &&
    !model.pupilVoice.text &&
    !model.pupilVoice.absentReason &&
    !model.pupilVoice.entries?.length
  )
    out.push(finding('PUPIL_VOICE_MISSING', ['pupilVoice']));
  if (model.parentsView && !model.parentsView.text && !model.parentsView.absentReason)
    out.push(finding('PARENTS_VIEW_MISSING', ['parentsView']));
  return out;
}

/** Every letter names the school coordinator and the service contact. */
export function checkContacts(model: LetterModel): Finding[] {
  const out: Finding[] = [];
  if (!model.coordinator || model.coordinator.name === null)
    out.push(finding('COORDINATOR_MISSING', ['pupil', 'coordinator']));
  if (!model.serviceContact) out.push(finding('SERVICE_CONTACT_MISSING', ['assignments']));
  return out;
}

/** Consent for every recipient, or a recorded legal basis; the copy to foresatte names them. */
export function checkRecipients(model: LetterModel): Finding[] {
  const out: Finding[] = [];
  let other = 0;
  for (const r of [model.addressee, ...model.copies]) {
    // Another service (options.otherRecipients, in order): its own legal-basis field; one rule
    // decides the basis for every recipient (shared/consent/sharing.ts).
    if (r.recipient === 'tjeneste') {
      const i = other++;
      if (r.basis === null)
        out.push(
          finding('CONSENT_MISSING', ['options', 'otherRecipients', i, 'legalBasis'], 'error', {
            recipient: 'tjeneste',
            recipientName: r.names[0] ?? '',
          }),
        );
      continue;
    }
    // The receiving school of an overgangsbrev: its legal basis is `options.transition.legalBasis`;
    // an unnamed school is TRANSITION_RECEIVER_MISSING (shared/letters/transition.ts).
    if (r.recipient === 'mottakerskole') {
      if (r.basis === null && r.names.length)
        out.push(
          finding('CONSENT_MISSING', ['options', 'transition', 'legalBasis'], 'error', {
            recipient: 'mottakerskole',
            recipientName: r.names[0] ?? '',
          }),
        );
      continue;
    }
    if (r.basis === null)
      out.push(
        finding('CONSENT_MISSING', ['options', 'legalBasis', r.recipient], 'error', {
          recipient: r.recipient,
        }),
      );
    if (r.names.length === 0) {
      if (r.recipient === 'foresatte') out.push(finding('GUARDIANS_MISSING', ['guardians']));
      // The municipality's name comes from the settings: MUNICIPALITY_MISSING (checkAssessment).
      else if (r.recipient === 'kommune') continue;
      else
        out.push(
          finding('RECIPIENT_UNNAMED', ['options', 'recipients', r.recipient], 'warning', {
            recipient: r.recipient,
          }),
        );
    }
  }
  return out;
}

/** The service's own text in the letter, with the path of each piece (quotes from the family are not checked). */
export function authoredTexts(model: LetterModel): { path: Path; text: string }[] {
  const out: { path: Path; text: string }[] = [];
  const push = (path: Path, text: string | null | undefined) => {
    if (text && text.trim() !== '') out.push({ path, text });
  };
  for (const m of model.measures) {
    push(rec(m, 'what'), m.what);
    push(rec(m, 'frequency'), m.frequency);
    push(rec(m, 'trialPeriod'), m.trialPeriod);
    push(rec(m, 'goal'), m.goal);
    push(['recommendations', m.index, 'evaluation', 'method'], m.evaluation?.method);
    push(rec(m, 'resources'), m.resources);
  }
  if (model.expectations)
    for (const [k, v] of Object.entries(model.expectations)) push(['expectations', k], v as string | null);
  if (model.meeting) {
    const mi = model.meeting.index;
    model.meeting.decisions.forEach((d, j) => push(['meetings', mi, 'decisions', j], d));
    model.meeting.agreements.forEach((a) => push(['meetings', mi, 'agreements', a.index, 'what'], a.what));
    push(['meetings', mi, 'note'], model.meeting.note);
  }
  if (model.assessment)
    for (const k of [
      'sources',
      'benefit',
      'difficulties',
      'goals',
      'ordinaryTeaching',
      'soundOffer',
      'hours',
    ] as const)
      push(['options', 'assessment', k], model.assessment[k]);
  model.waiting?.advice.forEach((a, i) => push(['options', 'waitingAdvice', i, 'what'], a.what));
  for (const item of model.overdue ?? [])
    if (item.kind === 'agreement') push(item.path.slice(0, -1).concat('what'), item.what);
  const prev = model.change?.previous;
  if (model.change && prev) {
    push(['assignments', prev.index, 'handoverNote', 'openPromises'], model.change.openPromises);
    push(['assignments', prev.index, 'handoverNote', 'nextDeadlines'], model.change.nextDeadlines);
  }
  const tr = model.transition;
  if (tr)
    for (const k of ['whatWorks', 'safeAdults', 'visits', 'parentsExpected', 'whomToCall'] as const)
      push(['options', 'transition', k], tr[k]);
  return out;
}

/** Each hedge from the vagueness list is rewritten or kept with a recorded reason. */
export function checkVagueness(model: LetterModel, ctx: CheckContext): Finding[] {
  const keeps = (ctx.options.keep ?? []).map((k) => ({
    phrase: norm(k.phrase),
    path: k.path?.trim() ?? null,
  }));
  const out: Finding[] = [];
  for (const { path, text } of authoredTexts(model)) {
    const where = formatPath(path);
    for (const hit of findVagueness(text, ctx.settings.vagueness)) {
      const kept = keeps.some((k) => k.phrase === norm(hit.phrase) && (k.path === null || k.path === where));
      if (!kept) out.push(finding('VAGUE_PHRASE', path, 'error', { phrase: hit.phrase }));
    }
  }
  return out;
}

/**
 * The texts the blame-framing check reads: the service's own (authoredTexts) and «Skolens
 * forståelse» as the service recorded it. The parents' own words are quoted, not checked.
 */
export function blameCheckedTexts(model: LetterModel): { path: Path; text: string }[] {
  const out = authoredTexts(model);
  const school = model.understandings?.school;
  if (school && school.trim() !== '') out.push({ path: ['schoolUnderstanding'], text: school });
  return out;
}

/**
 * BLAME_FRAMING: a phrase that puts the absence on the home or the pupil (shared/letters/blame.ts)
 * is rewritten in partnership terms (the finding suggests how), or kept with a recorded reason
 * (`keep`, as for VAGUE_PHRASE).
 */
export function checkBlameFraming(model: LetterModel, ctx: CheckContext): Finding[] {
  const keeps = (ctx.options.keep ?? []).map((k) => ({
    phrase: norm(k.phrase),
    path: k.path?.trim() ?? null,
  }));
  const out: Finding[] = [];
  for (const { path, text } of blameCheckedTexts(model)) {
    const where = formatPath(path);
    for (const hit of findBlameFraming(text)) {
      const kept = keeps.some((k) => k.phrase === norm(hit.phrase) && (k.path === null || k.path === where));
      if (!kept)
        out.push(
          finding('BLAME_FRAMING', path, 'error', {
            phrase: hit.phrase,
            suggestion: hit.rewrite[model.lang],
          }),
        );
    }
  }
  return out;
}

/**
 * SCHOOL_FACTORS_MISSING: an anbefaling or a sakkyndig vurdering is signed only when the
 * school-factor checklist is complete (shared/school/factors.ts). One finding, at `schoolFactors`,
 * naming the first factor still missing.
 */
export function checkSchoolFactors(model: LetterModel): Finding[] {
  const missing = model.schoolFactorsMissing;
  if (!missing || missing.length === 0) return [];
  return [
    finding('SCHOOL_FACTORS_MISSING', ['schoolFactors', missing[0]!], 'error', { field: missing.join(',') }),
  ];
}

/** A reply date that has already passed cannot be met. */
export function checkReplyBy(model: LetterModel): Finding[] {
  return model.replyBy !== null && model.replyBy < model.date
    ? [finding('REPLY_BY_PAST', ['options', 'replyBy'])]
    : [];
}

/** An issued letter says who signed it. */
export function checkSigner(model: LetterModel): Finding[] {
  return model.signer && !model.signer.name ? [finding('SIGNER_NAME_MISSING', ['signer', 'name'])] : [];
}

export const ASSESSMENT_TOPICS = [
  'sources',
  'benefit',
  'difficulties',
  'goals',
  'ordinaryTeaching',
  'soundOffer',
] as const;

/**
 * Sakkyndig vurdering: the statutory topics (options), the conclusion (the case: yes/no, extent,
 * content, organisation, competence, how long, when to reassess, how the views were weighed), its
 * dates not already past, and the municipality it is sent to.
 */
export function checkAssessment(model: LetterModel): Finding[] {
  const a = model.assessment;
  if (!a) return [];
  const out = ASSESSMENT_TOPICS.filter((t) => (a[t] ?? '').trim() === '').map((t) =>
    finding('ASSESSMENT_TOPIC_MISSING', ['options', 'assessment', t], 'error', { field: t }),
  );
  const c = a.conclusion ?? null;
  for (const field of missingConclusionFields(c))
    out.push(finding('ASSESSMENT_CONCLUSION_MISSING', ['assessmentConclusion', field], 'error', { field }));
  for (const field of ['validUntil', 'reassessBy'] as const) {
    const d = c?.[field];
    if (d && d < model.date)
      out.push(finding('ASSESSMENT_DATE_PAST', ['assessmentConclusion', field], 'error', { field }));
  }
  if (model.addressee.recipient === 'kommune' && model.addressee.names.length === 0)
    out.push(finding('MUNICIPALITY_MISSING', ['settings', 'letterhead', 'municipality'], 'warning'));
  return out;
}

/**
 * A nynorsk letter whose case text reads as bokmål: write the nynorsk text, or keep the text with a
 * reason (both in the case's `nynorsk`). `field` is the key there; the path says where the text is.
 */
export function checkNynorsk(model: LetterModel): Finding[] {
  return (model.bokmalTexts ?? []).map((b) =>
    finding('CASE_TEXT_BOKMAL', ['nynorsk', b.key], 'error', { field: b.key }),
  );
}

/** Mottaksbrev: when the first contact is expected, and advice for the wait with who does what. */
export function checkWaiting(model: LetterModel): Finding[] {
  const w = model.waiting;
  if (!w) return [];
  const out: Finding[] = [];
  if (!w.expectedFirstContact)
    out.push(finding('EXPECTED_CONTACT_MISSING', ['options', 'expectedFirstContact']));
  // A date already past would be promised as coming: the letter is false on its own date.
  else if (w.expectedFirstContact < model.date)
    out.push(finding('EXPECTED_CONTACT_PAST', ['options', 'expectedFirstContact']));
  if (w.advice.length === 0) out.push(finding('WAITING_ADVICE_MISSING', ['options', 'waitingAdvice']));
  // fvl. § 11 a: a foreløpig svar says why the answer takes time (and when it can be expected).
  if (w.interimReply && !w.interimReason)
    out.push(finding('INTERIM_REASON_MISSING', ['options', 'interimReason'], 'warning'));
  return out;
}

/** Møtereferat: every agreement has a deadline; a meeting without leadership is flagged. */
export function checkMeeting(model: LetterModel): Finding[] {
  const m = model.meeting;
  if (!m) return [];
  const out = m.agreements
    .filter((a) => a.deadline === null)
    .map((a) =>
      finding('AGREEMENT_DEADLINE_MISSING', ['meetings', m.index, 'agreements', a.index, 'deadline']),
    );
  if (!m.leaderPresent)
    out.push(finding('MEETING_WITHOUT_LEADER', ['meetings', m.index, 'participants'], 'warning'));
  return out;
}

/**
 * The family's part (issue 14): a parents' proposal not yet answered is a warning (the letter says
 * when the answer comes); a høringsutkast whose day for comments has not passed and that has no
 * comment yet stops the letter (it must print their comment, or that none came by the day).
 */
export function checkFamily(model: LetterModel): Finding[] {
  const out: Finding[] = [];
  for (const p of model.proposals ?? [])
    if (p.response === null)
      out.push(finding('PROPOSAL_UNANSWERED', ['proposals', p.index, 'response'], 'warning'));
  const h = model.hearing;
  if (h && h.comment === null && h.commentBy >= model.date)
    out.push(finding('HEARING_OPEN', ['hearings', h.index, 'comment']));
  return out;
}

/** Readability: LIX above the setting is a warning. */
export function checkLix(lixValue: number, settings: LetterSettings): Finding[] {
  return lixValue > settings.lixWarnAbove ? [finding('LIX_HIGH', ['text'], 'warning')] : [];
}

/** All checks that apply to the letter's kind, in a stable order (errors and warnings mixed). */
export function checkLetter(model: LetterModel, ctx: CheckContext, lixValue: number): Finding[] {
  const rules = KIND_RULES[model.kind];
  return [
    ...(rules.measureBlocks ? checkMeasureFields(model) : []),
    ...(rules.measureList ? checkMeasureListFields(model) : []),
    ...(rules.measureBlocks || rules.measureList ? checkLeaders(model) : []),
    ...(rules.measureBlocks ? checkKontaktlaererLoad(model) : []),
    ...(rules.measureBlocks ? checkSchoolEnvironment(model, ctx) : []),
    ...(rules.measureBlocks || rules.measureList ? checkLegalRefs(model) : []),
    ...(rules.responsibilities ? checkResponsibilities(model) : []),
    ...(rules.voices ? checkVoices(model) : []),
    ...checkContacts(model),
    ...checkRecipients(model),
    ...checkVagueness(model, ctx),
    ...checkBlameFraming(model, ctx),
    ...checkSchoolFactors(model),
    ...checkReplyBy(model),
    ...checkSigner(model),
    ...checkAssessment(model),
    ...checkNynorsk(model),
    ...checkWaiting(model),
    ...checkMeeting(model),
    ...checkFamily(model),
    ...closingChecks(model.closing).map((c) => finding(c.code, c.path)),
    ...transitionChecks(model.transition, model.lang).map((c) => finding(c.code, c.path)),
    ...invitationChecks(model.invitation, model.date).map((c) => finding(c.code, c.path, c.severity)),
    ...checkLix(lixValue, ctx.settings),
  ];
}

export const hasErrors = (findings: readonly Finding[]) => findings.some((f) => f.severity === 'error');
