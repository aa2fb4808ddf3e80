import path from 'node:path';

/**
 * Where the built pieces lie, relative to the project (or app.asar) root. scripts/build-electron.mjs
 * writes the main and preload bundles there; the renderer folder is vite's build output.
 * A test checks these agree with the build script.
 */
export const LAYOUT = {
  main: 'out/main/index.mjs',
  preload: 'out/preload/index.cjs',
  renderer: 'dist/renderer',
  /** The OFL fonts for letters and reports, copied from build/fonts by the build. */
  fonts: 'out/fonts',
} as const;

/** The root, found from the main bundle's own place (`<root>/out/main/index.mjs`). */
export function appRoot(mainDir: string): string {
  return path.resolve(mainDir, '..', '..');
}
