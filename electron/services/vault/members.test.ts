// Team vaults: joining, handing a case over between members' own devices, and removing a member.
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BroError } from '../../../shared/errors';
import { changeCaseworker } from '../cases/update';
import { digestId, encodeJson, open, randomId, randomKey, sealContent, sealKey, subkey } from './crypto';
import {
  decodeSet,
  grantMember,
  memberKeyFile,
  newMemberKeyFile,
  openMemberGrant,
  openMemberPrivate,
  parseSealed,
  recoveryEcdh,
  recoveryKeyFile,
  serializeSealed,
} from './keys';
import { Vault } from './vault';

const FAST = { N: 2 ** 12, r: 8, p: 1 };
const ANNE = 'Annes passordfrase';
const BJORN = 'Bjørns passordfrase';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    return e instanceof BroError ? e.code : `THREW ${String(e)}`;
  }
}

/** Anne creates the vault on her laptop; Bjørn joins from his (another device id). */
async function teamVault() {
  const dir = mkdtempSync(path.join(tmpdir(), 'bro-team-'));
  dirs.push(dir);
  const anneDevice = randomId();
  const bjornDevice = randomId();
  const {
    vault: anne,
    recoveryKey,
    memberId: anneId,
  } = await Vault.create(dir, {
    passphrase: ANNE,
    kdf: FAST,
    memberName: 'Anne Dahl',
    deviceId: anneDevice,
  });
  const caseId = await anne.createCase();
  await anne.append(caseId, [
    { type: 'case.opened', data: { externalId: 'c-1', service: 'PPT' } },
    { type: 'pupil.recorded', data: { set: { name: 'Niillas Somby', school: 'Hov skole', grade: 8 } } },
  ]);
  const request = await Vault.requestMembership(dir, { passphrase: BJORN, kdf: FAST });
  expect(await codeOf(Vault.unlock(dir, { passphrase: BJORN }))).toBe('WRONG_PASSPHRASE');
  const pending = await anne.pendingRequests();
  expect(pending.map((r) => r.code)).toEqual([request.code]);
  expect(await codeOf(anne.approveMember('0000-0000-0000', 'Feil'))).toBe('NOT_FOUND');
  await anne.approveMember(request.code.toLowerCase(), 'Bjørn Ås');
  expect(await anne.pendingRequests()).toEqual([]);
  return { dir, anne, anneId, bjornId: request.memberId, recoveryKey, caseId, anneDevice, bjornDevice };
}

