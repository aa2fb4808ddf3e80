// The case key ring and the stamp of key.jwe it was opened under: a stamp from a listing made
// just before stands in for a stat of the file, with the same meaning.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../shared/demo/generate';
import { BroError } from '../../../shared/errors';
import { createHandlers } from '../handlers';
import { Session } from '../session';
import type { CaseStore } from './cases';
import { Vault } from './vault';

const PASS = 'nøkkelstempel 2026';
const root = mkdtempSync(path.join(tmpdir(), 'bro-keystamp-'));
const dir = path.join(root, 'vault');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const storeOf = (v: Vault) => (v as unknown as { store: CaseStore }).store;
const keyStamps = (s: CaseStore) => (s as unknown as { keyStamps: Map<string, string> }).keyStamps;

beforeAll(async () => {
  const session = new Session({ kdf: { N: 2 ** 10, r: 8, p: 1 } });
  const handlers = createHandlers(session);
  await handlers['vault.create']({ dir, passphrase: PASS });
  await handlers['interchange.import']({
    file: generateDemo({ cases: 2, seed: 'keystamp', today: '2026-11-26' }),
  });
  await session.vault!.close();
});

describe('a case key ring opened with the stamp of a listing', () => {
  it('is the ring a stat would open, kept under the listed stamp; a changed key.jwe is read again', async () => {
    const [caseId, other] = readdirSync(path.join(dir, 'cases')).sort() as [string, string];
    const plain = await Vault.unlock(dir, { passphrase: PASS });
    const expected = await storeOf(plain).keyRing(caseId);
    const statStamp = keyStamps(storeOf(plain)).get(caseId);
    await plain.close();

    const v = await Vault.unlock(dir, { passphrase: PASS });
    const store = storeOf(v);
    const listed = (await store.files(caseId)).stamps.get('key.jwe')!;
    expect(listed).toBe(statStamp);
    expect(await store.keyRing(caseId, listed)).toEqual(expected);
    expect(keyStamps(store).get(caseId)).toBe(listed);
    // Held under that stamp: a stat finding the same stamp keeps it.
    expect(await store.keyRing(caseId)).toEqual(expected);

    // Another key.jwe in its place (here a damaged one): a new listing's stamp differs, so it is read again.
    writeFileSync(path.join(dir, 'cases', caseId, 'key.jwe'), 'not a key');
    const relisted = (await store.files(caseId)).stamps.get('key.jwe')!;
    expect(relisted).not.toBe(listed);
    // A listing that found no key.jwe changes nothing held, as a stat finding none.
    expect(await store.keyRing(caseId, 'missing')).toEqual(expected);
    const err = await store.keyRing(caseId, relisted).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BroError);
    expect((err as BroError).code).toBe('TAMPERED');
    // A case never opened, with no key.jwe listed: as without a stamp.
    rmSync(path.join(dir, 'cases', other, 'key.jwe'));
    const missing = await store.keyRing(other, 'missing').catch((e: unknown) => e);
    const statted = await store.keyRing(other).catch((e: unknown) => e);
    expect((missing as BroError).code).toBe('TAMPERED');
    expect((missing as BroError).code).toBe((statted as BroError).code);
    await v.close();
  });
});
