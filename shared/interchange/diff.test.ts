import { describe, expect, it } from 'vitest';
import { caseDoc, COLLECTIONS, type CaseDoc } from '../domain/caseDoc';
import { foldCase, type CaseState } from '../events/fold';
import {
  formatHlc,
  parseEventData,
  storedEvent,
  type NewEvent,
  type StoredEvent,
} from '../events/vocabulary';
import { dropNulls } from '../json';
import { diffCase, IMPORT_REASON, toInterchangeCase } from './diff';
import { exampleCase, INTERCHANGE_EXAMPLE_FILE } from './interchangeExample.fixture';
import { interchangeFile } from './schema';

const B32 = 'abcdefghijklmnopqrstuvwxyz234567';
/** Vault-style id (`[a-z2-7]{26}`) for a number, with a one-letter namespace so kinds never collide. */
function vaultId(ns: string, n: number): string {
  let s = '';
  do {
    s = B32[n % 32] + s;
    n = Math.floor(n / 32);
  } while (n > 0);
  return ns + s.padStart(25, 'a');
}

const CASE_ID = vaultId('c', 1);
const DEVICE = vaultId('d', 1);

/**
 * A tiny vault stand-in: hands out entity keys and wraps new events into stored events with
 * deterministic ids, clock, device, case, actor and time, the way the vault writer does.
 */
function writer() {
  let keys = 0;
  let events = 0;
  const newKey = () => vaultId('k', ++keys);
  const store = (news: readonly NewEvent[]): StoredEvent[] =>
    news.map((e) => {
      const n = ++events;
      return storedEvent.parse({
        v: 1,
        id: vaultId('e', n),
        caseId: CASE_ID,
        type: e.type,
        hlc: formatHlc({ wall: 1_767_225_600_000 + n, counter: 0 }),
        device: DEVICE,
        actor: 'import',
        at: new Date(1_767_225_600_000 + n).toISOString(),
        data: e.data,
      });
    });
  return { newKey, store };
}

/** Parses an interchange case the way import does (string handover notes become objects). */
const parse = (raw: unknown): CaseDoc => caseDoc.parse(raw);

/** Imports `raw` into `log` (the case's stored events so far) and returns the new state. */
function importInto(w: ReturnType<typeof writer>, log: StoredEvent[], raw: unknown) {
  const before = log.length ? foldCase(CASE_ID, log) : null;
  const events = diffCase(before, parse(raw), w.newKey);
  const stored = w.store(events);
  log.push(...stored);
  return { events, state: foldCase(CASE_ID, log) };
}

/** What export promises: nulls dropped, every collection present. */
function normalised(doc: CaseDoc): unknown {
  const out = dropNulls(doc) as Record<string, unknown>;
  for (const c of COLLECTIONS) out[c] ??= [];
  return out;
}

function imported() {
  const w = writer();
  const log: StoredEvent[] = [];
  const { events, state } = importInto(w, log, exampleCase());
  return { w, log, events, state };
}

