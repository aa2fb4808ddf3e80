import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { containerId } from '../../electron/services/vault/vault';
import { checkScreen, expect, test } from './fixtures';
import { CaseList } from './pages';

/** Flips one byte in the middle of the first encrypted file of one case (not its key, not the registers). */
function tamperOneCase(vault: string, listed: string): string {
  const cases = path.join(vault, 'cases');
  const { vaultId } = JSON.parse(readFileSync(path.join(vault, 'bro-vault.json'), 'utf8')) as {
    vaultId: string;
  };
  const registers = containerId('bro-registers-v1', vaultId);
  // A case the list shows (the demo's voided duplicate is on disk too, but not listed).
  const caseId = readdirSync(cases).find((c) => c !== registers && c === listed)!;
  for (const sub of ['events', 'packs', 'logs']) {
    const dir = path.join(cases, caseId, sub);
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.jwe') || n.endsWith('.log'));
    } catch {
      continue;
    }
    if (names.length === 0) continue;
    const file = path.join(dir, names.sort()[0]!);
    if (!statSync(file).isFile()) continue;
    const bytes = readFileSync(file);
    const i = Math.floor(bytes.length / 2);
    bytes[i] = bytes[i] === 65 ? 66 : 65;
    writeFileSync(file, bytes);
    return caseId;
  }
  throw new Error('no case file to tamper with');
}

test.use({ vault: 'demo', demoCases: 6 });

test('a tampered case shows as damaged and opens to an explanation; the others work', async ({ bro }) => {
  const { page } = bro;
  const list = new CaseList(page);
  await expect(list.count).toHaveText('Viser 6 av 6 saker');
  const href = (await list.rows().first().getByRole('link').getAttribute('href')) ?? '';
  const caseId = tamperOneCase(bro.demoDir, href.split('/')[2]!); // #/cases/<id>/<tab>
  await page.reload();
  await expect(list.count).toHaveText('Viser 5 av 5 saker');
  const damaged = page.getByTestId('damaged-case');
  await expect(damaged).toHaveCount(1);
  await expect(damaged).toContainText('Skadet');
  await checkScreen(page, '50-list-damaged');
  await damaged.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(caseId));
  await expect(page.getByRole('heading', { name: 'Saken er skadet' })).toBeVisible();
  await expect(page.getByText('De andre sakene virker som før.')).toBeVisible();
  await checkScreen(page, '51-case-damaged');
  await page.getByRole('link', { name: /Tilbake til sakene/ }).click();
  const other = (await list.rows().first().getByRole('link').innerText()).trim();
  await list.open(other);
  await expect(page.getByRole('tab', { name: 'Tidslinje' })).toBeVisible();
});
