// Access by need (docs/VAULT-FORMAT.md §8.1): a restricted case opens only for the members it is
// granted to; revoking rotates its key so an old grant opens nothing in the folder any more.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BroError } from '../../../shared/errors';
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

async function team() {
  const dir = mkdtempSync(path.join(tmpdir(), 'bro-restricted-'));
  dirs.push(dir);
  const {
    vault: anne,
    memberId: anneId,
    recoveryKey,
  } = await Vault.create(dir, {
    passphrase: ANNE,
    kdf: FAST,
    memberName: 'Anne Dahl',
  });
  const req = await Vault.requestMembership(dir, { passphrase: BJORN, kdf: FAST });
  const { memberId: bjornId } = await anne.approveMember(req.code, 'Bjørn Berg');
  const caseId = await anne.createCase();
  await anne.append(caseId, [
    { type: 'case.opened', data: { externalId: 'c-1', service: 'PPT' } },
    { type: 'pupil.recorded', data: { set: { name: 'Niillas Somby', school: 'Hov skole', grade: 8 } } },
  ]);
  await anne.append(caseId, [{ type: 'case.recorded', data: { set: { parentsView: 'Syn' } } }]);
  const other = await anne.createCase();
  await anne.append(other, [
    { type: 'case.opened', data: { externalId: 'c-2', service: 'PPT' } },
    { type: 'pupil.recorded', data: { set: { name: 'Kari Nordmann', school: 'Hov skole', grade: 3 } } },
  ]);
  await anne.close();
  return { dir, anneId, bjornId, caseId, other, recoveryKey };
}

const asAnne = (dir: string) => Vault.unlock(dir, { passphrase: ANNE });
const asBjorn = (dir: string) => Vault.unlock(dir, { passphrase: BJORN });

