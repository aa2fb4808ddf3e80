// `npm run web -- [--vault DIR] [--port N]`: the loopback browser host. Its first line on stdout
// is the URL to open (with the per-launch token); everything else goes to stderr.
import { homedir } from 'node:os';
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
åpnes. Den har en engangsnøkkel og virker én gang, bare så lenge denne prosessen kjører; når den
er brukt, skrives en ny lenke for en ny fane eller nettleser. Å laste siden på nytt virker uten ny lenke.
  --vault MAPPE   åpne opplåsingsbildet for saksarkivet i MAPPE (passordfrasen skrives i appen);
                  siden kan bare opprette eller åpne arkiv i MAPPE eller mapper under den
                  (uten --vault: under ~/Bro)
  --port N        fast port (ellers en tilfeldig ledig port)`);
  process.exit(0);
}

const staticDir = await ensureRendererBuilt(root, say);
const session = new Session({
  deviceId: localDeviceId(),
  settingsDir: values.settings ? path.resolve(values.settings) : 'default',
  ...(values.vault ? { vaultDir: path.resolve(values.vault) } : {}),
});
const host = await startHost({
  session,
  staticDir,
  port: values.port ? Number(values.port) : 0,
  // SECURITY: the page may name vault folders only here and below (the demo lives in the settings folder).
  folders: [values.vault ? path.resolve(values.vault) : path.join(homedir(), 'Bro')],
  onLink: (url) => say(`Lenken over er brukt. Ny engangslenke for en ny fane eller nettleser: ${url}`),
});
console.log(host.url);
say('Bro kjører. Åpne adressen over i nettleseren. Trykk Ctrl+C for å stoppe (arkivet låses).');

const stop = async () => {
  await host.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
