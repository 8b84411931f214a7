#!/usr/bin/env node
// Prints the Article that Lectern's extraction makes of an HTML file: npm run extract -- page.html --url https://…
// It never throws: unreadable input (missing, empty, binary, a broken .gz) gets one line on stderr and exit status 2;
// a page without an article prints `null` and exits with 1.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';

/** Fails with one line on stderr (no stack: the message is for the person who typed the command). */
function fail(message, status = 2) {
  console.error(`extract: ${message}`);
  process.exit(status);
}

/** The file's text, or a failure saying why it can't be a page. */
function readPage(file) {
  let raw;
  try {
    raw = readFileSync(file);
    if (file.endsWith('.gz')) raw = gunzipSync(raw);
  } catch (error) {
    fail(`${file}: ${error.code === 'ENOENT' ? 'no such file' : (error.message ?? String(error)).split('\n')[0]}`);
  }
  // A NUL byte in the first 8 kB: an image, an archive, a PDF, not text (git's test for binary files).
  if (raw.subarray(0, 8192).includes(0)) fail(`${file}: a binary file, not an HTML page`);
  const html = raw.toString('utf8');
  if (!html.trim()) fail(`${file}: empty`);
  return html;
}

let values, positionals;
try {
  ({ values, positionals } = parseArgs({ options: { url: { type: 'string' } }, allowPositionals: true }));
} catch (error) {
  fail(error.message);
}
const file = positionals[0];
if (!file) fail('usage: npm run extract -- <file.html[.gz]> [--url <url>]');
const html = readPage(file);
const url = values.url ?? 'https://example.invalid/';
try {
  new URL(url);
} catch {
  fail(`--url ${url}: not an absolute address`);
}

let vite;
try {
  const { sourceLoader } = await import('./lib/source.mjs');
  // Vite's SSR loader runs the TypeScript module exactly as written, with the project's path aliases.
  vite = await sourceLoader(process.cwd());
  const { JSDOM } = await import('jsdom');
  const { extractArticle } = await vite.ssrLoadModule('/utils/extract/index.ts');
  // Parsed the way the reader parses a page's snapshot: by DOMParser, into a document without a window, where no
  // stylesheet is parsed (jsdom throws on CSS it can't parse, e.g. `calc(($a - $b) / 16)`) and no script runs. The
  // sanitizer then borrows the global window's DOM, as it borrows the reader's in the browser.
  const { window } = new JSDOM('', { url });
  globalThis.window = window;
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  const article = extractArticle(doc, url);
  process.stdout.write(JSON.stringify(article, null, 2) + '\n');
  if (!article) {
    console.error(`extract: ${file}: no article found`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`extract: ${file}: ${(error?.message ?? String(error)).split('\n')[0]}`);
  process.exitCode = 2;
} finally {
  await vite?.close();
}
