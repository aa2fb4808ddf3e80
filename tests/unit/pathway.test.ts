// Early signs, the risk checklist and transition events (issue 15 items 2 and 3) through the
// contract (`call`, the path every door uses) on real vaults in a temp folder: recorded by
// cases.update, imported and exported by bro-interchange/1, and refused with the field named.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaseDoc } from '../../shared/domain/caseDoc';
import { BroError } from '../../shared/errors';
import { call, createHandlers } from '../../electron/services/handlers';
import { Session } from '../../electron/services/session';
import { earliestSignal } from '../../shared/pathway/signals';

const FAST = { N: 2 ** 12, r: 8, p: 1 };
const PASS = 'syntetisk passord';
const TODAY = '2026-11-20';
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

async function fresh() {
  const root = mkdtempSync(path.join(tmpdir(), 'bro-pathway-'));
  roots.push(root);
  const dir = path.join(root, 'v');
  const h = createHandlers(new Session({ kdf: FAST, today: TODAY }));
  await call(h, 'vault.create', { dir, passphrase: PASS, memberName: 'Ola Hansen' });
  return { dir, h };
}

async function errorOf(p: Promise<unknown>): Promise<BroError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BroError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

const SIGNS = {
  firstSignsDate: '2025-09-01',
  noticedBy: 'mor',
  signs: { vondtIMagen: true, graatVedLevering: true },
  firstAbsence: '2025-10-06',
  schoolFirstConcern: '2026-01-12',
};

describe('early signs, risks and transitions', () => {
  it('are recorded by cases.update and survive export and import', async () => {
    const { h } = await fresh();
    const { caseId } = await call(h, 'cases.create', {
      service: 'PPT',
      pupil: { name: 'Áile Nango', school: 'Hov skole', grade: 7, birthDate: '2013-04-02' },
    });
    await call(h, 'cases.update', {
      caseId,
      changes: [
        {
          op: 'set',
          entity: 'referrals',
          set: { id: 'r1', received: '2026-03-02', sent: '2026-02-26', signal: '2026-01-20' },
        },
        {
          op: 'set',
          entity: 'case',
          set: {
            earlySigns: SIGNS,
            riskFactors: { family: { samlivsbrudd: true }, note: 'Flyttet i fjor.' },
          },
        },
        {
          op: 'set',
          entity: 'transitionEvents',
          set: { date: '2027-08-16', kind: 'skolebytte', receivingSchool: 'Nordby ungdomsskole' },
        },
      ],
    });
    const doc = (await call(h, 'cases.get', { caseId })).doc as CaseDoc;
    expect(doc.earlySigns).toEqual(SIGNS);
    expect(doc.transitionEvents).toEqual([
      { date: '2027-08-16', kind: 'skolebytte', receivingSchool: 'Nordby ungdomsskole' },
    ]);
    expect(earliestSignal(doc, doc.referrals![0])).toEqual({ date: '2025-09-01', source: 'firstSigns' });

    const { file } = await call(h, 'interchange.export', {});
    const exported = (file as { cases: CaseDoc[] }).cases[0]!;
    expect(exported.earlySigns).toEqual(SIGNS);
    expect(exported.riskFactors).toEqual({ family: { samlivsbrudd: true }, note: 'Flyttet i fjor.' });
    const other = await fresh();
    await call(other.h, 'interchange.import', { file: file as never });
    const listed = await call(other.h, 'cases.list', {});
    const again = (await call(other.h, 'cases.get', { caseId: listed.cases[0]!.caseId })).doc as CaseDoc;
    expect(again.earlySigns).toEqual(SIGNS);
    expect(again.transitionEvents).toEqual(doc.transitionEvents);
  });

  it('refuses a bad sign, risk or event and a first sign in the future, with the field named, writing nothing', async () => {
    const { h } = await fresh();
    const { caseId } = await call(h, 'cases.create', {
      service: 'PPT',
      pupil: { name: 'Áile Nango', school: 'Hov skole', grade: 4, birthDate: '2016-04-02' },
    });
    const before = (await call(h, 'cases.get', { caseId })).history.length;
    for (const [change, where] of [
      [{ op: 'set', entity: 'case', set: { earlySigns: { signs: { vondt: true } } } }, 'earlySigns'],
      [{ op: 'set', entity: 'case', set: { riskFactors: { school: { ferie: true } } } }, 'riskFactors'],
      [{ op: 'set', entity: 'transitionEvents', set: { date: '2027-08-16', kind: 'ferie' } }, 'kind'],
      [
        { op: 'set', entity: 'case', set: { earlySigns: { firstSignsDate: '2099-01-01' } } },
        'firstSignsDate',
      ],
    ] as const) {
      const e = await errorOf(call(h, 'cases.update', { caseId, changes: [change] }));
      expect(e.code).toBe('VALIDATION');
      expect(JSON.stringify(e.issues)).toContain(where);
    }
    expect((await call(h, 'cases.get', { caseId })).history).toHaveLength(before);
  });
});
