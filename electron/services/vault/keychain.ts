import { OpenFailure, open, peekKid, sealContent, subkey, type Binding } from './crypto';
import { decodeSet, encodeSet, type MasterKey, type MasterKeySet } from './keys';

/** One generation of the master key with its subkeys (docs/VAULT-FORMAT.md §6). */
export interface Generation {
  mkid: string;
  mk: Uint8Array;
  indexKey: Uint8Array;
  auditKey: Uint8Array;
  caseKek: Uint8Array;
  membersKey: Uint8Array;
}

export function generation(vaultId: string, k: MasterKey): Generation {
  return {
    mkid: k.mkid,
    mk: k.mk,
    indexKey: subkey(k.mk, vaultId, 'index v1'),
    auditKey: subkey(k.mk, vaultId, 'audit v1'),
    caseKek: subkey(k.mk, vaultId, 'case-key wrap v1'),
    membersKey: subkey(k.mk, vaultId, 'members v1'),
  };
}

/** The subkeys that seal whole files directly (`dir` + A256GCM). */
type FileKey = 'indexKey' | 'auditKey' | 'membersKey';

/**
 * Every master key generation this member holds: the current one (which writes) and the older
 * ones (which only read files written before a rotation).
 */
export class Keychain {
  private readonly gens = new Map<string, Generation>();
  private current: Generation;

  constructor(
    private readonly vaultId: string,
    set: MasterKeySet,
  ) {
    this.current = this.adopt(set);
  }

  get cur(): Generation {
    return this.current;
  }

  /** Takes on a (possibly newer) master key set; the generations already held stay. */
  adopt(set: MasterKeySet): Generation {
    const { current, previous } = decodeSet(set);
    for (const k of previous) if (!this.gens.has(k.mkid)) this.gens.set(k.mkid, generation(this.vaultId, k));
    const cur = generation(this.vaultId, current);
    this.gens.set(current.mkid, cur);
    this.current = cur;
    return cur;
  }

  /** The set as a grant carries it. */
  keySet(): MasterKeySet {
    const previous = [...this.gens.values()].filter((g) => g.mkid !== this.current.mkid);
    return encodeSet(this.current, previous);
  }

  has(mkid: string): boolean {
    return this.gens.has(mkid);
  }

  /** The generation a file names in its `bro.kid`, if this member holds it. */
  of(jwe: string): Generation | undefined {
    return this.gens.get(peekKid(jwe) ?? '');
  }

  all(): Generation[] {
    return [...this.gens.values()];
  }

  /** Seals under a subkey of generation `g` (the current one unless given). */
  seal(
    key: FileKey,
    plaintext: Uint8Array,
    b: Omit<Binding, 'vault' | 'kid'>,
    g: Generation = this.current,
  ): Promise<string> {
    return sealContent(g[key], plaintext, { vault: this.vaultId, ...b, kid: g.mkid });
  }

  /** Opens a file sealed under a subkey of whichever generation its `bro.kid` names. */
  openFile(key: FileKey, jwe: string, b: Omit<Binding, 'vault' | 'kid'>): Promise<Uint8Array> {
    const g = this.of(jwe);
    if (!g) return Promise.reject(new OpenFailure('BINDING')); // no generation of ours wrote it: damaged
    return open(g[key], jwe, { vault: this.vaultId, ...b, kid: g.mkid });
  }

  /** Overwrites every key held in memory (on lock). */
  wipe(): void {
    for (const g of this.gens.values())
      for (const k of [g.mk, g.indexKey, g.auditKey, g.caseKek, g.membersKey]) k.fill(0);
  }
}
