import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { BroError } from '../../../shared/errors';
import { FORMAT_NAME, FORMAT_VERSION, VAULT_FILE, vaultHeader, type VaultHeader } from './format';
import { parseSealed } from './keys';

/** Reads the public header; refuses a vault from a newer Bro instead of guessing. */
export async function readVaultHeader(dir: string): Promise<VaultHeader> {
  let raw: string;
  try {
    raw = await readFile(path.join(dir, VAULT_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new BroError('VAULT_NOT_FOUND', 'No vault in this folder', { detail: { file: VAULT_FILE } });
    throw new BroError('IO', 'Could not read the vault header', { detail: { file: VAULT_FILE } });
  }
  let json: { format?: unknown; version?: unknown } | null = null;
  try {
    json = JSON.parse(raw) as { format?: unknown; version?: unknown };
  } catch {
    /* reported as damaged below */
  }
  const version = json?.version;
  if (json?.format === FORMAT_NAME && typeof version === 'number' && version > FORMAT_VERSION)
    throw new BroError(
      'VAULT_NEWER_FORMAT',
      `The vault uses format ${version}; this Bro reads up to ${FORMAT_VERSION}`,
      {
        detail: { file: VAULT_FILE, version, supported: FORMAT_VERSION },
      },
    );
  return parseSealed(raw, vaultHeader, VAULT_FILE);
}

/** Reads a sealed key file (vault-relative path); a missing or changed one is VAULT_DAMAGED. */
export async function readSealed<T>(dir: string, file: string, schema: z.ZodType<T>): Promise<T> {
  let raw: string;
  try {
    raw = await readFile(path.join(dir, ...file.split('/')), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new BroError('VAULT_DAMAGED', 'A key file is missing', { detail: { file } });
    throw new BroError('IO', 'Could not read a key file', { detail: { file } });
  }
  return parseSealed(raw, schema, file);
}
