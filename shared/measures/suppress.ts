import { SUPPRESS_BELOW } from '../waiting/suppress';
import { BARRIER_LEVELS } from './records';
import { CANNOT_REASONS, type MeasureGroup, type MeasuresReport } from './report';

/**
 * Small-number suppression for the measures report, as for waiting times (a count of 1–4 is
 * not shown; zero is), plus complementary suppression: a hidden count must not be recoverable
 * from the totals it adds up to (docs/MEASURES-REPORT.md § Suppression).
 *
 * The figures are tied by sums ("lines"). In each group:
 *   total            = answers.done + changed + cannot + none + [measures agreed, not recommended]
 *   answers.cannot   = cannotReasons.ressurser + kompetanse + organisering + annet + unknown
 *   evaluationsDue   = evaluatedOnTime + [due and not on time]
 *   reportedByBoth   = disagreements + [school and parents agree]
 * and, with a totals row, every column: totals.x = Σ groups' x (for months only the figures that
 * add up over months: evaluations and barriers). A bracketed part is never shown.
 *
 * A line is safe when nothing in it is hidden but unshown parts of 0 or 5 and more, or when at
 * least two parts are unknown and together they hold at least five (and more than one each, and not four each when
 * each is a count of 1–4): then no hidden count can be worked out from the line. Until every line
 * is safe, the smallest shown non-zero count in an unsafe line is hidden too (a part before the
 * line's total, so totals stay visible where they can).
 */

/** Every count of a group, by path. */
export const GROUP_PATHS: string[] = [
  'total',
  'evaluationsDue',
  'evaluatedOnTime',
  'answers.done',
  'answers.changed',
  'answers.cannot',
  'answers.none',
  ...CANNOT_REASONS.map((r) => `cannotReasons.${r}`),
  'reportedByBoth',
  'disagreements',
  ...BARRIER_LEVELS.map((l) => `barriers.${l}`),
];

/** Figures that add up over months (a measure active in two months is one measure, not two). */
const MONTH_ADDITIVE = new Set([
  'evaluationsDue',
  'evaluatedOnTime',
  ...BARRIER_LEVELS.map((l) => `barriers.${l}`),
]);

function get(g: MeasureGroup, path: string): number {
  const [a, b] = path.split('.') as [string, string | undefined];
  const v =
    b === undefined
      ? (g as unknown as Record<string, number>)[a]
      : (g as unknown as Record<string, Record<string, number>>)[a]![b];
  return v ?? 0;
}

function hide(g: MeasureGroup, path: string): void {
  const [a, b] = path.split('.') as [string, string | undefined];
  if (b === undefined) (g as unknown as Record<string, null>)[a] = null;
  else (g as unknown as Record<string, Record<string, null>>)[a]![b] = null;
}

export interface Line {
  /** Cells shown (or hidden) in the table: [row, path]; the first is the line's total. */
  cells: [number, string][];
  /** Parts never shown, by value (they are hidden by nature). */
  implicit: number[];
}

export function linesOf(report: MeasuresReport): { rows: MeasureGroup[]; lines: Line[] } {
  const rows = [...report.groups, ...(report.totals ? [report.totals] : [])];
  const lines: Line[] = [];
  rows.forEach((g, r) => {
    const answers = ['done', 'changed', 'cannot', 'none'].map((k) => get(g, `answers.${k}`));
    lines.push({
      cells: [
        [r, 'total'],
        ...['done', 'changed', 'cannot', 'none'].map((k) => [r, `answers.${k}`] as [number, string]),
      ],
      implicit: [get(g, 'total') - answers.reduce((s, x) => s + x, 0)],
    });
    lines.push({
      cells: [
        [r, 'answers.cannot'],
        ...CANNOT_REASONS.map((k) => [r, `cannotReasons.${k}`] as [number, string]),
      ],
      implicit: [],
    });
    lines.push({
      cells: [
        [r, 'evaluationsDue'],
        [r, 'evaluatedOnTime'],
      ],
      implicit: [get(g, 'evaluationsDue') - get(g, 'evaluatedOnTime')],
    });
    lines.push({
      cells: [
        [r, 'reportedByBoth'],
        [r, 'disagreements'],
      ],
      implicit: [get(g, 'reportedByBoth') - get(g, 'disagreements')],
    });
  });
  if (report.totals && report.groups.length > 0) {
    const t = rows.length - 1;
    for (const path of GROUP_PATHS) {
      if (report.by === 'month' && !MONTH_ADDITIVE.has(path)) continue;
      lines.push({
        cells: [[t, path], ...report.groups.map((_, r) => [r, path] as [number, string])],
        implicit: [],
      });
    }
  }
  return { rows, lines };
}

