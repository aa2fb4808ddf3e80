// `npm test`: every check the project has, in one run, each step's output streamed.
//   typecheck   one test per tsconfig.<layer>.json
//   eslint      one test for the whole tree
//   prettier    one test for the whole tree
//   vitest      counted from its JSON report
//   playwright  counted from its JSON report (only when playwright.config.ts exists)
// Every step runs even when an earlier one failed, so one run shows everything. The last
// line is always `N passed, N failed` (plus `, N skipped` when something was skipped);
// the exit code is 1 when anything failed. A step that crashes without a report counts
// as one failed test.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { layerConfigs, root, typecheck } from './typecheck.mjs';

/** The CLI script of an installed package, from its package.json `bin`. */
function binOf(pkg, name) {
  const manifest = path.join(root, 'node_modules', pkg, 'package.json');
  if (!existsSync(manifest)) throw new Error(`${pkg} is not installed (run npm ci)`);
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin[name]);
}

/** Runs a Node CLI with inherited stdio; resolves to its exit code (null when killed by a signal). */
function runNode(args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    child.on('error', (err) => {
      console.error(`could not start: ${err.message}`);
      resolve(null);
    });
    child.on('close', (code) => resolve(code));
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const result = (passed, failed, skipped = 0, note = '') => ({ passed, failed, skipped, note });
const crashed = (code) => result(0, 1, 0, `exited ${code ?? 'by signal'} without a report`);
const exitedWithoutFailure = (r, code) =>
  code !== 0 && r.failed === 0 ? { ...r, failed: 1, note: `exited ${code ?? 'by signal'}` } : r;

async function typecheckSuite() {
  let passed = 0;
  let failed = 0;
  for (const config of layerConfigs()) {
    if (await typecheck(config)) passed++;
    else failed++;
  }
  return result(passed, failed);
}

async function wholeTree(args) {
  const code = await runNode(args);
  return code === 0 ? result(1, 0) : result(0, 1, 0, `exit ${code ?? 'by signal'}`);
}

async function vitestSuite(reportDir) {
  const report = path.join(reportDir, 'vitest.json');
  const code = await runNode([
    binOf('vitest', 'vitest'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  const json = readJson(report);
  if (!json) return crashed(code);
  // A test file that fails to load has no failing test in it, but is a failure.
  const brokenFiles = (json.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
  const r = result(
    json.numPassedTests ?? 0,
    (json.numFailedTests ?? 0) + brokenFiles,
    (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
    brokenFiles ? `${brokenFiles} file(s) failed to run` : '',
  );
  return exitedWithoutFailure(r, code);
}

async function playwrightSuite(reportDir) {
  const report = path.join(reportDir, 'playwright.json');
  const code = await runNode([binOf('@playwright/test', 'playwright'), 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: report,
  });
  const json = readJson(report);
  if (!json?.stats) return crashed(code);
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = json.stats;
  const errors = json.errors?.length ?? 0;
  const r = result(expected + flaky, unexpected, skipped, errors ? `${errors} error(s) outside tests` : '');
  return exitedWithoutFailure(r, code);
}

const steps = [
  ['typecheck', () => typecheckSuite()],
  ['eslint', () => wholeTree([binOf('eslint', 'eslint'), '.'])],
  ['prettier', () => wholeTree([binOf('prettier', 'prettier'), '--check', '.'])],
  ['vitest', (dir) => vitestSuite(dir)],
];
if (existsSync(path.join(root, 'playwright.config.ts'))) {
  steps.push(['playwright', (dir) => playwrightSuite(dir)]);
}

const reportDir = mkdtempSync(path.join(os.tmpdir(), 'bro-test-'));
const suites = [];
try {
  for (const [name, step] of steps) {
    console.log(`\n=== ${name} ===`);
    let r;
    try {
      r = await step(reportDir);
    } catch (err) {
      console.error(err instanceof Error ? err.message : err);
      r = result(0, 1, 0, 'crashed');
    }
    suites.push({ name, ...r });
  }
} finally {
  rmSync(reportDir, { recursive: true, force: true });
}

const total = (key) => suites.reduce((sum, s) => sum + s[key], 0);
const rows = [
  ['suite', 'passed', 'failed', 'skipped', ''],
  ...suites.map((s) => [s.name, s.passed, s.failed, s.skipped, s.note]),
];
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => String(row[i]).length)));
console.log('\n=== summary ===');
for (const row of rows) {
  const cells = row
    .slice(0, 4)
    .map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i])));
  console.log(`${cells.join('  ')}${row[4] ? `  ${row[4]}` : ''}`);
}
const [passed, failed, skipped] = [total('passed'), total('failed'), total('skipped')];
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 ? 1 : 0;
