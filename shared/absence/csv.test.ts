import { describe, expect, it } from 'vitest';
import { BroError } from '../errors';
import { parseAbsenceCsv } from './csv';

const refused = (text: string) => {
  try {
    parseAbsenceCsv(text);
  } catch (e) {
    expect(e).toBeInstanceOf(BroError);
    expect((e as BroError).code).toBe('VALIDATION');
    return (e as BroError).issues;
  }
  throw new Error('not refused');
};

describe('absence CSV as schools export it', () => {
  it('reads semicolons, a byte-order mark, CRLF, Norwegian dates and decimal commas', () => {
    const text =
      '\uFEFFFra;Til;Hele dager;Delvise dager;Type;Kilde\r\n01.03.2026;31.03.2026;2;1,5;Udokumentert;Visma\r\n\r\n1.4.2026;30.04.2026;0;3;elevmotivert;\r\n';
    expect(parseAbsenceCsv(text)).toEqual([
      {
        from: '2026-03-01',
        to: '2026-03-31',
        wholeDays: 2,
        partialDays: 1.5,
        type: 'udokumentert',
        source: 'Visma',
      },
      {
        from: '2026-04-01',
        to: '2026-04-30',
        wholeDays: 0,
        partialDays: 3,
        type: 'elevmotivert',
        source: null,
      },
    ]);
  });

  it('reads commas with quoted decimal commas, columns in any order, ISO dates, no BOM', () => {
    const text = 'type,delvise dager,hele dager,til,fra\ndokumentert,"2,5",1,2026-02-28,2026-02-01\n';
    expect(parseAbsenceCsv(text)).toEqual([
      {
        from: '2026-02-01',
        to: '2026-02-28',
        wholeDays: 1,
        partialDays: 2.5,
        type: 'dokumentert',
        source: null,
      },
    ]);
  });

  it('refuses a bad row with its line number, and imports nothing', () => {
    const issues = refused(
      'fra;til;hele dager;delvise dager;type\n01.03.2026;31.03.2026;2;0;dokumentert\n31.02.2026;31.03.2026;x;0;sykdom\n',
    );
    expect(issues).toEqual([
      { path: ['line', 3, 'fra'], code: 'CSV_DATE' },
      { path: ['line', 3, 'hele dager'], code: 'CSV_NUMBER' },
      { path: ['line', 3, 'type'], code: 'CSV_TYPE' },
    ]);
  });

  it('refuses a missing column, a wrong number of cells, an open quote, a period that ends first, an empty file', () => {
    expect(refused('fra;til;hele dager;type\n')).toEqual([
      { path: ['line', 1, 'delvise dager'], code: 'CSV_COLUMN_MISSING' },
    ]);
    expect(refused('fra;til;hele dager;delvise dager;type\n01.03.2026;31.03.2026;2;0\n')).toEqual([
      { path: ['line', 2], code: 'CSV_CELLS' },
    ]);
    expect(
      refused('fra,til,hele dager,delvise dager,type\n01.03.2026,31.03.2026,"2,0,dokumentert\n'),
    ).toEqual([{ path: ['line', 2], code: 'CSV_CELLS' }]);
    expect(refused('fra;til;hele dager;delvise dager;type\n31.03.2026;01.03.2026;2;0;dokumentert\n')).toEqual(
      [{ path: ['line', 2, 'til'], code: 'CSV_TO_BEFORE_FROM' }],
    );
    expect(refused('\uFEFF\n\n')).toEqual([{ path: ['line', 1], code: 'CSV_EMPTY' }]);
    expect(refused('fra;til;hele dager;delvise dager;type\n')).toEqual([
      { path: ['line', 2], code: 'CSV_EMPTY' },
    ]);
  });

  it('refuses values beyond the absence schema (more than 400 days)', () => {
    expect(
      refused('fra;til;hele dager;delvise dager;type\n01.03.2026;31.03.2026;401;0;dokumentert\n'),
    ).toEqual([{ path: ['line', 2, 'wholeDays'], code: 'CSV_VALUE' }]);
  });
});
