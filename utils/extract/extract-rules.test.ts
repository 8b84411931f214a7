import { describe, expect, it } from 'vitest';
import { htmlDocument } from '@/tests/unit/dom';
import { extractArticle } from './extract';

const prose = (topic: string): string =>
  `<p>The ${topic} was the talk of the town for a whole season, and everybody who went to see it came back with a ` +
  `story of their own, which they told at length to anyone who would listen over coffee in the square.</p>`;

function articleOf(body: string): NonNullable<ReturnType<typeof extractArticle>> {
  const url = 'https://news.example/story';
  const doc = htmlDocument(
    `<html lang="en"><head><title>Story</title></head><body><article>` +
      `${prose('harbour')}${body}${prose('bridge')}${prose('market')}</article></body></html>`,
    url,
  );
  return extractArticle(doc, url)!;
}

describe('captions that nothing names', () => {
  it('an italic paragraph right under an image becomes its figcaption', () => {
    const article = articleOf(
      '<p><a href="/big.jpg"><img src="/lights.jpg" alt=""></a></p><p><em>Lights on the bridge by A. Artist</em></p>',
    );
    expect(article.html).toMatch(
      /<figure><p><a [^>]*><img [^>]*><\/a><\/p><figcaption><em>Lights on the bridge by A\. Artist<\/em><\/figcaption><\/figure>/,
    );
    expect(article.text).not.toContain('Lights on the bridge');
  });

  it('a short line set apart under an image in a text block becomes its figcaption', () => {
    const article = articleOf(
      '<div>A preview was shared with subscribers.<br><img src="/kb.jpg" alt=""><center><em>The new keyboard, via a teardown</em></center><br>The report says more.</div>',
    );
    expect(article.html).toContain('<figcaption><em>The new keyboard, via a teardown</em></figcaption>');
    expect(article.text).not.toContain('The new keyboard');
    expect(article.text).toContain('The report says more.');
  });

  it('leaves running text alone: a sentence that goes on, a long italic paragraph, a plain paragraph', () => {
    const runOn = articleOf('<p><img src="/a.jpg" alt=""><span>Boats</span> came in at dawn, as every day.</p>');
    expect(runOn.text).toContain('Boats came in at dawn');
    const longItalic = `<p><em>${'An editor’s note that runs on for a while about the story. '.repeat(6)}</em></p>`;
    expect(articleOf(`<p><img src="/a.jpg" alt=""></p>${longItalic}`).text).toContain('An editor’s note');
    expect(articleOf('<p><img src="/a.jpg" alt=""></p><p>Plain words follow the picture here.</p>').text).toContain(
      'Plain words follow the picture here.',
    );
  });

  it('a caption box whose image the page loads by script captions nothing and leaves the text', () => {
    const article = articleOf(
      '<div class="InlineImage-wrapper"><div class="InlineImage-placeholder"></div><div><div class="InlineImage-caption">The minister at the air show, on Monday.</div><div class="InlineImage-credit">A. Photographer | Agency</div></div></div>',
    );
    expect(article.text).not.toMatch(/air show|Photographer/);
  });
});

