import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The newest modification time under `dir` (files only), skipping node_modules. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Builds the renderer with Vite when `dist/renderer` is missing or older than its sources, so
 * `npm run web` works right after `npm ci` and stays fast when nothing changed.
 * Vite's own output is silenced: the host's first line on stdout is its URL.
 */
export async function ensureRendererBuilt(root: string, log: (line: string) => void): Promise<string> {
  const out = path.join(root, 'dist', 'renderer');
  const index = path.join(out, 'index.html');
  const sources = Math.max(
    newest(path.join(root, 'renderer')),
    newest(path.join(root, 'shared')),
    statSync(path.join(root, 'vite.config.ts')).mtimeMs,
    statSync(path.join(root, 'package-lock.json')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return out;
  log('Bygger brukergrensesnittet (første gang, eller etter endringer) …');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'silent' });
  return out;
}
