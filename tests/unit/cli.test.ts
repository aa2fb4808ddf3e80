import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDirs } from './helpers/cli';
import { containerIds } from '../../electron/services/vault/containers';
import { COLLECTIONS } from '../../shared/domain/caseDoc';
import { dropNulls } from '../../shared/json';

const ROOT = path.join(import.meta.dirname, '..', '..');
const PASS = 'synt-etisk passord 2026';
const example = JSON.parse(
  readFileSync(path.join(ROOT, 'tests', 'fixtures', 'interchange-example.json'), 'utf8'),
);
const tempDir = tempDirs('bro-cli-test-');
const bro = (args: string[], env: Record<string, string> = { BRO_PASSPHRASE: PASS }) => runCli(args, env);

/**
 * Every file with a hash of its content. The audit log is left out where a command legitimately
 * records the access (an unlock is logged even when the import that follows is rejected).
 */
function snapshot(dir: string, opts: { withAudit?: boolean } = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    if (!opts.withAudit && f.startsWith('audit')) continue;
    const p = path.join(dir, f);
    if (statSync(p).isFile()) out[f] = createHash('sha256').update(readFileSync(p)).digest('hex');
  }
  return out;
}

function writeJson(obj: unknown): string {
  const f = path.join(tempDir(), 'input.json');
  writeFileSync(f, JSON.stringify(obj));
  return f;
}

/** A pack or log of a pupil's case (never the registers, which live beside the cases in `cases/`). */
function firstFile(dir: string, caseId?: string): string {
  const { vaultId } = JSON.parse(readFileSync(path.join(dir, 'bro-vault.json'), 'utf8')) as {
    vaultId: string;
  };
  const containers = containerIds(vaultId);
  const c = caseId ?? readdirSync(path.join(dir, 'cases')).find((id) => !containers.has(id))!;
  for (const sub of ['packs', 'logs']) {
    const d = path.join(dir, 'cases', c, sub);
    const names = readdirSync(d);
    if (names.length) return path.join(d, names[0]!);
  }
  throw new Error('no pack or log');
}

