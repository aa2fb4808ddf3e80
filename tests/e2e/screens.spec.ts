import type { Page } from '@playwright/test';
import { checkScreen, expect, test } from './fixtures';
import { completeCase } from '../../shared/letters/letters.fixture';
import { DEMO_PASSPHRASE } from '../../shared/demo/passphrase';
import { CaseList, Folder, Gate } from './pages';

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

  test('the case list and a case folder reflow', async ({ bro }) => {
    const { page } = bro;
    const list = new CaseList(page);
    await expect(list.heading).toBeVisible();
    await expect(list.rows().first()).toBeVisible();
    await checkZoomed(page, 'zoom-10-case-list');
    await list.open(await list.rows().first().getByRole('link').innerText());
    await checkZoomed(page, 'zoom-20-case-folder');
  });

  test('the letter editor reflows', async ({ bro }) => {
    const { page } = bro;
    const list = new CaseList(page);
    await expect(list.rows().first()).toBeVisible();
    await list.open(await list.rows().first().getByRole('link').innerText());
    await new Folder(page).tab('Brev');
    await page.getByLabel('Brevtype').selectOption('anbefaling');
    await page.getByRole('button', { name: 'Skriv brevet' }).click();
    await expect(page.getByRole('heading', { name: 'Anbefaling til skolen' })).toBeVisible();
    await expect(page.getByRole('img', { name: /Forhåndsvisning av brevet, side 1 av/u })).toBeVisible();
    await checkZoomed(page, 'zoom-30-letter-editor');
  });

  test('Oppgaver and Ventetider reflow', async ({ bro }) => {
    const { page } = bro;
    await expect(new CaseList(page).heading).toBeVisible();
    await page.getByRole('banner').getByRole('link', { name: 'Oppgaver' }).click();
    await expect(page.getByRole('heading', { name: 'Oppgaver', level: 1 })).toBeVisible();
    await checkZoomed(page, 'zoom-40-tasks');
    await page.getByRole('banner').getByRole('link', { name: 'Ventetider' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Ventetider/u })).toBeVisible();
    await checkZoomed(page, 'zoom-50-report');
  });
});

/** Imports a case through the page's own door (the same call the renderer makes). */
async function importCase(page: Page, doc: unknown) {
  const ok = await page.evaluate(async (d) => {
    const res = await fetch('./api/interchange.import', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Bro-Token': sessionStorage.getItem('bro.session')! },
      body: JSON.stringify({ file: { format: 'bro-interchange/1', cases: [d] } }),
    });
    return ((await res.json()) as { ok: boolean }).ok;
  }, doc);
  expect(ok).toBe(true);
}

/** A synthetic case whose anbefaling has findings in the editor's fields and in the case's tabs. */
function caseWithFindings() {
  const c = completeCase() as ReturnType<typeof completeCase> & Record<string, unknown>;
  c.id = 'c-skjerm-1';
  c.pupil = { ...c.pupil, name: 'Tuva Skjermvik' };
  c.consents = [];
  c.pupilVoice = null;
  return c;
}

test.describe('the keyboard and going back', () => {
  test.use({ vault: 'demo', demoCases: 8 });

  test('`/` goes to the search only outside text fields; ↓ enters the results, ↑ leaves them', async ({
    bro,
  }) => {
    const { page } = bro;
    const list = new CaseList(page);
    await expect(list.rows().first()).toBeVisible();

    // From a checkbox (not a text field): `/` moves to the search.
    const overdue = page.getByLabel('Bare forfalte frister');
    await overdue.focus();
    await page.keyboard.press('/');
    await expect(list.search).toBeFocused();
    await expect(list.search).toHaveValue('');

    // In the search itself, `/` is a character.
    await page.keyboard.type('a/');
    await expect(list.search).toHaveValue('a/');
    await list.search.fill('');

    // In a text field of a dialog, `/` is typed, and focus stays there.
    await page.getByRole('button', { name: 'Ny sak' }).click();
    const dialog = page.getByRole('dialog');
    const school = dialog.getByLabel(/^Skole/u);
    await school.click();
    await page.keyboard.type('Skole 1/2');
    await expect(school).toHaveValue('Skole 1/2');
    await expect(school).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // From a sort button: `/` moves to the search again.
    await page.getByRole('button', { name: /^Skole/u }).focus();
    await page.keyboard.press('/');
    await expect(list.search).toBeFocused();

    // ↓ from the search: the first pupil's link; ↓ the next; ↑ ↑ back to the search.
    const links = list.rows().getByRole('link');
    const first = await links.nth(0).innerText();
    const second = await links.nth(1).innerText();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator(':focus')).toHaveText(first);
    await page.keyboard.press('ArrowDown');
    await expect(page.locator(':focus')).toHaveText(second);
    await page.keyboard.press('ArrowUp');
    await expect(page.locator(':focus')).toHaveText(first);
    await page.keyboard.press('ArrowUp');
    await expect(list.search).toBeFocused();
    await checkScreen(page, 'keys-10-search-focused');
  });

  test('search, filters and sort survive opening a case and going back; the Oppgaver filter too', async ({
    bro,
  }) => {
    const { page } = bro;
    const list = new CaseList(page);
    await expect(list.rows().first()).toBeVisible();
    const total = await list.rows().count();

    await page.getByLabel('Status').selectOption({ label: 'Åpen' });
    await page.getByRole('button', { name: /^Skole/u }).click();
    const name = await list.rows().first().getByRole('link').innerText();
    await list.search.fill(name.split(' ')[0]!);
    await expect.poll(() => list.rows().count()).toBeLessThan(total);
    const countText = await list.count.innerText();
    const shown = await list.rows().getByRole('link').allInnerTexts();

    // Open the case, then Back (the browser's): everything as it was.
    await list.open(name);
    await page.goBack();
    await expect(list.heading).toBeVisible();
    await expect(list.search).toHaveValue(name.split(' ')[0]!);
    await expect(page.getByLabel('Status')).toHaveValue('open');
    await expect(page.getByRole('columnheader', { name: /^Skole/u })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await expect(list.count).toHaveText(countText);
    expect(await list.rows().getByRole('link').allInnerTexts()).toEqual(shown);

    // Away through the menu and back with Alt+1: still there.
    await page.getByRole('banner').getByRole('link', { name: 'Oppgaver' }).click();
    await expect(page.getByRole('heading', { name: 'Oppgaver', level: 1 })).toBeVisible();
    const kind = page.getByLabel('Vis');
    // The kinds are offered once the tasks have loaded: wait for a second option.
    await expect(kind.locator('option').nth(1)).toBeAttached();
    await kind.selectOption({ index: 1 });
    const chosen = await kind.inputValue();
    await page.keyboard.press('Alt+1');
    await expect(list.heading).toBeVisible();
    await expect(list.search).toHaveValue(name.split(' ')[0]!);
    await expect(page.getByLabel('Status')).toHaveValue('open');
    await page.goBack();
    await expect(page.getByRole('heading', { name: 'Oppgaver', level: 1 })).toBeVisible();
    await expect(kind).toHaveValue(chosen);

    // Locking drops it (a search may be a pupil's name).
    await page.getByRole('button', { name: 'Lås', exact: true }).click();
    await new Gate(page).unlock(DEMO_PASSPHRASE);
    await expect(list.rows().first()).toBeVisible();
    await expect(list.search).toHaveValue('');
    await expect(page.getByLabel('Status')).toHaveValue('');
    await expect(list.rows()).toHaveCount(total);
  });
});

