import { describe, expect, it } from 'vitest';
import { fixtureDocument, htmlDocument } from '@/tests/unit/dom';
import { extractArticle, extractSelection } from './extract';

const SEED_URL = 'http://127.0.0.1:8080/world/cia-drone-strike';

describe('extractArticle on the seed page', () => {
  const doc = fixtureDocument('seed-article.html', SEED_URL);
  const before = doc.documentElement.outerHTML;
  const article = extractArticle(doc, SEED_URL)!;

  it('finds the article with its metadata', () => {
    expect(article).not.toBeNull();
    expect(article.title).toBe('CNN: CIA conducts first known US drone strike inside Venezuela');
    expect(article.byline).toBe('Tamilla Hasanova');
    expect(article.siteName).toBe('Caliber.az');
    expect(article.published).toBe('2025-12-30T06:16:00.000Z');
    expect(article.lang).toBe('en');
    expect(article.dir).toBe('ltr');
    expect(article.url).toBe(SEED_URL);
    expect(article.canonical).toBe('http://127.0.0.1/world/cia-drone-strike-venezuela');
  });

  it('keeps the whole body and leaves out the page furniture', () => {
    expect(article.text).toContain('The CIA carried out a drone strike earlier this month');
    expect(article.text).toContain('we hunted al Qaeda.');
    for (const junk of [
      'Liked the story',
      'Follow us on Youtube',
      'The most important world news',
      'Leaders meet in Geneva',
      'WHAT ARE YOU LOOKING FOR',
      'Views: 38',
      'Any use of materials',
      'About us',
    ]) {
      expect(article.text).not.toContain(junk);
    }
  });

  it('keeps the figure with an absolute image URL and its caption', () => {
    expect(article.html).toContain('src="http://127.0.0.1:8080/images/dock.png"');
    expect(article.html).toContain('<figcaption>A port facility');
  });

  it('counts words and reading time', () => {
    expect(article.wordCount).toBeGreaterThan(600);
    expect(article.wordCount).toBeLessThan(720);
    expect(article.readingMinutes).toBe(3);
  });

  it('never touches the page it reads', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('extractArticle edge cases', () => {
  it('returns null for a page that is not an article', () => {
    expect(
      extractArticle(fixtureDocument('not-article.html', 'https://mail.example/login'), 'https://mail.example/login'),
    ).toBeNull();
  });

  it('returns null for an empty document', () => {
    expect(extractArticle(htmlDocument(''), 'https://news.example/')).toBeNull();
  });

  it('reads right-to-left pages and JSON-LD metadata', () => {
    const url = 'https://city.example/news/library';
    const article = extractArticle(fixtureDocument('rtl-article.html', url), url)!;
    expect(article.dir).toBe('rtl');
    expect(article.lang).toBe('he');
    expect(article.title).toBe('הספרייה העירונית נפתחת מחדש אחרי שיפוץ');
    expect(article.byline).toBe('דנה לוי');
    expect(article.siteName).toBe('חדשות העיר');
    expect(article.published).toBe('2024-03-05T08:30:00.000Z');
  });

  it('sanitizes the article: no scripts, handlers, javascript: URLs or page styles', () => {
    const paragraphs = Array.from(
      { length: 6 },
      (_, i) =>
        `<p>Paragraph ${i} of a long enough story about the harbour, the boats and the people who work there every day.</p>`,
    ).join('');
    const html = `<html><body><article><h1>Harbour</h1>${paragraphs}
      <p><img src="x.png" onerror="window.hacked=1"><a href="javascript:alert(1)">bad link</a> <a href="/ok">good link</a></p>
      <script>window.hacked=2</script><p style="display:none">hidden by style</p>
      <iframe srcdoc="<script>parent.hacked=3</script>"></iframe></article></body></html>`;
    const article = extractArticle(htmlDocument(html), 'https://news.example/harbour')!;
    expect(article).not.toBeNull();
    expect(article.html).not.toMatch(/<script|onerror|javascript:|<iframe|style=/i);
    expect(article.html).toContain('href="https://news.example/ok"');
    expect(article.html).toContain('rel="noopener noreferrer"');
  });
});

describe('extractSelection', () => {
  const url = 'https://forum.example/thread/7';
  const doc = htmlDocument(
    '<html lang="en"><head><title>Thread 7 | Forum</title></head><body><p>x</p></body></html>',
    url,
  );

  it('makes an article of the selection, with absolute links and sanitized markup', () => {
    const article = extractSelection(
      doc,
      url,
      '<p>Quoted <a href="/post/3" onclick="evil()">post</a></p><script>evil()</script>',
    )!;
    expect(article.text).toBe('Quoted post');
    expect(article.html).toContain('href="https://forum.example/post/3"');
    expect(article.html).not.toMatch(/onclick|<script/);
    expect(article.title).toBe('Thread 7');
    expect(article.lang).toBe('en');
  });

  it('returns null for an empty selection', () => {
    expect(extractSelection(doc, url, '')).toBeNull();
    expect(extractSelection(doc, url, '<span> </span>')).toBeNull();
  });
});
