import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { htmlDocument } from '@/tests/unit/dom';
import { extractArticle } from './extract';
import { nextPages } from './pagination';
import { extractInParts } from './parts';
import { countWords, readingMinutes } from './reading-time';

const URL_ = 'https://tides.example/long-read';
const sentence = (i: number): string =>
  `Sentence ${i} about the harbour, the boats and the long night of the storm over the quay.`;

/**
 * A very large long read (over 400,000 characters of text) in one wrapper inside `<article>`, under a menu; `extra(i)`
 * adds markup after section i.
 */
function longRead(sections: number, extra: (i: number) => string = () => ''): string {
  const parts = [
    '<!doctype html><html lang="en"><head><title>The long night at the harbour | Tides</title>',
    '<meta property="og:site_name" content="Tides"><meta name="author" content="Mara Quill"></head><body>',
    '<header><nav><ul>',
    ...Array.from({ length: 30 }, (_, i) => `<li><a href="/section/${i}">Section number ${i} of the site</a></li>`),
    '</ul></nav></header>',
    '<main><article><h1>The long night at the harbour</h1><div class="story-body">',
  ];
  for (let i = 0; i < sections; i++) {
    parts.push(
      `<section><h2>Part ${i}</h2><p>${sentence(i)} ${sentence(i + 1)}</p><p>${sentence(i + 2)}</p></section>`,
      extra(i),
    );
  }
  parts.push('</div></article></main><footer><p>Tides, a paper of the coast, since 1901.</p></footer></body></html>');
  return parts.join('\n');
}

const SECTIONS = 1_700;

async function inParts(html: string, consume = false) {
  const doc = htmlDocument(html, URL_);
  const handed: string[] = [];
  let pauses = 0;
  const article = await extractInParts(doc, URL_, {
    consume,
    pause: async () => void pauses++,
    onPart: (part, index) => {
      expect(index).toBe(handed.length);
      handed.push(part);
    },
  });
  return { article: article!, handed, pauses, doc };
}

const headings = (html: string): string[] =>
  Array.from(new JSDOM(`<body>${html}</body>`).window.document.querySelectorAll('h2'), (h) => h.textContent!);

