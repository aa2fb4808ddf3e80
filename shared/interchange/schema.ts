import { z } from 'zod';
import { caseDoc } from '../domain/caseDoc';

export const INTERCHANGE_FORMAT = 'bro-interchange/1';

/**
 * `bro-interchange/1`. Unknown fields are rejected with their path (not silently kept):
 * a field someone believes was imported must not vanish without a word.
 */
export const interchangeFile = z.strictObject({
  format: z.literal(INTERCHANGE_FORMAT),
  cases: z.array(caseDoc).max(100_000),
  /** Free-form provenance (which system, when). Never personal data. */
  source: z.string().max(500).nullish(),
});
export type InterchangeFile = z.infer<typeof interchangeFile>;
