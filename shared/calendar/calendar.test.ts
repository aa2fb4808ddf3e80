import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  calendarDays,
  civil,
  dayNumber,
  epochDay,
  isoDay,
  localDayOf,
  weekdayOf,
} from './days';
import { easterSunday, holidayDayNumbers, norwegianHolidays } from './holidays';
import { deadline, isWorkingDay, workingDays } from './workdays';

const SAT = { saturday: true };
const easter = (y: number) => {
  const { month, day } = easterSunday(y);
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

describe('day numbers', () => {
  it('agree with Date.UTC across 1900–2201', () => {
    for (let day = dayNumber(1900, 1, 1); day <= dayNumber(2201, 12, 31); day += 17) {
      const iso = isoDay(day);
      const [y, m, d] = civil(day);
      expect(Date.UTC(y, m - 1, d) / 86_400_000).toBe(day);
      expect(epochDay(iso)).toBe(day);
    }
  });

  it('counts calendar days as to − from', () => {
    expect(calendarDays('2026-03-02', '2026-03-09')).toBe(7); // Monday to next Monday
    expect(calendarDays('2026-03-02', '2026-03-02')).toBe(0);
    expect(calendarDays('2024-02-28', '2024-03-01')).toBe(2); // leap day
    expect(calendarDays('2026-12-31', '2027-01-01')).toBe(1);
    expect(calendarDays('2026-03-09', '2026-03-02')).toBe(-7);
  });

  it('knows the weekday', () => {
    expect(weekdayOf(epochDay('2026-03-02'))).toBe(1);
    expect(weekdayOf(epochDay('2027-05-17'))).toBe(1);
    expect(weekdayOf(epochDay('1900-01-01'))).toBe(1);
    expect(weekdayOf(epochDay('2200-12-31'))).toBe(3);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('months with end-of-month clamping', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-10-31', 3, '2027-01-31'],
    ['2026-05-31', -1, '2026-04-30'],
    ['2026-02-28', 1, '2026-03-28'],
  ])('%s + %i months = %s', (from, n, want) => {
    expect(addMonths(from, n)).toBe(want);
  });
});

describe('Easter and the public holidays', () => {
  it.each([
    [1900, '1900-04-15'],
    [1954, '1954-04-18'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2200, '2200-04-06'],
  ])('Easter %i is %s', (y, want) => {
    expect(easter(y)).toBe(want);
  });

  it('matches the test vectors of law-and-practice §4 (2024–2027)', () => {
    const movable = (y: number) =>
      norwegianHolidays(y)
        .filter((h) => !['Nyttårsdag', 'Offentlig høytidsdag', 'Grunnlovsdag'].includes(h.name))
        .filter((h) => !h.name.endsWith('juledag'))
        .map((h) => h.date.slice(5));
    expect(movable(2024)).toEqual(['03-28', '03-29', '03-31', '04-01', '05-09', '05-19', '05-20']);
    expect(movable(2025)).toEqual(['04-17', '04-18', '04-20', '04-21', '05-29', '06-08', '06-09']);
    expect(movable(2026)).toEqual(['04-02', '04-03', '04-05', '04-06', '05-14', '05-24', '05-25']);
    expect(movable(2027)).toEqual(['03-25', '03-26', '03-28', '03-29', '05-06', '05-16', '05-17']);
  });

  it('has 17 May on Whit Monday in 2027: twelve names, eleven dates', () => {
    const h = norwegianHolidays(2027);
    expect(h).toHaveLength(12);
    expect(h.filter((x) => x.date === '2027-05-17').map((x) => x.name)).toEqual([
      'Grunnlovsdag',
      'Andre pinsedag',
    ]);
    expect(holidayDayNumbers(2027)).toHaveLength(11);
    expect(holidayDayNumbers(2026)).toHaveLength(12);
    // The Friday before: the next working day is Tuesday 18 May (or Saturday 15 May, when it counts).
    expect(deadline('2027-05-14', 1)).toBe('2027-05-18');
    expect(deadline('2027-05-14', 1, SAT)).toBe('2027-05-15');
    expect(workingDays('2027-05-14', '2027-05-18')).toBe(1);
  });

  it('leaves Holy Saturday, Christmas Eve and New Year’s Eve as ordinary days', () => {
    const dates = new Set(norwegianHolidays(2026).map((h) => h.date));
    for (const d of ['2026-04-04', '2026-12-24', '2026-12-31', '2026-06-23'])
      expect(dates.has(d)).toBe(false);
    expect(isWorkingDay('2026-12-24')).toBe(true);
    expect(isWorkingDay('2026-12-31')).toBe(true);
    expect(isWorkingDay('2026-04-04', SAT)).toBe(true);
  });

  it('agrees with date-holidays (public holidays, NO) for every year 1950–2150', () => {
    const hd = new Holidays('NO');
    const mismatches: string[] = [];
    for (let y = 1950; y <= 2150; y++) {
      const theirs = [
        ...new Set(
          hd
            .getHolidays(y)
            .filter((h) => h.type === 'public')
            .map((h) => h.date.slice(0, 10)),
        ),
      ].sort();
      const ours = holidayDayNumbers(y).map(isoDay);
      if (JSON.stringify(theirs) !== JSON.stringify(ours))
        mismatches.push(`${y}: ours ${ours.join(',')} theirs ${theirs.join(',')}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('working days', () => {
  it('counts d with from < d ≤ to', () => {
    expect(workingDays('2026-03-06', '2026-03-09')).toBe(1); // Friday → Monday
    expect(workingDays('2026-03-02', '2026-03-09')).toBe(5); // Monday → Monday
    expect(workingDays('2026-03-02', '2026-03-02')).toBe(0);
    expect(workingDays('2026-03-07', '2026-03-08')).toBe(0); // Saturday → Sunday
    expect(workingDays('2026-03-07', '2026-03-08', SAT)).toBe(0);
    expect(workingDays('2026-03-06', '2026-03-07', SAT)).toBe(1);
    expect(workingDays('2026-03-09', '2026-03-02')).toBe(-5);
  });

  it('skips Easter', () => {
    // Wednesday before Easter 2026 to the Tuesday after: only Tuesday 7 April counts.
    expect(workingDays('2026-04-01', '2026-04-07')).toBe(1);
    expect(workingDays('2026-04-01', '2026-04-07', SAT)).toBe(2); // + Holy Saturday
  });

  it('handles the year end', () => {
    // 24, 28, 29, 30, 31 December and Monday 4 January; 25/26 Dec and 1 Jan are holidays.
    expect(workingDays('2026-12-23', '2027-01-04')).toBe(6);
    expect(workingDays('2026-12-23', '2027-01-04', SAT)).toBe(7); // + Saturday 2 January
    expect(deadline('2026-12-31', 1)).toBe('2027-01-04');
    expect(deadline('2026-12-31', 1, SAT)).toBe('2027-01-02');
    expect(deadline('2027-12-23', 1)).toBe('2027-12-24');
    expect(deadline('2027-12-24', 1)).toBe('2027-12-27'); // 25/26 fall on a weekend in 2027
    expect(workingDays('1899-12-31', '1900-01-02')).toBe(1); // 1 January 1900 was a holiday
    expect(isWorkingDay('1900-01-01')).toBe(false);
    expect(deadline('2200-12-30', 1)).toBe('2200-12-31');
  });

  it('gives the N-th working day after a date as the deadline', () => {
    expect(deadline('2026-03-27', 10)).toBe('2026-04-15'); // BUP, over Easter
    expect(deadline('2026-03-02', 5)).toBe('2026-03-09');
    expect(deadline('2026-03-07', 1)).toBe('2026-03-09'); // from a Saturday
    expect(deadline('2026-03-06', 1, SAT)).toBe('2026-03-07');
    for (const [from, n] of [
      ['2026-03-27', 10],
      ['2027-05-12', 3],
      ['2026-12-20', 8],
    ] as const) {
      const d = deadline(from, n);
      expect(workingDays(from, d)).toBe(n);
      expect(isWorkingDay(d)).toBe(true);
      expect(workingDays(from, addDays(d, -1))).toBe(n - 1);
    }
  });

  it('refuses a deadline after 2200 and a zero count', () => {
    expect(() => deadline('2200-12-30', 5)).toThrow(/outside the calendar/);
    expect(deadline('2200-12-29', 2)).toBe('2200-12-31');
    expect(() => deadline('2026-03-02', 0)).toThrow(RangeError);
  });
});

describe('localDayOf', () => {
  it("is the day on this machine's clock, not the UTC date of the instant", () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Europe/Oslo';
    try {
      // Half past midnight in Norway: the UTC date is still the day before.
      expect(localDayOf('2026-12-06T23:30:00.000Z')).toBe('2026-12-07');
      expect(localDayOf('2026-12-06T22:59:00.000Z')).toBe('2026-12-06');
      expect(localDayOf('2026-07-01T22:30:00.000Z')).toBe('2026-07-02'); // summer time
      expect(localDayOf('not a time')).toBe('not a time');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});
