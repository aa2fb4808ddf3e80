import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CompactSign, compactVerify, importJWK } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { BroError } from '../../../shared/errors';
import { DEFAULT_SCRYPT, parseRecoveryKey, formatRecoveryKey, randomKey } from './crypto';
import { racy } from './case-index';
import { FORMAT_VERSION } from './format';
import { Vault, damagedFiles, readVaultHeader } from './vault';

// Cheaper scrypt for most tests (the format stores the parameters); one test uses the default.
const FAST = { N: 2 ** 12, r: 8, p: 1 };
const PASS = 'korrekt hest batteri stift';
const dirs: string[] = [];

function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'bro-vault-test-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function newVault() {
  const dir = tempDir();
  const { vault, recoveryKey, memberId } = await Vault.create(dir, { passphrase: PASS, kdf: FAST });
  return { dir, vault, recoveryKey, memberId };
}

const opened = (externalId: string) => ({ type: 'case.opened', data: { externalId, service: 'PPT' } });
const pupil = (name: string) => ({
  type: 'pupil.recorded',
  data: { set: { name, school: 'Hov skole', grade: 7, birthDate: '2013-04-02' } },
});

async function caseWith(vault: Vault, externalId: string, name: string) {
  const id = await vault.createCase();
  await vault.append(id, [opened(externalId), pupil(name)]);
  return id;
}

/** Every file under a folder with a hash of its content: proves "changes nothing". */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, f);
    if (statSync(p).isFile()) out[f] = createHash('sha256').update(readFileSync(p)).digest('hex');
  }
  return out;
}

function grepTree(dir: string, needle: string): string[] {
  const hits: string[] = [];
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    if (f.includes(needle)) hits.push(f);
    const p = path.join(dir, f);
    if (statSync(p).isFile() && readFileSync(p).includes(Buffer.from(needle))) hits.push(f);
  }
  return hits;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    return e instanceof BroError ? e.code : `THREW ${String(e)}`;
  }
}

function eventFiles(dir: string, caseId: string, sub: 'events' | 'packs' | 'logs'): string[] {
  return readdirSync(path.join(dir, 'cases', caseId, sub)).map((n) =>
    path.join(dir, 'cases', caseId, sub, n),
  );
}

describe('keys and unlocking', () => {
  it('unlocks with the passphrase and with the recovery key, and refuses a wrong passphrase without touching anything', async () => {
    const { dir, vault, recoveryKey } = await newVault();
    const c = await caseWith(vault, 'c-1', 'Áile Nango');
    await vault.close();

    const byPass = await Vault.unlock(dir, { passphrase: PASS });
    expect((await byPass.listCases()).cases.map((s) => s.caseId)).toEqual([c]);
    await byPass.close();
    const byRecovery = await Vault.unlock(dir, { recoveryKey: recoveryKey.toLowerCase().replace(/-/g, ' ') });
    expect((await byRecovery.fold(c)).doc.pupil.name).toBe('Áile Nango');
    await byRecovery.close();

    const before = snapshot(dir);
    expect(await codeOf(Vault.unlock(dir, { passphrase: 'feil passordfrase' }))).toBe('WRONG_PASSPHRASE');
    expect(snapshot(dir)).toEqual(before);
  });

  it('uses scrypt at OWASP strength by default and stores the parameters', async () => {
    const dir = tempDir();
    const { vault, memberId } = await Vault.create(dir, { passphrase: PASS });
    await vault.close();
    const kf = JSON.parse(readFileSync(path.join(dir, 'keys', `${memberId}.json`), 'utf8'));
    expect(kf.kdf).toMatchObject({ alg: 'scrypt', N: DEFAULT_SCRYPT.N, r: 8, p: 1 });
    expect(DEFAULT_SCRYPT.N).toBeGreaterThanOrEqual(2 ** 17);
    expect((await Vault.unlock(dir, { passphrase: PASS })).vaultId).toBe(vault.vaultId);
  });

  it('detects a mistyped recovery key by its check group', () => {
    const k = formatRecoveryKey(randomKey());
    expect(parseRecoveryKey(k)).toHaveLength(32);
    const typo = (k[0] === 'A' ? 'B' : 'A') + k.slice(1);
    expect(() => parseRecoveryKey(typo)).toThrow(BroError);
    expect(() => parseRecoveryKey('not a key')).toThrow(BroError);
  });

  it('opens with the recovery key when a member key file is damaged', async () => {
    const { dir, vault, recoveryKey, memberId } = await newVault();
    await caseWith(vault, 'c-1', 'Máret Sara');
    await vault.close();
    writeFileSync(path.join(dir, 'keys', `${memberId}.json`), '{"format":"bro-key", "broken": tru');
    expect(await codeOf(Vault.unlock(dir, { passphrase: PASS }))).toBe('VAULT_DAMAGED');
    const v = await Vault.unlock(dir, { recoveryKey });
    expect((await v.listCases()).cases).toHaveLength(1);
    const report = await v.check();
    expect(report.damaged.map((d) => d.file)).toEqual([`keys/${memberId}.json`]);
  });

  it('refuses a vault from a newer format version with a clear code and changes nothing', async () => {
    const { dir, vault } = await newVault();
    await vault.close();
    const header = JSON.parse(readFileSync(path.join(dir, 'bro-vault.json'), 'utf8'));
    writeFileSync(
      path.join(dir, 'bro-vault.json'),
      JSON.stringify({ ...header, version: FORMAT_VERSION + 1 }),
    );
    const before = snapshot(dir);
    expect(await codeOf(readVaultHeader(dir))).toBe('VAULT_NEWER_FORMAT');
    expect(await codeOf(Vault.unlock(dir, { passphrase: PASS }))).toBe('VAULT_NEWER_FORMAT');
    expect(snapshot(dir)).toEqual(before);
  });

  it('reports a missing or damaged vault header', async () => {
    expect(await codeOf(Vault.unlock(tempDir(), { passphrase: PASS }))).toBe('VAULT_NOT_FOUND');
    const { dir, vault } = await newVault();
    await vault.close();
    writeFileSync(path.join(dir, 'bro-vault.json'), '{not json');
    expect(await codeOf(Vault.unlock(dir, { passphrase: PASS }))).toBe('VAULT_DAMAGED');
  });

  it('refuses to create a vault in a folder that is not empty', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notat.txt'), 'x');
    expect(await codeOf(Vault.create(dir, { passphrase: PASS, kdf: FAST }))).toBe('VAULT_EXISTS');
    expect(readdirSync(dir)).toEqual(['notat.txt']);
  });
});

