import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { main as bro } from '../../electron/cli/main';
import { checkScreen, expect, screenshot, test } from './fixtures';
import { issueDemoLetter } from './letters-helper';
import { VerifyPage } from './pages';

/**
 * «Kontroller brev»: a real letter, issued and signed from the demo vault through the real
 * handlers, checked in the app by choosing it and by dropping it on the window, and compared
 * with what `bro verify --json` says of the same file; a tampered copy and a text file too.
 */

/** `bro verify FILE --json` (the real CLI entry, in-process). */
async function cliVerify(file: string, jwksFile?: string) {
  let out = '';
  const code = await bro(['verify', file, ...(jwksFile ? ['--jwks', jwksFile] : []), '--json'], {
    out: (s) => (out += s),
    err: () => {},
    env: {},
    isTTY: false,
  });
  return { code, json: JSON.parse(out) };
}

/**
 * Drops a file on the page (a real DragEvent with a DataTransfer made in the page from the bytes),
 * on the element `on` (a CSS selector; the main area by default). `hold`: only drag it over.
 */
async function drop(
  page: Page,
  bytes: Buffer,
  name: string,
  type = 'application/pdf',
  { on = 'main', hold = false }: { on?: string; hold?: boolean } = {},
): Promise<boolean> {
  return page.evaluate(
    ({ b64, name, type, on, hold }) => {
      const bin = atob(b64);
      const buf = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) buf[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([buf], name, { type }));
      const target = document.querySelector(on) ?? document.body;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      if (hold) return false;
      // dispatchEvent is false when the drop was cancelled: the browser did not open the file.
      return !target.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    },
    { b64: bytes.toString('base64'), name, type, on, hold },
  );
}

