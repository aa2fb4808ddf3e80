// The layer boundaries (docs/ARCHITECTURE.md) are lint rules in eslint.config.js. These
// tests run the real ESLint with the real config on code placed at paths in each layer,
// so a rule that silently stops matching is caught here, not in review.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.js') });

/** Lints `code` as if it lived at `file` (relative to the root); returns the rule id of each error. */
async function lintErrors(code: string, file: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  if (!result) throw new Error(`ESLint returned no result for ${file}`);
  return result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId);
}

const nodeFs = "import fs from 'node:fs';\nexport const read = fs.readFileSync;\n";
const bareFs = "import { readFile } from 'fs/promises';\nexport const read = readFile;\n";
const electronApp = "import { app } from 'electron';\nexport const ready = () => app.whenReady();\n";
const react = "import { useState } from 'react';\nexport const hook = useState;\n";

describe('layer boundaries fail lint', () => {
  it.each([
    ['node:fs in shared/', nodeFs, 'shared/domain/example.ts'],
    ['a bare Node built-in in shared/', bareFs, 'shared/domain/example.ts'],
    ['electron in shared/', electronApp, 'shared/domain/example.ts'],
    ['react in shared/', react, 'shared/domain/example.ts'],
    [
      'electron/services from shared/',
      "import { open } from '../electron/services/x';\nexport const o = open;\n",
      'shared/example.ts',
    ],
    [
      'electron/services from deeper in shared/',
      "export { open } from '../../electron/services/vault/x';\n",
      'shared/domain/example.ts',
    ],
    [
      'renderer/ from shared/',
      "import { App } from '../../renderer/app';\nexport const a = App;\n",
      'shared/domain/example.ts',
    ],
    ['electron in a shared/ test', electronApp, 'shared/domain/example.test.ts'],
    ['electron in electron/services/', electronApp, 'electron/services/vault/example.ts'],
    ['electron in electron/cli/', electronApp, 'electron/cli/example.ts'],
    ['electron in electron/host/', electronApp, 'electron/host/example.ts'],
    ['node:fs in renderer/', nodeFs, 'renderer/features/cases/Example.tsx'],
    ['electron in renderer/', electronApp, 'renderer/features/cases/Example.tsx'],
    [
      'electron/ from renderer/',
      "import { open } from '../../../electron/services/vault/x';\nexport const o = open;\n",
      'renderer/features/cases/Example.tsx',
    ],
  ])('%s', async (_name, code, file) => {
    expect(await lintErrors(code, file)).toEqual(['no-restricted-imports']);
  });

  it('catches dynamic import() and require() as well', async () => {
    const code =
      "export const load = () => import('node:fs');\nexport const req = () => require('electron');\n";
    expect(await lintErrors(code, 'shared/domain/example.ts')).toContain('no-restricted-syntax');
    expect(
      await lintErrors("export const e = () => import('electron');\n", 'electron/services/x.ts'),
    ).toEqual(['no-restricted-syntax']);
  });
});

describe('allowed imports pass lint', () => {
  it.each([
    ['electron in electron/main/', electronApp, 'electron/main/window.ts'],
    ['electron in electron/preload/', electronApp, 'electron/preload/index.ts'],
    ['node:fs in electron/services/', nodeFs, 'electron/services/vault/example.ts'],
    [
      'packages and sibling modules in shared/',
      "import { z } from 'zod';\nimport { isoDate } from './common';\nimport { fold } from '../events/fold';\nexport const all = [z, isoDate, fold];\n",
      'shared/domain/example.ts',
    ],
    ['node:fs in a shared/ test (tests run in Node)', nodeFs, 'shared/domain/example.test.ts'],
    [
      'shared/ from renderer/',
      "import { caseDoc } from '../../../shared/domain/caseDoc';\nexport const schema = caseDoc;\n",
      'renderer/features/cases/Example.tsx',
    ],
  ])('%s', async (_name, code, file) => {
    expect(await lintErrors(code, file)).toEqual([]);
  });
});
