#!/usr/bin/env node
// The `bro` command. Runs the bundle scripts/build-cli.mjs made (at `npm ci`) while it matches
// the sources; otherwise (no bundle, a source changed since, or BRO_CLI_FROM_SOURCE=1) runs the
// TypeScript sources through tsx. Both give the same output (tests/unit/cli-bundle.test.ts).
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundleDir = path.join(root, 'out', 'cli', 'bundle');

/** True when every input of the bundle is unchanged: same size and time, or else same SHA-256. */
function bundleIsCurrent() {
  let inputs;
  try {
    ({ inputs } = JSON.parse(readFileSync(path.join(bundleDir, 'inputs.json'), 'utf8')));
    statSync(path.join(bundleDir, 'bro.mjs'));
  } catch {
    return false;
  }
  for (const [rel, want] of Object.entries(inputs)) {
    const file = path.join(root, rel);
    try {
      const st = statSync(file);
      if (st.size !== want.size) return false;
      if (st.mtimeMs === want.mtimeMs) continue;
      // A checkout or a copy changes times, not contents.
      if (createHash('sha256').update(readFileSync(file)).digest('hex') !== want.sha256) return false;
    } catch {
      return false;
    }
  }
  return true;
}

let main;
const useBundle = process.env.BRO_CLI_FROM_SOURCE !== '1' && bundleIsCurrent();
// For the tests and for anyone wondering why `bro` is slow: which of the two runs.
if (process.env.BRO_CLI_DEBUG === '1') process.stderr.write(`bro: ${useBundle ? 'bundle' : 'source'}\n`);
if (useBundle) {
  try {
    ({ main } = await import('../out/cli/bundle/bro.mjs'));
  } catch {
    // Being rebuilt at this very moment: the sources give the same result.
  }
}
if (!main) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../electron/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
