import type { Page } from '@playwright/test';
import { completeCase } from '../../shared/letters/letters.fixture';
import { checkScreen, expect, test } from './fixtures';
import { CaseList, Folder, field } from './pages';

/**
 * Journal notes: a confidential note stays out of letters until it is released with a reason;
 * the release shows in the timeline; the notes tab filters as you type and passes axe.
 */

const SECRET = 'HEMMELIG-E2E foresatte forteller om forhold hjemme';
const OPEN = 'Mor ringte om morgenrutinene';

/** One call through the page's own door (the host), as the renderer makes it. */
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
      return (await res.json()) as {
        ok: boolean;
        value?: Record<string, unknown>;
        error?: { code: string; issues: { code: string }[] };
      };
    },
    { op, input },
  );
}

async function writeNote(page: Page, text: string, confidential: boolean) {
  const panel = page.getByRole('region', { name: 'Journalnotater' });
  await panel.getByRole('button', { name: 'Nytt notat' }).click();
  const dialog = page.getByRole('dialog');
  await field(dialog, 'Type').selectOption('samtale');
  if (confidential) await field(dialog, 'Fortrolig').check();
  await field(dialog, 'Notat').fill(text);
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByText(text)).toBeVisible();
}

test('a confidential note is absent from a letter until released with a reason, and the release shows in the timeline', async ({
  bro,
}) => {
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
  c.id = 'c-notat-1';
  c.pupil = { ...(c.pupil as object), name: 'Nils Notat' };
  expect(
    (await api(page, 'interchange.import', { file: { format: 'bro-interchange/1', cases: [c] } })).ok,
  ).toBe(true);
  await page.reload();
  const list = new CaseList(page);
  await expect(list.heading).toBeVisible();
  await list.open('Nils Notat');
  const folder = new Folder(page);
  await folder.tab('Journalnotater');
  await writeNote(page, SECRET, true);
  await writeNote(page, OPEN, false);

  // Search within the case, filtering as you type.
  const panel = page.getByRole('region', { name: 'Journalnotater' });
  const search = page.getByRole('searchbox', { name: 'Søk i notatene' });
  await search.fill('morgenrutin');
  await expect(page.getByText('1 av 2 notater')).toBeVisible();
  await expect(panel.getByText(SECRET)).toHaveCount(0);
  await search.fill('');
  await expect(page.getByText('2 av 2 notater')).toBeVisible();
  await expect(panel.getByText('Skrevet av Kari Nordmann').first()).toBeVisible();
  await checkScreen(page, '90-journal-notes');

  // The letter: the confidential note cannot be picked, and the letter never carries its text.
  const caseId = new URL(page.url()).hash.match(/[a-z2-7]{26}/u)?.[0] ?? '';
  const got = await api(page, 'cases.get', { caseId });
  const notes = (got.value!.doc as { notes: { id: string; text: string }[] }).notes;
  const secretId = notes.find((n) => n.text === SECRET)!.id;
  const openId = notes.find((n) => n.text === OPEN)!.id;
  await folder.tab('Brev');
  await page.getByLabel('Brevtype').selectOption('anbefaling');
  await page.getByRole('button', { name: 'Skriv brevet' }).click();
  const journal = page.getByRole('group', { name: 'Fra journalen' });
  await expect(journal.getByRole('checkbox', { name: /fortrolig/u })).toBeDisabled();
  await journal.getByRole('checkbox', { name: /Samtale$/u }).check();
  await expect(page.getByRole('img', { name: /Forhåndsvisning av brevet, side 1 av/u })).toBeVisible();
  const preview = await api(page, 'letters.preview', {
    caseId,
    kind: 'anbefaling',
    options: { notes: [openId] },
  });
  expect(JSON.stringify(preview.value)).toContain(OPEN);
  expect(JSON.stringify(preview.value)).not.toContain(SECRET);
  const refused = await api(page, 'letters.preview', {
    caseId,
    kind: 'anbefaling',
    options: { notes: [secretId] },
  });
  expect(refused.error?.issues[0]?.code).toBe('NOTE_CONFIDENTIAL');
  expect(JSON.stringify(refused)).not.toContain(SECRET);

  // Release it with a reason, by keyboard from the notes tab.
  // Leaving the editor with an unsaved choice asks first; the draft is not needed.
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('link', { name: /Til brevene i saken/u }).click();
  await folder.tab('Journalnotater');
  const release = panel.getByRole('button', { name: /^Frigi notatet fra / });
  await release.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Frigi et fortrolig notat' });
  await field(dialog, 'Begrunnelse for å frigi').fill('Foresatte samtykket til at skolen får vite dette');
  await dialog.getByRole('button', { name: 'Frigi' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByText(/Frigitt .*Foresatte samtykket/u)).toBeVisible();
  await expect(panel.getByRole('button', { name: /^Frigi notatet fra / })).toHaveCount(0);

  // The timeline shows the release, who did it and why.
  await folder.tab('Tidslinje');
  const timeline = page.locator('ol.timeline');
  const entry = timeline.locator('li', { hasText: 'Journalnotat frigitt' }).first();
  await expect(entry).toContainText('Begrunnelse: Foresatte samtykket til at skolen får vite dette');
  await expect(entry).toContainText('Kari Nordmann');

  // Now the letter may quote it.
  await folder.tab('Brev');
  await page.getByLabel('Brevtype').selectOption('anbefaling');
  await page.getByRole('button', { name: 'Skriv brevet' }).click();
  await expect(journal.getByRole('checkbox', { name: /fortrolig/u })).toHaveCount(0);
  const released = await api(page, 'letters.preview', {
    caseId,
    kind: 'anbefaling',
    options: { notes: [secretId] },
  });
  expect(JSON.stringify(released.value)).toContain(SECRET);
});
