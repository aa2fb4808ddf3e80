// Issue 15 item 4: the demo has meetings the service called, through the contract on a real demo
// vault: an issued innkalling, attendance recorded against it (a school leader who did not come),
// one minutes task due and one done; the vault still opens with no findings, and running it again
// adds no second innkalling.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call, createHandlers } from '../../electron/services/handlers';
import { addDemoMeetings } from '../../electron/services/letters/demo-meetings';
import { Session } from '../../electron/services/session';
import type { CaseDoc } from '../../shared/domain/caseDoc';
import { attendanceSummary } from '../../shared/meetings/attendance';

const FAST = { N: 2 ** 12, r: 8, p: 1 };
const TODAY = '2026-12-05';
const root = mkdtempSync(path.join(tmpdir(), 'bro-demo-meetings-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the demo calls meetings (issue 15 item 4)', () => {
  it('has an innkalling with attendance, a minutes task due and one done, and adds none on a rerun', async () => {
    const session = new Session({ kdf: FAST, today: TODAY });
    const h = createHandlers(session);
    await call(h, 'vault.create', {
      dir: path.join(root, 'v'),
      passphrase: 'syntetisk passord',
      memberName: 'Kari Saksbehandler',
    });
    await call(h, 'demo.create', { cases: 20, seed: 'bro-demo', today: TODAY });

    const called = async () => {
      const out = [];
      for (const c of (await call(h, 'cases.list', {})).cases) {
        const got = await call(h, 'cases.get', { caseId: c.caseId });
        expect(got.findings, c.caseId).toEqual([]);
        const doc = got.doc as CaseDoc;
        const letters = (got.letters ?? []) as { letterId: string; kind: string }[];
        for (const m of doc.meetings ?? []) {
          if (!m.invitation) continue;
          const letter = letters.find((l) => l.letterId === m.invitation);
          out.push({ caseId: c.caseId, m, kind: letter?.kind });
        }
      }
      return out;
    };
    const meetings = await called();
    expect(meetings).toHaveLength(2);
    expect(meetings.map((x) => x.kind)).toEqual(['innkalling', 'innkalling']);
    const [pending, done] = [...meetings].sort((a, b) => b.m.date.localeCompare(a.m.date));
    // The recent one: the rektor did not come, the minutes are owed.
    expect(pending!.m.minutesSent ?? null).toBeNull();
    expect(attendanceSummary(pending!.m.attendance ?? []).leaderPresent).toBe(false);
    expect(done!.m.minutesSent).toBeTruthy();
    expect(attendanceSummary(done!.m.attendance ?? []).leaderPresent).toBe(true);

    const { tasks } = await call(h, 'tasks.list', { asOf: TODAY });
    const minutes = tasks.filter((t) => t.kind === 'minutes');
    expect(minutes.map((t) => t.caseId)).toEqual([pending!.caseId]);

    // Run again (as `bro demo` on the same folder does): no second innkalling.
    const ctx = { today: TODAY, now: new Date(), appLetterhead: null };
    expect(await addDemoMeetings(session.requireVault(), ctx)).toBe(0);
    expect(await called()).toHaveLength(2);
  }, 240_000);
});
