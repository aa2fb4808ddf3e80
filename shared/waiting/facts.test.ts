import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/days';
import { Rng } from '../demo/prng';
import { factsReport, factsRows, referralFacts, type FactsRow } from './facts';
import { metricsRows1, relevantRecords, rowsToRecords } from './metrics';
import type { ReferralRecord } from './records';
import { GROUP_BY, waitingReport, type GroupBy, type Unit } from './report';
import { DEFAULT_SETTINGS, resolveSettings } from './settings';
import { suppressReport } from './suppress';

const SERVICES = ['PPT', 'BUP', 'Skoleteam'] as const;
const SCHOOLS = ['Hov skole', 'Ås skole', 'Berg skole', 'Li skole'];
const REFERRERS = ['skole', 'foresatte', 'fastlege', 'helsesykepleier'] as const;

/** A referral with milestones in any order a real vault may hold (some never reached). */
function randomRecord(rng: Rng): ReferralRecord {
  const received = addDays('2025-10-01', rng.int(0, 300));
  const later = (base: string, max: number) => (rng.chance(0.7) ? addDays(base, rng.int(0, max)) : null);
  const decided = later(received, 30);
  const decision = decided
    ? rng.pick(['accepted', 'accepted', 'accepted', 'rejected', 'forwarded'] as const)
    : null;
  const firstContact = decision === 'accepted' && decided ? later(decided, 90) : null;
  const concluded = firstContact ? later(firstContact, 120) : null;
  const closed =
    concluded && rng.chance(0.5) ? later(concluded, 60) : rng.chance(0.05) ? later(received, 200) : null;
  const service = rng.pick(SERVICES);
  const assignments: ReferralRecord['assignments'] = [];
  let from = decided ? addDays(decided, rng.int(0, 5)) : null;
  while (from && assignments.length < 4) {
    const to = rng.chance(0.5) ? addDays(from, rng.int(5, 120)) : null;
    assignments.push({ from, to });
    from = to && rng.chance(0.7) ? addDays(to, rng.int(0, 20)) : null;
  }
  return {
    service,
    referredBy: rng.chance(0.9) ? rng.pick(REFERRERS) : null,
    school: rng.chance(0.9) ? rng.pick(SCHOOLS) : null,
    signal: rng.chance(0.5) ? addDays(received, -rng.int(0, 400)) : null,
    sent: rng.chance(0.6) ? addDays(received, -rng.int(0, 10)) : null,
    received,
    decided,
    decision,
    frist: service === 'BUP' && decided && decision === 'accepted' ? addDays(decided, rng.int(10, 80)) : null,
    firstContact,
    concluded,
    closed,
    assignments,
  };
}

const PERIOD = { from: '2026-01-01', to: '2026-06-30' };
const UNITS: Unit[] = ['calendar', 'working'];
const BY: (GroupBy | null)[] = [null, ...GROUP_BY];

function compare(records: ReferralRecord[], asOf: string, settings = DEFAULT_SETTINGS) {
  const at = asOf < PERIOD.to ? asOf : PERIOD.to;
  const period = { from: PERIOD.from, at };
  // Without suppression, school names as they are: the facts of each referral.
  const rows = relevantRecords(records, period).map((r) => referralFacts(r, period, settings) as FactsRow);
  let checked = 0;
  for (const unit of UNITS)
    for (const by of BY) {
      const own = waitingReport(records, { ...PERIOD, asOf, unit, by }, settings);
      const fromFacts = factsReport(rows, { ...PERIOD, at, unit, by });
      expect(fromFacts.groups, `${unit} ${by}`).toEqual(own.groups);
      expect(fromFacts.measuredTo).toBe(own.measuredTo);
      checked += own.groups.length;
    }
  return checked;
}

