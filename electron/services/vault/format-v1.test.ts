// A vault written by format version 1 (tests/fixtures/vault-v1, synthetic data) must keep opening
// with every later Bro. When the format changes, add a migration and keep this test green.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMAT_VERSION } from './format';
import { Vault } from './vault';

const FIXTURE = path.join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'vault-v1');
const work = mkdtempSync(path.join(tmpdir(), 'bro-v1-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function copy(): string {
  const d = path.join(work, String(Math.random()).slice(2));
  cpSync(FIXTURE, d, { recursive: true });
  return d;
}

describe('format version 1 fixture', () => {
  it('opens with the passphrase, lists every case and folds the loose event on top of the packs', async () => {
    const v = await Vault.unlock(copy(), { passphrase: 'fixture passphrase v1' });
    const { cases, damaged } = await v.listCases();
    expect(damaged).toEqual([]);
    expect(cases.map((c) => c.externalId).sort()).toEqual(['c-0001', 'demo-0001', 'demo-0002', 'demo-0003']);
    const c1 = cases.find((c) => c.externalId === 'c-0001')!;
    const state = await v.fold(c1.caseId);
    expect(state.doc.pupil).toMatchObject({ name: 'Áile Nango', school: 'Hov skole', grade: 7 });
    expect(state.doc.parentsView).toBe('Oppdatert syn (løs hendelse)');
    expect(state.history.some((h) => h.reason === 'Nytt møte')).toBe(true);
    expect((await v.memberRecords())[0]?.name).toBe('Testperson Syntetisk');
    expect((await v.check()).ok).toBe(true);
  });

  it('is migrated to the current format on unlock, and a case in it can then be restricted', async () => {
    const dir = copy();
    expect(JSON.parse(readFileSync(path.join(dir, 'bro-vault.json'), 'utf8')).version).toBe(1);
    const v = await Vault.unlock(dir, { passphrase: 'fixture passphrase v1' });
    expect(v.header.version).toBe(FORMAT_VERSION);
    expect(JSON.parse(readFileSync(path.join(dir, 'bro-vault.json'), 'utf8')).version).toBe(FORMAT_VERSION);
    expect(existsSync(path.join(dir, 'access'))).toBe(true);
    const c1 = (await v.listCases()).cases.find((c) => c.externalId === 'c-0001')!;
    await v.restrictCase(c1.caseId, [v.actor]);
    expect((await v.fold(c1.caseId)).doc.parentsView).toBe('Oppdatert syn (løs hendelse)');
    expect((await v.check()).ok).toBe(true);
    await v.close();
    // Opened again, it is current already: nothing more to migrate.
    const again = await Vault.unlock(dir, { passphrase: 'fixture passphrase v1' });
    expect((await again.listCases()).cases.find((c) => c.caseId === c1.caseId)?.restricted).toBe(true);
  });

  it('after the migration to format 4, a new event goes to a log in a case made before, beside its packs', async () => {
    const dir = copy();
    const v = await Vault.unlock(dir, { passphrase: 'fixture passphrase v1' });
    const c1 = (await v.listCases()).cases.find((c) => c.externalId === 'c-0001')!;
    const caseDir = path.join(dir, 'cases', c1.caseId);
    expect(existsSync(path.join(caseDir, 'logs'))).toBe(false);
    await v.append(c1.caseId, [{ type: 'case.recorded', data: { set: { parentsView: 'Etter migrering' } } }]);
    await v.append(c1.caseId, [{ type: 'case.recorded', data: { set: { pupilVoice: 'Andre post' } } }]);
    expect(readdirSync(path.join(caseDir, 'logs'))).toHaveLength(1);
    await v.close();
    const again = await Vault.unlock(dir, { passphrase: 'fixture passphrase v1' });
    const state = await again.fold(c1.caseId);
    expect(state.doc).toMatchObject({ parentsView: 'Etter migrering', pupilVoice: 'Andre post' });
    expect(state.doc.pupil).toMatchObject({ name: 'Áile Nango' });
    expect((await again.check()).ok).toBe(true);
  });

  it('opens with its recovery key', async () => {
    const v = await Vault.unlock(copy(), {
      recoveryKey: 'DSNS-BX4R-VAND-27CZ-6RAC-BSG6-CRMT-W2AW-7AX2-CLVI-MO6H-GKPA-4IHA-WOPK',
    });
    expect((await v.listCases()).cases).toHaveLength(4);
  });
});
