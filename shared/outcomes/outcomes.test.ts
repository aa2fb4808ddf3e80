import { describe, expect, it } from 'vitest';
import type { CaseDoc } from '../domain/caseDoc';
import { factsOutcomesReport, outcomesFacts, outcomesPart } from './metrics';
import { caseOutcomeRecords, closingOutcomeOf, earliestSignal, type OutcomeRecord } from './records';
import { outcomesReport, type OutcomesReport } from './report';
import { COUNT_PATHS, outcomeCount, outcomeLines, suppressOutcomesReport } from './suppress';
import { outcomeCell, outcomesCsv } from './table';
import { outcomesReportSchema } from './contract';

const rec = (x: Partial<OutcomeRecord> = {}): OutcomeRecord => ({
  service: 'PPT',
  school: 'Nordby skole',
  closed: '2026-03-10',
  outcome: 'helt',
  absence: { referral: null, firstContact: null, closing: null },
  lag: null,
  ...x,
});
const many = (n: number, x: Partial<OutcomeRecord>) => Array.from({ length: n }, () => rec(x));
const period = { from: '2026-01-01', to: '2026-06-30', asOf: '2026-12-01' };

describe('the accessors', () => {
  it('reads the outcome from closingOutcome, else the older outcome, else unknown', () => {
    expect(closingOutcomeOf({ closingOutcome: 'delvis', outcome: 'full' })).toBe('delvis');
    expect(closingOutcomeOf({ outcome: 'full' })).toBe('helt');
    expect(closingOutcomeOf({ outcome: 'partial' })).toBe('delvis');
    expect(closingOutcomeOf({ outcome: 'none' })).toBe('ikke');
    expect(closingOutcomeOf({})).toBe('unknown');
    expect(closingOutcomeOf({ closingOutcome: 'kanskje' as never })).toBe('unknown');
  });

  it('takes the earliest sign on or before the referral, from the referral and the case', () => {
    const r = { signal: '2025-10-01', sent: '2026-01-10', received: '2026-01-12' } as never;
    const doc = { earlySigns: [{ date: '2025-08-20' }, { date: '2026-02-01' }] } as unknown as CaseDoc;
    expect(earliestSignal(doc, r, '2026-06-01')).toBe('2025-08-20');
    expect(earliestSignal({} as CaseDoc, r, '2026-06-01')).toBe('2025-10-01');
    const late = { signal: '2026-01-11', sent: '2026-01-10', received: '2026-01-12' } as never;
    expect(earliestSignal({} as CaseDoc, late, '2026-06-01')).toBeNull();
  });
});

describe('records from a case', () => {
  it('reads closed referrals; recorded absence wins, else the monthly rate at the date', () => {
    const doc = {
      id: 'S-1',
      service: 'PPT',
      pupil: { name: 'x', birthDate: '2014-03-01', school: 'Nordby skole' },
      // March 2026: 22 school days, 11 whole days absent = 50 %. May 2026: 18 school days
      // (1 May, Ascension 14 May and Whit Monday 25 May are holidays), 9 days absent = 50 %, 4.5 → 25 %.
      absence: [
        { from: '2026-03-01', to: '2026-03-31', wholeDays: 11, partialDays: 0, type: 'udokumentert' },
        { from: '2026-05-01', to: '2026-05-31', wholeDays: 4, partialDays: 1, type: 'udokumentert' },
      ],
      referrals: [
        {
          id: 'r-1',
          signal: '2025-11-03',
          sent: '2026-03-02',
          received: '2026-03-04',
          firstContact: '2026-04-20',
          closed: '2026-05-29',
          closingOutcome: 'delvis',
          absenceAtReferral: 30,
        },
        {
          id: 'r-2',
          received: '2026-03-05',
          decision: 'rejected',
          decided: '2026-03-06',
          closed: '2026-03-07',
        },
        { id: 'r-3', received: '2026-05-05' },
        { id: 'r-4', received: '2026-03-05', closed: '2026-03-20', outcome: 'none' },
      ],
    } as unknown as CaseDoc;
    const out = caseOutcomeRecords('c1', doc, '2026-06-10');
    expect(out).toEqual([
      {
        service: 'PPT',
        school: 'Nordby skole',
        closed: '2026-05-29',
        outcome: 'delvis',
        // Recorded 30 at referral; first contact in April (no figures): March's 50; closing: May's 25.
        absence: { referral: 30, firstContact: 50, closing: 25 },
        // 3 Nov 2025 → 2 Mar 2026 (sent): 119 days.
        lag: 119,
      },
      {
        service: 'PPT',
        school: 'Nordby skole',
        closed: '2026-03-20',
        outcome: 'ikke',
        absence: { referral: 50, firstContact: null, closing: 50 },
        lag: null,
      },
    ]);
  });
});

