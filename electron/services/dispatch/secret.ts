import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { keychainVerdict, type OsKeychain } from '../device/remember';
import { ensureDir, writeAtomic } from '../vault/atomic';

const fileSchema = z.strictObject({
  format: z.literal('bro-dispatch-secret'),
  version: z.literal(1),
  /** Base64 ciphertext from the OS keychain. */
  svarut: z.string().max(16_384),
});

/**
 * The SvarUt integration password (IntegrasjonPassord), encrypted by the OS keychain (Electron
 * safeStorage) and kept in a file in the app's profile folder: the same rule as remembered
 * passphrases (./../device/remember.ts): nothing is stored where the OS does not really protect it
 * (no keychain, or Linux `basic_text`). Where there is none (the CLI, the browser host),
 * BRO_SVARUT_PASSWORD is read instead.
 */
export class DispatchSecret {
  constructor(
    private readonly file: string | null,
    private readonly keychain: OsKeychain | null,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  private async secure(): Promise<boolean> {
    if (!this.keychain || this.file === null) return false;
    let available = false;
    try {
      available = await this.keychain.isAvailable();
    } catch {
      available = false;
    }
    return (
      keychainVerdict({
        platform: this.keychain.platform,
        available,
        linuxBackend: this.keychain.platform === 'linux' ? this.keychain.linuxBackend() : null,
      }) === 'available'
    );
  }

  /** Stores (or with null forgets) the password. false: no secure keychain here; nothing stored. */
  async set(password: string | null): Promise<boolean> {
    if (password === null) {
      if (this.file !== null) await rm(this.file, { force: true });
      return false;
    }
    if (!(await this.secure())) return false;
    const cipher = await this.keychain!.encrypt(password);
    await ensureDir(path.dirname(this.file!));
    // SECURITY: atomic, mode 0600; the content is ciphertext from the OS keychain.
    await writeAtomic(
      this.file!,
      JSON.stringify({
        format: 'bro-dispatch-secret',
        version: 1,
        svarut: Buffer.from(cipher).toString('base64'),
      }),
    );
    return true;
  }

  /** The password: from the keychain, else BRO_SVARUT_PASSWORD, else null. */
  async get(): Promise<string | null> {
    if (this.file !== null && this.keychain && (await this.secure())) {
      try {
        const parsed = fileSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
        if (parsed.success)
          return (await this.keychain.decrypt(Buffer.from(parsed.data.svarut, 'base64'))).plain;
      } catch {
        /* missing or unreadable: fall through */
      }
    }
    const fromEnv = this.env.BRO_SVARUT_PASSWORD;
    return fromEnv !== undefined && fromEnv !== '' ? fromEnv : null;
  }
}
