// Issue 15 item 5 through the contract on a real vault: a referral is not closed, rejected or
// forwarded without an issued avslutningsbrev (CLOSING_LETTER_REQUIRED).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { DEMO_LETTERHEAD } from '../../shared/demo/letterhead';
import type { CaseDoc } from '../../shared/domain/caseDoc';
import { BroError } from '../../shared/errors';
import { call, createHandlers } from '../../electron/services/handlers';
import { Session } from '../../electron/services/session';

const FAST = { N: 2 ** 12, r: 8, p: 1 };
const PASS = 'syntetisk passord';
const TODAY = '2026-11-20';
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'bro-closing-'));
  roots.push(d);
  return d;
}

async function errorOf(p: Promise<unknown>): Promise<BroError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BroError) return e;
    throw new Error(`not a BroError: ${String(e)}`);
  }
  throw new Error('expected an error');
}

/** A vault made as the quick start does: no name. */
async function quickStart(today = TODAY, deviceId?: string) {
  const dir = path.join(tempDir(), 'v');
  const session = new Session({ kdf: FAST, today, ...(deviceId ? { deviceId } : {}) });
  const h = createHandlers(session);
  const made = await call(h, 'vault.create', { dir, passphrase: PASS });
  return { dir, session, h, memberId: made.memberId, recoveryKey: made.recoveryKey };
}

