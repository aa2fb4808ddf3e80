import type { LetterMeasure } from './measure';

/**
 * One row of the closing Ansvarsfordeling table (DESIGN §5): one row per role, saying what that
 * role does, from when, and when it is evaluated. Derived from the measures, never typed in, so
 * the table cannot disagree with the blocks above it.
 */
export interface ResponsibilityRow {
  role: string;
  names: string[];
  /** What the role does, one line per measure ("Fleksibel oppstart: gjennomfører"). */
  tasks: { measureIndex: number; title: string; as: 'utfører' | 'leder' | 'innkaller' }[];
  /** The earliest start among the role's measures (null when one of them has no start date). */
  from: string | null;
  /** The earliest evaluation date among the role's measures (null when one has none). */
  evaluated: string | null;
}

const key = (role: string) => role.trim().toLowerCase();

export function responsibilities(measures: readonly LetterMeasure[]): ResponsibilityRow[] {
  const rows = new Map<string, ResponsibilityRow & { starts: (string | null)[]; evals: (string | null)[] }>();
  const add = (
    role: string | undefined | null,
    name: string | null | undefined,
    m: LetterMeasure,
    as: ResponsibilityRow['tasks'][number]['as'],
  ) => {
    if (!role || role.trim() === '') return;
    const k = key(role);
    let row = rows.get(k);
    if (!row) {
      row = { role: role.trim(), names: [], tasks: [], from: null, evaluated: null, starts: [], evals: [] };
      rows.set(k, row);
    }
    if (name && !row.names.includes(name)) row.names.push(name);
    if (!row.tasks.some((t) => t.measureIndex === m.index && t.as === as))
      row.tasks.push({ measureIndex: m.index, title: m.title, as });
    row.starts.push(m.start);
    row.evals.push(m.evaluation?.date ?? null);
  };
  for (const m of measures) {
    add(m.responsible?.role, m.responsible?.name, m, 'utfører');
    add(m.leader?.role, m.leader?.name, m, 'leder');
    if (m.evaluation) add(m.evaluation.convenedBy, null, m, 'innkaller');
  }
  const earliest = (xs: (string | null)[]) =>
    xs.some((x) => x === null) ? null : ([...(xs as string[])].sort()[0] ?? null);
  return [...rows.values()].map(({ starts, evals, ...row }) => ({
    ...row,
    from: earliest(starts),
    evaluated: earliest(evals),
  }));
}
