// Fault suite: a writer killed with SIGKILL at random moments during imports and edits.
// After every kill the vault must check clean and hold every write the writer acknowledged.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../../electron/services/vault/vault';
import { prng } from './prng';

const KILLS = 100;
const PASS = 'krasj passordfrase';
const root = mkdtempSync(path.join(tmpdir(), 'bro-crash-'));
const dir = path.join(root, 'vault');
const bundle = path.join(root, 'writer.mjs');
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  // Bundled once, so each of the hundred writer processes starts in a fraction of a second.
  await build({
    entryPoints: [path.join(import.meta.dirname, '..', 'helpers', 'crash-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    logLevel: 'silent',
  });
  const { vault } = await Vault.create(dir, { passphrase: PASS, kdf: { N: 2 ** 10, r: 8, p: 1 } });
  for (const name of ['Ánte Utsi', 'Kari Nordmann']) {
    const id = await vault.createCase();
    await vault.append(id, [
      { type: 'case.opened', data: { externalId: name, service: 'BUP' } },
      { type: 'pupil.recorded', data: { set: { name, school: 'Lia skole', grade: 9 } } },
    ]);
  }
  await vault.close();
});

/**
 * Starts a writer, kills it `ms` after it is ready to write (or, `afterFirst`, after its first
 * acknowledged write: on a loaded machine a writer may do little in the first 400 ms, and the
 * kills must still land among writes and compactions), and returns the lines it completed.
 */
function runAndKill(worker: number, ms: number, afterFirst = false): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle, dir, PASS, String(worker)], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    let timer: NodeJS.Timeout | undefined;
    // A writer that never gets ready (a very slow machine) is killed anyway after a minute.
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const start = afterFirst ? /READY\n.+\n/.test(out) : out.includes('READY\n');
      if (!timer && start) timer = setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.on('exit', () => {
      clearTimeout(timer);
      clearTimeout(guard);
      // A line cut off by the kill was not acknowledged.
      resolve(
        out
          .split('\n')
          .slice(0, -1)
          .filter((l) => l !== 'READY'),
      );
    });
  });
}

async function verify(acked: { events: Set<string>; cases: Set<string> }) {
  const v = await Vault.unlock(dir, { passphrase: PASS });
  const report = await v.check();
  expect(report.damaged).toEqual([]);
  // Interrupted writes may leave temp files, and a case folder whose first events never landed;
  // both are reported as junk and ignored.
  for (const j of report.junk)
    expect(path.basename(j).startsWith('.tmp-') || /^cases\/[a-z2-7]{26}$/.test(j)).toBe(true);
  const { cases } = await v.listCases();
  const ids = new Set<string>();
  for (const c of cases) for (const e of await v.readCase(c.caseId)) ids.add(e.id);
  const missingEvents = [...acked.events].filter((id) => !ids.has(id));
  const external = new Set(cases.map((c) => c.externalId));
  const missingCases = [...acked.cases].filter((id) => !external.has(id));
  await v.close();
  return { missingEvents, missingCases, cases: cases.length };
}

describe('SIGKILL during imports and edits', () => {
  it(`loses no acknowledged write and leaves no damage over ${KILLS} kills`, async () => {
    const rand = prng(20261126);
    const acked = { events: new Set<string>(), cases: new Set<string>() };
    let lines = 0;
    for (let k = 0; k < KILLS; k++) {
      const out = await runAndKill(k, Math.floor(rand() * 400), k % 2 === 1);
      lines += out.length;
      for (const l of out) {
        if (l.startsWith('E ')) acked.events.add(l.slice(2));
        if (l.startsWith('C ')) acked.cases.add(l.slice(2));
      }
      if (k % 25 === 24) {
        const r = await verify(acked);
        expect(r.missingEvents).toEqual([]);
        expect(r.missingCases).toEqual([]);
      }
    }
    const r = await verify(acked);
    expect(r.missingEvents).toEqual([]);
    expect(r.missingCases).toEqual([]);
    // The kills must have landed while work was going on, or the test proves nothing.
    expect(lines).toBeGreaterThan(KILLS);
    expect(acked.cases.size).toBeGreaterThan(10);
    // The writers compact a case at every second record of their log (crash-writer.ts), so
    // compactions were among what the kills cut (only a compaction writes a pack here).
    const packs = readdirSync(path.join(dir, 'cases'))
      .filter((c) => /^[a-z2-7]{26}$/.test(c))
      .filter((c) => readdirSync(path.join(dir, 'cases', c, 'packs')).length > 0);
    expect(packs.length).toBeGreaterThan(0);
    console.log(
      `crash suite: ${KILLS} kills, ${acked.cases.size} imports and ${acked.events.size} edit events acknowledged, ${r.cases} cases, none lost`,
    );
  }, 600_000);
});

