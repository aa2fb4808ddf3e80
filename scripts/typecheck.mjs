// Type-checks every layer: one `tsc -p` per tsconfig.<layer>.json in the project root
// (tsconfig.base.json holds the shared options and is not a layer). New layers are found
// by their file name, so adding tsconfig.renderer.json needs no change here.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');

/** The layer configs, sorted: tsconfig.*.json except tsconfig.base.json. */
export function layerConfigs() {
  return readdirSync(root)
    .filter((f) => /^tsconfig\..+\.json$/.test(f) && f !== 'tsconfig.base.json')
    .sort();
}

/** Runs `tsc -p <config>` with its output streamed; resolves to true when it passed. */
export function typecheck(config) {
  console.log(`\n> tsc -p ${config}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', config], { cwd: root, stdio: 'inherit' });
    child.on('error', (err) => {
      console.error(`tsc could not start: ${err.message}`);
      resolve(false);
    });
    child.on('close', (code) => resolve(code === 0));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const failed = [];
  for (const config of layerConfigs()) if (!(await typecheck(config))) failed.push(config);
  if (failed.length > 0) {
    console.error(`\nType errors in: ${failed.join(', ')}`);
    process.exitCode = 1;
  } else {
    console.log('\nAll layers type-check.');
  }
}
