import { describe, expect, it } from 'vitest';
import { BARRIER_LEVELS } from '../domain/schoolSide';
import { factsMeasuresReport, measuresFacts, measuresPart } from './metrics';
import type { BarrierRecord, MeasureRecord } from './records';
import { measuresReport } from './report';

const SCHOOLS = ['S-AAAAAAAAAA', 'S-BBBBBBBBBB', 'S-CCCCCCCCCC'];
const day = (rnd: (n: number) => number) =>
  `2026-${String(1 + rnd(6)).padStart(2, '0')}-${String(1 + rnd(28)).padStart(2, '0')}`;

function randomVault(seed: number) {
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const measures: MeasureRecord[] = [];
  for (let i = 0; i < 60; i++) {
    const start = day(rnd);
    const planned = day(rnd);
    const evDate = day(rnd);
    measures.push({
      school: rnd(10) === 0 ? null : SCHOOLS[rnd(3)]!,
      start: rnd(8) === 0 ? null : start,
      recommended: rnd(4) > 0,
      planned,
      evaluations: rnd(3) ? [{ date: evDate, ended: rnd(4) === 0, next: rnd(2) ? day(rnd) : null }] : [],
      answer: rnd(3)
        ? {
            key: (['done', 'changed', 'cannot'] as const)[rnd(3)]!,
            date: day(rnd),
            reason: ([null, 'ressurser', 'annet'] as const)[rnd(3)]!,
          }
        : null,
      reports: rnd(2)
        ? [
            { date: day(rnd), by: 'skole', inPlace: rnd(2) === 0 },
            { date: day(rnd), by: 'foresatte', inPlace: rnd(2) === 0 },
          ]
        : [],
    });
  }
  const barriers: BarrierRecord[] = Array.from({ length: 30 }, () => ({
    school: SCHOOLS[rnd(3)]!,
    date: day(rnd),
    level: BARRIER_LEVELS[rnd(6)]!,
  }));
  return { measures, barriers };
}

describe('the measures part of a metrics bundle', () => {
  it('gives the same report as the measures themselves, for every grouping', () => {
    let schoolRuns = 0;
    for (let seed = 1; seed <= 25; seed++) {
      const { measures, barriers } = randomVault(seed);
      const opts = { from: '2026-02-01', to: '2026-05-31', asOf: '2026-05-20' };
      const part = measuresFacts(measures, barriers, { from: opts.from, at: '2026-05-20' }, (s) => s);
      expect(measuresPart.safeParse(JSON.parse(JSON.stringify(part))).success).toBe(true);
      const rare = part.rows.some((r) => r.suppressed) || part.barriers.some((r) => r.suppressed);
      for (const by of [null, 'month', 'school'] as const) {
        if (by === 'school' && rare) continue;
        if (by === 'school') schoolRuns++;
        const direct = measuresReport(measures, barriers, { ...opts, by });
        const merged = factsMeasuresReport([part], {
          from: opts.from,
          to: opts.to,
          measuredTo: '2026-05-20',
          by,
        });
        expect(merged, `seed ${seed} by ${by}`).toEqual(direct);
      }
    }
    expect(schoolRuns).toBeGreaterThan(10);
  });

  it('holds no calendar dates, and no school fewer than five rows share', () => {
    const { measures, barriers } = randomVault(3);
    measures.push({ ...measures[0]!, school: 'Ensom skole' });
    const part = measuresFacts(measures, barriers, { from: '2026-01-01', at: '2026-06-30' }, (s) =>
      s === 'Ensom skole' ? 'S-ZZZZZZZZZZ' : s,
    );
    expect(JSON.stringify(part)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(JSON.stringify(part)).not.toContain('S-ZZZZZZZZZZ');
    expect(part.rows.filter((r) => r.suppressed)).toHaveLength(1);
    // Two vaults' parts add up.
    const twice = factsMeasuresReport([part, part], {
      from: '2026-01-01',
      to: '2026-06-30',
      measuredTo: '2026-06-30',
      by: null,
    });
    const once = factsMeasuresReport([part], {
      from: '2026-01-01',
      to: '2026-06-30',
      measuredTo: '2026-06-30',
      by: null,
    });
    expect(twice.groups[0]!.total).toBe(2 * once.groups[0]!.total!);
  });
});