// A crash in the middle of appending one record to a case's log (docs/VAULT-FORMAT.md §9.8):
// SIGKILL cannot tear a write, a power cut can. Every prefix a crash can leave of the record
// (and the record with its unwritten blocks zero-filled) must leave a vault that
// checks clean, holds every acknowledged event, and takes the next write whole.
describe('a torn append', () => {
  it('at every cut through one record: no damage, nothing acknowledged lost, the next write whole', async () => {
    const tornDir = path.join(root, 'torn');
    const device = 'tornappendtestdevicexxxxxx'.replace(/x/g, 'a');
    const { vault } = await Vault.create(tornDir, {
      passphrase: PASS,
      kdf: { N: 2 ** 10, r: 8, p: 1 },
      deviceId: device,
    });
    const caseId = await vault.createCase();
    const acked = await vault.append(caseId, [
      { type: 'case.opened', data: { externalId: 'Torn Append', service: 'PPT' } },
      { type: 'pupil.recorded', data: { set: { name: 'Torn Append', school: 'Lia skole', grade: 4 } } },
    ]);
    const logs = path.join(tornDir, 'cases', caseId, 'logs');
    const log = path.join(logs, readdirSync(logs)[0]!);
    const before = readFileSync(log);
    const [lost] = await vault.append(caseId, [
      { type: 'case.recorded', data: { set: { parentsView: 'aldri bekreftet' } } },
    ]);
    const record = readFileSync(log).subarray(before.length);
    await vault.close();
    const rand = prng(20261206);
    const cuts = new Set([1, 2, 3, 4, 5, record.length - 1]);
    while (cuts.size < 40) cuts.add(1 + Math.floor(rand() * (record.length - 1)));
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      for (const zeroFilled of [false, true]) {
        // Unwritten blocks read as zeros from a 512-byte boundary of the file (or the record's start).
        const kept = Math.max(0, Math.floor((before.length + cut) / 512) * 512 - before.length);
        const tail = zeroFilled
          ? Buffer.concat([record.subarray(0, kept), Buffer.alloc(record.length - kept)])
          : record.subarray(0, cut);
        writeFileSync(log, Buffer.concat([before, tail]));
        const v = await Vault.unlock(tornDir, { passphrase: PASS }, { deviceId: device });
        const report = await v.check();
        expect(report.damaged, `cut ${cut}`).toEqual([]);
        const ids = (await v.readCase(caseId)).map((e) => e.id);
        for (const e of acked) expect(ids).toContain(e.id);
        expect(ids).not.toContain(lost!.id);
        const [next] = await v.append(caseId, [
          { type: 'case.recorded', data: { set: { pupilVoice: `etter kutt ${cut}` } } },
        ]);
        await v.close();
        const again = await Vault.unlock(tornDir, { passphrase: PASS });
        expect((await again.check()).damaged, `cut ${cut}, after the next write`).toEqual([]);
        const state = await again.fold(caseId);
        expect(state.doc.pupilVoice).toBe(`etter kutt ${cut}`);
        expect((await again.readCase(caseId)).map((e) => e.id)).toContain(next!.id);
        await again.close();
      }
    }
  }, 300_000);
});
