import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { completeCase } from '../../shared/letters/letters.fixture';
import { checkScreen, expect, test } from './fixtures';
import { CaseList, Folder } from './pages';

/**
 * The archive package from the case (issue 19 item 1): issue a letter, press «Lag arkivpakke»
 * with the keyboard, get a .zip as a download (bytes, never a path), unpack it and validate every
 * arkivmelding.xml with xmllint against the official Fiks Arkiv V1 schema. axe.
 */
const run = promisify(execFile);
const SCHEMA = fileURLToPath(
  new URL(
    '../../shared/archive/fiks-arkiv/no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.xsd',
    import.meta.url,
  ),
);

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

test('make the archive package from the letters tab; every arkivmelding validates', async ({ bro }, info) => {
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
  c.id = 'c-arkiv-1';
  c.pupil = { ...(c.pupil as object), name: 'Aron Arkivsen' };
  expect(
    (await api(page, 'interchange.import', { file: { format: 'bro-interchange/1', cases: [c] } })).ok,
  ).toBe(true);
  const issued = await api(page, 'letters.issue', { caseId: 'c-arkiv-1', kind: 'tiltaksoversikt' });
  expect(issued.ok, JSON.stringify(issued.error)).toBe(true);
  await page.reload();
  const list = new CaseList(page);
  await expect(list.heading).toBeVisible();
  await list.open('Aron Arkivsen');
  const folder = new Folder(page);
  await folder.tab('Brev');

  const panel = page.getByRole('region', { name: 'Arkivering (Fiks Arkiv)' });
  const button = panel.getByRole('button', { name: 'Lag arkivpakke' });
  await button.focus();
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^arkivpakke-c-arkiv-1-\d{4}-\d{2}-\d{2}\.zip$/u);
  await expect(panel.getByRole('status')).toContainText('2 arkivmeldinger (saksmappen og 1 brev)');
  await checkScreen(page, '97-archive');

  const dir = info.outputPath('pakke');
  mkdirSync(dir, { recursive: true });
  const zipFile = join(dir, 'pakke.zip');
  await download.saveAs(zipFile);
  await run('unzip', ['-q', zipFile, '-d', dir]);
  const { stdout } = await run('unzip', ['-Z1', zipFile]);
  const names = stdout.trim().split('\n');
  expect(names.some((n) => /^02-brev-tiltaksoversikt-[\d-]+\/tiltaksoversikt-[\d-]+\.pdf$/u.test(n))).toBe(
    true,
  );
  const xmls = names.filter((n) => n.endsWith('/arkivmelding.xml'));
  expect(xmls).toHaveLength(2);
  for (const x of xmls) {
    // xmllint exits 3 (and run() throws) when a message fails to validate.
    const r = await run('xmllint', ['--noout', '--schema', SCHEMA, join(dir, x)]);
    expect(r.stderr).toMatch(/validates/u);
  }

  // The archive's kvittering for the letter (issue 19 item 1): «Ikke arkivert» until it is imported.
  const letterId = (issued.value as { letterId: string }).letterId;
  await expect(panel.getByRole('list', { name: 'Arkivstatus for brevene' })).toContainText('Ikke arkivert');
  const kvittering = `<?xml version="1.0" encoding="UTF-8"?>
<arkivmeldingKvittering xmlns="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/kvittering/v1" xmlns:mdk="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <registreringKvittering xsi:type="journalpostKvittering">
    <systemID>1a2b3c4d-5e6f-4a7b-8c9d-cccccccccc04</systemID>
    <referanseEksternNoekkel><mdk:fagsystem>Bro</mdk:fagsystem><mdk:noekkel>bro-brev-${letterId}</mdk:noekkel></referanseEksternNoekkel>
    <opprettetEllerEksisterende>Opprettet</opprettetEllerEksisterende>
    <journalaar>2026</journalaar><journalsekvensnummer>5004</journalsekvensnummer><journalpostnummer>4</journalpostnummer>
    <journalposttype><mdk:kode>U</mdk:kode></journalposttype><journalstatus><mdk:kode>J</mdk:kode></journalstatus>
    <journaldato>2026-03-02</journaldato>
  </registreringKvittering>
</arkivmeldingKvittering>
`;
  const input = panel.getByLabel('Les inn kvittering fra arkivet (XML)');
  await input.focus();
  await expect(input).toBeFocused();
  await input.setInputFiles({
    name: 'kvittering.xml',
    mimeType: 'application/xml',
    buffer: Buffer.from(kvittering),
  });
  await expect(panel.getByRole('status').filter({ hasText: 'Kvitteringen er lest inn' })).toContainText(
    '1 arkivreferanser lagret',
  );
  await expect(panel.getByRole('list', { name: 'Arkivstatus for brevene' })).toContainText(
    'Arkivert: 2026/5004',
  );
  await checkScreen(page, '97b-archive-receipt');

  // The timeline says when the archive's answer came and which reference the letter got.
  await folder.tab('Tidslinje');
  const timeline = page.getByRole('region', { name: 'Alt som er registrert i saken, nyeste først' });
  const line = timeline
    .getByRole('listitem')
    .filter({ hasText: 'Kvittering fra arkivet: brevet er journalført' });
  await expect(line).toHaveCount(1);
  await expect(line).toContainText('Tiltaksoversikt');
  await expect(line).toContainText('Arkivreferanse');
  await expect(line).toContainText('2026/5004');
  await expect(line).not.toContainText(letterId);
  await checkScreen(page, '97c-archive-timeline');
});
