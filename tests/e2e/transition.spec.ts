import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { completeCase } from '../../shared/letters/letters.fixture';
import { checkScreen, expect, test } from './fixtures';
import { CaseList, Folder } from './pages';

/**
 * Issue 15 items 2 and 3: the caseworker records the first signs and a coming change of school,
 * sees it as a risk event with the stage and next transition, and issues the overgangsbrev to the
 * receiving school, sent on the consent the register holds. Keyboard and axe on each screen.
 */
const run = promisify(execFile);

async function importCase(page: Page, doc: unknown) {
  const result = await page.evaluate(async (d) => {
    const res = await fetch('./api/interchange.import', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Bro-Token': sessionStorage.getItem('bro.session')! },
      body: JSON.stringify({ file: { format: 'bro-interchange/1', cases: [d] } }),
    });
    return (await res.json()) as { ok: boolean };
  }, doc);
  expect(result.ok).toBe(true);
}

test.describe('transitions and the overgangsbrev', () => {
  test.use({ vault: 'demo', demoCases: 3 });

  test('record early signs and a school change, then issue the overgangsbrev', async ({ bro }) => {
    const { page } = bro;
    await expect(new CaseList(page).heading).toBeVisible();
    const c = completeCase() as ReturnType<typeof completeCase> & Record<string, unknown>;
    c.id = 'c-overgang-1';
    c.pupil = { ...c.pupil, name: 'Olav Overgang', grade: 7 };
    c.consents = [
      ...(c.consents ?? []),
      {
        ...c.consents![0]!,
        recipient: 'Nordby ungdomsskole',
        information: 'Tiltak som virker',
        date: '2026-04-20',
      },
    ];
    await importCase(page, c);
    await page.reload();
    await new CaseList(page).open('Olav Overgang');
    const folder = new Folder(page);
    await folder.tab('Tegn og overganger');
    await expect(page.getByTestId('next-transition')).toContainText('Neste overgang: til 8.–10. trinn');

    // Early signs, from the keyboard.
    await page.getByRole('button', { name: 'Endre tidlige tegn' }).focus();
    await page.keyboard.press('Enter');
    const signs = page.getByRole('dialog', { name: 'Tidlige tegn' });
    await signs.getByLabel('Første tegn (dato)').fill('02.09.2024');
    await signs.getByLabel('Hvem la merke til det').fill('mor');
    await signs.getByLabel('Vondt i magen').check();
    await signs.getByLabel('Gråt ved levering').check();
    await checkScreen(page, 'transition-early-signs-form');
    await signs.getByRole('button', { name: 'Lagre' }).click();
    await expect(signs).toBeHidden();
    await expect(page.getByTestId('earliest-signal')).toContainText(
      'Første signal: 02.09.2024 (første tegn)',
    );

    // A coming school change, recorded as a risk event.
    await page.getByRole('button', { name: 'Registrer overgang eller endring' }).focus();
    await page.keyboard.press('Enter');
    const ev = page.getByRole('dialog', { name: 'Registrer overgang eller endring' });
    await ev.getByLabel('Dato').fill('17.08.2027');
    await ev.getByLabel('Hva endres').selectOption('skolebytte');
    await ev.getByLabel('Ny skole eller klasse').fill('Nordby ungdomsskole');
    await ev.getByRole('button', { name: 'Lagre' }).click();
    await expect(ev).toBeHidden();
    const events = page.getByRole('region', { name: 'Overganger og endringer (risikohendelser)' });
    await expect(events).toContainText('Risikohendelse');
    await expect(events).toContainText('Skolebytte → Nordby ungdomsskole');
    await checkScreen(page, 'transition-panel');

    // The overgangsbrev: the school and the date come from the event, the consent from the register.
    await page.getByRole('link', { name: 'Skriv overgangsbrev' }).click();
    await expect(page.getByRole('heading', { name: /Overgangsbrev/u }).first()).toBeVisible();
    const issueButton = page.getByRole('button', { name: 'Signer og utsted …' });
    const findings = page.locator('.finding-list');
    await expect(findings.locator('li', { hasText: 'Brevet må navngi de trygge voksne.' })).toHaveCount(1);
    await expect(issueButton).toBeDisabled();
    await page
      .getByLabel('Dette virker for eleven', { exact: true })
      .fill('Fast mottak i garderoben kl. 08.15.');
    await page
      .getByRole('textbox', { name: 'Trygge voksne (navn og rolle)', exact: true })
      .fill('Kari Håland (miljøterapeut) og Siri Lie.');
    await page
      .getByRole('textbox', { name: 'Besøk før oppstart', exact: true })
      .fill('Besøk 10. juni med mor og 17. juni med kontaktlærer.');
    await page
      .getByRole('textbox', { name: 'Dette ber vi foresatte om i den nye skolen', exact: true })
      .fill('Melding til kontaktlærer før kl. 08.00 ved fravær.');
    await page
      .getByRole('textbox', { name: 'Hvem den nye skolen kan ringe', exact: true })
      .fill('Siri Lie, telefon 67 00 00 00.');
    await expect(findings.locator('li', { hasText: /^Brevet må/u })).toHaveCount(0);
    await expect(issueButton).toBeEnabled();
    await checkScreen(page, 'transition-letter-editor');
    await issueButton.click();
    const dialog = page.getByRole('dialog', { name: 'Signer og utsted' });
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Signer og utsted' }).click();
    const saved = path.join(bro.root, 'overgangsbrev.pdf');
    await (await downloading).saveAs(saved);
    await expect(dialog.getByText('Brevet er signert og registrert i saken.')).toBeVisible();
    const { stdout: text } = await run('pdftotext', ['-layout', saved, '-']);
    expect(text).toContain('Overgangsbrev for Olav Overgang');
    expect(text).toContain('Nordby ungdomsskole');
    expect(text).toContain('17. august 2027');
    expect(text).toMatch(/samtykke datert 20\.04\.2026/u);
  });
});
