import { summaryRules } from '../../shared/cases/summary';
import type { PathKind } from '../../shared/contract/paths';
import { BroError } from '../../shared/errors';
import { fromAppTargets, type WaitingSettings } from '../../shared/waiting/settings';
import { UnlockAttempts } from './access/attempts';
import { PickedFiles } from './access/door';
import { userConfigDir } from './device/private';
import { RememberedSecrets } from './device/remember';
import { DispatchSecret } from './dispatch/secret';
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
  /** The SvarUt integration password: OS keychain (Electron), else BRO_SVARUT_PASSWORD (issue 19). */
  readonly dispatchSecret: DispatchSecret;
  /** Unlock attempts: the wait after wrong passphrases and the record for the audit log. */
  readonly attempts: UnlockAttempts;
  /** Files and folders chosen in a main-process dialog, by handle (Electron). */
  readonly picked = new PickedFiles();
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
      /** The SvarUt integration password store (the Electron app, with safeStorage); omitted: the environment only. */
      dispatchSecret?: DispatchSecret;
      /** Where BRO_SVARUT_PASSWORD and BRO_MASKINPORTEN_TOKEN are read (the CLI's environment); default process.env. */
      env?: NodeJS.ProcessEnv;
      /**
       * Where unlock attempt records are kept ('default': the per-user config folder). Omitted: the
       * settings folder when settings persist, else in memory only (tests).
       */
      stateDir?: string;
      /** A main-process file dialog (Electron): the chosen path, or null when cancelled. */
      pickFile?: (kind: Exclude<PathKind, 'cliOnly'>) => Promise<string | null>;
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
    this.dispatchSecret = opts.dispatchSecret ?? new DispatchSecret(null, null, opts.env ?? process.env);
    const state = opts.stateDir ?? dir;
    this.attempts = new UnlockAttempts({
      dir: state === undefined ? null : state === 'default' ? userConfigDir() : state,
      ...(opts.now ? { now: opts.now } : {}),
    });
    this.vaultDir = opts.vaultDir ?? this.settings.lastVault;
  }

  requireVault(): Vault {
    if (!this.vault) throw new BroError('VAULT_LOCKED', 'The vault is locked');
    // The case list's obligations follow this device's targets and today's date.
    this.vault.setSummaryRules(summaryRules(this.today(), this.waitingSettings()));
    return this.vault;
  }

  /** The targets and task rules from this device's settings (Innstillinger). */
  waitingSettings(): WaitingSettings {
    return fromAppTargets(this.settings.get().targets);
  }

  /** Today as a calendar date in local time (dates are calendar dates, not instants). */
  today(): string {
    if (this.opts.today) return this.opts.today;
    const d = new Date(this.opts.now?.() ?? Date.now());
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }
}
