// Journal notes and the interchange as written, end to end: the contract (`call`, the path every
// door uses) and the real `bro` entry, on real vaults in temp folders.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BroError } from '../../shared/errors';
import { call, createHandlers } from '../../electron/services/handlers';
import { Session } from '../../electron/services/session';
import { completeCase } from '../../shared/letters/letters.fixture';
import { runCli, tempDirs } from './helpers/cli';

const FAST = { N: 2 ** 12, r: 8, p: 1 };
const PASS = 'synt-etisk passord 2026';
const TODAY = '2026-05-12';
const SECRET = 'HEMMELIG-7Q3 om familien';
const tempDir = tempDirs('bro-notes-');
const bro = (args: string[]) => runCli([...args, '--today', TODAY], { BRO_PASSPHRASE: PASS });

async function errorOf(p: Promise<unknown>): Promise<BroError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BroError) return e;
    throw new Error(`not a BroError: ${String(e)}`);
  }
  throw new Error('expected an error');
}

async function vaultWithCase() {
  const dir = path.join(tempDir(), 'v');
  const session = new Session({ kdf: FAST, today: TODAY });
  const h = createHandlers(session);
  await call(h, 'vault.create', { dir, passphrase: PASS, memberName: 'Kari Nordmann' });
  await call(h, 'interchange.import', {
    file: { format: 'bro-interchange/1', cases: [{ ...completeCase(), id: 'sak-notes' }] },
  });
  const { cases } = await call(h, 'cases.list', {});
  const caseId = cases[0]!.caseId;
  const r = await call(h, 'cases.update', {
    caseId,
    changes: [
      {
        op: 'set',
        entity: 'notes',
        set: { id: 'n-open', date: '2026-05-02', kind: 'telefon', text: 'Mor ringte om morgenrutiner.' },
      },
      {
        op: 'set',
        entity: 'notes',
        set: { id: 'n-secret', date: '2026-05-03', kind: 'samtale', text: SECRET, confidential: true },
      },
    ],
  });
  return { dir, h, caseId, secretKey: r.keys[1]!, openKey: r.keys[0]! };
}