test.describe('Kontroller brev', () => {
  test.use({ vault: 'demo', demoCases: 40 });

  test('a signed letter chosen or dropped shows Gyldig and what it asks, as bro verify does; a tampered copy and a text file do not', async ({
    bro: app,
  }) => {
    const { page, root, demoDir } = app;
    const { file, jwks } = await issueDemoLetter(demoDir, path.join(root, 'anbefaling.pdf'));
    const jwksFile = path.join(root, 'jwks.json');
    writeFileSync(jwksFile, JSON.stringify(jwks));
    const cli = await cliVerify(file, jwksFile);
    expect(cli.code).toBe(0);
    expect(cli.json.valid).toBe(true);

    const verify = new VerifyPage(page);
    await expect(page.getByRole('heading', { name: 'Saker', level: 1 })).toBeVisible();
    await page.keyboard.press('Alt+4');
    await expect(verify.heading).toBeVisible();
    await expect(page).toHaveTitle('Kontroller brev – Bro');
    await checkScreen(page, '90-verify-empty');

    // Choose it (the button opens the file input; Playwright fills the input).
    await verify.choose(file);
    await expect(verify.verdict).toHaveText('Gyldig');
    await expect(verify.verdict).toBeFocused();
    // The demo vault's user is one of the demo's caseworkers; the letter names them.
    const signer = (jwks as { keys: { name: string }[] }).keys[0]!.name;
    expect(signer).not.toBe('');
    await expect(page.getByText(`Signert av ${signer}, som er medlem av denne tjenesten.`)).toBeVisible();
    const letter = cli.json.letter;
    const facts = page.getByTestId('verify-letter');
    await expect(facts).toContainText('Anbefaling til skolen');
    await expect(facts).toContainText(letter.date.split('-').reverse().join('.'));
    await expect(facts).toContainText(cli.json.code);
    if (letter.replyBy) await expect(facts).toContainText(letter.replyBy.split('-').reverse().join('.'));
    // The recommendations: one row each, with what, who and when as bro verify says.
    const rows = page.getByTestId('verify-recommendations').locator('tbody tr');
    await expect(rows).toHaveCount(letter.recommendations.length);
    const person = (p: { role: string; name: string | null } | null) =>
      p ? (p.name ? `${p.name} (${p.role})` : p.role) : '–';
    const nb = (d: string | null | undefined) => (d ? d.split('-').reverse().join('.') : '–');
    for (const [i, m] of (letter.recommendations as Rec[]).entries()) {
      await expect(rows.nth(i).locator('td')).toHaveText([
        m.what,
        person(m.responsible),
        person(m.leader),
        nb(m.start),
        nb(m.evaluation?.date),
        m.evaluation?.method ?? '–',
        m.evaluation?.convenedBy ?? '–',
      ]);
    }
    await expect(page.getByTestId('verify-asks').locator('tbody tr')).toHaveCount(letter.asks.length);
    await checkScreen(page, '91-verify-valid');
    await page.getByTestId('verify-recommendations').scrollIntoViewIfNeeded();
    await screenshot(page, '91b-verify-valid-asks');

    // Dropped anywhere, on another screen: the app goes to «Kontroller brev» and checks it.
    await page.keyboard.press('Alt+1');
    await expect(page.getByRole('heading', { name: 'Saker', level: 1 })).toBeVisible();
    const good = readFileSync(file);
    expect(await drop(page, good, 'brev.pdf')).toBe(true);
    await expect(page).toHaveURL(/#\/verify$/);
    await expect(verify.verdict).toHaveText('Gyldig');
    await expect(page.getByText('Kontrollert: brev.pdf')).toBeVisible();

    // Dragged over the drop zone it is highlighted; dropped there, the window takes it (checked once).
    const zone = page.getByTestId('verify-drop');
    await drop(page, good, 'brev-2.pdf', 'application/pdf', {
      on: '[data-testid="verify-drop"]',
      hold: true,
    });
    await expect(zone).toHaveClass(/\bover\b/u);
    await checkScreen(page, '90b-verify-drag-over');
    expect(
      await drop(page, good, 'brev-2.pdf', 'application/pdf', { on: '[data-testid="verify-drop"]' }),
    ).toBe(true);
    await expect(zone).not.toHaveClass(/\bover\b/u);
    await expect(page.getByText('Kontrollert: brev-2.pdf')).toBeVisible();
    await expect(verify.verdict).toHaveText('Gyldig');

    // One byte changed in the middle: IKKE gyldig, with the reasons as sentences.
    const bad = Buffer.from(good);
    const at = Math.floor(bad.length / 2);
    bad[at] = bad[at]! ^ 0x01;
    const tampered = path.join(root, 'endret.pdf');
    writeFileSync(tampered, bad);
    const cliBad = await cliVerify(tampered, jwksFile);
    expect(cliBad.json.valid).toBe(false);
    await verify.choose(tampered);
    await expect(verify.verdict).toHaveText('IKKE gyldig');
    await expect(page.getByText('Slik står det i fila, men fordi den ikke er gyldig')).toBeVisible();
    await expect(page.getByText('Ikke stol på innholdet i denne fila. Dette er galt:')).toBeVisible();
    await expect(page.getByText('Fila er endret etter at den ble forseglet.')).toBeVisible();
    await expect(page.locator('.verify-reasons li')).not.toHaveCount(0);
    // No reason is shown as a bare code.
    for (const li of await page.locator('.verify-reasons li').allInnerTexts())
      expect(li).not.toMatch(/^[A-Z_]+$/);
    await checkScreen(page, '92-verify-tampered');

    // A text file named .pdf: a clear Norwegian message, not a crash.
    const text = path.join(root, 'ikke-et-brev.pdf');
    writeFileSync(text, 'Dette er bare tekst.\n');
    await verify.choose(text);
    await expect(verify.verdict).toHaveText('Fila kan ikke kontrolleres');
    await expect(
      page.getByText('Fila er ikke en PDF. Velg brevet slik det ble sendt, som PDF.'),
    ).toBeVisible();
    await checkScreen(page, '93-verify-not-pdf');

    // The chooser is reachable by keyboard.
    await verify.heading.focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Velg PDF …' })).toBeFocused();
  });
});

type Rec = {
  what: string;
  responsible: { role: string; name: string | null } | null;
  leader: { role: string; name: string | null } | null;
  start: string | null;
  evaluation: { date: string; method: string; convenedBy: string } | null;
};

test.describe('a file dropped on the locked window', () => {
  test('is ignored: the browser does not leave the app to show it', async ({ bro }) => {
    const { page } = bro;
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const before = page.url();
    expect(await drop(page, Buffer.from('%PDF-1.7 syntetisk'), 'brev.pdf')).toBe(true);
    expect(page.url()).toBe(before);
  });
});
