import { completeCase } from '../../shared/letters/letters.fixture';
import { checkScreen, expect, test } from './fixtures';
import { api, CaseList, Folder } from './pages';

/**
 * Issue 15 item 5: closing a referral properly. «Avslutt henvisningen» asks whether the pupil is
 * back at school and shows the absence at intake against closing; without an issued
 * avslutningsbrev the service refuses (CLOSING_LETTER_REQUIRED) and the form offers the letter;
 * after the letter is issued the same closing is accepted and the outcome recorded. Keyboard, axe.
 */

test.describe('closing a referral', () => {
  test.use({ vault: 'demo', demoCases: 3 });

  test('close without, then with, an avslutningsbrev', async ({ bro }) => {
    const { page } = bro;
    await expect(new CaseList(page).heading).toBeVisible();
    const c = completeCase() as ReturnType<typeof completeCase> & Record<string, unknown>;
    c.id = 'c-avslutt-1';
    c.pupil = { ...c.pupil, name: 'Aksel Avslutning' };
    c.referrals = c.referrals!.map((r) => ({ ...r, absenceAtReferral: 42 }));
    await api(page, 'interchange.import', { file: { format: 'bro-interchange/1', cases: [c] } });
    await page.reload();
    await new CaseList(page).open('Aksel Avslutning');
    const folder = new Folder(page);
    await folder.tab('Henvisninger');

    // The form, by keyboard: the outcome is required before anything is sent.
    const open = page.getByRole('button', { name: 'Avslutt henvisningen r-1' });
    await open.focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('dialog', { name: 'Avslutt henvisningen r-1' });
    await expect(form.getByTestId('closing-absence')).toContainText('Fravær ved henvisning: 42 %');
    await form.getByRole('button', { name: 'Avslutt henvisningen' }).press('Enter');
    const outcome = form.getByLabel('Er eleven tilbake på skolen?');
    await expect(outcome).toBeFocused();
    await expect(
      form.getByText('Velg om eleven er tilbake på skolen helt, delvis eller ikke.'),
    ).toBeVisible();
    await outcome.selectOption('partial');
    await form.getByLabel('Fravær ved avslutning (%)').fill('12,5');
    await expect(form.getByTestId('closing-absence')).toContainText('Ved avslutning: 12,5 %');
    await form.getByLabel('Foresattes tilfredshet').selectOption('delvis');
    await checkScreen(page, 'closing-form');

    // Refused: no avslutningsbrev yet. Nothing is recorded.
    await form.getByRole('button', { name: 'Avslutt henvisningen' }).press('Enter');
    const refusal = form.getByRole('alert').filter({ hasText: 'avslutningsbrev' });
    await expect(refusal).toContainText('kan ikke avsluttes før et avslutningsbrev er utstedt');
    await checkScreen(page, 'closing-refused');
    const caseId = (await api<{ cases: { caseId: string; pupilName?: string }[] }>(page, 'cases.list', {}))
      .cases;
    const ids = caseId.map((x) => x.caseId);
    const ours = async () => {
      for (const id of ids) {
        const got = await api<{
          doc: { id?: string; referrals?: { closed?: string | null; outcome?: string | null }[] };
        }>(page, 'cases.get', { caseId: id });
        if (got.doc.id === 'c-avslutt-1') return got.doc.referrals![0]!;
      }
      throw new Error('case not found');
    };
    expect((await ours()).closed ?? null).toBeNull();

    // The way to the letter: write and issue the avslutningsbrev.
    await refusal.getByRole('link', { name: 'Skriv avslutningsbrev' }).click();
    await expect(page.getByRole('heading', { name: /Avslutningsbrev|Avslutning/u }).first()).toBeVisible();
    await page.getByLabel('Tjenesten som har ansvaret nå', { exact: true }).fill('Skolen');
    await page
      .getByLabel('Kontakt der (navn, telefon)', { exact: true })
      .fill('Rektor Rita Lie, 67 00 00 00');
    await page
      .getByRole('textbox', { name: 'Hvem har ansvaret nå, og for hva', exact: true })
      .fill('Skolen følger opp tiltakene og melder fra til PPT om fraværet øker igjen.');
    const issueButton = page.getByRole('button', { name: 'Signer og utsted …' });
    await expect(issueButton).toBeEnabled();
    await issueButton.click();
    const dialog = page.getByRole('dialog', { name: 'Signer og utsted' });
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Signer og utsted' }).click();
    await downloading;
    await expect(dialog.getByText('Brevet er signert og registrert i saken.')).toBeVisible();
    await dialog.locator('.actions').getByRole('button', { name: 'Lukk' }).click();

    // Now the same closing is accepted, with the outcome.
    await folder.tab('Henvisninger');
    await page.getByRole('button', { name: 'Avslutt henvisningen r-1' }).press('Enter');
    const again = page.getByRole('dialog', { name: 'Avslutt henvisningen r-1' });
    await again.getByLabel('Er eleven tilbake på skolen?').selectOption('partial');
    await again.getByLabel('Fravær ved avslutning (%)').fill('12,5');
    await again.getByRole('button', { name: 'Avslutt henvisningen' }).press('Enter');
    await expect(again).toBeHidden();
    await expect(page.getByText('Utfall: Tilbake på skolen, delvis.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Avslutt henvisningen r-1' })).toHaveCount(0);
    const r = (await ours()) as { closed?: string; outcome?: string; closingAbsencePercent?: number };
    expect(r.outcome).toBe('partial');
    expect(r.closed).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    expect(r.closingAbsencePercent).toBe(12.5);
    await checkScreen(page, 'closing-done');
  });

  test('involved services and the assessment status, with the prompt to revisit the recommendations', async ({
    bro,
  }) => {
    const { page } = bro;
    await expect(new CaseList(page).heading).toBeVisible();
    const c = completeCase() as ReturnType<typeof completeCase> & Record<string, unknown>;
    c.id = 'c-status-1';
    c.pupil = { ...c.pupil, name: 'Siri Statusen' };
    await api(page, 'interchange.import', { file: { format: 'bro-interchange/1', cases: [c] } });
    await page.reload();
    await new CaseList(page).open('Siri Statusen');
    const folder = new Folder(page);
    await folder.tab('Henvisninger');

    // A service around the pupil.
    const services = page.getByRole('region', { name: 'Tjenester rundt eleven' });
    await services.getByRole('button', { name: 'Legg til tjeneste' }).press('Enter');
    await folder.dialog.getByRole('textbox', { name: 'Tjeneste', exact: true }).fill('BUP Vestby');
    await folder.dialog.getByRole('textbox', { name: 'Med fra', exact: true }).fill('02.02.2026');
    await folder.dialog
      .getByLabel('Rolle i saken', { exact: true })
      .fill('Utreder angst; samarbeidsmøte hver måned.');
    await folder.dialog
      .getByLabel('Kontakt (navn, telefon)', { exact: true })
      .fill('Lege Lars Berg, 32 00 00 00');
    await folder.save();
    await folder.saved();
    await expect(services).toContainText('BUP Vestby');
    await expect(services).toContainText('Fra 02.02.2026');

    // The assessment: henvist, then pågår: the change asks for the recommendations to be revisited.
    const statuses = page.getByRole('region', { name: 'Status for utredningen' });
    const addStatus = async (date: string, status: string) => {
      await statuses.getByRole('button', { name: 'Registrer ny status' }).press('Enter');
      await folder.dialog.getByRole('textbox', { name: 'Dato', exact: true }).fill(date);
      await folder.dialog.getByRole('combobox', { name: 'Status', exact: true }).selectOption(status);
      await folder.dialog.getByRole('textbox', { name: 'Ansvarlig tjeneste', exact: true }).fill('PPT');
      await folder.save();
      await folder.saved();
    };
    await addStatus('07.01.2026', 'henvist');
    await expect(page.getByTestId('revisit-prompt')).toHaveCount(0);
    await addStatus('16.02.2026', 'pågår');
    await expect(page.getByTestId('assessment-current')).toContainText('Nå: Pågår – PPT, fra 16.02.2026.');
    const prompt = page.getByTestId('revisit-prompt');
    await expect(prompt).toContainText('Statusen er endret fra «Henvist» til «Pågår»');
    await checkScreen(page, 'assessment-revisit-prompt');
    const ids = (await api<{ cases: { caseId: string }[] }>(page, 'cases.list', {})).cases.map(
      (x) => x.caseId,
    );
    const revisitTasks = async () =>
      (await api<{ tasks: { kind: string; caseId: string }[] }>(page, 'tasks.list', {})).tasks.filter(
        (t) => t.kind === 'revisit' && ids.includes(t.caseId),
      ).length;
    const before = await revisitTasks();
    expect(before).toBeGreaterThanOrEqual(1);
    await prompt.getByRole('button', { name: 'Anbefalingene er gjennomgått' }).press('Enter');
    await expect(prompt).toHaveCount(0);
    await expect(statuses).toContainText('Anbefalingene gjennomgått');
    await expect.poll(revisitTasks).toBe(before - 1);
  });
});