describe('bro-metrics/2 rows (facts) give the report the referrals give', () => {
  it('for 400 random referrals, every grouping, both units, measured to the period end', () => {
    const rng = new Rng('facts-equivalence');
    const records = Array.from({ length: 400 }, () => randomRecord(rng));
    expect(compare(records, '2026-12-04')).toBeGreaterThan(40);
  });

  it('measured to a day inside the period (an export before the period ends)', () => {
    const rng = new Rng('facts-mid-period');
    const records = Array.from({ length: 300 }, () => randomRecord(rng));
    expect(compare(records, '2026-04-17')).toBeGreaterThan(20);
  });

  it('with Saturday as a working day and targets in calendar days', () => {
    const rng = new Rng('facts-saturday');
    const records = Array.from({ length: 200 }, () => randomRecord(rng));
    const settings = resolveSettings(
      {
        calendar: { saturday: true },
        targets: { Skoleteam: { firstContact: { unit: 'calendarDays', n: 20 } } },
      } as never,
      DEFAULT_SETTINGS,
    );
    compare(records, '2026-12-04', settings);
  });

  it('a merge of old (/1) rows and new (/2) rows of the same vault gives the same report', () => {
    const rng = new Rng('facts-old-new');
    const records = Array.from({ length: 300 }, () => randomRecord(rng));
    const period = { from: PERIOD.from, at: PERIOD.to };
    const pseudonym = (s: string) => `S-${s.length.toString().padStart(10, 'A').replace(/\d/g, 'B')}`;
    const oldRows = metricsRows1(records, period, pseudonym);
    const newRows = factsRows(relevantRecords(records, period), period, DEFAULT_SETTINGS, pseudonym);
    expect(newRows).toHaveLength(oldRows.length);
    for (const unit of UNITS)
      for (const by of BY) {
        const before = suppressReport(
          waitingReport(rowsToRecords(oldRows), { ...PERIOD, asOf: period.at, unit, by }, DEFAULT_SETTINGS),
        );
        const after = suppressReport(factsReport(newRows, { ...PERIOD, at: period.at, unit, by }));
        expect(after, `${unit} ${by}`).toEqual(before);
      }
  });
});

describe('bro-metrics/2 rows carry no dates', () => {
  it('only months, day counts and categories', () => {
    const rng = new Rng('facts-no-dates');
    const records = Array.from({ length: 100 }, () => randomRecord(rng));
    const period = { from: PERIOD.from, at: PERIOD.to };
    const rows = factsRows(relevantRecords(records, period), period, DEFAULT_SETTINGS, () => 'S-ABCDEFGHIJ');
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).toMatch(/"month":"2026-0[1-6]"/);
  });

  it('states where each referral stood at the period end', () => {
    const base: ReferralRecord = {
      service: 'PPT',
      referredBy: 'skole',
      school: null,
      signal: null,
      sent: null,
      received: '2026-02-02',
      decided: null,
      decision: null,
      frist: null,
      firstContact: null,
      concluded: null,
      closed: null,
      assignments: [],
    };
    const period = { from: '2026-01-01', at: '2026-03-31' };
    const st = (r: Partial<ReferralRecord>) =>
      referralFacts({ ...base, ...r }, period, DEFAULT_SETTINGS).status;
    expect(st({})).toBe('waiting');
    expect(st({ firstContact: '2026-03-01' })).toBe('started');
    expect(st({ firstContact: '2026-03-01', concluded: '2026-03-20' })).toBe('concluded');
    expect(st({ firstContact: '2026-04-01' })).toBe('waiting'); // after the period: not known
    expect(st({ closed: '2026-03-02' })).toBe('closed');
    expect(st({ decided: '2026-02-10', decision: 'rejected' })).toBe('rejected');
    expect(st({ decided: '2026-02-10', decision: 'forwarded' })).toBe('forwarded');
    const f = referralFacts(
      { ...base, firstContact: '2026-03-04', assignments: [{ from: '2026-02-05', to: null }] },
      period,
      DEFAULT_SETTINGS,
    );
    // February: waiting at its end (26 days); March: completed on the 4th (30 days).
    expect(f.months.map((m) => [m.month, m.ventetid?.state, m.ventetid?.calendarDays])).toEqual([
      ['2026-02', 'waiting', 26],
      ['2026-03', 'completed', 30],
    ]);
  });
});
