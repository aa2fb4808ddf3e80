import { completeCase } from '../../shared/letters/letters.fixture';
import { addDays } from '../../shared/calendar/days';
import { checkScreen, expect, test } from './fixtures';
import { api, CaseList, Folder, field } from './pages';

/**
 * Daily casework: a vault made as the quick start makes it (no name) issues a letter once the
 * caseworker sets «Ditt navn» in Innstillinger; «Mine oppgaver» follows the caseworker when the
 * case changes hands; the registers and the lead's caseload table.
 */

/** One call through the page's own door (the host), as the renderer makes it. */
const localToday = () => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

test.describe('your name', () => {
  test('a vault made as the quick start makes it issues a letter after «Ditt navn» is set', async ({
    bro,
  }) => {
    const { page } = bro;
    // `bro vault init DIR`: no --name.
    await api(page, 'vault.create', { dir: bro.vaultDir, passphrase: 'syntetisk passordfrase' });
    const c = completeCase() as Record<string, unknown>;
    c.id = 'c-navn-1';
    c.pupil = { ...(c.pupil as object), name: 'Nora Navnløs' };
    await api(page, 'interchange.import', { file: { format: 'bro-interchange/1', cases: [c] } });
    await page.reload();
    const list = new CaseList(page);
    await expect(list.heading).toBeVisible();
    await list.open('Nora Navnløs');
    await new Folder(page).tab('Brev');
    await page.getByLabel('Brevtype').selectOption('anbefaling');
    await page.getByRole('button', { name: 'Skriv brevet' }).click();

    // The one thing missing is the name, and the finding says where to set it.
    const finding = page.locator('.finding-list li', { hasText: 'Du har ikke navn i arkivet' });
    await expect(finding).toContainText('«Ditt navn» i Innstillinger');
    await expect(finding).toContainText('bro member rename');
    await expect(page.getByRole('button', { name: 'Signer og utsted …' })).toBeDisabled();
    await finding.getByRole('link', { name: /Innstillinger/u }).click();

    // Innstillinger: the cursor is in «Navn» under «Ditt navn».
    await expect(page.getByRole('heading', { name: 'Innstillinger', level: 1 })).toBeVisible();
    const me = page.getByRole('region', { name: 'Ditt navn' });
    await expect(me.getByText('Du har ikke satt navnet ditt ennå.')).toBeVisible();
    const name = field(me, 'Navn');
    await expect(name).toBeFocused();
    await checkScreen(page, '80-settings-your-name');
    await name.fill('Kari Nordmann');
    await me.getByRole('button', { name: 'Sett navnet' }).click();
    await expect(me.getByText('Navnet er lagret.')).toBeVisible();
    await expect(me.getByText('Du har ikke satt navnet ditt ennå.')).toHaveCount(0);
    await expect(
      page.getByRole('region', { name: 'Medlemmer av arkivet' }).getByText('Kari Nordmann'),
    ).toBeVisible();

    // Back to the letter: it can be issued now.
    await page.goBack();
    await expect(page.getByRole('heading', { name: 'Anbefaling til skolen' })).toBeVisible();
    await expect(page.locator('.finding.error')).toHaveCount(0);
    const issue = page.getByRole('button', { name: 'Signer og utsted …' });
    await expect(issue).toBeEnabled();
    await issue.click();
    const dialog = page.getByRole('dialog', { name: 'Signer og utsted' });
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Signer og utsted' }).click();
    await downloading;
    await expect(dialog.getByText('Brevet er signert og registrert i saken.')).toBeVisible();
    await dialog.locator('.actions').getByRole('button', { name: 'Lukk' }).click();

    // The timeline names the author, never a member id.
    await new Folder(page).tab('Tidslinje');
    const timeline = page.locator('ol.timeline');
    await expect(timeline.getByText('av Kari Nordmann').first()).toBeVisible();
    await expect(timeline).not.toContainText(/av [a-z2-7]{26}/u);
  });
});

