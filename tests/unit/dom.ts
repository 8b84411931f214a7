import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

/** A fixture page from tests/fixtures as a jsdom Document at `url`. */
export function fixtureDocument(name: string, url: string): Document {
  const html = readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
  return new JSDOM(html, { url }).window.document;
}

export function htmlDocument(html: string, url = 'https://news.example/story'): Document {
  return new JSDOM(html, { url }).window.document;
}
