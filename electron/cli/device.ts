import { privateConf } from '../services/device/private';
import { randomId } from '../services/vault/crypto';

/**
 * This machine's device id, kept in the user's local settings (`folder`, or the per-user config
 * folder) (never in the vault folder's
 * file names beyond the id itself). Each device writes only files it names, so devices never collide.
 */
export function localDeviceId(folder?: string): string {
  try {
    const store = privateConf<{ deviceId?: string }>({
      configName: 'device',
      ...(folder ? { cwd: folder } : {}),
    });
    let id = store.get('deviceId');
    if (!id || !/^[a-z2-7]{26}$/.test(id)) {
      id = randomId();
      store.set('deviceId', id);
    }
    return id;
  } catch {
    // Read-only home or similar: a fresh id per run is still correct, only less tidy.
    return randomId();
  }
}
