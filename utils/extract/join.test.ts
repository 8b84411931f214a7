import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureDocument, htmlDocument } from '@/tests/unit/dom';
import { extractArticle } from './extract';
import { joinPages, type FetchedPage } from './join';
import { nextPages, pageStep } from './pagination';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../tests/fixtures/multipage/${name}`, import.meta.url), 'utf8');

/** A site of fixture pages by address; any other address answers 404. Records what was asked for. */
function site(pages: Record<string, string>) {
  const asked: string[] = [];
  const fetchPage = async (url: string): Promise<FetchedPage> => {
    asked.push(url);
    const name = pages[url];
    return name ? { url, html: fixture(name) } : { error: '404' };
  };
  return { asked, fetchPage };
}

const HARBOUR = 'https://coast.example/multipage/harbour';
const harbourSite = () =>
  site({ [HARBOUR]: 'harbour-1.html', [`${HARBOUR}/2`]: 'harbour-2.html', [`${HARBOUR}/3`]: 'harbour-3.html' });

function firstPage(name: string, url: string) {
  const doc = fixtureDocument(`multipage/${name}`, url);
  return { doc, article: extractArticle(doc, url)! };
}

const prose =
  'The harbour was the talk of the town for a whole season, and everybody who went to see it came back with a story ' +
  'of their own, which they told at length to anyone who would listen over coffee in the square. ';

describe('the pages after the first', () => {
  it('by rel=next, numbered links and a link marked as the way forward, on the same site only', () => {
    const url = 'https://news.example/story/42';
    const doc = htmlDocument(
      `<html><head><link rel="next" href="/story/42?page=2"></head><body><p>${prose}</p>` +
        `<p><a href="/story/42?page=2">2</a> <a href="/story/42?page=3">3</a> <a href="/story/43">Next story →</a>` +
        ` <a href="https://other.example/story/42?page=4">4</a> <a href="/story/42#comments">1</a></p></body></html>`,
      url,
    );
    expect(nextPages(doc, url)).toEqual([
      'https://news.example/story/42?page=2',
      'https://news.example/story/42?page=3',
    ]);
  });

  it('resolves links against the page’s address, not the document’s (the reader parses the page in its own)', () => {
    const doc = htmlDocument(
      `<html><body><p>${prose}</p><p><a href="/story?page=2">2</a></p></body></html>`,
      'chrome-extension://abc/reader.html',
    );
    expect(nextPages(doc, 'https://news.example/story')).toEqual(['https://news.example/story?page=2']);
  });

  it('reads the page number wherever the address keeps it', () => {
    expect(pageStep('https://a.example/x/story', 'https://a.example/x/story/2')).toEqual({ from: 1, to: 2 });
    expect(pageStep('https://a.example/story.html', 'https://a.example/story-2.html')).toEqual({ from: 1, to: 2 });
    expect(pageStep('https://a.example/s?id=7&page=12', 'https://a.example/s?id=7&page=13')).toEqual({
      from: 12,
      to: 13,
    });
    expect(pageStep('https://www.a.example/s/p/2/', 'https://a.example/s/p/3')).toEqual({ from: 2, to: 3 });
    expect(pageStep('https://a.example/story-12345', 'https://a.example/story-12346')).toBeNull();
    expect(pageStep('https://a.example/one-story', 'https://a.example/another-story-2')).toBeNull();
    expect(pageStep('https://a.example/story', 'https://b.example/story/2')).toBeNull();
  });

  it('not the next post that a blog’s rel=next names', () => {
    const url = 'https://blog.example/2019/05/harbour-walk';
    const doc = htmlDocument(
      `<html><head><link rel="next" href="/2019/05/ferry-trip"></head><body><p>${prose}</p></body></html>`,
      url,
    );
    expect(nextPages(doc, url)).toEqual([]);
  });

  it('an arrow marks the way forward in the page’s own direction', () => {
    const url = 'https://news.example/story';
    const page = (dir: string, arrow: string) =>
      htmlDocument(`<html dir="${dir}"><body><p>${prose}</p><a href="/story/2">${arrow}</a></body></html>`, url);
    expect(nextPages(page('ltr', 'Weiter →'), url)).toEqual(['https://news.example/story/2']);
    expect(nextPages(page('rtl', '← التالي'), url)).toEqual(['https://news.example/story/2']);
    expect(nextPages(page('ltr', 'All the photos'), url)).toEqual([]);
  });
});

describe('joinPages', () => {
  it('joins three pages once each, following the chain and never back to the first', async () => {
    const { doc, article } = firstPage('harbour-1.html', HARBOUR);
    const { asked, fetchPage } = harbourSite();
    const joined = await joinPages(article, doc, fetchPage);
    expect(joined.pages).toEqual({ joined: 3, failed: [] });
    expect(asked).toEqual([`${HARBOUR}/2`, `${HARBOUR}/3`]);
    for (const sentence of [
      'The old harbour wall was finished in 1891',
      'The market hall opened four years later',
      'The harbour master, who has worked on the quays for thirty-one years',
    ])
      expect(joined.text).toContain(sentence);
    expect(joined.text.indexOf('market hall opened')).toBeLessThan(joined.text.indexOf('second warehouse will hold'));
    expect(joined.wordCount).toBeGreaterThan(article.wordCount * 2);
    expect(joined.readingMinutes).toBeGreaterThanOrEqual(article.readingMinutes);
  });

  it('leaves out what every page repeats: the pager, "Page N of M", the share row', async () => {
    const { doc, article } = firstPage('harbour-1.html', HARBOUR);
    expect(article.text).toMatch(/^1 2 3$/m);
    const joined = await joinPages(article, doc, harbourSite().fetchPage);
    expect(joined.text).not.toMatch(/Page \d of 3|Next page|Facebook|^\d( \d)*$/m);
    expect(joined.html).not.toMatch(/Next page|harbour\/3"/);
    expect(joined.text.match(/The old harbour wall/g)).toHaveLength(1);
  });

  it('names a page that fails and shows the rest', async () => {
    const base = 'https://coast.example/multipage/';
    const { doc, article } = firstPage('ferry.html', `${base}ferry.html`);
    const { asked, fetchPage } = site({
      [`${base}ferry-2.html`]: 'ferry-2.html',
      [`${base}ferry-4.html`]: 'ferry-4.html',
    });
    const joined = await joinPages(article, doc, fetchPage);
    expect(asked).toEqual([`${base}ferry-2.html`, `${base}ferry-3.html`, `${base}ferry-4.html`]);
    expect(joined.pages).toEqual({ joined: 3, failed: [{ number: 3, url: `${base}ferry-3.html`, reason: '404' }] });
    expect(joined.text).toContain('The market hall opened four years later');
    expect(joined.text).toContain('The islanders say it is the first time');
    expect(joined.text).not.toMatch(/Page \d of 4/);
  });

  it('stops at ten pages, and names the pages left', async () => {
    const url = 'https://long.example/read?p=1';
    const page = (n: number) =>
      `<html><body><article><h1>Long read</h1><p>Part ${n}. ${prose.repeat(2)} ${'Word '.repeat(n)}</p>` +
      `<p><a href="/read?p=${n + 1}">→</a></p></article></body></html>`;
    const asked: string[] = [];
    const fetchPage = async (u: string): Promise<FetchedPage> => {
      asked.push(u);
      return { url: u, html: page(Number(new URL(u).searchParams.get('p'))) };
    };
    const doc = htmlDocument(page(1), url);
    const joined = await joinPages(extractArticle(doc, url)!, doc, fetchPage);
    expect(asked).toHaveLength(9);
    expect(joined.pages?.joined).toBe(10);
    expect(joined.pages?.failed).toEqual([{ number: 11, url: 'https://long.example/read?p=11', reason: 'limit' }]);
  });

  it('is bounded in time: a page that never answers is named, the others shown', async () => {
    const { doc, article } = firstPage('harbour-1.html', HARBOUR);
    let clock = 0;
    const fetchPage = (url: string): Promise<FetchedPage> =>
      url.endsWith('/2') ? new Promise(() => undefined) : harbourSite().fetchPage(url);
    const joined = await joinPages(article, doc, fetchPage, { budgetMs: 50, now: () => (clock += 40) });
    expect(joined.pages?.failed.map((f) => [f.number, f.reason])).toEqual([
      [2, 'timeout'],
      [3, 'timeout'],
    ]);
    expect(joined.text).toContain('The old harbour wall');
  });

  it('a site that answers every page number with the first page joins nothing', async () => {
    const { doc, article } = firstPage('harbour-1.html', HARBOUR);
    const fetchPage = async (): Promise<FetchedPage> => ({ url: HARBOUR, html: fixture('harbour-1.html') });
    expect(await joinPages(article, doc, fetchPage)).toBe(article);
  });

  it('a page of links (search results) is not joined with its next pages', async () => {
    const { doc, article } = firstPage('harbour-1.html', HARBOUR);
    const { asked, fetchPage } = harbourSite();
    const list = { ...article, verdict: { ...article.verdict, article: false } };
    expect(await joinPages(list, doc, fetchPage)).toBe(list);
    expect(asked).toEqual([]);
  });

  it('each page’s note 1 keeps its own id, and each mark and back-link still reaches its own', async () => {
    const url = 'https://coast.example/multipage/notes.html';
    const { doc, article } = firstPage('notes.html', url);
    const { fetchPage } = site({ 'https://coast.example/multipage/notes-2.html': 'notes-2.html' });
    const joined = await joinPages(article, doc, fetchPage);
    expect(joined.pages).toEqual({ joined: 2, failed: [] });
    const body = htmlDocument(`<body>${joined.html}</body>`, url).body;
    const ids = Array.from(body.querySelectorAll('[id]'), (el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
    const target = (a: Element) =>
      body.ownerDocument.getElementById(decodeURIComponent(a.getAttribute('href')!.slice(1)));
    const marks = Array.from(body.querySelectorAll('sup a[href^="#"]'));
    expect(marks.map((a) => a.textContent)).toEqual(['1', '1']);
    expect(marks.map((a) => target(a)?.textContent?.trim().slice(0, 40))).toEqual([
      'The schoolmaster’s notebooks are kept in',
      'The survey ship was the Petrel, which ch',
    ]);
    // The back-links return to their own marks.
    const back = Array.from(body.querySelectorAll('li a[href^="#"]'));
    expect(back.map((a) => target(a)?.contains(marks[back.indexOf(a)]!))).toEqual([true, true]);
  });

  it('a page that repeats an id of its own keeps its links on the first, and every id stays unique', async () => {
    const url = 'https://coast.example/story';
    const word = ['', 'first', 'second'];
    const page = (n: number, extra = '') =>
      `<html><body><article><h1>Story</h1><p>Part ${n}. ${prose.repeat(2)}<a href="#n">*</a></p>${extra}` +
      `<p id="n">The ${word[n]} note, on the quay.</p><p id="n-2">A box of the ${word[n]} page with an id like a renamed one.</p>` +
      `<p><a href="/story?page=${n + 1}">Next page →</a></p></article></body></html>`;
    const doc = htmlDocument(page(1), url);
    const fetchPage = async (u: string): Promise<FetchedPage> =>
      u.endsWith('page=2')
        ? { url: u, html: page(2, '<p id="n">The second page repeats the id on this box.</p>') }
        : { error: '404' };
    const joined = await joinPages(extractArticle(doc, url)!, doc, fetchPage);
    expect(joined.pages?.joined).toBe(2);
    const body = htmlDocument(`<body>${joined.html}</body>`, url).body;
    const ids = Array.from(body.querySelectorAll('[id]'), (el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
    const marks = Array.from(body.querySelectorAll('a[href^="#"]'));
    expect(marks.map((a) => body.ownerDocument.getElementById(a.getAttribute('href')!.slice(1))?.textContent)).toEqual([
      'The first note, on the quay.',
      'The second page repeats the id on this box.',
    ]);
  });

  it('a page with no next page is left as it is', async () => {
    const url = 'https://news.example/story';
    const doc = htmlDocument(`<html><body><article><p>${prose.repeat(3)}</p></article></body></html>`, url);
    const article = extractArticle(doc, url)!;
    let asked = 0;
    expect(await joinPages(article, doc, async () => ({ error: String(++asked) }))).toBe(article);
    expect(asked).toBe(0);
  });
});
