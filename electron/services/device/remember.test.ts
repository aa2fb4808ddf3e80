import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keychainVerdict, RememberedSecrets, type OsKeychain } from './remember';

describe('keychainVerdict', () => {
  it('refuses Linux basic_text (a hard-coded key) and an unknown backend', () => {
    expect(keychainVerdict({ platform: 'linux', available: true, linuxBackend: 'basic_text' })).toBe(
      'insecure',
    );
    expect(keychainVerdict({ platform: 'linux', available: true, linuxBackend: 'unknown' })).toBe('insecure');
    expect(keychainVerdict({ platform: 'linux', available: true, linuxBackend: null })).toBe('insecure');
    expect(keychainVerdict({ platform: 'linux', available: true, linuxBackend: 'some_new_store' })).toBe(
      'insecure',
    );
  });
  it('accepts a real Linux keyring, macOS Keychain and Windows DPAPI', () => {
    for (const b of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])
      expect(keychainVerdict({ platform: 'linux', available: true, linuxBackend: b })).toBe('available');
    expect(keychainVerdict({ platform: 'darwin', available: true, linuxBackend: null })).toBe('available');
    expect(keychainVerdict({ platform: 'win32', available: true, linuxBackend: null })).toBe('available');
  });
  it('says unavailable when the OS cannot encrypt', () => {
    expect(keychainVerdict({ platform: 'win32', available: false, linuxBackend: null })).toBe('unavailable');
    expect(keychainVerdict({ platform: 'linux', available: false, linuxBackend: 'gnome_libsecret' })).toBe(
      'unavailable',
    );
  });
});

/** A stand-in keychain: XOR with a per-instance key, so the file never holds the plain secret. */
function fakeKeychain(o: {
  platform?: NodeJS.Platform;
  backend?: string;
  available?: boolean;
  key?: number;
}) {
  const k = o.key ?? 0x5a;
  const state = {
    reEncrypt: false,
    failDecrypt: false,
    available: o.available ?? true,
    backend: o.backend ?? 'gnome_libsecret',
  };
  const chain: OsKeychain = {
    platform: o.platform ?? 'linux',
    isAvailable: async () => state.available,
    linuxBackend: () => state.backend,
    encrypt: async (plain) => Uint8Array.from(Buffer.from(`v1:${plain}`), (b) => b ^ k),
    decrypt: async (cipher) => {
      if (state.failDecrypt) throw new Error('key changed');
      const plain = Buffer.from(Uint8Array.from(cipher, (b) => b ^ k)).toString();
      if (!plain.startsWith('v1:')) throw new Error('not ours');
      return { plain: plain.slice(3), reEncrypt: state.reEncrypt };
    },
  };
  return { chain, state };
}

describe('RememberedSecrets', () => {
  let dir: string;
  let file: string;
  const vault = () => path.join(dir, 'arkiv');
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bro-remember-'));
    file = path.join(dir, 'profile', 'remembered.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('remembers, recalls and forgets a passphrase; the file holds ciphertext only, mode 0600', async () => {
    const { chain } = fakeKeychain({});
    const r = new RememberedSecrets(file, chain);
    expect(await r.remember(vault(), 'syntetisk passord')).toBe('available');
    expect(await r.isRemembered(vault())).toBe(true);
    expect(await r.isRemembered(`${vault()}/../arkiv`)).toBe(true); // same folder, other spelling
    const raw = readFileSync(file, 'utf8');
    expect(raw).not.toContain('syntetisk');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await r.recall(vault())).toBe('syntetisk passord');
    await r.forget(vault());
    expect(await r.recall(vault())).toBeNull();
    expect(await r.isRemembered(vault())).toBe(false);
  });

  it('refuses Linux basic_text and stores nothing', async () => {
    const { chain } = fakeKeychain({ backend: 'basic_text' });
    const r = new RememberedSecrets(file, chain);
    expect(await r.remember(vault(), 'syntetisk passord')).toBe('insecure');
    expect(await r.isRemembered(vault())).toBe(false);
    expect(() => readFileSync(file)).toThrow();
  });

  it('refuses when there is no keychain at all (browser host, CLI)', async () => {
    const r = new RememberedSecrets(file, null);
    expect(await r.verdict()).toBe('unavailable');
    expect(await r.remember(vault(), 'syntetisk passord')).toBe('unavailable');
    expect(await r.recall(vault())).toBeNull();
  });

  it('does not hand out a secret once the keychain has become insecure', async () => {
    const { chain, state } = fakeKeychain({});
    const r = new RememberedSecrets(file, chain);
    await r.remember(vault(), 'syntetisk passord');
    state.backend = 'basic_text';
    expect(await r.recall(vault())).toBeNull();
    state.backend = 'gnome_libsecret';
    expect(await r.recall(vault())).toBe('syntetisk passord');
  });

  it('drops an entry the OS can no longer decrypt', async () => {
    const { chain, state } = fakeKeychain({});
    const r = new RememberedSecrets(file, chain);
    await r.remember(vault(), 'syntetisk passord');
    state.failDecrypt = true;
    expect(await r.recall(vault())).toBeNull();
    expect(await r.isRemembered(vault())).toBe(false);
  });

  it('re-encrypts when the OS asks for it', async () => {
    const { chain, state } = fakeKeychain({});
    let encrypted = 0;
    const counting: OsKeychain = { ...chain, encrypt: (p) => (encrypted++, chain.encrypt(p)) };
    const r = new RememberedSecrets(file, counting);
    await r.remember(vault(), 'syntetisk passord');
    expect(await r.recall(vault())).toBe('syntetisk passord');
    expect(encrypted).toBe(1);
    state.reEncrypt = true;
    expect(await r.recall(vault())).toBe('syntetisk passord');
    expect(encrypted).toBe(2);
  });

  it('treats a damaged file as nothing remembered', async () => {
    const { chain } = fakeKeychain({});
    const r = new RememberedSecrets(file, chain);
    await r.remember(vault(), 'syntetisk passord');
    writeFileSync(file, '{"format":"bro-remembered","version":1,"vaults":{"x":1}}');
    expect(await r.recall(vault())).toBeNull();
    writeFileSync(file, 'not json');
    expect(await r.isRemembered(vault())).toBe(false);
  });
});

