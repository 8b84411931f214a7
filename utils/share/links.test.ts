import { describe, expect, it } from 'vitest';
import {
  cleanTitle,
  cleanUrl,
  escapeHtml,
  formatLink,
  formatQuote,
  passageUrl,
  quoteFragment,
  type LinkSource,
} from './links';

const page: LinkSource = {
  url: 'https://news.example/world/story?id=7&utm_source=tw&utm_medium=social&fbclid=abc#comments',
  canonical: null,
  title: 'Storm [live] hits *the* coast',
  siteName: 'Daily Planet',
};

describe('cleanUrl', () => {
  it('drops tracking parameters and keeps the rest', () => {
    expect(cleanUrl(page)).toBe('https://news.example/world/story?id=7#comments');
    expect(cleanUrl({ url: 'https://a.example/x?gclid=1&yclid=2&mc_eid=3&mc_cid=4' })).toBe('https://a.example/x');
    expect(cleanUrl({ url: 'https://a.example/x?UTM_Campaign=y&q=utm_source' })).toBe(
      'https://a.example/x?q=utm_source',
    );
  });

  it('prefers a valid canonical address, cleaned too', () => {
    expect(
      cleanUrl({ url: 'https://m.news.example/a?utm_source=x', canonical: 'https://news.example/a?fbclid=1' }),
    ).toBe('https://news.example/a');
  });

  it('ignores a canonical on another site', () => {
    expect(cleanUrl({ url: 'https://news.example/a?utm_source=x', canonical: 'https://aggregator.example/a' })).toBe(
      'https://news.example/a',
    );
  });

  it('ignores a canonical that is not a web address', () => {
    expect(cleanUrl({ url: 'https://news.example/a', canonical: 'javascript:alert(1)' })).toBe(
      'https://news.example/a',
    );
    expect(cleanUrl({ url: 'https://news.example/a', canonical: '/relative' })).toBe('https://news.example/a');
  });

  it('leaves non-web addresses alone', () => {
    expect(cleanUrl({ url: 'chrome://settings' })).toBe('chrome://settings');
  });
});

describe('formatLink', () => {
  it('copies the link clean by default, exactly as in the tab when the user asks for it', () => {
    expect(formatLink('link', page)).toEqual({ text: 'https://news.example/world/story?id=7#comments' });
    expect(formatLink('link', page, { exact: true })).toEqual({ text: page.url });
  });

  it('copies the clean link, title and link, Markdown and a rich link', () => {
    const clean = 'https://news.example/world/story?id=7#comments';
    expect(formatLink('clean-link', page)).toEqual({ text: clean });
    expect(formatLink('title-link', page)).toEqual({ text: `Storm [live] hits *the* coast\n${clean}` });
    expect(formatLink('markdown', page)).toEqual({ text: `[Storm \\[live\\] hits \\*the\\* coast](${clean})` });
    expect(formatLink('rich-link', page)).toEqual({
      text: `Storm [live] hits *the* coast ${clean}`,
      html: `<a href="${clean}">Storm [live] hits *the* coast</a>`,
    });
  });

  it('escapes what would break HTML or Markdown', () => {
    const tricky = { url: 'https://a.example/p_(1)?q="x"&y=<z>', title: '<b>"Tom" & Jerry</b>' };
    expect(formatLink('rich-link', tricky).html).toBe(
      '<a href="https://a.example/p_(1)?q=%22x%22&amp;y=%3Cz%3E">&lt;b&gt;&quot;Tom&quot; &amp; Jerry&lt;/b&gt;</a>',
    );
    expect(formatLink('markdown', tricky).text).toBe(
      '[<b>"Tom" & Jerry</b>](https://a.example/p_%281%29?q=%22x%22&y=%3Cz%3E)',
    );
  });

  it('falls back to the address when there is no title', () => {
    expect(formatLink('markdown', { url: 'https://a.example/', title: '  ' }).text).toBe(
      '[https://a.example/](https://a.example/)',
    );
  });
});

