import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OsKeychain } from '../device/remember';
import { DispatchSecret } from './secret';

/**
 * The SvarUt integration password (issue 19 item 2) is kept only where the OS keychain really
 * protects it; elsewhere BRO_SVARUT_PASSWORD is read. The keychain is the OS boundary (Electron
 * safeStorage), so a stand-in that XORs with its own key plays it here, as in ../device/remember.test.ts.
 */
function keychain(o: { platform?: NodeJS.Platform; backend?: string; available?: boolean } = {}): OsKeychain {
  const k = 0x3c;
  return {
    platform: o.platform ?? 'linux',
    isAvailable: async () => o.available ?? true,
    linuxBackend: () => o.backend ?? 'gnome_libsecret',
    encrypt: async (plain) => Uint8Array.from(Buffer.from(plain), (b) => b ^ k),
    decrypt: async (cipher) => ({
      plain: Buffer.from(Uint8Array.from(cipher, (b) => b ^ k)).toString(),
      reEncrypt: false,
    }),
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bro-svarut-secret-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const PASSWORD = 'synthetic-integration-password';

describe('DispatchSecret', () => {
  it('stores the password encrypted by the keychain, mode 0600, and reads it back', async () => {
    const file = path.join(dir, 'svarut-secret.json');
    const s = new DispatchSecret(file, keychain(), {});
    expect(await s.set(PASSWORD)).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toContain(PASSWORD);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await new DispatchSecret(file, keychain(), {}).get()).toBe(PASSWORD);
  });

  it('stores nothing on Linux basic_text or without a keychain, and falls back to BRO_SVARUT_PASSWORD', async () => {
    const file = path.join(dir, 'svarut-secret.json');
    expect(await new DispatchSecret(file, keychain({ backend: 'basic_text' }), {}).set(PASSWORD)).toBe(false);
    expect(await new DispatchSecret(null, null, {}).set(PASSWORD)).toBe(false);
    expect(() => statSync(file)).toThrow();
    expect(await new DispatchSecret(null, null, {}).get()).toBeNull();
    expect(await new DispatchSecret(null, null, { BRO_SVARUT_PASSWORD: 'fra-miljøet' }).get()).toBe(
      'fra-miljøet',
    );
  });

  it('forgets it, and does not trust a stored one once the keychain became insecure', async () => {
    const file = path.join(dir, 'svarut-secret.json');
    await new DispatchSecret(file, keychain(), {}).set(PASSWORD);
    expect(await new DispatchSecret(file, keychain({ backend: 'basic_text' }), {}).get()).toBeNull();
    await new DispatchSecret(file, keychain(), {}).set(null);
    expect(await new DispatchSecret(file, keychain(), {}).get()).toBeNull();
  });
});
