import { digestId } from './crypto';

/**
 * Case-shaped containers that are not cases, by name: the registers (electron/services/registers,
 * docs/VAULT-FORMAT.md §10.4). Each lives at `cases/<containerId(name, vaultId)>`: it is checked,
 * compacted, synced and re-keyed like a case, and kept out of the case list and the index.
 */
export const CONTAINERS = ['bro-registers-v1'] as const;
export type ContainerName = (typeof CONTAINERS)[number];

/** The fixed folder id of a container: the same on every device, derived from the vault id. */
export function containerId(name: ContainerName, vaultId: string): string {
  return digestId([name, vaultId]);
}

/** The folder ids of every container of a vault. */
export function containerIds(vaultId: string): ReadonlySet<string> {
  return new Set(CONTAINERS.map((n) => containerId(n, vaultId)));
}

/** The kid of a container's first data key (its key itself is a subkey of the master key). */
export function containerKeyId(name: ContainerName, vaultId: string): string {
  return digestId([name, vaultId, 'key']);
}