// Pages of over 400,000 characters in jsdom: seconds each, more on a busy machine.
describe('a very large article, extracted a part at a time', { timeout: 120_000 }, () => {
  it('keeps every section in order, with the header data of the whole page and its text counted whole', async () => {
    const { article, handed, pauses } = await inParts(longRead(SECTIONS));
    expect(handed.length).toBeGreaterThan(10);
    expect(pauses).toBeGreaterThan(0);
    expect(handed.join('')).toBe(article.html);
    expect(headings(article.html)).toEqual(Array.from({ length: SECTIONS }, (_, i) => `Part ${i}`));
    expect(article.title).toBe('The long night at the harbour');
    expect(article.byline).toBe('Mara Quill');
    expect(article.siteName).toBe('Tides');
    expect(article.lang).toBe('en');
    expect(article.verdict.article).toBe(true);
    expect(article.text).not.toMatch(/Section number|since 1901/);
    expect(article.text.startsWith('Part 0\n\nSentence 0 about')).toBe(true);
    expect(article.text.endsWith(sentence(SECTIONS + 1))).toBe(true);
    expect(article.wordCount).toBe(countWords(article.text));
    expect(article.readingMinutes).toBe(readingMinutes(article.text));
    // One wrapper of Readability's page for the whole article, as when it is extracted whole: no id twice.
    expect(article.html.match(/readability-page-1/g)).toHaveLength(1);
  });

  it('has the same text as the article extracted whole', async () => {
    const html = longRead(SECTIONS);
    const { article } = await inParts(html);
    const whole = extractArticle(htmlDocument(html, URL_), URL_)!;
    expect(article.text).toBe(whole.text);
    expect(article.wordCount).toBe(whole.wordCount);
  });

  it('reads the same article from a copy it may take blocks from, and leaves the pager to find the next page by', async () => {
    const html = longRead(SECTIONS, (i) =>
      i === SECTIONS - 1
        ? '<p class="pager"><a href="/long-read?page=2">2</a> <a href="/long-read?page=3">3</a></p>'
        : '',
    );
    const copied = await inParts(html);
    const taken = await inParts(html, true);
    expect(taken.article).toEqual(copied.article);
    expect(taken.handed).toEqual(copied.handed);
    // The parts took the blocks they read (all but the first part's)...
    expect(copied.doc.querySelectorAll('.story-body section')).toHaveLength(SECTIONS);
    expect(taken.doc.querySelectorAll('.story-body section').length).toBeLessThan(SECTIONS / 10);
    // ...but not the one with links: the article's further pages are still found.
    expect(nextPages(taken.doc, URL_)).toEqual([`${URL_}?page=2`, `${URL_}?page=3`]);
  });

  it('keeps a link to a note in another part inside the article', async () => {
    const html = longRead(SECTIONS, (i) =>
      i === 3
        ? '<p>As the harbour master said<a href="#note-1">1</a>, the quay held through the night of the storm.</p>'
        : i === SECTIONS - 2
          ? '<ol><li id="note-1">The harbour master spoke to Tides the morning after the storm.</li></ol>'
          : '',
    );
    const { article, handed } = await inParts(html);
    const where = (text: string): number => handed.findIndex((part) => part.includes(text));
    expect(where('As the harbour master said')).toBeLessThan(where('spoke to Tides the morning after'));
    expect(article.html).toContain('href="#user-content-note-1"');
    expect(article.html).toContain('id="user-content-note-1"');
  });

  it('keeps a picture of a later part, and then shows no declared image above the article', async () => {
    const photo =
      '<figure><img src="/photos/boat.jpg" alt="The boat at dawn"><figcaption>The boat at dawn</figcaption></figure>';
    const html = longRead(SECTIONS, (i) => (i === 900 ? photo : '')).replace(
      '</head>',
      '<meta property="og:image" content="https://tides.example/lead.jpg"></head>',
    );
    const { article, handed } = await inParts(html);
    expect(handed.findIndex((part) => part.includes('https://tides.example/photos/boat.jpg'))).toBeGreaterThan(0);
    expect(headings(article.html)).toHaveLength(SECTIONS);
    expect(article.leadImage).toBeNull();
    // Without it, the declared image is shown.
    expect(
      (
        await inParts(
          longRead(SECTIONS).replace(
            '</head>',
            '<meta property="og:image" content="https://tides.example/lead.jpg"></head>',
          ),
        )
      ).article.leadImage?.src,
    ).toBe('https://tides.example/lead.jpg');
  });

  it('keeps a run of text longer than a part that sits bare in the container', async () => {
    const bare = Array.from({ length: 400 }, (_, n) => sentence(100_000 + n)).join(' ');
    const { article } = await inParts(longRead(SECTIONS, (i) => (i === 600 ? bare : '')));
    expect(article.text).toContain(sentence(100_399));
    expect(headings(article.html)).toHaveLength(SECTIONS);
  });

  it('reads the article, not a long comment thread beside it that outweighs the first part', async () => {
    const comment = (n: number): string =>
      `<div class="comment"><p>Reader ${n} wrote: ${Array.from({ length: 12 }, (_, k) => sentence(200_000 + n * 12 + k)).join(' ')}</p></div>`;
    const thread = `<aside class="comments">${Array.from({ length: 60 }, (_, n) => comment(n)).join('')}</aside>`;
    const { article } = await inParts(longRead(SECTIONS).replace('</main>', `</main>${thread}`));
    expect(article.text.startsWith('Part 0\n\nSentence 0 about')).toBe(true);
    expect(article.text).not.toContain('Reader 1 wrote');
    expect(headings(article.html)).toHaveLength(SECTIONS);
  });

  it('reads a page whole when its first part alone is outweighed elsewhere: the same article as in one go', async () => {
    const thread = `<div class="letters"><div>${Array.from(
      { length: 200 },
      (_, n) =>
        `<p>Reader ${n} wrote: ${Array.from({ length: 12 }, (_, k) => sentence(200_000 + n * 12 + k)).join(', ')}</p>`,
    ).join('')}</div></div>`;
    const html = longRead(SECTIONS).replace('</main>', `</main>${thread}`);
    const { article, handed } = await inParts(html);
    expect(article.text).toBe(extractArticle(htmlDocument(html, URL_), URL_)!.text);
    expect(handed).toEqual([]);
  });

  it('leaves an ordinary page whole: the same article, no parts handed over', async () => {
    const html = longRead(40);
    const { article, handed, pauses } = await inParts(html);
    expect(article).toEqual(extractArticle(htmlDocument(html, URL_), URL_));
    expect(handed).toEqual([]);
    expect(pauses).toBe(0);
  });
});
