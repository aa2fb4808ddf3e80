import { z } from 'zod';
import { ABSENCE_POINTS, OUTCOME_KEYS } from './records';
import { OUTCOME_GROUP_BY } from './report';

/** The outcomes report's JSON shape (`reports.outcomes`, `bro report outcomes --json`). */
const count = z.number().int().nullable();
const figure = z.number().nullable();
const summary = z.object({ n: count, median: figure, mean: figure });

export const outcomesGroupBy = z.enum(OUTCOME_GROUP_BY);

export const outcomeGroup = z.object({
  key: z.string(),
  closed: count,
  outcomes: z.object(
    Object.fromEntries(OUTCOME_KEYS.map((k) => [k, count])) as Record<
      (typeof OUTCOME_KEYS)[number],
      typeof count
    >,
  ),
  absence: z.object(
    Object.fromEntries(ABSENCE_POINTS.map((p) => [p, summary])) as Record<
      (typeof ABSENCE_POINTS)[number],
      typeof summary
    >,
  ),
  lag: summary,
  suppressed: z.array(z.string()).optional(),
  complementary: z.array(z.string()).optional(),
});

export const outcomesReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  measuredTo: z.string(),
  by: outcomesGroupBy.nullable(),
  groups: z.array(outcomeGroup),
  totals: outcomeGroup.nullable(),
  suppression: z.object({ below: z.number() }).optional(),
});
