import type { Path } from '../../../shared/errors';

/**
 * Where a clarity finding is fixed. A finding's path is either in the letter's options (fixed in
 * the editor: focus that field), a text field of a measure (fixed in place: "Skriv om" saves the
 * new text in the case), or elsewhere in the case (fixed in that tab of the case folder).
 */
export type Target =
  | { kind: 'option'; fieldId: string }
  | { kind: 'measureText'; index: number; field: string; nested?: 'evaluation' }
  | { kind: 'tab'; tab: string }
  /** A case text in a nynorsk letter: write it in nynorsk, or keep it with a reason (the case's `nynorsk`). */
  | { kind: 'nynorsk'; key: string }
  | { kind: 'none' };

/** Text fields of a measure that can be rewritten in the editor (shared/domain/recommendation.ts). */
export const MEASURE_TEXT_FIELDS = ['what', 'frequency', 'trialPeriod', 'goal', 'resources'] as const;

/** The id of the editor's input for an options path (`options.assessment.goals` → `opt-assessment-goals`). */
export function optionFieldId(path: readonly (string | number)[]): string {
  return `opt-${path.map(String).join('-')}`;
}

const TAB_OF: Record<string, string> = {
  recommendations: 'measures',
  responsibilities: 'measures',
  pupilVoice: 'voices',
  parentsView: 'voices',
  expectations: 'voices',
  proposals: 'voices',
  hearings: 'voices',
  voices: 'voices',
  pupil: 'pupil',
  guardians: 'pupil',
  assignments: 'assignments',
  meetings: 'meetings',
  consents: 'consents',
  referrals: 'referrals',
  signer: 'settings',
  schoolFactors: 'school',
  schoolUnderstanding: 'school',
  parentsUnderstanding: 'school',
  settings: 'settings',
};

export function targetOf(path: Path): Target {
  const [head, index, field, sub] = path;
  if (head === 'options') {
    // The editor has one input per option; list items (waitingAdvice[i].what) have their own.
    return { kind: 'option', fieldId: optionFieldId(path.slice(1)) };
  }
  if (head === 'recommendations' && typeof index === 'number') {
    if ((MEASURE_TEXT_FIELDS as readonly unknown[]).includes(field))
      return { kind: 'measureText', index, field: field as string };
    if (field === 'evaluation' && sub === 'method')
      return { kind: 'measureText', index, field: 'method', nested: 'evaluation' };
  }
  // The sakkyndig vurdering's conclusion is edited in the editor and saved in the case.
  if (head === 'assessmentConclusion' && typeof index === 'string')
    return { kind: 'option', fieldId: `concl-${index}` };
  if (head === 'nynorsk' && typeof index === 'string') return { kind: 'nynorsk', key: index };
  if (head === 'text') return { kind: 'none' };
  const tab = typeof head === 'string' ? TAB_OF[head] : undefined;
  return tab ? { kind: 'tab', tab } : { kind: 'none' };
}

/** The options fields that explain a missing section, next to the finding that asks for them. */
export const REASON_FOR: Partial<Record<string, string>> = {
  PUPIL_VOICE_MISSING: optionFieldId(['reasons', 'pupilVoice']),
  PARENTS_VIEW_MISSING: optionFieldId(['reasons', 'parentsView']),
  SCHOOL_ENVIRONMENT_MISSING: optionFieldId(['reasons', 'schoolEnvironment']),
};
