import { z } from 'zod';
import { BARRIER_LEVELS } from './records';
import { CANNOT_REASONS, MEASURE_GROUP_BY } from './report';

/** The measures report's JSON shape (`reports.measures`, `bro report measures --json`). */
const count = z.number().int().nullable();
const record = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, count])) as Record<K, typeof count>);

export const measuresGroupBy = z.enum(MEASURE_GROUP_BY);

export const measureGroup = z.object({
  key: z.string(),
  from: z.string().optional(),
  to: z.string().optional(),
  total: count,
  evaluationsDue: count,
  evaluatedOnTime: count,
  answers: record(['done', 'changed', 'cannot', 'none'] as const),
  cannotReasons: record(CANNOT_REASONS),
  reportedByBoth: count,
  disagreements: count,
  barriers: record(BARRIER_LEVELS),
  suppressed: z.array(z.string()).optional(),
  complementary: z.array(z.string()).optional(),
});

export const measuresReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  measuredTo: z.string(),
  by: measuresGroupBy.nullable(),
  groups: z.array(measureGroup),
  totals: measureGroup.nullable(),
  suppression: z.object({ below: z.number() }).optional(),
});
