// The compaction rule (docs/VAULT-FORMAT.md §13): an append that leaves this device's log of a
// case holding LOG_COMPACT_RECORDS records compacts the case, so no log grows without bound in
// normal use. Real vaults in a temp folder; what a reader sees must not change.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOG_COMPACT_RECORDS } from './cases';
import { randomId } from './crypto';
import { Vault } from './vault';

const PASS = 'kompakt passordfrase 2026';
const KDF = { N: 2 ** 10, r: 8, p: 1 };
const root = mkdtempSync(path.join(tmpdir(), 'bro-compact-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const edit = (i: number) => [{ type: 'case.recorded', data: { set: { parentsView: `syn ${i}` } } }];

async function newCase() {
  const dir = path.join(root, randomId());
  const device = randomId();
  const { vault } = await Vault.create(dir, { passphrase: PASS, kdf: KDF, deviceId: device });
  const caseId = await vault.createCase();
  await vault.append(caseId, [
    { type: 'case.opened', data: { externalId: 'c-kompakt', service: 'PPT' } },
    { type: 'pupil.recorded', data: { set: { name: 'Nils Aslak', school: 'Hov skole', grade: 7 } } },
  ]);
  const files = (sub: string) =>
    readdirSync(path.join(dir, 'cases', caseId, sub)).filter((n) => !n.startsWith('.'));
  return { dir, device, vault, caseId, files };
}

describe('the compaction rule', () => {
  it(`folds this device's log into a pack at the append that makes it ${LOG_COMPACT_RECORDS} records`, async () => {
    const { dir, device, vault, caseId, files } = await newCase();
    // The opening record is the first; one short of the rule, the log is still a log.
    for (let i = 1; i < LOG_COMPACT_RECORDS - 1; i++) await vault.append(caseId, edit(i));
    expect(files('logs')).toHaveLength(1);
    expect(files('packs')).toEqual([]);
    const before = await vault.fold(caseId);
    expect(before.eventCount).toBe(LOG_COMPACT_RECORDS);
    await vault.append(caseId, edit(LOG_COMPACT_RECORDS - 1));
    expect(files('logs')).toEqual([]);
    expect(files('packs')).toHaveLength(1);
    const folded = await vault.fold(caseId);
    expect(folded.eventCount).toBe(LOG_COMPACT_RECORDS + 1);
    expect(folded.doc.parentsView).toBe(`syn ${LOG_COMPACT_RECORDS - 1}`);
    // The next event starts a new log beside the pack.
    await vault.append(caseId, edit(LOG_COMPACT_RECORDS));
    expect(files('logs')).toHaveLength(1);
    expect(files('packs')).toHaveLength(1);
    await vault.close();
    // What another process reads from disk: every event, in the same order, and a clean check.
    const again = await Vault.unlock(dir, { passphrase: PASS }, { deviceId: device });
    const after = await again.fold(caseId);
    expect(after.eventCount).toBe(LOG_COMPACT_RECORDS + 2);
    expect(after.history.slice(0, -1)).toEqual([...folded.history]);
    expect(after.doc.parentsView).toBe(`syn ${LOG_COMPACT_RECORDS}`);
    const report = await again.check();
    expect(report.damaged).toEqual([]);
    expect(report.junk).toEqual([]);
    await again.close();
  });

  it('counts the records of a log it did not write: a later process of the device compacts it', async () => {
    const { dir, device, vault, caseId, files } = await newCase();
    const half = Math.floor(LOG_COMPACT_RECORDS / 2);
    for (let i = 1; i < half; i++) await vault.append(caseId, edit(i));
    await vault.close();
    const later = await Vault.unlock(dir, { passphrase: PASS }, { deviceId: device });
    for (let i = half; i < LOG_COMPACT_RECORDS - 1; i++) await later.append(caseId, edit(i));
    expect(files('packs')).toEqual([]);
    await later.append(caseId, edit(LOG_COMPACT_RECORDS - 1));
    expect(files('logs')).toEqual([]);
    expect(files('packs')).toHaveLength(1);
    expect((await later.fold(caseId)).eventCount).toBe(LOG_COMPACT_RECORDS + 1);
    await later.close();
  });

  it('two processes of one device: the one that did not compact writes to the next log, nothing lost', async () => {
    const { dir, device, vault, caseId, files } = await newCase();
    for (let i = 1; i < LOG_COMPACT_RECORDS - 1; i++) await vault.append(caseId, edit(i));
    await vault.close();
    const a = await Vault.unlock(dir, { passphrase: PASS }, { deviceId: device });
    const b = await Vault.unlock(dir, { passphrase: PASS }, { deviceId: device });
    await a.readCase(caseId);
    await b.readCase(caseId);
    await a.append(caseId, [{ type: 'case.recorded', data: { set: { parentsView: 'fra a' } } }]);
    expect(files('logs')).toEqual([]);
    await b.append(caseId, [{ type: 'case.recorded', data: { set: { pupilVoice: 'fra b' } } }]);
    expect(files('logs')).toHaveLength(1);
    for (const v of [a, b]) {
      const s = await v.fold(caseId);
      expect(s.doc).toMatchObject({ parentsView: 'fra a', pupilVoice: 'fra b' });
      expect(s.eventCount).toBe(LOG_COMPACT_RECORDS + 2);
    }
    expect((await a.check()).damaged).toEqual([]);
    await a.close();
    await b.close();
  });

  it('a case read only for the case list gives its events back, and takes new ones', async () => {
    const { dir, device, vault, caseId } = await newCase();
    await vault.append(caseId, edit(1));
    await vault.close();
    const v = await Vault.unlock(dir, { passphrase: PASS }, { deviceId: device });
    // No index: the list reads the case (and lets its events go once summarised).
    rmSync(path.join(dir, 'index'), { recursive: true, force: true });
    const { cases } = await v.listCases();
    expect(cases.map((c) => c.caseId)).toEqual([caseId]);
    expect(await v.readCase(caseId)).toHaveLength(3);
    await v.append(caseId, edit(2));
    expect((await v.fold(caseId)).doc.parentsView).toBe('syn 2');
    expect((await v.listCases()).cases[0]!.eventCount).toBe(4);
    await v.close();
  });
});
