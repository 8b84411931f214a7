import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { LARGE_TEXT, openingMarkup } from './opening';

const sentence = (i: number): string =>
  `Sentence ${i} about the harbour, the boats and the long night of the storm over the quay.`;

/** A page of `sections` sections of article under a menu, with metadata in its head and a script. */
function page(sections: number): Document {
  const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'The long night', author: { name: 'Mara Quill' } });
  const body = Array.from(
    { length: sections },
    (_, i) => `<section><h2>Part ${i}</h2><p>${sentence(i)} ${sentence(i + 1)}</p><p>${sentence(i + 2)}</p></section>`,
  ).join('');
  const html =
    `<!doctype html><html lang="en-GB" dir="ltr" data-x='a"b'><head><title>The long night | Tides</title>` +
    `<meta name="author" content="Mara Quill"><link rel="canonical" href="https://tides.example/night">` +
    `<script type="application/ld+json">${ld}</script><script>window.state = 1;</script>` +
    `<style>p { color: red }</style></head><body><nav>${'<a href="/s">Section</a>'.repeat(30)}</nav>` +
    `<main><article><h1>The long night</h1>${body}</article></main></body></html>`;
  return new JSDOM(html, { url: 'https://tides.example/night' }).window.document;
}

describe("a very large page's opening, sent ahead of its markup", () => {
  it('is a small document: the head’s metadata and the article’s first blocks, nothing else', () => {
    const doc = page(2_500);
    expect(doc.body.textContent!.length).toBeGreaterThan(LARGE_TEXT);
    const markup = openingMarkup(doc)!;
    expect(markup.length).toBeLessThan(12_000);
    const opening = new JSDOM(markup).window.document;
    expect(opening.documentElement.getAttribute('lang')).toBe('en-GB');
    expect(opening.title).toBe('The long night | Tides');
    expect(opening.querySelector('meta[name="author"]')?.getAttribute('content')).toBe('Mara Quill');
    expect(opening.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://tides.example/night');
    expect(JSON.parse(opening.querySelector('script[type="application/ld+json"]')!.textContent!).headline).toBe(
      'The long night',
    );
    // The page's own script and styles, and its menu, stay behind.
    expect(opening.querySelectorAll('script:not([type="application/ld+json"]), style, nav')).toHaveLength(0);
    const headings = Array.from(opening.body.querySelectorAll('h1, h2'), (h) => h.textContent);
    expect(headings.slice(0, 3)).toEqual(['The long night', 'Part 0', 'Part 1']);
    expect(headings.length).toBeLessThan(30);
  });

  it('reads the page and leaves it as it was', () => {
    const doc = page(2_500);
    const before = doc.documentElement.outerHTML;
    openingMarkup(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('is nothing on a page of ordinary size, or one without a body of paragraphs', () => {
    expect(openingMarkup(page(200))).toBeNull();
    const links = `<body><main>${'<p><a href="/s">A headline among thousands of headlines on the page</a></p>'.repeat(9_000)}</main></body>`;
    const list = new JSDOM(links).window.document;
    expect(list.body.textContent!.length).toBeGreaterThan(LARGE_TEXT);
    expect(openingMarkup(list)).toBeNull();
  });
});
