import { describe, expect, it } from 'vitest';
import type { CaseDoc } from '../domain/caseDoc';
import { caseMeasureRecords, type BarrierRecord, type MeasureRecord } from './records';
import { evaluationsOnTime, measuresReport, type MeasuresReport } from './report';
import { linesOf, suppressMeasuresReport } from './suppress';

const m = (x: Partial<MeasureRecord> = {}): MeasureRecord => ({
  school: 'Nordby skole',
  start: '2026-01-05',
  recommended: true,
  planned: null,
  evaluations: [],
  answer: null,
  reports: [],
  ...x,
});
const ev = (date: string, next: string | null = null, ended = false) => ({ date, ended, next });
const period = { from: '2026-02-01', to: '2026-02-28', asOf: '2026-06-01' };

describe('on time (docs/MEASURES-REPORT.md § On time)', () => {
  it('counts an evaluation from 14 days before the planned date up to and including it', () => {
    const at = (date: string) => evaluationsOnTime(m({ planned: '2026-02-20', evaluations: [ev(date)] }));
    expect(at('2026-02-20')).toEqual([{ date: '2026-02-20', onTime: true }]); // on the day
    expect(at('2026-02-06')).toEqual([{ date: '2026-02-20', onTime: true }]); // 14 days before
    expect(at('2026-02-05')).toEqual([{ date: '2026-02-20', onTime: false }]); // 15 days before: too early
    expect(at('2026-02-21')).toEqual([{ date: '2026-02-20', onTime: false }]); // a day late
  });

  it('a next date set by an evaluation is met only by a later evaluation, each evaluation once', () => {
    // Planned 20.02, evaluated 19.02 (on time), next 20.03; evaluated 25.03 (late), next 24.04;
    // evaluated 24.04 (on time).
    const rec = m({
      planned: '2026-02-20',
      evaluations: [ev('2026-02-19', '2026-03-20'), ev('2026-03-25', '2026-04-24'), ev('2026-04-24')],
    });
    expect(evaluationsOnTime(rec)).toEqual([
      { date: '2026-02-20', onTime: true },
      { date: '2026-03-20', onTime: false },
      { date: '2026-04-24', onTime: true },
    ]);
    // Two dates 10 days apart and one evaluation in both windows: it meets the first only.
    const close = m({ planned: '2026-02-20', evaluations: [ev('2026-02-18', '2026-03-02')] });
    expect(evaluationsOnTime(close)).toEqual([
      { date: '2026-02-20', onTime: true },
      { date: '2026-03-02', onTime: false },
    ]);
  });

  it('a date lapses when the measure ended before it or the school refused it; an early re-plan replaces it', () => {
    const ended = m({ planned: '2026-03-20', evaluations: [ev('2026-02-10', null, true)] });
    expect(evaluationsOnTime(ended)).toEqual([]);
    const endedOnTheDay = m({ planned: '2026-03-20', evaluations: [ev('2026-03-20', null, true)] });
    expect(evaluationsOnTime(endedOnTheDay)).toEqual([{ date: '2026-03-20', onTime: true }]);
    const refused = m({ planned: '2026-03-20', answer: { key: 'cannot', date: '2026-02-01', reason: null } });
    expect(evaluationsOnTime(refused)).toEqual([]);
    // Evaluated 01.02 (before 20.03's window) with a new date 10.04: 20.03 is no longer owed.
    const replanned = m({ planned: '2026-03-20', evaluations: [ev('2026-02-01', '2026-04-10')] });
    expect(evaluationsOnTime(replanned)).toEqual([{ date: '2026-04-10', onTime: false }]);
  });
});

