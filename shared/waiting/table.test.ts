import { describe, expect, it } from 'vitest';
import type { ReferralRecord } from './records';
import { waitingReport } from './report';
import { DEFAULT_SETTINGS } from './settings';
import { suppressReport } from './suppress';
import { reportCsv } from './table';

const rec = (school: string, received: string, firstContact: string | null): ReferralRecord => ({
  service: 'PPT',
  referredBy: 'skole',
  school,
  signal: null,
  sent: null,
  received,
  decided: null,
  decision: null,
  frist: null,
  firstContact,
  concluded: null,
  closed: null,
  assignments: [],
});

const report = (records: ReferralRecord[]) =>
  waitingReport(
    records,
    { from: '2026-03-01', to: '2026-03-31', asOf: '2026-04-01', unit: 'calendar', by: 'school' },
    DEFAULT_SETTINGS,
  );

const parse = (csv: string) =>
  csv
    .slice(1)
    .split('\r\n')
    .filter(Boolean)
    .map((l) => l.split(';'));

describe('reportCsv', () => {
  it('starts with a byte-order mark, separates with semicolons and writes decimal commas', () => {
    const csv = reportCsv(
      report([rec('Hov skole', '2026-03-02', '2026-03-05'), rec('Hov skole', '2026-03-02', '2026-03-06')]),
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, row] = parse(csv) as [string[], string[]];
    expect(row[header.indexOf('Gruppe')]).toBe('Hov skole');
    expect(row[header.indexOf('Ventetid avsluttet – antall')]).toBe('2');
    expect(row[header.indexOf('Ventetid avsluttet – median')]).toBe('3,5');
    expect(row[header.indexOf('Ventetid avsluttet – andel innen mål (%)')]).toBe(''); // PPT: no target
  });

  it('quotes what needs quoting and never lets a name become a formula', () => {
    const csv = reportCsv(
      report([
        rec('Skole; "Nord"', '2026-03-02', '2026-03-05'),
        rec('=HYPERLINK("x")', '2026-03-02', '2026-03-05'),
      ]),
    );
    expect(csv).toContain('"Skole; ""Nord"""');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.toMatch(/(^|;|\n)=HYPERLINK/);
  });

  it('marks suppressed counts <5 and figures computed from them :', () => {
    const [header, row] = parse(
      reportCsv(suppressReport(report([rec('Hov skole', '2026-03-02', '2026-03-05')]))),
    ) as [string[], string[]];
    expect(row[header.indexOf('Ventetid avsluttet – antall')]).toBe('<5');
    expect(row[header.indexOf('Ventetid avsluttet – median')]).toBe(':');
    expect(row[header.indexOf('Ventetid venter – antall')]).toBe('0');
  });
});
