// The open without an index as a new device meets it: a fresh process (no heap left over from
// writing the vault), the index removed before each round. Measures its own baseline (reading
// and `JSON.parse` of the plaintext file) in the same process, interleaved round by round, and
// prints `{ "rebuild": ms, "baseline": ms, "helped": share }` (medians; `helped`: the share of
// cases the helper thread folded, electron/services/vault/case-helper.ts).
import { readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CaseStore } from '../electron/services/vault/cases';
import { Vault } from '../electron/services/vault/vault';
import { median } from './util';

const [dir, plainFile, cases, rounds] = process.argv.slice(2) as [string, string, string, string];
const rebuild: number[] = [];
const baseline: number[] = [];
const helped: number[] = [];
for (let i = 0; i < Number(rounds); i++) {
  let t = performance.now();
  const parsed = JSON.parse(await readFile(plainFile, 'utf8')) as { cases: unknown[] };
  if (parsed.cases.length !== Number(cases)) throw new Error('baseline read wrong');
  baseline.push(performance.now() - t);
  for (const f of readdirSync(path.join(dir, 'index'))) rmSync(path.join(dir, 'index', f));
  const v = await Vault.unlock(dir, { passphrase: process.env.BRO_BENCH_PASSPHRASE ?? '' });
  t = performance.now();
  const list = await v.listCases();
  rebuild.push(performance.now() - t);
  if (list.cases.length !== Number(cases)) throw new Error(`rebuild listed ${list.cases.length}`);
  helped.push((v as unknown as { store: CaseStore }).store.helper.handled / list.cases.length);
  await v.close();
}
process.stdout.write(
  JSON.stringify({ rebuild: median(rebuild), baseline: median(baseline), helped: median(helped) }),
);
