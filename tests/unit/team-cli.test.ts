// Two caseworkers' laptops, played by two device profiles on one machine sharing one vault folder
// (as a synced folder would): request, approve, hand over a case, remove a member.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..', '..');
const run = promisify(execFile);
const root = mkdtempSync(path.join(tmpdir(), 'bro-team-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Profile {
  home: string;
  passphrase: string;
}
const anne: Profile = { home: path.join(root, 'anne-laptop'), passphrase: 'Annes lange passordfrase' };
const bjorn: Profile = { home: path.join(root, 'bjorn-laptop'), passphrase: 'Bjørns lange passordfrase' };

/** Runs `bro` as its own process on one "laptop" (its own settings folder, so its own device id). */
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

describe('a team on a shared folder', () => {
  it('request → approve → handover → removal, each laptop seeing the other’s work', async () => {
    const vault = path.join(root, 'delt-mappe');
    expect(
      (await bro(anne, ['demo', vault, '--cases', '3', '--seed', 'team', '--today', '2026-11-26'])).code,
    ).toBe(0);

    const req = await bro(bjorn, ['member', 'request', vault]);
    expect(req.code).toBe(0);
    expect((await bro(bjorn, ['cases', vault])).code).toBe(5); // not approved yet

    const list = await bro(anne, ['member', 'list', vault]);
    expect(list.json.requests.map((r: { code: string }) => r.code)).toEqual([req.json.code]);
    expect((await bro(anne, ['member', 'approve', vault, req.json.code, '--name', 'Bjørn Ås'])).code).toBe(0);

    const seen = await bro(bjorn, ['cases', vault]);
    expect(seen.code).toBe(0);
    expect(seen.json.cases).toHaveLength(3);

    // Anne hands demo-0001 over to Bjørn with a handover note (through the interchange format).
    const out = path.join(root, 'ut.json');
    await bro(anne, ['export', vault, out, '--case', 'demo-0001']);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    const c = doc.cases[0];
    for (const a of c.assignments) {
      if (!a.to) {
        a.to = '2026-11-20';
        a.reason = 'permisjon';
        a.handoverNote = { status: 'Overført til Bjørn', openPromises: 'Ringe far mandag' };
      }
    }
    c.assignments.push({ caseworker: 'Bjørn Ås', role: 'rådgiver', from: '2026-11-20' });
    writeFileSync(out, JSON.stringify(doc));
    expect((await bro(anne, ['import', vault, out])).json).toMatchObject({ updated: 1 });

    const after = await bro(bjorn, ['cases', vault]);
    expect(after.json.cases.find((x: { id: string }) => x.id === 'demo-0001').caseworker).toBe('Bjørn Ås');
    await bro(bjorn, ['export', vault, out, '--case', 'demo-0001']);
    const handed = JSON.parse(readFileSync(out, 'utf8')).cases[0].assignments;
    expect(
      handed.some(
        (a: { handoverNote?: { openPromises?: string } }) =>
          a.handoverNote?.openPromises === 'Ringe far mandag',
      ),
    ).toBe(true);

    // Anne removes Bjørn: his laptop can no longer open anything.
    const members = (await bro(anne, ['member', 'list', vault])).json.members as {
      memberId: string;
      me: boolean;
    }[];
    const bjornId = members.find((m) => !m.me)!.memberId;
    expect((await bro(anne, ['member', 'remove', vault, bjornId])).json).toMatchObject({
      ok: true,
      cases: 4, // the demo's 3 and its voided duplicate: every case folder gets the new keys
    });
    expect((await bro(bjorn, ['cases', vault])).code).toBe(5);
    const check = await bro(anne, ['vault', 'check', vault]);
    expect(check.json).toMatchObject({ ok: true, damaged: [] });
  }, 300_000);
});