describe('outcomesReport', () => {
  it('counts outcomes and takes medians and means as computed by hand', () => {
    const rows = [
      rec({ outcome: 'helt', absence: { referral: 20, firstContact: 30, closing: 5 }, lag: 100 }),
      rec({ outcome: 'helt', absence: { referral: 40, firstContact: 50, closing: 10 }, lag: 200 }),
      rec({ outcome: 'delvis', absence: { referral: 60, firstContact: null, closing: 35 }, lag: 30 }),
      rec({ outcome: 'ikke', absence: { referral: null, firstContact: 90, closing: 95 }, lag: null }),
      rec({ outcome: 'unknown' }),
      // Outside the period: not counted.
      rec({
        outcome: 'ikke',
        closed: '2025-12-31',
        absence: { referral: 99, firstContact: 99, closing: 99 },
      }),
    ];
    const r = outcomesReport(rows, period);
    expect(r.measuredTo).toBe('2026-06-30');
    expect(r.groups).toEqual([
      {
        key: 'all',
        closed: 5,
        outcomes: { helt: 2, delvis: 1, ikke: 1, unknown: 1 },
        absence: {
          // 20, 40, 60: median 40, mean 40.
          referral: { n: 3, median: 40, mean: 40 },
          // 30, 50, 90: median 50, mean 56.7.
          firstContact: { n: 3, median: 50, mean: 56.7 },
          // 5, 10, 35, 95: median (10+35)/2 = 22.5, mean 36.25 → 36.3.
          closing: { n: 4, median: 22.5, mean: 36.3 },
        },
        // 30, 100, 200: median 100, mean 110.
        lag: { n: 3, median: 100, mean: 110 },
      },
    ]);
    expect(r.totals).toBeNull();
  });

  it('groups by school and by service with a totals row, and refuses a bad period', () => {
    const rows = [
      ...many(2, { school: 'Vestby skole' }),
      ...many(3, { school: null, service: 'BUP' }),
      rec({ school: 'Nordby skole', outcome: 'ikke' }),
    ];
    const bySchool = outcomesReport(rows, { ...period, by: 'school' });
    expect(bySchool.groups.map((g) => [g.key, g.closed])).toEqual([
      ['(ukjent)', 3],
      ['Nordby skole', 1],
      ['Vestby skole', 2],
    ]);
    expect(bySchool.totals!.closed).toBe(6);
    const byService = outcomesReport(rows, { ...period, by: 'service' });
    expect(byService.groups.map((g) => [g.key, g.closed, g.outcomes.ikke])).toEqual([
      ['BUP', 3, 0],
      ['PPT', 3, 1],
    ]);
    expect(() => outcomesReport(rows, { ...period, to: '2025-01-01' })).toThrow(/period/);
    expect(() => outcomesReport(rows, { ...period, from: '2027-01-01', to: '2027-02-01' })).toThrow(/period/);
    // A period past today is measured to today.
    expect(outcomesReport(rows, { ...period, asOf: '2026-03-15' }).measuredTo).toBe('2026-03-15');
    expect(outcomesReportSchema.parse(bySchool)).toEqual(bySchool);
  });
});

// ------------------------------------------------------------------ suppression

/**
 * An auditor who knows the rules (as for the measures report): every line is a sum; a hidden count
 * marked small is 1–4, one hidden as a complement at least 1. For each line it enumerates the
 * hidden values that fit and reports any small count that only one value fits.
 */
