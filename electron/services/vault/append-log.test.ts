// Each device's append-only event log per case (docs/VAULT-FORMAT.md §9.8): what a torn tail is
// and is not, the writer cutting one off before it appends, two processes of one device, and
// compaction folding this device's log into a pack while another device's log stays.
import {
  appendFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BroError } from '../../../shared/errors';
import { tornTail } from './case-events';
import { randomId } from './crypto';
import { Vault } from './vault';

const PASS = 'logg passordfrase 2026';
const KDF = { N: 2 ** 10, r: 8, p: 1 };
const root = mkdtempSync(path.join(tmpdir(), 'bro-log-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const DEVICE = randomId();

async function vaultWithCase(records: number) {
  const dir = path.join(root, randomId());
  const { vault } = await Vault.create(dir, { passphrase: PASS, kdf: KDF, deviceId: DEVICE });
  const caseId = await vault.createCase();
  await vault.append(caseId, [
    { type: 'case.opened', data: { externalId: 'c-logg', service: 'PPT' } },
    { type: 'pupil.recorded', data: { set: { name: 'Elle Sara', school: 'Hov skole', grade: 6 } } },
  ]);
  for (let i = 1; i < records; i++)
    await vault.append(caseId, [{ type: 'case.recorded', data: { set: { parentsView: `syn ${i}` } } }]);
  await vault.close();
  const logs = path.join(dir, 'cases', caseId, 'logs');
  const log = path.join(logs, readdirSync(logs)[0]!);
  return { dir, caseId, log };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    return e instanceof BroError ? e.code : `THREW ${String(e)}`;
  }
}

describe('torn tails', () => {
  it('a zero-filled whole record after the last one is ignored, then cut off by the next append', async () => {
    const { dir, caseId, log } = await vaultWithCase(2);
    const good = readFileSync(log);
    const len = good.readUInt32BE(0);
    // What a crash can leave on a file system that extends the size before the data lands.
    const torn = Buffer.alloc(4 + len);
    torn.writeUInt32BE(len, 0);
    appendFileSync(log, torn);
    const v = await Vault.unlock(dir, { passphrase: PASS }, { deviceId: DEVICE });
    expect((await v.fold(caseId)).doc.parentsView).toBe('syn 1');
    expect((await v.check()).ok).toBe(true);
    await v.append(caseId, [{ type: 'case.recorded', data: { set: { parentsView: 'etter krasj' } } }]);
    expect(readFileSync(log).subarray(0, good.length).equals(good)).toBe(true);
    expect(readFileSync(log).subarray(good.length).includes(Buffer.alloc(16))).toBe(false);
    await v.close();
    const again = await Vault.unlock(dir, { passphrase: PASS });
    expect((await again.fold(caseId)).doc.parentsView).toBe('etter krasj');
    expect((await again.check()).ok).toBe(true);
  });

  it('a changed length in the middle of a log is damage, not a tail: nothing is cut off', async () => {
    const { dir, caseId, log } = await vaultWithCase(3);
    const bytes = readFileSync(log);
    const second = 4 + bytes.readUInt32BE(0);
    bytes.writeUInt32BE(bytes.readUInt32BE(second) + 100_000, second);
    writeFileSync(log, bytes);
    const v = await Vault.unlock(dir, { passphrase: PASS }, { deviceId: DEVICE });
    expect(await codeOf(v.readCase(caseId))).toBe('TAMPERED');
    expect(
      await codeOf(v.append(caseId, [{ type: 'case.recorded', data: { set: { parentsView: 'x' } } }])),
    ).toBe('TAMPERED');
    expect(readFileSync(log).equals(bytes)).toBe(true);
    const report = await v.check();
    expect(report.damaged.map((d) => d.file)).toEqual([path.relative(dir, log).split(path.sep).join('/')]);
  });

  it('a changed byte in the last record is damage', async () => {
    const { dir, caseId, log } = await vaultWithCase(2);
    const bytes = readFileSync(log);
    const i = bytes.length - 30;
    bytes[i] = bytes[i] === 0x41 ? 0x42 : 0x41;
    writeFileSync(log, bytes);
    const v = await Vault.unlock(dir, { passphrase: PASS });
    expect(await codeOf(v.readCase(caseId))).toBe('TAMPERED');
  });

  it('tornTail: JWE characters then zero bytes only', () => {
    const b = (s: string, zeros = 0) => Buffer.concat([Buffer.from(s, 'latin1'), Buffer.alloc(zeros)]);
    expect(tornTail(b('eyJhbGciOiJkaXIi.abc-_'), 0)).toBe(true);
    expect(tornTail(b('eyJhbG', 12), 0)).toBe(true);
    expect(tornTail(b('', 40), 0)).toBe(true);
    expect(tornTail(b('eyJ\u0000\u0000\u0003\u001feyJ'), 0)).toBe(false);
    expect(tornTail(b('eyJ\u0000eyJ'), 0)).toBe(false);
  });
});

describe('writers', () => {
  it('two processes of one device append to one log in turn and lose nothing', async () => {
    const { dir, caseId, log } = await vaultWithCase(1);
    const a = await Vault.unlock(dir, { passphrase: PASS }, { deviceId: DEVICE });
    const b = await Vault.unlock(dir, { passphrase: PASS }, { deviceId: DEVICE });
    await a.readCase(caseId);
    await b.readCase(caseId);
    await a.append(caseId, [{ type: 'case.recorded', data: { set: { parentsView: 'fra a' } } }]);
    await b.append(caseId, [{ type: 'case.recorded', data: { set: { pupilVoice: 'fra b' } } }]);
    // b's cache knew nothing of a's record; its append noticed the longer log and reads again.
    expect((await b.fold(caseId)).doc).toMatchObject({ parentsView: 'fra a', pupilVoice: 'fra b' });
    expect((await a.fold(caseId)).doc).toMatchObject({ parentsView: 'fra a', pupilVoice: 'fra b' });
    expect(readdirSync(path.dirname(log))).toEqual([path.basename(log)]);
    await a.close();
    await b.close();
  });

  it('compaction folds this device’s log into a pack and keeps another device’s log', async () => {
    const { dir, caseId, log } = await vaultWithCase(2);
    const other = await Vault.unlock(dir, { passphrase: PASS });
    await other.append(caseId, [{ type: 'case.recorded', data: { set: { pupilVoice: 'annen maskin' } } }]);
    await other.close();
    const v = await Vault.unlock(dir, { passphrase: PASS }, { deviceId: DEVICE });
    const before = await v.fold(caseId);
    expect(await v.compact(caseId)).toEqual({ before: 2, after: 2 });
    const logs = readdirSync(path.dirname(log));
    expect(logs).toHaveLength(1);
    expect(logs[0]).not.toBe(path.basename(log));
    expect(readdirSync(path.join(dir, 'cases', caseId, 'packs'))).toHaveLength(1);
    await v.close();
    const again = await Vault.unlock(dir, { passphrase: PASS }, { deviceId: DEVICE });
    const after = await again.fold(caseId);
    expect(after.doc).toEqual(before.doc);
    expect(after.eventCount).toBe(before.eventCount);
    expect((await again.check()).ok).toBe(true);
    // The next event starts this device's log again.
    await again.append(caseId, [{ type: 'case.recorded', data: { set: { parentsView: 'ny logg' } } }]);
    expect(statSync(log).size).toBeGreaterThan(0);
    expect((await again.fold(caseId)).doc.parentsView).toBe('ny logg');
  });
});
