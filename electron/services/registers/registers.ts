import type { z } from 'zod';
import { zodIssues } from '../../../shared/domain/validate';
import { BroError, type Issue, type Path } from '../../../shared/errors';
import type { NewEvent } from '../../../shared/events/vocabulary';
import type { ObligationOwner } from '../../../shared/cases/obligations';
import { CATALOGUE_SEED, codeOf } from '../../../shared/catalogue/catalogue';
import { schoolHolidayIssues } from '../../../shared/absence/holidays';
import { demoSchoolHolidays } from '../../../shared/demo/holidays';
import { foldRegisters, type RegistersState } from '../../../shared/registers/fold';
import {
  REGISTERS,
  REGISTER_EVENT_DATA,
  sameName,
  type RegisterName,
} from '../../../shared/registers/schema';
import { randomId } from '../vault/crypto';
import { containerId, type Vault } from '../vault/vault';

/**
 * The registers kept in the vault (shared/registers): a case-shaped container at a fixed id
 * (`containerId('bro-registers-v1', vaultId)`, docs/VAULT-FORMAT.md), whose events are register
 * events. Reading a vault that has none yet gives empty registers; the first write makes it.
 */
const NAME = 'bro-registers-v1' as const;

export async function readRegisters(vault: Vault): Promise<RegistersState> {
  try {
    return foldRegisters(await vault.readCase(containerId(NAME, vault.vaultId)));
  } catch (e) {
    if (e instanceof BroError && e.code === 'NOT_FOUND') return foldRegisters([]);
    throw e;
  }
}

/**
 * The registers for what only looks things up in them (the case list's owners, a letter's
 * address, a form's suggestion): damaged registers (TAMPERED) read as empty there, so they never
 * stop the cases from working. `registers.get` and every write still report the damage.
 */
export async function lookupRegisters(vault: Vault): Promise<RegistersState> {
  try {
    return await readRegisters(vault);
  } catch (e) {
    if (e instanceof BroError && e.code === 'TAMPERED') return foldRegisters([]);
    throw e;
  }
}

export interface RegisterChange {
  register: RegisterName;
  /** The entry's key; omitted to add a new entry. */
  key?: string | undefined;
  set: Record<string, unknown>;
  reason?: string | undefined;
}

/**
 * Records register entries (new or changed) in one batch: each is checked against its register's
 * schema (a new entry whole, a change as a part), an entry the register does not hold is
 * NOT_FOUND, and a new entry whose name is already there is DUPLICATE_NAME. Nothing is written
 * unless all are valid. Returns the keys, in order.
 */
export async function recordRegisterEntries(
  vault: Vault,
  changes: readonly RegisterChange[],
  opts: { state?: RegistersState; at?: (i: number) => Path } = {},
): Promise<string[]> {
  const state = opts.state ?? (await readRegisters(vault));
  const plan = planRegisterEntries(state, changes, opts.at);
  await writeRegisterEvents(vault, state, plan.events);
  return plan.keys;
}

/**
 * The events that record `changes`, checked and nothing written: throws VALIDATION with every
 * problem (paths from `at`). Lets an import check its registers before it writes anything.
 */
export function planRegisterEntries(
  state: RegistersState,
  changes: readonly RegisterChange[],
  at: (i: number) => Path = (i) => ['changes', i],
): { events: NewEvent[]; keys: string[] } {
  const events: NewEvent[] = [];
  const keys: string[] = [];
  const issues: Issue[] = [];
  const added = new Map<RegisterName, string[]>();
  changes.forEach((ch, i) => {
    const schema = REGISTERS[ch.register] as z.ZodObject;
    const entries = state.registers[ch.register];
    const existing = ch.key ? entries.find((e) => e.key === ch.key) : undefined;
    if (ch.key && !existing) issues.push({ path: [...at(i), 'id'], code: 'NOT_FOUND' });
    // A new entry must be whole; a change may name only what changes.
    const parsed = existing
      ? schema.partial().safeParse(ch.set)
      : schema.safeParse(Object.fromEntries(Object.entries(ch.set).filter(([, v]) => v != null)));
    if (!parsed.success) {
      issues.push(...zodIssues(parsed.error, [...at(i), 'set']));
      return;
    }
    const set = parsed.data as Record<string, unknown>;
    // A holiday period's own rule (shared/absence/holidays.ts), on the entry as it would be.
    if (ch.register === 'schoolHolidays') {
      const whole = { ...(existing?.fields ?? {}), ...set };
      for (const x of schoolHolidayIssues(whole)) issues.push({ ...x, path: [...at(i), 'set', ...x.path] });
    }
    const name = set.name as string | undefined;
    // A catalogue entry keeps a stable code for the measures planned from it: made from its name.
    if (ch.register === 'catalogue' && !existing && set.code == null && name) set.code = codeOf(name);
    if (name !== undefined) {
      const clash =
        entries.some((e) => e.key !== ch.key && sameName(e.fields.name as string, name)) ||
        (added.get(ch.register) ?? []).some((n) => sameName(n, name));
      if (clash) issues.push({ path: [...at(i), 'set', 'name'], code: 'DUPLICATE_NAME' });
      added.set(ch.register, [...(added.get(ch.register) ?? []), name]);
    }
    const key = ch.key ?? randomId();
    keys.push(key);
    const changed = existing
      ? Object.fromEntries(
          Object.entries(set).filter(
            ([k, v]) => JSON.stringify(existing.fields[k] ?? null) !== JSON.stringify(v ?? null),
          ),
        )
      : set;
    if (Object.keys(changed).length === 0) return;
    events.push({
      type: `${ch.register}.recorded`,
      data: { key, set: changed, ...(ch.reason ? { reason: ch.reason } : {}) },
    });
  });
  if (issues.length) throw new BroError('VALIDATION', 'The register entries are not valid', { issues });
  return { events, keys };
}

