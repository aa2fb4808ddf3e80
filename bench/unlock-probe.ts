// Peak memory of eight unlocks at once, in a fresh process: `parallel` runs eight scrypt
// derivations at once with the vault's own parameters (what eight parallel unlocks did before
// derivations were queued); `queued` runs eight real unlocks at once through Bro. Prints the
// process's peak RSS (VmHWM) in kilobytes, or sampled RSS where /proc is missing.
import { scrypt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Vault } from '../electron/services/vault/vault';
import { DEFAULT_SCRYPT } from '../electron/services/vault/crypto';

const [mode, dir] = process.argv.slice(2) as [string, string];
const pass = process.env.BRO_BENCH_PASSPHRASE ?? '';
let sampled = process.memoryUsage().rss;
const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 5);

const { N, r, p } = DEFAULT_SCRYPT;
const derive = () =>
  new Promise<void>((resolve, reject) =>
    scrypt(pass, 'salt-of-sixteen!', 32, { N, r, p, maxmem: 128 * N * r + 64 * 1024 * 1024 }, (e) =>
      e ? reject(e) : resolve(),
    ),
  );
if (mode === 'parallel') await Promise.all(Array.from({ length: 8 }, derive));
else {
  const vaults = await Promise.all(Array.from({ length: 8 }, () => Vault.unlock(dir, { passphrase: pass })));
  for (const v of vaults) await v.close();
}
clearInterval(sampler);
let kb = Math.round(sampled / 1024);
try {
  const m = /VmHWM:\s+(\d+) kB/u.exec(readFileSync('/proc/self/status', 'utf8'));
  if (m) kb = Number(m[1]);
} catch {
  /* not Linux: the sampled figure */
}
process.stdout.write(String(kb));
