/**
 * The pupil's stage and the next transition (issue 15 item 3). Grade 0 is barnehage (the year
 * before school); 1–4 småtrinnet, 5–7 mellomtrinnet, 8–10 ungdomsskolen, 11–13 videregående.
 * A transition happens at the school-year start after the last grade of a stage.
 */
export const STAGES = ['barnehage', '1-4', '5-7', '8-10', 'vgs'] as const;
export type Stage = (typeof STAGES)[number];

const LAST_GRADE: Record<Stage, number> = { barnehage: 0, '1-4': 4, '5-7': 7, '8-10': 10, vgs: 13 };

export const STAGE_LABEL_NB: Record<Stage, string> = {
  barnehage: 'barnehage',
  '1-4': '1.–4. trinn',
  '5-7': '5.–7. trinn',
  '8-10': '8.–10. trinn',
  vgs: 'videregående skole',
};

export function stageOf(grade: number | null | undefined): Stage | null {
  if (typeof grade !== 'number' || !Number.isInteger(grade) || grade < 0 || grade > 13) return null;
  return grade === 0 ? 'barnehage' : grade <= 4 ? '1-4' : grade <= 7 ? '5-7' : grade <= 10 ? '8-10' : 'vgs';
}

export interface NextTransition {
  from: Stage;
  /** Null after grade 13: the pupil leaves school. */
  to: Stage | null;
  /** The last grade of the stage the pupil leaves. */
  lastGrade: number;
  /** The first school day of the new stage (the school-year start, setting `schoolYearStart`). */
  date: string;
}

/** The school year a date belongs to: the calendar year in which it started. */
function schoolYearOf(date: string, start: string): number {
  const y = Number(date.slice(0, 4));
  return date.slice(5) >= start ? y : y - 1;
}

/**
 * The next transition for a pupil in `grade` on `asOf` (give the grade as of that day:
 * shared/cases/obligations.ts `gradeAsOf`): from this stage to the next, on the school-year start
 * after the stage's last grade. `schoolYearStart` is MM-DD (default setting 08-01).
 */
export function nextTransition(
  grade: number | null | undefined,
  asOf: string,
  schoolYearStart: string,
): NextTransition | null {
  const from = stageOf(grade);
  if (from === null || typeof grade !== 'number') return null;
  const lastGrade = LAST_GRADE[from];
  const year = schoolYearOf(asOf, schoolYearStart) + (lastGrade - grade) + 1;
  const to = from === 'vgs' ? null : STAGES[STAGES.indexOf(from) + 1]!;
  return { from, to, lastGrade, date: `${year}-${schoolYearStart}` };
}
