import {
  createClient,
  type CallResult,
  type PreloadBridge,
  type Transport,
} from '../shared/contract/transport';
import type { OpName } from '../shared/contract';

/**
 * The renderer's one way to the handlers: `window.bro` (Electron's preload) when present, else
 * HTTP to the loopback host that served this page, with the session token in a header.
 *
 * SECURITY (the browser host): there is no cookie. The printed link carries a one-time launch
 * token in its fragment (`#launch=…`, never sent to any server); this module takes it out of the
 * address bar before anything else runs, swaps it once for a session token (`POST ./session`), and
 * keeps that in sessionStorage: this tab and this origin (scheme, host and port) only, so a reload
 * keeps working and a page served on another port cannot read it. A new tab needs a fresh link
 * (the host prints one after each use).
 */
declare global {
  interface Window {
    bro?: PreloadBridge;
  }
}

export type ProgressEvent = { op: OpName; done: number; total: number; phase: string };

const TOKEN_KEY = 'bro.session';
const bridge = typeof window !== 'undefined' ? window.bro : undefined;

/** The desktop app (Electron): files are chosen in the system's dialogs (`files.pick`). */
export const desktop = bridge !== undefined;

function takeLaunchToken(): string | null {
  if (typeof window === 'undefined' || bridge) return null;
  const m = /^#launch=([A-Za-z0-9_-]{20,100})$/u.exec(window.location.hash);
  if (!m) return null;
  // The token leaves the address bar (and the history entry) before the router reads the hash.
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return m[1]!;
}

const launch = takeLaunchToken();
// A link pasted into a tab already showing Bro changes only the fragment: load afresh to use it.
if (typeof window !== 'undefined' && !bridge)
  window.addEventListener('hashchange', () => {
    if (window.location.hash.startsWith('#launch=')) window.location.reload();
  });

/** The session token, once the launch link is swapped (or from an earlier load of this tab). */
const session: Promise<string | null> = (async () => {
  if (typeof window === 'undefined' || bridge) return null;
  if (launch) {
    try {
      const res = await fetch('./session', { method: 'POST', headers: { 'X-Bro-Launch': launch } });
      if (res.ok) {
        const { token } = (await res.json()) as { token: string };
        window.sessionStorage.setItem(TOKEN_KEY, token);
        return token;
      }
    } catch {
      /* the host is gone: the calls below say so */
    }
  }
  return window.sessionStorage.getItem(TOKEN_KEY);
})();

/** Whether this page has a session with the host (always true in Electron). */
export async function hasSession(): Promise<boolean> {
  return bridge !== undefined || (await session) !== null;
}

/** When the host last heard from this page in a way that counts for its auto-lock (ms). */
let lastActivity = Date.now();
export const lastHostActivity = () => lastActivity;

const NO_SESSION: CallResult = {
  ok: false,
  error: { code: 'VAULT_LOCKED', message: 'No session', issues: [], detail: { reason: 'NO_SESSION' } },
};

const http: Transport = async (op, input) => {
  const token = await session;
  if (token === null) return NO_SESSION;
  const counts = op !== 'vault.status' || (input as { active?: boolean } | null)?.active === true;
  const res = await fetch(`./api/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Bro-Token': token },
    credentials: 'omit',
    body: JSON.stringify(input),
  });
  if (counts) lastActivity = Date.now();
  if (res.status === 401) {
    window.sessionStorage.removeItem(TOKEN_KEY);
    return NO_SESSION;
  }
  return (await res.json()) as CallResult;
};

export const api = createClient(
  bridge
    ? (op, input) => {
        lastActivity = Date.now();
        return bridge.call(op, input);
      }
    : http,
);

/** Progress of long operations (demo, import, check): from the preload, or the host's event stream. */
export function onProgress(listener: (p: ProgressEvent) => void): () => void {
  if (bridge?.onProgress) return bridge.onProgress(listener);
  if (bridge) return () => {};
  // An EventSource cannot send a header, so the stream is read with fetch.
  const abort = new AbortController();
  void (async () => {
    const token = await session;
    if (token === null) return;
    try {
      const res = await fetch('./api/events', {
        headers: { 'X-Bro-Token': token },
        credentials: 'omit',
        signal: abort.signal,
      });
      if (!res.ok || !res.body) return;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of block.split('\n'))
            if (line.startsWith('data: ')) listener(JSON.parse(line.slice(6)) as ProgressEvent);
        }
      }
    } catch {
      /* aborted, or the host went away */
    }
  })();
  return () => abort.abort();
}