describe('restricted cases', () => {
  it('opens only for the members it is granted to, until granted, and not after revoke', async () => {
    const { dir, anneId, bjornId, caseId, recoveryKey } = await team();
    const anne = await asAnne(dir);
    await anne.restrictCase(caseId, [anneId]);
    // Every event is re-encrypted in one pack under the new key.
    expect(readdirSync(path.join(dir, 'cases', caseId, 'events'))).toEqual([]);
    expect(readdirSync(path.join(dir, 'cases', caseId, 'packs'))).toHaveLength(1);
    expect((await anne.fold(caseId)).doc.pupil?.name).toBe('Niillas Somby');
    const list = await anne.listCases();
    expect(list.cases.find((c) => c.caseId === caseId)).toMatchObject({
      pupil: 'Niillas Somby',
      restricted: true,
    });
    await anne.close();

    // Bjørn: listed without a name; reading it is refused; he asks for access.
    let bjorn = await asBjorn(dir);
    expect(await codeOf(bjorn.readCase(caseId))).toBe('RESTRICTED');
    const seen = (await bjorn.listCases()).cases.find((c) => c.caseId === caseId)!;
    expect(seen).toMatchObject({ restricted: true, denied: true, pupil: '', externalId: '', school: '' });
    expect(seen.service).toBe('PPT'); // de-identified figures still count
    expect((await bjorn.caseAccess(caseId)).canOpen).toBe(false);
    await bjorn.requestCaseAccess(caseId);
    // Nothing Bjørn can read in the vault names the pupil.
    for (const f of readdirSync(path.join(dir, 'index')))
      expect(readFileSync(path.join(dir, 'index', f), 'utf8')).not.toContain('Niillas');
    await bjorn.close();

    // Anne sees the request and grants it.
    const anne2 = await asAnne(dir);
    expect((await anne2.caseAccess(caseId)).requests.map((r) => r.memberId)).toEqual([bjornId]);
    await anne2.grantCase(caseId, bjornId);
    expect((await anne2.caseAccess(caseId)).requests).toEqual([]);
    await anne2.close();

    bjorn = await asBjorn(dir);
    expect((await bjorn.fold(caseId)).doc.pupil?.name).toBe('Niillas Somby');
    await bjorn.append(caseId, [{ type: 'case.recorded', data: { set: { parentsView: 'Bjørns syn' } } }]);
    expect((await bjorn.listCases()).cases.find((c) => c.caseId === caseId)?.pupil).toBe('Niillas Somby');
    await bjorn.close();
    // Bjørn keeps a copy of the folder as it is now.
    const copy = mkdtempSync(path.join(tmpdir(), 'bro-restricted-copy-'));
    dirs.push(copy);
    cpSync(dir, copy, { recursive: true });

    const anne3 = await asAnne(dir);
    await anne3.revokeCase(caseId, bjornId);
    expect((await anne3.fold(caseId)).doc.parentsView).toBe('Bjørns syn');
    await anne3.close();
    bjorn = await asBjorn(dir);
    expect(await codeOf(bjorn.readCase(caseId))).toBe('RESTRICTED');
    await bjorn.close();

    // His kept key.jwe opens his old ring, which opens none of the files now in the folder.
    const oldKey = readFileSync(path.join(copy, 'cases', caseId, 'key.jwe'), 'utf8');
    const fromCopy = await asBjorn(copy);
    expect((await fromCopy.fold(caseId)).doc.pupil?.name).toBe('Niillas Somby'); // the old copy still reveals what it held
    await fromCopy.close();
    expect(oldKey).not.toBe(readFileSync(path.join(dir, 'cases', caseId, 'key.jwe'), 'utf8'));
    // Put his old key.jwe into today's folder: his grant opens it, but no file there opens with it.
    const mixed = mkdtempSync(path.join(tmpdir(), 'bro-restricted-mixed-'));
    dirs.push(mixed);
    cpSync(dir, mixed, { recursive: true });
    writeFileSync(path.join(mixed, 'cases', caseId, 'key.jwe'), oldKey);
    const withOld = await asBjorn(mixed);
    expect(await codeOf(withOld.readCase(caseId))).toBe('TAMPERED');
    await withOld.close();
    // The recovery key opens it (break-glass), as documented.
    const rec = await Vault.unlock(dir, { recoveryKey });
    expect((await rec.fold(caseId)).doc.pupil?.name).toBe('Niillas Somby');
    await rec.close();
    expect((await (await asAnne(dir)).check()).ok).toBe(true);
  });

  it('refuses bad input with a typed error and changes nothing', async () => {
    const { dir, anneId, bjornId, caseId } = await team();
    const anne = await asAnne(dir);
    const before = readFileSync(path.join(dir, 'cases', caseId, 'key.jwe'), 'utf8');
    expect(await codeOf(anne.restrictCase(caseId, ['aaaaaaaaaaaaaaaaaaaaaaaaaa']))).toBe('VALIDATION');
    expect(await codeOf(anne.restrictCase(caseId, []))).toBe('VALIDATION');
    expect(await codeOf(anne.restrictCase(caseId, [anneId, anneId]))).toBe('VALIDATION');
    expect(await codeOf(anne.grantCase(caseId, bjornId))).toBe('VALIDATION'); // not restricted
    expect(await codeOf(anne.revokeCase(caseId, bjornId))).toBe('VALIDATION');
    expect(readFileSync(path.join(dir, 'cases', caseId, 'key.jwe'), 'utf8')).toBe(before);
    await anne.restrictCase(caseId, [anneId]);
    expect(await codeOf(anne.revokeCase(caseId, anneId))).toBe('VALIDATION'); // the last member
    expect(await codeOf(anne.grantCase(caseId, anneId))).toBe('VALIDATION'); // already has it
    expect(await codeOf(anne.grantCase(caseId, 'bbbbbbbbbbbbbbbbbbbbbbbbbb'))).toBe('VALIDATION');
    await anne.close();
    const bjorn = await asBjorn(dir);
    expect(await codeOf(bjorn.grantCase(caseId, bjornId))).toBe('RESTRICTED');
    expect(await codeOf(bjorn.restrictCase(caseId, [bjornId]))).toBe('RESTRICTED');
    await bjorn.close();
  });

  it('removing a member who had access re-keys the case, also when the remover has no access', async () => {
    const { dir, anneId, bjornId, caseId } = await team();
    const bjorn = await asBjorn(dir);
    await bjorn.restrictCase(caseId, [bjornId]);
    await bjorn.close();
    const anne = await asAnne(dir);
    expect(await codeOf(anne.readCase(caseId))).toBe('RESTRICTED');
    await anne.removeMember(bjornId);
    expect((await anne.caseAccess(caseId)).members).toEqual([]);
    expect((await anne.listCases()).cases.find((c) => c.caseId === caseId)?.denied).toBe(true);
    expect((await anne.check()).ok).toBe(true);
    await anne.close();
    void anneId;
  });
});
