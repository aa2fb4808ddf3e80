import { checkScreen, expect, test } from './fixtures';

/**
 * The tasks view: every task has one link that does the next thing, named for the pupil; a
 * foreløpig svar opens the case's letter editor with the mottaksbrev chosen, an evaluation opens
 * the measure's evaluation form. The editor itself is tested in letters.spec.ts.
 */
test.describe('Oppgaver', () => {
  test.use({ vault: 'demo', demoCases: 40 });

  test('each task has a one-click next step; mottaksbrev and evaluation land where they are done', async ({
    bro,
  }) => {
    const { page } = bro;
    await expect(page.getByRole('heading', { name: 'Saker', level: 1 })).toBeVisible();
    await page.keyboard.press('Alt+2');
    await expect(page.getByRole('heading', { name: 'Oppgaver denne uken', level: 1 })).toBeVisible();
    const rows = page.locator('ul.tasks > li');
    await expect(rows.first()).toBeVisible();
    // Every row has exactly one action, and its accessible name says what and for whom.
    const n = await rows.count();
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      const action = row.locator('a.task-action');
      await expect(action).toHaveCount(1);
      const pupil = (await row.locator('a:not(.task-action)').innerText()).trim();
      await expect(action).toHaveAttribute('aria-label', new RegExp(` for ${pupil}$|${pupil}$`));
      await expect(action).toHaveAttribute('href', /^#\/cases\/[a-z2-7]+\/[a-z]+/);
    }
    await checkScreen(page, '60-tasks-actions');

    // Filter by kind: only foreløpig svar.
    const filter = page.getByLabel('Vis');
    const option = filter.locator('option', { hasText: 'Foreløpig svar' });
    await filter.selectOption({ label: (await option.innerText()).trim() });
    await expect(rows.first()).toBeVisible();
    for (const kind of await page.locator('ul.tasks .task-kind').allInnerTexts())
      expect(kind.trim()).toBe('Foreløpig svar');
    await checkScreen(page, '61-tasks-filtered');

    // Foreløpig svar → the case's letter editor with the mottaksbrev chosen; by keyboard.
    const write = page.getByRole('link', { name: /^Skriv mottaksbrev \/ foreløpig svar for / }).first();
    await write.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/cases\/[a-z2-7]+\/letters\/mottaksbrev$/);
    await expect(page.getByRole('tab', { name: 'Brev' })).toHaveAttribute('aria-selected', 'true');

    // An evaluation → the measures tab with that measure's evaluation form open.
    await page.keyboard.press('Alt+2');
    // The letter editor has its own «Vis»: choose only once Oppgaver is there.
    await expect(page.getByRole('heading', { name: 'Oppgaver', level: 1 })).toBeVisible();
    await page.getByLabel('Vis').selectOption({ index: 0 });
    const evaluate = page.getByRole('link', { name: /^Evaluer tiltaket for / }).first();
    const row = evaluate.locator('xpath=ancestor::li[1]');
    const shownDue = (await row.locator('.task-date').innerText()).trim();
    const target = /#\/cases\/([a-z2-7]{26})\/measures\/evaluate-(\d+)$/u.exec(
      (await evaluate.getAttribute('href'))!,
    )!;
    const [caseId, index] = [target[1]!, Number(target[2])];
    // The link names the measure the task is about, and that measure's form is what opens.
    const { tasks, doc } = await page.evaluate(
      async ({ caseId }) => {
        const post = async (op: string, input: unknown) =>
          (
            (await (
              await fetch(`./api/${op}`, {
                method: 'POST',
                headers: {
                  'Content-Type': 'application/json',
                  'X-Bro-Token': sessionStorage.getItem('bro.session')!,
                },
                body: JSON.stringify(input),
              })
            ).json()) as { value: unknown }
          ).value;
        return {
          tasks: (await post('tasks.list', {})) as {
            tasks: { kind: string; caseId: string; item?: number; due: string }[];
          },
          doc: (await post('cases.get', { caseId })) as { doc: { recommendations: { what: string }[] } },
        };
      },
      { caseId },
    );
    const [d, m, y] = shownDue.split('.');
    expect(
      tasks.tasks.some(
        (x) =>
          x.kind === 'evaluation' && x.caseId === caseId && x.item === index && x.due === `${y}-${m}-${d}`,
      ),
    ).toBe(true);
    const what = doc.doc.recommendations[index]!.what;
    await evaluate.click();
    await expect(page).toHaveURL(/#\/cases\/[a-z2-7]+\/measures$/);
    await expect(page.getByRole('tab', { name: 'Tiltak' })).toHaveAttribute('aria-selected', 'true');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { name: `Evaluer: ${what}` })).toBeVisible();
    await checkScreen(page, '62-tasks-evaluate-form');
    // Closing it leaves the measures tab, and it does not open again by itself.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('tab', { name: 'Tiltak' })).toHaveAttribute('aria-selected', 'true');
  });
});
