import path from 'node:path';
import { BroError } from '../../../shared/errors';
import type { SettingsInput } from '../../../shared/waiting/settings';
import { writeAtomic } from '../../services/vault/atomic';
import { readJsonFile, type Cli } from '../cli';

/** The `settings` input of the waiting-time operations from `--settings FILE` and `--saturday`. */
export async function settingsFromFlags(cli: Cli): Promise<{ settings?: SettingsInput }> {
  const fromFile = cli.flags.settings
    ? ((await readJsonFile(cli.flags.settings)) as SettingsInput)
    : undefined;
  if (!cli.flags.saturday) return fromFile ? { settings: fromFile } : {};
  const base = fromFile && typeof fromFile === 'object' ? fromFile : {};
  return { settings: { ...base, calendar: { ...base.calendar, saturday: true } } };
}

/**
 * Writes an output file atomically (temp file, fsync, rename), mode 0600: a failure leaves
 * nothing behind and never half a file.
 */
export async function writeOutput(file: string, bytes: Uint8Array | string): Promise<string> {
  const full = path.resolve(file);
  try {
    await writeAtomic(full, bytes);
  } catch {
    throw new BroError('IO', 'Could not write the output file', { detail: { reason: 'WRITE' } });
  }
  return full;
}

export function needOption(value: string | undefined, usage: string): string {
  if (value === undefined || value === '') throw new BroError('USAGE', usage);
  return value;
}
