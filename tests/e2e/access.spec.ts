import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startHost } from '../../electron/host/server';
import { Session } from '../../electron/services/session';
import { Vault } from '../../electron/services/vault/vault';
import { completeCase } from '../../shared/letters/letters.fixture';
import { checkScreen, expect, test } from './fixtures';
import { CaseList, Folder } from './pages';

/**
 * Access by need in the app (issue 17 item 6): two members of one vault, each in their own
 * browser against their own host (as on two machines sharing the folder). Member A restricts a
 * case; member B sees «Begrenset sak» without a name and asks for access; A gives it; B opens
 * the case; A takes it away (the case gets a new key); B sees «Begrenset sak» again. axe on the
 * panel, the list and the restricted page; the buttons are pressed from the keyboard.
 */
const TEST_KDF = { N: 2 ** 12, r: 8, p: 1 };
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const PASS_A = 'syntetisk passordfrase a';
const PASS_B = 'syntetisk passordfrase b';
const PUPIL = 'Rut Begrensmo';

async function api<T = Record<string, unknown>>(page: Page, op: string, input: unknown) {
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
      return (await res.json()) as { ok: boolean; value?: T; error?: { code: string } };
    },
    { op, input },
  );
}

/** Presses a button from the keyboard: focus it, then Enter. */
async function press(page: Page, name: string | RegExp) {
  const b = page.getByRole('button', { name });
  await b.focus();
  await expect(b).toBeFocused();
  await page.keyboard.press('Enter');
}

