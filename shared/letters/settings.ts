import { z } from 'zod';
import { orgNumber } from '../registers/schema';
import { optionalText, text } from '../domain/common';

/**
 * Hedges that make a letter vague (DESIGN §5, seed brief #4), in bokmål and nynorsk. A setting:
 * a service may add its own. Each hit in a letter must be rewritten or kept with a reason.
 */
export const DEFAULT_VAGUENESS: readonly string[] = [
  'bør vurderes',
  'bør vurderast',
  'kan vurderes',
  'kan vurderast',
  'ved behov',
  'etter behov',
  'etter hvert',
  'etter kvart',
  'kan være aktuelt',
  'kan vere aktuelt',
  'eventuelt',
  'evt.',
  'i den grad det er mulig',
  'i den grad det er mogleg',
  'om mulig',
  'om mogleg',
  'bør tilstrebes',
  'bør tilstrebast',
];

/** The letterhead: the same fields as the app's settings (shared/settings), all optional. */
export const letterhead = z.strictObject({
  serviceName: optionalText(200),
  address: optionalText(300),
  phone: optionalText(50),
  email: optionalText(200),
  /** Organisasjonsnummer (checked like the school register's; spaces allowed when typed). */
  orgNumber: orgNumber.nullish(),
  /** The municipality that decides on the service's sakkyndige vurderinger (their addressee): «Bærum kommune, Oppvekst skole». */
  municipality: optionalText(200),
  /** Its postal address, printed under the name. */
  municipalityAddress: optionalText(300),
});
export type Letterhead = z.infer<typeof letterhead>;

/** Settings the letters use. Every field has a default, so `{}` is a valid value. */
export const letterSettings = z.strictObject({
  letterhead: letterhead.default({}),
  /** Phrases the vagueness check flags (matched case-insensitively on word boundaries). */
  vagueness: z
    .array(text(100))
    .max(500)
    .default([...DEFAULT_VAGUENESS]),
  /** Calendar days rektor has to answer, counted from the letter date (when the options give no date). */
  replyDays: z.number().int().min(1).max(120).default(14),
  /** LIX above this gives a warning (klarspråk: public letters aim well below 50). */
  lixWarnAbove: z.number().int().min(10).max(100).default(50),
});
export type LetterSettings = z.infer<typeof letterSettings>;
export type LetterSettingsInput = z.input<typeof letterSettings>;

export const DEFAULT_LETTER_SETTINGS: LetterSettings = letterSettings.parse({});

/** Long names of the services for a letterhead without a configured name. */
export const SERVICE_LONG_NAME: Record<string, { nb: string; nn: string }> = {
  PPT: { nb: 'Pedagogisk-psykologisk tjeneste (PPT)', nn: 'Pedagogisk-psykologisk teneste (PPT)' },
  BUP: {
    nb: 'Barne- og ungdomspsykiatrisk poliklinikk (BUP)',
    nn: 'Barne- og ungdomspsykiatrisk poliklinikk (BUP)',
  },
  Skoleteam: { nb: 'Skoleteamet', nn: 'Skuleteamet' },
  Bft: { nb: 'Barne- og familietjenesten', nn: 'Barne- og familietenesta' },
  Statped: { nb: 'Statped', nn: 'Statped' },
  Habu: {
    nb: 'Habiliteringstjenesten for barn og unge',
    nn: 'Habiliteringstenesta for barn og unge',
  },
  Annet: { nb: 'Tjenesten', nn: 'Tenesta' },
};
