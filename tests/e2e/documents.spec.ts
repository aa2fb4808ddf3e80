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

/**
 * The archive's kvittering for a received document (issue 19 item 1): the «Dokumenter» tab says
 * «Ikke arkivert» per document until the archive's answer for its incoming journalpost
 * (`bro-dok-<id>`) is read in under Brev, then «Arkivert: 2026/123-7». Tabs reached by keyboard;
 * axe on both tabs.
 */
test('a received document shows its archive reference once the kvittering is read in', async ({ bro }) => {
  const { page } = bro;
  await api(page, 'vault.create', {
    dir: bro.vaultDir,
    passphrase: 'syntetisk passordfrase',
    memberName: 'Kari Nordmann',
  });
  const c = completeCase() as Record<string, unknown>;
  c.id = 'c-dok-2';
  c.pupil = { ...(c.pupil as object), name: 'Arne Arkivdokument' };
  await api(page, 'interchange.import', { file: { format: 'bro-interchange/1', cases: [c] } });
  const made = await api<{ attachmentId: string }>(page, 'attachments.add', {
    caseId: 'c-dok-2',
    data: PNG.toString('base64'),
    originalName: 'skann.png',
    title: 'Henvisningsskjema',
    received: '2026-02-02',
  });
  // The vault's own id of the case: the saksmappe's key `bro archive` writes is bro-sak-<it>.
  const { caseId } = await api<{ caseId: string }>(page, 'archive.status', { caseId: 'c-dok-2' });
  await page.reload();
  const list = new CaseList(page);
  await expect(list.heading).toBeVisible();
  await list.open('Arne Arkivdokument');

  // The tabs by keyboard: Enter on a focused tab opens it.
  const documentsTab = page.getByRole('tab', { name: 'Dokumenter' });
  await documentsTab.press('Enter');
  await expect(documentsTab).toHaveAttribute('aria-selected', 'true');
  const docs = page.getByRole('region', { name: 'Dokumenter i saken' });
  const row = docs.getByRole('row', { name: /Henvisningsskjema/u });
  await expect(row).toContainText('Ikke arkivert');
  await expect(docs.getByRole('columnheader', { name: 'Arkiv' })).toBeVisible();

  // The saksmappe's and the document's answers in one kvittering, read in on the Brev tab.
  const kvittering = `<?xml version="1.0" encoding="UTF-8"?>
<arkivmeldingKvittering xmlns="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/kvittering/v1" xmlns:mdk="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <mappeKvittering xsi:type="saksmappeKvittering">
    <systemID>1a2b3c4d-5e6f-4a7b-8c9d-aaaaaaaaaa01</systemID>
    <referanseEksternNoekkel><mdk:fagsystem>Bro</mdk:fagsystem><mdk:noekkel>bro-sak-${caseId}</mdk:noekkel></referanseEksternNoekkel>
    <opprettetEllerEksisterende>Eksisterende</opprettetEllerEksisterende>
    <saksaar>2026</saksaar><sakssekvensnummer>123</sakssekvensnummer>
  </mappeKvittering>
  <registreringKvittering xsi:type="journalpostKvittering">
    <systemID>1a2b3c4d-5e6f-4a7b-8c9d-cccccccccc07</systemID>
    <referanseEksternNoekkel><mdk:fagsystem>Bro</mdk:fagsystem><mdk:noekkel>bro-dok-${made.attachmentId}</mdk:noekkel></referanseEksternNoekkel>
    <opprettetEllerEksisterende>Opprettet</opprettetEllerEksisterende>
    <journalaar>2026</journalaar><journalsekvensnummer>6007</journalsekvensnummer><journalpostnummer>7</journalpostnummer>
    <journalposttype><mdk:kode>I</mdk:kode></journalposttype><journalstatus><mdk:kode>J</mdk:kode></journalstatus>
    <journaldato>2026-03-03</journaldato>
  </registreringKvittering>
</arkivmeldingKvittering>
`;
  const lettersTab = page.getByRole('tab', { name: 'Brev' });
  await lettersTab.press('Enter');
  await expect(lettersTab).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByRole('region', { name: 'Arkivering (Fiks Arkiv)' });
  await expect(panel).toContainText('I arkivet: 0 av 1 mottatte dokumenter.');
  const input = panel.getByLabel('Les inn kvittering fra arkivet (XML)');
  await input.focus();
  await expect(input).toBeFocused();
  await input.setInputFiles({
    name: 'kvittering.xml',
    mimeType: 'application/xml',
    buffer: Buffer.from(kvittering),
  });
  await expect(panel.getByRole('status').filter({ hasText: 'Kvitteringen er lest inn' })).toContainText(
    '2 arkivreferanser lagret',
  );
  await expect(panel).toContainText('I arkivet: 1 av 1 mottatte dokumenter.');
  await expect(panel.getByRole('list', { name: 'Arkivstatus for de mottatte dokumentene' })).toContainText(
    'Henvisningsskjema (mottatt 02.02.2026): Arkivert: 2026/123-7',
  );
  await checkScreen(page, '98c-archive-documents');

  await documentsTab.press('Enter');
  await expect(documentsTab).toHaveAttribute('aria-selected', 'true');
  await expect(row).toContainText('Arkivert: 2026/123-7');
  await row.scrollIntoViewIfNeeded();
  await checkScreen(page, '98d-documents-archived');
});
