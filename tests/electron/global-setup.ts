import { buildElectron } from '../../scripts/build-electron.mjs';
import { electronSkipReason } from './door';

/**
 * Before the Electron project: bundle main and preload once (the renderer is built by the e2e
 * global setup), or say once, plainly, why the Electron tests will skip.
 */
export default async function electronGlobalSetup(): Promise<void> {
  const reason = electronSkipReason();
  if (reason) {
    console.log(reason);
    return;
  }
  await buildElectron();
}
