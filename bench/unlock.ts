import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Vault } from '../electron/services/vault/vault';
import type { BenchResult } from './util';

const PASS = 'benk passordfrase';

/**
 * Eight unlocks at once, each in a fresh process (peak RSS): through Bro, where key derivations
 * are queued one at a time, against eight scrypt derivations at once with the same parameters
 * (what eight parallel unlocks cost before). Default scrypt cost (N = 2^17, 128 MiB each).
 */
export async function unlockBenchmarks(): Promise<BenchResult[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'bro-bench-unlock-'));
  try {
    const dir = path.join(root, 'v');
    const { vault } = await Vault.create(dir, { passphrase: PASS });
    await vault.close();
    const probe = path.join(import.meta.dirname, 'unlock-probe.ts');
    const peak = (mode: string) =>
      Number(
        execFileSync(process.execPath, ['--import', 'tsx', probe, mode, dir], {
          env: { ...process.env, BRO_BENCH_PASSPHRASE: PASS },
          cwd: path.join(import.meta.dirname, '..'),
        })
          .toString()
          .trim(),
      );
    const before = peak('parallel');
    const after = peak('queued');
    return [
      {
        name: 'peak memory of eight unlocks at once (RSS), queued vs eight derivations at once',
        value: after / 1024,
        baseline: before / 1024,
        ratio: after / before,
        unit: 'MB',
      },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
