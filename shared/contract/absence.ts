import { z } from 'zod';
import type { ErrorCode } from '../errors';
import { vaultId } from '../events/vocabulary';

const errors = (...codes: ErrorCode[]) => codes;

/** The largest absence CSV the app sends: a school's export is a few KiB; 1 MiB is plenty. */
export const ABSENCE_CSV_MAX_BYTES = 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/u;

/**
 * Absence over time (issue 15, item 1), spread into `contract` in ./index.ts; the handler is in
 * electron/services/absence.
 */
export const absenceOps = {
  /**
   * Imports the school's absence figures from a CSV file's bytes (the app: a file picked or
   * dropped; a renderer has no paths). The one parser (shared/absence/csv.ts) reads it: a bad row
   * is refused with its line number (issue path ['line', N, column]) and nothing is imported;
   * else every row becomes an absence record of the case in one change set.
   */
  'absence.import': {
    input: z.strictObject({
      caseId: vaultId,
      /** The CSV file as standard base64 (RFC 4648 §4, padded). */
      csv: z
        .string()
        .min(1)
        .max(4 * Math.ceil(ABSENCE_CSV_MAX_BYTES / 3), { message: 'CSV_FILE_TOO_LARGE' })
        .refine((s) => s.length % 4 === 0 && BASE64.test(s), { message: 'BASE64' }),
    }),
    output: z.object({ imported: z.number(), events: z.number() }),
    errors: errors('VAULT_LOCKED', 'VALIDATION', 'NOT_FOUND', 'TAMPERED', 'IO'),
  },
} as const;
