import { z } from 'zod';
import { isoDate, optionalText, service, text } from './common';

/** What the outgoing caseworker leaves for the next one. Interchange also accepts a plain string (= status). */
export const handoverNote = z.strictObject({
  status: text(5000),
  openPromises: optionalText(5000),
  nextDeadlines: optionalText(5000),
  familyWishes: optionalText(5000),
});
export type HandoverNote = z.infer<typeof handoverNote>;

export const handoverNoteInput = z.union([
  text(5000).transform((status): HandoverNote => ({ status })),
  handoverNote,
]);

export const assignment = z.strictObject({
  caseworker: text(200),
  /**
   * Who the caseworker is in this vault's caseworker register: a member id, or a colleague's
   * register key (shared/registers). Lets "mine" follow a person rather than a spelling; old data
   * without it falls back to the name. Vault-internal: another vault resolves it to nothing.
   */
  caseworkerId: z
    .string()
    .regex(/^[a-z2-7]{26}$/, { message: 'ID_FORMAT' })
    .nullish(),
  role: optionalText(100),
  service: service.nullish(),
  from: isoDate,
  to: isoDate.nullish(),
  reason: optionalText(500),
  handoverNote: handoverNoteInput.nullish(),
});
export type Assignment = z.infer<typeof assignment>;
