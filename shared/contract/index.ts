import { z } from 'zod';
import { COLLECTIONS } from '../domain/caseDoc';
import { externalId, isoDate, service, text } from '../domain/common';
import { handoverNote } from '../domain/assignment';
import { LEVELS, TARGETS } from '../domain/recommendation';
import { pupil } from '../domain/pupil';
import { settings, settingsPatch } from '../settings/schema';
import type { ErrorCode } from '../errors';
import { vaultId } from '../events/vocabulary';
import { innsynOps } from './innsyn';
import { absenceOps } from './absence';
import { archiveOps } from './archive';
import { dispatchOps } from './dispatch';
import { replyOps } from './reply';
import { attachmentOps } from './attachments';
import { letterOps } from './letters';
import { OBLIGATION_KINDS } from '../cases/obligations';
import { REGISTER_NAMES, type RegisterName } from '../registers/schema';
import {
  groupBy,
  period,
  referralMeasures,
  reportFile,
  skippedCases,
  task,
  unit,
  waitingReportSchema,
} from '../waiting/contract';
import { settingsInput } from '../waiting/settings';
import { measuresGroupBy, measuresReportSchema } from '../measures/contract';
import { outcomesGroupBy, outcomesReportSchema } from '../outcomes/contract';

/**
 * The one contract. Every operation is listed once with its input, output and the error codes
 * it may return. Electron IPC, the loopback host and the CLI all validate against this and
 * call the same handler table (electron/services/handlers.ts).
 */
function op<I extends z.ZodType, O extends z.ZodType>(def: {
  input: I;
  output: O;
  errors: readonly ErrorCode[];
}) {
  return def;
}

const folder = z.string().min(1).max(4096);
const passphrase = z.string().min(1).max(1024);

const summary = z.object({
  caseId: z.string(),
  /** Empty for a restricted case this member cannot open. */
  externalId: z.string(),
  /** The pupil's name; null for a restricted case this member cannot open («begrenset sak»). */
  pupil: z.string().nullable(),
  /** The case is restricted to named members (`cases.restrict`); see `cases.access`. */
  restricted: z.boolean(),
  school: z.string(),
  grade: z.number().nullable(),
  service: service.nullable(),
  /** The current caseworker's name as people see it (the register's name for a linked one). */
  caseworker: z.string().nullable(),
  /** Their id in the caseworker register (a member id or a colleague key), when the case links it. */
  caseworkerId: z.string().nullable(),
  /** The current caseworker is the member who asked ("Mine saker"). */
  mine: z.boolean(),
  openReferral: z
    .object({
      id: z.string(),
      service: service.nullable(),
      received: z.string(),
      firstContact: z.string().nullish(),
    })
    .nullable(),
  status: z.enum(['open', 'closed', 'new']),
  eventCount: z.number(),
  /** The case was voided (`cases.void`): kept with its history, out of tasks, statistics and caseload. */
  voided: z.boolean(),
  /** The earliest open obligation (shared/cases/obligations.ts), or null: «Neste frist». */
  nextDeadline: z.object({ due: z.string(), kind: z.enum(OBLIGATION_KINDS) }).nullable(),
  /** How many of its tasks are overdue on the as-of date: «Bare forfalte frister». */
  overdue: z.number().int(),
});

