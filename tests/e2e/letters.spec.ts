import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { completeCase } from '../../shared/letters/letters.fixture';
import { checkScreen, expect, test } from './fixtures';
import { CaseList, Folder } from './pages';

/**
 * A caseworker goes from a case to a signed anbefaling without a terminal: writes it, checks it,
 * fixes what the checks find (a vague phrase rewritten in the case, one kept with a reason, the
 * legal basis for recipients without consent), saves a draft, comes back to it, issues it and
 * saves the PDF — which `bro verify` (the real CLI) then finds valid.
 */
const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** A synthetic case whose anbefaling needs fixing: two hedges in the measures and no consents. */
function caseToFix() {
  const c = completeCase() as ReturnType<typeof completeCase> & Record<string, unknown>;
  c.id = 'c-brev-1';
  c.pupil = { ...c.pupil, name: 'Synne Brevik' };
  const recs = c.recommendations as { frequency?: string | null; goal?: string | null }[];
  recs[1]!.frequency = 'ved behov, hver skoledag kl. 08.15';
  recs[1]!.goal = 'Eleven sier selv at morgenen er «grei» etter hvert, minst fire av fem dager.';
  c.consents = [];
  return c;
}

/** Imports a case through the page's own door (the same call the renderer makes), as an import would come. */
async function importCase(page: Page, doc: unknown = caseToFix()) {
  const result = await page.evaluate(async (d) => {
    const res = await fetch('./api/interchange.import', {
      method: 'POST',
      // The page's session token, from its own storage, as the renderer sends it.
      headers: { 'Content-Type': 'application/json', 'X-Bro-Token': sessionStorage.getItem('bro.session')! },
      body: JSON.stringify({ file: { format: 'bro-interchange/1', cases: [d] } }),
    });
    return (await res.json()) as { ok: boolean };
  }, doc);
  expect(result.ok).toBe(true);
}

/** `bro verify FILE --json`: the real CLI, from outside the app. */
async function broVerify<T>(file: string): Promise<T> {
  const { stdout } = await run(process.execPath, [
    path.join(ROOT, 'bin', 'bro.mjs'),
    'verify',
    file,
    '--json',
  ]);
  return JSON.parse(stdout) as T;
}

