import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFString } from 'pdf-lib';
import { checkScreen, expect, screenshot, test } from './fixtures';
import { issueDemoLetter } from './letters-helper';
import { api, CaseList, Folder, field, VerifyPage } from './pages';
import { appendUpdate, fillReply, loadTwice } from '../unit/pdf-fill.fixture';
import { checkLetterPdf, verifyLetterPdf } from '../../electron/services/signing/verify';
import { followItems } from '../../shared/letters/replyForm';
import { completeCase } from '../../shared/letters/letters.fixture';
import type { CaseDoc } from '../../shared/domain/caseDoc';
import { dropNulls } from '../../shared/json';

/**
 * Issue 19 item 3 in the app: the school's filled-in reply slip, dropped on the window or chosen
 * on «Kontroller brev», shows as valid with the filled fields as the only change, and «Les inn
 * svaret i saken» records it (a second time: nothing new). A copy with an annotation over the text
 * is shown as changed on that page, and reading it in is refused. Real demo vault, real letter,
 * filled in with pdf-lib and saved incrementally; keyboard only.
 */
test.describe('Svar fra skolen', () => {
  test.use({ vault: 'demo', demoCases: 40 });

  test('a filled-in reply is checked and read into the case; a changed one is refused', async ({
    bro: app,
  }) => {
    const { page, root, demoDir } = app;
    const { file } = await issueDemoLetter(demoDir, path.join(root, 'anbefaling.pdf'));
    const signed = readFileSync(file);
    const letter = (await verifyLetterPdf(signed, null)).letter!;
    const nbDate = letter.date.split('-').reverse().join('.');
    const filled = await fillReply(signed, {
      radio: { svar1: 'gjennomfores' },
      text: { dato: nbDate, navn: 'Kari Nordmann, rektor' },
    });
    const filledFile = path.join(root, 'svar.pdf');
    writeFileSync(filledFile, filled);

    const verify = new VerifyPage(page);
    await expect(page.getByRole('heading', { name: 'Saker', level: 1 })).toBeVisible();
    await page.keyboard.press('Alt+4');
    await expect(verify.heading).toBeVisible();
    await verify.choose(filledFile);
    await expect(verify.verdict).toHaveText('Gyldig');
    const changes = page.getByTestId('verify-changes');
    await expect(changes).toContainText('Svarslippen er fylt ut: «svar1» (tillatt)');
    await expect(changes).toContainText('Side');
    const reply = page.getByTestId('verify-reply');
    await expect(reply).toContainText('Svarslippen er fylt ut. Brevet ellers er uendret.');
    const button = reply.getByRole('button', { name: 'Les inn svaret i saken' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(reply.getByRole('status')).toHaveText(
      'Skolens svar er lagret på 1 tiltak i saken. Oppgaven «svar fra skolen» er lukket.',
    );
    await checkScreen(page, '95-reply-imported');
    await page.getByTestId('verify-changes').scrollIntoViewIfNeeded();
    await screenshot(page, '95b-reply-imported');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(reply.getByRole('status')).toHaveText('Svaret var allerede lagret; ingenting nytt.');

    // An annotation over the text of page 2, appended after signing.
    const { before, after } = await loadTwice(filled);
    const annot = after.context.register(
      after.context.obj({
        Type: 'Annot',
        Subtype: 'FreeText',
        Rect: [70, 600, 400, 640],
        Contents: PDFString.of('Gjelder ikke'),
        DA: PDFString.of('/Helv 12 Tf 0 g'),
        F: 4,
      }),
    );
    after.getPage(1).node.addAnnot(annot);
    const changedFile = path.join(root, 'endret-svar.pdf');
    writeFileSync(changedFile, await appendUpdate(filled, before, after));
    await verify.choose(changedFile);
    await expect(verify.verdict).toHaveText('IKKE gyldig');
    await expect(page.locator('.verify-reasons')).toContainText(
      'Brevet er endret etter at det ble signert, og ikke bare ved at svarslippen er fylt ut.',
    );
    await expect(changes).toContainText('Side 2: En merknad er lagt til eller fjernet over teksten');
    await reply.getByRole('button', { name: 'Les inn svaret i saken' }).focus();
    await page.keyboard.press('Enter');
    await expect(reply.getByRole('alert')).toContainText(
      'Svaret ble ikke lest inn: brevet er endret etter at det ble signert',
    );
    await checkScreen(page, '96-reply-changed');
  });

  test('an oppfølgingsbrev answered on its slip is read in item by item, with a journal note', async ({
    bro: app,
  }) => {
    const { page, root, demoDir } = app;
    const { file } = await issueDemoLetter(demoDir, path.join(root, 'oppfolging.pdf'), 'oppfolgingsbrev');
    const signed = readFileSync(file);
    const { model } = await checkLetterPdf(signed, null);
    const items = followItems(model!);
    const nbDate = model!.date.split('-').reverse().join('.');
    const filled = await fillReply(signed, {
      radio: { svar1: 'ny_frist' },
      text: { frist1: '15.01.2099', ansvarlig1: 'Kontaktlærer', dato: nbDate, navn: 'Kari Nordmann, rektor' },
    });
    const filledFile = path.join(root, 'svar-oppfolging.pdf');
    writeFileSync(filledFile, filled);

    const verify = new VerifyPage(page);
    await expect(page.getByRole('heading', { name: 'Saker', level: 1 })).toBeVisible();
    await page.keyboard.press('Alt+4');
    await verify.choose(filledFile);
    await expect(verify.verdict).toHaveText('Gyldig');
    const reply = page.getByTestId('verify-reply');
    const button = reply.getByRole('button', { name: 'Les inn svaret i saken' });
    await button.focus();
    await page.keyboard.press('Enter');
    const done = page.getByTestId('verify-follow-done');
    await expect(done).toContainText('Skolens svar på oppfølgingsbrevet er lest inn:');
    await expect(done).toContainText(`1. ${items[0]!.what}: ny frist 15.01.2099`);
    await expect(done).toContainText('Hele svaret står i et journalnotat i saken.');
    await done.scrollIntoViewIfNeeded();
    await checkScreen(page, '97-reply-follow-imported');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(done).toContainText('Svaret var allerede lagret; ingenting nytt.');
    await expect(done).toContainText('Journalnotatet med svaret var lagret fra før.');
  });
});

/**
 * A meeting edited in the app keeps its agreements as recorded (review finding): their ids, which
 * an oppfølgingsbrev names them by, and «lovet eleven» left unrecorded. Editing only the meeting's
 * note is then no correction (no reason is asked for), and the school's slip for a letter issued
 * before the edit is still read in: «utført», with the day the school gave.
 */
test.describe('an oppfølgingsbrev answered after its meeting was edited', () => {
  test.use({ vault: 'demo', demoCases: 3 });

  test('the agreement keeps its id, no reason is asked for, and the slip is read in', async ({
    bro: app,
  }) => {
    const { page, root, demoDir } = app;
    await expect(new CaseList(page).heading).toBeVisible();
    const agreement = {
      id: 'avtale-ukeplan',
      what: 'Sende ukeplan hjem fredag',
      owner: 'Per Berg (kontaktlærer)',
      deadline: '2026-05-08',
      status: 'åpen',
    } as const;
    const c = completeCase();
    c.id = 'c-avtale-1';
    c.pupil = { ...c.pupil, name: 'Aslak Avtalesen' };
    c.meetings![0]!.agreements = [{ ...agreement }];
    await api(page, 'interchange.import', { file: { format: 'bro-interchange/1', cases: [c] } });
    const { cases } = await api<{ cases: { caseId: string; externalId: string }[] }>(page, 'cases.list', {});
    const caseId = cases.find((x) => x.externalId === 'c-avtale-1')!.caseId;
    const meeting = async () =>
      (await api<{ doc: CaseDoc }>(page, 'cases.get', { caseId })).doc.meetings![0]!;

    // The letter names the agreement by its id.
    const { file } = await issueDemoLetter(
      demoDir,
      path.join(root, 'oppfolging.pdf'),
      'oppfolgingsbrev',
      caseId,
    );
    const signed = readFileSync(file);
    const { model } = await checkLetterPdf(signed, null);
    const n = followItems(model!).findIndex((i) => i.ref === agreement.id) + 1;
    expect(n).toBeGreaterThan(0);

    // Only the note is changed in the app: saved at once, without «Begrunnelse for endringen».
    await page.reload();
    await new CaseList(page).open('Aslak Avtalesen');
    const folder = new Folder(page);
    await folder.tab('Møter');
    await page.locator('li.card', { hasText: '04.05.2026' }).getByRole('button', { name: 'Endre' }).click();
    await field(folder.dialog, 'Referat / merknad').fill('Ukeplanen ble gjennomgått.');
    await folder.save();
    await folder.saved();
    const edited = await meeting();
    expect(edited.note).toBe('Ukeplanen ble gjennomgått.');
    expect(dropNulls(edited.agreements)).toEqual([agreement]);

    // The school's slip: done, on the day of the letter.
    const nbDate = model!.date.split('-').reverse().join('.');
    const filled = await fillReply(signed, {
      radio: { [`svar${n}`]: 'utfort' },
      text: { [`frist${n}`]: nbDate, dato: nbDate, navn: 'Kari Nordmann, rektor' },
    });
    const filledFile = path.join(root, 'svar-oppfolging.pdf');
    writeFileSync(filledFile, filled);
    const verify = new VerifyPage(page);
    await page.keyboard.press('Alt+4');
    await expect(verify.heading).toBeVisible();
    await verify.choose(filledFile);
    await expect(verify.verdict).toHaveText('Gyldig');
    const reply = page.getByTestId('verify-reply');
    await reply.getByRole('button', { name: 'Les inn svaret i saken' }).focus();
    await page.keyboard.press('Enter');
    const done = page.getByTestId('verify-follow-done');
    await expect(done).toContainText(`${n}. ${agreement.what}: utført ${nbDate} – avtalen er oppdatert.`);
    await done.scrollIntoViewIfNeeded();
    await checkScreen(page, '98-reply-follow-done-dated');
    expect(dropNulls((await meeting()).agreements)).toEqual([{ ...agreement, status: 'utført' }]);

    // The folder shows what the slip did at once (not a copy from before it was read in, which a
    // form would save back). An agreement added in the app is new (no reason asked for), with no
    // id of its own; the one recorded before keeps its id.
    await page.keyboard.press('Alt+1');
    await new CaseList(page).open('Aslak Avtalesen');
    await folder.tab('Møter');
    const card = page.locator('li.card', { hasText: '04.05.2026' });
    await expect(card.locator('.agreements li')).toHaveText([/Sende ukeplan hjem fredag.*Utført$/u]);
    await card.getByRole('button', { name: 'Endre' }).click();
    await folder.dialog.getByRole('button', { name: 'Legg til avtale' }).click();
    await field(folder.dialog, 'Hva').last().fill('Ringe hjem mandag');
    await field(folder.dialog, 'Ansvarlig').last().fill('Per Berg (kontaktlærer)');
    await folder.save();
    await folder.saved();
    expect(dropNulls((await meeting()).agreements)).toEqual([
      { ...agreement, status: 'utført' },
      { what: 'Ringe hjem mandag', owner: 'Per Berg (kontaktlærer)', status: 'åpen' },
    ]);
  });
});