const registerName = z.enum(REGISTER_NAMES as [RegisterName, ...RegisterName[]]);
const caseworkerEntry = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string().nullable(),
  service: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** A member of the vault (else a colleague in the register). */
  member: z.boolean(),
  active: z.boolean(),
  me: z.boolean(),
});
const schoolEntry = z.object({
  id: z.string(),
  name: z.string(),
  orgNumber: z.string().nullable(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  place: z.string().nullable(),
  rektor: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

const catalogueEntryOut = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  text: z.string(),
  level: z.enum(LEVELS).nullable(),
  target: z.enum(TARGETS).nullable(),
  predictable: z.boolean().nullable(),
  masteryOriented: z.boolean().nullable(),
  frequency: z.string().nullable(),
});

/** A school holiday the service has entered (register `schoolHolidays`, shared/absence/holidays.ts). */
const schoolHolidayEntry = z.object({
  id: z.string(),
  schoolYear: z.string(),
  label: z.string(),
  from: z.string(),
  to: z.string(),
});

const damagedFile = z.object({
  caseId: z.string().nullable(),
  file: z.string(),
  code: z.enum(['TAMPERED', 'MISSING', 'UNREADABLE']),
  reason: z.string(),
});

/** One change to a case from a form: a patch of one entity, or its removal. */
export const caseChange = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('set'),
    entity: z.enum(['case', 'pupil', 'evaluations', ...COLLECTIONS]),
    /** Entity key for collections; omitted to add a new item. */
    key: vaultId.optional(),
    /** For evaluations: the recommendation's key. */
    parent: vaultId.optional(),
    set: z.record(z.string(), z.unknown()),
    reason: z.string().max(2000).optional(),
  }),
  z.strictObject({
    op: z.literal('remove'),
    entity: z.enum(['evaluations', ...COLLECTIONS]),
    key: vaultId,
    reason: z.string().min(1).max(2000),
  }),
]);
export type CaseChange = z.infer<typeof caseChange>;

const importResult = z.object({
  cases: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  events: z.number(),
  /** School register entries added or changed (the file's `schools[]`). */
  schools: z.number(),
});

