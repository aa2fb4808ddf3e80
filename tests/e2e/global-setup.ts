import path from 'node:path';
import { ensureRendererBuilt } from '../../electron/host/build';

/** Builds the renderer once (only when its sources changed), before any test starts a host. */
export default async function globalSetup(): Promise<void> {
  await ensureRendererBuilt(path.resolve(import.meta.dirname, '..', '..'), (line) => console.log(line));
}
