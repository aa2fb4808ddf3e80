// Packs whose payloads the writer checked (shared/events/checked.ts, VAULT-FORMAT.md §9.4): an
// open without an index folds them unparsed, with exactly the result of parsing every payload;
// a malformed payload from a writer whose mark this build does not know, or of a newer version,
// is still caught (skipped and counted) and stays confined to its case, and so does one behind
// a forged mark.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../shared/demo/generate';
import { CHECKED_PAYLOADS } from '../../../shared/events/checked';
import { foldCase } from '../../../shared/events/fold';
import { createHandlers } from '../handlers';
import { Session } from '../session';
import { decodeJson, open, peekKid } from './crypto';
import { dropIndex, envelope, internals, plantPack } from './planted';
import { Vault } from './vault';

const PASS = 'sjekkede pakker 2026';
const root = mkdtempSync(path.join(tmpdir(), 'bro-checked-'));
const dir = path.join(root, 'vault');
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function unlock(): Promise<Vault> {
  return Vault.unlock(dir, { passphrase: PASS });
}

/** The plaintext of one pack of a case, opened with the case's own key ring. */
async function packPlain(v: Vault, caseId: string, name: string): Promise<Record<string, unknown>> {
  const { core, store } = internals(v);
  const ring = await store.keyRing(caseId);
  const jwe = readFileSync(path.join(dir, 'cases', caseId, 'packs', name), 'utf8');
  const kid = peekKid(jwe)!;
  const k = ring.keys.find((x) => x.kid === kid)!;
  const plain = await open(new Uint8Array(Buffer.from(k.k, 'base64url')), jwe, {
    vault: core.vaultId,
    kind: 'pack',
    case: caseId,
    id: name.slice(0, 26),
    kid,
  });
  return decodeJson(plain) as Record<string, unknown>;
}

/** The plaintext of every record in a case's logs (§9.8), opened with the case's own key ring. */
async function logPlains(v: Vault, caseId: string): Promise<Record<string, unknown>[]> {
  const { core, store } = internals(v);
  const ring = await store.keyRing(caseId);
  const out: Record<string, unknown>[] = [];
  const logs = path.join(dir, 'cases', caseId, 'logs');
  for (const name of readdirSync(logs)) {
    const bytes = readFileSync(path.join(logs, name));
    for (let pos = 0; pos < bytes.length;) {
      const len = bytes.readUInt32BE(pos);
      const jwe = bytes.toString('latin1', pos + 4, pos + 4 + len);
      pos += 4 + len;
      const kid = peekKid(jwe)!;
      const k = ring.keys.find((x) => x.kid === kid)!;
      const id = JSON.parse(Buffer.from(jwe.split('.')[0]!, 'base64url').toString())['bro.id'] as string;
      const plain = await open(new Uint8Array(Buffer.from(k.k, 'base64url')), jwe, {
        vault: core.vaultId,
        kind: 'log',
        case: caseId,
        id,
        kid,
      });
      out.push(decodeJson(plain) as Record<string, unknown>);
    }
  }
  return out;
}

/** Empties every list and object in a value, all the way down. */
function scramble(v: unknown): void {
  if (typeof v !== 'object' || v === null) return;
  for (const x of Object.values(v)) scramble(x);
  if (Array.isArray(v)) v.length = 0;
  else for (const k of Object.keys(v)) delete (v as Record<string, unknown>)[k];
}

let caseIds: string[] = [];

beforeAll(async () => {
  const session = new Session({ kdf: { N: 2 ** 10, r: 8, p: 1 } });
  const handlers = createHandlers(session);
  await handlers['vault.create']({ dir, passphrase: PASS });
  await handlers['interchange.import']({
    file: generateDemo({ cases: 6, seed: 'checked', today: '2026-11-26' }),
  });
  // The case list's ids: `cases/` also holds the registers' container, which is not a case.
  caseIds = (await session.vault!.listCases()).cases.map((s) => s.caseId);
  await session.vault!.close();
});

