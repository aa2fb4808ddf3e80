import { BroError, type ErrorCode, type Issue } from '../errors';
import { contract, type BroApi, type OpName } from './index';

/**
 * What crosses a process boundary for one call, in both directions, for every door:
 * Electron IPC (preload `window.bro.call`) and the loopback host (`POST /api/<op>`).
 */
export type CallResult =
  | { ok: true; value: unknown }
  | {
      ok: false;
      error: { code: ErrorCode; message: string; issues: Issue[]; detail?: Record<string, unknown> };
    };

/** How a client reaches the handlers: one function, the operation name and its raw input. */
export type Transport = (op: OpName, input: unknown) => Promise<CallResult>;

/** The preload exposes exactly this as `window.bro` (nothing else). */
export interface PreloadBridge {
  call: Transport;
  /** Subscribe to progress of long operations (done/total/phase); returns an unsubscribe function. */
  onProgress?: (
    listener: (p: { op: OpName; done: number; total: number; phase: string }) => void,
  ) => () => void;
}

/** Serialises an error for the wire: code, message, issues and non-personal detail only. */
export function toCallError(e: unknown): CallResult {
  const err = e instanceof BroError ? e : new BroError('INTERNAL', 'Unexpected error');
  return {
    ok: false,
    error: { code: err.code, message: err.message, issues: err.issues, detail: err.detail ?? {} },
  };
}

/**
 * The typed client the renderer uses: one async function per contract operation.
 * Errors come back as BroError values with their code and field paths.
 */
export function createClient(transport: Transport): BroApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const op of Object.keys(contract) as OpName[]) {
    api[op] = async (input: unknown) => {
      const r = await transport(op, input ?? {});
      if (r.ok) return r.value;
      throw new BroError(r.error.code, r.error.message, {
        issues: r.error.issues,
        detail: r.error.detail as Record<string, string | number | boolean> | undefined,
      });
    };
  }
  return api as BroApi;
}
