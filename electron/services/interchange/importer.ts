import { checkFileSharing } from '../../../shared/consent/sharing';
import { healthMark } from '../../../shared/privacy/health';
import { validateCaseDoc, zodIssues } from '../../../shared/domain/validate';
import type { CaseDoc } from '../../../shared/domain/caseDoc';
import { BroError, type Issue } from '../../../shared/errors';
import { foldCase, type CaseState } from '../../../shared/events/fold';
import type { NewEvent, StoredEvent } from '../../../shared/events/vocabulary';
import { IMPORT_REASON, diffCase, toInterchangeCase } from '../../../shared/interchange/diff';
import {
  INTERCHANGE_FORMAT,
  interchangeFile,
  type InterchangeFile,
} from '../../../shared/interchange/schema';
import { localToday, newIssues, provisional } from '../cases/update';
import { validityIssues } from '../../../shared/domain/validity';
import { sameName } from '../../../shared/registers/schema';
import type { RegistersState } from '../../../shared/registers/fold';
import {
  lookupRegisters,
  planRegisterEntries,
  readRegisters,
  writeRegisterEvents,
  type RegisterChange,
} from '../registers/registers';
import { randomId } from '../vault/crypto';
import type { Vault } from '../vault/vault';
import type { Progress } from '../session';
import { dropNulls } from '../../../shared/json';
import type { School } from '../../../shared/registers/schema';

export interface ImportResult {
  cases: number;
  created: number;
  updated: number;
  unchanged: number;
  events: number;
  /** School register entries added or changed by the file's `schools[]`. */
  schools: number;
}

/** Validates a whole interchange file: every problem, by path. Throws VALIDATION; writes nothing. */
export function parseInterchange(input: unknown, today: string = localToday()): InterchangeFile {
  const parsed = interchangeFile.safeParse(input);
  if (!parsed.success) {
    throw new BroError('VALIDATION', 'The import file is not valid bro-interchange/1', {
      issues: zodIssues(parsed.error),
    });
  }
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  parsed.data.cases.forEach((c, i) => {
    if (seen.has(c.id)) issues.push({ path: ['cases', i, 'id'], code: 'DUPLICATE_ID' });
    seen.set(c.id, i);
    const checked = validateCaseDoc(c, ['cases', i]);
    issues.push(...checked.issues);
    // Impossible data (shared/domain/validity.ts): refused in a new case as in a change.
    if (checked.doc)
      issues.push(
        ...validityIssues(checked.doc, today).map((x) => ({ ...x, path: ['cases', i, ...x.path] })),
      );
    for (const coll of ['referrals', 'recommendations'] as const) {
      const ids = new Set<string>();
      (c[coll] ?? []).forEach((item, j) => {
        if (ids.has(item.id)) issues.push({ path: ['cases', i, coll, j, 'id'], code: 'DUPLICATE_ID' });
        ids.add(item.id);
      });
    }
  });
  (parsed.data.schools ?? []).forEach((s, i) => {
    const twin = (parsed.data.schools ?? []).findIndex(
      (o, j) => j < i && (s.orgNumber ? o.orgNumber === s.orgNumber : sameName(o.name, s.name)),
    );
    if (twin >= 0)
      issues.push({ path: ['schools', i, s.orgNumber ? 'orgNumber' : 'name'], code: 'DUPLICATE_ID' });
  });
  if (issues.length) throw new BroError('VALIDATION', 'The import file breaks case rules', { issues });
  return parsed.data;
}

/**
 * The register changes a file's `schools[]` makes: each school matches an entry by organisation
 * number, else by name; a new one is added, a matched one takes the file's fields (a field the
 * file leaves out is cleared, as for a case: null and missing mean the same).
 */