test.describe('my work', () => {
  test('«Mine oppgaver» after a caseworker change: the tasks move to the new caseworker', async ({ bro }) => {
    const { page } = bro;
    await api(page, 'vault.create', {
      dir: bro.vaultDir,
      passphrase: 'syntetisk passordfrase',
      memberName: 'Kari Nordmann',
    });
    const today = localToday();
    await api(page, 'interchange.import', {
      file: {
        format: 'bro-interchange/1',
        cases: [
          {
            id: 'c-mine-1',
            service: 'PPT',
            pupil: { name: 'Mio Mine', school: 'Hov skole', grade: 6 },
            referrals: [{ id: 'r-1', referredBy: 'skole', reason: 'fravær', received: addDays(today, -60) }],
            // Recorded by name (as an import from another system): "mine" falls back to the name.
            assignments: [{ caseworker: 'Kari Nordmann', role: 'PP-rådgiver', from: addDays(today, -55) }],
          },
          {
            id: 'c-andre-1',
            service: 'PPT',
            pupil: { name: 'Are Andre', school: 'Lia skole', grade: 8 },
            referrals: [{ id: 'r-1', referredBy: 'skole', reason: 'fravær', received: addDays(today, -45) }],
            assignments: [{ caseworker: 'Siri Lie', role: 'PP-rådgiver', from: addDays(today, -40) }],
          },
        ],
      },
    });
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Saker', level: 1 })).toBeVisible();

    // «Mine saker»: one click from the start screen.
    await page.getByRole('button', { name: 'Mine saker' }).click();
    await expect(page.getByRole('button', { name: 'Mine saker' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('heading', { name: 'Mine saker', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Mio Mine' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Are Andre' })).toHaveCount(0);
    await checkScreen(page, '81-mine-saker');

    // «Mine oppgaver»: the overdue foreløpig svar of her case only.
    await page.getByRole('link', { name: 'Mine oppgaver' }).click();
    await expect(page.getByRole('heading', { name: 'Mine oppgaver denne uken', level: 1 })).toBeVisible();
    const rows = page.locator('ul.tasks > li');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Mio Mine');
    await expect(rows.first()).toContainText('Foreløpig svar');
    await expect(rows.first()).toContainText('Saksbehandler: Kari Nordmann');
    await checkScreen(page, '82-mine-oppgaver');

    // The case changes hands: Ola Hansen, typed as a new name (he joins the register).
    await rows.first().getByRole('link', { name: 'Mio Mine', exact: true }).click();
    const folder = new Folder(page);
    await folder.tab('Saksbehandlere');
    await page.getByRole('button', { name: 'Bytt saksbehandler' }).click();
    const dialog = folder.dialog;
    await field(dialog, 'Saksbehandler').fill('Ola Hansen');
    await field(dialog, 'Rolle').fill('PP-rådgiver');
    await field(dialog, 'Årsak til byttet').fill('permisjon');
    await field(dialog, 'Status i saken').fill('Venter på første samtale.');
    await checkScreen(page, '83-caseworker-change');
    await folder.save();
    await folder.saved();
    // The timeline names both caseworkers of the change.
    await folder.tab('Tidslinje');
    await expect(page.getByText('Bytte av saksbehandler: Kari Nordmann → Ola Hansen')).toBeVisible();

    // Her tasks are gone; they are Ola's now, for everyone to see.
    await page.keyboard.press('Alt+1');
    await page.getByRole('link', { name: 'Mine oppgaver' }).click();
    await expect(page.getByRole('heading', { name: 'Mine oppgaver denne uken', level: 1 })).toBeVisible();
    await expect(page.locator('ul.tasks > li')).toHaveCount(0);
    await page.getByRole('link', { name: 'Alle oppgaver' }).click();
    await expect(page.getByRole('heading', { name: 'Oppgaver denne uken', level: 1 })).toBeVisible();
    const mio = page.locator('ul.tasks > li', { hasText: 'Mio Mine' });
    await expect(mio).toContainText('Saksbehandler: Ola Hansen');
    await expect(page.locator('ul.tasks > li', { hasText: 'Are Andre' })).toContainText(
      'Saksbehandler: Siri Lie',
    );

    // The lead's table: open cases and overdue tasks per caseworker, no pupils.
    await page.keyboard.press('Alt+3');
    const load = page.getByRole('region', { name: 'Saker og forfalte oppgaver per saksbehandler' });
    await expect(load.getByRole('rowheader', { name: 'Ola Hansen' })).toBeVisible();
    await expect(load.getByRole('rowheader', { name: 'Siri Lie' })).toBeVisible();
    await expect(load).not.toContainText('Mio Mine');
    await expect(
      load
        .getByRole('row', { name: /Ola Hansen/u })
        .getByRole('cell')
        .nth(1),
    ).toHaveText('1');
    await load.scrollIntoViewIfNeeded();
    await checkScreen(page, '84-caseload');
  });
});

test.describe('the registers', () => {
  test('schools and colleagues in Innstillinger: forms suggest them, a wrong organisation number is named', async ({
    bro,
  }) => {
    const { page } = bro;
    await api(page, 'vault.create', {
      dir: bro.vaultDir,
      passphrase: 'syntetisk passordfrase',
      memberName: 'Kari Nordmann',
    });
    await page.reload();
    // Alt+5 works once the app's keyboard handler is there, i.e. once the unlocked case list shows.
    await expect(page.getByRole('region', { name: 'Saker' })).toBeVisible();
    await page.keyboard.press('Alt+5');
    const reg = page.getByRole('region', { name: 'Registre' });
    await expect(reg.getByRole('rowheader', { name: 'Kari Nordmann' })).toBeVisible();
    await reg.getByRole('button', { name: 'Ny skole' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny skole' });
    await field(dialog, 'Skolens navn').fill('Hov skole');
    await field(dialog, 'Organisasjonsnummer').fill('123 456 789');
    await field(dialog, 'Adresse (gate eller postboks)').fill('Postboks 12');
    await field(dialog, 'Postnummer').fill('9990');
    await field(dialog, 'Poststed').fill('Brovik');
    await field(dialog, 'Rektor').fill('Anne Dahl');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await expect(field(dialog, 'Organisasjonsnummer')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByText(/kontrollsifferet stemmer ikke/u)).toBeVisible();
    await checkScreen(page, '85-register-school-error');
    await field(dialog, 'Organisasjonsnummer').fill('974 760 673');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await expect(dialog).toBeHidden();
    const row = reg.getByRole('row', { name: /Hov skole/u });
    await expect(row).toContainText('974760673');
    await expect(row).toContainText('Postboks 12, 9990 Brovik');
    await expect(row).toContainText('Anne Dahl');
    await reg.getByRole('button', { name: 'Ny samarbeidspartner' }).click();
    const colleague = page.getByRole('dialog', { name: 'Ny samarbeidspartner' });
    await field(colleague, 'Navn').fill('Siri Lie');
    await field(colleague, 'Tjeneste eller arbeidssted').fill('BUP');
    await field(colleague, 'E-post').fill('siri.lie@example.org');
    await colleague.getByRole('button', { name: 'Lagre' }).click();
    await expect(colleague).toBeHidden();
    await expect(reg.getByRole('row', { name: /Siri Lie/u })).toContainText('siri.lie@example.org');
    await reg.scrollIntoViewIfNeeded();
    await checkScreen(page, '86-registers');

    // A new case's school field offers the register's schools.
    await page.keyboard.press('Alt+1');
    await page.getByRole('button', { name: 'Ny sak' }).click();
    const school = field(page.getByRole('dialog'), 'Skole');
    const listId = await school.getAttribute('list');
    expect(listId).toBeTruthy();
    await expect(page.locator(`datalist[id="${listId}"] option[value="Hov skole"]`)).toHaveCount(1);
  });
});
