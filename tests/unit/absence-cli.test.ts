// `bro absence DIR --case ID --json` end to end: the real CLI entry in-process on a real vault,
// with a synthetic case imported through `bro import`.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INTERCHANGE_EXAMPLE_CASE } from '../../shared/interchange/interchangeExample.fixture';
import { runCli, tempDirs } from './helpers/cli';

const PASS = 'synt-etisk passord 2026';
const TODAY = '2026-11-20';
const tempDir = tempDirs('bro-absence-cli-');
const bro = (args: string[]) => runCli([...args, '--today', TODAY], { BRO_PASSPHRASE: PASS });

const period = (from: string, to: string, wholeDays: number, partialDays: number) => ({
  from,
  to,
  wholeDays,
  partialDays,
  type: 'udokumentert',
  source: 'skolens fraværsliste',
});

let vault: string;
beforeAll(async () => {
  vault = path.join(tempDir(), 'v');
  expect((await bro(['vault', 'init', vault, '--name', 'Kari Testbruker'])).code).toBe(0);
  const file = path.join(tempDir(), 'sak.json');
  const c = structuredClone(INTERCHANGE_EXAMPLE_CASE) as Record<string, unknown>;
  c.absence = [
    period('2026-01-01', '2026-01-31', 2, 0),
    period('2026-02-01', '2026-02-28', 4, 2),
    period('2026-04-01', '2026-04-30', 3, 2),
  ];
  writeFileSync(file, JSON.stringify({ format: 'bro-interchange/1', cases: [c] }));
  expect((await bro(['import', vault, file])).code).toBe(0);
});

describe('bro absence', () => {
  it('gives the months (school days less holidays, partial days as half) and the snapshots', async () => {
    const r = await bro(['absence', vault, '--case', 'c-0001', '--json']);
    expect(r.code).toBe(0);
    expect(
      r.json.months.map((m: Record<string, unknown>) => [m.month, m.schoolDays, m.absentDays, m.percent]),
    ).toEqual([
      ['2026-01', 21, 2, 9.5], // 22 weekdays less 1 January
      ['2026-02', 20, 5, 25],
      ['2026-04', 19, 4, 21.1], // 22 weekdays less Easter's three
    ]);
    // Referral received 7 January, first contact 16 February, evaluated 22 June (last figures: April).
    expect(r.json.snapshots).toEqual([
      { kind: 'referral', date: '2026-01-07', month: '2026-01', percent: 9.5 },
      { kind: 'firstContact', date: '2026-02-16', month: '2026-02', percent: 25 },
      { kind: 'evaluation', date: '2026-06-22', month: '2026-04', percent: 21.1 },
    ]);
    const text = await bro(['absence', vault, '--case', 'c-0001']);
    expect(text.out).toContain('2026-04  19          4             21,1 %');
    expect(text.out).toContain('Ved henvisning 07.01.2026: 9,5 %');
  });

  it('refuses a missing --case (usage) and an unknown case (NOT_FOUND)', async () => {
    expect((await bro(['absence', vault])).code).toBe(2);
    const none = await bro(['absence', vault, '--case', 'finnes-ikke', '--json']);
    expect(none.code).toBe(6);
    expect(none.json.error.code).toBe('NOT_FOUND');
  });

  it("--import reads the school's CSV into the case; a bad row refuses the file with its line, nothing written", async () => {
    const bad = path.join(tempDir(), 'feil.csv');
    writeFileSync(
      bad,
      'fra;til;hele dager;delvise dager;type\n01.05.2026;31.05.2026;2;0;dokumentert\n01.06.2026;30.06.2026;1,5;x;sykdom\n',
    );
    const refused = await bro(['absence', vault, '--case', 'c-0001', '--import', bad, '--json']);
    expect(refused.code).toBe(3);
    expect(refused.json.error.code).toBe('VALIDATION');
    expect(refused.json.error.issues[0].path).toBe('line[3].delvise dager');
    expect((await bro(['absence', vault, '--case', 'c-0001', '--json'])).json.months).toHaveLength(3);

    const good = path.join(tempDir(), 'mai.csv');
    // As a spreadsheet saves it: BOM, CRLF, semicolons, Norwegian dates, a decimal comma.
    writeFileSync(
      good,
      '\uFEFFFra;Til;Hele dager;Delvise dager;Type;Kilde\r\n01.05.2026;31.05.2026;4;1,0;Dokumentert;Visma\r\n',
    );
    const ok = await bro(['absence', vault, '--case', 'c-0001', '--import', good, '--json']);
    expect(ok.code).toBe(0);
    expect(ok.json).toMatchObject({ case: 'c-0001', imported: 1 });
    const after = await bro(['absence', vault, '--case', 'c-0001', '--json']);
    // May 2026: 18 school days; 4 + ½ = 4.5 days = 25 %.
    expect(after.json.months.at(-1)).toMatchObject({
      month: '2026-05',
      schoolDays: 18,
      absentDays: 4.5,
      percent: 25,
    });
  });
});
