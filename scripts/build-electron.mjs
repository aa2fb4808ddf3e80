// Bundles the Electron main process and the preload with esbuild into out/ (gitignored):
//   out/main/index.mjs     ESM; everything bundled except 'electron' (the app ships no node_modules)
//   out/main/case-worker.mjs  the case list's helper thread (electron/services/vault/case-helper.ts)
//   out/preload/index.cjs  CommonJS, one file: a sandboxed preload may require only 'electron'
// The renderer is built by vite into dist/renderer (see the renderer's vite config).
// Usage: node scripts/build-electron.mjs [--outdir DIR]
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the bundles go; electron/main/paths.ts says the same (a test checks). */
export const LAYOUT = {
  main: 'out/main/index.mjs',
  preload: 'out/preload/index.cjs',
  renderer: 'dist/renderer',
  fonts: 'out/fonts',
};

/**
 * Files the bundled code reads at run time, copied beside it. A dependency that finds a data file
 * with `new URL('./data/…', import.meta.url)` finds it relative to the bundle (a test checks
 * every such reference resolves).
 */
const RUNTIME_FILES = [
  // pdfkit's sRGB colour profile for PDF/A output.
  { from: 'node_modules/pdfkit/js/data/sRGB_IEC61966_2_1.icc', to: 'out/main/data/sRGB_IEC61966_2_1.icc' },
  // The OFL fonts letters and reports embed (æøå and the Sami letters).
  { from: 'build/fonts', to: LAYOUT.fonts },
];

// esbuild turns CommonJS dependencies into functions that call require(); ESM output has no
// require, so give the bundle one.
const requireShim =
  "import { createRequire as __broCreateRequire } from 'node:module'; const require = __broCreateRequire(import.meta.url);";

/** Builds both bundles into `outRoot` (the project root by default). Returns the two file paths. */
export async function buildElectron({ outRoot = root, minify = false } = {}) {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node22',
    sourcemap: false,
    minify,
    legalComments: 'none',
    logLevel: 'warning',
  };
  const main = path.join(outRoot, LAYOUT.main);
  const preload = path.join(outRoot, LAYOUT.preload);
  await build({
    ...common,
    entryPoints: [path.join(root, 'electron/main/index.ts')],
    outfile: main,
    format: 'esm',
    external: ['electron'],
    banner: { js: requireShim },
  });
  // The case list's helper thread (electron/services/vault/case-helper.ts), found beside the main bundle.
  await build({
    ...common,
    entryPoints: [path.join(root, 'electron/services/vault/case-worker.ts')],
    outfile: path.join(path.dirname(main), 'case-worker.mjs'),
    format: 'esm',
    // No require shim: in the packaged app the thread runs from a data: URL (case-helper.ts
    // bundledEntry), where createRequire has no file to start from; it needs no CommonJS.
  });
  await build({
    ...common,
    entryPoints: [path.join(root, 'electron/preload/index.ts')],
    outfile: preload,
    format: 'cjs',
    // SECURITY: the preload bundle requires 'electron' and nothing else (checked by a test).
    external: ['electron'],
  });
  for (const f of RUNTIME_FILES) {
    const to = path.join(outRoot, f.to);
    mkdirSync(path.dirname(to), { recursive: true });
    cpSync(path.join(root, f.from), to, { recursive: true });
  }
  return { main, preload };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { outdir: { type: 'string' }, minify: { type: 'boolean' } } });
  const out = await buildElectron({
    outRoot: values.outdir ? path.resolve(values.outdir) : root,
    minify: values.minify ?? false,
  });
  console.log(
    `built ${path.relative(process.cwd(), out.main)} and ${path.relative(process.cwd(), out.preload)}`,
  );
}
