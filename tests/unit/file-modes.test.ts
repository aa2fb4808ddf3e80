// Files Bro writes outside a vault are for this user alone: 0600 files in 0700 folders (POSIX).
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensurePrivateDir, privateConf } from '../../electron/services/device/private';
import { RememberedSecrets, type OsKeychain } from '../../electron/services/device/remember';
import { SettingsStore } from '../../electron/services/settings/settings';
import { runCli, tempDirs } from './helpers/cli';

const temp = tempDirs('bro-modes-');
const mode = (p: string) => statSync(p).mode & 0o777;
const PASS = 'syntetisk passordfrase';

describe.skipIf(process.platform === 'win32')('file modes outside the vault', () => {
  it('the settings file is 0600 in a 0700 folder, and an older 0644 file is tightened', () => {
    const root = temp();
    const fresh = path.join(root, 'ny');
    const store = new SettingsStore({ persist: true, cwd: fresh });
    store.rememberVault('/et/arkiv');
    expect(mode(path.join(fresh, 'settings.json'))).toBe(0o600);
    expect(mode(fresh)).toBe(0o700);
    // A settings folder and file left by an older Bro: the file is tightened, the user's folder kept.
    const old = path.join(root, 'gammel');
    mkdirSync(old, { mode: 0o755 });
    chmodSync(old, 0o755);
    writeFileSync(path.join(old, 'settings.json'), '{}', { mode: 0o644 });
    chmodSync(path.join(old, 'settings.json'), 0o644);
    new SettingsStore({ persist: true, cwd: old }).set({ autoLockMinutes: 5 });
    expect(mode(path.join(old, 'settings.json'))).toBe(0o600);
  });

  it('Bro’s own folder is made 0700 even when it was looser', () => {
    const dir = path.join(temp(), 'bro-nodejs');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    ensurePrivateDir(dir, true);
    expect(mode(dir)).toBe(0o700);
    const conf = privateConf<{ deviceId?: string }>({ configName: 'device', cwd: path.join(dir, 'sub') });
    conf.set('deviceId', 'aaaaaaaaaaaaaaaaaaaaaaaaaa');
    expect(mode(conf.path)).toBe(0o600);
    expect(mode(path.dirname(conf.path))).toBe(0o700);
  });

  it('remembered passphrases are 0600', async () => {
    const dir = path.join(temp(), 'profil');
    const keychain: OsKeychain = {
      platform: 'darwin',
      isAvailable: async () => true,
      linuxBackend: () => null,
      encrypt: async (s) => Buffer.from(s).reverse(),
      decrypt: async (b) => ({ plain: Buffer.from(b).reverse().toString(), reEncrypt: false }),
    };
    await new RememberedSecrets(path.join(dir, 'remembered.json'), keychain).remember('/et/arkiv', PASS);
    expect(mode(path.join(dir, 'remembered.json'))).toBe(0o600);
    expect(mode(dir)).toBe(0o700);
  });

  it('the CLI’s device id, attempt records and exports are 0600 in 0700 folders', async () => {
    const root = temp();
    const config = path.join(root, 'config');
    const dir = path.join(root, 'arkiv');
    const env = { BRO_CONFIG_DIR: config, BRO_PASSPHRASE: PASS };
    expect((await runCli(['demo', dir, '--cases', '3', '--json'], env)).code).toBe(0);
    expect(
      (await runCli(['cases', dir, '--json'], { ...env, BRO_PASSPHRASE: 'feil passordfrase' })).code,
    ).toBe(5);
    const out = path.join(root, 'eksport.json');
    expect((await runCli(['export', dir, out, '--json'], env)).code).toBe(0);
    expect(mode(out)).toBe(0o600);
    expect(mode(config)).toBe(0o700);
    expect(mode(path.join(config, 'device.json'))).toBe(0o600);
    // The wrong passphrase was recorded, and then flushed into the audit log by the export's unlock.
    expect(mode(path.join(config, 'attempts'))).toBe(0o700);
    expect(readdirSync(path.join(config, 'attempts'))).toEqual([]);
  });
});
