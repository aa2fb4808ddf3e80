import { z } from 'zod';
import { externalId, isoDate, optionalText, text } from './common';

/**
 * Innsynskrav: a party (the pupil, a parent) asks to see the case documents. The answer is due
 * within one month of receipt (personvernforordningen art. 12(3), for the records about oneself;
 * forvaltningsloven §§ 18–19 give parties the right to see the case documents), so Bro derives
 * a task from it until it is answered.
 */
export const accessRequest = z.strictObject({
  id: externalId.nullish(),
  /** The day the request reached the service. */
  received: isoDate,
  /** Who asked, by role (foresatte, eleven, advokat, …). */
  requestedBy: text(200),
  /** What they asked to see. */
  scope: optionalText(2000),
  /** The day the documents (or a reasoned refusal) were sent. */
  answered: isoDate.nullish(),
  /** A deadline extended with reasons given to the requester (art. 12(3): by up to two more months). */
  extendedTo: isoDate.nullish(),
});
export type AccessRequest = z.infer<typeof accessRequest>;
