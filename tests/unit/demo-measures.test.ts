// Issue 13: the demo makes every figure of the lead's measures report non-trivial (refusals with
// reason categories, disagreements between school and parents, barriers at every level, evaluations
// due and on time), through the contract on a real demo vault, and still opens with no findings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call, createHandlers } from '../../electron/services/handlers';
import { Session } from '../../electron/services/session';
import { generateDemo } from '../../shared/demo';
import { caseDoc, type CaseDoc } from '../../shared/domain/caseDoc';
import { BARRIER_LEVELS, caseMeasureRecords } from '../../shared/measures/records';
import { measureRuleIssues } from '../../shared/measures/rules';
import { measuresReport } from '../../shared/measures/report';

const FAST = { N: 2 ** 12, r: 8, p: 1 };
const TODAY = '2026-12-05';
const YEAR = { from: '2026-01-01', to: TODAY };
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

describe('the demo and the measures report (issue 13 item 8)', () => {
  it('every figure is non-trivial for this year, unsuppressed, over the demo the app makes', () => {
    const file = generateDemo({ cases: 40, seed: 'bro-demo', today: TODAY });
    const measures = [];
    const barriers = [];
    for (const c of file.cases) {
      const doc = caseDoc.parse(c) as CaseDoc;
      // The demo keeps every measure rule (new refusals are fully planned measures).
      expect(measureRuleIssues(doc), doc.id).toEqual([]);
      const r = caseMeasureRecords(doc, TODAY);
      measures.push(...r.measures);
      barriers.push(...r.barriers);
    }
    const g = measuresReport(measures, barriers, { ...YEAR, asOf: TODAY }).groups[0]!;
    expect(g.total).toBeGreaterThan(0);
    expect(g.evaluationsDue).toBeGreaterThan(0);
    expect(g.evaluatedOnTime).toBeGreaterThan(0);
    expect(g.evaluatedOnTime!).toBeLessThan(g.evaluationsDue!);
    for (const k of ['done', 'changed', 'cannot', 'none'] as const)
      expect(g.answers[k], k).toBeGreaterThan(0);
    const reasons = Object.entries(g.cannotReasons).filter(([, n]) => (n ?? 0) > 0);
    expect(reasons.length).toBeGreaterThanOrEqual(2);
    expect(g.cannotReasons.unknown).toBe(0);
    expect(reasons.reduce((a, [, n]) => a + n!, 0)).toBe(g.answers.cannot);
    expect(g.reportedByBoth).toBeGreaterThan(0);
    expect(g.disagreements).toBeGreaterThan(0);
    for (const l of BARRIER_LEVELS) expect(g.barriers[l], l).toBeGreaterThan(0);
  });

  it('through the contract: the demo vault opens with no findings and the report shows the figures', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'bro-demo-measures-'));
    roots.push(root);
    const h = createHandlers(new Session({ kdf: FAST, today: TODAY }));
    await call(h, 'vault.create', {
      dir: path.join(root, 'v'),
      passphrase: 'syntetisk passord',
      memberName: 'Kari Saksbehandler',
    });
    await call(h, 'demo.create', { cases: 40, seed: 'bro-demo', today: TODAY });
    for (const c of (await call(h, 'cases.list', {})).cases) {
      const got = await call(h, 'cases.get', { caseId: c.caseId });
      expect(got.findings, c.caseId).toEqual([]);
    }
    const { report } = await call(h, 'reports.measures', YEAR);
    const g = report.groups[0]!;
    // Suppressed for leaving the vault (counts of 1–4 hidden): the main figures stay visible…
    expect(report.suppression).toEqual({ below: 5 });
    for (const v of [g.total, g.evaluationsDue, g.evaluatedOnTime, g.answers.cannot, g.reportedByBoth])
      expect(v).toBeGreaterThanOrEqual(5);
    // …and none of the new ones is a plain zero: each is shown or hidden as a small count.
    for (const v of [g.disagreements, ...Object.values(g.barriers)]) expect(v === null || v > 0).toBe(true);
    expect(Object.values(g.cannotReasons).some((v) => v === null || v > 0)).toBe(true);
  });
});
