#!/usr/bin/env node
// Prints the Article that Lectern's extraction makes of an HTML file: npm run extract -- page.html --url https://…
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';

const { values, positionals } = parseArgs({ options: { url: { type: 'string' } }, allowPositionals: true });
const file = positionals[0];
if (!file) {
  console.error('usage: npm run extract -- <file.html[.gz]> [--url <url>]');
  process.exit(2);
}
const raw = readFileSync(file);
const html = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
const url = values.url ?? 'https://example.invalid/';

// Vite's SSR loader runs the TypeScript module exactly as written, with the project's path aliases.
const vite = await createServer({
  configFile: false,
  logLevel: 'error',
  server: { middlewareMode: true },
  resolve: { alias: { '@': process.cwd() } },
});
try {
  const { JSDOM } = await import('jsdom');
  const { extractArticle } = await vite.ssrLoadModule('/utils/extract/index.ts');
  const article = extractArticle(new JSDOM(html, { url }).window.document, url);
  process.stdout.write(JSON.stringify(article, null, 2) + '\n');
  if (!article) process.exitCode = 1;
} finally {
  await vite.close();
}
