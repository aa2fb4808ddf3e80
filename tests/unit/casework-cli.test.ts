// `bro member rename`, `bro cases --json` (next deadline, overdue, --as-of) and `bro tasks --owner`
// end to end: the real CLI entry in-process on real vaults made as the quick start makes them.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDirs } from './helpers/cli';

const PASS = 'synt-etisk passord 2026';
const TODAY = '2026-11-20';
const tempDir = tempDirs('bro-casework-cli-');
const bro = (args: string[]) => runCli([...args, '--today', TODAY], { BRO_PASSPHRASE: PASS });

let vault: string;
beforeAll(async () => {
  // The quick start: `bro vault init DIR` (no --name), then demo data.
  vault = path.join(tempDir(), 'v');
  expect((await bro(['vault', 'init', vault])).code).toBe(0);
  expect((await bro(['demo', vault, '--cases', '50', '--seed', 'cli'])).code).toBe(0);
});

describe('bro member rename', () => {
  it('sets your own name, 1–200 characters, and the member list shows it', async () => {
    expect((await bro(['member', 'list', vault])).out).toContain('(uten navn)  (deg)');
    const usage = await bro(['member', 'rename', vault, '--json']);
    expect(usage.code).toBe(2);
    const empty = await bro(['member', 'rename', vault, '--name', '  ', '--json']);
    expect(empty.code).toBe(3);
    expect(empty.json.error.issues).toEqual([{ path: 'name', code: 'REQUIRED' }]);
    expect((await bro(['member', 'rename', vault, '--name', 'x'.repeat(201)])).code).toBe(3);
    const ok = await bro(['member', 'rename', vault, '--name', 'Kari Nordmann', '--json']);
    expect(ok.code).toBe(0);
    expect(ok.json).toMatchObject({ ok: true, name: 'Kari Nordmann' });
    const text = await bro(['member', 'rename', vault, '--name', 'Kari Nordmann']);
    expect(text.out).toContain('«Kari Nordmann»');
    const list = await bro(['member', 'list', vault, '--json']);
    expect(list.json.members.find((m: { me: boolean }) => m.me).name).toBe('Kari Nordmann');
  });

  it('tells how to set the name when a letter stops for it, in the app and with this command', async () => {
    const other = path.join(tempDir(), 'w');
    // A vault whose member has no name yet (`bro demo` into a new folder names its member).
    expect((await bro(['vault', 'init', other])).code).toBe(0);
    expect((await bro(['demo', other, '--cases', '20', '--seed', 'cli'])).code).toBe(0);
    const cases = await bro(['cases', other, '--json']);
    // A letter this demo case can carry (a mottaksbrev after first contact is LETTER_OUTDATED).
    const open = cases.json.cases.filter((c: { status: string }) => c.status === 'open');
    let r = { out: '', err: '' };
    search: for (const c of open.slice(0, 4))
      for (const kind of ['mottaksbrev', 'motereferat', 'tiltaksoversikt']) {
        r = await bro(['letter', other, '--case', c.id, '--kind', kind, '--check']);
        if (!/LETTER_OUTDATED|LETTER_DATA_MISSING/u.test(r.out + r.err)) break search;
      }
    expect(r.out + r.err).toContain('«Ditt navn» i Innstillinger');
    expect(r.out + r.err).toContain('bro member rename <mappe> --name NAVN');
  });
});

describe('bro cases --json', () => {
  it('gives each case its next deadline and the number of overdue tasks, as of a date', async () => {
    const r = await bro(['cases', vault, '--json']);
    expect(r.code).toBe(0);
    for (const c of r.json.cases) {
      expect(c).toHaveProperty('overdue');
      expect(typeof c.overdue).toBe('number');
      expect(c.nextDeadline === null || /^\d{4}-\d{2}-\d{2}$/.test(c.nextDeadline.due)).toBe(true);
    }
    const tasks = await bro(['tasks', vault, '--json']);
    const overdueCases = new Set(
      tasks.json.tasks
        .filter((t: { status: string }) => t.status === 'overdue')
        .map((t: { case: string }) => t.case),
    );
    expect(
      new Set(
        r.json.cases.filter((c: { overdue: number }) => c.overdue > 0).map((c: { id: string }) => c.id),
      ),
    ).toEqual(overdueCases);
    expect(overdueCases.size).toBeGreaterThan(3);

    // An earlier day: fewer things overdue, and the same agreement with `bro tasks --as-of`.
    const early = await bro(['cases', vault, '--as-of', '2025-06-01', '--json']);
    const earlyTasks = await bro(['tasks', vault, '--as-of', '2025-06-01', '--json']);
    for (const c of early.json.cases)
      expect(c.overdue).toBe(
        earlyTasks.json.tasks.filter(
          (t: { case: string; status: string }) => t.case === c.id && t.status === 'overdue',
        ).length,
      );
    expect((await bro(['cases', vault, '--as-of', '2026-02-30', '--json'])).code).toBe(3);
    const text = await bro(['cases', vault]);
    expect(text.out.split('\n')[0]).toMatch(/Neste frist$/);
  });
});

describe('bro tasks --owner', () => {
  it('gives each task its owner and keeps one caseworker’s tasks (by name, any case)', async () => {
    const all = await bro(['tasks', vault, '--json']);
    const owners = new Map<string | null, number>();
    for (const t of all.json.tasks) {
      expect(t).toHaveProperty('owner');
      owners.set(t.owner, (owners.get(t.owner) ?? 0) + 1);
    }
    const [name, n] = [...owners].filter(([o]) => o !== null).sort((a, b) => b[1] - a[1])[0]!;
    const mine = await bro(['tasks', vault, '--owner', name!.toUpperCase(), '--json']);
    expect(mine.code).toBe(0);
    expect(mine.json.tasks).toHaveLength(n);
    expect(new Set(mine.json.tasks.map((t: { owner: string }) => t.owner))).toEqual(new Set([name]));
    expect((await bro(['tasks', vault, '--owner', 'Ingen Slik Person', '--json'])).json.tasks).toEqual([]);
    const text = await bro(['tasks', vault, '--owner', name!]);
    expect(text.out).toContain(`for ${name}`);
    expect(text.out).toContain('Saksbehandler');
  });
});
