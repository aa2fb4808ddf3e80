import { expect, test } from './fixtures';
import { CaseList, expectFieldError, field, Folder } from './pages';

test.use({ vault: 'demo', demoCases: 10 });

test('bad input: dates in dd.mm.åååå, and a correction needs a reason that the timeline keeps', async ({
  bro,
}) => {
  const { page } = bro;
  const list = new CaseList(page);
  await expect(list.heading).toBeVisible();
  await list.open((await list.rows().first().getByRole('link').innerText()).trim());
  const folder = new Folder(page);
  await folder.tab('Henvisninger');
  await page.getByRole('button', { name: 'Endre', exact: true }).first().click();
  const d = folder.dialog;
  const received = field(d, 'Mottatt *');
  const before = await received.inputValue();
  expect(before).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);

  await received.fill('2026/01/05');
  await folder.save();
  await expectFieldError(d, 'Mottatt *', 'Må være en dato på formen dd.mm.åååå');
  await received.fill('31.02.2026');
  await folder.save();
  await expectFieldError(d, 'Mottatt *', 'Er ikke en gyldig dato');

  // Back to the stored date; then a change to a value already recorded: the contract asks why.
  await received.fill(before);
  const why = field(d, 'Årsak *');
  const oldReason = await why.inputValue();
  await why.fill(`${oldReason} Rettet.`);
  await folder.save();
  await expectFieldError(d, 'Årsak *', 'En rettelse må ha en begrunnelse');
  await expectFieldError(d, 'Begrunnelse for endringen', 'En rettelse må ha en begrunnelse');
  await field(d, 'Begrunnelse for endringen').fill('Feil dato i skjemaet fra skolen.');
  await folder.save();
  await folder.saved();
  await folder.tab('Tidslinje');
  const entry = page.locator('.tl').first();
  await expect(entry).toContainText(oldReason);
  await expect(entry).toContainText(`${oldReason} Rettet.`);
  await expect(entry).toContainText('Begrunnelse: Feil dato i skjemaet fra skolen.');
});
