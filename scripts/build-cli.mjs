// Bundles the `bro` command with esbuild into out/cli/bundle/ (gitignored). Run by `npm ci` and
// `npm install` (the `prepare` script), so a clean clone starts fast without a build step.
//   out/cli/bundle/bro.mjs        the entry bin/bro.mjs imports; exports main()
//   out/cli/bundle/case-worker.mjs  the case list's helper thread, found beside the chunks
//   out/cli/bundle/chunk-*.mjs    what a command loads only when it runs (the operations, the vault)
//   out/cli/bundle/inputs.json    every source file in the bundle with its size, time and SHA-256
// bin/bro.mjs runs the bundle only while inputs.json still matches the sources; otherwise it runs
// the TypeScript sources through tsx, as before (a test checks both give the same bytes).
// The bundle sits three folders below the project, like the sources it replaces, so that
// `import.meta.dirname` + '../../../build/fonts' still finds the fonts.
// Usage: node scripts/build-cli.mjs
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE_DIR = 'out/cli/bundle';

/**
 * Packages loaded from node_modules at run time rather than copied into the bundle: large ones
 * only some commands use (loaded when that command runs), ones that read data files beside
 * their own code, and ones with native parts.
 */
const EXTERNAL = [
  'pdfkit',
  'exceljs',
  'node-forge',
  '@signpdf/*',
  'pdfjs-dist',
  'pdfjs-dist/*',
  'conf',
  'electron',
  'electron-store',
  'tsx',
  'tsx/*',
];

// esbuild turns CommonJS dependencies into functions that call require(); ESM output has no
// require, so give the bundle one.
const requireShim =
  "import { createRequire as __broCreateRequire } from 'node:module'; const require = __broCreateRequire(import.meta.url);";

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** One record per input: what bin/bro.mjs compares to decide whether the bundle is current. */
export function fingerprint(files) {
  const inputs = {};
  for (const rel of [...files].sort()) {
    const st = statSync(path.join(root, rel));
    inputs[rel] = { size: st.size, mtimeMs: st.mtimeMs, sha256: sha256(path.join(root, rel)) };
  }
  return inputs;
}

function writeWhole(file, contents) {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, contents);
  renameSync(tmp, file);
}

export async function buildCli() {
  // esbuild comes with the dev dependencies; a production install (--omit=dev) has none, and
  // then bin/bro.mjs runs the sources.
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    console.warn('build-cli: esbuild is not installed; `bro` will run from the TypeScript sources');
    return null;
  }
  const outdir = path.join(root, BUNDLE_DIR);
  mkdirSync(outdir, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    // case-worker: the case list's helper thread (electron/services/vault/case-helper.ts).
    entryPoints: { bro: 'electron/cli/main.ts', 'case-worker': 'electron/services/vault/case-worker.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    external: EXTERNAL,
    banner: { js: requireShim },
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  // Each file lands whole (temp file, rename): a `bro` started meanwhile sees the old bundle or
  // the new one. Chunk names are content hashes, so a `bro` already running keeps finding its
  // chunks; chunks no build has written for an hour are removed.
  const written = new Set();
  for (const f of result.outputFiles) {
    writeWhole(f.path, f.contents);
    written.add(path.basename(f.path));
  }
  for (const n of readdirSync(outdir)) {
    const f = path.join(outdir, n);
    if (/^chunk-.*\.mjs$/.test(n) && !written.has(n) && Date.now() - statSync(f).mtimeMs > 3_600_000)
      unlinkSync(f);
  }
  // The project's own sources and the lock file (it pins the packages copied into the bundle).
  const own = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  const inputs = fingerprint([...own, 'package-lock.json', 'scripts/build-cli.mjs']);
  // Written last: until it is there, bin/bro.mjs runs the sources.
  writeWhole(path.join(outdir, 'inputs.json'), JSON.stringify({ inputs }, null, 1) + '\n');
  return path.join(outdir, 'bro.mjs');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildCli();
  if (out) console.log(`built ${path.relative(process.cwd(), out)}`);
}
