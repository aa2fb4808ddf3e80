#!/usr/bin/env node
// `npm start`: builds the renderer, the main process and the preload, then launches Electron.
// Where Electron cannot start (no binary, no display, or it dies at once) it says so plainly, in
// Norwegian and English, points to `npm run web` (the same app in a browser) and exits non-zero.
// Arguments after `--` are passed on to Electron.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { buildElectron, LAYOUT } from './build-electron.mjs';
import { desktopUnavailable, findElectronBinary, unavailableMessage } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const appArgs = process.argv.slice(2);

function giveUp(reason, code = 1) {
  console.error(unavailableMessage(reason));
  process.exit(code);
}

// 1. The Electron binary. Since Electron 42 `npm ci` does not download it; try once here, where
//    the network allows (electron's own installer; it fails fast where the host is unreachable).
//    BRO_NO_ELECTRON_DOWNLOAD=1 skips that (tests).
let binary = findElectronBinary(root);
if (
  !binary &&
  !process.env.BRO_NO_ELECTRON_DOWNLOAD &&
  existsSync(path.join(root, 'node_modules', 'electron', 'install.js'))
) {
  console.log('Henter Electron-programmet … / Downloading the Electron binary …');
  spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    stdio: 'ignore',
    timeout: 300_000,
  });
  binary = findElectronBinary(root);
}
const reason = desktopUnavailable({ binary });
if (reason) giveUp(reason);

// 2. The renderer: the same vite build the browser host serves (rebuilt only when stale).
const { ensureRendererBuilt } = await tsImport('../electron/host/build.ts', import.meta.url);
await ensureRendererBuilt(root, (line) => console.log(line));
if (!existsSync(path.join(root, LAYOUT.renderer, 'index.html'))) {
  console.error(
    `Brukergrensesnittet er ikke bygget (${LAYOUT.renderer}/index.html mangler).\n` +
      `The user interface is not built (${LAYOUT.renderer}/index.html is missing).`,
  );
  process.exit(1);
}

// 3. Main and preload (esbuild, about a second).
await buildElectron();

// 4. Launch. Electron reads package.json "main" (out/main/index.mjs).
const started = Date.now();
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // would turn Electron into plain Node
const child = spawn(binary, [root, ...appArgs], { cwd: root, stdio: 'inherit', env });
child.on('error', (err) =>
  giveUp({
    nb: `Electron kunne ikke startes (${err.code ?? err.message}).`,
    en: `Electron could not be started (${err.code ?? err.message}).`,
  }),
);
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    stopping = true;
    child.kill(signal);
  });
child.on('close', (code, signal) => {
  // Dying within seconds is a machine that cannot run it (missing system libraries, GPU, sandbox).
  if (!stopping && (code !== 0 || signal) && Date.now() - started < 15_000)
    giveUp({
      nb: `Electron stoppet med en gang (${signal ?? `kode ${code}`}); meldingen over sier hvorfor.`,
      en: `Electron stopped at once (${signal ?? `exit code ${code}`}); the message above says why.`,
    });
  process.exit(code ?? 1);
});
