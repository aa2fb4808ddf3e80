import { completeCase } from '../../shared/letters/letters.fixture';
import { checkScreen, expect, test } from './fixtures';
import { api, CaseList, field, Folder } from './pages';

/**
 * Issue 13 items 2 and 6: a measure planned from the vault's catalogue opens pre-filled; the
 * school-factor checklist filled in on «Skolesiden» makes SCHOOL_FACTORS_MISSING go away.
 */

const FACTORS = [
  'Mobbing',
  'Utenforskap',
  'Støy og uro',
  'Klasseledelse',
  'Relasjon lærer–elev',
  'Vikarbruk',
  'Forutsigbarhet',
  'Tilpasset opplæring',
];

test('plan a measure from the catalogue, fill the school-factor checklist, and SCHOOL_FACTORS_MISSING goes away', async ({
  bro,
}) => {
  const { page } = bro;
  await api(page, 'vault.create', {
    dir: bro.vaultDir,
    passphrase: 'syntetisk passordfrase',
    memberName: 'Kari Nordmann',
  });
  const c = completeCase();
  // A case from before the checklist.
  delete c.schoolFactors;
  await api(page, 'interchange.import', { file: { format: 'bro-interchange/1', cases: [c] } });
  await api(page, 'registers.seedCatalogue', {});
  await page.reload();
  await new CaseList(page).open(c.pupil.name);
  const { cases } = await api<{ cases: { caseId: string }[] }>(page, 'cases.list', {});
  const caseId = cases[0]!.caseId;
  const findings = async () =>
    (
      await api<{ findings: { code: string }[] }>(page, 'letters.preview', {
        caseId,
        kind: 'anbefaling',
        options: {},
      })
    ).findings.map((f) => f.code);
  expect(await findings()).toContain('SCHOOL_FACTORS_MISSING');

  const folder = new Folder(page);
  await folder.tab('Tiltak');
  await field(page, 'Tiltak fra katalogen').selectOption({ label: 'Henting hjemme' });
  await page.getByRole('button', { name: 'Planlegg fra katalogen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Planlegg fra katalogen: Henting hjemme' });
  await expect(field(dialog, 'Hva')).toHaveValue(/henter eleven hjemme/u);
  await expect(field(dialog, 'Fra katalogen (kode)')).toHaveValue('henting-hjemme');
  await expect(field(dialog, 'Forutsigbart for eleven')).toBeChecked();
  await field(dialog, 'Foresatte var med og planla tiltaket').check();
  // What the study calls a planned measure (shared/measures/rules.ts): who, led by whom, from
  // when, to what end, and when it is evaluated.
  await field(dialog, 'Utførende: rolle').fill('miljøarbeider');
  await field(dialog, 'Utførende: navn').fill('Per Hansen');
  await field(dialog, 'Ledelsesansvarlig: rolle').fill('rektor');
  await field(dialog, 'Ledelsesansvarlig: navn').fill('Randi Lie');
  await field(dialog, 'Fra dato').fill('11.01.2027');
  await field(dialog, 'Mål (observerbart)').fill('Eleven er på skolen første time fire dager i uka.');
  await field(dialog, 'Evalueres dato').fill('08.02.2027');
  await field(dialog, 'Evalueres hvordan').fill('Fraværstall og samtale med eleven');
  await field(dialog, 'Innkalles av').fill('PPT');
  await checkScreen(page, 'a0-plan-from-catalogue');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 3, name: /henter eleven hjemme/u })).toBeVisible();

  await folder.tab('Skolesiden');
  await expect(page.getByTestId('factors-status')).toContainText('Sjekklisten er ikke ferdig');
  await page.getByRole('button', { name: 'Endre skolefaktorer' }).click();
  const form = page.getByRole('dialog', { name: 'Skolefaktorer' });
  for (const f of FACTORS) await field(form, f).selectOption({ label: 'Ikke et problem' });
  await checkScreen(page, 'a1-school-factors');
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('factors-status')).toHaveText('Sjekklisten er ferdig.');
  await checkScreen(page, 'a2-school-side');
  await expect.poll(findings).not.toContain('SCHOOL_FACTORS_MISSING');
});