test('access by need: restrict, ask, grant, open, revoke (new key), restricted again', async ({
  bro,
  browser,
}) => {
  // Two hosts, two browsers and four axe runs on 2 shared cores: more than one screen's time.
  test.setTimeout(300_000);
  const a = bro.page;
  expect(
    (await api(a, 'vault.create', { dir: bro.vaultDir, passphrase: PASS_A, memberName: 'Kari Nordmann' })).ok,
  ).toBe(true);
  const doc = { ...completeCase(), id: 'c-tilgang-1', pupil: { ...completeCase().pupil, name: PUPIL } };
  const other = { ...completeCase(), id: 'c-apen-2', pupil: { ...completeCase().pupil, name: 'Åse Åpenmo' } };
  expect(
    (await api(a, 'interchange.import', { file: { format: 'bro-interchange/1', cases: [doc, other] } })).ok,
  ).toBe(true);

  // Member B asks to join on their own machine; A approves the code.
  const join = await Vault.requestMembership(bro.vaultDir, { passphrase: PASS_B, kdf: TEST_KDF });
  expect((await api(a, 'members.approve', { code: join.code, name: 'Bjørn Ås' })).ok).toBe(true);

  // B's own host and browser on the same folder.
  mkdirSync(path.join(bro.root, 'settings-b'));
  const hostB = await startHost({
    session: new Session({ kdf: TEST_KDF, settingsDir: path.join(bro.root, 'settings-b') }),
    staticDir: path.join(ROOT, 'dist', 'renderer'),
    folders: [bro.root],
  });
  const contextB = await browser.newContext();
  try {
    const b = await contextB.newPage();
    await b.goto(hostB.url);
    expect((await api(b, 'vault.unlock', { dir: bro.vaultDir, passphrase: PASS_B })).ok).toBe(true);
    await b.reload();
    const listB = new CaseList(b);
    await expect(b.getByRole('link', { name: PUPIL, exact: true })).toBeVisible();

    // A opens the case's «Tilgang» and restricts it (the default: A alone; B is not a caseworker).
    await a.reload();
    await new CaseList(a).open(PUPIL);
    await new Folder(a).tab('Tilgang');
    const panelA = a.getByRole('region', { name: 'Hvem kan åpne saken' });
    await expect(panelA.getByText('Alle medlemmer av arkivet kan åpne saken.')).toBeVisible();
    await expect(panelA.getByRole('checkbox', { name: /Kari Nordmann \(deg/u })).toBeChecked();
    await expect(panelA.getByRole('checkbox', { name: 'Bjørn Ås' })).not.toBeChecked();
    await checkScreen(a, 'access-panel-open');
    await press(a, 'Begrens saken');
    await expect(panelA.getByRole('status')).toHaveText(/Saken er begrenset/u);
    await expect(
      panelA.getByText('Saken er begrenset. Bare medlemmene i listen kan åpne den.'),
    ).toBeVisible();

    // B: the case is «Begrenset sak» without a name, and B's key cannot open it.
    await b.reload();
    await expect(listB.heading).toBeVisible();
    const limited = b.getByRole('link', { name: 'Begrenset sak', exact: true });
    await expect(limited).toBeVisible();
    await expect(b.getByRole('link', { name: PUPIL })).toHaveCount(0);
    await expect(b.getByText(PUPIL)).toHaveCount(0);
    await expect(b.getByRole('link', { name: 'Åse Åpenmo', exact: true })).toBeVisible();
    await checkScreen(b, 'access-list-restricted');
    const listed = await api<{ cases: { caseId: string; pupil: string | null; restricted: boolean }[] }>(
      b,
      'cases.list',
      {},
    );
    const row = listed.value!.cases.find((c) => c.restricted)!;
    expect(row.pupil).toBeNull();
    expect((await api(b, 'cases.get', { caseId: row.caseId })).error?.code).toBe('RESTRICTED');

    // B asks for access from the keyboard.
    await limited.focus();
    await b.keyboard.press('Enter');
    await expect(b.getByRole('heading', { level: 1, name: 'Begrenset sak' })).toBeVisible();
    await press(b, 'Be om tilgang');
    await expect(b.getByRole('status')).toHaveText(/Du ba om tilgang .* Et medlem som har tilgang/u);
    await checkScreen(b, 'access-restricted-case');

    // A sees the request and gives access.
    await a.reload();
    await expect(panelA.getByText(/Bjørn Ås ba om tilgang/u)).toBeVisible();
    await checkScreen(a, 'access-panel-request');
    await press(a, 'Gi Bjørn Ås tilgang');
    await expect(panelA.getByRole('status')).toHaveText('Tilgang gitt.');
    await expect(panelA.getByText('Ingen har bedt om tilgang.')).toBeVisible();

    // B's page, still open, shows the case once access is given.
    await expect(b.getByRole('heading', { level: 1, name: PUPIL })).toBeVisible();
    expect((await api(b, 'cases.get', { caseId: row.caseId })).ok).toBe(true);

    // A takes it away: the confirmation says the case gets a new key.
    await press(a, 'Fjern tilgangen til Bjørn Ås');
    const confirm = panelA.getByRole('group', { name: /Fjerne tilgangen til Bjørn Ås/u });
    await expect(confirm).toContainText('Saken får en ny nøkkel');
    await press(a, 'Ja, fjern tilgangen');
    await expect(panelA.getByRole('status')).toHaveText(/saken har fått en ny nøkkel/u);
    await expect(panelA.getByRole('button', { name: 'Fjern tilgangen til Bjørn Ås' })).toHaveCount(0);
    await checkScreen(a, 'access-panel-restricted');

    // B: restricted again, in the case and in the list.
    await b.reload();
    await expect(b.getByRole('heading', { level: 1, name: 'Begrenset sak' })).toBeVisible();
    expect((await api(b, 'cases.get', { caseId: row.caseId })).error?.code).toBe('RESTRICTED');
    await b.getByRole('link', { name: /Tilbake/u }).click();
    await expect(b.getByRole('link', { name: 'Begrenset sak', exact: true })).toBeVisible();
    await expect(b.getByRole('link', { name: PUPIL })).toHaveCount(0);
  } finally {
    await contextB.close();
    await hostB.close();
  }
});
