#!/usr/bin/env node
// The built extension as a store would see it: `web-ext lint` on the Firefox build (fails on any error; warnings are
// listed, and explained in the README), and the extension pages' Content-Security-Policy in both built manifests
// (script only from the extension itself: no 'unsafe-inline', no 'unsafe-eval', no remote or wildcard source).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const problems = [];

const lint = spawnSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--output', 'json'], {
  encoding: 'utf8',
});
let report;
try {
  report = JSON.parse(lint.stdout);
} catch {
  problems.push(`web-ext lint gave no JSON report (exit ${lint.status}): ${lint.stderr || lint.stdout}`);
}
if (report) {
  const { errors, warnings, notices } = report.summary;
  console.log(`web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices`);
  for (const kind of ['errors', 'warnings', 'notices']) {
    for (const m of report[kind]) console.log(`  ${kind.slice(0, -1)} ${m.code} ${m.file ?? ''}: ${m.message}`);
  }
  if (errors > 0) problems.push(`web-ext lint: ${errors} errors`);
}

/** What is wrong with an extension-pages CSP, if anything. */
function cspProblems(csp) {
  const found = [];
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name.toLowerCase(), sources]),
  );
  const scriptSources = directives.get('script-src') ?? directives.get('default-src');
  if (!scriptSources) found.push('no script-src');
  const objectSources = directives.get('object-src') ?? directives.get('default-src');
  if (!objectSources) found.push('no object-src');
  for (const [name, sources] of directives) {
    // Where code, plugins, frames or connections come from: only the extension itself.
    const codeLike = /^(default|script|script-src-elem|script-src-attr|object|worker|connect|frame|child)(-src)?$/;
    for (const source of sources) {
      const s = source.toLowerCase();
      if (s === "'unsafe-inline'" || s === "'unsafe-eval'" || s === "'unsafe-hashes'") found.push(`${name} ${source}`);
      else if (codeLike.test(name) && !["'self'", "'none'", "'wasm-unsafe-eval'"].includes(s))
        found.push(`${name} allows ${source}`);
    }
  }
  return found;
}

const manifests = {
  chromium: JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8')),
  firefox: JSON.parse(readFileSync('.output/firefox-mv2/manifest.json', 'utf8')),
};
const policies = {
  chromium: manifests.chromium.content_security_policy?.extension_pages,
  firefox: manifests.firefox.content_security_policy,
};
for (const [browser, csp] of Object.entries(policies)) {
  if (typeof csp !== 'string') {
    problems.push(`${browser}: the manifest declares no extension-pages CSP`);
    continue;
  }
  console.log(`${browser} extension pages CSP: ${csp}`);
  for (const problem of cspProblems(csp)) problems.push(`${browser} CSP: ${problem}`);
}

if (problems.length) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  process.exit(1);
}
console.log('✓ no lint errors; extension pages run only their own scripts');
