// Fault suite: random and malformed input to every contract operation and to the importer.
// Only typed errors may come back (no crash), and a rejected call writes nothing.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type OpName } from '../../../shared/contract';
import { BroError } from '../../../shared/errors';
import { call, createHandlers, type Handlers } from '../../../electron/services/handlers';
import { Session } from '../../../electron/services/session';
import { Vault } from '../../../electron/services/vault/vault';
import { prng } from './prng';

const SEED = 10_000;
/** Operations that may write case data, keys or the header when they succeed. */
const WRITES = new Set<string>(
  Object.keys(contract).filter((n) =>
    /import|update|create|change|approve|remove|demo|issue|settings\.set|letters\.|delete|restrict|grant|revoke|seed|[aA]ccess|void|release|innsyn/.test(
      n,
    ),
  ),
);
const PASS = 'fuzz passordfrase';
const root = mkdtempSync(path.join(tmpdir(), 'bro-fuzz-'));
const dir = path.join(root, 'vault');
const example = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '..', '..', 'fixtures', 'interchange-example.json'), 'utf8'),
);
let h: Handlers;
let session: Session;
let caseId = '';
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  session = new Session({ kdf: { N: 2 ** 10, r: 8, p: 1 }, today: '2026-11-26' });
  h = createHandlers(session);
  await call(h, 'vault.create', { dir, passphrase: PASS });
  await call(h, 'interchange.import', { file: example });
  caseId = (await call(h, 'cases.list', {})).cases[0]!.caseId;
});

/** Case data and keys: what a rejected call must leave as it was. */
function snapshot(): string {
  const hash = createHash('sha256');
  for (const f of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    if (!(f.startsWith('cases') || f.startsWith('keys') || f === 'bro-vault.json')) continue;
    const p = path.join(dir, f);
    if (statSync(p).isFile()) hash.update(f).update(readFileSync(p));
  }
  return hash.digest('hex');
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u001b[2J',
  '../../../etc/passwd',
  'C:\\Windows\\system32',
  '<script>alert(1)</script>',
  "'; DROP TABLE cases; --",
  'x'.repeat(100_000),
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '\ud800',
  'aaaaaaaaaaaaaaaaaaaaaaaaaa',
  caseId,
  'NaN',
  '__proto__',
  'constructor',
];

/** Random JSON-ish values, including hostile shapes. */
function randomValue(r: Rand, depth = 0): unknown {
  const k = Math.floor(r() * (depth > 3 ? 6 : 10));
  switch (k) {
    case 0:
      return null;
    case 1:
      return pick(r, [0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 13, 50_001, NaN, Infinity]);
    case 2:
      return r() < 0.5;
    case 3:
    case 4:
      return pick(r, [...NASTY_STRINGS, caseId]);
    case 5:
      return undefined;
    case 6:
    case 7: {
      const o: Record<string, unknown> = {};
      const n = Math.floor(r() * 5);
      for (let i = 0; i < n; i++)
        o[
          pick(r, [
            'id',
            'caseId',
            'dir',
            'file',
            'changes',
            'cases',
            'seed',
            'code',
            'name',
            '__proto__',
            'op',
            'entity',
            'set',
            'key',
            'memberId',
            'passphrase',
          ])
        ] = randomValue(r, depth + 1);
      return o;
    }
    default:
      return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
  }
}

/** A valid interchange document with one random part replaced by a random value. */
function mutatedImport(r: Rand): unknown {
  const doc = structuredClone(example);
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, p: (string | number)[]) => {
    paths.push(p);
    if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) walk(x, [...p, Array.isArray(v) ? Number(k) : k]);
  };
  walk(doc, []);
  const target = pick(
    r,
    paths.filter((p) => p.length > 0),
  );
  let parent: Record<string | number, unknown> = doc;
  for (const seg of target.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
  const last = target[target.length - 1]!;
  if (r() < 0.2) delete parent[last];
  else parent[last] = randomValue(r);
  if (r() < 0.3 && Array.isArray(doc.cases)) doc.cases.push(structuredClone(doc.cases[0]));
  return { file: doc };
}

describe('random and malformed input', () => {
  it('gets only typed errors, and a rejected call changes nothing (10,000+ inputs)', async () => {
    const r = prng(SEED);
    // Operations that open other folders or end the session are exercised in their own tests.
    const skip = new Set<string>([
      'vault.create',
      'vault.unlock',
      'vault.lock',
      'members.request',
      'vault.demo',
    ]);
    const ops = (Object.keys(contract) as OpName[]).filter((n) => !skip.has(n));
    let inputs = 0;
    let accepted = 0;
    const codes: Record<string, number> = {};
    let before = snapshot();
    for (let i = 0; i < 10_500; i++) {
      const op = i % 3 === 0 ? 'interchange.import' : pick(r, ops);
      const input = op === 'interchange.import' && r() < 0.8 ? mutatedImport(r) : randomValue(r);
      inputs++;
      try {
        await call(h, op, input);
        accepted++;
        if (WRITES.has(op)) before = snapshot(); // a valid call may write; the next rejected one must not
      } catch (e) {
        if (!(e instanceof BroError)) throw new Error(`${op} crashed on input #${i}: ${String(e)}`);
        codes[e.code] = (codes[e.code] ?? 0) + 1;
        if (i % 5 === 0) expect(snapshot(), `${op} #${i}`).toBe(before);
      }
      if (!session.vault) await call(h, 'vault.unlock', { dir, passphrase: PASS });
    }
    console.log(
      `fuzz suite: ${inputs} inputs (seed ${SEED}), ${accepted} accepted, errors by code ${JSON.stringify(codes)}`,
    );
    expect(inputs).toBeGreaterThanOrEqual(10_000);
    expect(codes.VALIDATION).toBeGreaterThan(5_000);
    expect((await call(h, 'vault.check', {})).ok).toBe(true);
  }, 600_000);

  it('refuses wrong passphrases without touching anything', async () => {
    const r = prng(SEED + 1);
    const before = snapshot();
    for (let i = 0; i < 25; i++) {
      const wrong = Array.from({ length: 8 + Math.floor(r() * 20) }, () =>
        String.fromCharCode(32 + Math.floor(r() * 200)),
      ).join('');
      await expect(Vault.unlock(dir, { passphrase: wrong })).rejects.toMatchObject({
        code: 'WRONG_PASSPHRASE',
      });
    }
    expect(snapshot()).toBe(before);
  });
});
