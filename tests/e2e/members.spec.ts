import { Vault } from '../../electron/services/vault/vault';
import { checkScreen, expect, test } from './fixtures';
import { Gate } from './pages';

const PASS = 'lang og trygg passordfrase';

test('settings: a colleague who asked to join is approved by code, then removed, with every key changed', async ({
  bro,
}) => {
  const { page } = bro;
  const gate = new Gate(page, bro.answerDialog);
  await gate.createVault(bro.vaultDir, PASS);
  await page.getByLabel('Jeg har lagret gjenopprettingsnøkkelen et trygt sted').check();
  await page.getByRole('button', { name: 'Fortsett til sakene' }).click();

  // The colleague asks on their own machine (here: another process's view of the same folder).
  const request = await Vault.requestMembership(bro.vaultDir, { passphrase: 'kollegaens passordfrase' });

  await page.getByRole('link', { name: 'Innstillinger' }).click();
  const panel = page.getByRole('region', { name: 'Medlemmer av arkivet' });
  await expect(panel.getByText(request.code)).toBeVisible();
  await panel.getByLabel('Kode').fill(request.code);
  await panel.getByLabel('Navn').fill('Bjørn Ås');
  await panel.getByRole('button', { name: 'Godkjenn' }).click();
  await expect(panel.getByRole('status')).toHaveText(/Godkjent/);
  await expect(panel.getByText('Bjørn Ås', { exact: true })).toBeVisible();
  await expect(panel.getByText('Ingen venter på å bli godkjent.')).toBeVisible();
  const colleague = await Vault.unlock(bro.vaultDir, { passphrase: 'kollegaens passordfrase' });
  expect(colleague.actor).toBe(request.memberId);
  await colleague.close();
  await checkScreen(page, '20-settings-members');

  await panel.getByRole('button', { name: 'Fjern Bjørn Ås' }).click();
  await panel.getByRole('button', { name: 'Ja, fjern' }).click();
  await expect(panel.getByRole('status')).toHaveText(/alle nøkler er byttet/);
  await expect(panel.getByText('Bjørn Ås', { exact: true })).toHaveCount(0);
  await expect(Vault.unlock(bro.vaultDir, { passphrase: 'kollegaens passordfrase' })).rejects.toMatchObject({
    code: 'WRONG_PASSPHRASE',
  });
});
