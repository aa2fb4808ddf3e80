import type { CaseChange } from '../../../shared/contract';
import { validateCaseDoc } from '../../../shared/domain/validate';
import { measureRuleIssues } from '../../../shared/measures/rules';
import { familyRuleIssues } from '../../../shared/family/rules';
import { closingLetterIssues } from '../../../shared/referrals/closing';
import { meetingRuleIssues } from '../../../shared/meetings/attendance';
import { validityIssues } from '../../../shared/domain/validity';
import { BroError, formatPath, type Issue, type Path } from '../../../shared/errors';
import { foldCase, type CaseState } from '../../../shared/events/fold';
import { parseEventData, type NewEvent, type StoredEvent } from '../../../shared/events/vocabulary';
import { zodIssues } from '../../../shared/domain/validate';
import { sameValue } from '../../../shared/json';
import type { Note } from '../../../shared/domain/note';
import { noteChangeIssues } from '../../../shared/notes/visibility';
import { randomId } from '../vault/crypto';
import type { Vault } from '../vault/vault';

/** The current value of one entity (for the correction rule), or undefined for a new one. */
function currentEntity(state: CaseState, ch: CaseChange): Record<string, unknown> | undefined {
  const doc = state.doc as unknown as Record<string, unknown>;
  if (ch.entity === 'case') return doc;
  if (ch.entity === 'pupil') return doc.pupil as Record<string, unknown>;
  if (!ch.key) return undefined;
  if (ch.entity === 'evaluations') {
    const recs = (state.doc.recommendations ?? []) as Record<string, unknown>[];
    for (const [recKey, evKeys] of Object.entries(state.evaluationKeys)) {
      const i = evKeys.indexOf(ch.key);
      if (i >= 0) {
        const rec = recs[state.keys.recommendations.indexOf(recKey)];
        return ((rec?.evaluations ?? []) as Record<string, unknown>[])[i];
      }
    }
    return undefined;
  }
  const i = state.keys[ch.entity].indexOf(ch.key);
  return i >= 0 ? ((doc[ch.entity] as Record<string, unknown>[])[i] ?? undefined) : undefined;
}

/** Turns form changes into events, or a list of issues (paths point into the request). */
export function eventsForChanges(
  state: CaseState,
  changes: readonly CaseChange[],
): { events: NewEvent[]; keys: (string | null)[]; issues: Issue[] } {
  const events: NewEvent[] = [];
  const keys: (string | null)[] = [];
  const issues: Issue[] = [];
  changes.forEach((ch, i) => {
    const at: Path = ['changes', i];
    let type: string;
    let data: Record<string, unknown>;
    if (ch.op === 'remove') {
      type = `${ch.entity}.removed`;
      data = { key: ch.key, reason: ch.reason };
      if (!currentEntity(state, ch)) issues.push({ path: [...at, 'key'], code: 'NOT_FOUND' });
      keys.push(ch.key);
    } else if (ch.entity === 'case' || ch.entity === 'pupil') {
      type = `${ch.entity}.recorded`;
      data = { set: ch.set, ...(ch.reason ? { reason: ch.reason } : {}) };
      keys.push(null);
    } else {
      const key = ch.key ?? randomId();
      type = `${ch.entity}.recorded`;
      // A new journal note written in the app gets its interchange id here (the form has no id field).
      const set =
        ch.entity === 'notes' && !ch.key && ch.set.id == null
          ? { id: `notat-${key.slice(0, 10)}`, ...ch.set }
          : ch.set;
      data = { key, set, ...(ch.reason ? { reason: ch.reason } : {}) };
      if (ch.entity === 'evaluations') {
        if (!ch.parent || !state.keys.recommendations.includes(ch.parent))
          issues.push({ path: [...at, 'parent'], code: 'NOT_FOUND' });
        data.parent = ch.parent;
      }
      if (ch.key && !currentEntity(state, ch)) issues.push({ path: [...at, 'key'], code: 'NOT_FOUND' });
      if (ch.entity === 'notes')
        for (const n of noteChangeIssues(currentEntity(state, ch) as Partial<Note> | undefined, ch.set))
          issues.push({ path: [...at, 'set', n.field], code: n.code });
      keys.push(key);
    }
    const parsed = parseEventData(type, data);
    if (!parsed.success) {
      if ('error' in parsed && parsed.error) issues.push(...zodIssues(parsed.error, at));
      return;
    }
    if (ch.op === 'set' && !ch.reason) {
      // A correction (changing a value that was already recorded) must say why: the timeline keeps both.
      const current = currentEntity(state, ch);
      for (const [field, value] of Object.entries((parsed.data.set as Record<string, unknown>) ?? {})) {
        const before = current?.[field];
        if (before != null && !sameValue(before, value) && !appends(before, value))
          issues.push({ path: [...at, 'set', field], code: 'CORRECTION_REASON_REQUIRED' });
      }
    }
    events.push({ type, data: parsed.data });
  });
  return { events, keys, issues };
}