describe('cases on disk', () => {
  it('round-trips events and keeps every personal detail out of file names and contents', async () => {
    const { dir, vault } = await newVault();
    const c = await caseWith(vault, 'c-0001', 'Áile Nango');
    await vault.append(c, [
      { type: 'case.recorded', data: { set: { pupilVoice: 'Det er lettere når noen venter på meg.' } } },
    ]);
    const state = await vault.fold(c);
    expect(state.doc.pupil).toMatchObject({ name: 'Áile Nango', school: 'Hov skole', grade: 7 });
    expect(state.doc.pupilVoice).toBe('Det er lettere når noen venter på meg.');
    await vault.close();
    for (const needle of ['Áile', 'Nango', 'Hov skole', '2013-04-02', 'c-0001', 'lettere']) {
      expect(grepTree(dir, needle)).toEqual([]);
    }
  });

  it('appends each event or batch as one record to the device’s log; compaction folds it into one pack', async () => {
    const { dir, vault } = await newVault();
    const c = await caseWith(vault, 'c-1', 'Ola Hansen');
    const log = eventFiles(dir, c, 'logs');
    expect(log.map((f) => path.basename(f))).toEqual([
      `${vault.deviceId}-${path.basename(log[0]!).slice(27)}`,
    ]);
    const sizes = [statSync(log[0]!).size];
    for (let i = 0; i < 5; i++) {
      await vault.append(c, [{ type: 'case.recorded', data: { set: { parentsView: `syn ${i}` } } }]);
      sizes.push(statSync(log[0]!).size);
    }
    // One file, growing by one length-prefixed record per append.
    expect(eventFiles(dir, c, 'logs')).toEqual(log);
    expect(eventFiles(dir, c, 'events')).toHaveLength(0);
    expect(eventFiles(dir, c, 'packs')).toHaveLength(0);
    const bytes = readFileSync(log[0]!);
    for (let i = 0, pos = 0; i < sizes.length; i++) {
      expect(pos).toBe(i === 0 ? 0 : sizes[i - 1]);
      pos += 4 + bytes.readUInt32BE(pos);
      expect(pos).toBe(sizes[i]);
    }
    const before = await vault.fold(c);
    const r = await vault.compact(c);
    expect(r).toEqual({ before: 1, after: 1 });
    expect(eventFiles(dir, c, 'logs')).toHaveLength(0);
    expect(eventFiles(dir, c, 'packs')).toHaveLength(1);
    const after = await vault.fold(c);
    expect(after.eventCount).toBe(7);
    expect(after.doc).toEqual(before.doc);
    expect(after.doc.parentsView).toBe('syn 4');
  });

  it('the index is used when nothing changed and is bypassed for a case another process changed', async () => {
    const { dir, vault } = await newVault();
    const a = await caseWith(vault, 'c-a', 'Per Berg');
    const b = await caseWith(vault, 'c-b', 'Kari Nordmann');
    await vault.close();
    expect(readdirSync(path.join(dir, 'index'))).toHaveLength(1);

    const other = await Vault.unlock(dir, { passphrase: PASS });
    await other.append(b, [{ type: 'pupil.recorded', data: { set: { school: 'Lia skole' } } }]);
    await other.close();

    const v = await Vault.unlock(dir, { passphrase: PASS });
    const list = await v.listCases();
    expect(list.cases.find((s) => s.caseId === b)?.school).toBe('Lia skole');
    expect(list.cases.find((s) => s.caseId === a)?.school).toBe('Hov skole');
  });

  it('a case whose files are not older than the index is verified again, not taken from it', () => {
    const stamps = (...t: number[]) => new Map(t.map((ms, i) => [`packs/${i}.jwe`, `100:${ms}:${ms}`]));
    expect(racy(stamps(1000, 1500), 2000)).toBe(false);
    // Written in the same tick of the file system's clock as the index: a later change would not show.
    expect(racy(stamps(1000, 2000), 2000)).toBe(true);
    expect(racy(new Map([['key.jwe', '100:1000:2500']]), 2000)).toBe(true);
    expect(racy(new Map(), 2000)).toBe(false);
  });

  it('rebuilds from the case files when the index is damaged', async () => {
    const { dir, vault } = await newVault();
    await caseWith(vault, 'c-a', 'Per Berg');
    await vault.close();
    const [idx] = readdirSync(path.join(dir, 'index'));
    writeFileSync(path.join(dir, 'index', idx!), 'garbage.garbage.garbage.garbage.garbage');
    const v = await Vault.unlock(dir, { passphrase: PASS });
    expect((await v.listCases()).cases.map((c) => c.pupil)).toEqual(['Per Berg']);
    // check names the damaged index once, drops it (it is a cache), and is clean afterwards.
    expect((await v.check()).damaged.map((d) => d.file)).toEqual([`index/${idx}`]);
    expect((await v.check()).ok).toBe(true);
  });
});

