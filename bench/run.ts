// `npm run bench`: benchmarks, not tests. Prints ratios against baselines measured in the same run.
// Options: --cases N (default 2000), --rounds N (default 5), --referrals N (default 10000).
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { cliBenchmarks } from './cli';
import { rendererBenchmarks } from './renderer';
import { letterBenchmarks } from './letters';
import { unlockBenchmarks } from './unlock';
import { printResults, type BenchResult } from './util';
import { vaultBenchmarks } from './vault';
import { waitingBenchmarks } from './waiting';

const { values } = parseArgs({
  options: { cases: { type: 'string' }, rounds: { type: 'string' }, referrals: { type: 'string' } },
});
const cases = Number(values.cases ?? 2000);
const rounds = Number(values.rounds ?? 5);

console.log(
  `Bro benchmarks — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cases} cases, ${rounds} rounds`,
);
const load0 = loadavg();
const all: BenchResult[] = [];
const section = async (name: string, run: () => Promise<BenchResult[]>) => {
  console.log(`\n[${name}]`);
  const results = await run();
  printResults(results);
  all.push(...results);
};
await section('cli', () => cliBenchmarks({ rounds }));
await section('vault', () => vaultBenchmarks({ cases, rounds }));
await section('unlock', () => unlockBenchmarks());
await section('waiting times', () =>
  waitingBenchmarks({ referrals: Number(values.referrals ?? 10_000), rounds }),
);
await section('renderer', () => rendererBenchmarks({ rounds }));
await section('letters', () => letterBenchmarks({ rounds }));

// Every ratio with a target (issue 18's three among them), together, with the machine's load.
const load1 = loadavg();
const fmt = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
console.log(`\n[targets] load average (1, 5, 15 min) at the start ${fmt(load0)}, at the end ${fmt(load1)}`);
for (const r of all.filter((x) => x.target !== undefined))
  console.log(
    `  ${r.ratio <= r.target! ? '✔' : '✘'} ${r.ratio.toFixed(2)}× (target ≤ ${r.target}×)  ${r.name}`,
  );
