// Waiting-time benchmarks (issue: waiting times). Budget: the report over 10,000 referrals costs
// no more than parsing those referrals from JSON once (ratio ≤ 1.0), both measured in this run.
import { generateDemo } from '../shared/demo/generate';
import type { CaseDoc } from '../shared/domain/caseDoc';
import { caseRecords, type ReferralRecord } from '../shared/waiting/records';
import { waitingReport, type ReportOptions } from '../shared/waiting/report';
import { DEFAULT_SETTINGS } from '../shared/waiting/settings';
import { report, timeIt, type BenchResult } from './util';

const TODAY = '2026-11-26';

/** `n` referral records from synthetic demo cases (as the report reads them from the vault). */
export function demoReferrals(n: number): ReferralRecord[] {
  const out: ReferralRecord[] = [];
  for (let cases = Math.ceil(n / 1.1); out.length < n; cases = Math.ceil(cases * 1.2)) {
    out.length = 0;
    const file = generateDemo({ cases, seed: 'bench-waiting', today: TODAY });
    for (const c of file.cases) out.push(...caseRecords(c.id, c as CaseDoc, TODAY));
  }
  return out.slice(0, n);
}

export async function waitingBenchmarks(opts: { referrals: number; rounds: number }): Promise<BenchResult[]> {
  const json = JSON.stringify(demoReferrals(opts.referrals));
  // The report reads what the vault decrypted and parsed, so it gets parsed records too (flat
  // strings, uniform objects), not the generator's own objects.
  const records = JSON.parse(json) as ReferralRecord[];
  const first = records.reduce((m, r) => (r.received < m ? r.received : m), TODAY);
  console.log(
    `  waiting: ${records.length} referrals received ${first}–${TODAY}, ${(json.length / 1e6).toFixed(1)} MB of JSON`,
  );
  // Every referral counts in the first variant: the period runs from the first received to today.
  const all: ReportOptions = { from: first, to: TODAY, asOf: TODAY, unit: 'calendar' };
  const year: ReportOptions = { from: '2025-11-01', to: '2026-10-31', asOf: TODAY, unit: 'calendar' };
  const variants: [string, ReportOptions, number?][] = [
    ['report over every referral, calendar days', all, 1.0],
    ['report over every referral, working days', { ...all, unit: 'working' }],
    ['report over one year', year],
    ['report over one year by month', { ...year, by: 'month' }],
    ['report over one year by school', { ...year, by: 'school' }],
  ];
  // Warm-up runs for both sides, so neither pays for JIT compilation in the timed rounds.
  for (let i = 0; i < 3; i++) {
    JSON.parse(json);
    for (const [, options] of variants) waitingReport(records, options, DEFAULT_SETTINGS);
  }
  const rounds = Math.max(opts.rounds, 5) * 3;
  const parseOnce = () => {
    const parsed = JSON.parse(json) as unknown[];
    if (parsed.length !== records.length) throw new Error('baseline parsed the wrong number');
  };
  // Each side in its own loop. The baseline is timed before and after the reports and the
  // faster of the two is used: the comparison never flatters the report.
  const before = await timeIt(rounds, parseOnce);
  const measured = [];
  for (const [name, options, target] of variants) {
    let groups = 0;
    const t = await timeIt(rounds, () => {
      groups = waitingReport(records, options, DEFAULT_SETTINGS).groups.length;
    });
    measured.push({
      name: `${name} (${groups} group${groups === 1 ? '' : 's'}) vs JSON.parse of the referrals`,
      t,
      target,
    });
  }
  const baseline = Math.min(before, await timeIt(rounds, parseOnce));
  return measured.map((m) => report(m.name, m.t, baseline, m.target));
}
