// The bundled `bro` (scripts/build-cli.mjs, built by `npm ci`) against the TypeScript sources
// through tsx: the same bytes on stdout and stderr and the same exit code for the same inputs,
// each run as its own process, the way people and scripts run `bro`.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from './helpers/cli';
import { expectWorkerRuns } from './helpers/case-worker';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(root, 'bin', 'bro.mjs');
const PASS = 'synt-etisk passord 2026';
const TODAY = '2026-11-20';
const tempDir = tempDirs('bro-bundle-');
let config: string;

interface Run {
  code: number;
  out: string;
  err: string;
}

function node(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      {
        cwd: root,
        env: { ...process.env, BRO_PASSPHRASE: PASS, BRO_CONFIG_DIR: config, ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (err, out, errText) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, out, err: errText });
      },
    );
  });
}

const bundled = (args: string[]) => node([BIN, ...args], { BRO_CLI_DEBUG: '1' });
const source = (args: string[]) => node([BIN, ...args], { BRO_CLI_DEBUG: '1', BRO_CLI_FROM_SOURCE: '1' });

let vault: string;
beforeAll(async () => {
  config = tempDir();
  // The bundle as `npm ci` leaves it; rebuilt only when a source changed since (a developer's tree).
  const probe = await bundled(['help']);
  if (!probe.err.startsWith('bro: bundle')) {
    const build = await node([path.join(root, 'scripts', 'build-cli.mjs')], {});
    expect(build.code).toBe(0);
  }
  vault = path.join(tempDir(), 'v');
  const demo = await source(['demo', vault, '--cases', '12', '--seed', 'bundle', '--today', TODAY]);
  expect(demo.code).toBe(0);
}, 180_000);

