import { BroError } from '../../../shared/errors';
import { formatHlc, maxHlc, parseHlc, tickHlc, type Hlc } from '../../../shared/events/vocabulary';
import type { VaultHeader } from './format';
import { containerIds } from './containers';
import type { KeyObject } from 'node:crypto';
import type { Keychain } from './keychain';

/**
 * What every part of an unlocked vault shares: where it is, who opened it on which device, the
 * keys, and the hybrid logical clock that orders everything this device writes.
 */
export class VaultCore {
  private hlc: Hlc = { wall: 0, counter: 0 };
  closed = false;
  /** Folder ids of the containers (the registers) in this vault: folders in `cases/` that are not cases. */
  readonly containers: ReadonlySet<string>;

  constructor(
    readonly dir: string,
    public header: VaultHeader,
    readonly deviceId: string,
    /** The member id (for the audit log and event authorship); `recovery` when opened with the recovery key. */
    readonly actor: string,
    readonly keys: Keychain,
    readonly now: () => number,
    /** The actor's private P-256 key (member's or recovery's): opens restricted cases granted to them. */
    readonly ecdh?: KeyObject,
  ) {
    this.containers = containerIds(header.vaultId);
  }

  get vaultId(): string {
    return this.header.vaultId;
  }

  /** The next clock value for something this device writes. */
  tick(): string {
    this.hlc = tickHlc(this.hlc, this.now());
    return formatHlc(this.hlc);
  }

  /** Moves the clock past a value read from the vault. */
  observe(hlc: string): void {
    this.hlc = maxHlc(this.hlc, parseHlc(hlc));
  }

  assertOpen(): void {
    if (this.closed) throw new BroError('VAULT_LOCKED', 'The vault is locked');
  }
}