function schoolChanges(file: InterchangeFile, state: RegistersState): RegisterChange[] {
  const entries = state.registers.schools;
  const fields = ['orgNumber', 'address', 'postcode', 'place', 'rektor', 'phone', 'email'] as const;
  return (file.schools ?? []).map((s) => {
    const hit =
      (s.orgNumber ? entries.find((e) => e.fields.orgNumber === s.orgNumber) : undefined) ??
      entries.find((e) => sameName(e.fields.name as string, s.name));
    const set: Record<string, unknown> = { name: s.name };
    for (const f of fields) set[f] = s[f] ?? null;
    return {
      register: 'schools',
      ...(hit ? { key: hit.key } : {}),
      set,
      reason: hit ? IMPORT_REASON : undefined,
    };
  });
}

/**
 * Imports all or nothing: everything is validated (also against what the vault holds) before the
 * first file is written. Idempotent: a case already holding the same content gets no events.
 */
export async function importInterchange(
  vault: Vault,
  input: unknown,
  onProgress?: Progress,
  today: string = localToday(),
): Promise<ImportResult> {
  const file = parseInterchange(input, today);
  const { cases: existing } = await vault.listCases();
  const byExternal = new Map(existing.map((s) => [s.externalId, s.caseId]));
  const plan: { caseId: string | null; events: NewEvent[] }[] = [];
  const issues: Issue[] = [];
  let i = 0;
  for (const doc of file.cases) {
    onProgress?.(i, file.cases.length, 'validate');
    const caseId = byExternal.get(doc.id) ?? null;
    let stored: StoredEvent[] = [];
    let state: CaseState | null = null;
    if (caseId) {
      stored = await vault.readCase(caseId); // a damaged case stops the import: nothing is written
      state = foldCase(caseId, stored);
    }
    const events = diffCase(state, doc as CaseDoc, randomId);
    if (events.length && state) {
      const after = foldCase(caseId!, [...stored, ...provisional(caseId!, events)]);
      issues.push(...newIssues(state, after, today).map((x) => ({ ...x, path: ['cases', i, ...x.path] })));
    }
    plan.push({ caseId, events });
    i++;
  }
  if (issues.length)
    throw new BroError('VALIDATION', 'The import conflicts with cases in the vault', { issues });
  // The schools are checked against the register before anything is written.
  const registers = file.schools?.length ? await readRegisters(vault) : null;
  let schoolPlan: ReturnType<typeof planRegisterEntries> | null = null;
  try {
    if (registers)
      schoolPlan = planRegisterEntries(registers, schoolChanges(file, registers), (i) => ['schools', i]);
  } catch (e) {
    // Paths in the file's shape: schools[i].<field>, not the register change's `set`.
    if (e instanceof BroError)
      throw new BroError(e.code, e.message, {
        issues: e.issues.map((x) => ({ ...x, path: x.path.filter((p, j) => !(j === 2 && p === 'set')) })),
      });
    throw e;
  }

  const result: ImportResult = {
    cases: file.cases.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    events: 0,
    schools: 0,
  };
  const touched: string[] = [];
  i = 0;
  for (const step of plan) {
    onProgress?.(i++, plan.length, 'write');
    if (step.events.length === 0) {
      result.unchanged++;
      continue;
    }
    const caseId = step.caseId ?? (await vault.createCase());
    await vault.append(caseId, step.events);
    touched.push(caseId);
    if (step.caseId) result.updated++;
    else result.created++;
    result.events += step.events.length;
  }
  if (registers && schoolPlan?.events.length) {
    await writeRegisterEvents(vault, registers, schoolPlan.events);
    result.schools = schoolPlan.events.length;
  }
  onProgress?.(plan.length, plan.length, 'write');
  await vault.audit('import', touched);
  return result;
}

