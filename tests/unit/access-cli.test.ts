// Access by need through the CLI (issue 17 item 6): two members' laptops on one shared vault
// folder, real crypto. A restricted case stays unreadable to the other member until access is
// granted, and is unreadable again after it is revoked.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..', '..');
const run = promisify(execFile);
const root = mkdtempSync(path.join(tmpdir(), 'bro-access-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Profile {
  home: string;
  passphrase: string;
}
const anne: Profile = { home: path.join(root, 'anne'), passphrase: 'Annes lange passordfrase' };
const bjorn: Profile = { home: path.join(root, 'bjorn'), passphrase: 'Bjørns lange passordfrase' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the CLI's JSON, checked by the assertions
async function bro(who: Profile, args: string[]): Promise<{ code: number; json: any }> {
  try {
    const { stdout } = await run(process.execPath, [path.join(ROOT, 'bin', 'bro.mjs'), ...args, '--json'], {
      cwd: ROOT,
      env: { ...process.env, XDG_CONFIG_HOME: who.home, BRO_PASSPHRASE: who.passphrase },
    });
    return { code: 0, json: JSON.parse(stdout) };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, json: JSON.parse(err.stdout || '{}') };
  }
}

interface Row {
  id: string;
  caseId: string;
  pupil: string | null;
  restricted: boolean;
}

describe('bro case restrict / grant / revoke', () => {
  it('keeps a restricted case from the other member until granted, and again after revoke', async () => {
    const vault = path.join(root, 'delt');
    expect(
      (await bro(anne, ['demo', vault, '--cases', '3', '--seed', 'access', '--today', '2026-11-26'])).code,
    ).toBe(0);
    const req = await bro(bjorn, ['member', 'request', vault]);
    expect((await bro(anne, ['member', 'approve', vault, req.json.code, '--name', 'Bjørn Ås'])).code).toBe(0);
    const members = (await bro(anne, ['member', 'list', vault])).json.members as {
      memberId: string;
      me: boolean;
    }[];
    const anneId = members.find((m) => m.me)!.memberId;
    const bjornId = members.find((m) => !m.me)!.memberId;

    const all = (await bro(anne, ['cases', vault])).json.cases as Row[];
    const target = all.find((c) => c.id === 'demo-0001')!;
    const name = target.pupil!;
    expect(name).toBeTruthy();
    expect(
      (await bro(bjorn, ['cases', vault])).json.cases.find((c: Row) => c.caseId === target.caseId).pupil,
    ).toBe(name);

    // Bad input: a typed error, exit code, and nothing changed.
    const keyFile = path.join(vault, 'cases', target.caseId, 'key.jwe');
    const before = readFileSync(keyFile, 'utf8');
    expect(
      (await bro(anne, ['case', 'restrict', vault, '--case', target.caseId, '--members', 'ikke-en-id'])).code,
    ).toBe(3);
    expect(
      (await bro(anne, ['case', 'restrict', vault, '--case', target.caseId, '--members', 'a'.repeat(26)]))
        .json.error.code,
    ).toBe('VALIDATION');
    expect(
      (await bro(anne, ['case', 'grant', vault, '--case', target.caseId, '--member', bjornId])).code,
    ).toBe(3); // not restricted
    expect(readFileSync(keyFile, 'utf8')).toBe(before);

    const restricted = await bro(anne, [
      'case',
      'restrict',
      vault,
      '--case',
      'demo-0001',
      '--members',
      anneId,
    ]);
    expect(restricted).toMatchObject({
      code: 0,
      json: { ok: true, caseId: target.caseId, members: [anneId] },
    });

    const hidden = async (tryGrant: boolean) => {
      const r = await bro(bjorn, ['cases', vault]);
      expect(r.code).toBe(0);
      const row = r.json.cases.find((c: Row) => c.caseId === target.caseId);
      expect(row).toMatchObject({ restricted: true, pupil: null, id: '' });
      expect(JSON.stringify(r.json)).not.toContain(name);
      // He cannot export it either: asked for by its id, it is refused (exit 5, RESTRICTED).
      const ex = await bro(bjorn, ['export', vault, path.join(root, 'ut.json'), '--case', target.caseId]);
      expect(ex.code).toBe(5);
      expect(ex.json.error.code).toBe('RESTRICTED');
      // Nor grant it to himself.
      if (tryGrant)
        expect(
          (await bro(bjorn, ['case', 'grant', vault, '--case', target.caseId, '--member', bjornId])).json
            .error.code,
        ).toBe('RESTRICTED');
    };
    await hidden(true);

    expect(
      (await bro(anne, ['case', 'grant', vault, '--case', target.caseId, '--member', bjornId])).json.members,
    ).toEqual([anneId, bjornId]);
    const granted = (await bro(bjorn, ['cases', vault])).json.cases.find(
      (c: Row) => c.caseId === target.caseId,
    );
    expect(granted).toMatchObject({ restricted: true, pupil: name, id: 'demo-0001' });
    const out = path.join(root, 'ut2.json');
    expect((await bro(bjorn, ['export', vault, out, '--case', target.caseId])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(name);

    expect(
      (await bro(anne, ['case', 'revoke', vault, '--case', target.caseId, '--member', bjornId])).json.members,
    ).toEqual([anneId]);
    await hidden(false);

    const check = await bro(anne, ['vault', 'check', vault]);
    expect(check.code).toBe(0);
    expect(check.json.ok).toBe(true);
  }, 400_000);
});
