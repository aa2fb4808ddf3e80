import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { OpName } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { toCallError, type CallResult } from '../../shared/contract/transport';
import { BroError } from '../../shared/errors';
import { call, createHandlers, isOpName } from '../services/handlers';
import type { Session } from '../services/session';

/**
 * The loopback browser host: serves the built renderer and the one contract over HTTP, for
 * development, for end-to-end tests and for machines without the Electron binary.
 *
 * A local web page in any browser on this machine can reach 127.0.0.1, so every request must
 * prove it comes from the page this host served:
 *  - a per-launch random token, printed once in the URL; `GET /session?token=…` swaps it for an
 *    HttpOnly, SameSite=Strict cookie and redirects to `/`, so the token never travels in API URLs;
 *  - the Host header must name this host exactly (DNS rebinding), the Origin (when sent) must be
 *    this host's own origin, and no CORS headers are ever sent;
 *  - a strict Content-Security-Policy (shared/csp.ts) on every response.
 */

// SECURITY: the same policy the Electron protocol sends (shared/csp.ts): no inline script, no eval,
// the page may talk only to this host. Sent as a header on every response.
const CSP = CONTENT_SECURITY_POLICY;

const COOKIE = 'bro_session';
const MAX_BODY = 64 * 1024 * 1024; // an interchange import of several thousand cases
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
};

export interface HostOptions {
  session: Session;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 (default) picks a free random port. */
  port?: number;
}

export interface Host {
  /** The URL to open, with the token: print it, never log it elsewhere. */
  url: string;
  origin: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

const secret = () => randomBytes(32).toString('base64url');

function same(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  // SECURITY: constant-time comparison, so the token cannot be guessed byte by byte from timings.
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieOf(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

function baseHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
}

function refuse(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY)
      throw new BroError('VALIDATION', 'Request too large', { issues: [{ path: [], code: 'too_big' }] });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHost(opts: HostOptions): Promise<Host> {
  const handlers = createHandlers(opts.session);
  const token = secret();
  const cookieValue = secret();
  const listeners = new Set<ServerResponse>();
  let port = 0;

  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];

  /** Progress of long operations to every open event stream, at most every 100 ms per operation. */
  const progressFor = (op: OpName) => {
    let last = 0;
    return (done: number, total: number, phase: string) => {
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const line = `data: ${JSON.stringify({ op, done, total, phase })}\n\n`;
      for (const res of listeners) res.write(line);
    };
  };

  async function api(req: IncomingMessage, res: ServerResponse, op: string): Promise<void> {
    let result: CallResult;
    if (!isOpName(op)) return refuse(res, 404, 'Unknown operation');
    // SECURITY: JSON only. A cross-site HTML form cannot send this content type without a CORS preflight,
    // and this host never answers one.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return refuse(res, 415, 'JSON only');
    try {
      const text = await readBody(req);
      let input: unknown;
      try {
        input = text.trim() === '' ? {} : JSON.parse(text);
      } catch {
        throw new BroError('VALIDATION', 'Not JSON', { issues: [{ path: [], code: 'NOT_JSON' }] });
      }
      result = { ok: true, value: await call(handlers, op, input, progressFor(op)) };
    } catch (e) {
      // SECURITY: no stack traces or values in the log: only the operation and the error's code.
      if (!(e instanceof BroError)) console.error(`bro host: internal error in ${op}`);
      result = toCallError(e);
    }
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(result));
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
    res.write(': bro\n\n');
    listeners.add(res);
    req.on('close', () => listeners.delete(res));
  }

  function serveFile(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(opts.staticDir, rel);
    // SECURITY: nothing outside the built renderer is ever served (no ../ traversal).
    if (
      !file.startsWith(path.resolve(opts.staticDir) + path.sep) ||
      !existsSync(file) ||
      !statSync(file).isFile()
    )
      return refuse(res, 404, 'Not found');
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': statSync(file).size });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  const server = createServer((req, res) => {
    baseHeaders(res);
    // SECURITY: the Host header must name this host exactly; a rebound DNS name pointing here is refused.
    if (!allowedHosts().includes(req.headers.host ?? '')) return refuse(res, 403, 'Forbidden host');
    const origin = req.headers.origin;
    // SECURITY: a request from another origin (a web page probing localhost) is refused outright.
    if (origin !== undefined && origin !== `http://${req.headers.host}`)
      return refuse(res, 403, 'Forbidden origin');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

    if (url.pathname === '/session' && req.method === 'GET') {
      if (!same(url.searchParams.get('token') ?? undefined, token)) return refuse(res, 403, 'Wrong token');
      // SECURITY: the token becomes an HttpOnly, SameSite=Strict cookie; scripts cannot read it and
      // other sites cannot send it. The redirect drops the token from the address bar.
      res.writeHead(303, {
        'Set-Cookie': `${COOKIE}=${cookieValue}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
      });
      return void res.end();
    }

    // SECURITY: everything else needs the session cookie, or the token in a header (scripts, tests).
    const header = req.headers['x-bro-token'];
    if (
      !same(cookieOf(req, COOKIE), cookieValue) &&
      !same(typeof header === 'string' ? header : undefined, token)
    ) {
      res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('Bro: open the link printed in the terminal (it carries the token).\n');
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method === 'GET' && url.pathname === '/api/events') return events(req, res);
      if (req.method !== 'POST') return refuse(res, 405, 'POST only');
      void api(req, res, url.pathname.slice('/api/'.length));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'GET only');
    serveFile(req, res, url.pathname);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // SECURITY: loopback only; never reachable from the network.
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/session?token=${token}`,
    origin,
    port,
    token,
    server,
    close: async () => {
      for (const res of listeners) res.end();
      listeners.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await opts.session.vault?.close();
      opts.session.vault = null;
    },
  };
}
