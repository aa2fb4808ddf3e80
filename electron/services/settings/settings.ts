import type Conf from 'conf';
import {
  DEFAULT_SETTINGS,
  settings,
  type Settings,
  type SettingsPatch,
} from '../../../shared/settings/schema';
import { privateConf } from '../device/private';

export interface Stored {
  settings?: unknown;
  /** The vault folder used last, so the next launch opens its unlock screen. */
  lastVault?: string;
  /** Folders of demo vaults made from the first-run screen (they are marked DEMO). */
  demoVaults?: string[];
}

/**
 * The user's settings on this device. Persisted with `conf` (atomic writes) in `cwd`, or the
 * per-user config folder when `cwd` is omitted; kept in memory only when `persist` is false
 * (unit tests, the CLI), so nothing is written to the user's profile by accident.
 */
export class SettingsStore {
  private readonly conf: Conf<Stored> | null;
  private memory: Stored = {};

  /** `conf`: a store made by the caller (the Electron app passes electron-store, which is a Conf). */
  constructor(opts: { persist: boolean; cwd?: string } | { conf: Conf<Stored> }) {
    this.conf =
      'conf' in opts
        ? opts.conf
        : opts.persist
          ? // SECURITY: the settings name vault folders; the file is 0600 in a 0700 folder.
            privateConf<Stored>({
              configName: 'settings',
              ...(opts.cwd ? { cwd: opts.cwd } : {}),
            })
          : null;
  }

  /** Where the settings file lives (null when in memory); demo vaults go beside it. */
  get folder(): string | null {
    return this.conf ? this.conf.path.replace(/[/\\][^/\\]+$/, '') : null;
  }

  private read(): Stored {
    return this.conf ? this.conf.store : this.memory;
  }

  private write(patch: Partial<Stored>): void {
    if (this.conf) this.conf.set(patch as Stored);
    else this.memory = { ...this.memory, ...patch };
  }

  /** The settings, with defaults for anything missing or unreadable (a hand-edited file never stops the app). */
  get(): Settings {
    const parsed = settings.safeParse(this.read().settings ?? {});
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  }

  set(patch: SettingsPatch): Settings {
    const next = settings.parse({ ...this.get(), ...patch });
    this.write({ settings: next });
    return next;
  }

  get lastVault(): string | null {
    return this.read().lastVault ?? null;
  }

  rememberVault(dir: string): void {
    this.write({ lastVault: dir });
  }

  isDemo(dir: string): boolean {
    return (this.read().demoVaults ?? []).includes(dir);
  }

  markDemo(dir: string): void {
    const list = this.read().demoVaults ?? [];
    if (!list.includes(dir)) this.write({ demoVaults: [...list, dir] });
  }
}