describe('measuresReport', () => {
  it('counts each figure as computed by hand', () => {
    const measures: MeasureRecord[] = [
      // 1: active, due 10.02 evaluated 03.02 (on time), school said done, both report in place.
      m({
        planned: '2026-02-10',
        evaluations: [ev('2026-02-03', '2026-03-31')],
        answer: { key: 'done', date: '2026-01-10', reason: null },
        reports: [
          { date: '2026-02-02', by: 'skole', inPlace: true },
          { date: '2026-02-03', by: 'foresatte', inPlace: true },
        ],
      }),
      // 2: active, due 20.02 evaluated 24.02 (late), changed; school says in place, parents not.
      m({
        planned: '2026-02-20',
        evaluations: [ev('2026-02-24', null, true)],
        answer: { key: 'changed', date: '2026-01-12', reason: 'ressurser' },
        reports: [
          { date: '2026-01-20', by: 'skole', inPlace: false },
          { date: '2026-02-10', by: 'skole', inPlace: true },
          { date: '2026-02-12', by: 'foresatte', inPlace: false },
        ],
      }),
      // 3: refused in the period (still active in it), reason kompetanse; its 25.02 date lapses.
      m({ planned: '2026-02-25', answer: { key: 'cannot', date: '2026-02-05', reason: 'kompetanse' } }),
      // 4: refused without a category (older data).
      m({ answer: { key: 'cannot', date: '2026-02-06', reason: null } }),
      // 5: agreed (Avtalt): active, not a recommendation; due 27.02, not evaluated.
      m({ recommended: false, planned: '2026-02-27' }),
      // 6: recommendation not answered by the period's end (answered in March).
      m({ answer: { key: 'done', date: '2026-03-02', reason: null } }),
      // 7: ended before the period: not active, but nothing due in it either.
      m({ evaluations: [ev('2026-01-20', null, true)] }),
      // 8: starts after the period: not active.
      m({ start: '2026-03-01' }),
      // 9: no start (a draft): in no figure but its due date (none here).
      m({ start: null }),
      // 10: refused before the period: not active.
      m({ answer: { key: 'cannot', date: '2026-01-30', reason: 'annet' } }),
    ];
    const barriers: BarrierRecord[] = [
      { school: 'Nordby skole', date: '2026-02-01', level: 'lærer' },
      { school: 'Nordby skole', date: '2026-02-28', level: 'lærer' },
      { school: 'Nordby skole', date: '2026-02-14', level: 'kommunens ressurser' },
      { school: 'Nordby skole', date: '2026-03-01', level: 'hjem' }, // after the period
    ];
    const r = measuresReport(measures, barriers, period);
    expect(r.measuredTo).toBe('2026-02-28');
    expect(r.totals).toBeNull();
    expect(r.groups).toEqual([
      {
        key: 'all',
        total: 6, // 1–6
        evaluationsDue: 3, // 10.02 (1), 20.02 (2), 27.02 (5)
        evaluatedOnTime: 1,
        answers: { done: 1, changed: 1, cannot: 2, none: 1 }, // 5 recommendations; 5 is agreed
        cannotReasons: { ressurser: 0, kompetanse: 1, organisering: 0, annet: 0, unknown: 1 },
        reportedByBoth: 2,
        disagreements: 1,
        barriers: { elev: 0, hjem: 0, lærer: 2, skoleledelse: 0, tjeneste: 0, 'kommunens ressurser': 1 },
      },
    ]);
  });

  it('measures a period reaching past today to today, and refuses a bad period', () => {
    const r = measuresReport([m({ planned: '2026-02-20' })], [], { ...period, asOf: '2026-02-15' });
    expect(r.measuredTo).toBe('2026-02-15');
    expect(r.groups[0]!.evaluationsDue).toBe(0);
    expect(() => measuresReport([], [], { ...period, to: '2026-01-01' })).toThrow(/period/);
    expect(() => measuresReport([], [], { ...period, asOf: '2026-01-01' })).toThrow(/period/);
  });

  it('groups by month (each month a period of its own) and by school, with column totals', () => {
    const measures = [
      m({ planned: '2026-02-10', evaluations: [ev('2026-02-10')] }),
      m({ school: 'Sørby skole', start: '2026-03-02', planned: '2026-03-20' }),
      m({ school: null, start: '2026-02-02' }),
    ];
    const months = measuresReport(measures, [], { ...period, to: '2026-03-31', by: 'month' });
    expect(
      months.groups.map((g) => [g.key, g.from, g.to, g.total, g.evaluationsDue, g.evaluatedOnTime]),
    ).toEqual([
      ['2026-02', '2026-02-01', '2026-02-28', 2, 1, 1],
      ['2026-03', '2026-03-01', '2026-03-31', 3, 1, 0],
    ]);
    expect(months.totals).toMatchObject({ key: 'all', total: 3, evaluationsDue: 2, evaluatedOnTime: 1 });
    const schools = measuresReport(measures, [], { ...period, to: '2026-03-31', by: 'school' });
    expect(schools.groups.map((g) => [g.key, g.total])).toEqual([
      ['(ukjent)', 1],
      ['Nordby skole', 1],
      ['Sørby skole', 1],
    ]);
  });
});

