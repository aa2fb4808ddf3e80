import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BroError } from '../../../shared/errors';
import { ensurePrivateDir } from '../device/private';
import { writeAtomic } from '../vault/atomic';
import { readVaultHeader, type Vault } from '../vault/vault';

/**
 * Unlock attempts, in the process that holds the keys (the app's main process, the browser host,
 * each `bro` run), the same rules for every door:
 *
 *  - one unlock at a time in this process, so parallel calls cannot race past the count;
 *  - after FREE_ATTEMPTS wrong secrets in a row, each next attempt must wait, 30 s after the fifth
 *    failure and doubling with each further one (at most MAX_WAIT_MS); an attempt during the wait
 *    is refused at once with TOO_MANY_ATTEMPTS and the seconds left, without running scrypt;
 *  - every failed and refused attempt is remembered in a small local record per vault (by vault
 *    id, so a copied or linked folder shares the count) and written into the vault's audit log,
 *    with the time it happened, at the next successful unlock on this device: the audit log is
 *    encrypted, so nothing can be added to it while the vault is locked.
 *
 * The record is in the user's settings folder (0600 in a 0700 folder) and holds counts and times
 * only: no passphrase, no name, no folder path. Someone who can act as this user can delete it;
 * it slows guessing through Bro's doors, while scrypt is what slows guessing on a copy.
 */
export const FREE_ATTEMPTS = 5;
export const FIRST_WAIT_MS = 30_000;
export const MAX_WAIT_MS = 15 * 60_000;
/** Failed attempts kept for the audit log; refused ones in a row are one entry with a count. */
const MAX_PENDING = 500;

/** How long to wait after `failures` wrong secrets in a row (ms). */
export function waitAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.min(failures - FREE_ATTEMPTS, 30));
}

const iso = z.iso.datetime();
const pendingEntry = z.strictObject({
  action: z.enum(['vault.unlock.failed', 'vault.unlock.refused']),
  at: iso,
  count: z.number().int().min(1).max(1e9),
  until: iso,
});
const recordSchema = z.strictObject({
  format: z.literal('bro-attempts'),
  version: z.literal(1),
  /** Wrong secrets in a row (reset by a successful unlock). */
  failures: z.number().int().min(0).max(1e9),
  /** When the last wrong secret was tried (ms since the epoch), or null. */
  last: z.number().int().min(0).nullable(),
  /** Failed and refused attempts not yet in the audit log. */
  pending: z.array(pendingEntry).max(MAX_PENDING),
});
export type AttemptRecord = z.infer<typeof recordSchema>;
type PendingEntry = z.infer<typeof pendingEntry>;

const empty = (): AttemptRecord => ({
  format: 'bro-attempts',
  version: 1,
  failures: 0,
  last: null,
  pending: [],
});

/** The attempt in progress in this process; the next waits for it. It never rejects. */
let queue: Promise<unknown> = Promise.resolve();

function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn);
  queue = run.catch(() => undefined);
  return run;
}

/** Milliseconds still to wait before the next attempt is allowed; 0 when it may run now. */
export function remainingWait(rec: AttemptRecord, now: number): number {
  const wait = waitAfter(rec.failures);
  if (wait === 0 || rec.last === null) return 0;
  // A clock set back never makes the wait longer than the rule says.
  return Math.max(0, Math.min(wait, rec.last + wait - now));
}

function note(rec: AttemptRecord, action: PendingEntry['action'], now: number): void {
  const at = new Date(now).toISOString();
  const prev = rec.pending.at(-1);
  // Refusals in a row are one entry (they cost nothing and can come fast); each failure is its own.
  if (action === 'vault.unlock.refused' && prev?.action === action) {
    prev.count++;
    prev.until = at;
    return;
  }
  if (rec.pending.length >= MAX_PENDING) {
    // Full: the newest entry absorbs the rest, so the count stays right even if the times blur.
    const last = rec.pending.at(-1)!;
    last.count++;
    last.until = at;
    return;
  }
  rec.pending.push({ action, at, count: 1, until: at });
}

export class UnlockAttempts {
  private readonly memory = new Map<string, AttemptRecord>();

  constructor(
    private readonly o: {
      /** Bro's settings folder (records go to `attempts/` in it); null keeps them in memory (tests). */
      dir: string | null;
      now?: () => number;
    },
  ) {}

  private now(): number {
    return this.o.now?.() ?? Date.now();
  }

  private file(vaultId: string): string | null {
    return this.o.dir === null ? null : path.join(this.o.dir, 'attempts', `${vaultId}.json`);
  }

  /** The record for a vault; a missing or unreadable one is a clean slate (it holds no secret). */
  read(vaultId: string): AttemptRecord {
    const file = this.file(vaultId);
    if (file === null) return structuredClone(this.memory.get(vaultId) ?? empty());
    try {
      const parsed = recordSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      /* missing or damaged: start again */
    }
    return empty();
  }

  private async write(vaultId: string, rec: AttemptRecord): Promise<void> {
    const file = this.file(vaultId);
    const clean = rec.failures === 0 && rec.pending.length === 0;
    if (file === null) {
      if (clean) this.memory.delete(vaultId);
      else this.memory.set(vaultId, structuredClone(rec));
      return;
    }
    if (clean) {
      rmSync(file, { force: true });
      return;
    }
    ensurePrivateDir(path.dirname(file), true);
    // SECURITY: 0600 (writeAtomic) in a 0700 folder; counts and times only.
    await writeAtomic(file, JSON.stringify(rec));
  }

  /**
   * One unlock of the vault in `dir` under the rules: `open` runs only when no wait is due. A wrong
   * secret is counted (and says how long the next attempt must wait, once one is due); a success
   * writes the pending attempts into the audit log and clears the record.
   */
  attempt(dir: string, open: () => Promise<Vault>): Promise<Vault> {
    return oneAtATime(async () => {
      // A missing, damaged or newer vault is reported as such, before anything is counted.
      const { vaultId } = await readVaultHeader(dir);
      const rec = this.read(vaultId);
      const wait = remainingWait(rec, this.now());
      if (wait > 0) {
        note(rec, 'vault.unlock.refused', this.now());
        await this.write(vaultId, rec);
        // SECURITY: refused before scrypt runs: guessing costs the guesser the wait, the machine nothing.
        throw new BroError('TOO_MANY_ATTEMPTS', 'Too many wrong attempts: wait before the next', {
          detail: { retryAfterSeconds: Math.ceil(wait / 1000) },
        });
      }
      let vault: Vault;
      try {
        vault = await open();
      } catch (e) {
        if (e instanceof BroError && (e.code === 'WRONG_PASSPHRASE' || e.code === 'ACCESS_REVOKED')) {
          const t = this.now();
          rec.failures++;
          rec.last = t;
          note(rec, 'vault.unlock.failed', t);
          await this.write(vaultId, rec);
          const next = waitAfter(rec.failures);
          if (next > 0)
            throw new BroError(e.code, e.message, {
              issues: e.issues,
              detail: { ...e.detail, retryAfterSeconds: Math.ceil(next / 1000) },
            });
        }
        throw e;
      }
      try {
        for (const p of rec.pending)
          await vault.audit(p.action, undefined, {
            at: p.at,
            ...(p.count > 1 ? { count: p.count, until: p.until } : {}),
          });
        await this.write(vaultId, empty());
      } catch (e) {
        // The attempts stay pending; a vault whose audit log cannot be written is not handed out.
        await vault.close().catch(() => {});
        throw e;
      }
      return vault;
    });
  }
}
