import type { z } from 'zod';
import { COLLECTION_ITEM } from './caseDoc';
import { pupil } from './pupil';
import { checkIn, evaluation, implementationReport, occurrence, statusChange } from './recommendation';

type Any = z.ZodType & {
  unwrap?: () => z.ZodType;
  shape?: Record<string, z.ZodType>;
  maxLength?: number | null;
};

/** The schema under `.nullish()`, `.optional()` and `.nullable()`. */
function bare(s: Any): Any {
  let x = s;
  for (let i = 0; i < 5 && typeof x.unwrap === 'function' && x.shape === undefined; i++)
    x = x.unwrap() as Any;
  return x;
}

/** Every text field's longest allowed length in an object schema, by dotted path (`evaluation.method`). */
function limitsOf(schema: Any, prefix = '', out: Record<string, number> = {}): Record<string, number> {
  const s = bare(schema);
  if (s.shape)
    for (const [k, v] of Object.entries(s.shape)) {
      const f = bare(v as Any);
      if (typeof f.maxLength === 'number') out[`${prefix}${k}`] = f.maxLength;
      else if (f.shape) limitsOf(f, `${prefix}${k}.`, out);
    }
  return out;
}

const LIMITS: Record<string, Record<string, number>> = {
  ...Object.fromEntries(Object.entries(COLLECTION_ITEM).map(([k, v]) => [k, limitsOf(v as unknown as Any)])),
  pupil: limitsOf(pupil as unknown as Any),
  evaluations: limitsOf(evaluation as unknown as Any),
  // A measure's log (renderer/features/measures/LogForms.tsx): each form counts its text.
  implementation: limitsOf(implementationReport as unknown as Any),
  occurrences: limitsOf(occurrence as unknown as Any),
  checkIns: limitsOf(checkIn as unknown as Any),
  statusChanges: limitsOf(statusChange as unknown as Any),
  newcase: {
    id: 200, // externalId
    ...Object.fromEntries(
      Object.entries(limitsOf(pupil as unknown as Any)).map(([k, v]) => [`pupil.${k}`, v]),
    ),
  },
};

/**
 * The longest text a field of an entity takes (the schema's own limit, so the form's counter and
 * the contract cannot disagree), or undefined for a field without one.
 */
export function textLimit(entity: string, field: string): number | undefined {
  return LIMITS[entity]?.[field];
}