describe('"husk på denne maskinen" through the contract', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bro-remember-ops-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const PASS = 'syntetisk passord';
  async function setup(chain: OsKeychain | null) {
    const { Session } = await import('../session');
    const { call, createHandlers } = await import('../handlers');
    const remembered = new RememberedSecrets(path.join(dir, 'profile', 'remembered.json'), chain);
    const session = new Session({ kdf: { N: 2 ** 12, r: 8, p: 1 }, remembered });
    const h = createHandlers(session);
    const vault = path.join(dir, 'arkiv');
    await call(h, 'vault.create', { dir: vault, passphrase: PASS });
    await call(h, 'vault.lock', {});
    return { h, call, vault, remembered };
  }

  it('remembers on a successful unlock, unlocks with it, forgets on request', async () => {
    const { h, call, vault } = await setup(fakeKeychain({}).chain);
    expect((await call(h, 'vault.status', {})).remember).toEqual({
      keychain: 'available',
      remembered: false,
    });
    await expect(
      call(h, 'vault.unlock', { dir: vault, passphrase: 'feil', remember: true }),
    ).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    expect((await call(h, 'vault.status', {})).remember.remembered).toBe(false);
    expect(await call(h, 'vault.unlock', { dir: vault, passphrase: PASS, remember: true })).toMatchObject({
      remembered: true,
    });
    await call(h, 'vault.lock', {});
    expect((await call(h, 'vault.status', {})).remember).toEqual({ keychain: 'available', remembered: true });
    expect(await call(h, 'vault.unlock', { dir: vault, remembered: true })).toMatchObject({
      remembered: true,
    });
    expect((await call(h, 'vault.status', {})).unlocked).toBe(true);
    await call(h, 'vault.forget', {});
    await call(h, 'vault.lock', {});
    await expect(call(h, 'vault.unlock', { dir: vault, remembered: true })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('unlocking with remember: false forgets', async () => {
    const { h, call, vault } = await setup(fakeKeychain({}).chain);
    await call(h, 'vault.unlock', { dir: vault, passphrase: PASS, remember: true });
    expect(await call(h, 'vault.unlock', { dir: vault, passphrase: PASS, remember: false })).toMatchObject({
      remembered: false,
    });
  });

  it('drops a remembered passphrase that no longer opens the vault', async () => {
    const { h, call, vault, remembered } = await setup(fakeKeychain({}).chain);
    await remembered.remember(vault, 'en gammel passordfrase');
    await expect(call(h, 'vault.unlock', { dir: vault, remembered: true })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    expect(await remembered.isRemembered(vault)).toBe(false);
  });

  it('refuses on Linux basic_text and without a keychain, and never remembers a recovery key', async () => {
    for (const chain of [fakeKeychain({ backend: 'basic_text' }).chain, null]) {
      const { h, call, vault } = await setup(chain);
      expect(await call(h, 'vault.unlock', { dir: vault, passphrase: PASS, remember: true })).toMatchObject({
        remembered: false,
      });
      expect((await call(h, 'vault.status', {})).remember.keychain).toBe(chain ? 'insecure' : 'unavailable');
      await call(h, 'vault.lock', {});
      await expect(call(h, 'vault.unlock', { dir: vault, remembered: true })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(
        call(h, 'vault.unlock', { dir: vault, recoveryKey: 'x', remember: true } as never),
      ).rejects.toMatchObject({ code: 'VALIDATION' });
      rmSync(vault, { recursive: true, force: true });
    }
  });
});
