// Shared by the CLI test files: the real `bro` entry run in-process, and temp folders that are
// removed after the file's tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { main } from '../../../electron/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the CLI's JSON, checked by the assertions
  json: any;
}

/** Bro's own files (device id, unlock attempt records) for this test file, never the real profile. */
let configDir: string | null = null;
function testConfigDir(): string {
  if (configDir === null) {
    const dir = mkdtempSync(path.join(tmpdir(), 'bro-config-'));
    configDir = dir;
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
  }
  return configDir;
}

/**
 * Runs the real CLI entry in-process, capturing stdout/stderr, the exit code and the JSON.
 * BRO_CONFIG_DIR defaults to a temp folder of the test file (a test may pass its own).
 */
export async function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  let out = '';
  let err = '';
  const withConfig = { BRO_CONFIG_DIR: testConfigDir(), ...env };
  const code = await main(args, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    env: withConfig,
    isTTY: false,
  });
  let json: unknown;
  try {
    json = JSON.parse(out);
  } catch {
    json = undefined;
  }
  return { code, out, err, json };
}

/** A maker of temp folders with a recognisable prefix, all removed after the test file. */
export function tempDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(path.join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
}