describe('CLOSING_LETTER_REQUIRED', () => {
  it('refuses to close or reject a referral until an avslutningsbrev is issued', async () => {
    const { h } = await quickStart();
    await call(h, 'members.rename', { name: 'Kari Nordmann' });
    const { caseId } = await call(h, 'cases.create', {
      service: 'PPT',
      pupil: {
        name: 'Áile Nango',
        school: 'Hov skole',
        grade: 7,
        coordinator: { role: 'sosiallærer', name: 'Siri Lie' },
      },
    });
    await call(h, 'cases.update', {
      caseId,
      changes: [
        {
          op: 'set',
          entity: 'referrals',
          set: { id: 'r-1', referredBy: 'skole', reason: 'fravær', received: '2026-11-02' },
        },
        {
          op: 'set',
          entity: 'guardians',
          set: { name: 'Ánde Nango', relation: 'far', parentalResponsibility: true },
        },
        {
          op: 'set',
          entity: 'consents',
          set: {
            givenBy: 'Ánde Nango (far)',
            information: 'henvisning og fravær',
            recipient: 'Hov skole (rektor og kontaktlærer)',
            purpose: 'samarbeid om tiltak',
            date: '2026-11-02',
          },
        },
      ],
    });
    await call(h, 'assignments.change', {
      caseId,
      caseworker: 'Kari Nordmann',
      role: 'PP-rådgiver',
      from: '2026-11-03',
      reason: 'ny sak',
    });
    const got = await call(h, 'cases.get', { caseId });
    const key = got.keys.referrals![0]!;
    const close = (set: Record<string, unknown>) =>
      call(h, 'cases.update', { caseId, changes: [{ op: 'set', entity: 'referrals', key, set }] });

    for (const set of [
      { closed: '2026-11-18', outcome: 'partial' },
      { decision: 'rejected', decided: '2026-11-10' },
      { decision: 'forwarded', decided: '2026-11-10' },
    ]) {
      const refused = await errorOf(close(set));
      expect(refused.code).toBe('VALIDATION');
      expect(refused.issues.map((i) => i.code)).toContain('CLOSING_LETTER_REQUIRED');
    }
    // Nothing was written.
    expect(((await call(h, 'cases.get', { caseId })).doc as CaseDoc).referrals?.[0]?.closed).toBeUndefined();

    const base = { recipients: { rektor: 'Anne Dahl', kontaktlærer: 'Per Berg' } };
    const empty = await call(h, 'letters.preview', {
      caseId,
      kind: 'avslutningsbrev',
      lang: 'nb',
      options: base,
    });
    const errors = empty.findings.filter((f) => f.severity === 'error').map((f) => f.code);
    expect(errors).toEqual(['CLOSING_RESPONSIBILITY_MISSING', 'CLOSING_RECEIVER_MISSING']);
    expect(empty.canIssue).toBe(false);

    const options = {
      ...base,
      closing: {
        referral: 'r-1',
        receivingService: 'Hov skole',
        responsibility: 'Skolen har ansvaret for tiltakene videre; kontaktlæreren følger opp fraværet.',
      },
    };
    for (const lang of ['nb', 'nn'] as const) {
      const p = await call(h, 'letters.preview', { caseId, kind: 'avslutningsbrev', lang, options });
      expect(p.findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
    const issued = await call(h, 'letters.issue', { caseId, kind: 'avslutningsbrev', lang: 'nb', options });
    expect(issued.draft).toBe(false);
    await close({ closed: '2026-11-18', outcome: 'partial' });
    const after = await call(h, 'cases.get', { caseId });
    expect((after.doc as CaseDoc).referrals?.[0]?.closed).toBe('2026-11-18');
    expect((after.findings ?? []).map((f) => f.code)).not.toContain('CLOSING_LETTER_REQUIRED');
  });

  it('imported history closed without one opens and shows the finding at the referral; the demo issues its own', async () => {
    const { h } = await quickStart();
    const pupil = { name: 'Test Testesen', school: 'Hov skole', grade: 6 };
    await call(h, 'interchange.import', {
      file: {
        format: 'bro-interchange/1',
        cases: [
          {
            id: 'sak-gammel',
            service: 'BUP',
            pupil,
            referrals: [
              // The short-lived spelling of the outcome: read as `outcome`.
              { id: 'h-1', received: '2026-01-05', closed: '2026-05-01', closingOutcome: 'delvis' },
              { id: 'h-2', received: '2026-06-01', decided: '2026-06-10', decision: 'rejected' },
              { id: 'h-3', received: '2026-09-01' },
            ],
          },
        ],
      },
    });
    const { cases } = await call(h, 'cases.list', {});
    const got = await call(h, 'cases.get', { caseId: cases[0]!.caseId });
    expect((got.findings ?? []).filter((f) => f.code === 'CLOSING_LETTER_REQUIRED')).toEqual([
      { path: ['referrals', 0, 'closed'], code: 'CLOSING_LETTER_REQUIRED' },
      { path: ['referrals', 1, 'decision'], code: 'CLOSING_LETTER_REQUIRED' },
    ]);
    expect((got.doc as CaseDoc).referrals![0]!.outcome).toBe('partial');
    expect((got.doc as CaseDoc).referrals![0]).not.toHaveProperty('closingOutcome');

    // The demo: every ended referral has its avslutningsbrev, a real signed letter in the case.
    const demo = await quickStart();
    await call(demo.h, 'members.rename', { name: 'Kari Nordmann' }); // a member with a name signs
    await call(demo.h, 'demo.create', { cases: 12, seed: 'validity', today: TODAY });
    let letters = 0;
    let sample: { caseId: string; letterId: string } | null = null;
    for (const c of (await call(demo.h, 'cases.list', {})).cases) {
      const d = await call(demo.h, 'cases.get', { caseId: c.caseId });
      expect((d.findings ?? []).map((f) => f.code)).not.toContain('CLOSING_LETTER_REQUIRED');
      const closing = ((d.letters ?? []) as { kind: string; letterId: string }[]).filter(
        (l) => l.kind === 'avslutningsbrev',
      );
      letters += closing.length;
      if (closing[0]) sample ??= { caseId: c.caseId, letterId: closing[0].letterId };
    }
    expect(letters).toBeGreaterThan(0);
    // The demo fills an empty letterhead (settings), and its letters carry it.
    expect((await call(demo.h, 'settings.get', {})).letterhead).toEqual(DEMO_LETTERHEAD);
    const pdf = await call(demo.h, 'letters.pdf', sample!);
    const text = await pdfText(Buffer.from(pdf.pdf, 'base64'));
    expect(text).toContain('Postboks 1 Demo, 0000 Demoby');
    expect(text).toContain('postmottak@demo.invalid');
    // A letterhead already set is never replaced.
    const own = await quickStart();
    await call(own.h, 'settings.set', { letterhead: { address: 'Eigen vei 1, 0000 Et sted' } });
    await call(own.h, 'demo.create', { cases: 3, seed: 'validity', today: TODAY });
    expect((await call(own.h, 'settings.get', {})).letterhead.address).toBe('Eigen vei 1, 0000 Et sted');
  }, 120_000);
});

/** The text of a PDF as pdftotext reads it. */
async function pdfText(pdf: Buffer): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bro-closing-pdf-'));
  try {
    const file = path.join(dir, 'brev.pdf');
    writeFileSync(file, pdf);
    return (await promisify(execFile)('pdftotext', ['-layout', file, '-'])).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
