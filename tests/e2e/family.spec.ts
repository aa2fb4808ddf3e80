import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { completeCase } from '../../shared/letters/letters.fixture';
import { checkScreen, expect, test } from './fixtures';
import { CaseList, Folder, field } from './pages';

/**
 * Issue 14: a parents' proposal is recorded and answered and the letter says how it was followed
 * up; a draft is shared with the parents for comment, their comment is recorded, and the issued
 * letter's PDF carries it under its own heading. The tab passes axe.
 */

const PROPOSAL = 'Fast voksen i garderoben hver morgen';
const REASON = 'Skolen kan gjøre det tre dager i uka';
const COMMENT = 'Vi ønsker at kontaktlærer ringer hver fredag';

async function api(page: Page, op: string, input: unknown) {
  return page.evaluate(
    async ({ op, input }) => {
      const res = await fetch(`./api/${op}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Bro-Token': sessionStorage.getItem('bro.session')!,
        },
        body: JSON.stringify(input),
      });
      return (await res.json()) as { ok: boolean; value?: Record<string, unknown>; error?: unknown };
    },
    { op, input },
  );
}

test('a proposal answered and a draft commented on by the parents end up in the letter', async ({ bro }) => {
  const { page } = bro;
  expect(
    (
      await api(page, 'vault.create', {
        dir: bro.vaultDir,
        passphrase: 'syntetisk passordfrase',
        memberName: 'Kari Nordmann',
      })
    ).ok,
  ).toBe(true);
  const c = completeCase() as Record<string, unknown>;
  c.id = 'c-familie-1';
  c.pupil = { ...(c.pupil as object), name: 'Frida Familie' };
  expect(
    (await api(page, 'interchange.import', { file: { format: 'bro-interchange/1', cases: [c] } })).ok,
  ).toBe(true);
  await page.reload();
  const list = new CaseList(page);
  await expect(list.heading).toBeVisible();
  await list.open('Frida Familie');
  const folder = new Folder(page);
  await folder.tab('Stemmer og forventninger');

  // Record the proposal, then answer it: «delvis» needs a reason.
  const panel = page.getByRole('region', { name: 'Innspill fra foresatte' });
  await panel.getByRole('button', { name: 'Nytt innspill' }).click();
  let dialog = page.getByRole('dialog');
  await field(dialog, 'Foreslått av').fill('mor');
  await field(dialog, 'Hva foresatte foreslår').fill(PROPOSAL);
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByText('Ikke besvart')).toBeVisible();
  await panel.getByRole('button', { name: /^Svar/u }).click();
  dialog = page.getByRole('dialog');
  await field(dialog, 'Svar').selectOption('delvis');
  await field(dialog, 'Besvart av').fill('Kari Nordmann');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog.locator('[aria-invalid="true"]')).toHaveCount(1);
  await field(dialog, 'Begrunnelse').fill(REASON);
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByText(REASON, { exact: false })).toBeVisible();
  await checkScreen(page, '95-family-voices');

  // The letter's preview says how the proposal was followed up.
  const caseId = new URL(page.url()).hash.match(/[a-z2-7]{26}/u)?.[0] ?? '';
  await folder.tab('Brev');
  await page.getByLabel('Brevtype').selectOption('anbefaling');
  await page.getByRole('button', { name: 'Skriv brevet' }).click();
  await expect(page.getByRole('img', { name: /Forhåndsvisning av brevet, side 1 av/u })).toBeVisible();
  const preview = JSON.stringify((await api(page, 'letters.preview', { caseId, kind: 'anbefaling' })).value);
  expect(preview).toContain(PROPOSAL);
  expect(preview).toContain(REASON);

  // Share the draft with the parents: a PDF marked UTKAST is offered, and the hearing recorded.
  await page.getByRole('button', { name: 'Del med foresatte' }).click();
  dialog = page.getByRole('dialog', { name: 'Del utkastet med foresatte for merknader' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Lag utkast og registrer' }).click();
  const draftPath = await (await download).path();
  await expect(dialog.getByText('Utkastet er lagret som fil')).toBeVisible();
  const dir = mkdtempSync(join(tmpdir(), 'bro-family-'));
  expect(execFileSync('pdftotext', [draftPath!, '-'], { encoding: 'utf8' })).toContain('UTKAST');
  await dialog.getByRole('button', { name: 'Lukk', exact: true }).last().click();

  // Until the parents comment (or the day passes), the letter cannot be issued.
  const open = await api(page, 'letters.preview', { caseId, kind: 'anbefaling' });
  expect(JSON.stringify(open.value)).toContain('HEARING_OPEN');

  // Record their comment in the case.
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('link', { name: /Til brevene i saken/u }).click();
  await folder.tab('Stemmer og forventninger');
  const hearings = page.getByRole('region', { name: 'Høringsutkast' });
  await hearings.getByRole('button', { name: /^Registrer merknad/u }).click();
  dialog = page.getByRole('dialog');
  await field(dialog, 'Merknad fra foresatte').fill(COMMENT);
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog).toBeHidden();
  await expect(hearings.getByText(COMMENT, { exact: false })).toBeVisible();

  // Issue the letter: its PDF has the comment under its own heading, and the follow-up.
  const issued = await api(page, 'letters.issue', { caseId, kind: 'anbefaling' });
  expect(issued.ok, JSON.stringify(issued.error)).toBe(true);
  const file = join(dir, 'brev.pdf');
  writeFileSync(file, Buffer.from(issued.value!.pdf as string, 'base64'));
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
  expect(text).toContain('Foresattes merknader til utkastet');
  expect(text).toContain(COMMENT);
  expect(text).toContain('Slik er foresattes innspill fulgt opp');
  expect(text).toContain(REASON);
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
});
