// `npm run web -- [--vault DIR] [--port N]`: the loopback browser host. Its first line on stdout
// is the URL to open (with the per-launch token); everything else goes to stderr.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { localDeviceId } from '../cli/device';
import { Session } from '../services/session';
import { ensureRendererBuilt } from './build';
import { startHost } from './server';

const root = path.resolve(import.meta.dirname, '..', '..');
const say = (line: string) => process.stderr.write(`${line}\n`);

const { values } = parseArgs({
  options: {
    vault: { type: 'string' },
    port: { type: 'string' },
    // Tests keep settings in a temp folder; people use the per-user settings folder.
    settings: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  say(`npm run web -- [--vault MAPPE] [--port N]

Starter Bro i nettleseren på denne maskinen (127.0.0.1). Den første linjen er adressen som skal
åpnes; den har en engangsnøkkel (token) og virker bare så lenge denne prosessen kjører.
  --vault MAPPE   åpne opplåsingsbildet for saksarkivet i MAPPE (passordfrasen skrives i appen)
  --port N        fast port (ellers en tilfeldig ledig port)`);
  process.exit(0);
}

const staticDir = await ensureRendererBuilt(root, say);
const session = new Session({
  deviceId: localDeviceId(),
  settingsDir: values.settings ? path.resolve(values.settings) : 'default',
  ...(values.vault ? { vaultDir: path.resolve(values.vault) } : {}),
});
const host = await startHost({ session, staticDir, port: values.port ? Number(values.port) : 0 });
console.log(host.url);
say('Bro kjører. Åpne adressen over i nettleseren. Trykk Ctrl+C for å stoppe (arkivet låses).');

const stop = async () => {
  await host.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
