// Issue 15 item 1 through the contract on a real vault: `absence.import` (the app's CSV import:
// bytes in, the one parser, all rows or none) and the school-holiday register the rate leaves out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { absenceOverTime } from '../../shared/absence/monthly';
import type { CaseDoc } from '../../shared/domain/caseDoc';
import { BroError } from '../../shared/errors';
import { call, createHandlers, type Handlers } from '../../electron/services/handlers';
import { Session } from '../../electron/services/session';

const FAST = { N: 2 ** 12, r: 8, p: 1 };
const TODAY = '2026-11-20';
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

async function errorOf(p: Promise<unknown>): Promise<BroError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BroError) return e;
    throw new Error(`not a BroError: ${String(e)}`);
  }
  throw new Error('expected an error');
}

const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');
let h: Handlers;
let caseId: string;
const absenceOf = async () => ((await call(h, 'cases.get', { caseId })).doc as CaseDoc).absence ?? [];

beforeAll(async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'bro-absence-import-'));
  roots.push(root);
  h = createHandlers(new Session({ kdf: FAST, today: TODAY }));
  await call(h, 'vault.create', { dir: path.join(root, 'v'), passphrase: 'syntetisk passord' });
  ({ caseId } = await call(h, 'cases.create', {
    service: 'PPT',
    pupil: { name: 'Frida Fraværsen', school: 'Hov skole', grade: 7 },
  }));
});

describe('absence.import', () => {
  it('refuses a file with a bad row, naming its line; nothing is imported', async () => {
    const csv =
      'fra;til;hele dager;delvise dager;type\n01.05.2026;31.05.2026;2;0;dokumentert\n01.06.2026;31.06.2026;1;0;udokumentert\n';
    const e = await errorOf(call(h, 'absence.import', { caseId, csv: b64(csv) }));
    expect(e.code).toBe('VALIDATION');
    expect(e.issues).toEqual([{ path: ['line', 3, 'til'], code: 'CSV_DATE' }]);
    expect(await absenceOf()).toEqual([]);
  });

  it('refuses bytes that are not UTF-8 (a Windows-1252 file), and bad base64', async () => {
    const latin1 = Uint8Array.from([
      ...Buffer.from('fra;til;hele dager;delvise dager;type;kilde\n'),
      0xe6,
      0x0a,
    ]);
    const e = await errorOf(call(h, 'absence.import', { caseId, csv: b64(latin1) }));
    expect(e.issues[0]?.code).toBe('CSV_ENCODING');
    const bad = await errorOf(call(h, 'absence.import', { caseId, csv: 'ikke base64!' }));
    expect(bad.code).toBe('VALIDATION');
    expect(await absenceOf()).toEqual([]);
  });

  it("imports every row of a good file (BOM, CRLF, decimal comma) as the case's absence", async () => {
    const csv =
      '\uFEFFFra;Til;Hele dager;Delvise dager;Type;Kilde\r\n01.10.2025;31.10.2025;3;3;udokumentert;Visma\r\n01.04.2026;30.04.2026;3;2,0;elevmotivert;Visma\r\n';
    expect(await call(h, 'absence.import', { caseId, csv: b64(csv) })).toMatchObject({ imported: 2 });
    const rows = await absenceOf();
    expect(rows.map((r) => [r.from, r.to, r.wholeDays, r.partialDays, r.type])).toEqual([
      ['2025-10-01', '2025-10-31', 3, 3, 'udokumentert'],
      ['2026-04-01', '2026-04-30', 3, 2, 'elevmotivert'],
    ]);
  });
});

describe('the school-holiday register', () => {
  it('refuses a reversed period and one outside its school year; nothing is written', async () => {
    const reversed = await errorOf(
      call(h, 'registers.record', {
        register: 'schoolHolidays',
        set: { schoolYear: '2025-2026', label: 'Høstferie', from: '2025-10-10', to: '2025-10-06' },
      }),
    );
    expect(reversed.issues).toEqual([{ path: ['set', 'to'], code: 'SCHOOL_HOLIDAY_TO_BEFORE_FROM' }]);
    const outside = await errorOf(
      call(h, 'registers.record', {
        register: 'schoolHolidays',
        set: { schoolYear: '2026-2027', label: 'Høstferie', from: '2025-10-06', to: '2025-10-10' },
      }),
    );
    expect(outside.issues[0]?.code).toBe('SCHOOL_HOLIDAY_OUTSIDE_YEAR');
    expect((await call(h, 'registers.get', {})).schoolHolidays).toEqual([]);
  });

  it('leaves the holidays entered out of the rate (the same label may recur each year)', async () => {
    for (const set of [
      { schoolYear: '2025-2026', label: 'Høstferie', from: '2025-10-06', to: '2025-10-10' },
      { schoolYear: '2025-2026', label: 'Påskeferie', from: '2026-03-30', to: '2026-04-06' },
      { schoolYear: '2026-2027', label: 'Høstferie', from: '2026-10-05', to: '2026-10-09' },
    ])
      await call(h, 'registers.record', { register: 'schoolHolidays', set });
    const { schoolHolidays } = await call(h, 'registers.get', {});
    expect(schoolHolidays.map((x) => x.label)).toEqual(['Høstferie', 'Påskeferie', 'Høstferie']);
    const doc = (await call(h, 'cases.get', { caseId })).doc as Parameters<typeof absenceOverTime>[0];
    const { months } = absenceOverTime(doc, { holidays: schoolHolidays });
    // October 2025: 23 weekdays less høstferie = 18; 3 + 3×½ = 4.5 days = 25 %.
    // April 2026: 19 less 1 April (påskeferie) = 18; 3 + 2×½ = 4 days = 22.2 %.
    expect(months.map((m) => [m.month, m.schoolDays, m.absentDays, m.percent])).toEqual([
      ['2025-10', 18, 4.5, 25],
      ['2026-04', 18, 4, 22.2],
    ]);
  });
});