describe('lines that repeat or credit images', () => {
  it('drops gallery counters, photo credits and copies of captions', () => {
    const caption = 'Two designers unveil the concept car at the motor show in the city on Tuesday morning.';
    const article = articleOf(
      `<ul><li><figure><img src="/car.jpg" alt="${caption} Photo: A. Photographer"><figcaption>${caption}</figcaption></figure></li></ul>` +
        `<div><p>Photo: A. Photographer, Agency</p><p>Image 1 / 23</p><p>${caption.slice(0, 60)} ... more</p></div>`,
    );
    expect(article.text).not.toMatch(/Photo:|Image 1|concept car/);
    expect(article.html).toContain(`<figcaption>${caption}</figcaption>`);
  });

  it('keeps a heading that repeats its picture’s description', () => {
    const article = articleOf(
      '<h2>The lighthouse keeper’s cottage on the northern cliffs above the bay</h2><p><img src="/c.jpg" alt="The lighthouse keeper’s cottage on the northern cliffs above the bay"></p>',
    );
    expect(article.text).toContain('The lighthouse keeper’s cottage on the northern cliffs above the bay');
  });

  it('drops the wire credits and listening prompts that close a story', () => {
    const url = 'https://news.example/story';
    const doc = htmlDocument(
      `<html lang="en"><body><article>${prose('harbour')}${prose('ferry')}${prose('market')}` +
        '<p>(Reporting by A. Writer; additional reporting by B. Writer; editing by C. Editor)</p>' +
        '<p>Listen to the morning show live at 7:45 on weekdays.</p></article></body></html>',
      url,
    );
    const article = extractArticle(doc, url)!;
    expect(article.text).not.toMatch(/Reporting by|Listen to/);
    expect(article.text).toMatch(/market.*square\.$/s);
  });
});

describe('posts quoted from social networks', () => {
  it('keeps an embedded post in a box named "social", and still drops a share bar', () => {
    const article = articleOf(
      '<p>And a whole lot of people pointed it out online, within minutes of the launch.</p>' +
        '<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en">Yes this is real and the state paid for it: <a href="https://t.co/x">https://t.co/x</a></p>— A. Person (@aperson) <a href="https://twitter.com/aperson/status/1">November 18, 2019</a></blockquote></div>' +
        '<div class="social-share"><a href="https://twitter.com/intent/tweet?url=x">Share on X</a> <a href="https://www.facebook.com/sharer.php?u=x">Share on Facebook</a></div>',
    );
    expect(article.text).toContain('Yes this is real and the state paid for it');
    expect(article.html).toMatch(/<blockquote>[\s\S]*Yes this is real/);
    expect(article.text).not.toContain('Share on');
  });
});

describe('calls to action and story lists', () => {
  it('drops a subscription box amid the text and the list of more stories that ends the article', () => {
    const url = 'https://news.example/story';
    const doc = htmlDocument(
      `<html lang="en"><body><article>${prose('harbour')}` +
        '<div><p>SUBSCRIBE</p><p><img src="/logo.png" alt=""></p><p><a href="https://subscribe.news.example/">Subscribe</a> to the Example and stay smart.</p></div>' +
        `${prose('ferry')}${prose('market')}<hr><ul>` +
        '<li>Boats must unionize, <a href="https://news.example/boats">no matter what the owners say</a></li>' +
        '<li>Paid ads are not the problem. <a href="https://news.example/ads">Our perceptions are</a></li>' +
        '<li>🚲 Torn between bikes? <a href="https://news.example/bikes">Check out our buying guide</a></li></ul></article></body></html>',
      url,
    );
    const article = extractArticle(doc, url)!;
    expect(article.text).not.toMatch(/SUBSCRIBE|stay smart|unionize|perceptions|Torn between/i);
    expect(article.text).toMatch(/ferry/);
  });

  it('keeps a closing list of sources elsewhere, and a list amid the text', () => {
    const url = 'https://news.example/story';
    const doc = htmlDocument(
      `<html lang="en"><body><article>${prose('harbour')}<ul>` +
        '<li>The harbour opened in 1901, <a href="https://news.example/1901">as we reported then</a></li>' +
        '<li>It closed for repairs in 1950 and again in 2010</li></ul>' +
        `${prose('ferry')}${prose('market')}<ul>` +
        '<li>Port authority annual report, <a href="https://port.example/report.pdf">2023 edition</a></li>' +
        '<li>Harbour census, <a href="https://census.example/harbour">figures by year</a></li></ul></article></body></html>',
      url,
    );
    const article = extractArticle(doc, url)!;
    expect(article.text).toContain('as we reported then');
    expect(article.text).toContain('Port authority annual report');
  });
});

