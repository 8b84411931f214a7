import { describe, expect, it } from 'vitest';
import { fixtureDocument, htmlDocument } from '@/tests/unit/dom';
import { extractArticle } from './extract';

const URL_ = 'https://journal.example/sky/stars?utm_source=feed';

describe('links to places in the article', () => {
  const article = extractArticle(fixtureDocument('footnotes-article.html', URL_), URL_)!;
  const html = article.html;

  it('stay in the reader: a bare fragment, no new tab, matching the prefixed id of their target', () => {
    expect(html).toContain('<sup id="user-content-fnref1"><a href="#user-content-fn1">1</a></sup>');
    expect(html).toContain('<li id="user-content-fn1">');
    expect(html).toMatch(/<a href="#user-content-fnref2" aria-label="Back to reference 2">↩<\/a>/);
    expect(html).not.toContain('journal.example/sky/stars?utm_source=feed#');
  });

  it('prefix every id and name of the article, so none can clobber the reader’s own', () => {
    expect(html).not.toMatch(/\b(?:id|name)="(?!user-content-)/);
  });

  it('leave other links leaving in a new tab, and links to a missing place pointing at the page', () => {
    const doc = htmlDocument(
      `<html><head><title>Notes</title></head><body><article>${'<p>The harbour was the talk of the town for a whole season, and everybody who went to see it came back with a story of their own.</p>'.repeat(3)}` +
        '<p>See <a href="#gone">the part we cut</a>, <a href="https://other.example/x#fn1">elsewhere</a> and ' +
        '<a name="n1"></a><a href="#n1">an old anchor</a>.</p></article></body></html>',
      'https://news.example/story',
    );
    const out = extractArticle(doc, 'https://news.example/story')!.html;
    expect(out).toContain('<a href="https://news.example/story#gone" target="_blank" rel="noopener noreferrer">');
    expect(out).toContain('<a href="https://other.example/x#fn1" target="_blank" rel="noopener noreferrer">');
    expect(out).toContain('<a href="#user-content-n1">an old anchor</a>');
    expect(out).toMatch(
      /<a name="user-content-n1" id="user-content-n1"><\/a>|<a id="user-content-n1" name="user-content-n1"><\/a>/,
    );
  });
});

describe('mathematics', () => {
  const article = extractArticle(fixtureDocument('footnotes-article.html', URL_), URL_)!;

  it('keeps the MathML once, with its TeX source as alttext, and drops the hidden visual copy', () => {
    expect(article.html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML" alttext="m = -2.5 \\log_{10} F">');
    expect(article.html).not.toMatch(/annotation|semantics|aria-hidden/);
    expect(article.text.match(/log/g)).toHaveLength(1);
    expect(article.text).not.toContain('\\log');
  });
});
