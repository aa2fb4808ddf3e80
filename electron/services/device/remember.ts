import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ensureDir, writeAtomic } from '../vault/atomic';

/**
 * "Husk på denne maskinen": a member's passphrase for one vault folder, encrypted by the
 * operating system's keychain (Electron safeStorage: DPAPI on Windows, the Keychain on macOS,
 * libsecret/KWallet on Linux) and kept in a file in the app's own profile folder.
 *
 * Why the passphrase and not the master key: the remembered secret then opens the vault exactly
 * as the member would, through their key file. Removing the member or changing the passphrase
 * ends it; the vault format stays as it is; the audit log names the member. The cost, stated in
 * docs/SECURITY.md: someone who can act as this OS user on this machine can unlock that vault.
 *
 * Plain Node: the keychain is an interface, so the decisions (refuse Linux `basic_text`, forget a
 * secret that stopped working) are tested without Electron. electron/main/keychain.ts supplies
 * safeStorage.
 */
export interface OsKeychain {
  platform: NodeJS.Platform;
  /** Whether the OS can encrypt for this user now. */
  isAvailable(): Promise<boolean>;
  /** Linux only: the password store Chromium selected (`basic_text`, `gnome_libsecret`, `kwallet5`, …). */
  linuxBackend(): string | null;
  encrypt(plain: string): Promise<Uint8Array>;
  /** `reEncrypt`: the OS rotated its key; store a fresh ciphertext. */
  decrypt(cipher: Uint8Array): Promise<{ plain: string; reEncrypt: boolean }>;
}

/** `insecure`: encryption "works" but with a key anyone on the machine can find (Linux basic_text). */
export type KeychainVerdict = 'available' | 'insecure' | 'unavailable';

const SECURE_LINUX_BACKENDS = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

export function keychainVerdict(o: {
  platform: NodeJS.Platform;
  available: boolean;
  linuxBackend: string | null;
}): KeychainVerdict {
  if (!o.available) return 'unavailable';
  // SECURITY: on Linux without a keyring Chromium falls back to `basic_text`, a hard-coded key;
  // a secret "encrypted" that way is readable by anyone who copies the file, so we refuse it.
  // 'unknown' (asked before ready) and any new name are refused too: only known keyrings count.
  if (o.platform === 'linux' && !SECURE_LINUX_BACKENDS.has(o.linuxBackend ?? '')) return 'insecure';
  return 'available';
}

const fileSchema = z.strictObject({
  format: z.literal('bro-remembered'),
  version: z.literal(1),
  /** Absolute vault folder → base64 ciphertext from the OS keychain. */
  vaults: z.record(z.string().max(4096), z.string().max(16_384)),
});
type RememberedFile = z.infer<typeof fileSchema>;

/** Secrets remembered on this device, one per vault folder. */
export class RememberedSecrets {
  constructor(
    /** The file in the app's profile folder (never inside a vault folder, which may be shared); null: none. */
    private readonly file: string | null,
    /** null where there is no OS keychain at all (the browser host, the CLI). */
    private readonly keychain: OsKeychain | null,
  ) {}

  async verdict(): Promise<KeychainVerdict> {
    if (!this.keychain) return 'unavailable';
    let available = false;
    try {
      available = await this.keychain.isAvailable();
    } catch {
      available = false;
    }
    return keychainVerdict({
      platform: this.keychain.platform,
      available,
      linuxBackend: this.keychain.platform === 'linux' ? this.keychain.linuxBackend() : null,
    });
  }

  private async read(): Promise<RememberedFile> {
    if (this.file === null) return { format: 'bro-remembered', version: 1, vaults: {} };
    try {
      const parsed = fileSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      /* missing or unreadable: nothing remembered */
    }
    return { format: 'bro-remembered', version: 1, vaults: {} };
  }

  private async write(data: RememberedFile): Promise<void> {
    if (this.file === null) return;
    if (Object.keys(data.vaults).length === 0) {
      await rm(this.file, { force: true });
      return;
    }
    await ensureDir(path.dirname(this.file));
    // SECURITY: written atomically with mode 0600; the content is ciphertext from the OS keychain.
    await writeAtomic(this.file, JSON.stringify(data, null, 2));
  }

  /** Remembers `passphrase` for `dir`. Returns the verdict; nothing is stored unless 'available'. */
  async remember(dir: string, passphrase: string): Promise<KeychainVerdict> {
    const verdict = await this.verdict();
    // SECURITY: refuse rather than store a secret the OS does not really protect.
    if (verdict !== 'available' || !this.keychain) return verdict;
    const cipher = await this.keychain.encrypt(passphrase);
    const data = await this.read();
    data.vaults[path.resolve(dir)] = Buffer.from(cipher).toString('base64');
    await this.write(data);
    return verdict;
  }

  /** The remembered passphrase for `dir`, or null (none, keychain gone, or it cannot be decrypted). */
  async recall(dir: string): Promise<string | null> {
    const key = path.resolve(dir);
    const data = await this.read();
    const stored = data.vaults[key];
    if (stored === undefined || !this.keychain) return null;
    // SECURITY: the same check as when storing: a keychain that became insecure is not trusted.
    if ((await this.verdict()) !== 'available') return null;
    try {
      const { plain, reEncrypt } = await this.keychain.decrypt(Buffer.from(stored, 'base64'));
      if (reEncrypt) {
        data.vaults[key] = Buffer.from(await this.keychain.encrypt(plain)).toString('base64');
        await this.write(data);
      }
      return plain;
    } catch {
      // The OS key changed (new profile, reinstalled keyring): the entry is useless, drop it.
      await this.forget(dir);
      return null;
    }
  }

  async isRemembered(dir: string): Promise<boolean> {
    return Object.hasOwn((await this.read()).vaults, path.resolve(dir));
  }

  async forget(dir: string): Promise<void> {
    const data = await this.read();
    const key = path.resolve(dir);
    if (!Object.hasOwn(data.vaults, key)) return;
    delete data.vaults[key];
    await this.write(data);
  }
}
