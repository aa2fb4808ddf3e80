import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream';
import type { OpName } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { toCallError, type CallResult } from '../../shared/contract/transport';
import { BroError } from '../../shared/errors';
import { hostDoor } from '../services/access/door';
import { startAutoLock } from '../services/access/idle';
import { call, createHandlers, isOpName } from '../services/handlers';
import type { Session } from '../services/session';

/**
 * The loopback browser host: serves the built renderer and the one contract over HTTP, for
 * development, for end-to-end tests and for machines without the Electron binary.
 *
 * Any web page in any browser on this machine can send requests to 127.0.0.1, and a browser sends
 * a cookie for 127.0.0.1 to every port on it. So there is no cookie at all: an API call must carry
 * a session token in the `X-Bro-Token` header, which only the page this host served holds:
 *  - the printed link carries a one-time launch token in its fragment (`/#launch=…`), which never
 *    leaves the browser; the page swaps it once (`POST /session`, `X-Bro-Launch` header) for a
 *    random session token, keeps that in its own origin's sessionStorage (so a reload keeps
 *    working, and a page on another port, another origin, cannot read it), and drops the fragment
 *    from the address bar. A used launch token is dead; a fresh link is given to `onLink`.
 *  - a custom header cannot be sent cross-origin without a CORS preflight, which is never
 *    answered; the Host header must name this host exactly (DNS rebinding); an Origin, when sent,
 *    must be this host's own; the API takes only JSON;
 *  - the built renderer (public code, no data) is served without a token: a navigation cannot
 *    carry a header;
 *  - a strict Content-Security-Policy (shared/csp.ts) on every response.
 *
 * No request can stop the host: every parse is guarded, bodies are capped per request and in total,
 * and an unexpected failure answers 500 without a stack or a value (tests/unit/host-fuzz.test.ts).
 */

// SECURITY: the same policy the Electron protocol sends (shared/csp.ts): no inline script, no eval,
// the page may talk only to this host. Sent as a header on every response.
const CSP = CONTENT_SECURITY_POLICY;

/** One request body: an interchange import of several thousand cases. */
export const MAX_BODY = 64 * 1024 * 1024;
/** All bodies being received at once; beyond it a request gets 503 at once. */
export const MAX_BODIES = 2 * MAX_BODY;
/** Session tokens kept (one per page that swapped a launch link); the oldest goes first. */
const MAX_SESSIONS = 32;

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

/** Headers whose meaning a second copy could change: more than one is refused (400). */
const SINGLE = new Set(['host', 'origin', 'x-bro-token', 'x-bro-launch', 'content-length', 'content-type']);

export interface HostOptions {
  session: Session;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 (default) picks a free random port. */
  port?: number;
  /**
   * The folders the page may name for a vault: each, and any folder below it (`--vault`). None:
   * the page can open the folder this launch points at and the demo, and create nothing.
   */
  folders?: string[];
  /** A fresh one-time link, after the previous one was used (the command line prints it). */
  onLink?: (url: string) => void;
  /** Clock and timer for the auto-lock (tests inject them). */
  now?: () => number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
  /** Lower body limits (tests). */
  limits?: { body?: number; bodies?: number };
}

export interface Host {
  /** The link to open now (a one-time launch token in its fragment): print it, never log it elsewhere. */
  readonly url: string;
  origin: string;
  port: number;
  /**
   * A session token for the code that started the host (tests, scripts in the same process):
   * made here, never printed, never sent anywhere by the host.
   */
  token: string;
  server: Server;
  /** The auto-lock's check, run every few seconds (tests call it after moving their clock). */
  checkIdle(): Promise<void>;
  close(): Promise<void>;
}

const secret = () => randomBytes(32).toString('base64url');

