import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { summarizeCase } from '../../shared/cases/summary';
import { contract, type OpName, type OpOutput } from '../../shared/contract';
import { isRealDate } from '../../shared/domain/common';
import { zodIssues } from '../../shared/domain/validate';
import { measureRuleIssues } from '../../shared/measures/rules';
import { meetingRuleIssues } from '../../shared/meetings/attendance';
import { demoColleagues, demoUser, generateDemo } from '../../shared/demo/generate';
import { DEMO_PASSPHRASE } from '../../shared/demo/passphrase';
import { BroError } from '../../shared/errors';
import { CLI_DOOR, throughDoor, type Door } from './access/door';
import { accessHandlers, addRestrictedDemoSample } from './cases/access';
import { caseload, listCases, listedCase } from './cases/list';
import { changeCaseworker, releaseNote, updateCase } from './cases/update';
import { addVoidedDemoSamples, createCase, voidCase } from './cases/create';
import { validityIssues } from '../../shared/domain/validity';
import { concernReportIssues } from '../../shared/family/rules';
import { renameSelf } from './members/rename';
import {
  addColleagues,
  caseworkerDirectory,
  ensureCaseworker,
  ensureSchool,
  ownerResolver,
  readRegisters,
  recordRegisterEntries,
  removeRegisterEntry,
  schoolHolidaysOf,
  addDemoSchoolHolidays,
  seedCatalogue,
} from './registers/registers';
import type { CatalogueEntry } from '../../shared/catalogue/catalogue';
import { exportInterchange, importInterchange } from './interchange/importer';
import { innsynHandlers } from './innsyn/handlers';
import { absenceHandlers } from './absence/handlers';
import { archiveHandlers, assertArchivedBeforeDelete } from './archive/handlers';
import { DEMO_LETTERHEAD } from '../../shared/demo/letterhead';
import { dispatchHandlers } from './dispatch/handlers';
import { replyHandlers } from './letters/reply';
import { attachmentHandlers } from './attachments/handlers';
import { addDemoDocuments } from './attachments/demo';
import { addDemoArchive } from './archive/demo';
import { appLetterhead, letterHandlers } from './letters/handlers';
import { addDemoClosingLetters } from './letters/demo';
import { addDemoMeetings } from './letters/demo-meetings';
import { closingLetterIssues } from '../../shared/referrals/closing';
import { waitingHandlers } from './reports/handlers';
import type { Handler, Handlers } from './handler-table';
import type { Progress, Session } from './session';
import { VAULT_FILE } from './vault/format';
import { Vault } from './vault/vault';

export type { Handlers };

