import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { BroError } from '../../../shared/errors';
import { listDirSync, listEntriesSync } from './atomic';
import { CASES, ID_RE, JWE_FILE_RE, LOG_FILE_RE, isSyncJunk, rel } from './format';

/** What lies in one case folder (docs/VAULT-FORMAT.md §3, §14). */
export interface CaseFiles {
  /** `events/<name>`, `packs/<name>` and `logs/<name>` entries that belong to the vault. */
  files: string[];
  /** Names that are neither vault files nor known sync junk. */
  foreign: string[];
  junk: string[];
  /** Per file (and `key`): size and times. Equal stamps = unchanged since the index was written. */
  stamps: Map<string, string>;
}

/** The folders of a case folder; `logs` since format version 4 (docs/VAULT-FORMAT.md §9.8). */
export const CASE_SUBFOLDERS = ['events', 'packs', 'logs'] as const;

/** Names, sizes and times of a case's files in one comparable string. */
export function signatureOf(stamps: Map<string, string>): string {
  return [...stamps.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k}:${v}`)
    .join('|');
}

export function stampOf(s: { size: number; mtimeMs: number; ctimeMs: number }): string {
  return `${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
}

/** A path inside a case folder; an id that is not an id is no case at all. */
export function casePath(dir: string, caseId: string, ...rest: string[]): string {
  if (!ID_RE.test(caseId)) throw new BroError('NOT_FOUND', 'No such case', { detail: { caseId: 'invalid' } });
  return path.join(dir, CASES, caseId, ...rest);
}

/** The case folders, sorted, and stray names in `cases/`. */
export function listCaseIds(dir: string): { ids: string[]; junk: string[] } {
  const ids: string[] = [];
  const junk: string[] = [];
  for (const e of listEntriesSync(path.join(dir, CASES))) {
    if (ID_RE.test(e.name) && e.isDirectory()) ids.push(e.name);
    else junk.push(rel(CASES, e.name));
  }
  return { ids: ids.sort(), junk };
}

/**
 * Lists a case's files with their stamps. Synchronous system calls on purpose: the open path
 * makes a few per case, and thousands of thread-pool round trips cost more than the calls.
 */
export function caseFiles(dir: string, caseId: string): CaseFiles {
  const files: string[] = [];
  const foreign: string[] = [];
  const junk: string[] = [];
  const stamps = new Map<string, string>();
  // The id is checked once; the names below come from the folder's own listing.
  const base = casePath(dir, caseId);
  const at = (...rest: string[]) => (rest.length ? base + path.sep + rest.join(path.sep) : base);
  const statOrNull = (p: string) => statSync(p, { throwIfNoEntry: false }) ?? null;
  // The case folder is listed once with the entries' types, so a missing `events/` or `packs/`
  // (a case made since format 4 writes only `logs/`) costs no stat and no listing of its own.
  const top = new Map<string, Dirent>();
  for (const e of entriesOf(at())) top.set(e.name, e);
  for (const sub of CASE_SUBFOLDERS) {
    const e = top.get(sub);
    if (!e) continue;
    // A link (or a type the file system does not report) is followed, as `stat` does.
    const folder = e.isDirectory() || (!e.isFile() && statOrNull(at(sub))?.isDirectory() !== false);
    if (!folder) {
      foreign.push(sub);
      stamps.set(sub, 'foreign');
      continue;
    }
    for (const n of listDirSync(at(sub))) {
      if (sub === 'logs' ? LOG_FILE_RE.test(n) : JWE_FILE_RE.test(n)) {
        files.push(`${sub}/${n}`);
        const s = statOrNull(at(sub, n));
        stamps.set(`${sub}/${n}`, s ? stampOf(s) : 'gone');
      } else if (isSyncJunk(n)) junk.push(rel(CASES, caseId, sub, n));
      else {
        foreign.push(`${sub}/${n}`);
        stamps.set(`${sub}/${n}`, 'foreign');
      }
    }
  }
  for (const n of top.keys()) {
    // `blobs/` (§9.7) is not read with the case: its files are checked by `vault check`.
    if ((CASE_SUBFOLDERS as readonly string[]).includes(n) || n === 'key.jwe' || n === 'blobs') continue;
    if (isSyncJunk(n)) junk.push(rel(CASES, caseId, n));
    else {
      foreign.push(n);
      stamps.set(n, 'foreign');
    }
  }
  const k = statOrNull(at('key.jwe'));
  stamps.set('key.jwe', k ? stampOf(k) : 'missing');
  files.sort();
  return { files, foreign, junk, stamps };
}

/** A folder's entries with their types; none when it is missing or not a folder. */
function entriesOf(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw e;
  }
}
