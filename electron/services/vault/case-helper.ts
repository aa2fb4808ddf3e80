import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SummaryRules } from '../../../shared/cases/summary';
import type { PlainFile, SummaryJob, SummaryResult } from './case-summaries';

/**
 * The second core for an open without an index (issue 18): while this thread lists, reads and
 * decrypts case after case, a helper thread parses and folds the cases it is handed and sends
 * back their summaries. Only plaintexts go to it (moved), never a key, a path or a file handle;
 * it writes nothing. Whatever goes wrong with it (it does not start, it dies, it cannot apply the
 * rules) costs only speed: the cases it had are read on this thread, exactly as without it.
 */

/** Below this many cases to read, starting a thread costs more than it saves. */
export const HELPER_FROM = 48;
/** Cases handed over and not yet back; beyond this, this thread parses the case itself. */
export const IN_FLIGHT = 32;

/** What the thread made of one case (./case-summaries.ts `SummaryResult`, without its bookkeeping). */
export type HelperResult = Pick<SummaryResult, 'summary' | 'newest' | 'bad'>;

export class CaseHelper {
  private worker: Worker | null = null;
  private broken = false;
  /** The thread has loaded its code: until then every case is read here, so a slow start costs nothing. */
  private isReady = false;
  private readyWaiters: ((ready: boolean) => void)[] = [];
  private n = 0;
  private readonly waiting = new Map<number, (r: HelperResult | 'again') => void>();
  /** How many cases the thread has summarized (for the tests and the benchmark). */
  handled = 0;

  constructor(
    /** The thread's entry; by default the bundled one beside this code, else the TypeScript source. */
    private readonly entry: () => WorkerEntry | null = defaultEntry,
    /** From how many cases to read the thread is started (tests set 1). */
    readonly from = HELPER_FROM,
    /** See IN_FLIGHT (tests set more, to hand every case over). */
    readonly inFlight = IN_FLIGHT,
  ) {}

  /** Whether cases are being handed to a thread, or will be once it has started. */
  get active(): boolean {
    return this.worker !== null;
  }

  /** Resolves when the thread has started (true) or cannot (false). */
  ready(): Promise<boolean> {
    if (this.isReady || !this.worker) return Promise.resolve(this.isReady && this.worker !== null);
    return new Promise((resolve) => {
      this.readyWaiters.push(resolve);
      this.hold();
    });
  }

  private settle(ready: boolean): void {
    for (const w of this.readyWaiters.splice(0)) w(ready);
    this.hold();
  }

  /**
   * The thread keeps the process alive only while something waits for it. While the cases are
   * read, this thread's work is synchronous: with every reader waiting for an answer nothing
   * else may be left in the event loop, and an unref'd thread would let a `bro` process end
   * in the middle of its list.
   */
  private hold(): void {
    if (!this.worker) return;
    if (this.waiting.size > 0 || this.readyWaiters.length > 0) this.worker.ref();
    else this.worker.unref();
  }

  /** Starts the thread when `count` cases are about to be read and there are enough of them. */
  prepare(count: number): void {
    if (this.worker || this.broken || count < this.from) return;
    const e = this.entry();
    if (!e) {
      this.broken = true;
      return;
    }
    try {
      const w = 'url' in e ? new Worker(e.url) : new Worker(e.code, { eval: true });
      w.unref();
      w.on('message', (r: SummaryResult | { ready: true }) => {
        if ('ready' in r) {
          this.isReady = true;
          this.settle(true);
          return;
        }
        const done = this.waiting.get(r.n);
        this.waiting.delete(r.n);
        this.hold();
        if (!r.failed) this.handled++;
        done?.(r.failed ? 'again' : r);
      });
      w.on('error', () => this.fail());
      w.on('exit', () => this.fail());
      this.worker = w;
    } catch {
      this.broken = true;
    }
  }

  /**
   * The case's summary made on the helper thread. Null when this thread should make it (no
   * thread, or too many cases already handed over): the plaintexts are untouched. 'again' when
   * the case was handed over and the thread failed: the plaintexts went with it (moved, not
   * copied), so the case is to be read again here.
   */
  async summarize(
    caseId: string,
    plains: PlainFile[],
    rules: SummaryRules,
  ): Promise<HelperResult | 'again' | null> {
    const w = this.worker;
    if (!w || !this.isReady || !rules.made || this.waiting.size >= this.inFlight) return null;
    const job: SummaryJob = { n: ++this.n, caseId, plains, rules: { version: rules.version, ...rules.made } };
    // A plaintext with a buffer of its own is moved; one in a shared buffer (small ones) copied.
    const moved = plains.flatMap(({ plain: p }) =>
      p.byteOffset === 0 && p.byteLength === p.buffer.byteLength && p.buffer instanceof ArrayBuffer
        ? [p.buffer]
        : [],
    );
    return new Promise((resolve) => {
      this.waiting.set(job.n, resolve);
      this.hold();
      try {
        w.postMessage(job, moved);
      } catch {
        this.waiting.delete(job.n);
        this.hold();
        resolve('again');
      }
    });
  }

  /** Ends the thread (the case list is done); a later large list starts another. */
  async stop(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.isReady = false;
    this.release();
    if (w) {
      // Ending it is not a failure: a later list may start another.
      w.removeAllListeners('exit');
      w.removeAllListeners('error');
      w.on('error', () => {});
      await w.terminate().catch(() => {});
    }
  }

  private fail(): void {
    this.broken = true;
    this.worker = null;
    this.isReady = false;
    this.release();
  }

  /** Everything still handed over is read again on this thread. */
  private release(): void {
    this.settle(false);
    for (const done of this.waiting.values()) done('again');
    this.waiting.clear();
  }
}

export type WorkerEntry = { url: URL } | { code: string };

/**
 * The bundled thread at `file`, if it is there. Inside the packaged app it sits in app.asar,
 * which the main process reads through Electron's file system but a worker thread's loader may
 * not: its text is then read here and handed over as a data: URL, so the code that runs is still
 * the code in the archive whose integrity Electron checks (nothing is unpacked beside it).
 */
export function bundledEntry(file: string): WorkerEntry | null {
  if (!existsSync(file)) return null;
  if (!/\.asar[\\/]/.test(file)) return { url: pathToFileURL(file) };
  try {
    return { url: new URL(`data:text/javascript;base64,${readFileSync(file).toString('base64')}`) };
  } catch {
    return null;
  }
}

/**
 * The bundles (the app's main process, the CLI) carry the thread as `case-worker.mjs` beside
 * them (scripts/build-electron.mjs, scripts/build-cli.mjs). Running from the sources (the tests,
 * the benchmarks), the thread loads `case-worker.ts` through tsx, the same loader the process has.
 */
function defaultEntry(): WorkerEntry | null {
  const bundled = bundledEntry(fileURLToPath(new URL('./case-worker.mjs', import.meta.url)));
  if (bundled) return bundled;
  const source = new URL('case-worker.ts', import.meta.url);
  if (!existsSync(fileURLToPath(source))) return null;
  try {
    const tsx = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
    const api = pathToFileURL(path.join(tsx, 'dist', 'esm', 'api', 'index.mjs')).href;
    return {
      code:
        `import(${JSON.stringify(api)}).then((m) => m.register({ namespace: 'bro-case-worker' })` +
        `.import(${JSON.stringify(source.href)}, ${JSON.stringify(import.meta.url)}));`,
    };
  } catch {
    return null;
  }
}
