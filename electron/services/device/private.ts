import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import Conf from 'conf';
import envPaths from 'env-paths';

/**
 * Bro's own files outside a vault (settings, the device id, unlock attempt records, remembered
 * passphrases) live in a per-user folder. They hold no case content, yet they say which vault
 * folders this person uses and when unlocking failed, so another account on the machine must not
 * read them: folders 0700, files 0600 (POSIX; Windows profile folders are private already).
 */

/** The per-user config folder, the same one `conf` picks for project "bro" (`~/.config/bro-nodejs` on Linux). */
export function userConfigDir(): string {
  return envPaths('bro', { suffix: 'nodejs' }).config;
}

const posix = process.platform !== 'win32';

/**
 * Creates `dir` (and its parents) with mode 0700. `own`: the folder is Bro's alone (the default
 * config folder, Electron's profile folder, a folder Bro just created), so an existing looser mode
 * from an older version is tightened too. A folder the user named for settings is left as it is.
 */
export function ensurePrivateDir(dir: string, own: boolean): void {
  const existed = existsSync(dir);
  // SECURITY: 0700 – another account on the machine cannot list which files Bro keeps.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (posix && (own || !existed)) chmodSync(dir, 0o700);
}

/** Tightens a file Bro wrote before it knew better (0644 from an older version) to 0600. */
export function tightenFile(file: string): void {
  // SECURITY: 0600 – only this user reads Bro's settings, device id and attempt records.
  if (posix && existsSync(file)) chmodSync(file, 0o600);
}

/**
 * A `conf` store that only this user can read: the file is written 0600 and its folder is 0700.
 * `cwd` omitted: the per-user config folder (Bro's own, so its mode is tightened).
 */
export function privateConf<T extends object>(o: { configName: string; cwd?: string }): Conf<T> {
  const cwd = o.cwd ?? userConfigDir();
  ensurePrivateDir(cwd, o.cwd === undefined);
  const conf = new Conf<T>({ projectName: 'bro', configName: o.configName, cwd, configFileMode: 0o600 });
  tightenFile(conf.path);
  return conf;
}