describe('diffCase: a new case', () => {
  it('accepts the INTERCHANGE.md example as a file', () => {
    expect(interchangeFile.safeParse(INTERCHANGE_EXAMPLE_FILE).success).toBe(true);
  });

  it('writes events that all fit the vocabulary', () => {
    const { events } = imported();
    for (const e of events) expect(parseEventData(e.type, e.data), e.type).toMatchObject({ success: true });
    expect(events.map((e) => e.type)).toEqual([
      'case.opened',
      'pupil.recorded',
      'guardians.recorded',
      'referrals.recorded',
      'assignments.recorded',
      'assignments.recorded',
      'recommendations.recorded',
      'evaluations.recorded',
    ]);
  });

  it('has no reason on first import and no nulls in what it sets', () => {
    const { events } = imported();
    for (const e of events) {
      const data = e.data as Record<string, unknown>;
      expect(data.reason).toBeUndefined();
      if (data.set) expect(data.set).toEqual(dropNulls(data.set));
    }
  });

  it('folds back into the same document (export ∘ import = normalised input)', () => {
    const { state } = imported();
    expect(state.skippedEvents).toBe(0);
    expect(state.opened).toBe(true);
    expect(toInterchangeCase(state)).toEqual(normalised(parse(exampleCase())));
  });

  it('exports a document that is itself a valid interchange case', () => {
    const exported = toInterchangeCase(imported().state);
    expect(caseDoc.safeParse(exported).success).toBe(true);
    expect(interchangeFile.safeParse({ format: 'bro-interchange/1', cases: [exported] }).success).toBe(true);
  });

  it('turns a handover note given as a string into { status }', () => {
    const { events, state } = imported();
    const firstAssignment = events.find((e) => e.type === 'assignments.recorded')?.data as {
      set: Record<string, unknown>;
    };
    expect(firstAssignment.set.handoverNote).toEqual({ status: 'Status, åpne avtaler, neste frister.' });
    expect(state.doc.assignments?.[0]?.handoverNote).toEqual({
      status: 'Status, åpne avtaler, neste frister.',
    });
  });

  it('nests the evaluation under the recommendation it belongs to', () => {
    const { events, state } = imported();
    const rec = events.find((e) => e.type === 'recommendations.recorded')?.data as { key: string };
    const ev = events.find((e) => e.type === 'evaluations.recorded')?.data as { parent: string; key: string };
    expect(ev.parent).toBe(rec.key);
    expect(state.evaluationKeys).toEqual({ [rec.key]: [ev.key] });
  });

  it('records case-level texts on a new case', () => {
    const raw = {
      ...exampleCase(),
      pupilVoice: 'Jeg vil være med venner.',
      parentsView: 'Vi vil ha fast voksen.',
    };
    const w = writer();
    const { events, state } = importInto(w, [], raw);
    expect(events.filter((e) => e.type === 'case.recorded')).toEqual([
      {
        type: 'case.recorded',
        data: { set: { pupilVoice: 'Jeg vil være med venner.', parentsView: 'Vi vil ha fast voksen.' } },
      },
    ]);
    expect(toInterchangeCase(state)).toEqual(normalised(parse(raw)));
  });
});

