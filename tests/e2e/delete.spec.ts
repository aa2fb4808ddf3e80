import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { completeCase } from '../../shared/letters/letters.fixture';
import { checkScreen, expect, test } from './fixtures';
import { CaseList, field } from './pages';

/**
 * Deleting a case for good (issue 14 item 9): the dialog names the pupil and asks why; afterwards
 * the case's folder is gone, the list no longer has it, and the vault check is clean. axe.
 */
async function api<T = Record<string, unknown>>(page: Page, op: string, input: unknown): Promise<T> {
  const r = await page.evaluate(
    async ({ op, input }) => {
      const res = await fetch(`./api/${op}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Bro-Token': sessionStorage.getItem('bro.session')!,
        },
        body: JSON.stringify(input),
      });
      return (await res.json()) as { ok: boolean; value?: unknown };
    },
    { op, input },
  );
  expect(r.ok, op).toBe(true);
  return r.value as T;
}

test('delete a case for good: the dialog names the pupil, the folder is gone, the vault check is clean', async ({
  bro,
}) => {
  const { page } = bro;
  await api(page, 'vault.create', {
    dir: bro.vaultDir,
    passphrase: 'syntetisk passordfrase',
    memberName: 'Kari Nordmann',
  });
  const a = { ...completeCase(), id: 'c-slett-1', pupil: { ...completeCase().pupil, name: 'Siv Slettmo' } };
  const b = { ...completeCase(), id: 'c-bli-2', pupil: { ...completeCase().pupil, name: 'Bo Blimo' } };
  await api(page, 'interchange.import', { file: { format: 'bro-interchange/1', cases: [a, b] } });
  const { cases } = await api<{ cases: { caseId: string; pupil: string }[] }>(page, 'cases.list', {});
  const caseId = cases.find((c) => c.pupil === 'Siv Slettmo')!.caseId;
  await page.reload();
  const list = new CaseList(page);
  await list.open('Siv Slettmo');

  await page.getByRole('button', { name: 'Slett saken …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Slette saken til Siv Slettmo for godt?' });
  await expect(dialog).toBeVisible();
  // No reason: nothing is deleted.
  await dialog.getByRole('button', { name: 'Slett saken til Siv Slettmo' }).click();
  await expect(field(dialog, 'Hvorfor slettes saken?')).toHaveAttribute('aria-invalid', 'true');
  expect(existsSync(path.join(bro.vaultDir, 'cases', caseId))).toBe(true);
  await field(dialog, 'Hvorfor slettes saken?').fill('Oppbevaringstiden er ute, arkivert');
  await checkScreen(page, 'delete-dialog');
  await dialog.getByRole('button', { name: 'Slett saken til Siv Slettmo' }).click();

  await expect(list.heading).toBeVisible();
  await expect(page.getByRole('link', { name: /Bo Blimo/u })).toBeVisible();
  await expect(page.getByRole('link', { name: /Siv Slettmo/u })).toHaveCount(0);
  expect(existsSync(path.join(bro.vaultDir, 'cases', caseId))).toBe(false);
  const check = await api<{ ok: boolean; damaged: unknown[]; junk: unknown[] }>(page, 'vault.check', {});
  expect(check).toMatchObject({ ok: true, damaged: [], junk: [] });
});

test('archive, then delete: the dialog lists the letters the archive lacks, and deletes only when told to', async ({
  bro,
}) => {
  const { page } = bro;
  await api(page, 'vault.create', {
    dir: bro.vaultDir,
    passphrase: 'syntetisk passordfrase',
    memberName: 'Kari Nordmann',
  });
  const a = { ...completeCase(), id: 'c-brev-1', pupil: { ...completeCase().pupil, name: 'Ada Arkivløs' } };
  await api(page, 'interchange.import', { file: { format: 'bro-interchange/1', cases: [a] } });
  await api(page, 'letters.issue', { caseId: 'c-brev-1', kind: 'tiltaksoversikt' });
  const { cases } = await api<{ cases: { caseId: string; pupil: string }[] }>(page, 'cases.list', {});
  const caseId = cases[0]!.caseId;
  await page.reload();
  const list = new CaseList(page);
  await list.open('Ada Arkivløs');

  // By keyboard: the button, the reason, the box, the confirm.
  await page.getByRole('button', { name: 'Slett saken …' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Slette saken til Ada Arkivløs for godt?' });
  await expect(dialog.getByText('Arkivet mangler 1 av brevene i saken', { exact: false })).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Ikke arkivert' }).getByRole('listitem')).toHaveText([
    /^Tiltaksoversikt \d{2}\.\d{2}\.\d{4}$/u,
  ]);
  await field(dialog, 'Hvorfor slettes saken?').fill('Opprettet ved en feil');
  await checkScreen(page, 'delete-dialog-not-archived');
  // Without the box: refused, pointed at the box, nothing deleted.
  await dialog.getByRole('button', { name: 'Slett saken til Ada Arkivløs' }).click();
  const box = dialog.getByRole('checkbox', { name: /Slett likevel, uten at alle brevene er arkivert/u });
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  expect(existsSync(path.join(bro.vaultDir, 'cases', caseId))).toBe(true);
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  await dialog.getByRole('button', { name: 'Slett saken til Ada Arkivløs' }).focus();
  await page.keyboard.press('Enter');
  await expect(list.heading).toBeVisible();
  expect(existsSync(path.join(bro.vaultDir, 'cases', caseId))).toBe(false);
});
