import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { isNationalId } from '../../shared/dispatch/svarut';
import { completeCase } from '../../shared/letters/letters.fixture';
import { checkScreen, expect, test } from './fixtures';
import { api, CaseList, Folder, localDay } from './pages';

/**
 * Dispatch through SvarUt from the Brev tab (issue 19 item 2), by keyboard: «Send» on an issued
 * letter opens the dialog; without a SvarUt account it saves the package (.zip: forsendelse.json,
 * the PDF, LES-MEG.txt) to the school by its organisation number, then to the family by post after
 * the dialog asked for the postal address. The table shows «Pakke for SvarUt laget <dato>». The
 * settings screen's SvarUt account refuses plain http to another machine. axe on each screen.
 */
const run = promisify(execFile);
const ORG = '974760673';

test('send from the letters tab: packages for the school and for the family, by keyboard', async ({
  bro,
}, info) => {
  const { page } = bro;
  await api(page, 'vault.create', {
    dir: bro.vaultDir,
    passphrase: 'syntetisk passordfrase',
    memberName: 'Kari Nordmann',
  });
  const c = completeCase() as Record<string, unknown>;
  c.id = 'c-post-1';
  c.pupil = { ...(c.pupil as object), name: 'Petra Postmo' };
  await api(page, 'interchange.import', {
    file: {
      format: 'bro-interchange/1',
      schools: [
        { name: 'Hov skole', orgNumber: ORG, address: 'Skoleveien 3', postcode: '2860', place: 'Hov' },
      ],
      cases: [c],
    },
  });
  await api(page, 'letters.issue', { caseId: 'c-post-1', kind: 'tiltaksoversikt' });
  await page.reload();
  const list = new CaseList(page);
  await expect(list.heading).toBeVisible();
  await list.open('Petra Postmo');
  await new Folder(page).tab('Brev');

  const panel = page.getByRole('region', { name: 'Forsendelse (SvarUt)' });
  await expect(panel.getByRole('table')).toContainText('c-post-1 / tiltaksoversikt-1');
  await expect(panel.getByRole('table')).toContainText('Ikke sendt');
  await expect(panel.getByRole('table')).toContainText('Ikke arkivert');

  // To the school: «Send» with Enter, then the dialog's submit with Enter.
  const send = panel.getByRole('button', { name: 'Send c-post-1 / tiltaksoversikt-1' });
  await send.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Send brevet c-post-1 / tiltaksoversikt-1' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Ingen SvarUt-konto er satt opp');
  await expect(dialog.getByRole('radio', { name: /Skolen/u })).toBeChecked();
  await checkScreen(page, '98-dispatch-dialog');
  const submit = dialog.getByRole('button', { name: 'Lag pakke for opplasting' });
  await submit.focus();
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('forsendelse-c-post-1-tiltaksoversikt-1.zip');
  await expect(dialog.getByRole('status')).toContainText('Last den opp i SvarUt');
  const dir = info.outputPath('pakke');
  mkdirSync(dir, { recursive: true });
  await download.saveAs(join(dir, 'pakke.zip'));
  await run('unzip', ['-q', join(dir, 'pakke.zip'), '-d', dir]);
  const json = JSON.parse(readFileSync(join(dir, 'forsendelse.json'), 'utf8'));
  expect(json.mottaker).toMatchObject({ navn: 'Hov skole', digitalId: ORG });
  expect(json.sikkerhetsniva).toBe('HOYESTE');
  expect(readFileSync(join(dir, json.dokumenter[0].filnavn)).subarray(0, 5).toString()).toBe('%PDF-');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('table')).toContainText(`Pakke for SvarUt laget ${localDay().nb}`);

  // To the family without a national id: by post, and the dialog asks for the address first.
  await send.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  const school = dialog.getByRole('radio', { name: /Skolen/u });
  await school.focus();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: 'Foresatte' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Lag pakke for opplasting' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('uten fødselsnummer går brevet til utskrift og post');
  await expect(dialog.getByLabel('Postnummer')).toHaveAttribute('aria-invalid', 'true');
  await checkScreen(page, '98-dispatch-address');
  // A postcode that is not four digits is named apart; only that field is marked.
  await dialog.getByLabel('Adresse', { exact: true }).fill('Gata 1');
  await dialog.getByLabel('Postnummer').fill('28');
  await dialog.getByLabel('Poststed').fill('Hov');
  await dialog.getByRole('button', { name: 'Lag pakke for opplasting' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('postnummeret må være fire siffer');
  await expect(dialog.getByRole('alert')).not.toContainText('skriv inn adresse');
  await expect(dialog.getByLabel('Postnummer')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Poststed')).not.toHaveAttribute('aria-invalid', 'true');
  await checkScreen(page, '98-dispatch-postcode');
  await dialog.getByLabel('Postnummer').fill('2860');
  const second = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Lag pakke for opplasting' }).focus();
  await page.keyboard.press('Enter');
  await second;
  await expect(dialog.getByRole('status')).toContainText('er lagret');
  await dialog.getByRole('button', { name: 'Lukk', exact: true }).last().focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await checkScreen(page, '98-dispatch-panel');

  // The SvarUt account on the settings screen: https only (plain http only to this machine).
  await page.getByRole('link', { name: 'Innstillinger' }).click();
  const account = page.getByRole('region', { name: 'SvarUt-konto' });
  await account.getByLabel('SvarUt-adresse').fill('http://svarut.ks.no');
  await account.getByRole('button', { name: 'Lagre SvarUt-konto' }).focus();
  await page.keyboard.press('Enter');
  await expect(account.getByRole('alert')).toContainText('må være en adresse som begynner med https://');
  await account.getByLabel('SvarUt-adresse').fill('https://test.svarut.ks.no');
  await account.getByRole('button', { name: 'Lagre SvarUt-konto' }).press('Enter');
  await expect(account.getByRole('status')).toContainText('SvarUt-kontoen er lagret.');
  // The browser host has no OS keychain: the password is refused, never stored in plain text.
  await account.getByLabel('Integrasjonspassord').fill('syntetisk-passord');
  await account.getByRole('button', { name: 'Lagre passordet i nøkkelringen' }).press('Enter');
  await expect(account.getByRole('alert')).toContainText('ingen sikker nøkkelring');
  await expect(account.getByLabel('Integrasjonspassord')).toHaveValue('');
  await checkScreen(page, '98-dispatch-settings');
});

/** A synthetic, checksum-valid national id made at run time (no such number is written in the source). */
function syntheticNationalId(): string {
  for (let n = 0; n < 1000; n++) {
    const base = `0202${String(80 + (n % 10)).padStart(2, '0')}${String(200 + n).padStart(3, '0')}`;
    for (let k = 0; k < 100; k++) {
      const id = `${base}${String(k).padStart(2, '0')}`;
      if (isNationalId(id)) return id;
    }
  }
  throw new Error('no synthetic id');
}

test('send with a SvarUt account: to a guardian by national id, then follow the status', async ({ bro }) => {
  // A local stand-in for SvarUt REST v3 (the full contract is checked in tests/unit/dispatch-contract.test.ts).
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const priv = forge.pki.privateKeyFromPem(
    keys.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(
    keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  cert.serialNumber = '02';
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  cert.setSubject([{ name: 'commonName', value: 'SvarUt test (synthetic)' }]);
  cert.setIssuer([{ name: 'commonName', value: 'SvarUt test (synthetic)' }]);
  cert.sign(priv, forge.md.sha256.create());
  const sent: { url: string; body: string; password: string | undefined }[] = [];
  /** The forsendelse ids the stand-in gave out. */
  const given: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('latin1');
      const json = (status: number, v: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(v));
      };
      if (req.url === '/token') return json(200, { access_token: 'synthetic.token.value' });
      if (req.url === '/forsendelse/publickey/hent') return res.end(forge.pki.certificateToPem(cert));
      sent.push({ url: req.url ?? '', body, password: req.headers.integrasjonpassord as string | undefined });
      if (req.url?.endsWith('/status/sok'))
        return json(200, {
          statuser: (JSON.parse(body) as { id: string[] }).id.map((id) => ({
            id,
            status: 'LEVERT_SDP',
            sisteStatusEndring: '2026-03-03T10:00:00Z',
          })),
        });
      const forsendelse = randomUUID();
      given.push(forsendelse);
      return json(200, { id: forsendelse });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The browser host has no OS keychain: the host reads the password from its environment.
  process.env.BRO_SVARUT_PASSWORD = 'synthetic-integration-password';
  try {
    const { page } = bro;
    await api(page, 'vault.create', {
      dir: bro.vaultDir,
      passphrase: 'syntetisk passordfrase',
      memberName: 'Kari Nordmann',
    });
    const c = completeCase() as Record<string, unknown>;
    c.id = 'c-post-2';
    c.pupil = { ...(c.pupil as object), name: 'Sigve Sending' };
    await api(page, 'interchange.import', { file: { format: 'bro-interchange/1', cases: [c] } });
    await api(page, 'letters.issue', { caseId: 'c-post-2', kind: 'tiltaksoversikt' });
    await api(page, 'settings.set', {
      svarut: {
        endpoint: base,
        kontoId: '6b1f0c6e-8f3a-4c1e-9d2b-0a1b2c3d4e5f',
        integrationId: 'synthetic-integration',
        tokenUrl: `${base}/token`,
      },
    });
    await page.reload();
    await new CaseList(page).open('Sigve Sending');
    await new Folder(page).tab('Brev');
    const panel = page.getByRole('region', { name: 'Forsendelse (SvarUt)' });
    await panel.getByRole('button', { name: 'Send c-post-2 / tiltaksoversikt-1' }).press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Send brevet c-post-2 / tiltaksoversikt-1' });
    await dialog.getByRole('radio', { name: /Skolen/u }).press('ArrowDown');
    const id = syntheticNationalId();
    const field = dialog.getByLabel('Fødselsnummer (valgfritt)');
    await field.focus();
    await page.keyboard.type(id);
    await checkScreen(page, '98-dispatch-send');
    await dialog.getByRole('button', { name: 'Send med SvarUt' }).press('Enter');
    await expect(dialog.getByRole('status')).toContainText('Sendt med SvarUt. Forsendelses-id:');
    const send = sent.find((s) => s.url.endsWith('/forsendelser/person'))!;
    expect(send.password).toBe('synthetic-integration-password');
    expect(send.body).toContain(`"digitalId":"${id}"`);
    expect(send.body).toContain('"sikkerhetsniva":"HOYESTE"');
    expect(send.body).toContain('"kryptert":true');
    await page.keyboard.press('Escape');
    await expect(panel.getByRole('table')).toContainText('Sendt med SvarUt: mottatt av SvarUt');
    await panel.getByRole('button', { name: 'Oppdater status fra SvarUt' }).press('Enter');
    await expect(panel.getByRole('status')).toContainText('Endringer: 1.');
    await expect(panel.getByRole('table')).toContainText('levert i digital postkasse');
    // The number went to SvarUt only: the page does not show it again.
    await expect(page.locator('body')).not.toContainText(id);
    await checkScreen(page, '98-dispatch-sent');

    // The timeline: when it was sent, to whom, and each new status; no forsendelse id, no number.
    await new Folder(page).tab('Tidslinje');
    const timeline = page.getByRole('region', { name: 'Alt som er registrert i saken, nyeste først' });
    const sentLine = timeline.getByRole('listitem').filter({ hasText: 'Brev sendt med SvarUt' });
    await expect(sentLine).toContainText('Tiltaksoversikt');
    await expect(sentLine).toContainText('Foresatte');
    const statusLine = timeline.getByRole('listitem').filter({ hasText: 'Ny status fra SvarUt' });
    await expect(statusLine).toContainText('levert i digital postkasse');
    await expect(timeline).not.toContainText(id);
    await expect(timeline).not.toContainText('bro-brev-');
    expect(given).toHaveLength(1);
    await expect(timeline).not.toContainText(given[0]!);
  } finally {
    delete process.env.BRO_SVARUT_PASSWORD;
    await new Promise<void>((r) => server.close(() => r()));
  }
});