describe('damage stays inside its case', () => {
  async function twoCases() {
    const { dir, vault, recoveryKey } = await newVault();
    const a = await caseWith(vault, 'c-a', 'Sárá Somby');
    const b = await caseWith(vault, 'c-b', 'Nils Eira');
    // Each case: one pack; case a also a log of two records.
    await vault.compact(a);
    await vault.compact(b);
    await vault.append(a, [{ type: 'case.recorded', data: { set: { pupilVoice: 'tekst' } } }]);
    await vault.append(a, [{ type: 'case.recorded', data: { set: { parentsView: 'syn' } } }]);
    await vault.close();
    return { dir, a, b, recoveryKey };
  }

  async function expectOnlyDamaged(dir: string, damagedCase: string, healthyCase: string, file: string) {
    const v = await Vault.unlock(dir, { passphrase: PASS });
    const list = await v.listCases();
    expect(list.cases.map((c) => c.caseId)).toEqual([healthyCase]);
    expect(list.damaged.map((d) => d.caseId)).toEqual([damagedCase]);
    expect(list.damaged[0]!.files.map((f) => f.file)).toContain(file);
    const err = await v.readCase(damagedCase).catch((e) => e);
    expect(err).toBeInstanceOf(BroError);
    expect(err.code).toBe('TAMPERED');
    expect(damagedFiles(err).map((f) => f.file)).toContain(file);
    expect((await v.fold(healthyCase)).doc.pupil.name).toBeTruthy();
    const report = await v.check();
    expect(report.ok).toBe(false);
    expect(report.damaged.every((d) => d.caseId === damagedCase)).toBe(true);
    // The healthy case can still be written to.
    await v.append(healthyCase, [{ type: 'case.recorded', data: { set: { parentsView: 'ok' } } }]);
    await v.close();
  }

  const relFile = (dir: string, p: string) => path.relative(dir, p).split(path.sep).join('/');

  it('a flipped byte', async () => {
    const { dir, a, b } = await twoCases();
    const f = eventFiles(dir, a, 'packs')[0]!;
    const buf = readFileSync(f);
    buf[Math.floor(buf.length / 2)]! ^= 0x01;
    writeFileSync(f, buf);
    await expectOnlyDamaged(dir, a, b, relFile(dir, f));
  });

  it('a flipped byte in a log record that has another after it', async () => {
    const { dir, a, b } = await twoCases();
    const f = eventFiles(dir, a, 'logs')[0]!;
    const buf = readFileSync(f);
    buf[4 + Math.floor(buf.readUInt32BE(0) / 2)]! ^= 0x01;
    writeFileSync(f, buf);
    await expectOnlyDamaged(dir, a, b, relFile(dir, f));
  });

  it('a truncated file', async () => {
    const { dir, a, b } = await twoCases();
    const f = eventFiles(dir, a, 'packs')[0]!;
    writeFileSync(f, readFileSync(f).subarray(0, 50));
    await expectOnlyDamaged(dir, a, b, relFile(dir, f));
  });

  it('a file moved from one case into another', async () => {
    const { dir, a, b } = await twoCases();
    const f = eventFiles(dir, a, 'logs')[0]!;
    const target = path.join(dir, 'cases', b, 'logs', path.basename(f));
    renameSync(f, target);
    await expectOnlyDamaged(dir, b, a, relFile(dir, target));
  });

  it('a pack copied over another case’s pack (same name in the other folder)', async () => {
    const { dir, a, b } = await twoCases();
    const pa = eventFiles(dir, a, 'packs')[0]!;
    const pb = eventFiles(dir, b, 'packs')[0]!;
    cpSync(pa, pb);
    await expectOnlyDamaged(dir, b, a, relFile(dir, pb));
  });

  it('a renamed log: another device’s name, or another key’s', async () => {
    for (const to of ['device', 'kid'] as const) {
      const { dir, a, b } = await twoCases();
      const f = eventFiles(dir, a, 'logs')[0]!;
      const [dev, kid] = path.basename(f, '.log').split('-') as [string, string];
      const name = to === 'device' ? `${'a'.repeat(26)}-${kid}.log` : `${dev}-${'a'.repeat(26)}.log`;
      const renamed = path.join(path.dirname(f), name);
      renameSync(f, renamed);
      await expectOnlyDamaged(dir, a, b, relFile(dir, renamed));
    }
  });

  it('a renamed event file', async () => {
    const { dir, a, b } = await newVault().then(async ({ dir, vault }) => {
      const a = await caseWith(vault, 'c-a', 'Sárá Somby');
      const b = await caseWith(vault, 'c-b', 'Nils Eira');
      await vault.compact(a);
      await vault.close();
      return { dir, a, b };
    });
    const f = eventFiles(dir, a, 'packs')[0]!;
    const renamed = path.join(path.dirname(f), 'aaaaaaaaaaaaaaaaaaaaaaaaaa.jwe');
    renameSync(f, renamed);
    await expectOnlyDamaged(dir, a, b, relFile(dir, renamed));
  });

  it('a foreign file dropped into an event folder', async () => {
    const { dir, a, b } = await twoCases();
    const f = path.join(dir, 'cases', a, 'events', 'payload.js');
    writeFileSync(f, 'alert(1)');
    await expectOnlyDamaged(dir, a, b, relFile(dir, f));
  });

  it('a damaged case key', async () => {
    const { dir, a, b } = await twoCases();
    const f = path.join(dir, 'cases', a, 'key.jwe');
    writeFileSync(
      f,
      readFileSync(f, 'utf8').replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')),
    );
    await expectOnlyDamaged(dir, a, b, relFile(dir, f));
  });

  it('ignores the files sync tools leave behind, and vault check lists them', async () => {
    const { dir, a } = await twoCases();
    const junk = [
      path.join(dir, 'desktop.ini'),
      path.join(dir, '.DS_Store'),
      path.join(dir, 'cases', a, 'events', 'abcdefghijklmnopqrstuvwxyz (1).jwe'),
      path.join(dir, 'cases', a, 'packs', '.DS_Store'),
    ];
    for (const j of junk) writeFileSync(j, 'x');
    const v = await Vault.unlock(dir, { passphrase: PASS });
    const list = await v.listCases();
    expect(list.damaged).toEqual([]);
    expect(list.cases).toHaveLength(2);
    const report = await v.check();
    expect(report.ok).toBe(true);
    expect(report.junk.sort()).toEqual(junk.map((j) => relFile(dir, j)).sort());
  });
});

