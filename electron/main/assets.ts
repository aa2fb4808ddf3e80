import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

/**
 * Serving the built renderer from the app's own scheme (`bro://app/…`) instead of file://.
 * Plain Node (web Request/Response), so the whole handler is tested without Electron;
 * protocol.ts only hands it to `session.protocol.handle`.
 */
export const APP_SCHEME = 'bro';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every response of the app scheme, errors included. */
export function securityHeaders(): Record<string, string> {
  return {
    // SECURITY: the CSP travels as a header on every response, so no page of ours runs without it.
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    // SECURITY: a file is only ever what its extension says (no MIME sniffing into script).
    'X-Content-Type-Options': 'nosniff',
    // SECURITY: nothing of the app is written to a disk cache.
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

export type Resolved =
  { ok: true; relative: string; fallback: boolean } | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Maps a `bro://app/<path>` URL to a path relative to the renderer folder, or refuses it.
 * Pure: no file system. Decodes once, then refuses anything that could leave the folder.
 */
export function resolveAssetUrl(rawUrl: string): Resolved {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400, reason: 'bad url' };
  }
  // SECURITY: only our own scheme and host; anything else is not ours to serve.
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST)
    return { ok: false, status: 403, reason: 'foreign origin' };
  if (url.username || url.password || url.port) return { ok: false, status: 403, reason: 'foreign origin' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'bad encoding' };
  }
  // SECURITY: no NUL, no backslash (a Windows separator), no drive letters or UNC tricks.
  if (/[\0\\]/.test(decoded) || /(^|\/)[a-zA-Z]:/.test(decoded))
    return { ok: false, status: 403, reason: 'forbidden characters' };
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  // SECURITY: a `..` segment left after URL parsing (e.g. from %252e%252e) is refused, not resolved.
  if (segments.some((s) => s === '..')) return { ok: false, status: 403, reason: 'traversal' };
  // SECURITY: no dotfiles (.env, .git, …) even if a build ever put one there.
  if (segments.some((s) => s.startsWith('.'))) return { ok: false, status: 404, reason: 'dotfile' };
  if (segments.length === 0) return { ok: true, relative: 'index.html', fallback: false };
  const relative = segments.join('/');
  // A path without an extension is a client-side route: the app's index.html answers it.
  const fallback = path.posix.extname(relative) === '';
  return { ok: true, relative: fallback ? 'index.html' : relative, fallback };
}

/** Whether `child` is `root` itself or lies inside it (both absolute, already resolved). */
export function isInside(root: string, child: string): boolean {
  const rel = path.relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * The protocol handler: serves files from `root` (the built renderer) with the security
 * headers, and nothing else. GET and HEAD only.
 */
export function createAssetHandler(root: string): (request: Request) => Promise<Response> {
  const rootReal = realpath(path.resolve(root)).catch(() => null);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const r = resolveAssetUrl(request.url);
    if (!r.ok) return textResponse(r.status, r.status === 404 ? 'Not found' : 'Refused');
    const base = await rootReal;
    if (!base) return textResponse(404, 'Not found');
    const candidate = path.join(base, ...r.relative.split('/'));
    let file: string;
    try {
      // SECURITY: resolve symlinks and check again, so a link inside the folder cannot point outside it.
      file = await realpath(candidate);
      if (!isInside(base, file) || !(await stat(file)).isFile()) return textResponse(404, 'Not found');
    } catch {
      return textResponse(404, 'Not found');
    }
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, {
      status: 200,
      headers: { ...securityHeaders(), 'Content-Type': contentType(file) },
    });
  };
}
