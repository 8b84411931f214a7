import { describe, expect, it } from 'vitest';
import { fixtureDocument, htmlDocument } from '@/tests/unit/dom';
import { extractArticle } from './extract';
import { readMetadata } from './metadata';

describe('a page with Open Graph and meta tags but no JSON-LD', () => {
  const url = 'https://valleygazette.example/transport/night-trains?utm_source=feed';
  const article = extractArticle(fixtureDocument('meta-opengraph.html', url), url)!;

  it('takes title, site, byline, date, language, image and summary from the tags', () => {
    expect(article.title).toBe('Night trains return to the valley');
    expect(article.siteName).toBe('Valley Gazette');
    expect(article.byline).toBe('Maria Lopez');
    expect(article.published).toBe('2024-03-04T06:30:00.000Z');
    expect(article.lang).toBe('en-GB');
    expect(article.dir).toBe('ltr');
    expect(article.image).toBe('https://valleygazette.example/media/sleeper-lead.jpg');
    expect(article.excerpt).toBe('After twenty years, a sleeper service links the valley to the capital again.');
    expect(article.canonical).toBe('https://valleygazette.example/transport/night-trains');
  });

  it('keeps the byline line and the navigation out of the text, the caption out of the running text', () => {
    expect(article.text).toMatch(/^For the first time in twenty years/);
    expect(article.text).not.toMatch(/Maria Lopez|Home|Sport|©/);
    expect(article.text).not.toContain('The first sleeper waits');
    expect(article.html).toContain('<figcaption>The first sleeper waits at the platform.</figcaption>');
    expect(article.wordCount).toBeGreaterThan(120);
    expect(article.readingMinutes).toBe(1);
  });
});

describe('a page with no structured metadata at all', () => {
  const url = 'https://www.diariodelvalle.example/local/mercado';
  const article = extractArticle(fixtureDocument('meta-none.html', url), url)!;

  it('finds the site in the title, the title without it, the byline and date as written, the language from the text', () => {
    expect(article.title).toBe('El mercado de los sábados vuelve a la plaza');
    expect(article.siteName).toBe('Diario del Valle');
    expect(article.byline).toBe('Lucía Fernández');
    expect(article.published).toBe('2024-03-04');
    expect(article.lang).toBe('es');
    expect(article.dir).toBe('ltr');
  });

  it("uses the article's first image and opening for the lead image and excerpt", () => {
    expect(article.image).toBe('https://www.diariodelvalle.example/local/fotos/mercado.jpg');
    expect(article.excerpt).toMatch(/^Después de dos años de obras, el mercado/);
    expect(article.excerpt!.length).toBeLessThanOrEqual(301);
    expect(article.excerpt).toMatch(/\p{L}…$/u);
    expect(article.canonical).toBeNull();
  });
});

describe('JSON-LD', () => {
  const url = 'https://news.example/world/2024/harbour';
  const ld = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: 'News Example' },
      {
        '@type': ['NewsArticle'],
        headline: 'The harbour reopens',
        author: [{ '@type': 'Person', name: 'Jane Doe' }, { name: 'John Roe' }, 'https://news.example/staff/x'],
        publisher: { '@type': 'Organization', name: 'The News Example' },
        datePublished: '2024-05-03T10:00:00+02:00',
        image: [{ '@type': 'ImageObject', url: 'https://cdn.news.example/harbour.jpg' }],
        description: 'The harbour reopens after a year of works.',
        inLanguage: 'en-US',
      },
    ],
  };
  const doc = htmlDocument(
    `<html><head><title>Harbour | The News Example</title>
      <meta property="og:title" content="Og title loses">
      <meta property="og:image" content="https://cdn.news.example/og.jpg">
      <script type="application/ld+json">${JSON.stringify(ld)}</script></head><body></body></html>`,
    url,
  );

  it('wins over meta tags; @graph, author lists, publisher and image objects are read', () => {
    const meta = readMetadata(doc, url);
    expect(meta.title).toBe('The harbour reopens');
    expect(meta.byline).toBe('Jane Doe, John Roe');
    expect(meta.siteName).toBe('The News Example');
    expect(meta.published).toBe('2024-05-03T08:00:00.000Z');
    expect(meta.excerpt).toBe('The harbour reopens after a year of works.');
    expect(meta.lang).toBe('en-US');
    // Open Graph's image is the one made for sharing: it comes first.
    expect(meta.image).toBe('https://cdn.news.example/og.jpg');
  });
});

describe('CJK text', () => {
  it('counts words and reading time by characters, and detects the language', () => {
    const sentence = '港の市場は二年ぶりに再開し、朝から多くの人々が新鮮な魚や野菜を買いに訪れました。';
    const body = Array.from({ length: 12 }, (_, i) => `<p>${sentence}第${i + 1}段落。</p>`).join('');
    const url = 'https://news.example.jp/a';
    const article = extractArticle(
      htmlDocument(`<html><head><title>港の市場</title></head><body><article>${body}</article></body></html>`, url),
      url,
    )!;
    expect(article.lang).toBe('ja');
    // Each character of those scripts counts as a word; the digits of "第1段落" make words of their own.
    expect(article.wordCount).toBeGreaterThan(12 * sentence.length * 0.9);
    expect(article.readingMinutes).toBe(1);
  });
});