describe('signing identities', () => {
  it('each member has an Ed25519 key; the vault key is stable; the recovery key signs nothing', async () => {
    const dir = tempDir();
    const { vault, recoveryKey, memberId } = await Vault.create(dir, {
      passphrase: PASS,
      kdf: FAST,
      memberName: 'Åse Ødegård, PPT Bærum',
    });
    const me = vault.memberSigningKey()!;
    expect(me.memberId).toBe(memberId);
    const jws = await new CompactSign(new TextEncoder().encode('brev'))
      .setProtectedHeader({ alg: 'EdDSA', kid: me.kid })
      .sign(me.privateKey);
    const { payload } = await compactVerify(jws, await importJWK(me.publicJwk, 'EdDSA'));
    expect(new TextDecoder().decode(payload)).toBe('brev');
    const records = await vault.memberRecords();
    expect(records).toEqual([
      expect.objectContaining({ memberId, name: 'Åse Ødegård, PPT Bærum', publicJwk: me.publicJwk }),
    ]);
    const vk = (await vault.vaultSigningKey()).kid;
    await vault.close();
    expect(grepTree(dir, 'Ødegård')).toEqual([]);

    const again = await Vault.unlock(dir, { passphrase: PASS });
    expect(again.memberSigningKey()!.kid).toBe(me.kid);
    expect((await again.vaultSigningKey()).kid).toBe(vk);
    await again.close();
    const byRecovery = await Vault.unlock(dir, { recoveryKey });
    expect(byRecovery.memberSigningKey()).toBeNull();
    expect((await byRecovery.vaultSigningKey()).kid).toBe(vk);
    expect((await byRecovery.check()).ok).toBe(true);
  });
});

