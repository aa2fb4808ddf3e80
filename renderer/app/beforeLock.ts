/**
 * Work that must be done before the vault locks (by Alt+L, the button or the idle timer): a letter
 * editor with unsaved changes saves its draft here, so locking never loses what was typed.
 */
type Hook = () => Promise<unknown> | unknown;
const hooks = new Set<Hook>();

export function onBeforeLock(hook: Hook): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

/** Runs every hook; one that fails does not stop the lock. */
export async function runBeforeLock(): Promise<void> {
  await Promise.allSettled([...hooks].map(async (h) => h()));
}