test.describe('the letter editor', () => {
  test.use({ vault: 'demo', demoCases: 8 });

  test('write, check, fix, save a draft, issue an anbefaling and verify the saved PDF', async ({ bro }) => {
    const { page } = bro;
    const list = new CaseList(page);
    await expect(list.heading).toBeVisible();
    await importCase(page);
    await page.reload();
    await list.open('Synne Brevik');
    const folder = new Folder(page);
    await folder.tab('Brev');
    await expect(page.getByRole('heading', { name: 'Nytt brev' })).toBeVisible();
    await checkScreen(page, '60-letters-empty');

    // Write: an anbefaling, assembled from the case.
    await page.getByLabel('Brevtype').selectOption('anbefaling');
    await page.getByRole('button', { name: 'Skriv brevet' }).click();
    await expect(page).toHaveURL(/#\/cases\/[a-z2-7]{26}\/letters\/anbefaling$/u);
    await expect(page.getByRole('heading', { name: 'Anbefaling til skolen' })).toBeVisible();

    // Check: the findings beside a live preview; issuing is not possible yet.
    const findings = page.locator('.finding-list');
    await expect(findings.getByText('Uklar formulering «ved behov»')).toBeVisible();
    await expect(findings.getByText('Uklar formulering «etter hvert»')).toBeVisible();
    await expect(findings.getByText(/Ingen gyldig samtykke for rektor/u)).toBeVisible();
    await expect(page.getByTestId('pdf-preview').locator('canvas').first()).toBeVisible();
    await expect(page.getByRole('img', { name: /Forhåndsvisning av brevet, side 1 av/u })).toBeVisible();
    await expect(page.getByText(/Lesbarhet \(LIX\): \d+/u)).toBeVisible();
    const issueButton = page.getByRole('button', { name: 'Signer og utsted …' });
    await expect(issueButton).toBeDisabled();
    // The flagged phrase is shown in its sentence, marked.
    await expect(page.locator('.phrase-context mark', { hasText: 'ved behov' })).toBeVisible();
    await checkScreen(page, '61-letter-editor-findings');

    // Fix 1: rewrite the vague frequency in place; the new text is saved in the case.
    const vague = findings.locator('li', { hasText: 'Uklar formulering «ved behov»' });
    await vague.getByRole('button', { name: 'Skriv om' }).click();
    const rewrite = vague.getByLabel('Ny tekst');
    await expect(rewrite).toBeFocused();
    await rewrite.fill('hver skoledag kl. 08.15');
    await checkScreen(page, '62-letter-rewrite');
    await vague.getByRole('button', { name: 'Lagre i saken' }).click();
    await expect(findings.getByText('Uklar formulering «ved behov»')).toHaveCount(0);

    // Fix 2: keep the other phrase, with the reason recorded.
    const kept = findings.locator('li', { hasText: 'Uklar formulering «etter hvert»' });
    await kept.getByRole('button', { name: 'Behold, fordi …' }).click();
    await kept.getByLabel(/Hvorfor formuleringen skal stå/u).fill('Elevens egne ord fra samtalen.');
    await kept.getByRole('button', { name: 'Behold', exact: true }).click();
    await expect(findings.getByText('Uklar formulering «etter hvert»')).toHaveCount(0);
    await expect(page.getByText('«etter hvert»: Elevens egne ord fra samtalen.')).toBeVisible();

    // Fix 3: "Gå til feltet" puts the cursor in the field that fixes a missing consent.
    for (const [who, field] of [
      ['rektor', 'opt-legalBasis-rektor'],
      ['kontaktlæreren', 'opt-legalBasis-kontaktlærer'],
    ] as const) {
      const item = findings.locator('li', { hasText: `Ingen gyldig samtykke for ${who}` });
      await expect(item).toHaveCount(1);
      await item.getByRole('button', { name: 'Gå til feltet' }).click();
      const focused = page.locator(':focus');
      await expect(focused).toHaveAttribute('id', field);
      await focused.fill(
        'Forvaltningsloven § 13 b nr. 1 (samtykke gitt muntlig, under skriftlig bekreftelse)',
      );
      await expect(item).toHaveCount(0);
    }

    // Leaving with unsaved changes asks first; "no" keeps the editor and what was typed.
    await expect(page.getByText('Endringer som ikke er lagret')).toBeVisible();
    page.once('dialog', (d) => void d.dismiss());
    await page.keyboard.press('Alt+1');
    await expect(page).toHaveURL(/\/letters\/anbefaling$/u);
    await expect(page.getByLabel('Lovgrunnlag for å sende til rektor')).toHaveValue(/Forvaltningsloven/u);
    await expect(page.getByText('Endringer som ikke er lagret')).toBeVisible();

    // Save the draft (Ctrl+S), leave, and come back to it from the case's letters.
    await page.keyboard.press('Control+s');
    await expect(page.getByText('Utkastet er lagret i saken.')).toBeVisible();
    await expect(page).toHaveURL(/#\/cases\/[a-z2-7]{26}\/letters\/[a-z2-7]{26}$/u);
    await page.getByRole('link', { name: 'Til brevene i saken' }).click();
    const drafts = page.getByRole('region', { name: 'Utkast' });
    await expect(drafts.getByRole('link', { name: 'Anbefaling til skolen' })).toBeVisible();
    await checkScreen(page, '63-letters-with-draft');
    await page.reload();
    await drafts.getByRole('link', { name: 'Anbefaling til skolen' }).click();
    await expect(page.getByLabel('Lovgrunnlag for å sende til rektor')).toHaveValue(/Forvaltningsloven/u);
    await expect(page.getByText('«etter hvert»: Elevens egne ord fra samtalen.')).toBeVisible();

    // No errors left: issue it.
    await expect(page.locator('.finding.error')).toHaveCount(0);
    await expect(issueButton).toBeEnabled();
    await expect(page.getByRole('img', { name: /Forhåndsvisning av brevet, side 1 av/u })).toBeVisible();
    await checkScreen(page, '64-letter-ready');
    await issueButton.click();
    const dialog = page.getByRole('dialog', { name: 'Signer og utsted' });
    await expect(dialog.getByText('Til', { exact: true })).toBeVisible();
    await checkScreen(page, '65-letter-issue-dialog');
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Signer og utsted' }).click();
    const download = await downloading;
    await expect(dialog.getByText('Brevet er signert og registrert i saken.')).toBeVisible();
    const code = /Kontrollkode: ([A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4})/u.exec(
      await dialog.locator('.mono').innerText(),
    )![1]!;
    // The file name says what it is, never who (its date is checked against the letter's below).
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^anbefaling-\\d{4}-\\d{2}-\\d{2}-${code}\\.pdf$`, 'u'),
    );
    expect(download.suggestedFilename()).not.toMatch(/Synne|Brevik/u);
    const saved = path.join(bro.root, 'anbefaling.pdf');
    await download.saveAs(saved);
    await checkScreen(page, '66-letter-issued');
    await dialog.locator('.actions').getByRole('button', { name: 'Lukk' }).click();

    // Recorded in the case: the draft is closed, the letter listed with its code.
    const issued = page.getByRole('region', { name: 'Utstedte brev' });
    await expect(issued.getByRole('cell', { name: code, exact: true })).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Utkast' }).getByText('Ingen lagrede utkast.'),
    ).toBeVisible();

    // The case keeps the letter: saved again later, it is the same file byte for byte.
    const again = page.waitForEvent('download');
    await issued.getByRole('button', { name: `Lagre PDF: Anbefaling til skolen ${code}` }).click();
    const copy = path.join(bro.root, 'kopi.pdf');
    await (await again).saveAs(copy);
    expect(readFileSync(copy).equals(readFileSync(saved))).toBe(true);
    await checkScreen(page, '69-letters-issued');

    // The saved PDF, checked by the real CLI from outside the app.
    const v = await broVerify<{
      valid: boolean;
      code: string;
      letter: { kind: string; date: string; draft: boolean; recommendations: { what: string }[] };
    }>(saved);
    expect(v.valid).toBe(true);
    expect(v.code).toBe(code);
    expect(v.letter.kind).toBe('anbefaling');
    expect(download.suggestedFilename()).toBe(`anbefaling-${v.letter.date}-${code}.pdf`);
    expect(v.letter.draft).toBe(false);
    expect(v.letter.recommendations.length).toBe(2);
    const { stdout: text } = await run('pdftotext', ['-layout', saved, '-']);
    expect(text).toContain('hver skoledag kl. 08.15');
    expect(text).not.toContain('ved behov');
    expect(text).not.toContain('UTKAST');
  });

  test('a nynorsk letter with case text in bokmål: the finding is resolved in the editor', async ({
    bro,
  }) => {
    const { page } = bro;
    const list = new CaseList(page);
    await expect(list.heading).toBeVisible();
    const c = caseToFix();
    c.id = 'c-nn-1';
    c.pupil = { ...c.pupil, name: 'Nora Nynorsk' };
    await importCase(page, c);
    await page.reload();
    await list.open('Nora Nynorsk');
    await new Folder(page).tab('Brev');
    await page.getByLabel('Brevtype').selectOption('anbefaling');
    await page.getByRole('button', { name: 'Skriv brevet' }).click();
    await page.getByLabel('Målform').selectOption('nn');
    const findings = page.locator('.finding-list');
    const voice = findings.locator('li', { hasText: 'Jeg vil gå på skolen' });
    await expect(voice).toContainText('Brevet er på nynorsk, men denne teksten fra saken er på bokmål.');
    // An error the caseworker must resolve before the letter can be issued, not a warning.
    await expect(voice).toHaveClass(/\berror\b/u);
    await voice.getByRole('button', { name: 'Skriv teksten på nynorsk' }).click();
    const field = voice.getByLabel(/Teksten på nynorsk/u);
    await field.fill('Eg vil gå på skulen når eg veit kven som møter meg.');
    await checkScreen(page, '66-letter-nynorsk-finding');
    await voice.getByRole('button', { name: 'Lagre i saken' }).click();
    // Saved in the case beside the bokmål text: the finding for that text is gone.
    await expect(findings.locator('li', { hasText: 'Jeg vil gå på skolen' })).toHaveCount(0);
  });

  test('with the service certificate chosen when signing, the letter is also PAdES-signed (æøå in its name)', async ({
    bro,
  }) => {
    const { page } = bro;
    const list = new CaseList(page);
    await expect(list.heading).toBeVisible();
    const p12 = path.join(bro.root, 'ppt-baerum.p12');
    await run(
      process.execPath,
      [
        path.join(ROOT, 'bin', 'bro.mjs'),
        'cert',
        'test',
        p12,
        '--name',
        'PPT Bærum',
        '--org',
        'Bærum kommune',
      ],
      { env: { ...process.env, BRO_P12_PASSWORD: 'sertifikat-passord' } },
    );
    // Settings: in the browser the page names no file; the certificate is chosen when signing.
    await page.keyboard.press('Alt+5');
    const browserHint = page.getByText(
      /I nettleserversjonen velger du sertifikatfila \(P12\) når du signerer/u,
    );
    await browserHint.scrollIntoViewIfNeeded();
    await expect(browserHint).toBeVisible();
    await checkScreen(page, '67-settings-certificate-browser');

    const doc = { ...completeCase(), id: 'c-brev-3' } as ReturnType<typeof completeCase> &
      Record<string, unknown>;
    doc.pupil = { ...doc.pupil, name: 'Pål Pades' };
    await importCase(page, doc);
    await page.keyboard.press('Alt+1');
    await page.reload();
    await list.open('Pål Pades');
    const id = /#\/cases\/([a-z2-7]{26})/u.exec(page.url())![1]!;
    await page.goto(`${new URL(page.url()).origin}/#/cases/${id}/letters/anbefaling`);
    const issueButton = page.getByRole('button', { name: 'Signer og utsted …' });
    await expect(issueButton).toBeEnabled();
    await issueButton.click();
    const dialog = page.getByRole('dialog', { name: 'Signer og utsted' });
    // The P12 file is read by the page and sent as bytes, with its password; neither is stored.
    await dialog.getByLabel(/Virksomhetssertifikat \(P12-fil\)/u).setInputFiles(p12);

    // A wrong password: a clear error, nothing signed, nothing recorded.
    await dialog.getByLabel('Passord for sertifikatet').fill('feil passord');
    await dialog.getByRole('button', { name: 'Signer og utsted' }).click();
    await expect(
      dialog.getByText('Feil passord for sertifikatfila (P12). Ingen fil er skrevet.'),
    ).toBeVisible();
    await checkScreen(page, '68-letter-p12-wrong-password');

    await dialog.getByLabel('Passord for sertifikatet').fill('sertifikat-passord');
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Signer og utsted' }).click();
    const download = await downloading;
    await expect(dialog.getByText(/Også signert med virksomhetssertifikatet: CN=PPT Bærum/u)).toBeVisible();
    const saved = path.join(bro.root, 'pades.pdf');
    await download.saveAs(saved);
    await dialog.locator('.actions').getByRole('button', { name: 'Lukk' }).click();
    // Exactly one letter recorded: the refused attempt left no trace.
    await expect(page.getByRole('region', { name: 'Utstedte brev' }).getByRole('row')).toHaveCount(2);

    const v = await broVerify<{
      valid: boolean;
      pades: { present: boolean; valid: boolean; subject: string };
    }>(saved);
    expect(v.valid).toBe(true);
    expect(v.pades).toMatchObject({ present: true, valid: true });
    expect(v.pades.subject).toContain('PPT Bærum');
  });

  test('a case without measures says what the kind needs instead of a preview', async ({ bro }) => {
    const { page } = bro;
    const list = new CaseList(page);
    await expect(list.heading).toBeVisible();
    const doc = caseToFix();
    doc.id = 'c-brev-2';
    doc.pupil = { ...doc.pupil, name: 'Tiril Tomhånd' };
    doc.recommendations = [];
    await importCase(page, doc);
    await page.reload();
    await list.open('Tiril Tomhånd');
    const id = /#\/cases\/([a-z2-7]{26})/u.exec(page.url())![1]!;
    await page.goto(`${new URL(page.url()).origin}/#/cases/${id}/letters/anbefaling`);
    await expect(page.getByText('saken har ingen tiltak å skrive om')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Signer og utsted …' })).toBeDisabled();
    await checkScreen(page, '67-letter-data-missing');
  });
});

test.describe('from the tasks', () => {
  test.use({ vault: 'demo', demoCases: 40 });

  test('from a task to an issued mottaksbrev: one click to the editor, what is missing filled in, signed', async ({
    bro,
  }) => {
    const { page } = bro;
    await expect(page.getByRole('heading', { name: 'Saker', level: 1 })).toBeVisible();
    await page.keyboard.press('Alt+2');
    const filter = page.getByLabel('Vis');
    const option = filter.locator('option', { hasText: 'Foreløpig svar' });
    await filter.selectOption({ label: (await option.innerText()).trim() });
    await page
      .getByRole('link', { name: /^Skriv mottaksbrev \/ foreløpig svar for / })
      .first()
      .click();
    await expect(page).toHaveURL(/\/letters\/mottaksbrev$/u);
    await expect(page.getByRole('heading', { name: 'Mottaksbrev', level: 2 })).toBeVisible();

    // Whatever this demo case lacks, each error leads to the field that fixes it.
    const findings = page.locator('.finding-list');
    await expect(page.getByText(/Lesbarhet \(LIX\)/u)).toBeVisible();
    let filledDate = false;
    for (let round = 0; round < 10; round++) {
      const errors = page.locator('.finding.error');
      if ((await errors.count()) === 0) break;
      const first = errors.first();
      const text = await first.innerText();
      if (/Uklar formulering/u.test(text)) {
        await first.getByRole('button', { name: 'Behold, fordi …' }).click();
        await first.getByLabel(/Hvorfor formuleringen skal stå/u).fill('Standard ordlyd i mottaksbrev.');
        await first.getByRole('button', { name: 'Behold', exact: true }).click();
      } else {
        await first.getByRole('button', { name: 'Gå til feltet' }).click();
        const focused = page.locator(':focus');
        const id = (await focused.getAttribute('id')) ?? '';
        if (id === 'opt-expectedFirstContact') {
          await focused.fill('15.01.2027');
          filledDate = true;
        } else if (id.startsWith('opt-legalBasis-')) await focused.fill('Forvaltningsloven § 13 b nr. 1');
        else throw new Error(`unexpected finding: ${text}`);
      }
      await expect(findings.locator('li').filter({ hasText: text.split('\n')[0]! })).toHaveCount(0);
    }
    const issueButton = page.getByRole('button', { name: 'Signer og utsted …' });
    await expect(issueButton).toBeEnabled();
    await issueButton.click();
    const dialog = page.getByRole('dialog', { name: 'Signer og utsted' });
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Signer og utsted' }).click();
    const saved = path.join(bro.root, 'mottaksbrev.pdf');
    await (await downloading).saveAs(saved);
    // Focus goes to what comes next: saving the PDF again.
    await expect(dialog.getByRole('button', { name: 'Lagre PDF' })).toBeFocused();
    const v = await broVerify<{
      valid: boolean;
      letter: { kind: string; asks: { by: string | null }[] };
    }>(saved);
    expect(v.valid).toBe(true);
    expect(v.letter.kind).toBe('mottaksbrev');
    // The date typed in the editor is the one the signed letter gives the family and the school.
    if (filledDate) expect(v.letter.asks.some((a) => a.by === '2027-01-15')).toBe(true);
  });
});