describe('stray files in a shared folder', () => {
  it('a file named like a case, junk in audit/, and a file at a case root: only that case is affected', async () => {
    const { dir, vault } = await newVault();
    const a = await caseWith(vault, 'c-a', 'Sárá Somby');
    const b = await caseWith(vault, 'c-b', 'Nils Eira');
    await vault.close();
    writeFileSync(path.join(dir, 'cases', 'zzzzzzzzzzzzzzzzzzzzzzzzzz'), 'not a folder');
    writeFileSync(path.join(dir, 'audit', 'yyyyyyyyyyyyyyyyyyyyyyyyyy'), 'not a folder');
    writeFileSync(path.join(dir, 'cases', a, 'evil.js'), 'alert(1)');
    const v = await Vault.unlock(dir, { passphrase: PASS });
    const list = await v.listCases();
    expect(list.cases.map((c) => c.caseId)).toEqual([b]);
    expect(list.damaged.map((d) => d.caseId)).toEqual([a]);
    const report = await v.check();
    expect(report.junk).toEqual(
      expect.arrayContaining(['cases/zzzzzzzzzzzzzzzzzzzzzzzzzz', 'audit/yyyyyyyyyyyyyyyyyyyyyyyyyy']),
    );
    expect(report.damaged.map((d) => d.file)).toEqual([`cases/${a}/evil.js`]);
    expect((await v.readAudit()).length).toBeGreaterThan(0);
  });

  it('a damaged key file of another member does not lock this member out', async () => {
    const { dir, vault } = await newVault();
    await caseWith(vault, 'c-a', 'Per Berg');
    await vault.close();
    // Sorts before the real member's file.
    writeFileSync(path.join(dir, 'keys', 'aaaaaaaaaaaaaaaaaaaaaaaaaa.json'), '{"broken":');
    const v = await Vault.unlock(dir, { passphrase: PASS });
    expect((await v.listCases()).cases).toHaveLength(1);
    expect((await v.check()).damaged.map((d) => d.file)).toEqual(['keys/aaaaaaaaaaaaaaaaaaaaaaaaaa.json']);
  });

  it('a case folder whose first events never landed is not listed, and check names it', async () => {
    const { dir, vault } = await newVault();
    await caseWith(vault, 'c-a', 'Per Berg');
    const empty = await vault.createCase(); // as if the process died before the first append
    await vault.close();
    const v = await Vault.unlock(dir, { passphrase: PASS });
    expect((await v.listCases()).cases.map((c) => c.externalId)).toEqual(['c-a']);
    expect((await v.check()).junk).toContain(`cases/${empty}`);
  });
});

