import { z } from 'zod';
import { isoDate, optionalText, roleAndName, text } from './common';

/** The pupil's identity. Kept as its own entity so identity is separable from case content. */
export const pupil = z.strictObject({
  name: text(200),
  birthDate: isoDate.nullish(),
  school: optionalText(200),
  /** 1–13, or 0 for barnehage: a child referred the year before school (issue 15 item 3). */
  grade: z.number().int().min(0).max(13).nullish(),
  /** The one named adult at school the family contacts. */
  coordinator: roleAndName.extend({ name: text(200) }).nullish(),
  gender: optionalText(50),
});
export type Pupil = z.infer<typeof pupil>;

export const guardian = z.strictObject({
  name: text(200),
  /** Optional, as INTERCHANGE.md does not mark it required (a missing field and null mean the same). */
  relation: optionalText(100),
  /** Missing: not known; letters name as foresatte only guardians known to have it. */
  parentalResponsibility: z.boolean().nullish(),
  contact: optionalText(300),
});
export type Guardian = z.infer<typeof guardian>;