function recoverable(original: OutcomesReport, shown: OutcomesReport): string[] {
  const { rows: before, lines } = outcomeLines(original);
  const after = [...shown.groups, ...(shown.totals ? [shown.totals] : [])];
  const found: string[] = [];
  for (const line of lines) {
    const cells = line.cells.map(([r, p]) => ({
      r,
      p,
      shown: outcomeCount(after[r]!, p),
      truth: outcomeCount(before[r]!, p)!,
      small: after[r]!.suppressed?.includes(p) && !after[r]!.complementary?.includes(p),
    }));
    const [total, ...parts] = cells;
    const unknowns = [...(total!.shown === null ? [total!] : []), ...parts.filter((c) => c.shown === null)];
    const known = parts.filter((c) => c.shown !== null).reduce((s, c) => s + c.shown!, 0);
    if (unknowns.length === 0 || unknowns.length > 4) continue;
    const max = total!.truth + 4;
    const range = (c: (typeof cells)[number]) =>
      c.small ? [1, 2, 3, 4] : Array.from({ length: max }, (_, i) => i + 1);
    const fits = new Map<string, Set<number>>();
    const walk = (i: number, chosen: number[]) => {
      if (i === unknowns.length) {
        const t = total!.shown ?? chosen[unknowns.indexOf(total!)]!;
        const partSum = known + unknowns.reduce((s, c, j) => (c === total ? s : s + chosen[j]!), 0);
        if (t !== partSum) return;
        unknowns.forEach((c, j) => {
          const k = `${c.r}|${c.p}`;
          if (!fits.has(k)) fits.set(k, new Set());
          fits.get(k)!.add(chosen[j]!);
        });
        return;
      }
      for (const v of range(unknowns[i]!)) walk(i + 1, [...chosen, v]);
    };
    walk(0, []);
    for (const c of unknowns)
      if (c.small && fits.get(`${c.r}|${c.p}`)?.size === 1) found.push(`${c.r}|${c.p}`);
  }
  return found;
}

describe('suppression', () => {
  it('hides counts of 1–4 and the median and mean over them; shows zero and five', () => {
    const rows = [
      ...many(5, { outcome: 'helt', absence: { referral: 40, firstContact: null, closing: 10 } }),
      ...many(3, { outcome: 'ikke', absence: { referral: 60, firstContact: 70, closing: null } }),
    ];
    const raw = outcomesReport(rows, period);
    const g = suppressOutcomesReport(raw).groups[0]!;
    expect(g.closed).toBe(8);
    // ikke = 3 is small, and helt (5) goes with it: 8 − 5 would give it away.
    expect(g.outcomes).toEqual({ helt: null, delvis: 0, ikke: null, unknown: 0 });
    expect(g.absence.referral).toEqual({ n: 8, median: 40, mean: 47.5 });
    expect(g.absence.firstContact).toEqual({ n: null, median: null, mean: null });
    expect(g.absence.closing).toEqual({ n: 5, median: 10, mean: 10 });
    expect(g.suppressed).toEqual(['outcomes.helt', 'outcomes.ikke', 'absence.firstContact.n']);
    expect(g.complementary).toEqual(['outcomes.helt']);
    expect(outcomeCell(g, 'outcomes.ikke')).toEqual({ suppressed: '<5' });
    expect(outcomeCell(g, 'outcomes.helt')).toEqual({ suppressed: ':' });
    expect(outcomeCell(g, 'absence.firstContact.median')).toEqual({ suppressed: ':' });
    expect(outcomeCell(g, 'outcomes.delvis')).toBe(0);
    expect(outcomesCsv(suppressOutcomesReport(raw)).split('\n')[1]).toContain('<5');
    expect(recoverable(raw, suppressOutcomesReport(raw))).toEqual([]);
    // Without the complement, the auditor finds it (8 − 5 = 3): the test can fail.
    const naive = JSON.parse(JSON.stringify(raw)) as OutcomesReport;
    naive.groups[0]!.outcomes.ikke = null;
    naive.groups[0]!.suppressed = ['outcomes.ikke'];
    expect(recoverable(raw, naive)).toEqual(['0|outcomes.ikke']);
  });

  it('a hidden count is not recoverable from its column total', () => {
    const rows = [
      ...many(6, { school: 'Nordby skole' }),
      ...many(9, { school: 'Vestby skole' }),
      ...many(2, { school: 'Sørby skole' }),
    ];
    const raw = outcomesReport(rows, { ...period, by: 'school' });
    const r = suppressOutcomesReport(raw);
    expect(r.totals!.closed).toBe(17);
    expect(r.groups.map((g) => [g.key, g.closed])).toEqual([
      ['Nordby skole', null],
      ['Sørby skole', null],
      ['Vestby skole', 9],
    ]);
    expect(recoverable(raw, r)).toEqual([]);
  });

  it('no small count is recoverable from any row or column, across many random reports', () => {
    let seed = 11;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const schools = ['A', 'B', 'C', 'D'];
    const outcomes = ['helt', 'delvis', 'ikke', 'unknown'] as const;
    const pct = () => (rnd(3) === 0 ? null : rnd(101));
    let hidden = 0;
    let complements = 0;
    for (let run = 0; run < 60; run++) {
      const rows = Array.from({ length: 5 + rnd(40) }, () =>
        rec({
          school: schools[rnd(4)]!,
          outcome: outcomes[rnd(4)]!,
          absence: { referral: pct(), firstContact: pct(), closing: pct() },
          lag: rnd(2) ? rnd(400) : null,
        }),
      );
      const raw = outcomesReport(rows, { ...period, by: 'school' });
      const shown = suppressOutcomesReport(raw);
      expect(recoverable(raw, shown), `run ${run}`).toEqual([]);
      const { rows: after } = outcomeLines(shown);
      const { rows: before } = outcomeLines(raw);
      after.forEach((g, i) => {
        hidden += g.suppressed?.length ?? 0;
        complements += g.complementary?.length ?? 0;
        for (const p of COUNT_PATHS) {
          const v = outcomeCount(g, p);
          // Nothing shown is changed, and nothing shown is 1–4.
          expect(v === null || v === outcomeCount(before[i]!, p)).toBe(true);
          expect(v === null || v === 0 || v >= 5).toBe(true);
        }
      });
    }
    expect(hidden).toBeGreaterThan(100);
    expect(complements).toBeGreaterThan(20);
  });
});

