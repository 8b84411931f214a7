#!/usr/bin/env node
// `npm test`: every check, browsers included, ending with the line CI reads ("N passed, N failed").
// Steps: build both browsers → typecheck → lint → format → web-ext lint and CSP of the built extension → unit tests
// (vitest) → end-to-end in real Chromium and Firefox.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

let passed = 0;
let failed = 0;
const failures = [];

function run(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit' });
}

/** A step that is one check: it passes or fails as a whole. */
function check(label, command, args) {
  const ok = run(label, command, args).status === 0;
  if (ok) passed++;
  else {
    failed++;
    failures.push(label);
  }
  return ok;
}

const built = check('build (Chromium MV3 + Firefox MV2)', 'npm', ['run', '--silent', 'build']);
check('typecheck', 'npx', ['tsc', '--noEmit']);
check('lint (incl. layer boundaries)', 'npx', ['eslint', '.']);
check('format', 'npx', ['prettier', '--check', '.']);
if (built) check('web-ext lint (Firefox build) and extension CSP', 'node', ['scripts/lint-extension.mjs']);
else {
  failed++;
  failures.push('web-ext lint (skipped: build failed)');
}

// Unit tests: counted one by one from vitest's JSON report.
mkdirSync('test-artifacts', { recursive: true });
const report = 'test-artifacts/vitest.json';
rmSync(report, { force: true });
run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  // A file that fails to load has no failed tests of its own: count it once.
  failed += json.numFailedTests || json.numFailedTestSuites;
  if (json.numFailedTests || json.numFailedTestSuites) failures.push('unit tests');
} catch {
  failed++;
  failures.push('unit tests (no report)');
}

// End-to-end: one `node --test` per file, its output shown as it comes and counted from its summary. Each file has a
// deadline (20 minutes, and all of them together an hour; they take about eight): past it the file's process group is
// killed and the file counts as failed, so nothing can hold the run. Without a build there is nothing to load.
const E2E_FILES = [
  'tests/e2e/chromium.test.mjs',
  'tests/e2e/firefox.test.mjs',
  'tests/e2e/keys.test.mjs',
  'tests/e2e/reading.test.mjs',
  'tests/e2e/fidelity.test.mjs',
  'tests/e2e/a11y.test.mjs',
  'tests/e2e/security.test.mjs',
];
const E2E_FILE_DEADLINE = 20 * 60_000;
const E2E_TOTAL = 60 * 60_000;

/** Runs one e2e file; resolves with its output and exit status (null when killed at its deadline). */
function runE2eFile(file, deadline) {
  const args = [
    '--test',
    // No --test-timeout: it would also bound the whole file, killed at the limit with nothing said of the test that
    // hung. Each test and hook has its own deadline (tests/e2e/lib/deadlines.mjs), each file the one below. Once the
    // tests are done the file's process ends, whatever a failed test left open.
    '--test-force-exit',
    '--test-reporter=tap',
    file,
  ];
  console.log(`\n▶ end-to-end (real Chromium and Firefox): node ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn('node', args, { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.log(`\n✖ ${file} still running at its deadline (${Math.round(deadline / 60_000)} minutes): killed`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      child.stdout.destroy();
    }, deadline);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ output, status: timedOut ? null : status });
    });
  });
}

if (built) {
  const end = Date.now() + E2E_TOTAL;
  for (const file of E2E_FILES) {
    const { output, status } = await runE2eFile(file, Math.max(0, Math.min(E2E_FILE_DEADLINE, end - Date.now())));
    const count = (name) => Number(new RegExp(`^# ${name} (\\d+)`, 'm').exec(output)?.[1] ?? NaN);
    const [pass, fail] = [count('pass'), count('fail') + (count('cancelled') || 0)];
    if (status === null || Number.isNaN(pass) || Number.isNaN(fail)) {
      // Killed, or ended without a summary: the file counts as one failure.
      failed++;
      failures.push(`${file} (${status === null ? 'killed at its deadline' : 'no summary'})`);
    } else {
      passed += pass;
      failed += fail;
      if (fail || status !== 0) failures.push(file);
      if (!fail && status !== 0) failed++;
    }
  }
} else {
  failed++;
  failures.push('end-to-end (skipped: build failed)');
}

console.log(`\n${failures.length ? `failed: ${failures.join(', ')}` : 'all green'}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
