#!/usr/bin/env node
// `npm start`: launches the desktop app. Until the app shell lands (the desktop-app issue),
// it says so plainly and points to what works today.
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');
const mainEntry = path.join(root, 'electron', 'main', 'index.ts');
if (!existsSync(mainEntry)) {
  console.error(`Skrivebordsappen til Bro er ikke ferdig ennå.

Det som virker nå, er kommandolinjen:
  npm run -s bro -- help
  npm run -s bro -- demo ./demo-arkiv --cases 20 --seed 1   (syntetiske data)
  npm run -s bro -- cases ./demo-arkiv

The Bro desktop app is not built yet; use the bro command above (see docs/CLI.md).`);
  process.exit(1);
}
await import(pathToFileURL(path.join(root, 'scripts', 'launch-electron.mjs')).href);

function pathToFileURL(p) {
  return new URL(`file://${p}`);
}
