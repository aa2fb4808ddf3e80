import { checkScreen, expect, test } from './fixtures';
import { CaseList, Folder } from './pages';

test.describe('with a demo vault', () => {
  test.use({ vault: 'demo', demoCases: 60 });

  test('case list: DEMO marked, search as you type, filters, sort, keyboard', async ({ bro }) => {
    const { page } = bro;
    const list = new CaseList(page);
    await expect(list.heading).toBeVisible();
    await expect(page.getByText('DEMO – syntetiske data, ingen ekte personer')).toBeVisible();
    await expect(list.count).toHaveText('Viser 60 av 60 saker');
    await checkScreen(page, '20-case-list');

    // "/" jumps to the search; typing narrows the list at once.
    await page.getByRole('heading', { name: 'Saker', level: 1 }).click();
    await page.keyboard.press('/');
    await expect(list.search).toBeFocused();
    const first = (await list.rows().first().getByRole('link').innerText()).trim();
    await page.keyboard.type(first.split(' ')[0]!);
    await expect(list.count).not.toHaveText('Viser 60 av 60 saker');
    await expect(list.rows().getByRole('link', { name: first })).toBeVisible();
    await checkScreen(page, '21-case-list-search');
    await list.search.fill('');

    await page.getByLabel('Tjeneste').selectOption('BUP');
    const bup = await list.count.innerText();
    expect(Number(/Viser (\d+)/.exec(bup)![1])).toBeLessThan(60);
    for (const cell of await list.rows().locator('.col-service').allInnerTexts()) expect(cell).toBe('BUP');
    await page.getByLabel('Tjeneste').selectOption('');
    await page.getByLabel('Bare forfalte frister').check();
    for (const cell of await list.rows().locator('.col-deadline').allInnerTexts())
      expect(cell).toContain('forfalt');
    await page.getByLabel('Bare forfalte frister').uncheck();

    // Sorted by days waited (longest first) by default; the header says so to screen readers.
    const header = page.getByRole('columnheader', { name: 'Dager ventet' });
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const waited = (await list.rows().locator('.col-waited strong').allInnerTexts()).map(Number);
    expect(waited).toEqual([...waited].sort((a, b) => b - a));
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');

    // Alt+2 and Alt+5 reach the other screens.
    await page.keyboard.press('Alt+2');
    await expect(page.getByRole('heading', { name: 'Oppgaver denne uken' })).toBeVisible();
    await checkScreen(page, '30-tasks');
    await page.keyboard.press('Alt+5');
    await expect(page.getByRole('heading', { name: 'Innstillinger' })).toBeVisible();
    await checkScreen(page, '31-settings');
  });

  test('case folder: every tab is readable and accessible', async ({ bro }) => {
    // Ten tabs, each with axe; «Stemmer og forventninger» holds five panels since issue 14.
    test.slow();
    const { page } = bro;
    const list = new CaseList(page);
    await expect(list.heading).toBeVisible();
    // A case with a long history: the one waited longest is at the top.
    const name = (await list.rows().first().getByRole('link').innerText()).trim();
    await list.open(name);
    const folder = new Folder(page);
    const tabs: [string, string][] = [
      ['Tidslinje', '40-timeline'],
      ['Henvisninger', '41-referrals'],
      ['Saksbehandlere', '42-caseworkers'],
      ['Tiltak', '43-measures'],
      ['Møter', '44-meetings'],
      ['Samtykker', '45-consents'],
      ['Fravær', '46-absence'],
      ['Stemmer og forventninger', '47-voices'],
      ['Brev', '47b-letters'],
      ['Elev og foresatte', '48-pupil'],
    ];
    for (const [tab, shot] of tabs) {
      await folder.tab(tab);
      await expect(page.getByRole('tabpanel')).toBeVisible();
      await checkScreen(page, shot);
    }
    // Arrow keys move between tabs; Enter opens one.
    await page.getByRole('tab', { name: 'Elev og foresatte' }).focus();
    await page.keyboard.press('ArrowLeft');
    // Enter goes to the tab that has focus: wait for the arrow to have moved it.
    await expect(page.getByRole('tab', { name: 'Brev' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tab', { name: 'Brev' })).toHaveAttribute('aria-selected', 'true');
    // A meeting form with agreements and dissent is reachable and accessible.
    await folder.tab('Møter');
    await page.getByRole('button', { name: 'Nytt møte' }).click();
    await page.getByRole('button', { name: 'Legg til avtale' }).click();
    await page.getByRole('button', { name: 'Legg til dissens' }).click();
    await checkScreen(page, '49-meeting-form');
    await page.keyboard.press('Escape');
    await expect(folder.dialog).toBeHidden();
  });

  test('settings: the language changes at once and is kept', async ({ bro }) => {
    const { page } = bro;
    await page.getByRole('link', { name: 'Innstillinger' }).click();
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect(page.getByRole('link', { name: 'Cases' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await page.getByLabel('Language').selectOption('nn');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('link', { name: 'Oppgåver' })).toBeVisible();
    await checkScreen(page, '32-settings-nynorsk');
  });
});