export async function removeRegisterEntry(
  vault: Vault,
  register: RegisterName,
  key: string,
  reason: string | undefined,
): Promise<void> {
  const state = await readRegisters(vault);
  if (!state.registers[register].some((e) => e.key === key))
    throw new BroError('NOT_FOUND', 'No such entry', { issues: [{ path: ['id'], code: 'NOT_FOUND' }] });
  await writeRegisterEvents(vault, state, [
    { type: `${register}.removed`, data: { key, ...(reason ? { reason } : {}) } },
  ]);
}

/** Writes register events in one batch, making the container (and its opening event) on first use. */
export async function writeRegisterEvents(
  vault: Vault,
  state: RegistersState,
  events: readonly NewEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const id = await vault.openContainer(NAME);
  const batch: NewEvent[] = state.opened
    ? [...events]
    : [{ type: 'registers.opened', data: { format: 'bro-registers/1' } }, ...events];
  await vault.append(id, batch, REGISTER_EVENT_DATA);
  await vault.audit('registers.update');
}

/**
 * Seeds the catalogue of measures with the study's repertoire (shared/catalogue): adds each seed
 * entry whose name (or code) the catalogue does not hold yet, so running it twice adds nothing and
 * an entry the service renamed or edited is left alone. Returns how many were added.
 */
export async function seedCatalogue(vault: Vault, state?: RegistersState): Promise<number> {
  const current = state ?? (await readRegisters(vault));
  const entries = current.registers.catalogue;
  const fresh = CATALOGUE_SEED.filter(
    (s) => !entries.some((e) => sameName(e.fields.name as string, s.name) || e.fields.code === s.code),
  );
  if (fresh.length === 0) return 0;
  await recordRegisterEntries(
    vault,
    fresh.map((s) => ({
      register: 'catalogue' as const,
      set: Object.fromEntries(Object.entries(s).filter(([, v]) => v != null)),
    })),
    { state: current },
  );
  return fresh.length;
}

