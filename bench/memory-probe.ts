// Measures the memory one operation adds to a process: RSS sampled during the operation and
// right after it (result still alive), minus RSS just before it. Prints kilobytes.
import { readFile } from 'node:fs/promises';
import { Vault } from '../electron/services/vault/vault';

const [mode, dir, plainFile] = process.argv.slice(2) as [string, string, string];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

let vault: Vault | null = null;
if (mode === 'vault') vault = await Vault.unlock(dir, { passphrase: process.env.BRO_BENCH_PASSPHRASE ?? '' });
gc();
const before = process.memoryUsage().rss;
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
let keep: unknown;
if (mode === 'vault') keep = await vault!.listCases();
else if (mode === 'plain') keep = JSON.parse(await readFile(plainFile, 'utf8'));
peak = Math.max(peak, process.memoryUsage().rss);
clearInterval(sampler);
if (keep === undefined && mode !== 'idle') throw new Error('nothing measured');
process.stdout.write(String(Math.round((peak - before) / 1024)));
