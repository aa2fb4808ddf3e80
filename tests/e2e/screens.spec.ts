import type { Page } from '@playwright/test';
import { checkScreen, expect, test } from './fixtures';
import { CaseList, Folder } from './pages';

/**
 * The screens a caseworker uses all day (issue 12, item 9): at 200 % zoom on a 1280 px window
 * (a 640 CSS px wide viewport drawn at device scale 2) nothing scrolls sideways and the header's
 * buttons stay reachable (WCAG 1.4.10 Reflow).
 */

/** Nothing on the page is wider than the window: no sideways scrolling. */
async function expectNoSidewaysScroll(page: Page, screen: string) {
  const wide = await page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 8)
      .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
  );
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const el = document.scrollingElement!;
    return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
  });
  expect(
    scrollWidth,
    `${screen}: page ${scrollWidth} px wide in a ${clientWidth} px window; too wide: ${wide.join(', ')}`,
  ).toBeLessThanOrEqual(clientWidth);
}

/** Every button and link of the header is on screen and takes the keyboard's focus. */
async function expectHeaderReachable(page: Page) {
  const header = page.getByRole('banner');
  const controls = header.locator('a[href], button');
  const n = await controls.count();
  expect(n).toBeGreaterThanOrEqual(7);
  for (let i = 0; i < n; i++) {
    const c = controls.nth(i);
    await expect(c).toBeVisible();
    await c.focus();
    await expect(c).toBeFocused();
    await expect(c).toBeInViewport({ ratio: 1 });
  }
}

async function checkZoomed(page: Page, name: string) {
  await expectNoSidewaysScroll(page, name);
  await expectHeaderReachable(page);
  await checkScreen(page, name);
}

test.describe('200 % zoom on a 1280 px window', () => {
  test.use({ vault: 'demo', demoCases: 8, viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });

  test('the case list, a case folder, Oppgaver, Ventetider and the letter editor reflow', async ({ bro }) => {
    const { page } = bro;
    const list = new CaseList(page);
    await expect(list.heading).toBeVisible();
    await expect(list.rows().first()).toBeVisible();
    await checkZoomed(page, 'zoom-10-case-list');

    const first = await list.rows().first().getByRole('link').innerText();
    await list.open(first);
    await checkZoomed(page, 'zoom-20-case-folder');
    const folder = new Folder(page);
    await folder.tab('Brev');
    await page.getByLabel('Brevtype').selectOption('anbefaling');
    await page.getByRole('button', { name: 'Skriv brevet' }).click();
    await expect(page.getByRole('heading', { name: 'Anbefaling til skolen' })).toBeVisible();
    await expect(page.getByRole('img', { name: /Forhåndsvisning av brevet, side 1 av/u })).toBeVisible();
    await checkZoomed(page, 'zoom-30-letter-editor');

    await page.getByRole('banner').getByRole('link', { name: 'Oppgaver' }).click();
    await expect(page.getByRole('heading', { name: 'Oppgaver', level: 1 })).toBeVisible();
    await checkZoomed(page, 'zoom-40-tasks');

    await page.getByRole('banner').getByRole('link', { name: 'Ventetider' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Ventetider/u })).toBeVisible();
    await checkZoomed(page, 'zoom-50-report');
  });
});
