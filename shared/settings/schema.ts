import { z } from 'zod';
import { orgNumber } from '../registers/schema';
import { optionalText } from '../domain/common';

/**
 * The user's settings on this device: language, auto-lock, waiting-time targets and the
 * letterhead. They live in a local settings file (not in the vault), because the unlock
 * screen needs the language before any vault is open. Defaults follow DESIGN §4.
 */
export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const count = (min: number, max: number) => z.number().int().min(min).max(max);

export const targets = z.strictObject({
  /** PPT: concluded within this many months of received. */
  pptConcludedMonths: count(1, 24).default(3),
  /** Any service: foreløpig svar owed when not concluded this many months after received. */
  interimReplyMonths: count(1, 12).default(1),
  /** BUP: decided within this many working days of received. */
  bupDecidedWorkingDays: count(1, 100).default(10),
  /** Skoleteam: first contact within this many working days of received. */
  skoleteamFirstContactWorkingDays: count(1, 100).default(10),
  /** A parents' proposal is answered within this many working days (issue 14; a task after). */
  proposalAnswerWorkingDays: count(1, 100).default(10),
  /** Saturday counts as a working day (default off). */
  saturdayIsWorkingDay: z.boolean().default(false),
  /**
   * Retention: a closed case's working copy is deleted this many years after it was closed, once
   * its documents are in the municipality's archive (the archive keeps the record; Bro is not it).
   */
  retentionYears: count(1, 50).default(3),
  /** While a referral waits, a task asks the school for new absence figures every N weeks (issue 15). */
  absenceUpdateWeeks: count(1, 52).default(4),
  /** A meeting the service called: the minutes go to every party within N working days (issue 15 item 4). */
  minutesWorkingDays: count(1, 30).default(5),
  /** A recorded transition ahead asks for an overgangsbrev N months before it (issue 15 item 3). */
  transitionReminderMonths: count(1, 24).default(5),
});

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

/**
 * Signing: the service's certificate (virksomhetssertifikat) for a PAdES signature on letters, as a
 * path to its P12 file on this machine. Its password is never stored; it is asked for at signing.
 */
export const signing = z.strictObject({
  p12File: optionalText(4096),
});

/**
 * The municipality's SvarUt account (issue 19 item 2; docs/ARCHIVE-DISPATCH.md «Dispatch»). Only
 * what is not secret lives here: the integration password is kept in the OS keychain
 * (`dispatch.secret`; the CLI reads BRO_SVARUT_PASSWORD) and the Maskinporten token is fetched from
 * `tokenUrl` right before each call (the CLI may give BRO_MASKINPORTEN_TOKEN). Without `endpoint`,
 * `kontoId` and `integrationId` Bro writes packages for the user to upload.
 */
/** SECURITY: letters about a child travel over https only; plain http is allowed to this machine (tests, a local proxy). */
const HTTPS_OR_LOOPBACK =
  /^(https:\/\/[^\s/]+|http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?)(\/[^\s]*)?$/u;

export const svarut = z.strictObject({
  /** SvarUt's base address: https://svarut.ks.no (production) or https://test.svarut.ks.no. */
  endpoint: z.string().max(500).regex(HTTPS_OR_LOOPBACK, { message: 'URL_INVALID' }).nullish(),
  /** The sending konto (a UUID, from Fiks forvaltning). */
  kontoId: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu, { message: 'UUID_INVALID' })
    .nullish(),
  /** The Fiks integration's id (IntegrasjonId). */
  integrationId: z.string().min(1).max(100).nullish(),
  /** Where a Maskinporten access token (scope ks:fiks) is fetched: the municipality's token service. */
  tokenUrl: z.string().max(500).regex(HTTPS_OR_LOOPBACK, { message: 'URL_INVALID' }).nullish(),
});
export type SvarUtSettings = z.infer<typeof svarut>;

export const settings = z.strictObject({
  language: z.enum(LANGUAGES).default('nb'),
  /** Lock the vault after this many minutes without input. */
  autoLockMinutes: count(1, 240).default(10),
  targets: targets.default(targets.parse({})),
  letterhead: letterhead.default({}),
  signing: signing.default({}),
  svarut: svarut.default({}),
});
export type Settings = z.infer<typeof settings>;

/** What a settings form may change: any top-level part; nested parts are replaced whole. */
export const settingsPatch = z.strictObject({
  language: settings.shape.language.unwrap().optional(),
  autoLockMinutes: count(1, 240).optional(),
  targets: targets.optional(),
  letterhead: letterhead.optional(),
  signing: signing.optional(),
  svarut: svarut.optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatch>;

export const DEFAULT_SETTINGS: Settings = settings.parse({});