describe('bro vault init / import / export / cases', () => {
  let vault: string;
  beforeAll(async () => {
    vault = path.join(tempDir(), 'arkiv');
    const r = await bro(['vault', 'init', vault, '--json']);
    expect(r.code).toBe(0);
    expect(r.json.recoveryKey).toMatch(/^([A-Z2-7]{4}-){13}[A-Z2-7]{4}$/);
  });

  it('refuses a second init in the same folder', async () => {
    const r = await bro(['vault', 'init', vault, '--json']);
    expect(r.code).toBe(3);
    expect(r.json.error.code).toBe('VAULT_EXISTS');
  });

  it('imports the INTERCHANGE.md example, is idempotent, and export round-trips it', async () => {
    const file = writeJson(example);
    const first = await bro(['import', vault, file, '--json']);
    expect(first.code).toBe(0);
    expect(first.json).toMatchObject({ cases: 1, created: 1, updated: 0, unchanged: 0 });
    expect(first.json.events).toBeGreaterThan(5);

    const second = await bro(['import', vault, file, '--json']);
    expect(second.json).toMatchObject({ cases: 1, created: 0, updated: 0, unchanged: 1, events: 0 });

    const out = path.join(tempDir(), 'ut.json');
    const exp = await bro(['export', vault, out, '--json']);
    expect(exp.code).toBe(0);
    const exported = JSON.parse(readFileSync(out, 'utf8'));
    const expected = structuredClone(example);
    // The string handover note is stored in its structured form.
    expected.cases[0].assignments[0].handoverNote = { status: example.cases[0].assignments[0].handoverNote };
    for (const c of COLLECTIONS) expected.cases[0][c] ??= []; // export lists every collection, empty or not
    expect(dropNulls(exported)).toEqual(dropNulls(expected));
    expect(statSync(out).mode & 0o077).toBe(0);

    // export ∘ import: the exported file imports as "unchanged".
    const again = await bro(['import', vault, out, '--json']);
    expect(again.json).toMatchObject({ unchanged: 1, events: 0 });
  });

  it('records a changed case as new events, keeping its history', async () => {
    const changed = structuredClone(example);
    changed.cases[0].referrals[0].closed = '2026-06-30';
    changed.cases[0].referrals[0].outcome = 'partial';
    const r = await bro(['import', vault, writeJson(changed), '--json']);
    expect(r.json).toMatchObject({ updated: 1, events: 1 });
    const list = await bro(['cases', vault, '--json', '--today', '2026-07-01']);
    expect(list.json.cases[0]).toMatchObject({ id: 'c-0001', status: 'closed', openReferral: null });
  });

  it('exports one case by its id', async () => {
    const out = path.join(tempDir(), 'en.json');
    expect((await bro(['export', vault, out, '--case', 'c-0001'])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).cases.map((c: { id: string }) => c.id)).toEqual(['c-0001']);
    const missing = await bro(['export', vault, out, '--case', 'finnes-ikke', '--json']);
    expect(missing.code).toBe(6);
  });

  it('lists cases with the fields the case list needs', async () => {
    const open = structuredClone(example);
    open.cases[0].id = 'c-0002';
    const r = await bro(['import', vault, writeJson(open)]);
    expect(r.code).toBe(0);
    const list = await bro(['cases', vault, '--json', '--today', '2026-05-01']);
    expect(list.code).toBe(0);
    const row = list.json.cases.find((c: { id: string }) => c.id === 'c-0002');
    expect(row).toMatchObject({
      pupil: 'Áile Nango',
      school: 'Hov skole',
      service: 'PPT',
      caseworker: 'Ola Hansen',
      status: 'open',
      openReferral: { id: 'r-1', received: '2026-01-07', daysSinceReceived: 114 },
    });
    expect(row.caseId).toMatch(/^[a-z2-7]{26}$/);
  });

  it('rejects an invalid import with every problem by path and writes nothing', async () => {
    const bad = structuredClone(example);
    const second = structuredClone(example.cases[0]);
    second.id = 'c-0003';
    second.referrals[0].received = '2026-01-01'; // before sent (2026-01-05)
    second.referrals[0].firstContact = '2025-12-01';
    second.pupil.favouriteColour = 'blå';
    bad.cases.push(second);
    bad.cases[0].pupil.grade = 14;
    const before = snapshot(vault);
    const r = await bro(['import', vault, writeJson(bad), '--json']);
    expect(r.code).toBe(3);
    expect(r.json.error.code).toBe('VALIDATION');
    const paths = r.json.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['cases[0].pupil.grade', 'cases[1].pupil']));
    expect(snapshot(vault)).toEqual(before);

    const rules = structuredClone(example);
    rules.cases[0].id = 'c-0004';
    rules.cases[0].referrals[0].received = '2026-01-01';
    rules.cases[0].referrals[0].firstContact = '2025-12-01';
    const r2 = await bro(['import', vault, writeJson(rules), '--json']);
    expect(r2.code).toBe(3);
    expect(r2.json.error.issues).toEqual(
      expect.arrayContaining([
        { path: 'cases[0].referrals[0].received', code: 'RECEIVED_BEFORE_SENT' },
        { path: 'cases[0].referrals[0].firstContact', code: 'BEFORE_RECEIVED' },
      ]),
    );
    expect(snapshot(vault)).toEqual(before);

    const human = await bro(['import', vault, writeJson(rules)]);
    expect(human.err).toContain('cases[0].referrals[0].received: mottatt kan ikke være før sendt');
    expect(human.err).not.toContain('Áile');
  });

  it('rejects files that are not JSON or not the format', async () => {
    const f = path.join(tempDir(), 'x.json');
    writeFileSync(f, '{"format": "bro-interchange/1", "cases": [');
    expect((await bro(['import', vault, f, '--json'])).json.error.code).toBe('VALIDATION');
    const r = await bro(['import', vault, writeJson({ format: 'annet/2', cases: [] }), '--json']);
    expect(r.json.error.issues[0].path).toBe('format');
  });

  it('wrong passphrase: exit 5, nothing changed (not even the audit log)', async () => {
    const before = snapshot(vault, { withAudit: true });
    const r = await bro(['cases', vault, '--json'], { BRO_PASSPHRASE: 'feil feil feil' });
    expect(r.code).toBe(5);
    expect(r.json.error.code).toBe('WRONG_PASSPHRASE');
    expect(snapshot(vault, { withAudit: true })).toEqual(before);
  });

  it('opens with the recovery key', async () => {
    const d = path.join(tempDir(), 'r');
    const init = await bro(['vault', 'init', d, '--json']);
    const r = await bro(['cases', d, '--json', '--recovery'], { BRO_RECOVERY_KEY: init.json.recoveryKey });
    expect(r.code).toBe(0);
    expect(r.json.cases).toEqual([]);
  });

  it('leaves no personal data anywhere in the vault folder, and no temp files', () => {
    const needles = ['Áile', 'Nango', 'Hov skole', '2013-04-02', 'Siri Lie', 'Kari Nordmann', 'c-0001'];
    for (const f of readdirSync(vault, { recursive: true }) as string[]) {
      const p = path.join(vault, f);
      for (const n of needles) expect(f).not.toContain(n);
      expect(path.basename(f).startsWith('.tmp-')).toBe(false);
      if (statSync(p).isFile()) {
        const content = readFileSync(p);
        for (const n of needles) expect(content.includes(Buffer.from(n))).toBe(false);
      }
    }
  });
});

