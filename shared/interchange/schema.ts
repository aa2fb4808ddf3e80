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
  /**
   * Written by an export, ignored by an import (it is derived from the cases): which data in which
   * case are health data, a special category (personvernforordningen art. 9), by the rule in
   * shared/privacy/health.ts. `whole`: the whole case (a BUP or Habu case); `items`: paths into the
   * case in this file, such as `referrals[1]` or `notes[0]`.
   */
  specialCategories: z
    .array(
      z.strictObject({
        case: z.string().min(1).max(200),
        category: z.literal('helseopplysninger'),
        basis: z.string().max(200),
        whole: z.boolean(),
        items: z.array(z.string().max(200)).max(100_000),
      }),
    )
    .max(100_000)
    .nullish(),
  /** Free-form provenance (which system, when). Never personal data. */
  source: z.string().max(500).nullish(),
});
export type InterchangeFile = z.infer<typeof interchangeFile>;
