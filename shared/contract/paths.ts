import type { OpName } from './index';

/**
 * What a path field names: a vault folder to open, a folder for a new vault, the service's
 * certificate, or a file only the command line may name (a letter to write, a PDF to read, a
 * certificate to create).
 */
export type PathKind = 'vaultFolder' | 'newVaultFolder' | 'certificate' | 'cliOnly';

export interface PathField {
  /** Where the field is in the op's input. */
  at: readonly string[];
  kind: PathKind;
}

/**
 * SECURITY: every input field of the one contract that names a file or folder on this machine.
 * The CLI (a person at a shell) may name any path. A renderer (Electron, the browser host) names
 * none: `call()` hands these fields to the calling door, which turns a folder or certificate into a
 * path only as that door allows (a handle from a main-process dialog; a folder given to the host
 * on its command line), and refuses `cliOnly` fields with VALIDATION (`PATH_NOT_ALLOWED`). The app
 * moves file content as bytes instead (`letters.verify` `pdf`, `letters.issue` without `out`).
 * tests/unit/paths.test.ts checks that no path-like field of the contract is missing here.
 */
export const PATH_FIELDS: Partial<Record<OpName, readonly PathField[]>> = {
  'vault.create': [{ at: ['dir'], kind: 'newVaultFolder' }],
  'vault.unlock': [{ at: ['dir'], kind: 'vaultFolder' }],
  'vault.forget': [{ at: ['dir'], kind: 'vaultFolder' }],
  'vault.demo': [{ at: ['dir'], kind: 'newVaultFolder' }],
  'members.request': [{ at: ['dir'], kind: 'vaultFolder' }],
  'settings.set': [{ at: ['signing', 'p12File'], kind: 'certificate' }],
  'letters.issue': [
    { at: ['out'], kind: 'cliOnly' },
    { at: ['p12', 'file'], kind: 'certificate' },
  ],
  'letters.verify': [{ at: ['file'], kind: 'cliOnly' }],
  'cert.test': [{ at: ['out'], kind: 'cliOnly' }],
  'innsyn.make': [{ at: ['out'], kind: 'cliOnly' }],
  'archive.make': [{ at: ['out'], kind: 'cliOnly' }],
  'dispatch.make': [{ at: ['out'], kind: 'cliOnly' }],
};
