// `bro` start-up (issue 18): a whole process, `bro help` and `bro days`, against a bare
// `node -e ""` started the same way in the same round (interleaved, so both see the same load).
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { median, report, type BenchResult } from './util';

const root = path.join(import.meta.dirname, '..');
const BIN = path.join(root, 'bin', 'bro.mjs');

function timed(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t = performance.now();
  execFileSync(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return performance.now() - t;
}

export async function cliBenchmarks(opts: { rounds: number }): Promise<BenchResult[]> {
  // The bundle must match the sources, or `bro` runs them through tsx and this measures that.
  const probe = spawnSync(process.execPath, [BIN, 'help'], {
    cwd: root,
    env: { ...process.env, BRO_CLI_DEBUG: '1' },
    encoding: 'utf8',
  });
  if (!probe.stderr.startsWith('bro: bundle'))
    execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
  const rounds = Math.max(5, opts.rounds * 2);
  const node: number[] = [];
  const help: number[] = [];
  const days: number[] = [];
  const source: number[] = [];
  for (let i = 0; i < rounds; i++) {
    node.push(timed(['-e', '']));
    help.push(timed([BIN, 'help']));
    days.push(timed([BIN, 'days', '2026-01-05', '2026-03-01']));
    if (i < 3) source.push(timed([BIN, 'help'], { ...process.env, BRO_CLI_FROM_SOURCE: '1' }));
  }
  const base = median(node);
  return [
    report('bro help (start-up, bundle) vs node -e ""', median(help), base, 3.0),
    report('bro days (loads the operations) vs node -e ""', median(days), base),
    report('bro help from the TypeScript sources (tsx, the fallback) vs node -e ""', median(source), base),
  ];
}
