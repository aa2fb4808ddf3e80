#!/usr/bin/env node
// Reads the fuses back from a packaged Bro and compares them with build/electron-builder.config.mjs.
// Run after `npm run dist` on the machine that built it:
//   node scripts/verify-fuses.mjs release/linux-unpacked/bro
//   node scripts/verify-fuses.mjs release/mac-arm64/Bro.app
//   node scripts/verify-fuses.mjs release/win-unpacked/Bro.exe
// Exit code 0 when every fuse is as configured, 1 otherwise.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FUSES } from '../build/electron-builder.config.mjs';

const require = createRequire(import.meta.url);

/** electron-builder's option names → @electron/fuses' FuseV1Options names. */
export const FUSE_NAMES = {
  runAsNode: 'RunAsNode',
  enableCookieEncryption: 'EnableCookieEncryption',
  enableNodeOptionsEnvironmentVariable: 'EnableNodeOptionsEnvironmentVariable',
  enableNodeCliInspectArguments: 'EnableNodeCliInspectArguments',
  enableEmbeddedAsarIntegrityValidation: 'EnableEmbeddedAsarIntegrityValidation',
  onlyLoadAppFromAsar: 'OnlyLoadAppFromAsar',
  loadBrowserProcessSpecificV8Snapshot: 'LoadBrowserProcessSpecificV8Snapshot',
  grantFileProtocolExtraPrivileges: 'GrantFileProtocolExtraPrivileges',
};

/** Compares a fuse wire (from getCurrentFuseWire) with FUSES; returns the list of mismatches. */
export function compareFuses(wire, FuseV1Options, FuseState) {
  const problems = [];
  for (const [option, expected] of Object.entries(FUSES)) {
    const index = FuseV1Options[FUSE_NAMES[option]];
    const state = wire[index];
    const actual = state === FuseState.ENABLE ? true : state === FuseState.DISABLE ? false : undefined;
    if (actual !== expected) problems.push(`${option}: expected ${expected}, found ${actual ?? 'missing'}`);
  }
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: node scripts/verify-fuses.mjs <packaged executable or .app>');
    process.exit(2);
  }
  const fuses = require('@electron/fuses');
  const { FuseState } = require('@electron/fuses/dist/constants');
  const wire = await fuses.getCurrentFuseWire(path.resolve(target));
  const problems = compareFuses(wire, fuses.FuseV1Options, FuseState);
  for (const p of problems) console.error(`fuse mismatch: ${p}`);
  console.log(problems.length === 0 ? 'all fuses as configured' : `${problems.length} fuse(s) differ`);
  process.exit(problems.length === 0 ? 0 : 1);
}