/** One person a case can be assigned to: a member of the vault, or a colleague in the register. */
export interface Caseworker {
  id: string;
  name: string;
  role: string | null;
  service: string | null;
  phone: string | null;
  email: string | null;
  member: boolean;
  /** A member still in the vault (a removed member keeps their name for old assignments). */
  active: boolean;
  me: boolean;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** The vault's members, then the colleagues in the register, by name. */
export async function caseworkerDirectory(vault: Vault, state?: RegistersState): Promise<Caseworker[]> {
  const registers = state ?? (await lookupRegisters(vault));
  const members = (await vault.members()).map((m): Caseworker => ({
    id: m.memberId,
    name: m.name,
    role: null,
    service: null,
    phone: null,
    email: null,
    member: true,
    active: m.active,
    me: m.me,
  }));
  const colleagues = registers.registers.caseworkers.map((e): Caseworker => ({
    id: e.key,
    name: String(e.fields.name ?? ''),
    role: str(e.fields.role),
    service: str(e.fields.service),
    phone: str(e.fields.phone),
    email: str(e.fields.email),
    member: false,
    active: true,
    me: false,
  }));
  const byName = (a: Caseworker, b: Caseworker) => a.name.localeCompare(b.name, 'nb');
  return [...members.sort(byName), ...colleagues];
}

/** Who owns a case's tasks, as people see it: the register's current name for an id, else the name recorded. */
export interface ResolvedOwner {
  name: string;
  id: string | null;
  mine: boolean;
}

export function ownerResolver(directory: readonly Caseworker[]) {
  const byId = new Map(directory.map((c) => [c.id, c]));
  const me = directory.find((c) => c.me) ?? null;
  return (owner: ObligationOwner | null): ResolvedOwner | null => {
    if (!owner) return null;
    const known = owner.id ? byId.get(owner.id) : undefined;
    const name = known && known.name.trim() !== '' ? known.name : owner.name;
    // "Mine" is by member; old data without an id falls back to the display name.
    const mine = me !== null && (owner.id ? owner.id === me.id : sameName(owner.name, me.name));
    return { name, id: owner.id ?? null, mine };
  };
}

/**
 * The caseworker a typed name (or a picked id) means: a member or colleague with that id, or the
 * one with that name; otherwise a new colleague is added to the register ("typing a new name adds
 * it"). Returns their id, or throws NOT_FOUND for an id the register does not know.
 */
export async function ensureCaseworker(
  vault: Vault,
  pick: { id?: string | undefined; name: string; role?: string | undefined; service?: string | undefined },
): Promise<string | undefined> {
  let state: RegistersState;
  try {
    state = await readRegisters(vault);
  } catch (e) {
    // Damaged registers: a member is still found by name; nobody is added.
    if (!(e instanceof BroError && e.code === 'TAMPERED')) throw e;
    const member = (await caseworkerDirectory(vault, foldRegisters([]))).find(
      (c) => c.id === pick.id || (c.active && sameName(c.name, pick.name)),
    );
    return member?.id;
  }
  const directory = await caseworkerDirectory(vault, state);
  if (pick.id) {
    if (!directory.some((c) => c.id === pick.id))
      throw new BroError('NOT_FOUND', 'No such caseworker', {
        issues: [{ path: ['caseworkerId'], code: 'NOT_FOUND' }],
      });
    return pick.id;
  }
  const named = directory.find((c) => (c.active || !c.member) && sameName(c.name, pick.name));
  if (named) return named.id;
  const [key] = await recordRegisterEntries(
    vault,
    [
      {
        register: 'caseworkers',
        set: {
          name: pick.name,
          ...(pick.role ? { role: pick.role } : {}),
          ...(pick.service ? { service: pick.service } : {}),
        },
      },
    ],
    { state },
  );
  return key!;
}

/** Adds colleagues (a demo file's caseworkers) that neither the members nor the register name yet. */
export async function addColleagues(
  vault: Vault,
  colleagues: readonly { name: string; role?: string; service?: string }[],
): Promise<number> {
  const state = await readRegisters(vault);
  const directory = await caseworkerDirectory(vault, state);
  const fresh = colleagues.filter((c) => !directory.some((d) => sameName(d.name, c.name)));
  if (fresh.length === 0) return 0;
  await recordRegisterEntries(
    vault,
    fresh.map((c) => ({ register: 'caseworkers' as const, set: { ...c } })),
    { state },
  );
  return fresh.length;
}

/** Adds a school typed in a form to the register when no school of that name is there. */
export async function ensureSchool(vault: Vault, name: string): Promise<void> {
  let state: RegistersState;
  try {
    state = await readRegisters(vault);
  } catch (e) {
    // Damaged registers do not stop a case from being saved; `vault check` names the file.
    if (e instanceof BroError && e.code === 'TAMPERED') return;
    throw e;
  }
  if (name.trim() === '' || state.registers.schools.some((e) => sameName(e.fields.name as string, name)))
    return;
  await recordRegisterEntries(vault, [{ register: 'schools', set: { name } }], { state });
}

/** The register entry of a school by name (a letter's recipient address). */
export function schoolByName(state: RegistersState, name: string) {
  return state.registers.schools.find((e) => sameName(e.fields.name as string, name)) ?? null;
}

export { REGISTERS, type RegisterName };

/** The school holidays the service has entered (register `schoolHolidays`), oldest first. */
export function schoolHolidaysOf(
  state: RegistersState,
): { id: string; schoolYear: string; label: string; from: string; to: string }[] {
  return state.registers.schoolHolidays
    .map((e) => ({
      id: e.key,
      schoolYear: String(e.fields.schoolYear ?? ''),
      label: String(e.fields.label ?? ''),
      from: String(e.fields.from ?? ''),
      to: String(e.fields.to ?? ''),
    }))
    .filter((h) => /^\d{4}-\d{2}-\d{2}$/u.test(h.from) && /^\d{4}-\d{2}-\d{2}$/u.test(h.to))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/**
 * The demo's school calendar (shared/demo/holidays.ts) into the register, once: a period whose
 * school year and name are already there is left alone, so making the demo again adds nothing.
 */
export async function addDemoSchoolHolidays(vault: Vault, today: string): Promise<number> {
  const state = await readRegisters(vault);
  const have = new Set(
    state.registers.schoolHolidays.map((e) => `${String(e.fields.schoolYear)}|${String(e.fields.label)}`),
  );
  const changes = demoSchoolHolidays(today)
    .filter((h) => !have.has(`${h.schoolYear}|${h.label}`))
    .map((h) => ({ register: 'schoolHolidays' as const, set: { ...h } }));
  if (changes.length) await recordRegisterEntries(vault, changes, { state });
  return changes.length;
}
