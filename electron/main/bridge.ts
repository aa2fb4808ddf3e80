import type { OpName } from '../../shared/contract';
import { toCallError, type CallResult } from '../../shared/contract/transport';
import { BroError } from '../../shared/errors';
import type { Door } from '../services/access/door';
import { call, isOpName, type Handlers } from '../services/handlers';
import { isTrustedSender, type SenderFacts } from './policy';

/** The IPC channel names; the preload uses the same two. */
export const CALL_CHANNEL = 'bro:call';
export const PROGRESS_CHANNEL = 'bro:progress';

export interface ProgressMessage {
  op: OpName;
  done: number;
  total: number;
  phase: string;
}

/**
 * Passes progress on at most every `intervalMs` (and always the first, the last and a change of
 * phase), so an import of 50 000 cases does not send 50 000 IPC messages.
 */
export function throttleProgress(
  send: (p: ProgressMessage) => void,
  intervalMs = 100,
  now: () => number = Date.now,
): (p: ProgressMessage) => void {
  let last = -Infinity;
  let phase: string | null = null;
  return (p) => {
    const t = now();
    if (p.phase !== phase || p.done === 0 || p.done >= p.total || t - last >= intervalMs) {
      last = t;
      phase = p.phase;
      send(p);
    }
  };
}

/**
 * One IPC call, as plain Node: check the sender, then go through `call()` (the contract's
 * validation, the one way in) and return a CallResult. ipc.ts feeds it Electron's event facts.
 */
export function createCallHandler(handlers: Handlers, door: Door) {
  return async (
    sender: SenderFacts,
    op: unknown,
    input: unknown,
    sendProgress: (p: ProgressMessage) => void,
  ): Promise<CallResult> => {
    // SECURITY: the sender frame is checked on every call, not once at start-up.
    if (!isTrustedSender(sender)) return toCallError(new BroError('USAGE', 'Refused: untrusted sender'));
    // SECURITY: the operation name is a plain contract key, never a path into an object.
    if (typeof op !== 'string' || !isOpName(op))
      return toCallError(new BroError('USAGE', 'Unknown operation'));
    const progress = throttleProgress(sendProgress);
    try {
      // SECURITY: input is validated against the contract inside call(); nothing else reaches a handler.
      // SECURITY: the renderer's path fields go through the Electron door: dialog handles only.
      const value = await call(
        handlers,
        op,
        input,
        (done, total, phase) => progress({ op, done, total, phase }),
        door,
      );
      return { ok: true, value };
    } catch (e) {
      // SECURITY: only code, message, issues and non-personal detail cross back; no stack traces.
      return toCallError(e);
    }
  };
}
