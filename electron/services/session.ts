import { BroError } from '../../shared/errors';
import type { Vault } from './vault/vault';

export type Progress = (done: number, total: number, phase: string) => void;

/**
 * What the handlers share for one user: the unlocked vault (or none) and this device's id.
 * The Electron main process, the browser host and each CLI run own one session each.
 */
export class Session {
  vault: Vault | null = null;
  constructor(
    readonly opts: {
      deviceId?: string;
      /** Clock for event times and the audit log. */
      now?: () => number;
      /** The calendar date computations use ("as of"); never moves the clock events are stamped with. */
      today?: string;
      kdf?: { N: number; r: number; p: number };
    } = {},
  ) {}

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
