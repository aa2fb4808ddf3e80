/**
 * Auto-lock after idle, in the process that holds the keys, as plain logic with its inputs passed
 * in (idle time, the setting, a timer), so it is tested in Node with fake timers. The Electron main
 * process supplies powerMonitor.getSystemIdleTime(); the browser host the time since the last API
 * call (electron/host/server.ts). Both lock through the contract's `vault.lock`. The page's own
 * timer only mirrors this one.
 */

/** Whether the vault should be locked now. */
export function shouldAutoLock(o: {
  unlocked: boolean;
  idleSeconds: number;
  autoLockMinutes: number;
}): boolean {
  if (!o.unlocked) return false;
  if (!Number.isFinite(o.autoLockMinutes) || o.autoLockMinutes <= 0) return false;
  return o.idleSeconds >= o.autoLockMinutes * 60;
}

export interface AutoLockDeps {
  /** Seconds since the last keyboard or mouse input anywhere on the system. */
  idleSeconds: () => number;
  /** The current setting (read on every tick, so a changed setting takes effect at once). */
  autoLockMinutes: () => number;
  isUnlocked: () => Promise<boolean>;
  /** Locks the vault and clears what the window shows. */
  lock: (reason: 'idle' | 'system') => Promise<void>;
  /** How often to look; 15 s makes the lock at most that late. */
  intervalMs?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/**
 * Starts watching. Returns the controls: `systemEvent()` for screen lock and suspend (lock at
 * once), `stop()` to end.
 */
export function startAutoLock(deps: AutoLockDeps): {
  tick: () => Promise<void>;
  systemEvent: () => Promise<void>;
  stop: () => void;
} {
  const setI = deps.setInterval ?? ((fn, ms) => setInterval(fn, ms));
  const clearI = deps.clearInterval ?? ((h) => clearInterval(h as NodeJS.Timeout));
  let busy = false;
  const guarded = async (fn: () => Promise<void>) => {
    if (busy) return;
    busy = true;
    try {
      await fn();
    } catch {
      // A failed check must not stop the watch; the next tick tries again. No details are logged.
    } finally {
      busy = false;
    }
  };
  const tick = () =>
    guarded(async () => {
      const unlocked = await deps.isUnlocked();
      // SECURITY: an unattended unlocked vault is locked after the configured idle time.
      if (
        shouldAutoLock({ unlocked, idleSeconds: deps.idleSeconds(), autoLockMinutes: deps.autoLockMinutes() })
      )
        await deps.lock('idle');
    });
  const systemEvent = () =>
    guarded(async () => {
      // SECURITY: locking the screen or suspending the machine locks the vault too.
      if (await deps.isUnlocked()) await deps.lock('system');
    });
  const handle = setI(() => void tick(), deps.intervalMs ?? 15_000);
  return { tick, systemEvent, stop: () => clearI(handle) };
}
