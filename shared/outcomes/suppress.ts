import { complementaryMarks, type Line } from '../measures/suppress';
import { SUPPRESS_BELOW } from '../waiting/suppress';
import { ABSENCE_POINTS, OUTCOME_KEYS } from './records';
import type { OutcomeGroup, OutcomesReport, Summary } from './report';

/**
 * Small-number suppression for the outcomes report (docs/OUTCOMES.md § Suppression), the same
 * rule and the same complementary suppression as the measures report (shared/measures/suppress.ts
 * `complementaryMarks`): a count of 1–4 is not shown (zero is), and a hidden count must not be
 * recoverable from the sums it is part of. The lines here:
 *   closed = outcomes.helt + delvis + ikke + unknown      (in each row)
 *   totals.x = Σ groups' x                                 (each count, with a totals row)
 * The counts are `closed`, the outcomes and the n behind each median (absence at the three points
 * and the lag). A median and a mean go with their n: when n is hidden, so are they.
 */
export const COUNT_PATHS: string[] = [
  'closed',
  ...OUTCOME_KEYS.map((k) => `outcomes.${k}`),
  ...ABSENCE_POINTS.map((p) => `absence.${p}.n`),
  'lag.n',
];

/** A count of a group by path (`closed`, `outcomes.ikke`, `absence.closing.n`, `lag.n`). */
export function outcomeCount(g: OutcomeGroup, path: string): number | null {
  const parts = path.split('.');
  let v: unknown = g;
  for (const p of parts) v = (v as Record<string, unknown>)[p];
  return v as number | null;
}

/** The summary a `….n` path belongs to. */
function summaryOf(g: OutcomeGroup, path: string): Summary | null {
  if (path === 'lag.n') return g.lag;
  const m = /^absence\.(\w+)\.n$/.exec(path);
  return m ? g.absence[m[1] as keyof OutcomeGroup['absence']] : null;
}

export function outcomeLines(report: OutcomesReport): { rows: OutcomeGroup[]; lines: Line[] } {
  const rows = [...report.groups, ...(report.totals ? [report.totals] : [])];
  const lines: Line[] = rows.map((_, r) => ({
    cells: [[r, 'closed'], ...OUTCOME_KEYS.map((k) => [r, `outcomes.${k}`] as [number, string])],
    implicit: [],
  }));
  if (report.totals && report.groups.length > 0) {
    const t = rows.length - 1;
    for (const path of COUNT_PATHS)
      lines.push({
        cells: [[t, path], ...report.groups.map((_, r) => [r, path] as [number, string])],
        implicit: [],
      });
  }
  return { rows, lines };
}

/** The report as it may leave the vault: counts of 1–4 hidden, and whatever would give them away. */
export function suppressOutcomesReport(report: OutcomesReport): OutcomesReport {
  const out = JSON.parse(JSON.stringify(report)) as OutcomesReport;
  const { rows, lines } = outcomeLines(out);
  const values = rows.map((g) => new Map(COUNT_PATHS.map((p) => [p, outcomeCount(g, p) ?? 0])));
  const why = complementaryMarks(values, lines);
  rows.forEach((g, r) => {
    const marks = COUNT_PATHS.filter((p) => why[r]!.has(p));
    for (const p of marks) {
      const s = summaryOf(g, p);
      if (s) {
        s.n = null;
        s.median = null;
        s.mean = null;
      } else if (p === 'closed') g.closed = null;
      else g.outcomes[p.slice('outcomes.'.length) as keyof OutcomeGroup['outcomes']] = null;
    }
    if (marks.length) {
      g.suppressed = marks;
      const comp = marks.filter((p) => why[r]!.get(p) === 'complementary');
      if (comp.length) g.complementary = comp;
    }
  });
  out.suppression = { below: SUPPRESS_BELOW };
  return out;
}
