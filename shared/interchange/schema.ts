import { z } from 'zod';
import { caseDoc } from '../domain/caseDoc';
import { school } from '../registers/schema';

export const INTERCHANGE_FORMAT = 'bro-interchange/1';

/**
 * `bro-interchange/1`. Unknown fields are rejected with their path (not silently kept):
 * a field someone believes was imported must not vanish without a word.
 */
export const interchangeFile = z.strictObject({
  format: z.literal(INTERCHANGE_FORMAT),
  cases: z.array(caseDoc).max(100_000),
  /**
   * Optional: schools for the vault's school register (shared/registers), with their postal
   * addresses. Matched on import by organisation number, else by name; a letter prints the
   * address of the pupil's school from the register.
   */
  schools: z.array(school).max(10_000).nullish(),
  /** Free-form provenance (which system, when). Never personal data. */
  source: z.string().max(500).nullish(),
});
export type InterchangeFile = z.infer<typeof interchangeFile>;
