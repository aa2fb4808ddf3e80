import { INTERCHANGE_EXAMPLE_CASE } from '../../shared/interchange/interchangeExample.fixture';
import { checkScreen, expect, test } from './fixtures';
import { CaseList, Folder } from './pages';

/** Absence over time (issue 15, item 1): the month-by-month rate as a chart with its table beside it. */
const period = (from: string, to: string, wholeDays: number, partialDays: number) => ({
  from,
  to,
  wholeDays,
  partialDays,
  type: 'udokumentert',
  source: null,
});

test.describe('absence over time', () => {
  test.use({ vault: 'demo', demoCases: 4 });

  test('the absence tab shows the monthly rate; the chart and the table agree', async ({ bro }) => {
    const { page } = bro;
    const list = new CaseList(page);
    await expect(list.heading).toBeVisible();
    const c = structuredClone(INTERCHANGE_EXAMPLE_CASE) as Record<string, unknown>;
    c.id = 'c-fravaer-1';
    c.pupil = { ...(c.pupil as object), name: 'Frida Fraværsen' };
    c.absence = [
      period('2026-01-01', '2026-01-31', 2, 0),
      period('2026-02-01', '2026-02-28', 4, 2),
      period('2026-04-01', '2026-04-30', 3, 2),
    ];
    const ok = await page.evaluate(async (d) => {
      const res = await fetch('./api/interchange.import', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Bro-Token': sessionStorage.getItem('bro.session')!,
        },
        body: JSON.stringify({ file: { format: 'bro-interchange/1', cases: [d] } }),
      });
      return ((await res.json()) as { ok: boolean }).ok;
    }, c);
    expect(ok).toBe(true);
    await page.reload();
    await list.open('Frida Fraværsen');
    await new Folder(page).tab('Fravær');

    const table = page.getByRole('table', { name: 'Fravær måned for måned' });
    const rows = table.locator('tbody tr');
    // Hand-computed: January 21 school days (1 January), February 20, April 19 (Easter).
    await expect(rows).toHaveText([
      /01\.2026\s*21\s*2\s*9,5/u,
      /02\.2026\s*20\s*5\s*25/u,
      /04\.2026\s*19\s*4\s*21,1/u,
    ]);
    const fromTable = (await rows.locator('td:nth-child(4)').allInnerTexts()).map((x) =>
      Number(x.replace(',', '.')),
    );
    const fromChart = await page
      .getByTestId('absence-trend')
      .locator('rect[data-percent]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-percent'))));
    expect(fromChart).toEqual(fromTable);
    await expect(page.getByText('Ved henvisning 07.01.2026: 9,5 % (01.2026)')).toBeVisible();
    await expect(page.getByText('Ved første kontakt 16.02.2026: 25 % (02.2026)')).toBeVisible();
    await checkScreen(page, 'absence-10-trend');
  });
});