describe('journal notes through the contract', () => {
  it('keeps a confidential note out of letters and exports until it is released with a reason', async () => {
    const { h, caseId, secretKey } = await vaultWithCase();
    const exported = JSON.stringify(await call(h, 'interchange.export', {}));
    expect(exported).toContain('Mor ringte');
    expect(exported).toContain('"author":"Kari Nordmann"');
    expect(exported).not.toContain(SECRET);

    // A letter may quote the open note; the confidential one is refused, nothing of it shown.
    const ok = await call(h, 'letters.preview', {
      caseId,
      kind: 'anbefaling',
      options: { notes: ['n-open'] },
    });
    expect(JSON.stringify(ok.letter)).toContain('Mor ringte');
    expect(JSON.stringify(ok.letter)).not.toContain(SECRET);
    const refused = await errorOf(
      call(h, 'letters.preview', { caseId, kind: 'anbefaling', options: { notes: ['n-secret'] } }),
    );
    expect(refused.code).toBe('LETTER_DATA_MISSING');
    expect(refused.issues[0]?.code).toBe('NOTE_CONFIDENTIAL');
    expect(JSON.stringify(refused.toJSON())).not.toContain(SECRET);

    // Not by clearing the flag, nor by writing `released` through cases.update.
    for (const set of [{ confidential: false }, { released: { date: TODAY, reason: 'x' } }]) {
      const e = await errorOf(
        call(h, 'cases.update', {
          caseId,
          changes: [{ op: 'set', entity: 'notes', key: secretKey, set, reason: 'x' }],
        }),
      );
      expect(e.issues.map((i) => i.code)).toContain('NOTE_RELEASE_REQUIRED');
    }
    // A release needs a reason.
    expect((await errorOf(call(h, 'notes.release', { caseId, key: secretKey, reason: ' ' }))).code).toBe(
      'VALIDATION',
    );

    await call(h, 'notes.release', { caseId, key: secretKey, reason: 'Foresatte samtykket' });
    const got = await call(h, 'cases.get', { caseId });
    const history = got.history as { type: string; reason?: string | null; changes: { field: string }[] }[];
    expect(history.at(-1)).toMatchObject({ type: 'notes.recorded', reason: 'Foresatte samtykket' });
    expect(history.at(-1)!.changes.map((c) => c.field)).toEqual(['released']);
    expect(JSON.stringify(await call(h, 'interchange.export', {}))).toContain(SECRET);
    const quoted = await call(h, 'letters.preview', {
      caseId,
      kind: 'anbefaling',
      options: { notes: ['n-secret'] },
    });
    expect(JSON.stringify(quoted.letter)).toContain(SECRET);
    // Released once is released: a second release is refused.
    expect(
      (await errorOf(call(h, 'notes.release', { caseId, key: secretKey, reason: 'igjen' }))).issues[0]?.code,
    ).toBe('NOTE_NOT_CONFIDENTIAL');
  });

  it('keeps the old text of a corrected note in the history; a correction needs a reason', async () => {
    const { h, caseId, openKey } = await vaultWithCase();
    const e = await errorOf(
      call(h, 'cases.update', {
        caseId,
        changes: [{ op: 'set', entity: 'notes', key: openKey, set: { text: 'Far ringte.' } }],
      }),
    );
    expect(e.issues[0]?.code).toBe('CORRECTION_REASON_REQUIRED');
    await call(h, 'cases.update', {
      caseId,
      changes: [
        { op: 'set', entity: 'notes', key: openKey, set: { text: 'Far ringte.' }, reason: 'Feil forelder' },
      ],
    });
    const got = await call(h, 'cases.get', { caseId });
    const last = (got.history as { changes: { field: string; from: unknown; to: unknown }[] }[]).at(-1)!;
    expect(last.changes).toEqual([
      { field: 'text', from: 'Mor ringte om morgenrutiner.', to: 'Far ringte.' },
    ]);
  });
});

