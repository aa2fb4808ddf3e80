import { z } from 'zod';
import { isoDate, optionalText } from './common';

export const ABSENCE_TYPES = ['dokumentert', 'udokumentert', 'elevmotivert', 'foreldremotivert'] as const;

export const absence = z.strictObject({
  from: isoDate,
  to: isoDate,
  wholeDays: z.number().min(0).max(400),
  partialDays: z.number().min(0).max(400),
  type: z.enum(ABSENCE_TYPES),
  source: optionalText(200),
});
export type Absence = z.infer<typeof absence>;
