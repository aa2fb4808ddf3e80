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

/** A new vault holding the complete letter fixture under each id, with the pupil's name given. */
async function vaultWith(page: Page, dir: string, cases: [id: string, pupil: string][]): Promise<void> {
  await api(page, 'vault.create', { dir, passphrase: 'syntetisk passordfrase', memberName: 'Kari Nordmann' });
  const file = {
    format: 'bro-interchange/1',
    cases: cases.map(([id, name]) => ({ ...completeCase(), id, pupil: { ...completeCase().pupil, name } })),
  };
  await api(page, 'interchange.import', { file });
}

test('delete a case for good: the dialog names the pupil, the folder is gone, the vault check is clean', async ({
  bro,
}) => {
  const { page } = bro;
  await vaultWith(page, bro.vaultDir, [
    ['c-slett-1', 'Siv Slettmo'],
    ['c-bli-2', 'Bo Blimo'],
  ]);
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
  await vaultWith(page, bro.vaultDir, [['c-brev-1', 'Ada Arkivløs']]);
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
  const box = dialog.getByRole('checkbox', {
    name: /Slett likevel, uten at alle brevene og dokumentene er arkivert/u,
  });
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

/** The archive's answer to one message: its journalpost numbers (U a letter, I a received document). */
const journalpost = (noekkel: string, nr: number, type: 'U' | 'I') => `<?xml version="1.0" encoding="UTF-8"?>
<arkivmeldingKvittering xmlns="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/kvittering/v1" xmlns:mdk="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <registreringKvittering xsi:type="journalpostKvittering">
    <systemID>1a2b3c4d-5e6f-4a7b-8c9d-cccccccccc${String(nr).padStart(2, '0')}</systemID>
    <referanseEksternNoekkel><mdk:fagsystem>Bro</mdk:fagsystem><mdk:noekkel>${noekkel}</mdk:noekkel></referanseEksternNoekkel>
    <opprettetEllerEksisterende>Opprettet</opprettetEllerEksisterende>
    <journalaar>2026</journalaar><journalsekvensnummer>${6000 + nr}</journalsekvensnummer><journalpostnummer>${nr}</journalpostnummer>
    <journalposttype><mdk:kode>${type}</mdk:kode></journalposttype><journalstatus><mdk:kode>J</mdk:kode></journalstatus>
    <journaldato>2026-03-03</journaldato>
  </registreringKvittering>
</arkivmeldingKvittering>
`;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

test('archive, then delete: every letter archived but a received document not, the dialog names the document by its title', async ({
  bro,
}) => {
  const { page } = bro;
  await vaultWith(page, bro.vaultDir, [['c-dok-1', 'Dag Dokumentløs']]);
  const letter = await api<{ letterId: string }>(page, 'letters.issue', {
    caseId: 'c-dok-1',
    kind: 'tiltaksoversikt',
  });
  const doc = await api<{ attachmentId: string }>(page, 'attachments.add', {
    caseId: 'c-dok-1',
    data: PNG.toString('base64'),
    originalName: 'skann.png',
    title: 'Rapport fra helsesykepleier',
    received: '2026-02-02',
  });
  // The archive has filed the letter, not the document.
  await api(page, 'archive.receipt', { xml: journalpost(`bro-brev-${letter.letterId}`, 1, 'U') });
  const { cases } = await api<{ cases: { caseId: string; pupil: string }[] }>(page, 'cases.list', {});
  const caseId = cases[0]!.caseId;
  await page.reload();
  const list = new CaseList(page);
  await list.open('Dag Dokumentløs');

  await page.getByRole('button', { name: 'Slett saken …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Slette saken til Dag Dokumentløs for godt?' });
  await expect(
    dialog.getByText('Arkivet mangler 1 av de mottatte dokumentene i saken', { exact: false }),
  ).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Ikke arkivert' }).getByRole('listitem')).toHaveText([
    '«Rapport fra helsesykepleier», mottatt 02.02.2026',
  ]);
  await field(dialog, 'Hvorfor slettes saken?').fill('Oppbevaringstiden er ute');
  await checkScreen(page, 'delete-dialog-document-not-archived');
  // Without the box: refused, nothing deleted.
  await dialog.getByRole('button', { name: 'Slett saken til Dag Dokumentløs' }).click();
  const box = dialog.getByRole('checkbox', { name: /Slett likevel/u });
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  expect(existsSync(path.join(bro.vaultDir, 'cases', caseId))).toBe(true);
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toHaveCount(0);

  // The archive's answer for the document, read in on the Brev tab: now the case may go, without the box.
  await page.getByRole('tab', { name: 'Brev' }).click();
  const archive = page.getByRole('region', { name: 'Arkivering (Fiks Arkiv)' });
  await archive.getByLabel('Les inn kvittering fra arkivet (XML)').setInputFiles({
    name: 'kvittering.xml',
    mimeType: 'application/xml',
    buffer: Buffer.from(journalpost(`bro-dok-${doc.attachmentId}`, 2, 'I')),
  });
  await expect(archive.getByRole('status').filter({ hasText: 'Kvitteringen er lest inn' })).toBeVisible();
  await page.getByRole('button', { name: 'Slett saken …' }).click();
  await expect(
    dialog.getByText('Kommunens arkiv har alle brevene i saken (1).', { exact: false }),
  ).toBeVisible();
  await expect(dialog).toContainText('Kommunens arkiv har alle de mottatte dokumentene i saken (1).');
  await expect(dialog.getByRole('checkbox', { name: /Slett likevel/u })).toHaveCount(0);
  await field(dialog, 'Hvorfor slettes saken?').fill('Oppbevaringstiden er ute, arkivert');
  await dialog.getByRole('button', { name: 'Slett saken til Dag Dokumentløs' }).click();
  await expect(list.heading).toBeVisible();
  expect(existsSync(path.join(bro.vaultDir, 'cases', caseId))).toBe(false);
});