describe('checked packs', () => {
  it('are written marked, and fold unparsed exactly as with every payload parsed', async () => {
    dropIndex(dir);
    const v = await unlock();
    const { cases } = await v.listCases();
    expect(cases.length).toBe(6);
    let packs = 0;
    for (const { caseId } of cases) {
      for (const name of readdirSync(path.join(dir, 'cases', caseId, 'packs'))) {
        expect((await packPlain(v, caseId, name)).checked).toBe(CHECKED_PAYLOADS);
        packs++;
      }
      // An import appends each case as one record to the device's log (§9.8), marked the same way.
      for (const record of await logPlains(v, caseId)) {
        expect(record.checked).toBe(CHECKED_PAYLOADS);
        packs++;
      }
      const events = await v.readCase(caseId);
      const fast = foldCase(caseId, events);
      const parsed = foldCase(caseId, events, { parseAll: true });
      expect(fast).toEqual(parsed);
      // Key order too: the timeline and `--json` output follow it.
      expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed));
      expect(fast.skippedEvents).toBe(0);
      // The fold's result is its own: changing it changes nothing that is kept in memory.
      const snapshot = JSON.stringify(fast);
      scramble(fast);
      expect(JSON.stringify(foldCase(caseId, events))).toBe(snapshot);
    }
    expect(packs).toBeGreaterThanOrEqual(6);
    await v.close();
  });

  it('a malformed payload from an unknown writer, a newer version or behind a forged mark is still caught, in its case alone', async () => {
    const [a, b, c, d, e] = caseIds as [string, string, string, string, string];
    const v = await unlock();
    const before = new Map((await v.listCases()).cases.map((s) => [s.caseId, s]));
    const grades = new Map<string, unknown>();
    for (const id of caseIds) grades.set(id, (await v.fold(id)).doc.pupil.grade);
    const ok = (caseId: string) => envelope(v, caseId, 'case.recorded', { set: { parentsView: 'Gyldig' } });
    // Authentic (sealed with the case key) but malformed: a grade out of range, an extra field.
    const bad = (caseId: string) =>
      envelope(v, caseId, 'pupil.recorded', { set: { grade: 14 }, injected: 1 });
    await plantPack(v, dir, a, [ok(a), bad(a)]); // a writer that marks nothing (older Bro)
    await plantPack(v, dir, b, [ok(b), bad(b)], 'v1.r0.ffffffffffffffff'); // another build's schemas
    await plantPack(v, dir, c, [ok(c), { ...bad(c), v: 2 }], CHECKED_PAYLOADS); // a newer vocabulary
    // A forged mark over payloads that would trip the fold up (`set` is not an object).
    await plantPack(v, dir, d, [ok(d), envelope(v, d, 'pupil.recorded', { set: null })], CHECKED_PAYLOADS);
    // Proof that a marked pack is taken unparsed: text the schema would trim stays as written.
    await plantPack(
      v,
      dir,
      e,
      [
        ok(e),
        {
          ...envelope(v, e, 'case.voided', { reason: ' Utrimmet ' }),
          hlc: '999999999999999-000001',
        },
      ],
      CHECKED_PAYLOADS,
    );
    await v.close();

    dropIndex(dir);
    const w = await unlock();
    const { cases, damaged } = await w.listCases();
    expect(damaged).toEqual([]);
    expect(cases.length).toBe(6);
    for (const caseId of [a, b, c, d]) {
      const state = await w.fold(caseId);
      expect(state.skippedEvents).toBe(1);
      expect(state.doc.parentsView).toBe('Gyldig');
      expect(state.doc.pupil.grade).toBe(grades.get(caseId));
    }
    const taken = await w.readCase(e);
    expect(foldCase(e, taken).voided?.reason).toBe(' Utrimmet ');
    expect(foldCase(e, taken, { parseAll: true }).voided?.reason).toBe('Utrimmet');
    // The other cases are as they were.
    for (const s of cases) if (![a, b, c, d, e].includes(s.caseId)) expect(s).toEqual(before.get(s.caseId));
    await w.close();
  });
});
