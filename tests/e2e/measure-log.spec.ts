import { completeCase } from '../../shared/letters/letters.fixture';
import { checkScreen, expect, test } from './fixtures';
import { api, CaseList, field, Folder, localDay } from './pages';

/**
 * Issue 13's flow: plan a measure from the catalogue, log two occurrences (one not held), record
 * an evaluation that says it works, end the measure with a reason (the warning is shown and its
 * moment recorded: ENDS_WORKING_MEASURE), see «informer foresatte» appear and go away when the
 * tiltaksoversikt is issued. axe on every screen.
 */

/** A date `days` from today in the form's dd.mm.åååå, and as ISO. */
const day = (days: number) => localDay(days);

test('plan → two occurrences → evaluation → end with reason (warned) → «informer foresatte» gone after the tiltaksoversikt', async ({
  bro,
}, testInfo) => {
  // A long flow with axe on six screens and a signed letter, on a shared machine.
  testInfo.setTimeout(240_000);
  const { page } = bro;
  await api(page, 'vault.create', {
    dir: bro.vaultDir,
    passphrase: 'syntetisk passordfrase',
    memberName: 'Kari Nordmann',
  });
  const c = completeCase();
  await api(page, 'interchange.import', { file: { format: 'bro-interchange/1', cases: [c] } });
  await api(page, 'registers.seedCatalogue', {});
  await page.reload();
  await new CaseList(page).open(c.pupil.name);
  const { cases } = await api<{ cases: { caseId: string }[] }>(page, 'cases.list', {});
  const caseId = cases[0]!.caseId;
  const informTasks = async () =>
    (await api<{ tasks: { kind: string; ref: string | null }[] }>(page, 'tasks.list', {})).tasks.filter(
      (t) => t.kind === 'informParents' && t.ref === 'tiltak-3',
    ).length;

  // Plan from the catalogue.
  const folder = new Folder(page);
  await folder.tab('Tiltak');
  await field(page, 'Tiltak fra katalogen').selectOption({ label: 'Veiledning til foresatte' });
  await page.getByRole('button', { name: 'Planlegg fra katalogen' }).click();
  const plan = page.getByRole('dialog', { name: /^Planlegg fra katalogen/u });
  await field(plan, 'Utførende: rolle').fill('helsesykepleier');
  await field(plan, 'Ledelsesansvarlig: rolle').fill('rektor');
  await field(plan, 'Ledelsesansvarlig: navn').fill('Randi Lie');
  await field(plan, 'Fra dato').fill(day(-28).nb);
  await field(plan, 'Hvor ofte').fill('ukentlig samtale');
  await field(plan, 'Mål (observerbart)').fill('Foresatte vet hva de gjør når morgenen blir vanskelig.');
  await field(plan, 'Evalueres dato').fill(day(-7).nb);
  await field(plan, 'Evalueres hvordan').fill('Samtale med foresatte');
  await field(plan, 'Innkalles av').fill('PPT');
  await plan.getByRole('button', { name: 'Lagre' }).click();
  await expect(plan).toBeHidden();
  const heading = page.getByRole('heading', { level: 3, name: /^Foresatte får veiledning/u });
  await expect(heading).toBeVisible();
  const card = heading.locator('xpath=ancestor::li[1]');
  const what = (await heading.innerText()).trim();

  // Two occurrences of the weekly talk: one held, one not (the gap shows).
  for (const [d, held, note] of [
    [day(-21).nb, true, ''],
    [day(-14).nb, false, 'Helsesykepleier syk, ikke flyttet.'],
  ] as const) {
    await card.getByRole('button', { name: /^Registrer gjennomføring/u }).click();
    const form = page.getByRole('dialog', { name: `Registrer gjennomføring: ${what}` });
    await field(form, 'Dato').fill(d);
    if (!held) await field(form, 'Holdt som avtalt').uncheck();
    if (note) await field(form, 'Merknad').fill(note);
    if (!held) await checkScreen(page, 'a3-measure-occurrence');
    await form.getByRole('button', { name: 'Lagre' }).click();
    await expect(form).toBeHidden();
  }
  await expect(card.getByText('ikke holdt', { exact: false })).toBeVisible();
  await expect(card.locator('ul.evals li.warn')).toHaveCount(1);

  // Did it happen? The school reports it in place, the parents do not: side by side, disagreement marked.
  for (const [by, inPlace, d] of [
    ['Skolen', true, day(-13).nb],
    ['Foresatte', false, day(-12).nb],
  ] as const) {
    await card.getByRole('button', { name: /^Meld om tiltaket er på plass/u }).click();
    const form = page.getByRole('dialog', { name: `Meld om tiltaket er på plass: ${what}` });
    await field(form, 'Dato').fill(d);
    await field(form, 'Meldt av').selectOption({ label: by });
    if (!inPlace) {
      await field(form, 'Tiltaket er på plass').uncheck();
      await field(form, 'Merknad').fill('Samtalen ble ikke holdt denne uka.');
      await checkScreen(page, 'a3b-measure-implementation');
    }
    await form.getByRole('button', { name: 'Lagre' }).click();
    await expect(form).toBeHidden();
  }
  await expect(card.getByText('Skolen og foresatte er uenige om tiltaket er gjennomført.')).toBeVisible();
  await expect(card.getByText(/^på plass \(/u)).toBeVisible();
  await expect(card.getByText(/^ikke på plass \(.*Samtalen ble ikke holdt/u)).toBeVisible();

  // A short check-in between meetings.
  await card.getByRole('button', { name: /^Kort oppfølging/u }).click();
  const check = page.getByRole('dialog', { name: `Kort oppfølging: ${what}` });
  await field(check, 'Dato').fill(day(-10).nb);
  await field(check, 'Resultat').selectOption({ label: 'Har fungert' });
  await field(check, 'Hvem').fill('kontaktlærer');
  await check.getByRole('button', { name: 'Lagre' }).click();
  await expect(check).toBeHidden();

  // The evaluation says it works and it goes on.
  await card.getByRole('button', { name: /^Evaluer/u }).click();
  const evaluation = page.getByRole('dialog', { name: `Evaluer: ${what}` });
  await field(evaluation, 'Dato').fill(day(-7).nb);
  await field(evaluation, 'Utfall').selectOption({ label: 'Bedring' });
  await field(evaluation, 'Beslutning').selectOption({ label: 'Videreføres' });
  await field(evaluation, 'Besluttet av').fill('rektor');
  await field(evaluation, 'Neste evaluering').fill(day(35).nb);
  await field(evaluation, 'Elevens syn').fill('Morgenene er bedre.');
  await evaluation.getByRole('button', { name: 'Lagre' }).click();
  await expect(evaluation).toBeHidden();
  expect(await informTasks()).toBe(0);

  // Ending it: without a reason the shared rule refuses; with one, the warning comes first.
  await card.getByRole('button', { name: /^Endre status/u }).click();
  const status = page.getByRole('dialog', { name: `Endre status: ${what}` });
  await field(status, 'Dato').fill(day(-1).nb);
  await field(status, 'Ny status').selectOption({ label: 'Avsluttet' });
  await field(status, 'Besluttet av').fill('rektor');
  await status.getByRole('button', { name: 'Lagre' }).click();
  const warning = status.getByRole('alertdialog', { name: 'Tiltaket virker ifølge siste evaluering' });
  // No reason yet: the warning still comes first, then the rule names the missing field.
  await expect(warning).toBeVisible();
  await warning.getByRole('button', { name: 'Tilbake til skjemaet' }).click();
  // What was typed is still there.
  await expect(field(status, 'Besluttet av')).toHaveValue('rektor');
  await field(status, 'Hvorfor').fill('Familien flytter; tiltaket videreføres av ny skole.');
  await status.getByRole('button', { name: 'Lagre' }).click();
  await expect(warning).toBeVisible();
  await checkScreen(page, 'a4-measure-end-warning');
  await warning.getByRole('button', { name: 'Avslutt likevel' }).click();
  await expect(status).toBeHidden();
  await expect(card.getByText(/Avsluttet \(rektor\) – Familien flytter/u)).toBeVisible();
  await checkScreen(page, 'a5-measure-log');

  // Recorded: the moment the warning was seen, and no finding left.
  const got = await api<{
    doc: { recommendations: { id: string; statusChanges?: { endWarningSeen?: string }[] }[] };
  }>(page, 'cases.get', { caseId });
  const m = got.doc.recommendations.find((r) => r.id === 'tiltak-3')!;
  expect(m.statusChanges?.[0]?.endWarningSeen).toMatch(/^\d{4}-\d{2}-\d{2}T/u);

  // «Informer foresatte» is there …
  await expect.poll(informTasks).toBe(1);

  // … and gone once the tiltaksoversikt is issued.
  const preview = await api<{ findings: { code: string; severity: string }[] }>(page, 'letters.preview', {
    caseId,
    kind: 'tiltaksoversikt',
    options: {},
  });
  expect(preview.findings.filter((f) => f.severity === 'error')).toEqual([]);
  await page.goto(`${new URL(page.url()).origin}/#/cases/${caseId}/letters/tiltaksoversikt`);
  const issueButton = page.getByRole('button', { name: 'Signer og utsted …' });
  await expect(issueButton).toBeEnabled();
  await issueButton.click();
  const dialog = page.getByRole('dialog', { name: 'Signer og utsted' });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Signer og utsted' }).click();
  await downloading;
  await expect(dialog.getByText('Brevet er signert og registrert i saken.')).toBeVisible();
  await dialog.locator('.actions').getByRole('button', { name: 'Lukk' }).click();
  await expect.poll(informTasks).toBe(0);
  await checkScreen(page, 'a6-after-tiltaksoversikt');
});