describe('diffCase: importing again', () => {
  it('writes nothing when the same document is imported again (idempotent)', () => {
    const { w, state } = imported();
    expect(diffCase(state, parse(exampleCase()), w.newKey)).toEqual([]);
  });

  it('writes nothing when its own export is imported again', () => {
    const { w, state } = imported();
    const exported = JSON.parse(JSON.stringify(toInterchangeCase(state))) as unknown;
    expect(diffCase(state, parse(exported), w.newKey)).toEqual([]);
  });

  it('records a changed milestone as one event with only that field and the import reason', () => {
    const { w, state } = imported();
    const raw = exampleCase();
    raw.referrals[0]!.firstContact = '2026-02-17';
    expect(diffCase(state, parse(raw), w.newKey)).toEqual([
      {
        type: 'referrals.recorded',
        data: { key: state.keys.referrals[0], set: { firstContact: '2026-02-17' }, reason: IMPORT_REASON },
      },
    ]);
  });

  it('keeps both values of a changed milestone in the history', () => {
    const { w, log } = imported();
    const raw = exampleCase();
    raw.referrals[0]!.closed = '2026-06-30';
    raw.referrals[0]!.outcome = 'partial';
    const { state } = importInto(w, log, raw);
    expect(state.doc.referrals?.[0]).toMatchObject({ closed: '2026-06-30', outcome: 'partial' });
    const last = state.history.at(-1);
    expect(last).toMatchObject({ type: 'referrals.recorded', reason: IMPORT_REASON });
    expect(last?.changes).toEqual([
      { field: 'closed', from: null, to: '2026-06-30' },
      { field: 'outcome', from: null, to: 'partial' },
    ]);
  });

  it('clears a field that the file no longer has (null and missing mean the same)', () => {
    const { w, log } = imported();
    const raw = exampleCase();
    delete (raw.referrals[0] as { firstMeasure?: string }).firstMeasure;
    const { events, state } = importInto(w, log, raw);
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toMatchObject({ set: { firstMeasure: null } });
    expect(state.doc.referrals?.[0]).not.toHaveProperty('firstMeasure');
  });

  it('records a new evaluation as one evaluations.recorded under its recommendation', () => {
    const { w, log, state: before } = imported();
    const raw = exampleCase();
    raw.recommendations[0]!.evaluations.push({
      date: '2026-08-24',
      outcome: 'ingen endring',
      decision: 'justeres',
      pupilView: 'Det er vanskelig etter ferien.',
      parentsView: 'Morgenene er tunge igjen.',
      decidedBy: 'rektor',
    });
    const { events, state } = importInto(w, log, raw);
    const recKey = before.keys.recommendations[0];
    expect(events).toEqual([
      {
        type: 'evaluations.recorded',
        data: {
          key: expect.stringMatching(/^[a-z2-7]{26}$/),
          parent: recKey,
          set: raw.recommendations[0]!.evaluations[1],
          reason: IMPORT_REASON,
        },
      },
    ]);
    expect(state.doc.recommendations?.[0]?.evaluations?.map((e) => e.date)).toEqual([
      '2026-06-22',
      '2026-08-24',
    ]);
    expect(state.evaluationKeys[recKey!]).toHaveLength(2);
    expect(diffCase(state, parse(raw), w.newKey)).toEqual([]);
  });

  it('records a new referral under a new key and leaves the old one alone', () => {
    const { w, log, state: before } = imported();
    const raw = exampleCase();
    raw.referrals.push({
      ...raw.referrals[0]!,
      id: 'r-2',
      service: 'BUP',
      received: '2026-06-01',
      sent: '2026-05-28',
    });
    const { events, state } = importInto(w, log, raw);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'referrals.recorded', data: { set: { id: 'r-2' } } });
    const key = (events[0]?.data as { key: string }).key;
    expect(key).not.toBe(before.keys.referrals[0]);
    expect(state.doc.referrals?.map((r) => r.id)).toEqual(['r-1', 'r-2']);
  });

  it('matches referrals by id, not by position', () => {
    const { w, log } = imported();
    const two = exampleCase();
    two.referrals.push({ ...two.referrals[0]!, id: 'r-2', received: '2026-06-01', sent: '2026-05-28' });
    importInto(w, log, two);
    const swapped = exampleCase();
    swapped.referrals = [{ ...two.referrals[1]! }, { ...two.referrals[0]! }];
    const { events } = importInto(w, log, swapped);
    expect(events).toEqual([]);
  });

  it('does not remove a referral or recommendation missing from the file', () => {
    const { w, log, state: before } = imported();
    const raw = exampleCase();
    raw.referrals = [];
    raw.recommendations = [];
    const { events, state } = importInto(w, log, raw);
    expect(events).toEqual([]);
    expect(state.doc).toEqual(before.doc);
  });

  it('does not remove the last assignment when the file leaves it out', () => {
    const { w, log, state: before } = imported();
    const raw = exampleCase();
    raw.assignments = [raw.assignments[0]!];
    expect(importInto(w, log, raw).events).toEqual([]);
    expect(foldCase(CASE_ID, log).doc).toEqual(before.doc);
  });

  it('does not overwrite an assignment when the file leaves out an earlier one', () => {
    const { w, log, state: before } = imported();
    const raw = exampleCase();
    raw.assignments = [raw.assignments[1]!];
    const { events, state } = importInto(w, log, raw);
    expect(events).toEqual([]);
    expect(state.doc.assignments?.map((a) => a.caseworker)).toEqual(['Kari Nordmann', 'Ola Hansen']);
    expect(state.doc).toEqual(before.doc);
  });

  it('writes nothing when assignments come in another order ("in any order")', () => {
    const { w, state } = imported();
    const raw = exampleCase();
    raw.assignments.reverse();
    expect(diffCase(state, parse(raw), w.newKey)).toEqual([]);
  });

  it('updates the assignment that changed, also when the file lists them in another order', () => {
    const { w, log } = imported();
    const raw = exampleCase();
    raw.assignments[1]!.to = '2026-08-01';
    raw.assignments.reverse();
    const { events, state } = importInto(w, log, raw);
    expect(events.map((e) => (e.data as { set: unknown }).set)).toEqual([{ to: '2026-08-01' }]);
    expect(state.doc.assignments?.map((a) => [a.caseworker, a.to ?? null])).toEqual([
      ['Kari Nordmann', '2026-03-01'],
      ['Ola Hansen', '2026-08-01'],
    ]);
  });

  it('adds an assignment from a file that lists only the new one, keeping the others', () => {
    const { w, log } = imported();
    const raw = exampleCase();
    raw.assignments = [{ caseworker: 'Per Vik', role: 'rådgiver', from: '2026-09-01', to: null }];
    const { events, state } = importInto(w, log, raw);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'assignments.recorded',
      data: { set: { caseworker: 'Per Vik' } },
    });
    expect(state.doc.assignments?.map((a) => a.caseworker)).toEqual([
      'Kari Nordmann',
      'Ola Hansen',
      'Per Vik',
    ]);
  });

  it('keeps two identical absence lines as two, and re-imports them as nothing', () => {
    const line = { from: '2026-01-05', to: '2026-01-09', wholeDays: 2, partialDays: 1, type: 'elevmotivert' };
    const w = writer();
    const log: StoredEvent[] = [];
    const raw = { ...exampleCase(), absence: [line, { ...line }] };
    expect(importInto(w, log, raw).state.doc.absence).toHaveLength(2);
    expect(importInto(w, log, raw).events).toEqual([]);
  });

  it('matches meetings that have an id by that id, even when their date changed', () => {
    const meeting = { id: 'm-1', date: '2026-02-20', participants: [{ role: 'rektor', name: 'Anne Dahl' }] };
    const w = writer();
    const log: StoredEvent[] = [];
    const { state: before } = importInto(w, log, { ...exampleCase(), meetings: [meeting] });
    const { events } = importInto(w, log, {
      ...exampleCase(),
      meetings: [{ ...meeting, date: '2026-02-21' }],
    });
    expect(events).toEqual([
      {
        type: 'meetings.recorded',
        data: { key: before.keys.meetings[0], set: { date: '2026-02-21' }, reason: IMPORT_REASON },
      },
    ]);
  });

  it('does not overwrite an evaluation when the file leaves out an earlier one', () => {
    const { w, log } = imported();
    const raw = exampleCase();
    const later = {
      ...raw.recommendations[0]!.evaluations[0]!,
      date: '2026-08-24',
      outcome: 'ingen endring',
    };
    raw.recommendations[0]!.evaluations.push(later);
    importInto(w, log, raw);
    raw.recommendations[0]!.evaluations.shift();
    const { events, state } = importInto(w, log, raw);
    expect(events).toEqual([]);
    expect(state.doc.recommendations?.[0]?.evaluations?.map((e) => e.date)).toEqual([
      '2026-06-22',
      '2026-08-24',
    ]);
  });

  it('updates a changed evaluation in place, found by its date', () => {
    const { w, log, state: before } = imported();
    const raw = exampleCase();
    raw.recommendations[0]!.evaluations[0]!.decision = 'justeres';
    const { events } = importInto(w, log, raw);
    const recKey = before.keys.recommendations[0]!;
    expect(events).toEqual([
      {
        type: 'evaluations.recorded',
        data: {
          key: before.evaluationKeys[recKey]![0],
          parent: recKey,
          set: { decision: 'justeres' },
          reason: IMPORT_REASON,
        },
      },
    ]);
  });

  it('records a pupil change with only that field', () => {
    const { w, state } = imported();
    const raw = exampleCase();
    raw.pupil.grade = 8;
    expect(diffCase(state, parse(raw), w.newKey)).toEqual([
      { type: 'pupil.recorded', data: { set: { grade: 8 }, reason: IMPORT_REASON } },
    ]);
  });

  it('records a case-level text added later with the import reason', () => {
    const { w, state } = imported();
    const raw = { ...exampleCase(), pupilVoice: 'Jeg vil ha en fast voksen.' };
    expect(diffCase(state, parse(raw), w.newKey)).toEqual([
      {
        type: 'case.recorded',
        data: { set: { pupilVoice: 'Jeg vil ha en fast voksen.' }, reason: IMPORT_REASON },
      },
    ]);
  });
});

