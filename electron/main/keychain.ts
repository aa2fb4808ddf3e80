import { safeStorage } from 'electron';
import type { OsKeychain } from '../services/device/remember';

/** The OS keychain through Electron safeStorage (async API; the sync one is deprecated). Call after `ready`. */
export const electronKeychain: OsKeychain = {
  platform: process.platform,
  isAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
  // SECURITY: on Linux the selected backend decides whether the secret is really protected (basic_text is not).
  linuxBackend: () => (process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null),
  encrypt: (plain) => safeStorage.encryptStringAsync(plain),
  decrypt: async (cipher) => {
    const r = await safeStorage.decryptStringAsync(Buffer.from(cipher));
    return { plain: r.result, reEncrypt: r.shouldReEncrypt };
  },
};
