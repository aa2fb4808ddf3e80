// The case list's helper thread (./case-helper.ts): an open without an index gives exactly the
// same case list, the same damage and the same index with it as without it, and the same again
// when the thread cannot start. Real vault, real crypto, a real worker thread.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../shared/demo/generate';
import { CHECKED_PAYLOADS } from '../../../shared/events/checked';
import { createHandlers } from '../handlers';
import { Session } from '../session';
import { CaseHelper } from './case-helper';
import { dropIndex, envelope, internals, plantPack } from './planted';
import { Vault } from './vault';

const PASS = 'hjelpetraad 2026';
const root = mkdtempSync(path.join(tmpdir(), 'bro-helper-'));
const dir = path.join(root, 'vault');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The case list of a fresh open without an index, the helper thread used from `from` cases. */
async function rebuilt(from: number, helper?: CaseHelper) {
  dropIndex(dir);
  const v = await Vault.unlock(dir, { passphrase: PASS }, { helperFrom: from });
  if (helper) {
    await internals(v).store.helper.stop();
    internals(v).store.helper = helper;
    // Cases go to the thread once it has started; started first, it gets them from the first.
    helper.prepare(Infinity);
    await helper.ready();
  }
  const used = internals(v).store.helper;
  const list = await v.listCases();
  await v.close();
  // What the index written by that open gives the next open.
  const again = await Vault.unlock(dir, { passphrase: PASS });
  const fromIndex = await again.listCases();
  await again.close();
  return { list, fromIndex, handled: used.handled };
}

let planted: { bad: string; flipped: string } = { bad: '', flipped: '' };

beforeAll(async () => {
  const session = new Session({ kdf: { N: 2 ** 10, r: 8, p: 1 } });
  const handlers = createHandlers(session);
  await handlers['vault.create']({ dir, passphrase: PASS });
  await handlers['interchange.import']({
    file: generateDemo({ cases: 14, seed: 'helper', today: '2026-11-26' }),
  });
  const v = session.vault!;
  const [a, b, c] = (await v.listCases()).cases.map((s) => s.caseId) as [string, string, string];
  // a: payloads behind a forged mark that trip the fold up: summarized with every payload parsed.
  await plantPack(
    v,
    dir,
    a,
    [
      envelope(v, a, 'case.recorded', { set: { parentsView: 'Gyldig' } }),
      envelope(v, a, 'pupil.recorded', { set: null }),
    ],
    CHECKED_PAYLOADS,
  );
  // b: authentic, but its events say they belong to case a: damage found only by parsing.
  const bad = await plantPack(v, dir, b, [
    envelope(v, a, 'case.recorded', { set: { parentsView: 'Feil sak' } }),
    envelope(v, a, 'case.recorded', { set: { parentsView: 'Feil sak 2' } }),
  ]);
  // c: one changed byte in its log: damage found by decrypting.
  const logs = path.join(dir, 'cases', c, 'logs');
  const log = path.join(logs, readdirSync(logs)[0]!);
  const bytes = readFileSync(log);
  bytes[bytes.length - 40]! ^= 1;
  writeFileSync(log, bytes);
  planted = { bad, flipped: `cases/${c}/logs/${path.basename(log)}` };
  await v.close();
});

describe('the case list helper thread', () => {
  it('gives the same list, damage and index as reading every case on one thread', async () => {
    const alone = await rebuilt(Infinity);
    expect(alone.handled).toBe(0);
    expect(alone.list.cases.length).toBe(12);
    expect(alone.list.damaged.map((d) => d.files.map((f) => f.file)).sort()).toEqual(
      [[planted.bad], [planted.flipped]].sort(),
    );
    // Every case that decrypts is handed over (c does not: its damage is named on this thread).
    const helped = await rebuilt(1, new CaseHelper(undefined, 1, 64));
    expect(helped.handled).toBe(13);
    expect(helped.list).toEqual(alone.list);
    expect(helped.fromIndex).toEqual(alone.fromIndex);
    expect(JSON.stringify(helped.list.cases)).toBe(JSON.stringify(alone.list.cases));
  });

  it('costs only speed when the thread does not start or dies', async () => {
    const alone = await rebuilt(Infinity);
    const broken = await rebuilt(1, new CaseHelper(() => ({ code: 'throw new Error("start")' }), 1));
    expect(broken.handled).toBe(0);
    expect(broken.list).toEqual(alone.list);
    // Dies after taking cases: they are read on the calling thread instead.
    const dying = new CaseHelper(
      () => ({
        code:
          "const { parentPort } = require('node:worker_threads');" +
          "parentPort.on('message', () => process.exit(1)); parentPort.postMessage({ ready: true });",
      }),
      1,
    );
    let handedOver = 0;
    const summarize = dying.summarize.bind(dying);
    dying.summarize = async (...args) => {
      const r = await summarize(...args);
      if (r === 'again') handedOver++;
      return r;
    };
    const died = await rebuilt(1, dying);
    expect(handedOver).toBeGreaterThan(0);
    expect(died.handled).toBe(0);
    expect(died.list).toEqual(alone.list);
  });
});