describe('members', () => {
  it('a new member requests, is approved by code, and opens the vault with their own passphrase', async () => {
    const { dir, anne, anneId, bjornId, caseId, bjornDevice } = await teamVault();
    const bjorn = await Vault.unlock(dir, { passphrase: BJORN }, { deviceId: bjornDevice });
    expect(bjorn.actor).toBe(bjornId);
    expect((await bjorn.fold(caseId)).doc.pupil.name).toBe('Niillas Somby');
    const members = await anne.members();
    expect(members.map((m) => [m.name, m.active, m.me])).toEqual(
      expect.arrayContaining([
        ['Anne Dahl', true, true],
        ['Bjørn Ås', true, false],
      ]),
    );
    expect(bjorn.memberSigningKey()!.kid).not.toBe(anne.memberSigningKey()!.kid);
    expect(anneId).not.toBe(bjornId);
  });

  it('a caseworker change made on one laptop reaches the new caseworker on theirs, with the handover note', async () => {
    const { dir, anne, caseId, bjornDevice } = await teamVault();
    await changeCaseworker(anne, {
      caseId,
      caseworker: 'Anne Dahl',
      role: 'rådgiver',
      from: '2026-01-05',
      reason: 'ny sak',
    });
    await changeCaseworker(anne, {
      caseId,
      caseworker: 'Bjørn Ås',
      role: 'rådgiver',
      from: '2026-03-02',
      reason: 'permisjon',
      handoverNote: {
        status: 'Kartlegging pågår',
        openPromises: 'Ringe mor torsdag',
        familyWishes: 'Korte møter',
      },
    });
    await anne.close();
    const bjorn = await Vault.unlock(dir, { passphrase: BJORN }, { deviceId: bjornDevice });
    const { cases } = await bjorn.listCases();
    expect(cases[0]!.caseworker).toBe('Bjørn Ås');
    const state = await bjorn.fold(caseId);
    expect(state.doc.assignments?.[0]).toMatchObject({
      to: '2026-03-02',
      handoverNote: { openPromises: 'Ringe mor torsdag' },
    });
  });

  it('removing a member rotates every key: their kept key file is refused and nothing written afterwards opens with their keys', async () => {
    const { dir, anne, bjornId, caseId, recoveryKey } = await teamVault();
    const keptCopy = path.join(dirs[0]!, '..', `kept-${bjornId}.json`);
    copyFileSync(path.join(dir, 'keys', `${bjornId}.json`), keptCopy);
    dirs.push(keptCopy);
    // What Bjørn could have taken with him: his master key set, from his own key file and passphrase.
    const kf = parseSealed(readFileSync(keptCopy, 'utf8'), memberKeyFile, 'kept');
    const oldSet = decodeSet(await openMemberGrant(kf, (await openMemberPrivate(kf, BJORN))!));

    const oldKeyJwe = readFileSync(path.join(dir, 'cases', caseId, 'key.jwe'), 'utf8');
    const logsDir = path.join(dir, 'cases', caseId, 'logs');
    const logsBefore = readdirSync(logsDir);
    const r = await anne.removeMember(bjornId);
    expect(r.cases).toBe(1);
    await anne.append(caseId, [
      { type: 'case.recorded', data: { set: { parentsView: 'skrevet etter fjerning' } } },
    ]);
    await anne.close();

    expect(await codeOf(Vault.unlock(dir, { passphrase: BJORN }))).toBe('WRONG_PASSPHRASE');
    copyFileSync(keptCopy, path.join(dir, 'keys', `${bjornId}.json`));
    expect(await codeOf(Vault.unlock(dir, { passphrase: BJORN }, { memberId: bjornId }))).toBe(
      'ACCESS_REVOKED',
    );
    rmSync(path.join(dir, 'keys', `${bjornId}.json`));

    // With raw keys, bypassing Bro: the case key ring is now wrapped by the new generation,
    // and the new event uses a data key the old ring never had.
    const vaultId = JSON.parse(readFileSync(path.join(dir, 'bro-vault.json'), 'utf8')).vaultId as string;
    const oldCaseKek = subkey(oldSet.current.mk, vaultId, 'case-key wrap v1');
    const keyJwe = readFileSync(path.join(dir, 'cases', caseId, 'key.jwe'), 'utf8');
    const header = JSON.parse(Buffer.from(keyJwe.split('.')[0]!, 'base64url').toString());
    expect(header['bro.kid']).not.toBe(oldSet.current.mkid);
    await expect(
      open(oldCaseKek, keyJwe, { vault: vaultId, kind: 'case-key', case: caseId, kid: header['bro.kid'] }),
    ).rejects.toThrow();
    // The event written after the removal went to a new log (one per data key), in its first record.
    const newLogs = readdirSync(logsDir).filter((n) => !logsBefore.includes(n));
    expect(newLogs).toHaveLength(1);
    const record = readFileSync(path.join(logsDir, newLogs[0]!));
    const evHeader = JSON.parse(
      Buffer.from(
        record.toString('latin1', 4, 4 + record.readUInt32BE(0)).split('.')[0]!,
        'base64url',
      ).toString(),
    );
    expect(newLogs[0]).toBe(`${anne.deviceId}-${evHeader['bro.kid']}.log`);
    const oldRing = JSON.parse(
      new TextDecoder().decode(
        await open(oldCaseKek, oldKeyJwe, {
          vault: vaultId,
          kind: 'case-key',
          case: caseId,
          kid: oldSet.current.mkid,
        }),
      ),
    ) as { keys: { kid: string }[] };
    expect(oldRing.keys.map((k) => k.kid)).not.toContain(evHeader['bro.kid']);
    const anneAgain = await Vault.unlock(dir, { passphrase: ANNE });
    expect((await anneAgain.fold(caseId)).doc.parentsView).toBe('skrevet etter fjerning');
    expect((await anneAgain.check()).ok).toBe(true);
    expect((await anneAgain.members()).find((m) => m.memberId === bjornId)?.active).toBe(false);

    // The recovery key still opens everything, old and new.
    const rec = await Vault.unlock(dir, { recoveryKey });
    expect((await rec.fold(caseId)).doc.pupil.name).toBe('Niillas Somby');
    expect((await rec.readAudit()).some((a) => a.action === 'member.remove')).toBe(true);
  });

  it('a public key planted by someone with only folder access is never granted anything', async () => {
    const { dir, anne, bjornId } = await teamVault();
    // The attacker swaps the recovery file's public key for their own and fixes the integrity hash.
    const recPath = path.join(dir, 'keys', 'recovery.json');
    const rec = parseSealed(readFileSync(recPath, 'utf8'), recoveryKeyFile, 'r');
    const attacker = recoveryEcdh(randomKey(), rec.vaultId);
    writeFileSync(recPath, serializeSealed({ ...rec, public: { ecdh: attacker.pub } }));
    expect(await codeOf(anne.removeMember(bjornId))).toBe('VAULT_DAMAGED');
    expect((await anne.check()).damaged.map((d) => d.file)).toContain('keys/recovery.json');
    // Nothing was rotated, and Bjørn still opens (the removal did not half-happen).
    expect(await codeOf(Vault.unlock(dir, { passphrase: BJORN }))).toBe('OK');
  });

  it('a removed member cannot plant a key file with a MAC from an older generation', async () => {
    const { dir, anne, bjornId } = await teamVault();
    const carl = await Vault.requestMembership(dir, { passphrase: 'Carls passordfrase', kdf: FAST });
    await anne.approveMember(carl.code, 'Carl Berg');
    const kf = parseSealed(
      readFileSync(path.join(dir, 'keys', `${bjornId}.json`), 'utf8'),
      memberKeyFile,
      'k',
    );
    const oldSet = await openMemberGrant(kf, (await openMemberPrivate(kf, BJORN))!);
    await anne.removeMember(bjornId);
    // Bjørn, still able to write to the folder, plants a fresh key file of his own with a MAC
    // made under the generation he kept.
    const planted = await grantMember(
      await newMemberKeyFile(anne.vaultId, 'Bjørns nye frase', FAST, new Date()),
      oldSet,
    );
    const plantedFile = `keys/${planted.memberId}.json`;
    writeFileSync(path.join(dir, plantedFile), serializeSealed(planted));
    expect((await anne.check()).damaged.map((d) => d.file)).toContain(plantedFile);
    expect(await codeOf(anne.removeMember(carl.memberId))).toBe('VAULT_DAMAGED');
    expect(
      await codeOf(Vault.unlock(dir, { passphrase: 'Bjørns nye frase' }, { memberId: planted.memberId })),
    ).toBe('ACCESS_REVOKED');
  });

  it('after a removal, files written with a retired key or a retired master key are refused', async () => {
    const { dir, anne, bjornId, caseId } = await teamVault();
    const vaultId = anne.vaultId;
    const kf = parseSealed(
      readFileSync(path.join(dir, 'keys', `${bjornId}.json`), 'utf8'),
      memberKeyFile,
      'k',
    );
    const oldSet = decodeSet(await openMemberGrant(kf, (await openMemberPrivate(kf, BJORN))!));
    const oldCaseKek = subkey(oldSet.current.mk, vaultId, 'case-key wrap v1');
    const oldRing = JSON.parse(
      new TextDecoder().decode(
        await open(oldCaseKek, readFileSync(path.join(dir, 'cases', caseId, 'key.jwe'), 'utf8'), {
          vault: vaultId,
          kind: 'case-key',
          case: caseId,
          kid: oldSet.current.mkid,
        }),
      ),
    ) as { current: string; keys: { kid: string; k: string }[] };
    // Another of Anne's devices has the vault open during the removal and keeps working.
    const otherDevice = await Vault.unlock(dir, { passphrase: ANNE });
    await otherDevice.readCase(caseId);
    await anne.removeMember(bjornId);
    await otherDevice.append(caseId, [
      { type: 'case.recorded', data: { set: { pupilVoice: 'skrevet fra den andre maskinen' } } },
    ]);

    // Bjørn forges an event with the case's old data key, and a whole new case under the old master key.
    const forged = {
      v: 1,
      id: randomId(),
      caseId,
      type: 'case.recorded',
      hlc: '999999999999999-000000',
      device: randomId(),
      actor: bjornId,
      at: '2026-11-26T12:00:00.000Z',
      data: { set: { parentsView: 'forfalsket' } },
    };
    const oldKey = new Uint8Array(
      Buffer.from(oldRing.keys.find((k) => k.kid === oldRing.current)!.k, 'base64url'),
    );
    writeFileSync(
      path.join(dir, 'cases', caseId, 'events', `${forged.id}.jwe`),
      await sealContent(oldKey, encodeJson(forged), {
        vault: vaultId,
        kind: 'event',
        case: caseId,
        id: forged.id,
        kid: oldRing.current,
      }),
    );
    const fakeCase = randomId();
    mkdirSync(path.join(dir, 'cases', fakeCase, 'events'), { recursive: true });
    mkdirSync(path.join(dir, 'cases', fakeCase, 'packs'));
    writeFileSync(
      path.join(dir, 'cases', fakeCase, 'key.jwe'),
      await sealKey(oldCaseKek, encodeJson(oldRing), {
        vault: vaultId,
        kind: 'case-key',
        case: fakeCase,
        kid: oldSet.current.mkid,
      }),
    );
    const v = await Vault.unlock(dir, { passphrase: ANNE });
    const list = await v.listCases();
    expect(list.damaged.map((d) => d.caseId).sort()).toEqual([caseId, fakeCase].sort());
    expect(list.damaged.find((d) => d.caseId === caseId)!.files.map((f) => f.file)).toEqual([
      `cases/${caseId}/events/${forged.id}.jwe`,
    ]);
    // Without the forgery, the case reads, including the other device's write after the rotation.
    rmSync(path.join(dir, 'cases', caseId, 'events', `${forged.id}.jwe`));
    expect((await v.fold(caseId)).doc.pupilVoice).toBe('skrevet fra den andre maskinen');

    // A record appended under the old key to a log sealed at the removal: the whole log is refused.
    const logs = path.join(dir, 'cases', caseId, 'logs');
    const sealedLog = readdirSync(logs).find((n) => n.endsWith(`-${oldRing.current}.log`))!;
    const logBytes = readFileSync(path.join(logs, sealedLog));
    // (As that device would write it, so that only the sealed bytes can give it away.)
    const jwe = await sealContent(
      oldKey,
      encodeJson({ events: [{ ...forged, device: sealedLog.slice(0, 26) }] }),
      {
        vault: vaultId,
        kind: 'log',
        case: caseId,
        id: digestId([forged.id]),
        kid: oldRing.current,
      },
    );
    const len = Buffer.alloc(4);
    len.writeUInt32BE(jwe.length);
    writeFileSync(path.join(logs, sealedLog), Buffer.concat([logBytes, len, Buffer.from(jwe)]));
    const w = await Vault.unlock(dir, { passphrase: ANNE });
    expect((await w.listCases()).damaged.find((d) => d.caseId === caseId)?.files.map((f) => f.file)).toEqual([
      `cases/${caseId}/logs/${sealedLog}`,
    ]);
  });

  it('you cannot remove yourself or someone who never was a member', async () => {
    const { anne, anneId } = await teamVault();
    expect(await codeOf(anne.removeMember(anneId))).toBe('VALIDATION');
    expect(await codeOf(anne.removeMember(randomId()))).toBe('NOT_FOUND');
  });
});