describe('two devices editing one field', () => {
  it('converge to the same state on both, and the timeline keeps both edits', async () => {
    const { dir, vault } = await newVault();
    const c = await caseWith(vault, 'c-1', 'Elle Hætta');
    await vault.close();
    const laptop = await Vault.unlock(dir, { passphrase: PASS });
    const office = await Vault.unlock(dir, { passphrase: PASS });
    expect(laptop.deviceId).not.toBe(office.deviceId);
    // Concurrent: neither has seen the other's edit when it writes.
    await Promise.all([
      laptop.append(c, [{ type: 'case.recorded', data: { set: { parentsView: 'fra laptopen' } } }]),
      office.append(c, [{ type: 'case.recorded', data: { set: { parentsView: 'fra kontoret' } } }]),
    ]);
    await laptop.close();
    await office.close();
    const a = await (await Vault.unlock(dir, { passphrase: PASS })).fold(c);
    const b = await (await Vault.unlock(dir, { passphrase: PASS })).fold(c);
    expect(a.doc).toEqual(b.doc);
    expect(['fra laptopen', 'fra kontoret']).toContain(a.doc.parentsView);
    const edits = a.history.flatMap((h) =>
      h.changes.filter((ch) => ch.field === 'parentsView').map((ch) => ch.to),
    );
    expect(edits.sort()).toEqual(['fra kontoret', 'fra laptopen']);
  });
});

describe('several writers on one folder', () => {
  const run = promisify(execFile);
  const writer = path.join(
    import.meta.dirname,
    '..',
    '..',
    '..',
    'tests',
    'unit',
    'helpers',
    'vault-writer.ts',
  );

  it('two processes appending at once lose nothing', async () => {
    const { dir, vault } = await newVault();
    const shared = await caseWith(vault, 'c-shared', 'Biret Gaup');
    await vault.close();
    const n = 25;
    const [r1, r2] = await Promise.all(
      [1, 2].map((w) =>
        run(process.execPath, ['--import', 'tsx', writer, dir, PASS, shared, String(w), String(n)], {
          cwd: path.join(import.meta.dirname, '..', '..', '..'),
        }),
      ),
    );
    const acknowledged = [r1, r2].flatMap((r) => JSON.parse(r!.stdout).ids as string[]);
    expect(acknowledged).toHaveLength(2 * n * 2);
    const v = await Vault.unlock(dir, { passphrase: PASS });
    const events = await v.readCase(shared);
    const { cases } = await v.listCases();
    expect(cases).toHaveLength(1 + 2 * n);
    const ids = new Set<string>();
    for (const c of cases) for (const e of await v.readCase(c.caseId)) ids.add(e.id);
    for (const id of acknowledged) expect(ids.has(id)).toBe(true);
    expect(events).toHaveLength(2 + 2 * n);
    expect((await v.check()).ok).toBe(true);
    const devices = new Set(events.map((e) => e.device));
    expect(devices.size).toBe(3);
  });
});

describe('append refuses what the fold would skip', () => {
  it('an unknown type or a payload its schema refuses: VALIDATION, and no file is written', async () => {
    const { dir, vault } = await newVault();
    const id = await caseWith(vault, 'c-append', 'Åse Syntetisk');
    const before = snapshot(dir);
    const bad = [
      [{ type: 'case.recorded', data: { set: { pupilVoice: 'a\u0001b' } } }],
      [{ type: 'letters.draftDiscarded', data: { draftId: 'x', reason: null } }],
      [{ type: 'no.such.event', data: {} }],
      // One bad event spoils the whole batch: nothing of it lands.
      [opened('c-other'), { type: 'pupil.recorded', data: { set: { grade: 'sju' } } }],
    ];
    for (const events of bad) {
      let code = '';
      try {
        await vault.append(id, events);
      } catch (e) {
        code = e instanceof BroError ? e.code : String(e);
      }
      expect(code).toBe('VALIDATION');
    }
    const after = snapshot(dir);
    for (const k of Object.keys(after)) if (!k.startsWith('audit')) expect(after[k]).toBe(before[k]);
    expect(Object.keys(after).filter((k) => !k.startsWith('audit'))).toEqual(
      Object.keys(before).filter((k) => !k.startsWith('audit')),
    );
    await vault.close();
  });
});
