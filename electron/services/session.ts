import { BroError } from '../../shared/errors';
import { RememberedSecrets } from './device/remember';
import { SettingsStore } from './settings/settings';
import type { Vault } from './vault/vault';

export type Progress = (done: number, total: number, phase: string) => void;

/**
 * What the handlers share for one user: the unlocked vault (or none) and this device's id.
 * The Electron main process, the browser host and each CLI run own one session each.
 */
export class Session {
  vault: Vault | null = null;
  /** The vault folder this launch points at (`--vault`, or the last one opened); null on a first run. */
  vaultDir: string | null;
  readonly settings: SettingsStore;
  /** "Husk på denne maskinen": passphrases held by the OS keychain (none without one: host, CLI). */
  readonly remembered: RememberedSecrets;
  constructor(
    readonly opts: {
      deviceId?: string;
      /** Clock for event times and the audit log. */
      now?: () => number;
      /** The calendar date computations use ("as of"); never moves the clock events are stamped with. */
      today?: string;
      kdf?: { N: number; r: number; p: number };
      /** Persist settings in this folder ('default': the per-user config folder); omitted: in memory only. */
      settingsDir?: string;
      /** The vault folder to offer first (the host's `--vault`). */
      vaultDir?: string;
      /** A settings store made by the caller (the Electron app's electron-store); wins over settingsDir. */
      settingsStore?: SettingsStore;
      /** Remembered passphrases (the Electron app, with safeStorage); omitted: nothing can be remembered. */
      remembered?: RememberedSecrets;
    } = {},
  ) {
    const dir = opts.settingsDir;
    this.settings =
      opts.settingsStore ??
      new SettingsStore(
        dir === undefined
          ? { persist: false }
          : { persist: true, ...(dir === 'default' ? {} : { cwd: dir }) },
      );
    this.remembered = opts.remembered ?? new RememberedSecrets(null, null);
    this.vaultDir = opts.vaultDir ?? this.settings.lastVault;
  }

  requireVault(): Vault {
    if (!this.vault) throw new BroError('VAULT_LOCKED', 'The vault is locked');
    return this.vault;
  }

  /** Today as a calendar date in local time (dates are calendar dates, not instants). */
  today(): string {
    if (this.opts.today) return this.opts.today;
    const d = new Date(this.opts.now?.() ?? Date.now());
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }
}