/**
 * Adding to a list keeps everything already recorded (a measure's occurrences, check-ins, status
 * changes): it is a new entry, not a correction, so it needs no reason.
 */
function appends(before: unknown, after: unknown): boolean {
  return (
    Array.isArray(before) &&
    Array.isArray(after) &&
    after.length > before.length &&
    before.every((b, i) => sameValue(b, after[i]))
  );
}

/** Stand-ins for events not yet written, so the rules can be checked on the state they would produce. */
export function provisional(caseId: string, events: readonly NewEvent[]): StoredEvent[] {
  return events.map((e, i) => ({
    v: 1,
    id: `pending-${i}`,
    caseId,
    type: e.type,
    hlc: `999999999999999-${String(i).padStart(6, '0')}`,
    device: 'pending',
    actor: 'pending',
    at: '',
    data: e.data,
  }));
}

/**
 * The case rules, and the rules for what is recorded from now on (shared/measures/rules.ts,
 * shared/family/rules.ts, and
 * against impossible data on `today`: shared/domain/validity.ts).
 */
function ruleIssues(state: CaseState, today: string): Issue[] {
  return [
    ...validateCaseDoc(state.doc).issues,
    ...measureRuleIssues(state.doc),
    ...familyRuleIssues(state.doc),
    ...validityIssues(state.doc, today),
    ...meetingRuleIssues(state.doc, state.letters),
  ];
}

/** Today as a calendar date in local time, for callers without a session (tests, tools). */
export function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * An issue named by entity keys rather than positions: removing (voiding) one item moves the
 * ones after it, and an old issue must not look new because its item moved up.
 */
function issueKey(state: CaseState, i: Issue): string {
  const p = [...i.path];
  const coll = p[0] as keyof CaseState['keys'];
  if (typeof p[1] === 'number' && state.keys[coll]) {
    const key = state.keys[coll][p[1]];
    if (key) {
      if (coll === 'recommendations' && p[2] === 'evaluations' && typeof p[3] === 'number')
        p[3] = state.evaluationKeys[key]?.[p[3]] ?? p[3];
      p[1] = key;
    }
  }
  return `${formatPath(p)}|${i.code}`;
}

/** CLOSING_LETTER_REQUIRED issues the change makes that the case did not already have. */
export function newClosingLetterIssues(before: CaseState, after: CaseState): Issue[] {
  const old = new Set(closingLetterIssues(before.doc, before.letters).map((i) => issueKey(before, i)));
  return closingLetterIssues(after.doc, after.letters).filter((i) => !old.has(issueKey(after, i)));
}

/** Issues the new state has that the old one did not (a draft may already be incomplete; that is not this change's fault). */
export function newIssues(before: CaseState, after: CaseState, today: string): Issue[] {
  const old = new Set(ruleIssues(before, today).map((i) => issueKey(before, i)));
  return ruleIssues(after, today).filter((i) => !old.has(issueKey(after, i)));
}