test.describe('the letter editor’s findings', () => {
  test.use({ vault: 'demo', demoCases: 8 });

  test('each «Gå til feltet» has a name of its own; «Rett i saken» saves the draft first', async ({
    bro,
  }) => {
    const { page } = bro;
    const list = new CaseList(page);
    await expect(list.heading).toBeVisible();
    await importCase(page, caseWithFindings());
    await page.reload();
    await list.open('Tuva Skjermvik');
    await new Folder(page).tab('Brev');
    await page.getByLabel('Brevtype').selectOption('anbefaling');
    await page.getByRole('button', { name: 'Skriv brevet' }).click();
    const findings = page.locator('.finding-list');
    await expect(findings.getByText(/Ingen gyldig samtykke for rektor/u)).toBeVisible();

    // Every action in the list has an accessible name of its own.
    const goTo = findings.getByRole('button', { name: /^Gå til feltet/u });
    expect(await goTo.count()).toBeGreaterThanOrEqual(2);
    const actions = findings.locator('.finding-actions').locator('button, a[href]');
    const names = await actions.evaluateAll((els) =>
      els.map((e) =>
        (e.getAttribute('aria-labelledby')?.split(' ') ?? [])
          .map((ref) => document.getElementById(ref)?.textContent ?? '')
          .join(' ')
          .replace(/\s+/gu, ' ')
          .trim(),
      ),
    );
    expect(new Set(names).size, names.join(' | ')).toBe(names.length);
    const rektor = findings.getByRole('button', { name: /^Gå til feltet .*rektor/u });
    await rektor.click();
    await expect(page.locator(':focus')).toHaveAttribute('id', 'opt-legalBasis-rektor');
    await checkScreen(page, 'editor-10-findings-named');

    // Typed, not saved; then «Rett i saken»: the draft is saved first, and no question is asked.
    await page.locator(':focus').fill('Forvaltningsloven § 13 b nr. 1 (samtykke gitt muntlig)');
    await expect(page.getByText('Endringer som ikke er lagret')).toBeVisible();
    let asked = false;
    page.on('dialog', (d) => {
      asked = true;
      void d.dismiss();
    });
    const fix = findings.getByRole('link', {
      name: /^Rett i saken: Stemmer og forventninger .*Elevens stemme/u,
    });
    await fix.click();
    await expect(page).toHaveURL(/\/voices$/u);
    await expect(page.getByRole('tab', { name: 'Stemmer og forventninger' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(asked).toBe(false);

    // Back: the saved draft, with what was typed.
    await page.goBack();
    await expect(page).toHaveURL(/\/letters\/[a-z2-7]{26}$/u);
    await expect(page.getByLabel('Lovgrunnlag for å sende til rektor')).toHaveValue(/Forvaltningsloven/u);
    await expect(page.getByText('Endringer som ikke er lagret')).toBeHidden();
    await page.getByRole('link', { name: 'Til brevene i saken' }).click();
    await expect(
      page.getByRole('region', { name: 'Utkast' }).getByRole('link', { name: 'Anbefaling til skolen' }),
    ).toHaveCount(1);
  });
});
