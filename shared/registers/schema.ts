import { z } from 'zod';
import { catalogueEntry } from '../catalogue/catalogue';
import { optionalText, text } from '../domain/common';
import { schoolHoliday } from '../absence/holidays';

/**
 * The registers kept in the vault and shared by all its members (docs/VAULT-FORMAT.md, «The
 * registers container»): who the caseworkers and colleagues are, and which schools the service
 * works with. Forms pick from them; letters take addresses from them.
 *
 * Generic on purpose: a register is a name and an entry schema. The next registers (a measure
 * catalogue, the service's own contact profile, a school-year calendar) are added here, and the
 * events, the fold, the operations and `vault check` carry them without other changes.
 */

/** Organisasjonsnummer: nine digits whose last is a modulus-11 check digit (Brønnøysundregistrene). */
export function isOrgNumber(s: string): boolean {
  if (!/^\d{9}$/.test(s)) return false;
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
  const rest = sum % 11;
  const check = rest === 0 ? 0 : 11 - rest;
  return check !== 10 && check === Number(s[8]);
}

/** Spaces are allowed when typed ("974 760 673"); stored without them. */
export const orgNumber = z
  .string()
  .max(20)
  .transform((s) => s.replace(/\s+/g, ''))
  .refine(isOrgNumber, { message: 'ORG_NUMBER_INVALID' });

export const phone = optionalText(40).refine((s) => s == null || /^\+?[\d ()-]{3,40}$/.test(s.trim()), {
  message: 'PHONE_INVALID',
});
export const email = optionalText(200).refine(
  (s) => s == null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.trim()),
  { message: 'EMAIL_INVALID' },
);
export const postcode = z.string().regex(/^\d{4}$/, { message: 'POSTCODE_INVALID' });

/** A colleague outside the vault (the vault's members are caseworkers by membership). */
export const colleague = z.strictObject({
  name: text(200),
  role: optionalText(100),
  /** Their service or employer: «PPT», «BUP Vest», «Barnevernet». */
  service: optionalText(200),
  phone,
  email,
});
export type Colleague = z.infer<typeof colleague>;

/** A school the service works with, with its postal address (letters print it). */
export const school = z.strictObject({
  name: text(200),
  orgNumber: orgNumber.nullish(),
  /** Street address or post box: «Postboks 12» / «Skoleveien 3». */
  address: optionalText(200),
  postcode: postcode.nullish(),
  /** Poststed. */
  place: optionalText(100),
  rektor: optionalText(200),
  phone,
  email,
});
export type School = z.infer<typeof school>;

/** Every register: its name and the schema of one entry. */
export const REGISTERS = {
  caseworkers: colleague,
  schools: school,
  /** The catalogue of measures (shared/catalogue): the service's repertoire, seeded with the study's. */
  catalogue: catalogueEntry,
  /** The school year's calendar: school holidays, left out of the absence rate's school days (issue 15). */
  schoolHolidays: schoolHoliday,
} as const;
export type RegisterName = keyof typeof REGISTERS;
export const REGISTER_NAMES = Object.keys(REGISTERS) as RegisterName[];

/** Register entries carry vault-internal random keys, like a case's entities. */
const entryKey = z.string().regex(/^[a-z2-7]{26}$/);

/**
 * The registers container's event vocabulary: `registers.opened` once, then per register
 * `<register>.recorded` (a partial set, like a case collection) and `<register>.removed`.
 * Version 1; adding a register adds types and changes nothing else.
 */
export const REGISTER_EVENT_DATA: Record<string, z.ZodType> = {
  'registers.opened': z.strictObject({ format: z.literal('bro-registers/1') }),
  ...Object.fromEntries(
    REGISTER_NAMES.flatMap((r) => [
      [
        `${r}.recorded`,
        z.strictObject({
          key: entryKey,
          set: (REGISTERS[r] as z.ZodObject).partial(),
          reason: optionalText(2000),
        }),
      ],
      [`${r}.removed`, z.strictObject({ key: entryKey, reason: optionalText(2000) })],
    ]),
  ),
};

/** Names compare without case, extra spaces or accents' case: «Hov  skole» = «hov skole». */
export function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
  const n = (s: string | null | undefined) =>
    (s ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');
  return n(a) !== '' && n(a) === n(b);
}