describe('bro import / export: notes and the interchange as written', () => {
  it('imports a minimal file (a referral with only id and received), and reports, tasks and letters cope', async () => {
    const dir = path.join(tempDir(), 'v');
    expect((await bro(['vault', 'init', dir])).code).toBe(0);
    const file = path.join(tempDir(), 'minimal.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'bro-interchange/1',
        cases: [
          {
            id: 'min-1',
            service: 'PPT',
            pupil: { name: 'Syntetisk Elev', school: 'Hov skole', grade: 7 },
            referrals: [{ id: 'r-1', received: '2026-01-07', reason: null }],
            notes: [
              { id: 'n-1', date: '2026-02-01', kind: 'observasjon', text: 'Observasjon i friminuttet.' },
            ],
          },
        ],
      }),
    );
    const imported = await bro(['import', dir, file, '--json']);
    expect(imported.code).toBe(0);
    expect(imported.json).toMatchObject({ created: 1 });
    expect((await bro(['import', dir, file, '--json'])).json).toMatchObject({ unchanged: 1, events: 0 });

    const tasks = await bro(['tasks', dir, '--json']);
    expect(tasks.code).toBe(0);
    const report = await bro(['report', 'waiting', dir, '--from', '2026-01-01', '--to', TODAY, '--json']);
    expect(report.code).toBe(0);
    expect(JSON.stringify(report.json)).not.toContain('undefined');
    const cases = await bro(['cases', dir, '--json']);
    expect(cases.code).toBe(0);

    const out = path.join(tempDir(), 'out.json');
    expect((await bro(['export', dir, out])).code).toBe(0);
    const back = JSON.parse(readFileSync(out, 'utf8')) as {
      cases: { referrals: unknown[]; notes: unknown[] }[];
    };
    expect(back.cases[0]!.referrals).toEqual([{ id: 'r-1', received: '2026-01-07' }]);
    expect(back.cases[0]!.notes).toEqual([
      { id: 'n-1', date: '2026-02-01', kind: 'observasjon', text: 'Observasjon i friminuttet.' },
    ]);
  });

  it('imports a pupil with only a name and an assignment without a role; a letter leaves the gaps out', async () => {
    const dir = path.join(tempDir(), 'v');
    expect((await bro(['vault', 'init', dir])).code).toBe(0);
    const file = path.join(tempDir(), 'bare.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'bro-interchange/1',
        cases: [
          {
            id: 'bare-1',
            service: 'PPT',
            pupil: { name: 'Syntetisk Elev', school: null },
            referrals: [{ id: 'r-1', received: '2026-04-20' }],
            assignments: [{ caseworker: 'Syntetisk Saksbehandler', from: '2026-04-21' }],
          },
        ],
      }),
    );
    const imported = await bro(['import', dir, file, '--json']);
    expect(imported.code).toBe(0);
    const cases = await bro(['cases', dir, '--json']);
    expect(cases.code).toBe(0);
    const caseId = cases.json.cases[0].caseId as string;
    expect((await bro(['tasks', dir, '--json'])).code).toBe(0);

    const pdf = path.join(tempDir(), 'utkast.pdf');
    const letter = await bro([
      'letter',
      dir,
      '--case',
      caseId,
      '--kind',
      'mottaksbrev',
      '--out',
      pdf,
      '--draft',
      '--json',
    ]);
    expect(letter.code).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Syntetisk Elev');
    expect(text).toContain('Syntetisk Saksbehandler');
    for (const junk of ['undefined', 'null', 'NaN', '. trinn', '()']) expect(text).not.toContain(junk);

    const out = path.join(tempDir(), 'out.json');
    expect((await bro(['export', dir, out])).code).toBe(0);
    const back = JSON.parse(readFileSync(out, 'utf8')) as { cases: { pupil: object }[] };
    expect(back.cases[0]!.pupil).toEqual({ name: 'Syntetisk Elev' });
  });

  it('round-trips notes into a second vault, leaving out the confidential one not released', async () => {
    const { dir } = await vaultWithCase();
    const out = path.join(tempDir(), 'handover.json');
    expect((await bro(['export', dir, out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toContain(SECRET);
    const second = path.join(tempDir(), 'v2');
    expect((await bro(['vault', 'init', second])).code).toBe(0);
    expect((await bro(['import', second, out])).code).toBe(0);
    const again = path.join(tempDir(), 'again.json');
    expect((await bro(['export', second, again])).code).toBe(0);
    const notesOf = (f: string) =>
      (JSON.parse(readFileSync(f, 'utf8')) as { cases: { notes: unknown[] }[] }).cases[0]!.notes;
    expect(notesOf(again)).toEqual(notesOf(out));
    expect(notesOf(out)).toEqual([
      {
        id: 'n-open',
        date: '2026-05-02',
        kind: 'telefon',
        text: 'Mor ringte om morgenrutiner.',
        author: 'Kari Nordmann',
      },
    ]);
  });

  it('refuses a note of an unknown kind, with its path, and writes nothing', async () => {
    const dir = path.join(tempDir(), 'v');
    expect((await bro(['vault', 'init', dir])).code).toBe(0);
    const file = path.join(tempDir(), 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'bro-interchange/1',
        cases: [
          {
            id: 'bad-1',
            service: 'PPT',
            pupil: { name: 'Syntetisk Elev', school: 'Hov skole', grade: 7 },
            notes: [{ id: 'n-1', date: '2026-02-01', kind: 'sms', text: 'x' }],
          },
        ],
      }),
    );
    const r = await bro(['import', dir, file, '--json']);
    expect(r.code).not.toBe(0);
    expect(r.err + r.out).toContain('cases[0].notes[0].kind');
    expect((await bro(['cases', dir, '--json'])).json.cases).toEqual([]);
  });
});
