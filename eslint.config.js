// ESLint flat config. typescript-eslint `recommended` without type information, so
// `eslint .` stays fast. No eslint-config-prettier: neither `recommended` set contains
// formatting rules any more, so there is nothing for Prettier to fight with.
//
// The layer rules at the bottom are the architecture's boundaries (see
// docs/ARCHITECTURE.md): a wrong import fails `npm test`. tests/unit/layers.test.ts
// proves that they bite.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const topLevelBuiltins = builtinModules.filter((m) => !m.includes('/')).map(escapeRegex);

/** What a layer may be forbidden to import: a regex over the import specifier. */
const TARGETS = {
  node: { what: 'Node built-ins', regex: `^(node:|(${topLevelBuiltins.join('|')})(/|$))` },
  electron: { what: "the 'electron' package", regex: '^electron(/|$)' },
  react: { what: 'React', regex: '^react(-dom)?(/|$)' },
  // A relative path that climbs out of the layer into electron/ or renderer/.
  electronDir: { what: 'code under electron/', regex: '^(\\./)?(\\.\\./)+electron(/|$)' },
  rendererDir: { what: 'code under renderer/', regex: '^(\\./)?(\\.\\./)+renderer(/|$)' },
};

// esquery (no-restricted-syntax) ends a regex literal at the first '/', so spell it \x2F there.
const selectorRegex = (regex) => regex.replaceAll('/', '\\x2F');

/**
 * Forbids `targets` in `files` for static imports and re-exports (no-restricted-imports)
 * and for `import()` / `require()` calls (no-restricted-syntax).
 */
function layer(name, why, files, targets, ignores = []) {
  const message = (t) => `${t.what} may not be imported in ${name}: ${why}`;
  return {
    name: `bro/layers/${name}`,
    files,
    ignores,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: targets.map((t) => ({ regex: t.regex, message: message(t) })) },
      ],
      'no-restricted-syntax': [
        'error',
        ...targets.flatMap((t) => [
          { selector: `ImportExpression[source.value=/${selectorRegex(t.regex)}/]`, message: message(t) },
          {
            selector: `CallExpression[callee.name='require'][arguments.0.value=/${selectorRegex(t.regex)}/]`,
            message: message(t),
          },
        ]),
      ],
    },
  };
}

const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const { node, electron, react, electronDir, rendererDir } = TARGETS;

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/out/',
    'release/',
    '**/coverage/',
    'test-results/',
    'playwright-report/',
    '.bench/',
    '.scratch/',
  ]),
  { files: ['**/*.{js,mjs,cjs,ts,tsx,mts,cts}'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'bro/base',
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    name: 'bro/globals/node',
    files: ['electron/**', 'scripts/**', 'bin/**', 'bench/**', 'tests/**', '*.config.{js,mjs,cjs,ts}'],
    languageOptions: { globals: globals.node },
  },
  { name: 'bro/globals/browser', files: ['renderer/**'], languageOptions: { globals: globals.browser } },

  // shared/ is pure TypeScript that runs anywhere: no Node, no DOM framework, no Electron.
  layer(
    'shared/',
    'it is pure code that runs anywhere; Node side effects belong in electron/services behind an interface',
    ['shared/**'],
    [node, electron, react, electronDir, rendererDir],
    TESTS,
  ),
  // Tests next to shared code run in Node (tsconfig.node.json), e.g. to read fixtures.
  layer(
    'shared/ tests',
    'tests of shared/ test the pure code, not the layers above it',
    TESTS.map((t) => `shared/${t}`),
    [electron, react, electronDir, rendererDir],
  ),
  // renderer/ talks to Node only through the API client.
  layer(
    'renderer/',
    'the renderer reaches Node only through the API client (window.bro / shared/contract)',
    ['renderer/**'],
    [node, electron, electronDir],
    TESTS,
  ),
  layer(
    'renderer/ tests',
    'the renderer reaches Node only through the API client (window.bro / shared/contract)',
    TESTS.map((t) => `renderer/${t}`),
    [electron, electronDir],
  ),
  // Only electron/main and electron/preload may import 'electron'; the rest runs in plain Node.
  layer(
    'electron/services, electron/cli and electron/host',
    "they run in plain Node (CLI, browser host, tests); only electron/main and electron/preload import 'electron'",
    ['electron/services/**', 'electron/cli/**', 'electron/host/**'],
    [electron],
  ),
]);