describe('in a metrics bundle', () => {
  it('the merge of bundle rows gives the report over the records, for every grouping', () => {
    let seed = 3;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const rows = Array.from({ length: 40 }, (_, i) =>
      rec({
        school: ['Nordby skole', 'Vestby skole', 'Sørby skole'][i % 3 === 0 && i > 30 ? 2 : i % 2]!,
        service: i % 4 === 0 ? 'BUP' : 'PPT',
        outcome: (['helt', 'delvis', 'ikke', 'unknown'] as const)[rnd(4)],
        closed: `2026-0${1 + rnd(8)}-15`,
        absence: { referral: rnd(100), firstContact: rnd(3) ? rnd(100) : null, closing: rnd(100) },
        lag: rnd(2) ? rnd(300) : null,
      }),
    );
    const at = period.to;
    const pseudonym = (s: string) => `S-${s.slice(0, 1).toUpperCase().replace('Ø', 'O')}AAAAAAAAA`;
    const part = outcomesPart.parse(outcomesFacts(rows, { from: period.from, at }, pseudonym));
    // Only the referrals closed in the period, and no dates.
    expect(part.rows.length).toBe(rows.filter((r) => r.closed <= at).length);
    expect(JSON.stringify(part)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    for (const by of [null, 'service'] as const) {
      const merged = factsOutcomesReport([part], { from: period.from, to: period.to, measuredTo: at, by });
      expect(merged).toEqual(outcomesReport(rows, { ...period, by }));
    }
    // By school: the same figures under pseudonyms; the school only one or two rows share is hidden.
    const merged = factsOutcomesReport([part], {
      from: period.from,
      to: period.to,
      measuredTo: at,
      by: 'school',
    });
    const own = outcomesReport(rows, { ...period, by: 'school' });
    const sorby = own.groups.find((g) => g.key === 'Sørby skole');
    expect(sorby!.closed).toBeLessThan(5);
    expect(merged.groups.find((g) => g.key === '(prikket)')!.closed).toBe(sorby!.closed);
    expect(merged.groups.find((g) => g.key === 'S-NAAAAAAAAA')!).toEqual({
      ...own.groups.find((g) => g.key === 'Nordby skole')!,
      key: 'S-NAAAAAAAAA',
    });
    expect(merged.totals).toEqual(own.totals);
  });
});
