// A real browser host in its own process, for tests that must see whether it survives (the fuzz
// suite). Prints `<port> <token>` once listening. Arguments: a temp folder, and JSON body limits.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startHost } from '../../../electron/host/server';
import { Session } from '../../../electron/services/session';

const [root, limits] = process.argv.slice(2) as [string, string | undefined];
const staticDir = path.join(root, 'static');
mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Bro</title>');
writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'export {};');
mkdirSync(path.join(root, 'settings'), { recursive: true });
const session = new Session({ kdf: { N: 2 ** 10, r: 8, p: 1 }, settingsDir: path.join(root, 'settings') });
const host = await startHost({
  session,
  staticDir,
  folders: [root],
  ...(limits ? { limits: JSON.parse(limits) as { body?: number; bodies?: number } } : {}),
});
process.stdout.write(`${host.port} ${host.token}\n`);
