import { z } from 'zod';
import { isLeapYear, isRealDate } from './dates';

export { isLeapYear, isRealDate };

/** Calendar date `YYYY-MM-DD` that exists in the Gregorian calendar (no time zone games). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'DATE_FORMAT', abort: true })
  .refine(isRealDate, { message: 'DATE_INVALID' });

/** Free text with a sane upper bound; trimmed empty strings are not accepted where text is required. */
/**
 * SECURITY: control characters (other than tab and line breaks) are refused in every text field:
 * they have no place in case notes, and escape sequences could rewrite a terminal or a PDF viewer.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const plain = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !CONTROL.test(s), { message: 'CONTROL_CHARS' });

export const text = (max = 20_000) =>
  z
    .string()
    .trim()
    .min(1, { message: 'REQUIRED' })
    .max(max)
    .refine((s) => !CONTROL.test(s), { message: 'CONTROL_CHARS' });
export const optionalText = (max = 20_000) => plain(max).nullish();

export const SERVICES = ['PPT', 'BUP', 'Skoleteam', 'Bft', 'Statped', 'Habu', 'Annet'] as const;
export const service = z.enum(SERVICES);
export type Service = z.infer<typeof service>;

/** A role with an optional named person, e.g. `{ role: 'kontaktlærer', name: 'Per Berg' }`. */
export const roleAndName = z.strictObject({
  role: text(200),
  name: optionalText(200),
});
export type RoleAndName = z.infer<typeof roleAndName>;

/** Ids that came from outside (interchange). They live only inside encrypted data. */
export const externalId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\p{L}\p{N}._:\-/ ]+$/u, { message: 'ID_CHARS' });

export const percent = z.number().min(0).max(100);
