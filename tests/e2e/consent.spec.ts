import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { completeCase } from '../../shared/letters/letters.fixture';
import { checkScreen, expect, test } from './fixtures';
import { CaseList, Folder } from './pages';

/**
 * Consent at every sharing (issue 14 item 8): a copy of a letter to BUP without a consent to BUP
 * is stopped, and the finding names BUP and leads to the legal-basis field or the consent register;
 * with a recorded legal basis the letter is issued and says why BUP got it; a case with a consent
 * to BUP sends without more.
 */
const run = promisify(execFile);

function caseWith(id: string, name: string, bupConsent: boolean) {
  const c = completeCase() as ReturnType<typeof completeCase> & Record<string, unknown>;
  c.id = id;
  c.pupil = { ...c.pupil, name };
  if (bupConsent) {
    const consents = c.consents ?? [];
    c.consents = [...consents, { ...consents[0]!, recipient: 'BUP', information: 'Tiltaksplanen' }];
  }
  return c;
}

async function importCases(page: Page, docs: unknown[]) {
  const result = await page.evaluate(async (d) => {
    const res = await fetch('./api/interchange.import', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Bro-Token': sessionStorage.getItem('bro.session')! },
      body: JSON.stringify({ file: { format: 'bro-interchange/1', cases: d } }),
    });
    return (await res.json()) as { ok: boolean };
  }, docs);
  expect(result.ok).toBe(true);
}

async function writeAnbefaling(page: Page, pupil: string) {
  await page.goto(page.url().replace(/#.*$/u, '#/'));
  const list = new CaseList(page);
  await expect(list.heading).toBeVisible();
  await list.open(pupil);
  await new Folder(page).tab('Brev');
  await page.getByLabel('Brevtype').selectOption('anbefaling');
  await page.getByRole('button', { name: 'Skriv brevet' }).click();
  await expect(page.getByRole('heading', { name: 'Anbefaling til skolen' })).toBeVisible();
  // A copy to BUP, by the keyboard: the button, then the name.
  await page.getByRole('button', { name: 'Legg til tjeneste' }).focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Tjeneste 1', { exact: true }).fill('BUP');
}

test.describe('consent at every sharing', () => {
  test.use({ vault: 'demo', demoCases: 4 });

  test('a letter copied to BUP without consent is stopped naming BUP; a legal basis or a consent lets it go', async ({
    bro,
  }) => {
    const { page } = bro;
    await expect(new CaseList(page).heading).toBeVisible();
    await importCases(page, [
      caseWith('c-samtykke-1', 'Siri Samtykke', false),
      caseWith('c-samtykke-2', 'Sander Samtykke', true),
    ]);
    await page.reload();

    // No consent to BUP: stopped, and the finding names BUP.
    await writeAnbefaling(page, 'Siri Samtykke');
    const findings = page.locator('.finding-list');
    const item = findings.locator('li', { hasText: 'Ingen gyldig samtykke for BUP' });
    await expect(item).toHaveCount(1);
    const issueButton = page.getByRole('button', { name: 'Signer og utsted …' });
    await expect(issueButton).toBeDisabled();
    // Two ways out: the consent register, or the legal basis (the cursor goes to its field).
    await expect(item.getByRole('link', { name: /Åpne samtykkeregisteret/u })).toBeVisible();
    await checkScreen(page, 'consent-bup-missing');
    await item.getByRole('button', { name: /Gå til feltet/u }).click();
    const focused = page.locator(':focus');
    await expect(focused).toHaveAttribute('id', 'opt-otherRecipients-0-legalBasis');
    await page.keyboard.type('Helsepersonelloven § 25 (samarbeid om helsehjelp)');
    await expect(item).toHaveCount(0);
    await expect(issueButton).toBeEnabled();
    await issueButton.click();
    const dialog = page.getByRole('dialog', { name: 'Signer og utsted' });
    await expect(dialog.locator('dd', { hasText: /(^|; )BUP$/u })).toBeVisible();
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Signer og utsted' }).click();
    const saved = path.join(bro.root, 'bup-kopi.pdf');
    await (await downloading).saveAs(saved);
    await expect(dialog.getByText('Brevet er signert og registrert i saken.')).toBeVisible();
    const { stdout: text } = await run('pdftotext', ['-layout', saved, '-']);
    expect(text).toMatch(/BUP/u);
    expect(text).toContain('Helsepersonelloven § 25');
    await dialog.locator('.actions').getByRole('button', { name: 'Lukk' }).click();

    // The link leads to the consent register of the case.
    await writeAnbefaling(page, 'Siri Samtykke');
    await findings
      .locator('li', { hasText: 'Ingen gyldig samtykke for BUP' })
      .getByRole('link', { name: /Åpne samtykkeregisteret/u })
      .click();
    page.once('dialog', (d) => void d.accept());
    await expect(page).toHaveURL(/#\/cases\/[a-z2-7]{26}\/consents$/u);

    // A consent to BUP in the register: no finding for BUP.
    await writeAnbefaling(page, 'Sander Samtykke');
    await expect(page.locator('.preview-state')).toHaveText('');
    await expect(findings.locator('li', { hasText: 'Ingen gyldig samtykke for' })).toHaveCount(0);
    await expect(issueButton).toBeEnabled();
  });
});
