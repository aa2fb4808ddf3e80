import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { completeCase } from '../../shared/letters/letters.fixture';
import { checkScreen, expect, test } from './fixtures';
import { api, CaseList, Folder, localDay } from './pages';

/**
 * Dispatch through SvarUt from the Brev tab (issue 19 item 2), by keyboard: «Send» on an issued
 * letter opens the dialog; without a SvarUt account it saves the package (.zip: forsendelse.json,
 * the PDF, LES-MEG.txt) to the school by its organisation number, then to the family by post after
 * the dialog asked for the postal address. The table shows «Pakke for SvarUt laget <dato>». The
 * settings screen's SvarUt account refuses plain http to another machine. axe on each screen.
 */
const run = promisify(execFile);
const ORG = '974760673';

test('send from the letters tab: packages for the school and for the family, by keyboard', async ({
  bro,
}, info) => {
  const { page } = bro;
  await api(page, 'vault.create', {
    dir: bro.vaultDir,
    passphrase: 'syntetisk passordfrase',
    memberName: 'Kari Nordmann',
  });
  const c = completeCase() as Record<string, unknown>;
  c.id = 'c-post-1';
  c.pupil = { ...(c.pupil as object), name: 'Petra Postmo' };
  await api(page, 'interchange.import', {
    file: {
      format: 'bro-interchange/1',
      schools: [
        { name: 'Hov skole', orgNumber: ORG, address: 'Skoleveien 3', postcode: '2860', place: 'Hov' },
      ],
      cases: [c],
    },
  });
  await api(page, 'letters.issue', { caseId: 'c-post-1', kind: 'tiltaksoversikt' });
  await page.reload();
  const list = new CaseList(page);
  await expect(list.heading).toBeVisible();
  await list.open('Petra Postmo');
  await new Folder(page).tab('Brev');

  const panel = page.getByRole('region', { name: 'Forsendelse (SvarUt)' });
  await expect(panel.getByRole('table')).toContainText('c-post-1 / tiltaksoversikt-1');
  await expect(panel.getByRole('table')).toContainText('Ikke sendt');
  await expect(panel.getByRole('table')).toContainText('Ikke arkivert');

  // To the school: «Send» with Enter, then the dialog's submit with Enter.
  const send = panel.getByRole('button', { name: 'Send c-post-1 / tiltaksoversikt-1' });
  await send.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Send brevet c-post-1 / tiltaksoversikt-1' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Ingen SvarUt-konto er satt opp');
  await expect(dialog.getByRole('radio', { name: /Skolen/u })).toBeChecked();
  await checkScreen(page, '98-dispatch-dialog');
  const submit = dialog.getByRole('button', { name: 'Lag pakke for opplasting' });
  await submit.focus();
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('forsendelse-c-post-1-tiltaksoversikt-1.zip');
  await expect(dialog.getByRole('status')).toContainText('Last den opp i SvarUt');
  const dir = info.outputPath('pakke');
  mkdirSync(dir, { recursive: true });
  await download.saveAs(join(dir, 'pakke.zip'));
  await run('unzip', ['-q', join(dir, 'pakke.zip'), '-d', dir]);
  const json = JSON.parse(readFileSync(join(dir, 'forsendelse.json'), 'utf8'));
  expect(json.mottaker).toMatchObject({ navn: 'Hov skole', digitalId: ORG });
  expect(json.sikkerhetsniva).toBe('HOYESTE');
  expect(readFileSync(join(dir, json.dokumenter[0].filnavn)).subarray(0, 5).toString()).toBe('%PDF-');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('table')).toContainText(`Pakke for SvarUt laget ${localDay().nb}`);

  // To the family without a national id: by post, and the dialog asks for the address first.
  await send.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  const school = dialog.getByRole('radio', { name: /Skolen/u });
  await school.focus();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: 'Foresatte' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Lag pakke for opplasting' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('uten fødselsnummer går brevet til utskrift og post');
  await expect(dialog.getByLabel('Postnummer')).toHaveAttribute('aria-invalid', 'true');
  await checkScreen(page, '98-dispatch-address');
  await dialog.getByLabel('Adresse', { exact: true }).fill('Gata 1');
  await dialog.getByLabel('Postnummer').fill('2860');
  await dialog.getByLabel('Poststed').fill('Hov');
  const second = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Lag pakke for opplasting' }).focus();
  await page.keyboard.press('Enter');
  await second;
  await expect(dialog.getByRole('status')).toContainText('er lagret');
  await dialog.getByRole('button', { name: 'Lukk', exact: true }).last().focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await checkScreen(page, '98-dispatch-panel');

  // The SvarUt account on the settings screen: https only (plain http only to this machine).
  await page.getByRole('link', { name: 'Innstillinger' }).click();
  const account = page.getByRole('region', { name: 'SvarUt-konto' });
  await account.getByLabel('SvarUt-adresse').fill('http://svarut.ks.no');
  await account.getByRole('button', { name: 'Lagre SvarUt-konto' }).focus();
  await page.keyboard.press('Enter');
  await expect(account.getByRole('alert')).toContainText('må være en adresse som begynner med https://');
  await account.getByLabel('SvarUt-adresse').fill('https://test.svarut.ks.no');
  await account.getByRole('button', { name: 'Lagre SvarUt-konto' }).press('Enter');
  await expect(account.getByRole('status')).toContainText('SvarUt-kontoen er lagret.');
  // The browser host has no OS keychain: the password is refused, never stored in plain text.
  await account.getByLabel('Integrasjonspassord').fill('syntetisk-passord');
  await account.getByRole('button', { name: 'Lagre passordet i nøkkelringen' }).press('Enter');
  await expect(account.getByRole('alert')).toContainText('ingen sikker nøkkelring');
  await expect(account.getByLabel('Integrasjonspassord')).toHaveValue('');
  await checkScreen(page, '98-dispatch-settings');
});
