import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { APP_ENTRY_URL, createAssetHandler, isInside, resolveAssetUrl } from './assets';

describe('resolveAssetUrl', () => {
  it('maps the root and plain paths inside the renderer folder', () => {
    expect(resolveAssetUrl('bro://app/')).toEqual({ ok: true, relative: 'index.html', fallback: false });
    expect(resolveAssetUrl(APP_ENTRY_URL)).toEqual({ ok: true, relative: 'index.html', fallback: false });
    expect(resolveAssetUrl('bro://app/assets/index-abc.js?x=1#y')).toEqual({
      ok: true,
      relative: 'assets/index-abc.js',
      fallback: false,
    });
    expect(resolveAssetUrl('bro://APP/assets/a.css')).toMatchObject({ ok: true, relative: 'assets/a.css' });
  });

  it('answers client-side routes (no extension) with index.html', () => {
    expect(resolveAssetUrl('bro://app/cases/abc')).toEqual({
      ok: true,
      relative: 'index.html',
      fallback: true,
    });
  });

  it.each([
    ['bro://app/../../etc/passwd'],
    ['bro://app/%2e%2e/%2e%2e/etc/passwd'],
    ['bro://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt'],
    ['bro://app/%252e%252e/secret.txt'],
    ['bro://app/..%5c..%5csecret.txt'],
    ['bro://app/assets\\..\\..\\secret.txt'],
    ['bro://app/C:/Windows/win.ini'],
    ['bro://app/%00index.html'],
  ])('refuses traversal and odd paths: %s', (url) => {
    const r = resolveAssetUrl(url);
    if (r.ok) {
      // What the URL parser already normalised (or a literal name such as "%2e%2e") stays inside.
      expect(r.relative.split('/')).not.toContain('..');
      const root = path.resolve('/srv/renderer');
      expect(isInside(root, path.resolve(root, r.relative))).toBe(true);
    } else {
      expect([400, 403, 404]).toContain(r.status);
    }
  });

  it('decodes %2e%2e%2f into a refused traversal, not a path', () => {
    expect(resolveAssetUrl('bro://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt')).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it.each([
    ['https://app/index.html'],
    ['file:///etc/passwd'],
    ['bro://evil/index.html'],
    ['bro://user:pw@app/index.html'],
    ['bro://app:8080/index.html'],
    ['not a url'],
  ])('refuses other schemes, hosts and authorities: %s', (url) => {
    expect(resolveAssetUrl(url).ok).toBe(false);
  });

  it('hides dotfiles', () => {
    expect(resolveAssetUrl('bro://app/.env')).toMatchObject({ ok: false, status: 404 });
    expect(resolveAssetUrl('bro://app/assets/.git/config')).toMatchObject({ ok: false, status: 404 });
  });

  it('refuses malformed percent-encoding', () => {
    expect(resolveAssetUrl('bro://app/%E0%A4%A')).toMatchObject({ ok: false, status: 400 });
  });
});

describe('isInside', () => {
  it('accepts the root and its children, refuses siblings and parents', () => {
    const root = path.resolve('/x/dist/renderer');
    expect(isInside(root, root)).toBe(true);
    expect(isInside(root, path.join(root, 'a', 'b.js'))).toBe(true);
    expect(isInside(root, path.resolve('/x/dist/renderer-evil/a.js'))).toBe(false);
    expect(isInside(root, path.resolve('/x/dist'))).toBe(false);
  });
});

describe('createAssetHandler', () => {
  let dir: string;
  let root: string;
  let handler: (r: Request) => Promise<Response>;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bro-assets-'));
    root = path.join(dir, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Bro</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
    writeFileSync(path.join(dir, 'secret.txt'), 'personal data');
    try {
      symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'assets', 'link.js'));
    } catch {
      /* no symlinks (Windows without privilege): the test below then checks a plain 404 */
    }
    handler = createAssetHandler(root);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

  it('serves index.html with the CSP and hardening headers', async () => {
    const res = await get(APP_ENTRY_URL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('<title>Bro</title>');
  });

  it('serves assets with their types', async () => {
    expect((await get('bro://app/assets/app.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await get('bro://app/assets/app.css')).headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('answers a route with index.html and a missing asset with 404', async () => {
    expect(await (await get('bro://app/cases/123')).text()).toContain('<title>Bro</title>');
    expect((await get('bro://app/assets/missing.js')).status).toBe(404);
  });

  it('sends the CSP on refusals too', async () => {
    for (const url of ['bro://app/%2e%2e%2fsecret.txt', 'bro://evil/index.html', 'bro://app/nope.js']) {
      const res = await get(url);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await res.text()).not.toContain('personal data');
    }
  });

  it('never follows a symlink out of the folder', async () => {
    const res = await get('bro://app/assets/link.js');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('personal data');
  });

  it('allows GET and HEAD only', async () => {
    const head = await get(APP_ENTRY_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(405);
  });

  it('answers 404 when the renderer is not built', async () => {
    const res = await createAssetHandler(path.join(dir, 'missing'))(new Request(APP_ENTRY_URL));
    expect(res.status).toBe(404);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is strict: no inline or eval, nothing remote, not framable', () => {
    const csp = CONTENT_SECURITY_POLICY;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'none'");
    expect(csp).not.toMatch(/unsafe-|\*|https?:|blob:/);
  });
});
