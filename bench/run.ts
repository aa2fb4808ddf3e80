// `npm run bench`: benchmarks, not tests. Prints ratios against baselines measured in the same run.
// Options: --cases N (default 2000), --rounds N (default 5), --referrals N (default 10000).
import { parseArgs } from 'node:util';
import { cliBenchmarks } from './cli';
import { rendererBenchmarks } from './renderer';
import { letterBenchmarks } from './letters';
import { unlockBenchmarks } from './unlock';
import { printResults } from './util';
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
console.log('\n[cli]');
printResults(await cliBenchmarks({ rounds }));
console.log('\n[vault]');
printResults(await vaultBenchmarks({ cases, rounds }));
console.log('\n[unlock]');
printResults(await unlockBenchmarks());
console.log('\n[waiting times]');
printResults(await waitingBenchmarks({ referrals: Number(values.referrals ?? 10_000), rounds }));
console.log('\n[renderer]');
printResults(await rendererBenchmarks({ rounds }));
console.log('\n[letters]');
printResults(await letterBenchmarks({ rounds }));