describe('records from a case', () => {
  it('reads answers, evaluations, reports and barriers; leaves out dates after today', () => {
    const doc = {
      id: 'S-1',
      pupil: { name: 'x', birthDate: '2014-03-01', school: 'Nordby skole' },
      recommendations: [
        {
          id: 't-1',
          what: 'x',
          label: 'Anbefaling',
          target: 'elev',
          start: '2026-01-05',
          evaluation: { date: '2026-02-20', method: 'x', convenedBy: 'PPT' },
          schoolAnswer: { answer: 'kan ikke', by: 'x', date: '2026-01-10', reasonCategory: 'organisering' },
          evaluations: [
            {
              date: '2026-02-19',
              outcome: 'bedring',
              decision: 'videreføres',
              decidedBy: 'x',
              nextEvaluation: '2026-04-01',
            },
            { date: '2027-01-01', outcome: 'bedring', decision: 'avsluttes', decidedBy: 'x' },
          ],
          implementation: [{ date: '2026-01-20', by: 'foresatte', inPlace: false }],
        },
        { id: 't-2', what: 'y', label: 'Avtalt', target: 'hjem' },
      ],
      barriers: [
        { date: '2026-01-15', level: 'skoleledelse', note: 'x' },
        { date: '2026-01-16', level: 'ukjent nivå', note: 'x' },
        { date: '2027-01-16', level: 'elev', note: 'x' },
      ],
    } as unknown as CaseDoc;
    const { measures, barriers } = caseMeasureRecords(doc, '2026-06-01');
    expect(measures).toEqual([
      {
        school: 'Nordby skole',
        start: '2026-01-05',
        recommended: true,
        planned: '2026-02-20',
        evaluations: [{ date: '2026-02-19', ended: false, next: '2026-04-01' }],
        answer: { key: 'cannot', date: '2026-01-10', reason: 'organisering' },
        reports: [{ date: '2026-01-20', by: 'foresatte', inPlace: false }],
      },
      {
        school: 'Nordby skole',
        start: null,
        recommended: false,
        planned: null,
        evaluations: [],
        answer: null,
        reports: [],
      },
    ]);
    expect(barriers).toEqual([{ school: 'Nordby skole', date: '2026-01-15', level: 'skoleledelse' }]);
  });
});

// ------------------------------------------------------------------ suppression

/**
 * An auditor who knows the rules: every line is a sum; a hidden count marked small is 1–4, one
 * hidden as a complement is at least 1, a part never shown is at least 0. For each line it
 * enumerates the hidden values that fit, and reports any small count that only one value fits.
 */
