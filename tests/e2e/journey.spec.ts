import { checkScreen, expect, test } from './fixtures';
import { CaseList, expectFieldError, field, Folder, Gate } from './pages';

const PASS = 'lang og trygg passordfrase';

test('a caseworker creates a vault, keeps a case, locks, unlocks, and everything is still there', async ({
  bro,
}) => {
  const { page } = bro;
  const gate = new Gate(page, bro.answerDialog);
  await checkScreen(page, '01-first-run');

  // Create: the recovery key is shown once, with a print button, and must be confirmed as stored.
  await gate.createVault(bro.vaultDir, PASS);
  await expect(page.getByRole('heading', { name: 'Gjenopprettingsnøkkel' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeVisible();
  await checkScreen(page, '02-recovery-key');
  await page.getByRole('button', { name: 'Fortsett til sakene' }).click();
  await expect(page.getByText('Bekreft at nøkkelen er lagret før du går videre.')).toBeVisible();
  await page.getByLabel('Jeg har lagret gjenopprettingsnøkkelen et trygt sted').check();
  await page.getByRole('button', { name: 'Fortsett til sakene' }).click();
  const list = new CaseList(page);
  await expect(list.heading).toBeVisible();
  await expect(list.count).toHaveText('Viser 0 av 0 saker');

  // A new case: empty required fields get their own Norwegian message from the contract.
  await page.getByRole('button', { name: 'Ny sak' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny sak' });
  await dialog.getByRole('button', { name: 'Opprett sak' }).click();
  await expectFieldError(dialog, 'Elevens navn *', 'Må fylles ut');
  await expectFieldError(dialog, 'Skole *', 'Må fylles ut');
  await checkScreen(page, '04-new-case-errors');
  await field(dialog, 'Elevens navn *').fill('Sofie Testdatter');
  await field(dialog, 'Skole *').fill('Bakkehaugen skole');
  await field(dialog, 'Trinn (0 = barnehage, 1–13) *').fill('7');
  await field(dialog, 'Tjeneste *').selectOption('PPT');
  await dialog.getByRole('button', { name: 'Opprett sak' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sofie Testdatter' })).toBeVisible();
  const folder = new Folder(page);

  // A referral with dates: received before sent is refused at the field, in Norwegian.
  await folder.tab('Henvisninger');
  await page.getByRole('button', { name: 'Ny henvisning' }).click();
  await field(folder.dialog, 'Henvist av *').selectOption('skole');
  await field(folder.dialog, 'Årsak *').fill('Økende fravær etter overgang til ny skole.');
  await field(folder.dialog, 'Sendt').fill('12.01.2026');
  await field(folder.dialog, 'Mottatt *').fill('05.01.2026');
  await folder.save();
  await expectFieldError(folder.dialog, 'Mottatt *', 'Mottatt kan ikke være før sendt');
  await checkScreen(page, '06-referral-errors');
  await field(folder.dialog, 'Mottatt *').fill('14.01.2026');
  await field(folder.dialog, 'Første kontakt').fill('04.02.2026');
  await folder.save();
  await folder.saved();
  await expect(page.getByText('Ventetid til første kontakt: 21 dager')).toBeVisible();
  await checkScreen(page, '07-referrals');

  // The first caseworker, then a change: the handover note is required.
  await folder.tab('Saksbehandlere');
  await page.getByRole('button', { name: 'Sett saksbehandler' }).click();
  await field(folder.dialog, 'Saksbehandler *').fill('Kari Lund');
  await field(folder.dialog, 'Rolle *').fill('PPT-rådgiver');
  await field(folder.dialog, 'Fra *').fill('14.01.2026');
  await field(folder.dialog, 'Årsak til byttet *').fill('Saken fordelt');
  await folder.save();
  await folder.saved();
  await page.getByRole('button', { name: 'Bytt saksbehandler' }).click();
  await field(folder.dialog, 'Saksbehandler *').fill('Per Berg');
  await field(folder.dialog, 'Rolle *').fill('PPT-rådgiver');
  await field(folder.dialog, 'Fra *').fill('01.03.2026');
  await field(folder.dialog, 'Årsak til byttet *').fill('Permisjon');
  await folder.save();
  await expectFieldError(
    folder.dialog,
    'Status i saken *',
    'Bytte av saksbehandler krever et overføringsnotat',
  );
  await checkScreen(page, '08-caseworker-handover-required');
  await field(folder.dialog, 'Status i saken *').fill('Utredning pågår; skolen har fått råd i ventetiden.');
  await field(folder.dialog, 'Åpne løfter').fill('Ringe mor innen fredag.');
  await field(folder.dialog, 'Familiens ønsker').fill('Samme kontaktperson ut skoleåret.');
  await folder.save();
  await folder.saved();
  await expect(page.getByText('1 bytter av saksbehandler')).toBeVisible();
  await checkScreen(page, '09-caseworkers');

  // A measure with every field a letter needs, then its evaluation.
  await folder.tab('Tiltak');
  await page.getByRole('button', { name: 'Nytt tiltak' }).click();
  const d = folder.dialog;
  await field(d, 'Hva *').fill('Fleksibel skolestart: Sofie møter kl. 09.00 i tre uker.');
  await field(d, 'Utførende: rolle').fill('kontaktlærer');
  await field(d, 'Utførende: navn').fill('Ola Lærer');
  await field(d, 'Ledelsesansvarlig: rolle').fill('rektor');
  await field(d, 'Fra dato').fill('02.03.2026');
  await field(d, 'Hvor ofte').fill('hver skoledag');
  await field(d, 'Minste prøveperiode').fill('3 uker');
  await field(d, 'Mål (observerbart)').fill('Sofie er på skolen fire av fem dager.');
  await field(d, 'Evalueres dato').fill('23.03.2026');
  await field(d, 'Evalueres hvordan').fill('fraværstall og samtale med Sofie');
  await field(d, 'Innkalles av').fill('PPT');
  await field(d, 'Ressursbehov (timer/uke, planleggingstid)').fill('1 time planlegging per uke');
  await checkScreen(page, '10-measure-form');
  await folder.save();
  await folder.saved();
  await page.getByRole('button', { name: /^Evaluer/ }).click();
  await field(folder.dialog, 'Dato *').fill('23.03.2026');
  await field(folder.dialog, 'Utfall *').selectOption('bedring');
  await field(folder.dialog, 'Beslutning *').selectOption('videreføres');
  await field(folder.dialog, 'Besluttet av *').fill('rektor og PPT');
  // The measure goes on: when is it evaluated next? (NEXT_EVALUATION_REQUIRED)
  await field(folder.dialog, 'Neste evaluering').fill('20.04.2026');
  await field(folder.dialog, 'Elevens syn').fill('Lettere å komme når det er rolig.');
  await folder.save();
  await folder.saved();
  await expect(page.getByText('23.03.2026', { exact: true })).toBeVisible();
  await checkScreen(page, '11-measures');

  await folder.tab('Tidslinje');
  await expect(page.getByText('Bytte av saksbehandler')).toBeVisible();
  await checkScreen(page, '12-timeline');

  // Lock, a wrong passphrase (message at the field), then the right one: everything is still there.
  await page.getByRole('button', { name: 'Lås', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Lås opp saksarkivet' })).toBeVisible();
  await gate.unlock('feil passordfrase');
  await expectFieldError(page, 'Passordfrase *', 'Er feil. Prøv igjen');
  await checkScreen(page, '13-unlock-wrong');
  await gate.unlock(PASS);
  await expect(list.heading).toBeVisible();
  await expect(list.count).toHaveText('Viser 1 av 1 saker');
  await list.open('Sofie Testdatter');
  await folder.tab('Henvisninger');
  await expect(page.getByText('Ventetid til første kontakt: 21 dager')).toBeVisible();
  await folder.tab('Saksbehandlere');
  await expect(page.getByRole('heading', { name: /Per Berg/ })).toBeVisible();
  await page.getByText('Overføringsnotat').click();
  await expect(page.getByText('Ringe mor innen fredag.')).toBeVisible();
  await folder.tab('Tiltak');
  await expect(page.getByText('Lettere å komme når det er rolig.', { exact: false })).toBeVisible();
});
