import { checkScreen, expect, test } from './fixtures';
import { api, CaseList, Folder } from './pages';
import { completeCase } from '../../shared/letters/letters.fixture';

/**
 * Received documents on the case (issue 19 item 0), by keyboard: attach an image and a PDF on the
 * «Dokumenter» tab, see a program named .pdf refused in Norwegian with nothing stored, show the PDF
 * (its pages drawn) and the image, save one (a download, named without the title), and find the
 * document in the timeline. axe on the tab.
 */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

test('attach, refuse, show and save received documents from the keyboard', async ({ bro }) => {
  const { page } = bro;
  await api(page, 'vault.create', {
    dir: bro.vaultDir,
    passphrase: 'syntetisk passordfrase',
    memberName: 'Kari Nordmann',
  });
  const c = completeCase() as Record<string, unknown>;
  c.id = 'c-dok-1';
  c.pupil = { ...(c.pupil as object), name: 'Dina Dokumentsen' };
  await api(page, 'interchange.import', { file: { format: 'bro-interchange/1', cases: [c] } });
  // A real PDF to attach: a letter Bro made (as a report from another service would be a PDF).
  const letter = await api<{ pdf: string }>(page, 'letters.issue', {
    caseId: 'c-dok-1',
    kind: 'tiltaksoversikt',
  });
  await page.reload();
  const list = new CaseList(page);
  await expect(list.heading).toBeVisible();
  await list.open('Dina Dokumentsen');
  const folder = new Folder(page);
  await folder.tab('Dokumenter');
  const add = page.getByRole('region', { name: 'Mottatte dokumenter' });
  const docs = page.getByRole('region', { name: 'Dokumenter i saken' });
  await expect(docs).toContainText('Ingen dokumenter er lagt ved ennå.');

  // 1. An image, with a title, by keyboard.
  const file = add.getByLabel('Fil', { exact: true });
  await file.focus();
  await file.setInputFiles({ name: 'Dina skanna side.png', mimeType: 'image/png', buffer: PNG });
  await page.keyboard.press('Tab');
  await expect(add.getByLabel('Tittel (valgfri: ellers filnavnet)')).toBeFocused();
  await page.keyboard.type('Tegning fra eleven');
  await page.keyboard.press('Tab');
  await expect(add.getByLabel('Mottatt', { exact: true })).toBeFocused();
  // Enter in the form submits it (the date field's Tab steps through day, month and year).
  await page.keyboard.press('Enter');
  await expect(add.getByRole('status')).toContainText('«Tegning fra eleven» er lagt ved saken.');
  await expect(docs.getByRole('row', { name: /Tegning fra eleven/u })).toContainText('PNG');

  // 2. A program named .pdf: refused in Norwegian, nothing stored.
  await file.setInputFiles({
    name: 'rapport.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]),
  });
  await add.getByRole('button', { name: 'Legg ved' }).press('Enter');
  await expect(add.getByRole('alert')).toContainText('Filen er ikke et dokument Bro tar imot');
  await expect(file).toBeFocused();
  await expect(docs.getByRole('row')).toHaveCount(2);

  // 3. A PDF, titled from its file name.
  await file.setInputFiles({
    name: 'Rapport fra BUP.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(letter.pdf, 'base64'),
  });
  await add.getByRole('button', { name: 'Legg ved' }).press('Enter');
  await expect(add.getByRole('status')).toContainText('«Rapport fra BUP» er lagt ved saken.');

  // Show the PDF: focus moves to the view, and its page is drawn.
  await docs.getByRole('button', { name: 'Vis Rapport fra BUP' }).press('Enter');
  const viewer = page.getByRole('heading', { name: 'Viser: Rapport fra BUP' });
  await expect(viewer).toBeFocused();
  await expect(page.getByTestId('pdf-preview').locator('canvas').first()).toBeVisible();
  await checkScreen(page, '98-documents-pdf');

  // Show the image; save it (bytes as a download, named without the title).
  await docs.getByRole('button', { name: 'Vis Tegning fra eleven' }).press('Enter');
  await expect(page.getByRole('img', { name: 'Bildet «Tegning fra eleven»' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await docs.getByRole('button', { name: 'Lagre Tegning fra eleven' }).press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^dokument-\d{4}-\d{2}-\d{2}-[a-z2-7]{6}\.png$/u);
  await checkScreen(page, '98b-documents');

  // In the timeline.
  await folder.tab('Tidslinje');
  await expect(page.getByText('Dokument mottatt og lagt ved').first()).toBeVisible();
});
