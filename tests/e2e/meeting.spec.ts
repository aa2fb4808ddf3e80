import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { completeCase } from '../../shared/letters/letters.fixture';
import { checkScreen, expect, test } from './fixtures';
import { api, CaseList, Folder, localDay } from './pages';

/**
 * Issue 15 item 4: the service calls a meeting. The caseworker writes an innkalling (warned while
 * no school leader is called), issues it, records the attendance against it after the meeting (the
 * rektor did not come: a warning), sees the minutes owed as a task, and records them as sent, which
 * closes the task. By keyboard where it matters, axe on each screen.
 */
const run = promisify(execFile);

const nb = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

test.describe('a meeting the service calls', () => {
  test.use({ vault: 'demo', demoCases: 3 });

  test('innkalling, attendance against it, and the minutes task', async ({ bro }) => {
    const { page } = bro;
    await expect(new CaseList(page).heading).toBeVisible();
    const c = completeCase() as ReturnType<typeof completeCase> & Record<string, unknown>;
    c.id = 'c-mote-1';
    c.pupil = { ...c.pupil, name: 'Mona Møteby' };
    await api(page, 'interchange.import', { file: { format: 'bro-interchange/1', cases: [c] } });
    await page.reload();
    await new CaseList(page).open('Mona Møteby');
    const folder = new Folder(page);
    await folder.tab('Brev');
    await page.getByLabel('Brevtype').selectOption('innkalling');
    await page.getByRole('button', { name: 'Skriv brevet' }).press('Enter');
    await expect(page.getByRole('heading', { name: /Innkalling til møte/u }).first()).toBeVisible();

    // The meeting is today, after school; no leader called yet: the letter warns.
    const today = localDay().iso;
    await page.getByLabel('Møtedato', { exact: true }).fill(nb(today));
    await page.getByLabel('Klokkeslett (TT:MM)', { exact: true }).fill('14:00');
    await page.getByLabel('Sted', { exact: true }).fill('Møterommet på skolen');
    const roles = page.getByRole('textbox', { name: /^Hvem må møte/u });
    await roles.fill('kontaktlærer: Kari Lærer\nforesatt: Per Foresatt');
    await page.getByRole('textbox', { name: /^Saksliste/u }).fill('Hvordan skoledagene går\nVeien videre');
    const findings = page.locator('.finding-list');
    const noLeader = findings.locator('li', { hasText: 'Ingen fra skolens ledelse' });
    await expect(noLeader).toHaveCount(1);
    await roles.fill('rektor: Rita Rektor\nkontaktlærer: Kari Lærer\nforesatt: Per Foresatt');
    await expect(noLeader).toHaveCount(0);
    await checkScreen(page, 'meeting-innkalling-editor');
    const issueButton = page.getByRole('button', { name: 'Signer og utsted …' });
    await expect(issueButton).toBeEnabled();
    await issueButton.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Signer og utsted' });
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Signer og utsted' }).press('Enter');
    const saved = path.join(bro.root, 'innkalling.pdf');
    await (await downloading).saveAs(saved);
    await expect(dialog.getByText('Brevet er signert og registrert i saken.')).toBeVisible();
    const { stdout: text } = await run('pdftotext', ['-layout', saved, '-']);
    expect(text).toContain('Innkalling til møte');
    expect(text).toContain('Rita Rektor');
    expect(text).toContain('Møterommet på skolen');
    await dialog.locator('.actions').getByRole('button', { name: 'Lukk' }).press('Enter');

    // After the meeting: attendance against the innkalling. The rektor did not come.
    await folder.tab('Møter');
    const record = page.getByRole('button', { name: `Registrer oppmøte for møtet ${nb(today)}` });
    await record.focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('dialog', { name: `Oppmøte på møtet ${nb(today)}` });
    await form.getByLabel('Møtte: kontaktlærer').check();
    await form.getByLabel('Møtte: foresatt').check();
    await checkScreen(page, 'meeting-attendance-form');
    await form.getByRole('button', { name: 'Lagre' }).press('Enter');
    await expect(form).toBeHidden();
    await expect(page.getByText('Ingen fra skolens ledelse møtte.')).toBeVisible();
    await expect(page.getByText(/Møtte ikke:.*rektor: Rita Rektor/u)).toBeVisible();

    // The minutes are owed to every party: a task, until they are recorded as sent.
    const caseId = (
      await api<{ cases: { caseId: string; pupilName?: string }[] }>(page, 'cases.list', {})
    ).cases.map((x) => x.caseId);
    const minutesTasks = async () =>
      (await api<{ tasks: { kind: string; caseId: string }[] }>(page, 'tasks.list', {})).tasks.filter(
        (t) => t.kind === 'minutes' && caseId.includes(t.caseId),
      );
    const before = (await minutesTasks()).length;
    expect(before).toBeGreaterThanOrEqual(1);
    const mark = page.getByRole('button', { name: `Registrer at referatet fra møtet ${nb(today)} er sendt` });
    await mark.focus();
    await page.keyboard.press('Enter');
    const minutes = page.getByRole('dialog', { name: 'Registrer at referatet er sendt' });
    await checkScreen(page, 'meeting-minutes-form');
    await minutes.getByRole('button', { name: 'Lagre' }).press('Enter');
    await expect(minutes).toBeHidden();
    await expect(page.getByText(`Referat sendt ${nb(today)}`)).toBeVisible();
    await expect.poll(async () => (await minutesTasks()).length).toBe(before - 1);
    await checkScreen(page, 'meeting-after');
  });
});
