import type { Locator, Page } from '@playwright/test';
import { addDays } from '../../shared/calendar/days';
import { checkScreen, expect, test } from './fixtures';
import { api, CaseList, expectFieldError, field, Folder } from './pages';

/**
 * Impossible data and undo (issue 12, items 6–7): a referral voided with a reason leaves the
 * waiting report (Ventetider) and stays in the timeline; a second case for the same pupil is
 * warned of and the existing case offered; an impossible date is stopped at its field; text
 * limits are shown beside their fields.
 */

const localToday = () => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** The data cells of the figures row named `row`. */
async function rowCells(table: Locator, row: string): Promise<string[]> {
  const tr = table
    .locator('tr')
    .filter({ has: table.page().getByRole('rowheader', { name: row, exact: true }) });
  return (await tr.getByRole('cell').allInnerTexts()).map((s) => s.trim());
}

const PUPIL = { name: 'Vilde Voidsen', school: 'Lia skole', grade: 6, birthDate: '2014-09-01' };

async function setUp(page: Page, vaultDir: string) {
  const today = localToday();
  // Both referrals this year, so «I år» holds them whatever today is.
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const received = addDays(today, -20) < yearStart ? yearStart : addDays(today, -20);
  await api(page, 'vault.create', {
    dir: vaultDir,
    passphrase: 'syntetisk passordfrase',
    memberName: 'Kari Nordmann',
  });
  await api(page, 'interchange.import', {
    file: {
      format: 'bro-interchange/1',
      cases: [
        {
          id: 'sak-void-1',
          service: 'PPT',
          pupil: PUPIL,
          referrals: [
            { id: 'henv-1', referredBy: 'skole', reason: 'Fravær', received },
            { id: 'henv-2', referredBy: 'foresatte', reason: 'Registrert i feil sak', received },
          ],
        },
      ],
    },
  });
  await page.reload();
  await expect(new CaseList(page).heading).toBeVisible();
}

async function stillWaiting(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Ventetider' }).click();
  await expect(page.getByRole('heading', { name: 'Ventetider', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'I år' }).click();
  const figures = page.getByRole('table', { name: /^Ventetider i perioden/ });
  await expect(figures).toBeVisible();
  return (await rowCells(figures, 'Ventetid, venter fortsatt'))[0]!;
}

test('voiding a referral takes it out of Ventetider and keeps it in the timeline with reason and author', async ({
  bro,
}) => {
  const { page } = bro;
  await setUp(page, bro.vaultDir);
  await expect.poll(() => stillWaiting(page)).toBe('2');

  await page.getByRole('link', { name: 'Saker' }).first().click();
  await new CaseList(page).open(PUPIL.name);
  const folder = new Folder(page);
  await folder.tab('Henvisninger');
  await page.getByRole('button', { name: 'Annuller Henvisninger 2' }).click();
  const dialog = page.getByRole('dialog', { name: 'Annuller: Henvisninger 2' });
  await expect(dialog.getByText('telles ikke lenger i ventetider')).toBeVisible();
  // A reason is required: nothing happens without one.
  await dialog.getByRole('button', { name: 'Annuller', exact: true }).click();
  await expectFieldError(dialog, 'Begrunnelse', /Må fylles ut/);
  await field(dialog, 'Begrunnelse').fill('Henvisningen gjelder en annen elev.');
  await checkScreen(page, '90-void-referral');
  await dialog.getByRole('button', { name: 'Annuller', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Registrert i feil sak')).toHaveCount(0);

  await folder.tab('Tidslinje');
  const line = page.locator('.timeline li').filter({ hasText: 'Henvisning annullert' }).first();
  await expect(line).toContainText('Begrunnelse: Henvisningen gjelder en annen elev.');
  await expect(line).toContainText('av Kari Nordmann');
  await checkScreen(page, '91-void-timeline');

  await expect.poll(() => stillWaiting(page)).toBe('1');
});

test('a second case for the same pupil is warned of, and the existing case offered', async ({ bro }) => {
  const { page } = bro;
  await setUp(page, bro.vaultDir);
  await page.getByRole('button', { name: 'Ny sak' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny sak' });
  await field(dialog, 'Tjeneste').selectOption('BUP');
  await field(dialog, 'Elevens navn').fill('vilde  voidsen');
  await field(dialog, 'Skole').fill('Lia skole');
  await field(dialog, 'Trinn (0 = barnehage, 1–13)').fill('6');
  // Every text limit is shown beside its field.
  await expect(dialog.getByText('14 av 200 tegn')).toBeVisible();
  await dialog.getByRole('button', { name: 'Opprett sak' }).click();
  const warning = dialog.getByRole('alert').filter({ hasText: 'Eleven har kanskje allerede en sak' });
  await expect(warning).toBeVisible();
  await checkScreen(page, '92-duplicate-warning');
  await warning.getByRole('link', { name: 'Åpne saken som finnes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: PUPIL.name })).toBeVisible();
  // Nothing was created.
  await page.getByRole('link', { name: 'Saker' }).first().click();
  await expect(new CaseList(page).rows()).toHaveCount(1);
});

test('a referral received after today is stopped at its field, stating today', async ({ bro }) => {
  const { page } = bro;
  await setUp(page, bro.vaultDir);
  await new CaseList(page).open(PUPIL.name);
  await new Folder(page).tab('Henvisninger');
  await page.getByRole('button', { name: 'Ny henvisning' }).click();
  const dialog = page.getByRole('dialog');
  await field(dialog, 'Henvist av').selectOption('skole');
  await field(dialog, 'Årsak').fill('Fravær');
  const tomorrow = addDays(localToday(), 1);
  await field(dialog, 'Mottatt').fill(tomorrow.split('-').reverse().join('.'));
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  const today = localToday().split('-').reverse().join('.');
  await expectFieldError(dialog, 'Mottatt', new RegExp(`etter dagens dato \\(${localToday()}\\)|${today}`));
  await checkScreen(page, '93-date-in-future');
});
