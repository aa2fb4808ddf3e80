// Where the Electron binary is, and whether the desktop app can start on this machine — without
// `require('electron')`, which would try to download the binary (and hang or fail where the
// download host is unreachable). Used by `npm start` and the Electron Playwright config.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The executable's path inside node_modules/electron/dist for a platform (as electron's install.js names it). */
export function platformExecutable(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * The Electron executable if it is installed, else null. Honours ELECTRON_OVERRIDE_DIST_PATH
 * (a locally built or separately unpacked Electron) as electron's own index.js does.
 */
export function findElectronBinary(root, env = process.env, platform = process.platform) {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  if (!existsSync(path.join(pkgDir, 'package.json'))) return null;
  let rel = platformExecutable(platform);
  try {
    rel = readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim() || rel;
  } catch {
    /* never downloaded: the platform default */
  }
  const file = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, rel)
    : path.join(pkgDir, 'dist', rel);
  return existsSync(file) ? file : null;
}

/** Whether a Linux machine has a display to open a window on (X11 or Wayland). */
export function hasDisplay(env = process.env, platform = process.platform) {
  if (platform !== 'linux') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * Why the desktop app cannot start here, or null when it can: `{ nb, en }` in plain words.
 * `binary` is the result of findElectronBinary.
 */
export function desktopUnavailable({ binary, env = process.env, platform = process.platform }) {
  if (!binary)
    return {
      nb: 'Electron-programmet er ikke installert på denne maskinen (node_modules/electron/dist mangler).',
      en: 'the Electron binary is not installed on this machine (node_modules/electron/dist is missing).',
    };
  if (!hasDisplay(env, platform))
    return {
      nb: 'det finnes ingen skjerm å åpne et vindu på (verken DISPLAY eller WAYLAND_DISPLAY er satt).',
      en: 'there is no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set).',
    };
  return null;
}

/** The message `npm start` prints when the desktop app cannot run: Norwegian first, then English. */
export function unavailableMessage(reason) {
  return [
    `Bro kan ikke starte skrivebordsappen her: ${reason.nb}`,
    'Bruk nettleserversjonen i stedet:  npm run web',
    '',
    `Bro cannot start the desktop app here: ${reason.en}`,
    'Use the browser version instead:  npm run web',
  ].join('\n');
}