function recoverable(original: MeasuresReport, shown: MeasuresReport): string[] {
  const { rows: before, lines } = linesOf(original);
  const after = [...shown.groups, ...(shown.totals ? [shown.totals] : [])];
  const val = (rows: typeof before, r: number, p: string) => {
    const [a, b] = p.split('.') as [string, string | undefined];
    const g = rows[r] as unknown as Record<string, unknown>;
    return (b === undefined ? g[a] : (g[a] as Record<string, unknown>)[b]) as number | null;
  };
  const found: string[] = [];
  for (const line of lines) {
    const cells = line.cells.map(([r, p]) => ({
      r,
      p,
      shown: val(after, r, p),
      truth: val(before, r, p)!,
      small: after[r]!.suppressed?.includes(p) && !after[r]!.complementary?.includes(p),
    }));
    const [total, ...parts] = cells;
    const unknowns = [...(total!.shown === null ? [total!] : []), ...parts.filter((c) => c.shown === null)];
    const known = parts.filter((c) => c.shown !== null).reduce((s, c) => s + c.shown!, 0);
    const implicit = line.implicit.length;
    if (unknowns.length === 0) continue;
    // Enumerate values 0..max for each unknown (max: the line's true total + 4 is plenty).
    const max = total!.truth + 4;
    const range = (c: (typeof cells)[number]) =>
      c.small ? [1, 2, 3, 4] : Array.from({ length: max }, (_, i) => i + 1);
    const fits = new Map<string, Set<number>>();
    const rec = (i: number, chosen: number[]) => {
      if (i === unknowns.length) {
        const t = total!.shown ?? chosen[unknowns.indexOf(total!)]!;
        const partSum = known + unknowns.reduce((s, c, j) => (c === total ? s : s + chosen[j]!), 0);
        const rest = t - partSum;
        if (implicit ? rest < 0 : rest !== 0) return;
        unknowns.forEach((c, j) => {
          const k = `${c.r}|${c.p}`;
          if (!fits.has(k)) fits.set(k, new Set());
          fits.get(k)!.add(chosen[j]!);
        });
        return;
      }
      for (const v of range(unknowns[i]!)) rec(i + 1, [...chosen, v]);
    };
    if (unknowns.length <= 4) rec(0, []);
    for (const c of unknowns)
      if (c.small && fits.get(`${c.r}|${c.p}`)?.size === 1) found.push(`${c.r}|${c.p}`);
  }
  return found;
}

const many = (n: number, x: Partial<MeasureRecord>) => Array.from({ length: n }, () => m(x));