export const contract = {
  /** Letters and signing: shared/contract/letters.ts. */
  ...letterOps,
  /** Innsyn and the access log: shared/contract/innsyn.ts. */
  ...innsynOps,
  /** The archive package (Fiks Arkiv arkivmelding): shared/contract/archive.ts. */
  ...archiveOps,
  /** Dispatch through KS SvarUt (issue 19 item 2): shared/contract/dispatch.ts. */
  ...dispatchOps,
  /** The school's answer as a filled-in reply form: shared/contract/reply.ts. */
  ...replyOps,
  /** Absence over time (issue 15): shared/contract/absence.ts. */
  ...absenceOps,
  /** Received documents attached to a case (issue 19 item 0): shared/contract/attachments.ts. */
  ...attachmentOps,
  'vault.create': op({
    input: z.strictObject({ dir: folder, passphrase, memberName: z.string().max(200).optional() }),
    output: z.object({ vaultId: z.string(), memberId: z.string(), recoveryKey: z.string() }),
    errors: ['VAULT_EXISTS', 'VALIDATION', 'IO'],
  }),
  /**
   * Unlocks the vault in `dir` (omitted: the folder this launch points at, `vault.status` `dir`).
   * A wrong secret leaves an open vault open. After 5 wrong secrets in a row each next attempt must
   * wait (TOO_MANY_ATTEMPTS, `detail.retryAfterSeconds`); a wrong one then also carries the wait.
   */
  'vault.unlock': op({
    input: z.union([
      z.strictObject({
        dir: folder.optional(),
        passphrase,
        /** "Husk på denne maskinen": true remembers the passphrase in the OS keychain, false forgets it. */
        remember: z.boolean().optional(),
      }),
      z.strictObject({ dir: folder.optional(), recoveryKey: z.string().min(1).max(200) }),
      /** With the passphrase remembered on this device (NOT_FOUND when there is none or it cannot be read). */
      z.strictObject({ dir: folder.optional(), remembered: z.literal(true) }),
    ]),
    output: z.object({
      vaultId: z.string(),
      /** Whether this device remembers the passphrase for `dir` after the call. */
      remembered: z.boolean(),
    }),
    errors: [
      'VAULT_NOT_FOUND',
      'NOT_FOUND',
      'VAULT_DAMAGED',
      'VAULT_NEWER_FORMAT',
      'WRONG_PASSPHRASE',
      'ACCESS_REVOKED',
      'TOO_MANY_ATTEMPTS',
      'VALIDATION',
      'IO',
    ],
  }),
  'vault.lock': op({ input: z.strictObject({}), output: z.object({}), errors: [] }),
  /** Forgets the passphrase remembered on this device for a vault folder (the current one by default). */
  'vault.forget': op({
    input: z.strictObject({ dir: folder.optional() }),
    output: z.object({}),
    errors: ['IO'],
  }),
  'vault.status': op({
    input: z.strictObject({
      /**
       * The person is at the page (input seen since the last call): counts as activity for the
       * host's auto-lock. A plain status call does not, so a page can watch the lock without
       * keeping the vault open.
       */
      active: z.boolean().optional(),
    }),
    output: z.object({
      unlocked: z.boolean(),
      vaultId: z.string().nullable(),
      /**
       * "Husk på denne maskinen": whether this device's OS keychain can hold a passphrase
       * (`insecure`: Linux without a keyring, refused) and whether it holds one for `dir`.
       */
      remember: z.object({
        keychain: z.enum(['available', 'insecure', 'unavailable']),
        remembered: z.boolean(),
      }),
      /** The vault folder this launch points at, or null on a first run. */
      dir: z.string().nullable(),
      /** Whether `dir` holds a vault (else the app offers to create one there). */
      exists: z.boolean(),
      /** A demo vault made by `vault.demo` (synthetic data; the UI marks it DEMO). */
      demo: z.boolean(),
      /** Where a new vault would go when `dir` is null (offered on the first-run screen). */
      suggestedDir: z.string(),
    }),
    errors: [],
  }),
  /** Opens the demo vault (synthetic data), creating it with `cases` demo cases on first use. */
  'vault.demo': op({
    input: z.strictObject({
      dir: folder.optional(),
      cases: z.number().int().min(1).max(50_000).default(300),
    }),
    output: z.object({ vaultId: z.string(), dir: z.string(), created: z.boolean() }),
    errors: ['VAULT_EXISTS', 'VALIDATION', 'IO'],
  }),
  /**
   * Electron only: a main-process dialog to choose a vault folder, a folder for a new vault or the
   * service's certificate. The renderer gets a random handle (for the path fields of
   * shared/contract/paths.ts) and a name to show; null when the user cancelled. USAGE elsewhere.
   */
  'files.pick': op({
    input: z.strictObject({ kind: z.enum(['vaultFolder', 'newVaultFolder', 'certificate']) }),
    output: z.object({ handle: z.string().nullable(), name: z.string().nullable() }),
    errors: ['USAGE', 'IO'],
  }),
  'settings.get': op({ input: z.strictObject({}), output: settings, errors: [] }),
  'settings.set': op({ input: settingsPatch, output: settings, errors: ['VALIDATION', 'IO'] }),
  'vault.check': op({
    input: z.strictObject({}),
    output: z.object({
      ok: z.boolean(),
      cases: z.number(),
      events: z.number(),
      files: z.number(),
      damaged: z.array(damagedFile),
      junk: z.array(z.string()),
      indexRebuilt: z.boolean(),
    }),
    errors: ['VAULT_LOCKED', 'IO'],
  }),
  'cases.list': op({
    /**
     * `asOf`: the date the next deadline and the overdue count are for (default today).
     * `includeVoided`: list voided cases too (`voided: true`); left out by default.
     */
    input: z.strictObject({ asOf: isoDate.optional(), includeVoided: z.boolean().optional() }),
    output: z.object({
      asOf: z.string(),
      cases: z.array(summary),
      damaged: z.array(z.object({ caseId: z.string(), files: z.array(damagedFile) })),
    }),
    errors: ['VAULT_LOCKED', 'IO'],
  }),
  'cases.get': op({
    input: z.strictObject({ caseId: vaultId }),
    output: z.object({
      caseId: z.string(),
      doc: z.unknown(),
      keys: z.record(z.string(), z.array(z.string())),
      evaluationKeys: z.record(z.string(), z.array(z.string())),
      history: z.array(z.unknown()),
      summary,
      /** Letters issued in the case, oldest first (shared/letters/events.ts IssuedLetter). */
      letters: z.array(z.unknown()).optional(),
      /** Letters in progress, last saved first (shared/letters/events.ts LetterDraft). */
      drafts: z.array(z.unknown()).optional(),
      /** Received documents attached to the case, oldest first (shared/attachments/document.ts Attachment). */
      attachments: z.array(z.unknown()).optional(),
      /**
       * What the case holds that breaks a rule against impossible data (shared/domain/validity.ts),
       * recorded before the rule existed: shown on the case, kept out of the statistics.
       */
      findings: z
        .array(
          z.object({
            path: z.array(z.union([z.string(), z.number()])),
            code: z.string(),
            limit: z.string().optional(),
          }),
        )
        .optional(),
      /** Set when the case is voided: why, by whom (member id), when. */
      voided: z.object({ reason: z.string(), actor: z.string(), at: z.string() }).nullable().optional(),
    }),
    errors: ['VAULT_LOCKED', 'NOT_FOUND', 'RESTRICTED', 'TAMPERED', 'IO'],
  }),
  /**
   * A new case. A pupil who already has one (same name and birth date, or same name and school)
   * is refused with DUPLICATE_PUPIL, `detail.caseId` naming that case, unless `allowDuplicate`.
   */
  'cases.create': op({
    input: z.strictObject({
      id: externalId.optional(),
      service,
      // A file from another system may lack school and grade (INTERCHANGE.md); a case opened in
      // the app asks for both, as a caseworker knows them and every letter names them.
      pupil: pupil.extend({ school: text(200), grade: z.number().int().min(1).max(13) }),
      allowDuplicate: z.boolean().optional(),
    }),
    output: z.object({ caseId: z.string(), externalId: z.string() }),
    errors: ['VAULT_LOCKED', 'VALIDATION', 'CONFLICT', 'DUPLICATE_PUPIL', 'IO'],
  }),
  /** Voids a case (a duplicate, opened in error) with a reason: kept with its history, out of every figure. */
  'cases.void': op({
    input: z.strictObject({ caseId: vaultId, reason: z.string().trim().min(1).max(2000) }),
    output: z.object({}),
    errors: ['VAULT_LOCKED', 'VALIDATION', 'NOT_FOUND', 'TAMPERED', 'IO'],
  }),
  /**
   * Deletes a case for good (the retention rule's task, or a case that must not be kept), once the
   * municipality's archive has filed every letter it issued and every document it received (or
   * with `withoutArchive`): its key ring and every file go, so no member and no recovery key can
   * read it from the vault folder again. The audit log keeps who deleted which case id, when and
   * why (no name). Not undoable.
   */
  'cases.delete': op({
    input: z.strictObject({
      caseId: vaultId,
      reason: z.string().trim().min(1).max(2000),
      /**
       * Delete although the archive has not filed every letter and received document (a case opened
       * in error). Without it such a case is refused with VALIDATION, one NOT_ARCHIVED issue per
       * letter (`letters.<letter id>`) and per received document (`documents.<attachment id>`) the
       * archive lacks (shared/archive/status.ts archiveBeforeDelete).
       */
      withoutArchive: z.boolean().optional(),
    }),
    output: z.object({ deleted: z.literal(true) }),
    errors: ['VAULT_LOCKED', 'VALIDATION', 'NOT_FOUND', 'IO'],
  }),
  'cases.update': op({
    input: z.strictObject({ caseId: vaultId, changes: z.array(caseChange).min(1).max(200) }),
    output: z.object({ events: z.number(), keys: z.array(z.string().nullable()) }),
    errors: ['VAULT_LOCKED', 'VALIDATION', 'NOT_FOUND', 'TAMPERED', 'IO'],
  }),
  /**
   * Caseworker change: ends the current assignment with a handover note and starts the next. The
   * caseworker is a member or a colleague in the register (`caseworkerId`), or a name: one the
   * register does not hold is added to it.
   */
  'assignments.change': op({
    input: z.strictObject({
      caseId: vaultId,
      caseworker: z.string().trim().min(1).max(200),
      caseworkerId: vaultId.optional(),
      role: z.string().trim().min(1).max(100),
      service: service.optional(),
      from: isoDate,
      reason: z.string().trim().min(1).max(500),
      handoverNote: handoverNote.optional(),
    }),
    output: z.object({ ended: z.array(z.string()), started: z.string() }),
    errors: ['VAULT_LOCKED', 'VALIDATION', 'NOT_FOUND', 'TAMPERED', 'IO'],
  }),
  /**
   * Releases a confidential journal note with a reason (recorded; the timeline shows it): letters
   * and exports may carry it from then on. A note is added or corrected through `cases.update`
   * (entity `notes`); clearing its `confidential` flag or writing `released` there is refused.
   */
  'notes.release': op({
    input: z.strictObject({ caseId: vaultId, key: vaultId, reason: text(2000) }),
    output: z.object({ released: z.object({ date: z.string(), reason: z.string() }) }),
    errors: ['VAULT_LOCKED', 'VALIDATION', 'NOT_FOUND', 'TAMPERED', 'IO'],
  }),
  'interchange.import': op({
    input: z.strictObject({ file: z.unknown() }),
    output: importResult,
    errors: ['VAULT_LOCKED', 'VALIDATION', 'TAMPERED', 'IO'],
  }),
  /**
   * `to`: the export goes to someone outside the service (issue 14 item 8): each case needs a valid
   * consent to that recipient or `legalBasis`, else CONSENT_MISSING names the recipient and the
   * cases, and nothing is returned. The access log records the recipient's role, never a name.
   */
  'interchange.export': op({
    input: z
      .strictObject({
        cases: z.array(z.string().min(1).max(200)).optional(),
        to: z.string().trim().min(1).max(200).optional(),
        legalBasis: z.string().trim().min(1).max(2000).optional(),
      })
      .refine((x) => x.legalBasis === undefined || x.to !== undefined, {
        message: 'LEGAL_BASIS_WITHOUT_RECIPIENT',
        path: ['legalBasis'],
      }),
    output: z.object({
      file: z.unknown(),
      skipped: z.array(z.object({ caseId: z.string(), code: z.string() })),
      sharing: z
        .array(
          z.object({
            role: z.string(),
            basis: z.enum(['consent', 'legal', 'party']),
            caseIds: z.array(z.string()),
          }),
        )
        .optional(),
    }),
    errors: ['VAULT_LOCKED', 'NOT_FOUND', 'VALIDATION', 'CONSENT_MISSING', 'IO'],
  }),
  'demo.create': op({
    input: z.strictObject({
      cases: z.number().int().min(1).max(50_000),
      seed: z.union([z.string().max(100), z.number()]),
      today: z.string().optional(),
    }),
    output: importResult,
    errors: ['VAULT_LOCKED', 'VALIDATION', 'IO'],
  }),
  /** A new member asks to join, on their own machine (no vault open): returns the code to read out. */
  'members.request': op({
    input: z.strictObject({ dir: folder, passphrase }),
    output: z.object({ memberId: z.string(), code: z.string() }),
    errors: ['VAULT_NOT_FOUND', 'VAULT_DAMAGED', 'VAULT_NEWER_FORMAT', 'VALIDATION', 'IO'],
  }),
  'members.list': op({
    input: z.strictObject({}),
    output: z.object({
      members: z.array(
        z.object({
          memberId: z.string(),
          name: z.string(),
          kid: z.string(),
          active: z.boolean(),
          me: z.boolean(),
        }),
      ),
      requests: z.array(z.object({ memberId: z.string(), code: z.string(), created: z.string() })),
    }),
    errors: ['VAULT_LOCKED', 'IO'],
  }),
  /** Approve a join request by the code the requester reads out. */
  'members.approve': op({
    input: z.strictObject({ code: z.string().min(4).max(40), name: text(200) }),
    output: z.object({ memberId: z.string() }),
    errors: ['VAULT_LOCKED', 'NOT_FOUND', 'ACCESS_REVOKED', 'VALIDATION', 'IO'],
  }),
  /** Sets your own display name (your member record): it signs letters and names you in the timeline. */
  'members.rename': op({
    input: z.strictObject({ name: text(200) }),
    output: z.object({ memberId: z.string(), name: z.string() }),
    errors: ['VAULT_LOCKED', 'ACCESS_REVOKED', 'NOT_FOUND', 'VALIDATION', 'IO'],
  }),
  // ------------------------------------------------------------ registers (shared/registers)
  /** The registers kept in the vault: caseworkers (members, then colleagues) and schools. */
  'registers.get': op({
    input: z.strictObject({}),
    output: z.object({
      caseworkers: z.array(caseworkerEntry),
      schools: z.array(schoolEntry),
      /** The catalogue of measures (shared/catalogue), by name. */
      catalogue: z.array(catalogueEntryOut),
      /** The school years' calendars: holiday periods by date (issue 15, the absence rate). */
      schoolHolidays: z.array(schoolHolidayEntry),
    }),
    errors: ['VAULT_LOCKED', 'TAMPERED', 'IO'],
  }),
  /**
   * Seeds the catalogue of measures with the study's repertoire: adds the seed entries the
   * catalogue does not hold by name or code (running it again adds nothing). Returns how many.
   */
  'registers.seedCatalogue': op({
    input: z.strictObject({}),
    output: z.object({ added: z.number() }),
    errors: ['VAULT_LOCKED', 'TAMPERED', 'IO'],
  }),
  /** Adds an entry (no `id`) or changes one: a new entry is checked whole, a change by its fields. */
  'registers.record': op({
    input: z.strictObject({
      register: registerName,
      id: vaultId.optional(),
      set: z.record(z.string(), z.unknown()),
      reason: z.string().trim().max(2000).optional(),
    }),
    output: z.object({ id: z.string() }),
    errors: ['VAULT_LOCKED', 'VALIDATION', 'NOT_FOUND', 'TAMPERED', 'IO'],
  }),
  /** Removes an entry (it stays in the register's history). */
  'registers.remove': op({
    input: z.strictObject({
      register: registerName,
      id: vaultId,
      reason: z.string().trim().max(2000).optional(),
    }),
    output: z.object({}),
    errors: ['VAULT_LOCKED', 'NOT_FOUND', 'TAMPERED', 'IO'],
  }),
  // ------------------------------------------------------------ access by need (docs/SECURITY.md)
  /**
   * Who may open a case. `restricted` false: every member. Else the members it is restricted to,
   * whether you are one (`canOpen`), open access requests, and (when you can open it) the members
   * a new restriction would suggest: the case's caseworkers who are members, and you.
   */
  'cases.access': op({
    input: z.strictObject({ caseId: vaultId }),
    output: z.object({
      caseId: z.string(),
      restricted: z.boolean(),
      canOpen: z.boolean(),
      members: z.array(z.object({ memberId: z.string(), name: z.string(), me: z.boolean() })),
      requests: z.array(z.object({ memberId: z.string(), name: z.string(), at: z.string() })),
      suggested: z.array(z.string()),
    }),
    errors: ['VAULT_LOCKED', 'NOT_FOUND', 'TAMPERED', 'IO'],
  }),
  /**
   * Restricts a case to named members (or changes the list): a new key, granted to them alone
   * (and the recovery key); every event is re-encrypted under it.
   */
  'cases.restrict': op({
    input: z.strictObject({ caseId: vaultId, members: z.array(vaultId).min(1).max(100) }),
    output: z.object({ caseId: z.string(), members: z.array(z.string()) }),
    errors: ['VAULT_LOCKED', 'NOT_FOUND', 'RESTRICTED', 'TAMPERED', 'VALIDATION', 'IO'],
  }),
  /** Gives a member access to a restricted case you can open (answers their request). */
  'cases.grant': op({
    input: z.strictObject({ caseId: vaultId, memberId: vaultId }),
    output: z.object({ caseId: z.string(), members: z.array(z.string()) }),
    errors: ['VAULT_LOCKED', 'NOT_FOUND', 'RESTRICTED', 'TAMPERED', 'VALIDATION', 'IO'],
  }),
  /** Takes a member's access away: the case's key is rotated and its events re-encrypted. */
  'cases.revoke': op({
    input: z.strictObject({ caseId: vaultId, memberId: vaultId }),
    output: z.object({ caseId: z.string(), members: z.array(z.string()) }),
    errors: ['VAULT_LOCKED', 'NOT_FOUND', 'RESTRICTED', 'TAMPERED', 'VALIDATION', 'IO'],
  }),
  /** Asks for access to a restricted case you cannot open; a member who can open it answers. */
  'cases.requestAccess': op({
    input: z.strictObject({ caseId: vaultId }),
    output: z.object({ caseId: z.string(), at: z.string() }),
    errors: ['VAULT_LOCKED', 'NOT_FOUND', 'ACCESS_REVOKED', 'TAMPERED', 'VALIDATION', 'IO'],
  }),
  /** Declines a member's access request (you must be able to open the case). */
  'cases.declineAccess': op({
    input: z.strictObject({ caseId: vaultId, memberId: vaultId }),
    output: z.object({}),
    errors: ['VAULT_LOCKED', 'NOT_FOUND', 'RESTRICTED', 'TAMPERED', 'IO'],
  }),
  /** Remove a member: rotates the master key and every case's data key. */
  'members.remove': op({
    input: z.strictObject({ memberId: vaultId }),
    output: z.object({ cases: z.number() }),
    errors: ['VAULT_LOCKED', 'NOT_FOUND', 'VALIDATION', 'IO'],
  }),
  // ------------------------------------------------------------ waiting times (docs/WAITING-TIMES.md)
  /** Each referral's measures in a case (ventetid, saksbehandlingstid, …) as of a date; open ones to it. */
  'referrals.measures': op({
    input: z.strictObject({ caseId: vaultId, asOf: isoDate.optional(), settings: settingsInput.optional() }),
    output: z.object({ asOf: z.string(), referrals: z.array(referralMeasures) }),
    errors: ['VAULT_LOCKED', 'NOT_FOUND', 'TAMPERED', 'VALIDATION', 'IO'],
  }),
  /** Calendar and working days between two dates: working days d with from < d ≤ to. */
  'calendar.days': op({
    input: z.strictObject({ ...period, saturday: z.boolean().optional() }),
    output: z.object({ calendarDays: z.number(), workingDays: z.number() }),
    errors: ['VALIDATION'],
  }),
  /** The date of the N-th working day after a date. */
  'calendar.deadline': op({
    input: z.strictObject({
      date: isoDate,
      n: z.number().int().min(1).max(10_000),
      saturday: z.boolean().optional(),
    }),
    output: z.object({ date: z.string() }),
    errors: ['VALIDATION'],
  }),
  /**
   * Tasks derived from every case as it stood on `asOf` (default today). Each has an owner: the
   * case's caseworker then. `owner` keeps those of one caseworker (by name, as shown), `mine` those
   * of the member who asks.
   */
  'tasks.list': op({
    input: z.strictObject({
      asOf: isoDate.optional(),
      settings: settingsInput.optional(),
      owner: text(200).optional(),
      mine: z.boolean().optional(),
    }),
    output: z.object({ asOf: z.string(), tasks: z.array(task), skipped: skippedCases }),
    errors: ['VAULT_LOCKED', 'VALIDATION', 'IO'],
  }),
  /**
   * The lead's view of the caseload: per caseworker, open cases and overdue tasks on `asOf`
   * (caseworker names only, never a pupil's). Comes from the same obligations as the case list.
   */
  'reports.caseload': op({
    input: z.strictObject({ asOf: isoDate.optional() }),
    output: z.object({
      asOf: z.string(),
      rows: z.array(
        z.object({
          owner: z.string().nullable(),
          ownerId: z.string().nullable(),
          mine: z.boolean(),
          openCases: z.number().int(),
          overdueTasks: z.number().int(),
          casesWithOverdue: z.number().int(),
        }),
      ),
    }),
    errors: ['VAULT_LOCKED', 'IO'],
  }),
  /** The waiting-time report over a period; `format` other than json also renders the file. */
  'reports.waiting': op({
    input: z.strictObject({
      ...period,
      service: service.optional(),
      by: groupBy.optional(),
      unit: unit.default('calendar'),
      format: z.enum(['json', 'csv', 'xlsx', 'pdf']).default('json'),
      /** Suppress counts under 5 and leave out the open referrals (a report that leaves the service). */
      suppress: z.boolean().optional(),
      settings: settingsInput.optional(),
    }),
    output: z.object({ report: waitingReportSchema, file: reportFile.nullable(), skipped: skippedCases }),
    errors: ['VAULT_LOCKED', 'VALIDATION', 'IO'],
  }),
  /**
   * The lead's figures for measures over a period (docs/MEASURES-REPORT.md), always with small
   * counts suppressed; `format` other than json also renders the file.
   */
  'reports.measures': op({
    input: z.strictObject({
      ...period,
      by: measuresGroupBy.optional(),
      format: z.enum(['json', 'csv', 'xlsx', 'pdf']).default('json'),
    }),
    output: z.object({ report: measuresReportSchema, file: reportFile.nullable(), skipped: skippedCases }),
    errors: ['VAULT_LOCKED', 'VALIDATION', 'IO'],
  }),
  /**
   * The lead's outcome figures over a period (docs/OUTCOMES.md): referrals closed by outcome, the
   * absence rate at referral, first contact and closing, and the signal-to-referral lag; always
   * with small counts suppressed; `format` other than json also renders the file.
   */
  'reports.outcomes': op({
    input: z.strictObject({
      ...period,
      by: outcomesGroupBy.optional(),
      format: z.enum(['json', 'csv', 'xlsx', 'pdf']).default('json'),
    }),
    output: z.object({ report: outcomesReportSchema, file: reportFile.nullable(), skipped: skippedCases }),
    errors: ['VAULT_LOCKED', 'VALIDATION', 'IO'],
  }),
  /** A signed, de-identified metrics bundle (JWS) for the period. */
  'metrics.export': op({
    input: z.strictObject({ ...period, settings: settingsInput.optional() }),
    output: z.object({ jws: z.string(), kid: z.string(), rows: z.number(), skipped: skippedCases }),
    errors: ['VAULT_LOCKED', 'VALIDATION', 'IO'],
  }),
  /** The vault's public metrics key as a JWKS, for a lead's trust list. */
  'metrics.key': op({
    input: z.strictObject({}),
    output: z.object({
      kid: z.string(),
      jwks: z.object({ keys: z.array(z.record(z.string(), z.string())) }),
    }),
    errors: ['VAULT_LOCKED'],
  }),
  /** Verifies metrics bundles against a trust list (JWKS) and reports across them, suppressed. */
  'metrics.merge': op({
    input: z.strictObject({
      bundles: z.array(z.string().max(100_000_000)).min(1).max(1000),
      trust: z.unknown(),
      service: service.optional(),
      by: groupBy.optional(),
      unit: unit.default('calendar'),
      format: z.enum(['json', 'pdf']).default('json'),
      settings: settingsInput.optional(),
    }),
    output: z.object({
      report: waitingReportSchema,
      sources: z.array(
        z.object({ kid: z.string(), rows: z.number(), format: z.string(), exported: z.string() }),
      ),
      file: reportFile.nullable(),
      /** The measures report across the bundles that carry it (null when none does), suppressed. */
      measures: measuresReportSchema.nullable(),
      /** The outcomes report across the bundles that carry it (null when none does), suppressed. */
      outcomes: outcomesReportSchema.nullable(),
    }),
    errors: ['VALIDATION', 'TAMPERED'],
  }),
} as const;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpOutput<K extends OpName> = z.infer<Contract[K]['output']>;

/** The client the renderer (and tests) call: one async function per operation. */
export type BroApi = { [K in OpName]: (input: OpInput<K>) => Promise<OpOutput<K>> };