describe('bro as a bundle', () => {
  it('runs the bundle when it matches the sources, and the sources when asked', async () => {
    expect((await bundled(['help'])).err).toBe('bro: bundle\n');
    expect((await source(['help'])).err).toBe('bro: source\n');
  });

  it('gives byte-identical output and exit codes to the sources for the same inputs', async () => {
    const commands: string[][] = [
      [],
      ['help'],
      ['days', '2026-01-05', '2026-03-01'],
      ['deadline', '2026-03-02', '10', '--saturday', '--json'],
      ['no-such-command'],
      ['days', '--no-such-flag', '--json'],
      ['help', '--today', '2026-02-30'],
      ['cases', vault, '--json', '--today', TODAY],
      ['cases', vault, '--as-of', '2026-06-01', '--today', TODAY],
      ['tasks', vault, '--today', TODAY],
      [
        'report',
        'waiting',
        vault,
        '--from',
        '2026-01-01',
        '--to',
        TODAY,
        '--format',
        'csv',
        '--today',
        TODAY,
      ],
      ['member', 'list', vault, '--json', '--today', TODAY],
      ['cases', path.join(vault, 'missing'), '--json'],
    ];
    const list = JSON.parse((await source(['cases', vault, '--json', '--today', TODAY])).out) as {
      cases: { id: string; status: string }[];
    };
    const open = list.cases.find((c) => c.status === 'open')!;
    commands.push(['letter', vault, '--case', open.id, '--kind', 'mottaksbrev', '--check', '--today', TODAY]);
    // Commands whose texts and rules are loaded only when they run (not at start-up).
    const period = ['--from', '2026-01-01', '--to', TODAY, '--today', TODAY];
    commands.push(
      ['report', 'waiting', vault, ...period],
      ['report', 'measures', vault, ...period],
      ['report', 'outcomes', vault, ...period],
      ['absence', vault, '--case', open.id, '--today', TODAY],
      ['letters', vault, '--case', open.id, '--today', TODAY],
    );
    for (const args of commands) {
      const [a, b] = [await bundled(args), await source(args)];
      expect({ args, code: a.code, out: a.out, err: a.err.replace('bro: bundle\n', '') }).toEqual({
        args,
        code: b.code,
        out: b.out,
        err: b.err.replace('bro: source\n', ''),
      });
      expect(a.err.startsWith('bro: bundle\n')).toBe(true);
    }
  }, 600_000);

  it('starts without loading the schema library or the crypto library (they come with the commands that use them)', () => {
    // The chunks the entry imports statically, followed from file to file: what every `bro` start
    // reads and evaluates. zod alone is about 750 KB and made `bro help` 3.2× a bare node.
    const dir = path.join(root, 'out', 'cli', 'bundle');
    const seen = new Set<string>();
    const todo = ['bro.mjs'];
    while (todo.length) {
      const file = todo.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const text = readFileSync(path.join(dir, file), 'utf8');
      for (const m of text.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["'](\.\/chunk-[\w-]+\.mjs)["']/gmu))
        todo.push(m[1]!.slice(2));
    }
    expect(seen.size).toBeGreaterThan(1); // the pattern finds the entry's chunks
    const loaded = [...seen].map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
    expect(loaded).toContain('function helpText'); // it reads the code it should
    // esbuild names each package's code with a comment; the rest of the bundle has zod in it.
    const rest = readdirSync(dir).filter((f) => f.endsWith('.mjs') && !seen.has(f));
    expect(rest.some((f) => /node_modules\/zod\//u.test(readFileSync(path.join(dir, f), 'utf8')))).toBe(true);
    expect(loaded).not.toMatch(/node_modules\/zod\//u);
    expect(loaded).not.toMatch(/node_modules\/jose\//u);
  });

  it('carries the case list helper thread, and the thread runs its jobs', async () => {
    await expectWorkerRuns(path.join(root, 'out', 'cli', 'bundle', 'case-worker.mjs'));
  });

  it('lists a vault without its index (the helper thread at work) as the sources do, and exits when done', async () => {
    const big = path.join(tempDir(), 'big');
    const demo = await source(['demo', big, '--cases', '60', '--seed', 'helper', '--today', TODAY]);
    expect(demo.code).toBe(0);
    const dropIndex = () => {
      for (const f of readdirSync(path.join(big, 'index'))) rmSync(path.join(big, 'index', f));
    };
    dropIndex();
    const a = await bundled(['cases', big, '--json', '--today', TODAY]);
    dropIndex();
    const b = await source(['cases', big, '--json', '--today', TODAY]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(a.out).toBe(b.out);
    expect((JSON.parse(a.out) as { cases: unknown[] }).cases.length).toBe(60);
  }, 300_000);

  it('falls back to the sources when an input of the bundle changed, not when only its time did', async () => {
    // A project of its own: bin/bro.mjs, a stand-in bundle over one input file, and links to the
    // real sources and packages for the fallback.
    const proj = tempDir();
    mkdirSync(path.join(proj, 'bin'));
    copyFileSync(BIN, path.join(proj, 'bin', 'bro.mjs'));
    for (const d of ['node_modules', 'electron', 'shared', 'package.json'])
      symlinkSync(path.join(root, d), path.join(proj, d));
    const bundleDir = path.join(proj, 'out', 'cli', 'bundle');
    mkdirSync(bundleDir, { recursive: true });
    writeFileSync(
      path.join(bundleDir, 'bro.mjs'),
      "export async function main() { process.stdout.write('stand-in\\n'); return 0; }\n",
    );
    const input = path.join(proj, 'input.ts');
    writeFileSync(input, 'export const a = 1;\n');
    const st = statSync(input);
    const sha256 = createHash('sha256').update(readFileSync(input)).digest('hex');
    writeFileSync(
      path.join(bundleDir, 'inputs.json'),
      JSON.stringify({ inputs: { 'input.ts': { size: st.size, mtimeMs: st.mtimeMs, sha256 } } }),
    );
    const run = () =>
      node([path.join(proj, 'bin', 'bro.mjs'), 'days', '2026-01-05', '2026-01-06'], {
        BRO_CLI_DEBUG: '1',
      });
    expect(await run()).toMatchObject({ code: 0, out: 'stand-in\n', err: 'bro: bundle\n' });
    utimesSync(input, st.atime, new Date(st.mtimeMs + 5000)); // a checkout: new time, same bytes
    expect((await run()).err).toBe('bro: bundle\n');
    writeFileSync(input, 'export const a = 2;\n'); // same size, other bytes
    const stale = await run();
    expect(stale.err).toBe('bro: source\n');
    expect(stale.out).toContain('kalenderdager');
    rmSync(input);
    expect((await run()).err).toBe('bro: source\n');
  }, 120_000);
});
