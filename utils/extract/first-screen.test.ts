import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { fixtureDocument, htmlDocument } from '@/tests/unit/dom';
import { openingMarkup } from '@/utils/detect';
import { extractArticle } from './extract';
import { firstScreen } from './first-screen';

const URL_ = 'https://tides.example/long-read';
const sentence = (i: number): string =>
  `Sentence ${i} about the harbour, the boats and the long night of the storm over the quay.`;

/** A long read of `sections` sections (an h2 and two paragraphs each) inside `<article>`, under a header of links. */
function longRead(sections: number, extra = ''): string {
  const parts = [
    '<!doctype html><html lang="en"><head><title>The long night at the harbour | Tides</title>',
    '<meta property="og:site_name" content="Tides"><meta name="author" content="Mara Quill"></head><body>',
    '<header><nav><ul>',
    ...Array.from({ length: 30 }, (_, i) => `<li><a href="/section/${i}">Section number ${i} of the site</a></li>`),
    '</ul></nav><p><a href="/subscribe">Subscribe to read every story of the harbour and the boats</a></p></header>',
    extra,
    '<main><article><h1>The long night at the harbour</h1>',
  ];
  for (let i = 0; i < sections; i++) {
    parts.push(
      `<section><h2>Part ${i}</h2><p>${sentence(i)} ${sentence(i + 1)}</p><p>${sentence(i + 2)}</p></section>`,
    );
  }
  parts.push('</article></main><footer><p>Tides, a paper of the coast, since 1901.</p></footer></body></html>');
  return parts.join('\n');
}

const bodyOf = (html: string): Document => new JSDOM(`<body>${html}</body>`).window.document;
/** The text of some HTML without its whitespace (blocks aren't separated in markup without line breaks). */
const textOf = (html: string): string => bodyOf(html).body.textContent!.replace(/\s+/g, '');
const flat = (text: string): string => text.replace(/\s+/g, '');

describe('the first screen of a very large article', () => {
  it('is the title, the byline and the opening sections of the article, not the menu above it', () => {
    const screen = firstScreen(htmlDocument(longRead(2_000), URL_), URL_)!;
    expect(screen.title).toBe('The long night at the harbour');
    expect(screen.byline).toBe('Mara Quill');
    expect(screen.siteName).toBe('Tides');
    expect(screen.lang).toBe('en');
    const text = textOf(screen.html);
    expect(text.startsWith(flat('Part 0 Sentence 0 about the harbour'))).toBe(true);
    expect(text).toContain('Part5');
    // A screen, not the article: a few thousand characters of its 400,000.
    expect(text.length).toBeGreaterThan(1_200);
    expect(text.length).toBeLessThan(7_000);
    expect(text).not.toMatch(/Sectionnumber|Subscribe|since1901/);
    // The heading that repeats the title is the header's, not shown twice.
    expect(screen.html).not.toMatch(/<h1/);
  });

  it('begins where the full extraction begins', () => {
    const doc = htmlDocument(longRead(60), URL_);
    const screen = textOf(firstScreen(doc, URL_)!.html);
    const article = extractArticle(doc, URL_)!;
    expect(flat(article.text).startsWith(screen.slice(0, 200))).toBe(true);
  });

  it('passes over a long comment thread of short replies and a block of links beside the article', () => {
    const replies = Array.from({ length: 40 }, (_, i) => `<p>Reply ${i}: so true, thanks for writing.</p>`).join('');
    const related = Array.from(
      { length: 20 },
      (_, i) => `<p><a href="/story/${i}">A related story number ${i} about the coast and its people</a></p>`,
    ).join('');
    const html = longRead(30, `<aside>${related}</aside><div class="comments">${replies}</div>`);
    const text = textOf(firstScreen(htmlDocument(html, URL_), URL_)!.html);
    expect(text.startsWith('Part0')).toBe(true);
    expect(text).not.toMatch(/Reply\d|relatedstory/);
  });

  it('takes the opening blocks of a body wrapped in one big element', () => {
    const sections = Array.from({ length: 400 }, (_, i) => `<p>${sentence(i)} ${sentence(i + 1)}</p>`).join('');
    const html = `<html><head><title>Wrapped</title></head><body><div id="page"><div class="story">${sections}</div></div></body></html>`;
    const text = textOf(firstScreen(htmlDocument(html, URL_), URL_)!.html);
    expect(text.startsWith(flat('Sentence 0 about the harbour'))).toBe(true);
    expect(text.length).toBeLessThan(7_000);
  });

  it('is sanitized, with links and images at the article’s address', () => {
    const hostile =
      '<p>Opening <a href="javascript:alert(1)">a bad link</a> and <a href="/tides/next">a good one</a> ' +
      `<img src="/img/boat.jpg" srcset="/img/boat-2x.jpg 2x" onerror="alert(2)"> ${sentence(0)}</p>` +
      '<script>alert(3)</script>';
    const html = longRead(20).replace('<h1>The long night at the harbour</h1>', `<h1>Night</h1>${hostile}`);
    const screen = firstScreen(htmlDocument(html, URL_), URL_)!;
    expect(screen.html).not.toMatch(/javascript:|onerror|<script|alert\(3\)/);
    expect(screen.html).toContain('href="https://tides.example/tides/next"');
    expect(screen.html).toContain('src="https://tides.example/img/boat.jpg"');
    expect(screen.html).not.toContain('srcset');
  });

  it('keeps a right-to-left article’s direction', () => {
    const doc = fixtureDocument('rtl-arabic.html', 'https://city.example/a');
    const screen = firstScreen(doc, 'https://city.example/a')!;
    expect(screen.dir).toBe('rtl');
    expect(screen.title).toBe('افتتاح حديقة جديدة على ضفة النهر');
  });

  it('is nothing on a page without a body of paragraphs', () => {
    const links = Array.from({ length: 50 }, (_, i) => `<p><a href="/s/${i}">Headline number ${i} today</a></p>`);
    expect(firstScreen(htmlDocument(`<body><main>${links.join('')}</main></body>`, URL_), URL_)).toBeNull();
    expect(firstScreen(htmlDocument('<body><p>Short.</p></body>', URL_), URL_)).toBeNull();
    expect(firstScreen(htmlDocument('<body></body>', URL_), URL_)).toBeNull();
  });
});

describe('the opening the page sends ahead', () => {
  it('gives the reader the same first screen as the page’s whole markup', () => {
    const doc = htmlDocument(longRead(2_000), URL_);
    const sent = htmlDocument(openingMarkup(doc)!, URL_);
    expect(firstScreen(sent, URL_)).toEqual(firstScreen(doc, URL_));
  });
});
