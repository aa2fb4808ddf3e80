// The waiting-time operations through `call` (the path every door uses), on a real vault with
// the hand-computed March 2026 cases imported.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createHandlers, type Handlers } from '../../electron/services/handlers';
import { Session } from '../../electron/services/session';
import { BroError } from '../../shared/errors';
import { fromAppTargets } from '../../shared/waiting/settings';
import { marchCases } from './helpers/march-cases';

let root: string;
let session: Session;
let h: Handlers;
const ids: Record<string, string> = {};

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'bro-waiting-handlers-'));
  session = new Session({ kdf: { N: 2 ** 12, r: 8, p: 1 }, today: '2026-11-20' });
  h = createHandlers(session);
  await call(h, 'vault.create', { dir: path.join(root, 'v'), passphrase: 'syntetisk passord' });
  await call(h, 'interchange.import', { file: marchCases() });
  for (const c of (await call(h, 'cases.list', {})).cases) ids[c.externalId] = c.caseId;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function errorOf(p: Promise<unknown>): Promise<BroError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BroError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('referrals.measures', () => {
  it('measures each referral of a case in both units as of a date', async () => {
    const r = await call(h, 'referrals.measures', { caseId: ids['c-3']!, asOf: '2026-03-25' });
    expect(r.asOf).toBe('2026-03-25');
    expect(r.referrals).toEqual([
      expect.objectContaining({
        referral: 'r-1',
        service: 'BUP',
        ventetid: {
          status: 'completed',
          calendarDays: 21,
          workingDays: 15,
          targetDate: '2026-03-20',
          withinTarget: false,
        },
        decision: expect.objectContaining({ calendarDays: 11, workingDays: 9, withinTarget: true }),
        saksbehandlingstid: expect.objectContaining({ status: 'waiting', calendarDays: 23, workingDays: 17 }),
        fristbrudd: true,
      }),
    ]);
  });

  it('measures an open referral to today by default', async () => {
    const r = await call(h, 'referrals.measures', { caseId: ids['c-2']! });
    // Received 16 February 2026, nothing since: 277 days to 20 November.
    expect(r.referrals[0]!.ventetid).toMatchObject({ status: 'waiting', calendarDays: 277 });
  });

  it('names a case that does not exist', async () => {
    expect((await errorOf(call(h, 'referrals.measures', { caseId: 'a'.repeat(26) }))).code).toBe('NOT_FOUND');
  });
});

describe('targets come from the app settings, then the operation', () => {
  const march = { from: '2026-03-01', to: '2026-03-31' };
  it('uses the settings screen’s PPT target', async () => {
    const before = await call(h, 'reports.waiting', march);
    expect(before.report.groups[0]!.saksbehandlingstid.completed.withinTarget).toBe(1); // 85 days ≤ 3 months
    await call(h, 'settings.set', { targets: { ...session.settings.get().targets, pptConcludedMonths: 2 } });
    try {
      const after = await call(h, 'reports.waiting', march);
      expect(after.report.groups[0]!.saksbehandlingstid.completed.withinTarget).toBe(0);
      // …and the operation's own settings win over the screen's.
      const own = await call(h, 'reports.waiting', {
        ...march,
        settings: { targets: { PPT: { concluded: { unit: 'months', n: 4 } } } },
      });
      expect(own.report.groups[0]!.saksbehandlingstid.completed.withinTarget).toBe(1);
    } finally {
      await call(h, 'settings.set', {
        targets: { ...session.settings.get().targets, pptConcludedMonths: 3 },
      });
    }
  });

  it('counts Saturdays when the setting says so', async () => {
    expect(await call(h, 'calendar.days', { from: '2026-03-27', to: '2026-04-15' })).toEqual({
      calendarDays: 19,
      workingDays: 10,
    });
    expect(await call(h, 'calendar.days', { from: '2026-03-27', to: '2026-04-15', saturday: true })).toEqual({
      calendarDays: 19,
      workingDays: 13,
    });
  });

  it('takes the overgangsbrev reminder from the settings screen, and refuses one out of range', async () => {
    const targets = session.settings.get().targets;
    expect(targets.transitionReminderMonths).toBe(5);
    const bad = await errorOf(
      call(h, 'settings.set', { targets: { ...targets, transitionReminderMonths: 0 } }),
    );
    expect(bad.code).toBe('VALIDATION');
    expect(bad.issues[0]!.path).toEqual(['targets', 'transitionReminderMonths']);
    expect(session.settings.get().targets.transitionReminderMonths).toBe(5);
    await call(h, 'settings.set', { targets: { ...targets, transitionReminderMonths: 3 } });
    try {
      expect(fromAppTargets(session.settings.get().targets).tasks.transitionReminderMonths).toBe(3);
    } finally {
      await call(h, 'settings.set', { targets });
    }
  });

  it('refuses settings that are not settings', async () => {
    const e = await errorOf(call(h, 'tasks.list', { settings: { tasks: { horizonDays: -1 } } }));
    expect(e.code).toBe('VALIDATION');
    expect(e.issues[0]!.path).toEqual(['settings', 'tasks', 'horizonDays']);
  });
});

describe('reports.waiting files', () => {
  it('returns the rendered file with its media type, the report beside it', async () => {
    const r = await call(h, 'reports.waiting', { from: '2026-03-01', to: '2026-03-31', format: 'csv' });
    expect(r.file).toMatchObject({ format: 'csv', mediaType: 'text/csv; charset=utf-8' });
    expect(Buffer.from(r.file!.base64, 'base64').toString('utf8').startsWith('\uFEFFGruppe;')).toBe(true);
    expect(r.report.groups[0]!.key).toBe('all');
    const json = await call(h, 'reports.waiting', { from: '2026-03-01', to: '2026-03-31' });
    expect(json.file).toBeNull();
  });
});
