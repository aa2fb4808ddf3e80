/// <reference lib="dom" />
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { expect, test } from './fixtures';
import { Gate } from './pages';

/** A real HTTP request to the host, with headers a browser would not let a page set. */
function send(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: opts.method ?? 'GET', headers: opts.headers ?? {} }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const json = { 'Content-Type': 'application/json' };

test('an injected inline script is blocked by the CSP', async ({ bro }) => {
  const { page } = bro;
  await expect(page.getByRole('heading', { name: 'Velkommen til Bro' })).toBeVisible();
  const res = await page.request.get(bro.host.origin + '/');
  expect(res.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(res.headers()['content-security-policy']).not.toContain('unsafe-inline');
  const outcome = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), {
        once: true,
      }),
    );
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = true;';
    document.body.appendChild(s);
    const img = document.createElement('div');
    img.innerHTML = '<img src="x" onerror="window.__pwned2 = true">';
    document.body.appendChild(img);
    const directive = await violation;
    await new Promise((r) => setTimeout(r, 50));
    const w = window as unknown as { __pwned?: boolean; __pwned2?: boolean };
    return { directive, ran: w.__pwned === true || w.__pwned2 === true };
  });
  expect(outcome.ran).toBe(false);
  expect(outcome.directive).toMatch(/^script-src/);
});

test('the host refuses a missing token, a foreign Host and a foreign Origin; the token never reaches an API URL', async ({
  bro,
}) => {
  const { page, host } = bro;
  const api = `${host.origin}/api/vault.status`;
  const apiUrls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/')) apiUrls.push(r.url());
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Velkommen til Bro' })).toBeVisible();
  // The token was swapped for a cookie: the address bar no longer shows it, and no API URL carries it.
  expect(page.url()).toBe(`${host.origin}/`);
  expect(apiUrls.length).toBeGreaterThan(0);
  for (const u of apiUrls) expect(u).not.toContain(host.token);
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'bro_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

  // Missing token: no cookie, no header.
  expect((await send(api, { method: 'POST', headers: json, body: '{}' })).status).toBe(401);
  expect((await send(`${host.origin}/`)).status).toBe(401);
  // A wrong token at the exchange.
  expect((await send(`${host.origin}/session?token=wrong`)).status).toBe(403);
  // With the token in a header it works: the control case for the refusals below.
  const ok = await send(api, { method: 'POST', headers: { ...json, 'X-Bro-Token': host.token }, body: '{}' });
  expect(ok.status).toBe(200);
  expect(JSON.parse(ok.body)).toMatchObject({ ok: true });
  expect(ok.headers['access-control-allow-origin']).toBeUndefined();
  // Foreign Host (DNS rebinding): refused even with the token.
  const rebound = await send(api, {
    method: 'POST',
    headers: { ...json, 'X-Bro-Token': host.token, Host: `evil.example:${host.port}` },
    body: '{}',
  });
  expect(rebound.status).toBe(403);
  // Foreign Origin (a web page probing localhost): refused even with the token.
  const foreign = await send(api, {
    method: 'POST',
    headers: { ...json, 'X-Bro-Token': host.token, Origin: 'http://evil.example' },
    body: '{}',
  });
  expect(foreign.status).toBe(403);
  // From the page itself, a fetch to the API with a foreign Origin is impossible; a same-origin one works.
  const fromPage = await page.evaluate(
    async () =>
      (
        await fetch('./api/vault.status', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        })
      ).status,
  );
  expect(fromPage).toBe(200);
});

test('`npm run web` prints the URL with the token first and opens the unlock screen of --vault', async ({
  bro,
  browser,
}, testInfo) => {
  testInfo.setTimeout(120_000);
  // A vault made through the first-run screen of the test's own host…
  await bro.page.getByRole('button', { name: 'Åpne demoarkiv' }).click();
  await expect(bro.page.getByRole('heading', { name: 'Saker', level: 1 })).toBeVisible({ timeout: 60_000 });
  const demo = path.join(bro.root, 'settings', 'demo-arkiv');
  // …opened by the real command line, as a person would.
  const root = path.resolve(import.meta.dirname, '..', '..');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/host/cli.ts',
      '--vault',
      demo,
      '--settings',
      path.join(bro.root, 'settings'),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    const first = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`host exited ${code}`)));
    });
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/session\?token=[A-Za-z0-9_-]{43}$/);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(first);
    await expect(page.getByRole('heading', { name: 'Lås opp saksarkivet' })).toBeVisible();
    await expect(page.getByText('DEMO – syntetiske data, ingen ekte personer')).toBeVisible();
    await new Gate(page).unlock('demodata');
    await expect(page.getByRole('heading', { name: 'Saker', level: 1 })).toBeVisible();
    await context.close();
  } finally {
    child.kill('SIGTERM');
  }
});
