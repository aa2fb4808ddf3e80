import type { Resolution } from './legalRefs';

/** One measure as a letter states it (a block in the letter, a row in its responsibility table). */
export interface Person {
  role: string;
  name: string | null;
}

export interface LetterMeasure {
  /** Index in the case's `recommendations`: findings point at `recommendations[index].<field>`. */
  index: number;
  id: string;
  title: string;
  what: string;
  responsible: Person | null;
  leader: Person | null;
  start: string | null;
  frequency: string | null;
  trialPeriod: string | null;
  goal: string | null;
  evaluation: { date: string; method: string; convenedBy: string } | null;
  resources: string | null;
  label: 'Anbefaling' | 'Lovkrav' | 'Avtalt';
  legal: { text: string; id: string | null; status: Resolution['status']; currentId: string | null } | null;
  target: 'elev' | 'skolemiljø' | 'hjem';
  /** Tiltaksoversikt: what became of it. */
  status?: MeasureStatus;
}

export interface MeasureStatus {
  state: 'avsluttet' | 'kan ikke' | 'gjennomføres' | 'ikke i gang' | 'avventer svar';
  schoolAnswer: {
    answer: string;
    reason: string | null;
    alternative: string | null;
    by: string;
    date: string;
  } | null;
  reportedBySchool: { date: string; inPlace: boolean } | null;
  confirmedByParents: { date: string; inPlace: boolean } | null;
  /** School and parents disagree on whether it is in place. */
  discrepancy: boolean;
  evaluations: { date: string; outcome: string; decision: string; decidedBy: string; why: string | null }[];
  endedOn: string | null;
}