export async function updateCase(
  vault: Vault,
  caseId: string,
  changes: readonly CaseChange[],
  today: string = localToday(),
) {
  const stored = await vault.readCase(caseId);
  const before = foldCase(caseId, stored);
  if (!before.opened) throw new BroError('NOT_FOUND', 'No such case');
  const { events, keys, issues } = eventsForChanges(before, changes);
  if (issues.length) throw new BroError('VALIDATION', 'The changes are not valid', { issues });
  const after = foldCase(caseId, [...stored, ...provisional(caseId, events)]);
  const ruleIssues = [
    ...newIssues(before, after, today),
    // Not in newIssues: the importer's history carries no letters, so there it is a finding.
    ...newClosingLetterIssues(before, after),
  ].map((i) => ({ ...i, path: ['case', ...i.path] }));
  if (ruleIssues.length)
    throw new BroError('VALIDATION', 'The case would break a rule', { issues: ruleIssues });
  await vault.append(caseId, events);
  await vault.audit('case.update', caseId);
  return { events: events.length, keys };
}

/**
 * A caseworker change as one step: every open assignment ends the day the new one starts,
 * carrying the handover note (required when someone is handed over from), and the new one begins.
 */
export async function changeCaseworker(
  vault: Vault,
  input: {
    caseId: string;
    caseworker: string;
    /** Their id in the caseworker register (a member id or a colleague key). */
    caseworkerId?: string | undefined;
    role: string;
    service?: string | undefined;
    from: string;
    reason: string;
    handoverNote?: Record<string, unknown> | undefined;
  },
  today: string = localToday(),
) {
  const state = foldCase(input.caseId, await vault.readCase(input.caseId));
  if (!state.opened) throw new BroError('NOT_FOUND', 'No such case');
  const open = state.keys.assignments.filter((_k, i) => state.doc.assignments?.[i]?.to == null);
  if (open.length && !input.handoverNote)
    throw new BroError('VALIDATION', 'A caseworker change needs a handover note', {
      issues: [{ path: ['handoverNote'], code: 'HANDOVER_NOTE_REQUIRED' }],
    });
  const changes: CaseChange[] = open.map((key) => ({
    op: 'set' as const,
    entity: 'assignments' as const,
    key,
    set: { to: input.from, reason: input.reason, handoverNote: input.handoverNote },
  }));
  changes.push({
    op: 'set',
    entity: 'assignments',
    set: {
      caseworker: input.caseworker,
      ...(input.caseworkerId ? { caseworkerId: input.caseworkerId } : {}),
      role: input.role,
      from: input.from,
      ...(input.service ? { service: input.service } : {}),
    },
  });
  const r = await updateCase(vault, input.caseId, changes, today);
  return { ended: open, started: r.keys[r.keys.length - 1] as string };
}

/**
 * Releases a confidential journal note (`notes.release`): from now on letters and exports may
 * carry it. The release keeps its date and reason on the note, and the timeline shows who.
 */
export async function releaseNote(
  vault: Vault,
  input: { caseId: string; key: string; reason: string },
  today: string,
) {
  const stored = await vault.readCase(input.caseId);
  const state = foldCase(input.caseId, stored);
  if (!state.opened) throw new BroError('NOT_FOUND', 'No such case');
  const i = state.keys.notes.indexOf(input.key);
  const note = i >= 0 ? state.doc.notes?.[i] : undefined;
  if (!note)
    throw new BroError('NOT_FOUND', 'No such note', { issues: [{ path: ['key'], code: 'NOT_FOUND' }] });
  if (note.confidential !== true || note.released != null)
    throw new BroError('VALIDATION', 'Only a confidential note not yet released can be released', {
      issues: [{ path: ['key'], code: 'NOTE_NOT_CONFIDENTIAL' }],
    });
  const data = {
    key: input.key,
    set: { released: { date: today, reason: input.reason } },
    reason: input.reason,
  };
  const parsed = parseEventData('notes.recorded', data);
  if (!parsed.success)
    throw new BroError('VALIDATION', 'The release is not valid', {
      issues: 'error' in parsed && parsed.error ? zodIssues(parsed.error) : [],
    });
  await vault.append(input.caseId, [{ type: 'notes.recorded', data: parsed.data }]);
  await vault.audit('case.update', input.caseId);
  return { released: { date: today, reason: input.reason } };
}
