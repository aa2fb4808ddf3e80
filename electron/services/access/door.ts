import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { OpName } from '../../../shared/contract';
import { PATH_FIELDS, type PathKind } from '../../../shared/contract/paths';
import { BroError } from '../../../shared/errors';
import { randomId } from '../vault/crypto';

/**
 * Who is calling `call()`. The CLI acts for a person at a shell and names any path. The Electron
 * window and the browser host serve a renderer, which is untrusted: a script injected into it, or
 * a page that got hold of the host's session, must not make Bro read, write or create files
 * wherever it likes. For those doors every path field of the contract (shared/contract/paths.ts)
 * goes through `resolve`, which answers with a real path or null (refused).
 */
export interface Door {
  readonly name: 'cli' | 'host' | 'electron';
  resolve(kind: Exclude<PathKind, 'cliOnly'>, ref: string): string | null;
}

/** The command line: paths are the user's own words. */
export const CLI_DOOR: Door = { name: 'cli', resolve: (_kind, ref) => ref };

/** The real path of `p`, or of its deepest existing ancestor with the rest appended (symlinks resolved). */
function realish(p: string): string {
  const rest: string[] = [];
  let cur = path.resolve(p);
  for (;;) {
    try {
      return path.join(realpathSync(cur), ...rest.reverse());
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return path.resolve(p);
      rest.push(path.basename(cur));
      cur = parent;
    }
  }
}

/** Whether `child` is `root` or lies below it. */
export function isInside(child: string, root: string): boolean {
  const rel = path.relative(root, child);
  return rel === '' || (rel.split(path.sep)[0] !== '..' && !path.isAbsolute(rel));
}

/**
 * The browser host: a vault folder is the one given on its command line or one below a folder
 * given there (symlinks resolved, so a link inside cannot point out). A relative name is taken
 * below the first folder. Certificates are not named by path here: the page sends the P12's bytes.
 */
export function hostDoor(folders: readonly string[]): Door {
  const roots = folders.map((f) => path.resolve(f));
  return {
    name: 'host',
    resolve(kind, ref) {
      if (kind === 'certificate' || roots.length === 0 || ref.includes('\0')) return null;
      const full = path.resolve(roots[0]!, ref);
      // SECURITY: lexically and after resolving symlinks, the folder must lie inside a root.
      const inside = roots.some((r) => isInside(full, r) && isInside(realish(full), realish(r)));
      return inside ? full : null;
    },
  };
}

/**
 * Files and folders the user chose in a main-process dialog (Electron), each known to the renderer
 * only by a random handle. A handle is good for the kind it was chosen as, in this process only.
 */
export class PickedFiles {
  private readonly byHandle = new Map<string, { kind: Exclude<PathKind, 'cliOnly'>; path: string }>();

  add(kind: Exclude<PathKind, 'cliOnly'>, file: string): string {
    const handle = randomId();
    this.byHandle.set(handle, { kind, path: path.resolve(file) });
    return handle;
  }

  get(handle: string, kind: Exclude<PathKind, 'cliOnly'>): string | null {
    const picked = this.byHandle.get(handle);
    return picked && picked.kind === kind ? picked.path : null;
  }
}

/** The Electron window: a path field holds a handle from `files.pick` (a main-process dialog), nothing else. */
export function electronDoor(picked: PickedFiles): Door {
  return { name: 'electron', resolve: (kind, ref) => picked.get(ref, kind) };
}

function getAt(obj: unknown, at: readonly string[]): unknown {
  let cur = obj;
  for (const k of at) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, k)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

function setAt(obj: unknown, at: readonly string[], value: string): unknown {
  const [k, ...rest] = at;
  const o = obj as Record<string, unknown>;
  return { ...o, [k!]: rest.length === 0 ? value : setAt(o[k!], rest, value) };
}

/**
 * The validated input of `op` as the handler may see it from `door`: every path field turned into
 * a real path by the door, or VALIDATION (`PATH_NOT_ALLOWED`, with the field's path) when the door
 * does not allow it. The CLI's input passes unchanged.
 */
export function throughDoor(op: OpName, input: unknown, door: Door): unknown {
  if (door.name === 'cli') return input;
  let out = input;
  for (const field of PATH_FIELDS[op] ?? []) {
    const value = getAt(out, field.at);
    // An empty certificate setting clears it: nothing is named.
    if (value === undefined || value === null || value === '') continue;
    const resolved =
      typeof value === 'string' && field.kind !== 'cliOnly' ? door.resolve(field.kind, value) : null;
    if (resolved === null)
      throw new BroError('VALIDATION', 'This door does not name files by path', {
        issues: [{ path: [...field.at], code: 'PATH_NOT_ALLOWED' }],
      });
    out = setAt(out, field.at, resolved);
  }
  return out;
}