describe('inline links to other stories', () => {
  it('drops a paragraph that is only a headline linking another story of the site, keeps sentences and sources', () => {
    const article = articleOf(
      '<p><a href="https://news.example/other-story"><strong>MAYOR OPENS THE NEW FERRY TERMINAL</strong></a></p>' +
        '<p><a href="https://news.example/report">The full report is on our site.</a></p>' +
        '<p><a href="https://port.example/annual-report">Port Authority annual report for the year</a></p>',
    );
    expect(article.text).not.toContain('MAYOR OPENS');
    expect(article.text).toContain('The full report is on our site.');
    expect(article.text).toContain('Port Authority annual report for the year');
  });

  it('reads the same served from another address: the canonical address names the site too', () => {
    const body =
      `${prose('harbour')}<p><a href="https://news.example/other-story"><strong>MAYOR OPENS THE NEW FERRY TERMINAL</strong></a></p>` +
      `${prose('bridge')}<ul><li><a href="https://news.example/a">Ferry fares rise again</a></li>` +
      `<li><a href="https://news.example/b">Bridge works start</a></li><li><a href="https://news.example/c">Market moves</a></li></ul>` +
      prose('market');
    const page = (canonical: string): string =>
      `<html lang="en"><head><title>Story</title>${canonical}</head><body><article>${body}</article></body></html>`;
    const at = (url: string, canonical = ''): string => extractArticle(htmlDocument(page(canonical), url), url)!.text;
    const home = at('https://news.example/story');
    expect(home).not.toContain('MAYOR OPENS');
    expect(home).not.toContain('Ferry fares rise again');
    // A copy on another host that says where it lives reads as at home; one that doesn't can't know its site.
    expect(at('http://127.0.0.1:8080/copy', '<link rel="canonical" href="https://news.example/story">')).toBe(home);
    expect(at('http://127.0.0.1:8080/copy')).toContain('MAYOR OPENS');
  });
});

describe('the edges of an article', () => {
  const url = 'https://blog.example/2024/03/hike';
  const page = (before: string, after = ''): string =>
    `<html><body><article>${before}${prose('harbour')}${prose('ferry')}${prose('market')}${after}</article></body></html>`;

  it('drops an opening affiliate notice or newsletter sign-up, and a date line in any language the dates are read in', () => {
    const article = extractArticle(
      htmlDocument(
        page(
          '<p>This post may contain affiliate and/or referral links. Please see my disclosure page.</p><p>September 15, 2014</p>',
        ),
        url,
      ),
      url,
    )!;
    expect(article.text).toMatch(/^The harbour/);
    const portuguese = extractArticle(
      htmlDocument(page('<p>sexta-feira, 22 de outubro de 2010 às 20:13</p>'), url),
      url,
    )!;
    expect(portuguese.text).toMatch(/^The harbour/);
  });

  it('keeps a quoted post that ends the article, with its dated attribution', () => {
    const article = extractArticle(
      htmlDocument(
        page(
          '',
          '<blockquote><p>The senate adjourns until the next legislative day.</p>— The Senate (@senate) October 9, 2018</blockquote>',
        ),
        url,
      ),
      url,
    )!;
    expect(article.text).toContain('— The Senate (@senate) October 9, 2018');
  });

  it('keeps an opening sentence that holds a date', () => {
    const article = extractArticle(htmlDocument(page('<p>On 4 March 2024 the harbour opened.</p>'), url), url)!;
    expect(article.text).toMatch(/^On 4 March 2024 the harbour opened\./);
  });
});

describe('an article in a box named like furniture', () => {
  it('is still found: the full page is read when the copy without such boxes gives no article', () => {
    const url = 'https://forum.example/t/1';
    const doc = htmlDocument(
      `<html lang="en"><body><div class="community-post">${prose('harbour')}${prose('ferry')}${prose('market')}</div></body></html>`,
      url,
    );
    expect(extractArticle(doc, url)?.text).toContain('The ferry was the talk of the town');
  });
});
