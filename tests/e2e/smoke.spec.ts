import { checkScreen, expect, test } from './fixtures';

test('first run offers create and demo', async ({ bro }) => {
  const { page } = bro;
  await expect(page.getByRole('heading', { name: 'Velkommen til Bro' })).toBeVisible();
  await checkScreen(page, '01-first-run');
});