function same(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  // SECURITY: constant-time comparison, so a token cannot be guessed byte by byte from timings.
  return x.length === y.length && timingSafeEqual(x, y);
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

function refuse(res: ServerResponse, status: number, text: string, close = false): void {
  if (res.headersSent || res.writableEnded) return;
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(text);
}

/** How often each header of SINGLE came in the request. */
function headerCounts(req: IncomingMessage): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!.toLowerCase();
    if (SINGLE.has(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
};

export async function startHost(opts: HostOptions): Promise<Host> {
  const handlers = createHandlers(opts.session);
  // SECURITY: the page names vault folders only inside the folders given on the command line.
  const door = hostDoor(opts.folders ?? []);
  const now = opts.now ?? Date.now;
  const maxBody = opts.limits?.body ?? MAX_BODY;
  const maxBodies = opts.limits?.bodies ?? MAX_BODIES;
  let launch = secret();
  const ownToken = secret();
  const sessions: string[] = [];
  const listeners = new Set<ServerResponse>();
  let receiving = 0; // bytes of bodies promised by requests being read now
  let lastActivity = now();
  let port = 0;
  let origin = '';

  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const link = () => `${origin}/#launch=${launch}`;
  const validToken = (t: string | undefined) => same(t, ownToken) || sessions.some((s) => same(t, s));

  /** Progress of long operations to every open event stream, at most every 100 ms per operation. */
  const progressFor = (op: OpName) => {
    let last = 0;
    return (done: number, total: number, phase: string) => {
      const t = Date.now();
      if (done < total && t - last < 100) return;
      last = t;
      const line = `data: ${JSON.stringify({ op, done, total, phase })}\n\n`;
      for (const res of listeners) if (!res.writableEnded) res.write(line);
    };
  };

  /**
   * Reads a body of at most `maxBody` bytes, within the total for all bodies being read.
   * Answers 411/413/503 itself and returns null when the body is refused or never completes.
   */
  async function readBody(req: IncomingMessage, res: ServerResponse): Promise<string | null> {
    const declared = header(req, 'content-length');
    // SECURITY: the size is known before a byte is read (browsers always send it for these calls).
    if (declared === undefined || !/^\d{1,12}$/.test(declared)) {
      refuse(res, 411, 'Content-Length required', true);
      return null;
    }
    const size = Number(declared);
    if (size > maxBody) {
      refuse(res, 413, 'Request too large', true);
      return null;
    }
    if (receiving + size > maxBodies) {
      res.setHeader('Retry-After', '1');
      refuse(res, 503, 'Busy: try again', true);
      return null;
    }
    receiving += size;
    try {
      const chunks: Buffer[] = [];
      let got = 0;
      for await (const chunk of req) {
        got += (chunk as Buffer).length;
        if (got > size) return null; // cannot happen with Node's parser; never trust it blindly
        chunks.push(chunk as Buffer);
      }
      // A body that stops early (the client went away) is dropped; there is nobody to answer.
      if (got < size || !req.complete) return null;
      return Buffer.concat(chunks).toString('utf8');
    } catch {
      return null;
    } finally {
      receiving -= size;
    }
  }

  async function api(req: IncomingMessage, res: ServerResponse, op: string): Promise<void> {
    if (!isOpName(op)) return refuse(res, 404, 'Unknown operation');
    // SECURITY: JSON only. A cross-site HTML form cannot send this content type without a CORS
    // preflight, and this host never answers one.
    if (!(header(req, 'content-type') ?? '').startsWith('application/json'))
      return refuse(res, 415, 'JSON only');
    const text = await readBody(req, res);
    if (text === null) return;
    let result: CallResult;
    try {
      let input: unknown;
      try {
        input = text.trim() === '' ? {} : JSON.parse(text);
      } catch {
        throw new BroError('VALIDATION', 'Not JSON', { issues: [{ path: [], code: 'NOT_JSON' }] });
      }
      // Activity for the auto-lock: every call but a plain status check (the page watches the lock with it).
      const watching =
        op === 'vault.status' && !(typeof input === 'object' && input !== null && 'active' in input);
      if (!watching) lastActivity = now();
      result = { ok: true, value: await call(handlers, op, input, progressFor(op), door) };
    } catch (e) {
      // SECURITY: no stack traces or values in the log: only the operation and the error's code.
      if (!(e instanceof BroError)) console.error(`bro host: internal error in ${op}`);
      result = toCallError(e);
    }
    if (res.headersSent || res.writableEnded) return;
    const out = JSON.stringify(result);
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(out),
    });
    res.end(out);
  }

  function exchange(req: IncomingMessage, res: ServerResponse): void {
    // SECURITY: the one-time launch token, in a header (never in a URL the server sees), is
    // swapped for a session token. A used one is dead; the next link is fresh.
    if (!same(header(req, 'x-bro-launch'), launch)) return refuse(res, 403, 'Wrong or used link');
    launch = secret();
    const token = secret();
    sessions.push(token);
    if (sessions.length > MAX_SESSIONS) sessions.shift();
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ token }));
    opts.onLink?.(link());
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
    res.write(': bro\n\n');
    listeners.add(res);
    const drop = () => listeners.delete(res);
    req.on('close', drop);
    res.on('close', drop);
  }

  function serveFile(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    let rel: string;
    try {
      rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    } catch {
      return refuse(res, 400, 'Bad path'); // invalid percent-encoding such as /%ff
    }
    const base = path.resolve(opts.staticDir);
    const file = path.resolve(base, rel);
    // SECURITY: nothing outside the built renderer is ever served (no ../ traversal, no NUL).
    if (rel.includes('\0') || !file.startsWith(base + path.sep)) return refuse(res, 404, 'Not found');
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) return refuse(res, 404, 'Not found');
      size = st.size;
    } catch {
      return refuse(res, 404, 'Not found');
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': size });
    if (req.method === 'HEAD') return void res.end();
    // A file that vanishes or fails mid-read ends this response only.
    pipeline(createReadStream(file), res, () => {});
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    baseHeaders(res);
    for (const [name, n] of headerCounts(req))
      if (n > 1) return refuse(res, 400, `More than one ${name} header`, true);
    // SECURITY: the Host header must name this host exactly; a rebound DNS name pointing here is refused.
    if (!allowedHosts().includes(header(req, 'host') ?? '')) return refuse(res, 403, 'Forbidden host');
    const from = header(req, 'origin');
    // SECURITY: a request from another origin (a web page probing localhost) is refused outright.
    if (req.headers.origin !== undefined && from !== `http://${header(req, 'host')}`)
      return refuse(res, 403, 'Forbidden origin');
    // Only the origin form (`/path?query`): absolute (`http://…`) and authority forms are refused.
    const target = req.url ?? '';
    if (!target.startsWith('/') || target.startsWith('//')) return refuse(res, 400, 'Bad request target');
    const pathname = target.split(/[?#]/u, 1)[0]!;

    if (pathname === '/session') {
      if (req.method !== 'POST') return refuse(res, 405, 'POST only');
      return exchange(req, res);
    }

    if (pathname.startsWith('/api/')) {
      // SECURITY: every API call needs a session token in a header: no cookie, nothing a browser
      // sends by itself to another port, nothing a page served elsewhere can read or replay.
      if (!validToken(header(req, 'x-bro-token')))
        return refuse(res, 401, 'Bro: open the link from the terminal.');
      if (req.method === 'GET' && pathname === '/api/events') return events(req, res);
      if (req.method !== 'POST') return refuse(res, 405, 'POST only');
      api(req, res, pathname.slice('/api/'.length)).catch(() => fail(res));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'GET only');
    serveFile(req, res, pathname);
  }

  /** The last line of defence: whatever went wrong, this request gets 500 and the host goes on. */
  function fail(res: ServerResponse): void {
    console.error('bro host: internal error');
    if (!res.headersSent && !res.writableEnded) refuse(res, 500, 'Internal error', true);
    else res.destroy();
  }

  const server = createServer(
    {
      // SECURITY: bounded headers and slow clients; Node answers 431 / 408 itself.
      maxHeaderSize: 16 * 1024,
      headersTimeout: 15_000,
      requestTimeout: 120_000,
      keepAliveTimeout: 5_000,
    },
    (req, res) => {
      // An aborted upload or a vanished client is an 'error' event: never an uncaught one.
      req.on('error', () => {});
      res.on('error', () => {});
      try {
        handle(req, res);
      } catch {
        fail(res);
      }
    },
  );
  // A request Node cannot parse (bad request line, bad header, overlong header) gets 400/431 and
  // its connection is closed; it never reaches the handler and never throws.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const status =
      err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  // CONNECT (authority form) and Upgrade requests are not for this host.
  server.on('connect', (_req, socket: Socket) => {
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  server.on('upgrade', (_req, socket: Socket) => {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // SECURITY: loopback only; never reachable from the network.
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://127.0.0.1:${port}`;

  // SECURITY: the auto-lock runs here, in the process that holds the keys: the vault locks after
  // the setting's minutes without an API call, whether or not a page is open. The page's own
  // timer only mirrors it (it locks a little earlier, so it can save a letter draft first).
  const autoLock = startAutoLock({
    idleSeconds: () => Math.max(0, (now() - lastActivity) / 1000),
    autoLockMinutes: () => opts.session.settings.get().autoLockMinutes,
    isUnlocked: async () => opts.session.vault !== null,
    lock: async () => {
      await call(handlers, 'vault.lock', {});
    },
    intervalMs: 5_000,
    ...(opts.setInterval ? { setInterval: opts.setInterval } : {}),
    ...(opts.clearInterval ? { clearInterval: opts.clearInterval } : {}),
  });

  return {
    get url() {
      return link();
    },
    origin,
    port,
    token: ownToken,
    server,
    checkIdle: () => autoLock.tick(),
    close: async () => {
      autoLock.stop();
      for (const res of listeners) res.end();
      listeners.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await opts.session.vault?.close();
      opts.session.vault = null;
    },
  };
}
