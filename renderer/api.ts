import {
  createClient,
  type CallResult,
  type PreloadBridge,
  type Transport,
} from '../shared/contract/transport';
import type { OpName } from '../shared/contract';

/**
 * The renderer's one way to the handlers: `window.bro` (Electron's preload) when present, else
 * HTTP to the loopback host that served this page (same origin, session cookie; the token is
 * never in a URL here).
 */
declare global {
  interface Window {
    bro?: PreloadBridge;
  }
}

export type ProgressEvent = { op: OpName; done: number; total: number; phase: string };

const http: Transport = async (op, input) => {
  const res = await fetch(`./api/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(input),
  });
  if (res.status === 401) {
    return { ok: false, error: { code: 'VAULT_LOCKED', message: 'Session expired', issues: [] } };
  }
  return (await res.json()) as CallResult;
};

const bridge = typeof window !== 'undefined' ? window.bro : undefined;

export const api = createClient(bridge ? (op, input) => bridge.call(op, input) : http);

/** Progress of long operations (demo, import, check): from the preload, or the host's event stream. */
export function onProgress(listener: (p: ProgressEvent) => void): () => void {
  if (bridge?.onProgress) return bridge.onProgress(listener);
  if (bridge) return () => {};
  const source = new EventSource('./api/events');
  source.onmessage = (e) => listener(JSON.parse(e.data as string) as ProgressEvent);
  return () => source.close();
}