describe('toInterchangeCase', () => {
  it('drops nulls and lists every collection', () => {
    const state: CaseState = foldCase(CASE_ID, []);
    const out = toInterchangeCase(state) as unknown as Record<string, unknown>;
    for (const c of COLLECTIONS) expect(out[c]).toEqual([]);
    expect(JSON.stringify(toInterchangeCase(imported().state))).not.toContain('null');
  });

  it("leaves out a meeting's innkalling (a letter of this vault), and an import of the file keeps it", () => {
    const w = writer();
    const log: StoredEvent[] = [];
    const raw = exampleCase() as Record<string, unknown>;
    const letterId = vaultId('l', 1);
    raw.meetings = [
      {
        date: '2026-03-02',
        participants: [{ role: 'rektor' }],
        invitation: letterId,
        attendance: [{ role: 'rektor', present: true }],
      },
    ];
    const { state } = importInto(w, log, raw);
    expect(state.doc.meetings![0]!.invitation).toBe(letterId);
    const exported = toInterchangeCase(state);
    expect(exported.meetings![0]).not.toHaveProperty('invitation');
    expect(exported.meetings![0]!.attendance).toEqual([{ role: 'rektor', present: true }]);
    const again = importInto(w, log, JSON.parse(JSON.stringify(exported)));
    expect(again.events).toEqual([]);
    expect(again.state.doc.meetings![0]!.invitation).toBe(letterId);
  });
});