describe('formatQuote', () => {
  const quote = '  The storm   reached the coast\nat dawn.\n\nNobody was hurt.  ';

  it('gives plain text and HTML that carry title, site and link', () => {
    const copied = formatQuote('quote', quote, page);
    expect(copied.text).toBe(
      '“The storm reached the coast at dawn.\n\nNobody was hurt.”\n— Storm [live] hits *the* coast — Daily Planet\nhttps://news.example/world/story?id=7#comments',
    );
    expect(copied.html).toBe(
      '<blockquote cite="https://news.example/world/story?id=7#comments"><p>The storm reached the coast at dawn.</p><p>Nobody was hurt.</p></blockquote>' +
        '<p>— <a href="https://news.example/world/story?id=7#comments">Storm [live] hits *the* coast — Daily Planet</a></p>',
    );
  });

  it('gives Markdown with a linked source', () => {
    expect(formatQuote('quote-markdown', quote, page).text).toBe(
      '> The storm reached the coast at dawn.\n>\n> Nobody was hurt.\n\n— [Storm \\[live\\] hits \\*the\\* coast — Daily Planet](https://news.example/world/story?id=7#comments)',
    );
  });

  it('does not repeat a site already in the title', () => {
    expect(
      formatQuote('quote', 'x', { url: 'https://a.example/', title: 'Daily Planet: news', siteName: 'Daily Planet' })
        .text,
    ).toBe('“x”\n— Daily Planet: news\nhttps://a.example/');
  });

  it('escapes HTML in the quote', () => {
    expect(formatQuote('quote', '<script>x</script>', page).html).toContain('<p>&lt;script&gt;x&lt;/script&gt;</p>');
    expect(escapeHtml(`<a href="x">'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&lt;/a&gt;');
  });
});

describe('cleanTitle', () => {
  const at = (title: string, url = 'https://www.dailyplanet.example/a', siteName: string | null = null) =>
    cleanTitle({ title, url, siteName });

  it('drops the site’s name the page adds at either end, by og:site_name or by host', () => {
    expect(at('Storm hits the coast | Daily Planet', 'https://news.example/a', 'Daily Planet')).toBe(
      'Storm hits the coast',
    );
    expect(at('Storm hits the coast - DailyPlanet')).toBe('Storm hits the coast');
    expect(at('dailyplanet.example — Storm hits the coast')).toBe('Storm hits the coast');
    expect(at('Storm hits the coast | World | BBC News', 'https://www.bbc.co.uk/news/1')).toBe(
      'Storm hits the coast | World',
    );
    expect(at('Шторм на побережье | Вести', 'https://vesti.example/a', 'Вести')).toBe('Шторм на побережье');
  });

  it('keeps titles without the site’s name whole, separators and all', () => {
    expect(at('CNN: CIA conducts first known strike')).toBe('CNN: CIA conducts first known strike');
    expect(at('Left - right: a history', 'https://history.example/a', 'History Today')).toBe('Left - right: a history');
    expect(at('Daily Planet')).toBe('Daily Planet');
    expect(at('  Spaced   out  ')).toBe('Spaced out');
  });

  it('titles every copy format with the clean title', () => {
    const source = { url: 'https://news.example/a', title: 'Storm | Daily Planet', siteName: 'Daily Planet' };
    expect(formatLink('title-link', source).text).toBe('Storm\nhttps://news.example/a');
    expect(formatQuote('quote', 'Wind.', source).text).toBe('“Wind.”\n— Storm — Daily Planet\nhttps://news.example/a');
  });
});

describe('passageUrl', () => {
  it('writes the four parts of a text directive, encoding its own syntax', () => {
    expect(
      passageUrl('https://a.example/story', {
        prefix: 'said, well-known',
        textStart: 'fish & chips',
        textEnd: 'ending',
        suffix: 'next – part',
      }),
    ).toBe(
      'https://a.example/story#:~:text=said%2C%20well%2Dknown-,fish%20%26%20chips,ending,-next%20%E2%80%93%20part',
    );
    expect(passageUrl('https://a.example/story?id=7', { textStart: 'Привет мир' })).toBe(
      'https://a.example/story?id=7#:~:text=%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82%20%D0%BC%D0%B8%D1%80',
    );
  });

  it('keeps the page’s own fragment and replaces a directive already there', () => {
    expect(passageUrl('https://a.example/s#part-2', { textStart: 'x' })).toBe('https://a.example/s#part-2:~:text=x');
    expect(passageUrl('https://a.example/s#:~:text=old', { textStart: 'new' })).toBe('https://a.example/s#:~:text=new');
  });

  it('is the link a quote carries when one was made, else the clean address', () => {
    const link = passageUrl(cleanUrl(page), { textStart: 'The storm' });
    expect(formatQuote('quote', 'The storm', page, link).text).toBe(
      `“The storm”\n— Storm [live] hits *the* coast — Daily Planet\n${link}`,
    );
    expect(formatQuote('quote-markdown', 'The storm', page, link).text).toContain(`](${link})`);
    expect(formatQuote('quote', 'The storm', page, null).text).toContain(
      '\nhttps://news.example/world/story?id=7#comments',
    );
  });
});

describe('quoteFragment', () => {
  it('keeps only the whole words of the context around a quote that starts and ends at a word', () => {
    expect(
      quoteFragment({
        exact: 'the great storm',
        prefix: 'ishermen remember the night of ',
        suffix: ', when the wall he',
      }),
    ).toEqual({ prefix: 'the night of', textStart: 'the great storm' });
    expect(quoteFragment({ exact: 'great storm', prefix: 'the night of the ', suffix: ' when the wall held' })).toEqual(
      { prefix: 'night of the', textStart: 'great storm', suffix: 'when the wall' },
    );
  });

  it('takes no context where the quote starts or ends inside a word, and none that is empty', () => {
    expect(quoteFragment({ exact: 'reat storm', prefix: 'the night of the g', suffix: 's came' })).toEqual({
      textStart: 'reat storm',
    });
    expect(quoteFragment({ exact: 'Opening words', prefix: '', suffix: '' })).toEqual({ textStart: 'Opening words' });
  });

  it('names a long quote by its first and last words', () => {
    const exact = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' \n ');
    expect(quoteFragment({ exact })).toEqual({ textStart: 'w0 w1 w2 w3 w4', textEnd: 'w25 w26 w27 w28 w29' });
  });
});
