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
  verdict: { article: true, linkDensity: 0, repeated: 0, prose: 1000 },
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

describe('saved files, faithful to the page', () => {
  it('name the source by its clean address: tracking parameters out, the canonical address preferred', async () => {
    const tracked = { ...article, url: 'https://caliber.az/post/1?id=7&utm_source=x&fbclid=abc' };
    expect(standaloneHtml(tracked, { source: 'Source' })).toContain(
      'Source: <a href="https://caliber.az/post/1?id=7">https://caliber.az/post/1?id=7</a>',
    );
    expect(await markdownDocument(tracked, { source: 'Source' })).toContain('Source: <https://caliber.az/post/1?id=7>');
    const canonical = { ...tracked, canonical: 'https://caliber.az/post/one' };
    expect(await markdownDocument(canonical, { source: 'Source' })).toContain('Source: <https://caliber.az/post/one>');
  });

  it('write tables as GFM tables', async () => {
    const md = await htmlToMarkdown(
      '<table><thead><tr><th>Year</th><th>Stars</th></tr></thead><tbody><tr><td>1995</td><td>412</td></tr>' +
        '<tr><td>2024</td><td>30|5</td></tr></tbody></table><p>After.</p>',
    );
    expect(md).toContain('| Year | Stars |\n| --- | --- |\n| 1995 | 412 |\n| 2024 | 30\\|5 |');
    expect(md).toContain('After.');
  });

  it('write a formula once: its TeX source, inline or as a block, else its text', async () => {
    const ns = 'xmlns="http://www.w3.org/1998/Math/MathML"';
    const inline = `<p>Rule <math ${ns} alttext="m = -2.5 \\log F"><mi>m</mi><mo>=</mo><mi>F</mi></math>, by hand.</p>`;
    expect(await htmlToMarkdown(inline)).toBe('Rule $m = -2.5 \\log F$, by hand.');
    const block = `<p>So:</p><math ${ns} display="block" alttext="E = mc^2"><mi>E</mi></math>`;
    expect(await htmlToMarkdown(block)).toBe('So:\n\n$$\nE = mc^2\n$$');
    const bare = `<p>Pressure <math ${ns}><mi>p</mi><mo>=</mo><mi>ρ</mi><mi>g</mi><mi>h</mi></math>.</p>`;
    expect(await htmlToMarkdown(bare)).toBe('Pressure p=ρgh.');
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
