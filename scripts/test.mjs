#!/usr/bin/env node
// `npm test`: every check, browsers included, ending with the line CI reads ("N passed, N failed").
// Steps: build both browsers → typecheck → lint → format → web-ext lint and CSP of the built extension → unit tests
// (vitest) → end-to-end in real Chromium and Firefox.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

let passed = 0;
let failed = 0;
const failures = [];

function run(label, command, args, { capture = false } = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
  });
  if (capture) process.stdout.write(result.stdout ?? '');
  return result;
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

// End-to-end: counted from node's test runner summary. Without a build there is nothing to load.
if (built) {
  const e2e = run(
    'end-to-end (real Chromium and Firefox)',
    'node',
    [
      '--test',
      '--test-concurrency=1',
      // A test that stops getting answers fails after five minutes instead of holding the run.
      '--test-timeout=300000',
      '--test-reporter=tap',
      'tests/e2e/chromium.test.mjs',
      'tests/e2e/firefox.test.mjs',
      'tests/e2e/keys.test.mjs',
      'tests/e2e/reading.test.mjs',
      'tests/e2e/a11y.test.mjs',
      'tests/e2e/security.test.mjs',
    ],
    { capture: true },
  );
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)`, 'm').exec(e2e.stdout ?? '')?.[1] ?? NaN);
  const [pass, fail] = [count('pass'), count('fail') + (count('cancelled') || 0)];
  if (Number.isNaN(pass) || Number.isNaN(fail)) {
    failed++;
    failures.push('end-to-end (no summary)');
  } else {
    passed += pass;
    failed += fail;
    if (fail || e2e.status !== 0) failures.push('end-to-end');
    if (!fail && e2e.status !== 0) failed++;
  }
} else {
  failed++;
  failures.push('end-to-end (skipped: build failed)');
}

console.log(`\n${failures.length ? `failed: ${failures.join(', ')}` : 'all green'}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
