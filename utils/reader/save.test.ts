import { describe, expect, it } from 'vitest';
import type { Article } from '@/utils/extract';
import { htmlToMarkdown, markdownDocument, saveFileName, standaloneHtml } from './save';

const article: Article = {
  title: 'Drones <over> "Caracas" & more',
  byline: 'Tamilla Hasanova',
  siteName: 'Caliber.az',
  published: null,
  lang: 'en',
  dir: 'ltr',
  excerpt: null,
  html: '<h2>Strike</h2><p>The <strong>CIA</strong> carried out a <a href="https://example.com/x">strike</a>.</p><ul><li>one</li><li>two</li></ul><figure><img src="https://example.com/a.png" alt="Dock"></figure>',
  text: 'Strike The CIA carried out a strike. one two',
  wordCount: 9,
  readingMinutes: 1,
  url: 'https://caliber.az/post/1?a=1&b=2',
  canonical: null,
  image: null,
  leadImage: null,
};

describe('standaloneHtml', () => {
  const html = standaloneHtml(article, { source: 'Source' });

  it('is one document with the escaped title, byline, source link and the article', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('<title>Drones &lt;over&gt; &quot;Caracas&quot; &amp; more</title>');
    expect(html).toContain('<p class="meta">Tamilla Hasanova · Caliber.az</p>');
    expect(html).toContain(
      'Source: <a href="https://caliber.az/post/1?a=1&amp;b=2">https://caliber.az/post/1?a=1&amp;b=2</a>',
    );
    expect(html).toContain(article.html);
  });

  it('carries its style inline, and no script can run in it', () => {
    expect(html).toMatch(/<style>[^<]+<\/style>/);
    expect(html).not.toMatch(/<script|<link/i);
    expect(html).toContain(`content="default-src 'none';`);
  });
});

describe('Markdown', () => {
  it('converts the article with Turndown', async () => {
    const md = await htmlToMarkdown(article.html);
    expect(md).toContain('## Strike');
    expect(md).toContain('The **CIA** carried out a [strike](https://example.com/x).');
    expect(md).toMatch(/^- {1,3}one$/m);
    expect(md).toContain('![Dock](https://example.com/a.png)');
  });

  it('puts the title, byline and source first', async () => {
    const md = await markdownDocument(article, { source: 'Источник' });
    expect(md.split('\n\n').slice(0, 3)).toEqual([
      '# Drones <over> "Caracas" & more',
      '*Tamilla Hasanova · Caliber.az*',
      'Источник: <https://caliber.az/post/1?a=1&b=2>',
    ]);
  });
});

describe('saveFileName', () => {
  it('keeps the title readable and safe', () => {
    expect(saveFileName('CNN: CIA / drone "strike"?', 'html')).toBe('CNN CIA drone strike.html');
    expect(saveFileName('Новости дня', 'md')).toBe('Новости дня.md');
    expect(saveFileName('...', 'md')).toBe('article.md');
    expect(saveFileName('x'.repeat(300), 'html')).toHaveLength(105);
  });
});
