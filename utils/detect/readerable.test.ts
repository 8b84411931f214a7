import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { JSDOM, VirtualConsole } from 'jsdom';
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { describe, expect, it } from 'vitest';
import { isReaderable } from './readerable';

const FIXTURES = new URL('../../tests/fixtures/', import.meta.url);
const { window } = new JSDOM('', { virtualConsole: new VirtualConsole() });
const doc = (html: string): Document => new window.DOMParser().parseFromString(html, 'text/html');
const para = (n: number, attrs = ''): string => `<p ${attrs}>${'word '.repeat(n)}</p>`;

// Blocks of every kind the check looks at, with the names, hiding and nesting that change its answer.
const words = fc.integer({ min: 0, max: 120 }).map((n) => 'word '.repeat(n));
const attrs = fc.constantFrom(
  '',
  'class="story"',
  'class="sidebar"',
  'class="sidebar-content"',
  'id="comments"',
  'class="footer main"',
  'hidden',
  'style="display:none"',
  'style="color: red"',
  'style="display: NONE !important"',
  'style="display:none; display:block"',
  'aria-hidden="true"',
  'aria-hidden="true" class="fallback-image"',
);
const block = fc.oneof(
  fc.tuple(attrs, words).map(([a, w]) => `<p ${a}>${w}</p>`),
  fc.tuple(attrs, words).map(([a, w]) => `<ul><li><p ${a}>${w}</p></li></ul>`),
  fc.tuple(attrs, words).map(([a, w]) => `<pre ${a}>${w}</pre>`),
  fc.tuple(attrs, words, words).map(([a, w, v]) => `<div ${a}>${w}<br>${v}<br></div>`),
  fc.tuple(attrs, words).map(([a, w]) => `<article ${a}>${w}</article>`),
  fc.tuple(attrs, words).map(([a, w]) => `<div ${a}><p>${w}</p>${w}</div>`),
);
const page = fc.array(block, { maxLength: 40 }).map((blocks) => `<!doctype html><body>${blocks.join('')}</body>`);

describe('isReaderable: the same answer as Readability’s isProbablyReaderable', () => {
  it('on every fixture page', () => {
    const pages = readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.html'))
      .map((f) => readFileSync(new URL(f, FIXTURES), 'utf8'));
    expect(pages.length).toBeGreaterThan(3);
    for (const html of pages) {
      const d = doc(html);
      expect(isReaderable(d)).toBe(isProbablyReaderable(d));
    }
  });

  it('on 1,000 generated pages of paragraphs, lists, code, br-split divs and articles (fixed seed)', () => {
    let articles = 0;
    fc.assert(
      fc.property(page, (html) => {
        const d = doc(html);
        const expected = isProbablyReaderable(d);
        if (expected) articles++;
        expect(isReaderable(d)).toBe(expected);
      }),
      { seed: 20261202, numRuns: 1000 },
    );
    // Both answers occur, so the comparison means something.
    expect(articles).toBeGreaterThan(100);
    expect(articles).toBeLessThan(900);
  }, 30_000);

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
  // Only elements with a style attribute have their inline style read; however it is written, it must count the same.
  // One visible paragraph scores under 20, so the answer turns on whether the styled one counts.
  for (const style of [
    'color: red',
    'display: none !important; display: block',
    'display:block; display:none',
    'DISPLAY:None',
    '/* display:none */ color: red',
    '',
  ]) {
    cases[`inline style "${style}"`] = para(60) + para(90, `style="${style}"`);
  }
  for (const [name, body] of Object.entries(cases)) {
    it(name, () => {
      const d = doc(`<!doctype html><html><body>${body}</body></html>`);
      expect(isReaderable(d)).toBe(isProbablyReaderable(d));
    });
  }
});