/** The one handler table. Each adapter (IPC, host, CLI) validates with `call` and lands here. */
export function createHandlers(session: Session): Handlers {
  const vaultOpts = () => ({
    ...(session.opts.deviceId ? { deviceId: session.opts.deviceId } : {}),
    ...(session.opts.now ? { now: session.opts.now } : {}),
  });
  /** Makes `next` the open vault and closes the one open before (after, so a failure leaves it open). */
  const swap = async (next: Vault) => {
    const previous = session.vault;
    session.vault = next;
    // Closing writes the previous vault's index, a cache: a failure there must not undo the swap.
    if (previous && previous !== next) await previous.close().catch(() => {});
  };
  /** A vault was opened: this launch and the next point at its folder. */
  const opened = (dir: string) => {
    session.vaultDir = path.resolve(dir);
    session.settings.rememberVault(session.vaultDir);
  };
  /** The demo's avslutningsbrev for its ended referrals (issue 15 item 5), so it opens with no findings. */
  const demoClosingLetters = async (today: string, progress?: Progress) => {
    const ctx = {
      today,
      now: new Date(session.opts.now?.() ?? Date.now()),
      appLetterhead: appLetterhead(session),
      waiting: session.waitingSettings(),
    };
    await addDemoClosingLetters(
      session.requireVault(),
      ctx,
      progress ? (d, t) => progress(d, t, 'letters') : undefined,
    );
    // …and the meetings it called, with an innkalling, attendance and the minutes task (issue 15 item 4).
    await addDemoMeetings(session.requireVault(), ctx);
  };
  /**
   * What both demos (`bro demo`, the app's «Åpne demoarkiv») add after the cases: the same for
   * both, so the app's demo is not missing what the CLI's has.
   */
  const demoExtras = async (vault: Vault, today: string, progress?: Progress) => {
    await demoClosingLetters(today, progress);
    await seedCatalogue(vault);
    await addDemoSchoolHolidays(vault, today);
    // Received documents (issue 19 item 0): a referral form on a few cases.
    await addDemoDocuments(vault, today);
    // What the archive and SvarUt answered (issue 19): one case filed whole, one in part and sent.
    await addDemoArchive(vault, today);
    await addRestrictedDemoSample(vault);
  };
  return {
    'vault.create': async (input) => {
      const { vault, recoveryKey, memberId } = await Vault.create(input.dir, {
        passphrase: input.passphrase,
        ...(input.memberName ? { memberName: input.memberName } : {}),
        ...(session.opts.kdf ? { kdf: session.opts.kdf } : {}),
        ...vaultOpts(),
      });
      await swap(vault);
      opened(input.dir);
      return { vaultId: vault.vaultId, memberId, recoveryKey };
    },
    'vault.unlock': async (input) => {
      const dir = input.dir ?? session.vaultDir;
      if (!dir)
        throw new BroError('VALIDATION', 'No vault folder', {
          issues: [{ path: ['dir'], code: 'REQUIRED' }],
        });
      const { remembered } = session;
      let vault: Vault;
      if ('remembered' in input) {
        const passphrase = await remembered.recall(dir);
        if (passphrase === null) throw new BroError('NOT_FOUND', 'Nothing remembered for this vault here');
        try {
          vault = await session.attempts.attempt(dir, () => Vault.unlock(dir, { passphrase }, vaultOpts()));
        } catch (e) {
          // SECURITY: a remembered passphrase that no longer opens the vault (changed, member removed) is dropped.
          if (e instanceof BroError && (e.code === 'WRONG_PASSPHRASE' || e.code === 'ACCESS_REVOKED'))
            await remembered.forget(dir);
          throw e;
        }
      } else {
        const secret =
          'passphrase' in input ? { passphrase: input.passphrase } : { recoveryKey: input.recoveryKey };
        // SECURITY: the wait after wrong passphrases, one unlock at a time, the attempts audited (access/attempts.ts).
        vault = await session.attempts.attempt(dir, () => Vault.unlock(dir, secret, vaultOpts()));
      }
      // SECURITY: only a successful unlock replaces the open vault; a wrong passphrase leaves it open.
      await swap(vault);
      if ('passphrase' in input) {
        // Only after a successful unlock, so a mistyped passphrase is never remembered.
        if (input.remember === true) await remembered.remember(dir, input.passphrase);
        if (input.remember === false) await remembered.forget(dir);
      }
      opened(dir);
      return { vaultId: vault.vaultId, remembered: await remembered.isRemembered(dir) };
    },
    'vault.lock': async () => {
      await session.vault?.close();
      session.vault = null;
      return {};
    },
    'vault.forget': async ({ dir }) => {
      const target = dir ?? session.vaultDir;
      if (target) await session.remembered.forget(target);
      return {};
    },
    'vault.status': async () => ({
      unlocked: session.vault !== null,
      vaultId: session.vault?.vaultId ?? null,
      remember: {
        keychain: await session.remembered.verdict(),
        remembered: session.vaultDir !== null && (await session.remembered.isRemembered(session.vaultDir)),
      },
      dir: session.vaultDir,
      exists: session.vaultDir !== null && existsSync(path.join(session.vaultDir, VAULT_FILE)),
      demo: session.vaultDir !== null && session.settings.isDemo(session.vaultDir),
      suggestedDir: session.vaultDir ?? path.join(homedir(), 'Bro', 'arkiv'),
    }),
    'vault.demo': async (input, progress) => {
      const home = session.settings.folder;
      const dir = path.resolve(input.dir ?? (home ? path.join(home, 'demo-arkiv') : ''));
      if (!input.dir && !home)
        throw new BroError('VALIDATION', 'No folder for the demo vault', {
          issues: [{ path: ['dir'], code: 'REQUIRED' }],
        });
      if (existsSync(path.join(dir, VAULT_FILE))) {
        // Only a demo vault made here is reopened with the demo passphrase; anything else is refused.
        if (!session.settings.isDemo(dir)) throw new BroError('VAULT_EXISTS', 'Not a demo vault');
        const vault = await session.attempts.attempt(dir, () =>
          Vault.unlock(dir, { passphrase: DEMO_PASSPHRASE }, vaultOpts()),
        );
        await swap(vault);
        opened(dir);
        return { vaultId: vault.vaultId, dir, created: false };
      }
      const file = generateDemo({ cases: input.cases, seed: 'bro-demo', today: session.today() });
      const { vault } = await Vault.create(dir, {
        passphrase: DEMO_PASSPHRASE,
        // The demo user is one of the demo's caseworkers, so «Mine saker» and «Mine oppgaver» have data.
        memberName: demoUser(file) ?? 'Demo',
        ...(session.opts.kdf ? { kdf: session.opts.kdf } : {}),
        ...vaultOpts(),
      });
      await swap(vault);
      session.settings.markDemo(dir);
      opened(dir);
      await importInterchange(vault, file, progress, session.today());
      await addColleagues(vault, demoColleagues(file));
      await addVoidedDemoSamples(vault, session.today());
      await demoExtras(vault, session.today(), progress);
      return { vaultId: vault.vaultId, dir, created: true };
    },
    'files.pick': async ({ kind }) => {
      if (!session.opts.pickFile)
        throw new BroError('USAGE', 'No file dialog in this door', { detail: { reason: 'NO_DIALOG' } });
      const chosen = await session.opts.pickFile(kind);
      if (chosen === null) return { handle: null, name: null };
      // SECURITY: the renderer gets a random handle for the chosen path, and a name to show.
      return {
        handle: session.picked.add(kind, chosen),
        name: kind === 'certificate' ? path.basename(chosen) : path.resolve(chosen),
      };
    },
    'settings.get': async () => session.settings.get(),
    'settings.set': async (patch) => session.settings.set(patch),
    'vault.check': async (_input, progress) =>
      session.requireVault().check({ onProgress: (d, t) => progress?.(d, t, 'check') }),
    'cases.list': async ({ asOf, includeVoided }, progress) => {
      const r = await listCases(session, asOf, progress, includeVoided ?? false);
      await session.requireVault().audit('cases.list'); // the list shows every pupil's name
      return r;
    },
    'cases.get': async ({ caseId }) => {
      const vault = session.requireVault();
      let state;
      try {
        state = await vault.fold(caseId);
      } catch (e) {
        // Every open of a case is in the access log, a refused one too.
        if (e instanceof BroError && e.code === 'RESTRICTED') await vault.audit('case.read.refused', caseId);
        throw e;
      }
      if (!state.opened) throw new BroError('NOT_FOUND', 'No such case');
      await vault.audit('case.read', caseId);
      const today = session.today();
      const resolve = ownerResolver(await caseworkerDirectory(vault));
      return {
        caseId,
        doc: state.doc,
        keys: state.keys,
        evaluationKeys: state.evaluationKeys,
        history: state.history,
        summary: listedCase(summarizeCase(state, today, session.waitingSettings()), today, resolve),
        letters: state.letters,
        drafts: state.drafts,
        attachments: state.attachments,
        // Impossible data, measures recorded before the measure rules (shared/measures/rules.ts), and
        // bekymringsmeldinger recorded before their documentation was required.
        findings: [
          ...validityIssues(state.doc, today),
          ...measureRuleIssues(state.doc),
          ...concernReportIssues(state.doc),
          // Referrals closed, rejected or forwarded without an avslutningsbrev (imported or old history).
          ...closingLetterIssues(state.doc, state.letters),
          ...meetingRuleIssues(state.doc, state.letters),
        ],
        voided: state.voided,
      };
    },
    'cases.create': async (input) => {
      const vault = session.requireVault();
      const r = await createCase(vault, input, session.today());
      if (input.pupil.school) await ensureSchool(vault, input.pupil.school);
      return r;
    },
    'cases.void': async ({ caseId, reason }) => voidCase(session.requireVault(), caseId, reason),
    'cases.delete': async ({ caseId, reason, withoutArchive }) => {
      const vault = session.requireVault();
      // Archive, then delete (issue 19 item 4): the archive must first have every letter and document.
      if (withoutArchive !== true) await assertArchivedBeforeDelete(vault, caseId);
      await vault.deleteCase(caseId, reason);
      return { deleted: true as const };
    },
    'cases.update': async ({ caseId, changes }) => {
      const vault = session.requireVault();
      const r = await updateCase(vault, caseId, changes, session.today());
      // A school typed in the pupil's form joins the register ("typing a new name adds it").
      for (const ch of changes)
        if (ch.op === 'set' && ch.entity === 'pupil' && typeof ch.set.school === 'string')
          await ensureSchool(vault, ch.set.school);
      return r;
    },
    'assignments.change': async (input) => {
      const vault = session.requireVault();
      // The caseworker picked from the register, or typed: a new name joins it.
      const caseworkerId = await ensureCaseworker(vault, {
        id: input.caseworkerId,
        name: input.caseworker,
        role: input.role,
        service: input.service,
      });
      return changeCaseworker(
        vault,
        { ...input, ...(caseworkerId ? { caseworkerId } : {}) },
        session.today(),
      );
    },
    'notes.release': async (input) => releaseNote(session.requireVault(), input, session.today()),
    'interchange.import': async ({ file }, progress) =>
      importInterchange(session.requireVault(), file, progress, session.today()),
    'interchange.export': async ({ cases, to, legalBasis }) =>
      exportInterchange(
        session.requireVault(),
        cases,
        to === undefined ? undefined : { to, legalBasis, today: session.today() },
      ),
    'demo.create': async ({ cases, seed, today }, progress) => {
      if (today !== undefined && !isRealDate(today))
        throw new BroError('VALIDATION', 'Invalid date', {
          issues: [{ path: ['today'], code: 'DATE_INVALID' }],
        });
      const file = generateDemo({ cases, seed, today: today ?? session.today() });
      const vault = session.requireVault();
      const r = await importInterchange(vault, file, progress, today ?? session.today());
      await addColleagues(vault, demoColleagues(file));
      await addVoidedDemoSamples(vault, today ?? session.today());
      // A letterhead for the demo's letters, when this machine's settings have none (never replaces one).
      if (!appLetterhead(session)) session.settings.set({ letterhead: DEMO_LETTERHEAD });
      await demoExtras(vault, today ?? session.today(), progress);
      return r;
    },
    'members.request': async ({ dir, passphrase }) => {
      const r = await Vault.requestMembership(dir, {
        passphrase,
        ...(session.opts.kdf ? { kdf: session.opts.kdf } : {}),
      });
      return { memberId: r.memberId, code: r.code };
    },
    'members.list': async () => {
      const vault = session.requireVault();
      const members = (await vault.members()).map((m) => ({
        memberId: m.memberId,
        name: m.name,
        kid: m.publicJwk.kid,
        active: m.active,
        me: m.me,
      }));
      return { members, requests: await vault.pendingRequests() };
    },
    'members.approve': async ({ code, name }) => session.requireVault().approveMember(code, name),
    'members.rename': async ({ name }) => renameSelf(session.requireVault(), name),
    'registers.get': async () => {
      const vault = session.requireVault();
      const state = await readRegisters(vault);
      const str = (v: unknown) => (typeof v === 'string' ? v : null);
      return {
        caseworkers: await caseworkerDirectory(vault, state),
        schools: state.registers.schools.map((e) => ({
          id: e.key,
          name: String(e.fields.name ?? ''),
          orgNumber: str(e.fields.orgNumber),
          address: str(e.fields.address),
          postcode: str(e.fields.postcode),
          place: str(e.fields.place),
          rektor: str(e.fields.rektor),
          phone: str(e.fields.phone),
          email: str(e.fields.email),
        })),
        catalogue: state.registers.catalogue
          .map((e) => ({
            id: e.key,
            name: String(e.fields.name ?? ''),
            code: str(e.fields.code),
            text: String(e.fields.text ?? ''),
            level: (str(e.fields.level) as CatalogueEntry['level'] | null) ?? null,
            target: (str(e.fields.target) as CatalogueEntry['target'] | null) ?? null,
            predictable: typeof e.fields.predictable === 'boolean' ? e.fields.predictable : null,
            masteryOriented: typeof e.fields.masteryOriented === 'boolean' ? e.fields.masteryOriented : null,
            frequency: str(e.fields.frequency),
          }))
          .sort((a, b) => a.name.localeCompare(b.name, 'nb')),
        schoolHolidays: schoolHolidaysOf(state),
      };
    },
    'registers.seedCatalogue': async () => ({ added: await seedCatalogue(session.requireVault()) }),
    'registers.record': async ({ register, id, set, reason }) => {
      const vault = session.requireVault();
      if (register === 'caseworkers' && id && (await vault.members()).some((m) => m.memberId === id))
        // A member's name is their own (members.rename), not the register's.
        throw new BroError('VALIDATION', 'A member is not edited in the register', {
          issues: [{ path: ['id'], code: 'MEMBER_ENTRY' }],
        });
      const [key] = await recordRegisterEntries(vault, [{ register, key: id, set, reason }], {
        at: () => [],
      });
      return { id: key! };
    },
    'registers.remove': async ({ register, id, reason }) => {
      await removeRegisterEntry(session.requireVault(), register, id, reason);
      return {};
    },
    'members.remove': async ({ memberId }, progress) =>
      session.requireVault().removeMember(memberId, { onProgress: (d, t) => progress?.(d, t, 'rotate') }),
    'reports.caseload': async ({ asOf }) => {
      const r = await caseload(session, asOf);
      await session.requireVault().audit('reports.caseload');
      return r;
    },
    ...waitingHandlers(session),
    ...letterHandlers(session),
    ...innsynHandlers(session),
    ...absenceHandlers(session),
    ...archiveHandlers(session),
    ...dispatchHandlers(session),
    ...replyHandlers(session),
    ...attachmentHandlers(session),
    ...accessHandlers(session),
  };
}

/**
 * Validates raw input against the contract and runs the handler: the only way in, for every adapter.
 * `door`: who is calling. SECURITY: the host and the Electron IPC pass theirs, so a renderer's path
 * fields go through that door's rules (access/door.ts); only in-process callers acting for the
 * person at the keyboard (the CLI, tests) leave it at the CLI's.
 */
export async function call<K extends OpName>(
  handlers: Handlers,
  name: K,
  raw: unknown,
  progress?: Progress,
  door: Door = CLI_DOOR,
): Promise<OpOutput<K>> {
  const def = contract[name];
  if (!def) throw new BroError('USAGE', 'Unknown operation');
  const parsed = def.input.safeParse(raw ?? {});
  if (!parsed.success) throw new BroError('VALIDATION', 'Invalid input', { issues: zodIssues(parsed.error) });
  const input = throughDoor(name, parsed.data, door);
  return (handlers[name] as Handler<K>)(input as never, progress);
}

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
