// The browser host in-process, over real HTTP: no cookie, a one-time link swapped for a session
// token in a header, two hosts side by side, the auto-lock in the host (an injected clock), and
// the page naming no path outside the folder the host was started with.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../electron/host/server';
import { Session } from '../../electron/services/session';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const PASS = 'syntetisk passord';
const roots: string[] = [];
const hosts: Host[] = [];
afterAll(async () => {
  for (const h of hosts) await h.close();
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  url: string,
  o: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: o.method ?? 'GET', headers: o.headers ?? {} }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

async function makeHost(o: { now?: () => number } = {}) {
  const root = mkdtempSync(path.join(tmpdir(), 'bro-host-'));
  roots.push(root);
  const staticDir = path.join(root, 'static');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Bro</title>');
  mkdirSync(path.join(root, 'settings'));
  const session = new Session({ kdf: FAST, settingsDir: path.join(root, 'settings'), ...o });
  const links: string[] = [];
  const work = path.join(root, 'work');
  mkdirSync(work);
  const host = await startHost({
    session,
    staticDir,
    folders: [work],
    onLink: (u) => links.push(u),
    ...(o.now ? { now: o.now, setInterval: () => 0, clearInterval: () => {} } : {}),
  });
  hosts.push(host);
  const api = async (op: string, input: unknown, token = host.token) => {
    const r = await send(`${host.origin}/api/${op}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Bro-Token': token },
      body: JSON.stringify(input),
    });
    return { status: r.status, json: r.status === 200 ? JSON.parse(r.body) : null };
  };
  return { host, session, root, work, links, api };
}

const launchOf = (url: string) => /#launch=([A-Za-z0-9_-]{43})$/u.exec(url)![1]!;

describe('the session: no cookie, a one-time link, a token in a header', () => {
  it('swaps the link once for a session token; sets no cookie; the API needs the header', async () => {
    const { host, links } = await makeHost();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#launch=[A-Za-z0-9_-]{43}$/u);
    const launch = launchOf(host.url);
    // The page itself is public code: served without a token, and never with a cookie.
    const page = await send(`${host.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    const swap = await send(`${host.origin}/session`, {
      method: 'POST',
      headers: { 'X-Bro-Launch': launch },
    });
    expect(swap.status).toBe(200);
    expect(swap.headers['set-cookie']).toBeUndefined();
    const { token } = JSON.parse(swap.body) as { token: string };
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/u);
    // Used: the same link is dead, and a fresh one was handed out.
    expect(
      (await send(`${host.origin}/session`, { method: 'POST', headers: { 'X-Bro-Launch': launch } })).status,
    ).toBe(403);
    expect(links).toHaveLength(1);
    expect(launchOf(links[0]!)).not.toBe(launch);
    expect(host.url).toBe(links[0]);
    // The API: the token in the header works; nothing else does.
    const call = (headers: Record<string, string>) =>
      send(`${host.origin}/api/vault.status`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: '{}',
      });
    expect((await call({ 'X-Bro-Token': token })).status).toBe(200);
    expect((await call({})).status).toBe(401);
    expect((await call({ Cookie: `bro_session=${token}` })).status).toBe(401);
    expect((await call({ 'X-Bro-Token': launch })).status).toBe(401);
    expect(
      (await call({ 'X-Bro-Token': token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A') })).status,
    ).toBe(401);
    // The token never goes in a URL: a query parameter is not a credential.
    expect(
      (
        await send(`${host.origin}/api/vault.status?token=${token}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(401);
    // The checks that held before still hold, even with the token.
    expect((await call({ 'X-Bro-Token': token, Host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await call({ 'X-Bro-Token': token, Origin: 'http://127.0.0.1:1' })).status).toBe(403);
    const form = await send(`${host.origin}/api/vault.status`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'X-Bro-Token': token },
      body: '{}',
    });
    expect(form.status).toBe(415);
    expect(form.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('two hosts side by side work independently: one host’s token means nothing to the other', async () => {
    const a = await makeHost();
    const b = await makeHost();
    expect(a.host.port).not.toBe(b.host.port);
    expect((await a.api('vault.status', {})).status).toBe(200);
    expect((await b.api('vault.status', {})).status).toBe(200);
    expect((await a.api('vault.status', {}, b.host.token)).status).toBe(401);
    expect((await b.api('vault.status', {}, a.host.token)).status).toBe(401);
    // A lock on one leaves the other as it was.
    expect((await a.api('vault.create', { dir: 'arkiv', passphrase: PASS })).json.ok).toBe(true);
    expect((await b.api('vault.create', { dir: 'arkiv', passphrase: PASS })).json.ok).toBe(true);
    await a.api('vault.lock', {});
    expect((await a.api('vault.status', {})).json.value.unlocked).toBe(false);
    expect((await b.api('vault.status', {})).json.value.unlocked).toBe(true);
  });
});

describe('the auto-lock runs in the host', () => {
  it('locks after the setting’s minutes with no API activity, page or no page (injected clock)', async () => {
    let t = Date.UTC(2026, 0, 5, 9, 0, 0);
    const { host, api } = await makeHost({ now: () => t });
    expect((await api('settings.set', { autoLockMinutes: 1 })).json.ok).toBe(true);
    expect((await api('vault.create', { dir: 'arkiv', passphrase: PASS })).json.ok).toBe(true);
    const unlocked = async () => (await api('vault.status', {})).json.value.unlocked as boolean;

    t += 59_000;
    await host.checkIdle();
    expect(await unlocked()).toBe(true);
    // Watching the lock (a plain status call) is no activity: the minute still runs out.
    t += 1_000;
    await host.checkIdle();
    expect(await unlocked()).toBe(false);

    // Activity resets the clock: a call with data, or the page saying someone is there.
    expect((await api('vault.unlock', { passphrase: PASS })).json.ok).toBe(true);
    t += 50_000;
    expect((await api('vault.status', { active: true })).json.ok).toBe(true);
    t += 50_000;
    await host.checkIdle();
    expect(await unlocked()).toBe(true);
    t += 10_000;
    await host.checkIdle();
    expect(await unlocked()).toBe(false);
  });
});

describe('the page names no path outside the host’s folder', () => {
  it('creates and opens vaults only in the folder given on the command line or below it', async () => {
    const { api, work, root } = await makeHost();
    const outside = path.join(root, 'outside');
    const refused = (r: {
      json: { ok: boolean; error?: { code: string; issues: { path: string[]; code: string }[] } };
    }) =>
      expect(r.json).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', issues: [{ code: 'PATH_NOT_ALLOWED' }] },
      });
    refused(await api('vault.create', { dir: outside, passphrase: PASS }));
    refused(await api('vault.create', { dir: path.join(work, '..', 'outside'), passphrase: PASS }));
    refused(await api('vault.create', { dir: '../outside', passphrase: PASS }));
    // A link inside the folder that points out of it.
    symlinkSync(root, path.join(work, 'lenke'));
    refused(await api('vault.create', { dir: path.join(work, 'lenke', 'outside'), passphrase: PASS }));
    expect(existsSync(outside)).toBe(false);
    refused(await api('members.request', { dir: '/', passphrase: PASS }));
    refused(await api('vault.unlock', { dir: '/etc', passphrase: PASS }));
    // Files only the CLI names: a letter to write, a PDF to read, a certificate to make or use.
    refused(await api('letters.verify', { file: '/etc/passwd' }));
    refused(await api('cert.test', { out: path.join(work, 'x.p12'), name: 'X', password: 'pw' }));
    refused(await api('settings.set', { signing: { p12File: '/etc/passwd' } }));
    expect(existsSync(path.join(work, 'x.p12'))).toBe(false);
    // Inside: a full path, and a name taken below the folder.
    expect((await api('vault.create', { dir: path.join(work, 'a'), passphrase: PASS })).json.ok).toBe(true);
    expect((await api('vault.create', { dir: 'team/b', passphrase: PASS })).json.ok).toBe(true);
    expect(existsSync(path.join(work, 'team', 'b', 'bro-vault.json'))).toBe(true);
    const issue = await api('letters.issue', {
      caseId: 'x',
      kind: 'anbefaling',
      out: path.join(work, 'brev.pdf'),
    });
    refused(issue);
  });
});