/** Exports cases (all, or those named by external or vault id). Damaged cases are skipped and listed. */
export async function exportInterchange(
  vault: Vault,
  select?: readonly string[],
  share?: { to: string; legalBasis?: string | undefined; today: string },
): Promise<{
  file: InterchangeFile;
  skipped: { caseId: string; code: string }[];
  sharing?: { role: string; basis: 'consent' | 'legal' | 'party'; caseIds: string[] }[];
}> {
  const { cases, damaged } = await vault.listCases();
  // Stable output: by the case's own id, not the vault's random folder names.
  let chosen = [...cases].sort((a, b) => a.externalId.localeCompare(b.externalId, 'nb', { numeric: true }));
  if (select?.length) {
    chosen = [];
    for (const want of select) {
      const hit = cases.find((c) => c.externalId === want || c.caseId === want);
      if (!hit) {
        if (damaged.some((d) => d.caseId === want))
          throw new BroError('TAMPERED', 'The case is damaged', { detail: { caseId: want } });
        throw new BroError('NOT_FOUND', 'No such case', { issues: [{ path: ['cases'], code: 'NOT_FOUND' }] });
      }
      chosen.push(hit);
    }
  }
  const out: CaseDoc[] = [];
  const skipped = select?.length ? [] : damaged.map((d) => ({ caseId: d.caseId, code: 'TAMPERED' }));
  // A restricted case this member may not open is left out of a whole-vault export (and named);
  // asked for by its id, it is refused (RESTRICTED) by the read below.
  if (!select?.length) {
    for (const c of chosen.filter((x) => x.denied)) skipped.push({ caseId: c.caseId, code: 'RESTRICTED' });
    chosen = chosen.filter((x) => !x.denied);
  }
  const names = new Map((await vault.members()).map((m) => [m.memberId, m.name] as const));
  // Consent at every sharing (issue 14 item 8): an export to a named recipient is checked per case
  // against its consent register; one case without consent or legal basis stops the whole export.
  const refused: Issue[] = [];
  const groups = new Map<string, { role: string; basis: 'consent' | 'legal' | 'party'; caseIds: string[] }>();
  for (const s of chosen) {
    try {
      const state = await vault.fold(s.caseId);
      // A voided case (a duplicate, opened in error) leaves the vault's figures and its exports:
      // bro-interchange/1 cannot say it is void, and another system would count it.
      if (state.voided && !select?.length) continue;
      if (share) {
        const check = checkFileSharing(state.doc, share.to, share.today, share.legalBasis, [
          'cases',
          state.doc.id,
          'legalBasis',
        ]);
        if (!check.ok) {
          refused.push({ path: check.issue.path, code: 'CONSENT_MISSING', limit: check.issue.recipient });
          continue;
        }
        const g = `${check.role} ${check.basis.kind}`;
        if (!groups.has(g)) groups.set(g, { role: check.role, basis: check.basis.kind, caseIds: [] });
        groups.get(g)!.caseIds.push(s.caseId);
      }
      out.push(toInterchangeCase(state, (id) => names.get(id) ?? null));
    } catch (e) {
      if (e instanceof BroError && e.code === 'TAMPERED')
        skipped.push({ caseId: s.caseId, code: 'TAMPERED' });
      else throw e;
    }
  }
  if (refused.length)
    throw new BroError('CONSENT_MISSING', 'No valid consent and no legal basis for the recipient', {
      issues: refused,
      detail: { recipient: share!.to.trim(), cases: refused.length },
    });
  if (share)
    for (const g of groups.values())
      await vault.audit('export', g.caseIds, undefined, {
        to: g.role,
        basis: g.basis,
        ...(g.basis === 'legal' ? { legalBasis: share.legalBasis!.trim() } : {}),
      });
  else
    await vault.audit(
      'export',
      chosen.map((c) => c.caseId),
    );
  // The school register: all of it, or the exported pupils' schools. Left out when empty (or damaged).
  const registers = await lookupRegisters(vault);
  const schools = registers.registers.schools
    .filter((e) => !select?.length || out.some((c) => sameName(c.pupil?.school, e.fields.name as string)))
    .map((e) => dropNulls({ ...e.fields }) as School);
  // Health data marked as a special category (issue 14 item 9), on the cases as exported.
  const specialCategories = out.map(healthMark).filter((m) => m !== null);
  return {
    file: {
      format: INTERCHANGE_FORMAT,
      cases: out,
      ...(schools.length ? { schools } : {}),
      ...(specialCategories.length ? { specialCategories } : {}),
    },
    skipped,
    ...(share ? { sharing: [...groups.values()] } : {}),
  };
}
