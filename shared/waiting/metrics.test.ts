import { describe, expect, it } from 'vitest';
import { metricsPayload, metricsRows1, rowsToRecords, METRICS_FORMAT_1 } from './metrics';
import type { ReferralRecord } from './records';
import { SUPPRESSED_KEY } from './report';

const rec = (r: Partial<ReferralRecord>): ReferralRecord => ({
  service: 'PPT',
  referredBy: 'skole',
  school: 'Hov skole',
  signal: null,
  sent: null,
  received: '2026-03-02',
  decided: null,
  decision: null,
  frist: null,
  firstContact: null,
  concluded: null,
  closed: null,
  assignments: [],
  ref: { caseId: 'v', case: 'c-1', referral: 'r-1' },
  ...r,
});

const NAMES: Record<string, string> = {
  'Hov skole': 'S-HHHHHHHHHH',
  'Stor skole': 'S-SSSSSSSSSS',
  'Liten skole': 'S-LLLLLLLLLL',
};
const pseudonym = (s: string) => NAMES[s] ?? 'S-XXXXXXXXXX';
const period = { from: '2026-03-01', at: '2026-03-31' };

describe('metricsRows1 (bro-metrics/1)', () => {
  it('keeps the referrals open in the period or ended in it, and nothing that identifies the case', () => {
    const rows = metricsRows1(
      [
        rec({}),
        rec({ received: '2026-04-02' }), // after the period
        rec({ received: '2026-01-05', closed: '2026-02-27' }), // closed before it
        rec({ received: '2026-01-05', closed: '2026-03-10' }), // closed inside it
      ],
      period,
      pseudonym,
    );
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toMatch(/c-1|r-1|Hov skole/);
  });

  it('leaves out dates after the period end, but keeps a frist', () => {
    const [row] = metricsRows1(
      [
        rec({
          decided: '2026-03-10',
          decision: 'accepted',
          frist: '2026-04-20',
          firstContact: '2026-04-10',
          assignments: [
            { from: '2026-03-05', to: '2026-04-15' },
            { from: '2026-04-16', to: null },
          ],
        }),
      ],
      period,
      pseudonym,
    );
    expect(row).toMatchObject({
      decided: '2026-03-10',
      decision: 'accepted',
      frist: '2026-04-20',
      firstContact: null,
      assignments: [{ from: '2026-03-05', to: null }],
    });
  });

  it('suppresses a school or referrer that fewer than five rows share, and marks it', () => {
    const five = Array.from({ length: 5 }, () => rec({ school: 'Stor skole' }));
    const rows = metricsRows1(
      [...five, rec({ school: 'Liten skole', referredBy: 'fastlege' })],
      period,
      pseudonym,
    );
    const small = rows.filter((r) => r.suppressed);
    expect(small).toHaveLength(1);
    expect(small[0]).toMatchObject({ school: null, referredBy: null, suppressed: ['school', 'referredBy'] });
    expect(rows.filter((r) => r.school === pseudonym('Stor skole'))).toHaveLength(5);
    const back = rowsToRecords(rows);
    expect(back.filter((r) => r.school === SUPPRESSED_KEY && r.referredBy === SUPPRESSED_KEY)).toHaveLength(
      1,
    );
  });

  it('fits the signed payload schema', () => {
    const rows = metricsRows1([rec({})], period, () => 'S-ABCDEFGHIJ');
    const payload = {
      format: METRICS_FORMAT_1,
      kid: 'k'.repeat(43),
      period: { from: '2026-03-01', to: '2026-03-31', measuredTo: '2026-03-31' },
      exported: '2026-04-01',
      calendar: { saturday: false },
      suppression: { below: 5 },
      rows,
    };
    expect(metricsPayload.safeParse(payload).success).toBe(true);
    expect(metricsPayload.safeParse({ ...payload, rows: [{ ...rows[0], name: 'Per' }] }).success).toBe(false);
  });
});
