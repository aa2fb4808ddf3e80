import ElectronStore from 'electron-store';
import { ipcMain } from 'electron';
import { tightenFile } from '../services/device/private';
import { SettingsStore, type Stored } from '../services/settings/settings';

/**
 * The app's settings file through electron-store (a `conf` store in the profile folder, written
 * atomically). The schema, defaults and rules are electron/services/settings (tested in Node);
 * this only picks the store. Call after `ready`.
 */
export function createElectronSettings(): SettingsStore {
  // SECURITY: non-sensitive settings only (language, auto-lock, targets, letterhead, the last
  // vault folder); never a passphrase, a key or case content. Remembered passphrases live in
  // their own keychain-encrypted file (electron/services/device/remember.ts).
  // SECURITY: 0600 in the profile folder (made 0700 in index.ts): the file names vault folders.
  const store = new ElectronStore<Stored>({ name: 'settings', configFileMode: 0o600 });
  tightenFile(store.path);
  // SECURITY: electron-store answers any renderer's sendSync('electron-store-get-data') with the
  // profile path; our renderer never reads settings that way (it uses settings.get), so remove it.
  ipcMain.removeAllListeners('electron-store-get-data');
  return new SettingsStore({ conf: store });
}