describe('suppression', () => {
  it('hides counts of 1–4, shows zero and five', () => {
    const r = suppressMeasuresReport(
      measuresReport([...many(5, { answer: { key: 'done', date: '2026-01-10', reason: null } })], [], period),
    );
    expect(r.suppression).toEqual({ below: 5 });
    expect(r.groups[0]).toMatchObject({ total: 5, answers: { done: 5, changed: 0, cannot: 0, none: 0 } });
    expect(r.groups[0]!.suppressed).toBeUndefined();
  });

  it('a hidden count is not recoverable from its row: the smallest other part goes too', () => {
    // 8 answers «kan ikke»: 5 for lack of resources, 3 for lack of competence (small).
    const cannot = (reason: 'ressurser' | 'kompetanse') =>
      ({ answer: { key: 'cannot', date: '2026-02-10', reason } }) as const;
    const rows = [...many(5, cannot('ressurser')), ...many(3, cannot('kompetanse'))];
    const raw = measuresReport(rows, [], period);
    const r = suppressMeasuresReport(raw);
    const g = r.groups[0]!;
    expect(g.answers.cannot).toBe(8);
    expect(g.cannotReasons).toEqual({
      ressurser: null,
      kompetanse: null,
      organisering: 0,
      annet: 0,
      unknown: 0,
    });
    expect(g.suppressed).toEqual(['cannotReasons.ressurser', 'cannotReasons.kompetanse']);
    expect(g.complementary).toEqual(['cannotReasons.ressurser']);
    expect(recoverable(raw, r)).toEqual([]);
    // Without the complement, the auditor finds it (8 − 5 = 3): the test can fail.
    const naive = JSON.parse(JSON.stringify(raw)) as MeasuresReport;
    naive.groups[0]!.cannotReasons.kompetanse = null;
    naive.groups[0]!.suppressed = ['cannotReasons.kompetanse'];
    expect(recoverable(raw, naive)).toEqual(['0|cannotReasons.kompetanse']);
  });

  it('a count of late evaluations (never shown) is not given away by due − on time', () => {
    // 9 due, 7 on time: 2 late would be 9 − 7. On time is hidden as its complement.
    const rows = [
      ...many(7, { planned: '2026-02-10', evaluations: [ev('2026-02-10')] }),
      ...many(2, { planned: '2026-02-10', evaluations: [ev('2026-02-12')] }),
    ];
    const g = suppressMeasuresReport(measuresReport(rows, [], period)).groups[0]!;
    expect([g.evaluationsDue, g.evaluatedOnTime, g.complementary]).toEqual([9, null, ['evaluatedOnTime']]);
  });

  it('a hidden count is not recoverable from its column total', () => {
    // Three schools; Sørby has 2 measures (small), the others 6 and 9; the total row shows 17.
    const rows = [
      ...many(6, { school: 'Nordby skole', recommended: false }),
      ...many(9, { school: 'Vestby skole', recommended: false }),
      ...many(2, { school: 'Sørby skole', recommended: false }),
    ];
    const raw = measuresReport(rows, [], { ...period, by: 'school' });
    const r = suppressMeasuresReport(raw);
    expect(r.totals!.total).toBe(17);
    expect(r.groups.map((g) => [g.key, g.total])).toEqual([
      ['Nordby skole', null],
      ['Sørby skole', null],
      ['Vestby skole', 9],
    ]);
    expect(recoverable(raw, r)).toEqual([]);
  });

  it('no small count is recoverable from any row or column, across many random reports', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const schools = ['A', 'B', 'C', 'D'];
    const keys = ['done', 'changed', 'cannot'] as const;
    const reasons = ['ressurser', 'kompetanse', 'organisering', 'annet', null] as const;
    let hidden = 0;
    let complements = 0;
    for (let run = 0; run < 60; run++) {
      const rows: MeasureRecord[] = [];
      const n = 5 + rnd(40);
      for (let i = 0; i < n; i++) {
        const k = rnd(4);
        const planned = `2026-02-${String(1 + rnd(28)).padStart(2, '0')}`;
        rows.push(
          m({
            school: schools[rnd(4)]!,
            recommended: rnd(5) > 0,
            planned,
            evaluations: rnd(2) ? [ev(planned)] : [ev('2026-03-15')],
            answer: k === 3 ? null : { key: keys[k]!, date: '2026-01-15', reason: reasons[rnd(5)]! },
            reports: rnd(2)
              ? [
                  { date: '2026-02-03', by: 'skole', inPlace: true },
                  { date: '2026-02-04', by: 'foresatte', inPlace: rnd(2) === 0 },
                ]
              : [],
          }),
        );
      }
      const raw = measuresReport(rows, [], { ...period, by: 'school' });
      const shown = suppressMeasuresReport(raw);
      expect(recoverable(raw, shown), `run ${run}`).toEqual([]);
      for (const g of [...shown.groups, shown.totals!]) {
        hidden += g.suppressed?.length ?? 0;
        complements += g.complementary?.length ?? 0;
      }
      // Every small count is hidden, and nothing shown was changed.
      const before = linesOf(raw).rows;
      const after = linesOf(shown).rows;
      after.forEach((g, i) => {
        expect(g.total === null || g.total === before[i]!.total).toBe(true);
        expect(g.total === null || g.total === 0 || g.total >= 5).toBe(true);
      });
    }
    // The runs exercise both kinds of suppression.
    expect(hidden).toBeGreaterThan(100);
    expect(complements).toBeGreaterThan(20);
  });
});
