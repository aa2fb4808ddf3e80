import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { completeCase } from '../../shared/letters/letters.fixture';
import { checkScreen, expect, test } from './fixtures';
import { CaseList, Folder, field } from './pages';

/**
 * Innsyn in one step (issue 14 items 5 and 6): register a request in the app (it becomes a task),
 * make the innsyn file (checked with poppler: a confidential note listed as withheld and its text
 * absent), record it as handed over and see the task go; the access log names who did it. axe.
 */
const run = promisify(execFile);
const SECRET = 'HEMMELIG-E2E-INNSYN opplysninger fra naboen';
const OPEN = 'Mor ringte om morgenrutinene';

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
      return (await res.json()) as { ok: boolean; value?: Record<string, unknown> };
    },
    { op, input },
  );
}

/** dd.mm.åååå, `days` before today (local time, as the form reads it). */
function daysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()}`;
}

test('register an innsyn request, make the file, hand it over and the task goes away', async ({ bro }) => {
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
  c.id = 'c-innsyn-1';
  c.pupil = { ...(c.pupil as object), name: 'Ida Isaksen' };
  c.notes = [
    { id: 'n-1', date: '2026-04-10', kind: 'samtale', text: OPEN },
    { id: 'n-2', date: '2026-04-12', kind: 'telefon', text: SECRET, confidential: true },
  ];
  expect(
    (await api(page, 'interchange.import', { file: { format: 'bro-interchange/1', cases: [c] } })).ok,
  ).toBe(true);
  await page.reload();
  const list = new CaseList(page);
  await expect(list.heading).toBeVisible();
  await list.open('Ida Isaksen');
  const folder = new Folder(page);

  // Register the request (received 40 days ago: past its one-month deadline, so a task now).
  await folder.tab('Innsyn');
  const panel = page.getByRole('region', { name: 'Innsynskrav' });
  await panel.getByRole('button', { name: 'Registrer innsynskrav' }).click();
  const dialog = page.getByRole('dialog');
  await field(dialog, 'Mottatt').fill(daysAgo(40));
  await field(dialog, 'Bedt om av').fill('foresatte');
  await field(dialog, 'Hva det gjelder').fill('Hele saken');
  await folder.save();
  await folder.saved();
  await expect(panel.getByText(/Åpent, frist/u)).toBeVisible();
  await checkScreen(page, '95-innsyn');

  // It is a task in Oppgaver.
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: /^Oppgaver/u, level: 1 })).toBeVisible();
  const task = page
    .locator('ul.tasks > li', { hasText: 'Ida Isaksen' })
    .filter({ has: page.locator('.task-kind', { hasText: /^\s*Innsyn\s*$/u }) });
  await expect(task).toHaveCount(1);
  // Its one click leads to the case's Innsyn tab.
  await task.locator('a.task-action').click();
  await expect(page.getByRole('tab', { name: 'Innsyn' })).toHaveAttribute('aria-selected', 'true');

  // Make the file: a download, checked with poppler.
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: /^Lag innsynsfil/u }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^innsyn-c-innsyn-1-\d{4}-\d{2}-\d{2}\.pdf$/u);
  const file = test.info().outputPath('innsyn.pdf');
  await download.saveAs(file);
  await expect(
    page.getByText(/Innsynsfilen .* er laget: \d+ sider, 0 brev vedlagt, 1 punkter holdt tilbake/u),
  ).toBeVisible();
  const info = (await run('pdfinfo', [file])).stdout;
  expect(info).toMatch(/Tagged:\s+yes/u);
  expect((await run('pdfdetach', ['-list', file])).stdout).toMatch(/^0 embedded files/mu);
  const text = (await run('pdftotext', [file, '-'])).stdout.replace(/\s+/gu, ' ');
  expect(text).toContain(OPEN);
  expect(text).not.toContain('HEMMELIG-E2E');
  expect(text).toMatch(/Fortrolig journalnotat/u);

  // Hand it over: the request is answered today and the task is gone.
  await panel.getByRole('button', { name: /^Registrer som utlevert i dag/u }).click();
  await expect(page.getByText(/Registrert som besvart .*Oppgaven er borte/u)).toBeVisible();
  await expect(panel.getByText(/Besvart \d\d\.\d\d\.\d{4}/u)).toBeVisible();
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: /^Oppgaver/u, level: 1 })).toBeVisible();
  await expect(
    page
      .locator('ul.tasks > li', { hasText: 'Ida Isaksen' })
      .filter({ has: page.locator('.task-kind', { hasText: /^\s*Innsyn\s*$/u }) }),
  ).toHaveCount(0);

  // The access log names who made the file, and nothing about the pupil.
  await page.keyboard.press('Alt+1');
  await list.open('Ida Isaksen');
  await folder.tab('Logg');
  const log = page.locator('#access-log');
  await expect(log.locator('tr', { hasText: 'laget innsynsfil' })).toContainText('Kari Nordmann');
  await expect(log).not.toContainText('Isaksen');
  await checkScreen(page, '96-access-log');
});

test('the innsyn file to someone else needs consent or a legal basis, and the log has the role', async ({
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
  c.id = 'c-innsyn-2';
  c.pupil = { ...(c.pupil as object), name: 'Tor Tveit' };
  expect(
    (await api(page, 'interchange.import', { file: { format: 'bro-interchange/1', cases: [c] } })).ok,
  ).toBe(true);
  await page.reload();
  const list = new CaseList(page);
  await expect(list.heading).toBeVisible();
  await list.open('Tor Tveit');
  const folder = new Folder(page);
  await folder.tab('Innsyn');

  // By keyboard: from «Foresatte eller eleven» to «Noen andre», then the recipient.
  const parties = page.getByRole('radio', { name: /^Foresatte eller eleven/u });
  await expect(parties).toBeChecked();
  await parties.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /^Noen andre/u })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Mottaker', { exact: true })).toBeFocused();
  await page.keyboard.type('BUP Nord');

  // No consent to BUP in the register and no basis: refused, BUP named, no file, the basis field next.
  const make = page.getByRole('button', { name: 'Lag innsynsfil for hele saken' });
  await make.click();
  const refused = page.getByText(/ikke gyldig samtykke til «BUP Nord».*Ingen fil er laget/u);
  await expect(refused).toBeVisible();
  const basis = page.getByLabel(/^Lovgrunnlag/u);
  await expect(basis).toBeFocused();
  await expect(page.getByText(/Innsynsfilen .* er laget/u)).toHaveCount(0);
  await checkScreen(page, '97-innsyn-consent-missing');

  // With a legal basis it goes: a download, and the access log has the role, not the name.
  await basis.fill('Fullmakt fra foresatte, forvaltningsloven § 12');
  const downloading = page.waitForEvent('download');
  await make.click();
  const download = await downloading;
  const file = test.info().outputPath('innsyn-bup.pdf');
  await download.saveAs(file);
  await expect(
    page.getByText('Utlevert til BUP Nord på grunnlag av lovgrunnlaget du skrev.', { exact: false }),
  ).toBeVisible();
  expect((await run('pdfinfo', [file])).stdout).toMatch(/Tagged:\s+yes/u);
  await folder.tab('Logg');
  const log = page.locator('#access-log');
  await expect(log.locator('tr', { hasText: 'laget innsynsfil – til BUP (lovgrunnlag)' })).toContainText(
    'Kari Nordmann',
  );
  await expect(log).not.toContainText('BUP Nord');
  await expect(log).not.toContainText('Tveit');
  await checkScreen(page, '98-access-log-shared');
});