const isSmall = (v: number) => v > 0 && v < SUPPRESS_BELOW;

/**
 * The core of complementary suppression, shared by every report that suppresses this way
 * (measures here, outcomes in shared/outcomes/suppress.ts): given each row's counts by path and
 * the lines that tie them, which cells to hide and why. A count of 1–4 is hidden (`small`);
 * then, until every line is safe, the smallest shown non-zero count in an unsafe line
 * (`complementary`).
 */
export function complementaryMarks(
  values: readonly Map<string, number>[],
  lines: readonly Line[],
): Map<string, 'small' | 'complementary'>[] {
  const why = values.map(() => new Map<string, 'small' | 'complementary'>());
  values.forEach((row, r) => {
    for (const [p, v] of row) if (isSmall(v)) why[r]!.set(p, 'small');
  });
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      const hidden = line.cells.filter(([r, p]) => why[r]!.has(p));
      // Only a hidden cell or a small unshown part needs protecting (a large one may be worked out).
      if (hidden.length === 0 && !line.implicit.some(isSmall)) continue;
      const hiddenValues = [...hidden.map(([r, p]) => values[r]!.get(p)!), ...line.implicit];
      const sum = hiddenValues.reduce((s, x) => s + x, 0);
      if (sum === 0) continue; // nothing hidden holds anyone
      const count = hidden.length + line.implicit.length;
      const allSmall = line.implicit.length === 0 && hidden.every(([r, p]) => why[r]!.get(p) === 'small');
      const safe =
        count >= 2 &&
        sum >= SUPPRESS_BELOW &&
        sum > hidden.length &&
        !(allSmall && sum === 4 * hidden.length);
      if (safe) continue;
      const shown = line.cells.filter(([r, p]) => !why[r]!.has(p) && values[r]!.get(p)! > 0);
      const parts = shown.filter((c) => c !== line.cells[0]);
      const pool = parts.length ? parts : shown;
      if (!pool.length) continue;
      const [r, p] = pool.reduce((a, b) => (values[b[0]]!.get(b[1])! < values[a[0]]!.get(a[1])! ? b : a));
      why[r]!.set(p, 'complementary');
      changed = true;
    }
  }
  return why;
}

/** The report as it may leave the vault: counts of 1–4 hidden, and whatever would give them away. */
export function suppressMeasuresReport(report: MeasuresReport): MeasuresReport {
  const out: MeasuresReport = JSON.parse(JSON.stringify(report)) as MeasuresReport;
  const { rows, lines } = linesOf(out);
  const values = rows.map((g) => new Map(GROUP_PATHS.map((p) => [p, get(g, p)])));
  const why = complementaryMarks(values, lines);
  rows.forEach((g, r) => {
    const marks = GROUP_PATHS.filter((p) => why[r]!.has(p));
    for (const p of marks) hide(g, p);
    if (marks.length) {
      g.suppressed = marks;
      const comp = marks.filter((p) => why[r]!.get(p) === 'complementary');
      if (comp.length) g.complementary = comp;
    }
  });
  out.suppression = { below: SUPPRESS_BELOW };
  return out;
}
