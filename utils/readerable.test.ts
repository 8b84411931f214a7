import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { describe, expect, it } from 'vitest';
import { isReaderable } from './readerable';

const CORPUS = new URL('../../shared/corpus/scrapinghub-dev/html/', import.meta.url);
const FIXTURES = new URL('../tests/fixtures/', import.meta.url);
// Stylesheet text dropped (the elements stay): neither check reads stylesheets, and jsdom throws on some pages' CSS.
const doc = (html: string): Document =>
  new JSDOM(html.replace(/(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi, '$1$2'), { virtualConsole: new VirtualConsole() })
    .window.document;
const para = (n: number, attrs = ''): string => `<p ${attrs}>${'word '.repeat(n)}</p>`;

describe('isReaderable: the same answer as Readability’s isProbablyReaderable', () => {
  it('on every real page of the corpus and every fixture page', () => {
    const pages = [
      ...readdirSync(CORPUS).map((f) => gunzipSync(readFileSync(new URL(f, CORPUS))).toString('utf8')),
      ...readdirSync(FIXTURES)
        .filter((f) => f.endsWith('.html'))
        .map((f) => readFileSync(new URL(f, FIXTURES), 'utf8')),
    ];
    expect(pages.length).toBeGreaterThan(80);
    let articles = 0;
    for (const html of pages) {
      const d = doc(html);
      const expected = isProbablyReaderable(d);
      expect(isReaderable(d)).toBe(expected);
      if (expected) articles++;
    }
    // Both answers occur, so the comparison means something.
    expect(articles).toBeGreaterThan(0);
    expect(articles).toBeLessThan(pages.length);
  }, 60_000);

  const cases: Record<string, string> = {
    empty: '',
    'one long paragraph (score under 20)': para(80),
    'three long paragraphs': para(60) + para(60) + para(60),
    'hidden paragraphs': para(90, 'hidden') + para(90, 'style="display:none"') + para(90, 'aria-hidden="true"'),
    'fallback image kept though aria-hidden': para(200, 'aria-hidden="true" class="fallback-image"'),
    'unlikely names': para(200, 'class="sidebar"') + para(200, 'class="sidebar-content"') + para(200, 'id="footer"'),
    'paragraphs in list items': `<ul>${`<li>${para(300)}</li>`.repeat(25)}</ul>`,
    'text in divs split by br': `<div>${'line of text here '.repeat(30)}<br>${'more '.repeat(40)}<br></div>`.repeat(3),
    'br divs and paragraphs together': para(50) + `<div>${'text '.repeat(120)}<br><br></div>`,
    'pre and article': `<pre>${'code '.repeat(200)}</pre><article>${'words '.repeat(300)}</article>`,
    'short paragraphs only': para(20).repeat(50),
  };
  for (const [name, body] of Object.entries(cases)) {
    it(name, () => {
      const d = doc(`<!doctype html><html><body>${body}</body></html>`);
      expect(isReaderable(d)).toBe(isProbablyReaderable(d));
    });
  }
});
