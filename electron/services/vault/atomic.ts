import { constants } from 'node:fs';
import { open as openFile, rename, unlink, readdir, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** Temp files are named `.tmp-<random>`: never a hint of what is inside. */
export const TEMP_PREFIX = '.tmp-';

async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open directories for fsync; there rename is durable enough (NTFS journal).
  if (process.platform === 'win32') return;
  const fh = await openFile(dir, constants.O_RDONLY);
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export interface WriteOptions {
  /** Skip fsync (for rebuildable caches). */
  durable?: boolean;
}

/**
 * Writes a file so that a crash leaves either the whole new file or nothing:
 * temp file in the same folder, fsync, rename, fsync the folder.
 */
export async function writeAtomic(file: string, data: string | Uint8Array, opts: WriteOptions = {}): Promise<void> {
  const durable = opts.durable ?? true;
  const dir = path.dirname(file);
  const tmp = path.join(dir, TEMP_PREFIX + randomBytes(8).toString('hex'));
  const fh = await openFile(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    await fh.writeFile(data);
    if (durable) await fh.sync();
  } catch (e) {
    await fh.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw e;
  }
  await fh.close();
  try {
    // Immutable files have random or content-derived names, so rename never replaces different content.
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
  if (durable) await fsyncDir(dir);
}

/** Appends one line and makes it durable (audit log). */
export async function appendDurable(file: string, line: string): Promise<void> {
  const fh = await openFile(file, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND, 0o600);
  try {
    await fh.write(line.endsWith('\n') ? line : line + '\n');
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

export async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}