describe('damage, formats and usage', () => {
  it('a tampered case is TAMPERED in cases and vault check; the others still work', async () => {
    const d = path.join(tempDir(), 'v');
    expect((await bro(['demo', d, '--cases', '6', '--seed', '7', '--today', '2026-11-01'])).code).toBe(0);
    // A listed case: the demo's voided duplicate is on disk too, but not in the list.
    const listed = (await bro(['cases', d, '--json'])).json.cases as { caseId: string }[];
    const f = firstFile(d, listed[0]!.caseId);
    const buf = readFileSync(f);
    buf[200]! ^= 0x20;
    writeFileSync(f, buf);
    const caseId = path.basename(path.dirname(path.dirname(f)));

    const list = await bro(['cases', d, '--json']);
    expect(list.code).toBe(4);
    const damaged = list.json.cases.filter((c: { status: string }) => c.status === 'TAMPERED');
    expect(damaged.map((c: { caseId: string }) => c.caseId)).toEqual([caseId]);
    expect(list.json.cases).toHaveLength(6);

    const check = await bro(['vault', 'check', d, '--json']);
    expect(check.code).toBe(4);
    expect(check.json.ok).toBe(false);
    expect(check.json.damaged).toEqual([
      expect.objectContaining({
        caseId,
        code: 'TAMPERED',
        file: `cases/${caseId}/${path.basename(path.dirname(f))}/${path.basename(f)}`,
      }),
    ]);

    const human = await bro(['vault', 'check', d]);
    expect(human.out).toContain(`sak ${caseId}`);

    const out = path.join(tempDir(), 'e.json');
    const exp = await bro(['export', d, out, '--json']);
    expect(exp.code).toBe(4);
    expect(JSON.parse(readFileSync(out, 'utf8')).cases).toHaveLength(5);
  });

  it('vault check reports sync junk and passes', async () => {
    const d = path.join(tempDir(), 'v');
    await bro(['demo', d, '--cases', '2', '--seed', '1']);
    writeFileSync(path.join(d, 'desktop.ini'), '[.ShellClassInfo]');
    const r = await bro(['vault', 'check', d, '--json']);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ ok: true, damaged: [], junk: ['desktop.ini'] });
  });

  it('refuses a vault from a newer format version', async () => {
    const d = path.join(tempDir(), 'v');
    await bro(['vault', 'init', d]);
    const hf = path.join(d, 'bro-vault.json');
    writeFileSync(hf, JSON.stringify({ ...JSON.parse(readFileSync(hf, 'utf8')), version: 99 }));
    const r = await bro(['cases', d, '--json']);
    expect(r.code).toBe(7);
    expect(r.json.error.code).toBe('VAULT_NEWER_FORMAT');
    expect((await bro(['cases', d])).err).toContain('nyere versjon av Bro');
  });

  it('demo data is deterministic for a seed', async () => {
    const exportOf = async (seed: string) => {
      const d = path.join(tempDir(), 'v');
      await bro(['demo', d, '--cases', '5', '--seed', seed, '--today', '2026-11-26']);
      const out = path.join(tempDir(), 'e.json');
      await bro(['export', d, out]);
      return readFileSync(out, 'utf8');
    };
    const a = await exportOf('42');
    expect(await exportOf('42')).toBe(a);
    expect(await exportOf('43')).not.toBe(a);
  });

  it('usage errors exit 2, with Norwegian help', async () => {
    expect((await bro(['import'])).code).toBe(2);
    expect((await bro(['frobnicate'])).code).toBe(2);
    expect((await bro(['cases', '/tmp', '--ukjent'])).code).toBe(2);
    const help = await bro(['help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Avslutningskoder');
    const nf = await bro(['cases', path.join(tempDir(), 'ingen'), '--json']);
    expect(nf.code).toBe(6);
    expect(nf.json.error.code).toBe('VAULT_NOT_FOUND');
  });

  it('runs as a real process through `npm run -s bro`', async () => {
    const run = promisify(execFile);
    const d = path.join(tempDir(), 'v');
    const env = { ...process.env, BRO_PASSPHRASE: PASS };
    await run('npm', ['run', '-s', 'bro', '--', 'demo', d, '--cases', '3', '--seed', 's'], {
      cwd: ROOT,
      env,
    });
    const { stdout } = await run('npm', ['run', '-s', 'bro', '--', 'cases', d, '--json'], { cwd: ROOT, env });
    expect(JSON.parse(stdout).cases).toHaveLength(3);
    const failed = await run(process.execPath, [path.join(ROOT, 'bin', 'bro.mjs'), 'cases', d, '--json'], {
      cwd: ROOT,
      env: { ...process.env, BRO_PASSPHRASE: 'galt galt galt' },
    }).catch((e) => e);
    expect(failed.code).toBe(5);
  });
});

describe('hostile text and dates', () => {
  it('refuses control characters in imported text and an invalid --today', async () => {
    const d = path.join(tempDir(), 'v');
    await bro(['vault', 'init', d]);
    const bad = structuredClone(example);
    bad.cases[0].pupil.name = 'Ola\u001b]0;pwned\u0007 Hansen';
    const r = await bro(['import', d, writeJson(bad), '--json']);
    expect(r.code).toBe(3);
    expect(r.json.error.issues).toEqual([{ path: 'cases[0].pupil.name', code: 'CONTROL_CHARS' }]);
    const t = await bro(['cases', d, '--today', '2026-02-30', '--json']);
    expect(t.code).toBe(2);
  });
});
