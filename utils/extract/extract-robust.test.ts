import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { articleProblems, fingerprint, scriptHazards } from '@/tests/unit/article-checks';
import { extractArticle } from './extract';

const URL_ = 'https://news.example/2024/05/harbour';

const SENTENCES = [
  'The harbour master opened the old gates at dawn, and the first boats came in with the tide.',
  'Fishermen, traders and a few tourists watched from the quay while the gulls argued over the nets.',
  'By noon the market was full, the prices were high, and nobody complained about the weather for once.',
  'In the evening the town council met to talk about the new breakwater, which has been promised for years.',
];
const paragraph = (i: number): string => `<p>${SENTENCES[i % 4]} ${SENTENCES[(i + 1) % 4]} (Part ${i}.)</p>`;
const ARTICLE = `<article><h1>The harbour reopens</h1>${Array.from({ length: 8 }, (_, i) => paragraph(i)).join('')}</article>`;

/** Extracts from `doc`, checking that it neither throws nor changes `doc`; any Article is well formed and clean. */
function extractChecked(doc: Document, url = URL_): ReturnType<typeof extractArticle> {
  const before = fingerprint(doc);
  const article = extractArticle(doc, url);
  expect(fingerprint(doc)).toBe(before);
  if (article) {
    expect(articleProblems(article)).toEqual([]);
    expect(scriptHazards(article.html, new JSDOM('').window as unknown as Window & typeof globalThis)).toEqual([]);
  }
  return article;
}

/** A document with `depth` nested `tag`s under `<body>` (built with DOM calls: parsing that deep takes the parser seconds). */
function deepDocument(depth: number, tag: string, innermost: string): Document {
  const doc = new JSDOM(`<!doctype html><html lang="en"><head><title>Deep</title></head><body></body></html>`, {
    url: URL_,
  }).window.document;
  let parent: Element = doc.body;
  for (let i = 0; i < depth; i++) parent = parent.appendChild(doc.createElement(tag));
  parent.innerHTML = innermost;
  return doc;
}

describe('extraction on documents that are not ordinary pages never throws', () => {
  it('an empty document, a document without a body, without a root element', () => {
    expect(extractChecked(new JSDOM('').window.document)).toBeNull();
    const bodiless = new JSDOM('<html><head><title>x</title></head></html>').window.document;
    bodiless.body.remove();
    expect(extractChecked(bodiless)).toBeNull();
    const rootless = new JSDOM('').window.document;
    rootless.documentElement.remove();
    expect(extractChecked(rootless)).toBeNull();
  });

  it('a frameset page', () => {
    const doc = new JSDOM(
      '<html><head><title>Frames</title></head><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html">' +
        '<noframes><p>Your browser does not show frames.</p></noframes></frameset></html>',
      { url: URL_ },
    ).window.document;
    expect(extractChecked(doc)).toBeNull();
  });

  it('SVG and XML documents', () => {
    const svg = new JSDOM(
      `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><title>Chart</title><text>${SENTENCES.join(' ')}</text></svg>`,
      { url: URL_, contentType: 'image/svg+xml' },
    ).window.document;
    expect(extractChecked(svg)).toBeNull();
    const xml = new JSDOM(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><item><description>${SENTENCES.join(' ')}</description></item></channel></rss>`,
      { url: URL_, contentType: 'application/xml' },
    ).window.document;
    expect(extractChecked(xml)).toBeNull();
  });

  it('an XHTML document is read like HTML', () => {
    const doc = new JSDOM(
      `<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><title>Harbour</title></head><body>${ARTICLE}</body></html>`,
      { url: URL_, contentType: 'application/xhtml+xml' },
    ).window.document;
    expect(extractChecked(doc)?.text).toContain('the first boats came in with the tide');
  });

  it('a document without a window (as DOMParser makes them) and addresses that are not web addresses', () => {
    const { window } = new JSDOM('');
    const parsed = new window.DOMParser().parseFromString(`<html><body>${ARTICLE}</body></html>`, 'text/html');
    expect(() => extractArticle(parsed, URL_)).not.toThrow();
    const doc = new JSDOM(`<html><head><base href="http://[broken"></head><body>${ARTICLE}</body></html>`).window
      .document;
    for (const url of ['', 'not a url', 'about:blank', 'javascript:alert(1)']) {
      const article = extractChecked(doc, url);
      // No <title>, no metadata, no usable address: the article's heading names it.
      expect(article?.title).toBe('The harbour reopens');
      expect(article?.text).not.toMatch(/javascript:/);
    }
  });
});

describe('extraction on extreme pages', () => {
  // jsdom takes seconds to build a tree this deep (by parsing or by DOM calls alike), so one tree serves two checks.
  it('5,000 levels of nesting, around the article and inside one of its paragraphs: all of the text is kept', () => {
    const doc = deepDocument(1000, 'div', `${ARTICLE}<p id="slot"></p>`);
    let parent = doc.getElementById('slot')!;
    for (let i = 0; i < 4000; i++) parent = parent.appendChild(doc.createElement(i % 2 ? 'span' : 'em'));
    parent.innerHTML = 'Deep <b>inside</b>, the last sentence of the story is still there.';
    const article = extractChecked(doc);
    expect(article?.text).toContain('the first boats came in with the tide');
    expect(article?.text).toContain('Deep inside, the last sentence of the story is still there.');
  }, 60_000);

  it('5,000 levels of nesting and no article: null', () => {
    expect(extractChecked(deepDocument(5000, 'div', '<a href="/">Home</a>'))).toBeNull();
  }, 60_000);

  it('a 10 MB page (inline data, a long comment thread, navigation) still gives its article', () => {
    const data = `<script>window.__STATE__=${JSON.stringify({ items: Array.from({ length: 42_000 }, (_, i) => ({ id: i, title: `Item ${i} `.repeat(20) })) })}</script>`;
    const nav = `<nav>${Array.from({ length: 3000 }, (_, i) => `<a href="/section/${i}">Section ${i}</a>`).join(' ')}</nav>`;
    const comments = `<section class="comments">${Array.from({ length: 2000 }, (_, i) => `<div class="comment"><b>reader${i}</b> <span>Me too. ${i}</span></div>`).join('')}</section>`;
    const html = `<!doctype html><html lang="en"><head><title>Harbour | News</title>${data}</head><body>${nav}<main>${ARTICLE}</main>${comments}</body></html>`;
    expect(html.length).toBeGreaterThan(10_000_000);
    const doc = new JSDOM(html, { url: URL_ }).window.document;
    const article = extractChecked(doc);
    expect(article?.text).toContain('the first boats came in with the tide');
    expect(article?.text).not.toContain('Me too');
  }, 60_000);
});
