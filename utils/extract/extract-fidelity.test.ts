import { describe, expect, it } from 'vitest';
import { fixtureDocument, htmlDocument } from '@/tests/unit/dom';
import { extractArticle } from './extract';

const URL_ = 'https://eng.example/tunnels/river-tunnel';

/** A paragraph long enough that Readability takes the page for an article. */
const prose = (topic: string): string =>
  `<p>The ${topic} was the talk of the town for a whole season, and everybody who went to see it came back with a ` +
  `story of their own, which they told at length to anyone who would listen over coffee in the square.</p>`;

function articleOf(body: string, url = 'https://news.example/story', head = ''): ReturnType<typeof extractArticle> {
  const doc = htmlDocument(
    `<html lang="en"><head><title>Story</title>${head}</head><body><article>` +
      `${prose('harbour')}${body}${prose('bridge')}${prose('market')}</article></body></html>`,
    url,
  );
  return extractArticle(doc, url);
}

describe('content fidelity on a page with everything', () => {
  const doc = fixtureDocument('fidelity-article.html', URL_);
  const before = doc.documentElement.outerHTML;
  const article = extractArticle(doc, URL_)!;
  const html = article.html;

  it('makes lazy images real, from data-src, data-original, data-srcset and <noscript>', () => {
    expect(html).toContain('src="https://eng.example/media/shaft.jpg"');
    expect(html).toContain('src="https://eng.example/media/cutter.jpg"');
    expect(html).toContain(
      'srcset="https://eng.example/media/segments-800.jpg 800w, https://eng.example/media/segments-1600.jpg 1600w"',
    );
    expect(html).toContain('src="https://eng.example/media/segments-800.jpg"');
    expect(html).toContain('src="https://eng.example/media/ring.jpg"');
    expect(html).not.toMatch(/placeholder\.gif|data:image/);
    // The placeholder image and its <noscript> fallback make one image, not two.
    expect(html.match(/alt="The ring"/g)).toHaveLength(1);
  });

  it('keeps <picture> sources, with lazy ones made real', () => {
    expect(html).toMatch(/<picture>\s*<source type="image\/webp" srcset="https:\/\/eng\.example\/media\/map\.webp">/);
    expect(html).toContain('src="https://eng.example/media/map.jpg"');
  });

  it('makes relative links absolute and drops tracking pixels', () => {
    expect(html).toContain('href="https://eng.example/archive/shafts.html"');
    expect(html).not.toContain('tracker.example');
  });

  it('keeps code blocks with their whitespace and language', () => {
    expect(html).toContain('<pre><code class="language-python">def correct(offset, gain=0.4):\n    # keep the head');
    expect(article.text).toContain('def correct(offset, gain=0.4):\n    # keep the head on the line\n    return');
  });

  it('keeps tables as tables, a line per row in the text', () => {
    expect(html).toMatch(/<table><thead><tr><th>Drive<\/th>/);
    expect(html).toContain('<td>North</td><td>2140</td><td>6</td>');
    expect(article.text).toContain('Drive\tLength (m)\tError (mm)\nNorth\t2140\t6\nSouth\t1985\t5');
  });

  it('keeps figure captions with their figures, out of the running text', () => {
    expect(html).toMatch(
      /<figure>\s*<img src="https:\/\/eng\.example\/media\/shaft\.jpg"[^>]*>\s*<figcaption>The launch/,
    );
    expect(article.text).not.toContain('The launch shaft');
  });

  it('keeps MathML through sanitizing', () => {
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>p</mi><mo>=</mo><mi>ρ</mi>');
  });

  it('turns an embedded video into a card linking to it, not a hole', () => {
    expect(html).toContain(
      '<figure class="lectern-embed"><figcaption><a href="https://www.youtube.com/embed/dQw4w9WgXcQ" target="_blank" rel="noopener noreferrer"><span aria-hidden="true">▶</span> <small>youtube.com</small> <strong>Breakthrough day</strong></a></figcaption></figure>',
    );
    expect(html).not.toContain('<iframe');
  });

  it('leaves out the page furniture and scripts', () => {
    for (const junk of ['Share on X', 'All rights reserved', 'Tunnels', 'analytics', 'opacity']) {
      expect(article.text).not.toContain(junk);
      expect(html).not.toContain(junk);
    }
  });

  it('reads the metadata', () => {
    expect(article).toMatchObject({
      title: 'How the river tunnel was built',
      byline: 'Ada Brunel',
      siteName: 'Engineering Weekly',
      lang: 'en',
      dir: 'ltr',
      excerpt: 'Twelve years, three boring machines and one stubborn aquifer.',
      image: 'https://eng.example/media/lead.jpg',
    });
  });

  it('never touches the page', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('content fidelity, case by case', () => {
  it('resolves links against the page <base>', () => {
    const doc = htmlDocument(
      `<html><head><base href="/docs/v2/"></head><body><article>${prose('lake')}<p>See <a href="intro.html">the intro</a> and ` +
        `<img src="img/a.png" alt="a"> for more on the lake and its long history of floods.</p>${prose('forest')}${prose('hill')}</article></body></html>`,
      'https://site.example/docs/v2/page',
    );
    const article = extractArticle(doc, 'https://site.example/docs/v2/page')!;
    expect(article.html).toContain('href="https://site.example/docs/v2/intro.html"');
    expect(article.html).toContain('src="https://site.example/docs/v2/img/a.png"');
  });

  it('keeps a real image next to its spacer and drops the spacer', () => {
    const article = articleOf(
      '<p><img src="/spacer.gif" width="1" height="1" alt=""><img src="/photo.jpg" alt="Photo" width="600"></p>',
    )!;
    expect(article.html).toContain('src="https://news.example/photo.jpg"');
    expect(article.html).not.toContain('spacer.gif');
  });

  it('turns players into cards, and drops other frames', () => {
    const article = articleOf(
      '<div><iframe src="https://player.vimeo.com/video/76979871?h=1&autoplay=1" title="A film"></iframe></div>' +
        '<p><iframe src="https://ads.example/frame"></iframe></p>',
    )!;
    expect(article.html).toContain('href="https://player.vimeo.com/video/76979871?h=1"');
    expect(article.html).toContain('<small>vimeo.com</small> <strong>A film</strong>');
    expect(article.html).not.toMatch(/<iframe|ads\.example/);
  });

  it('keeps figure captions written as a captioned div, and credits with them', () => {
    const article = articleOf(
      '<div class="photo"><img src="/a.jpg" alt="A"><div class="photo-caption">Boats at dawn.</div>' +
        '<span class="credit">Photo: Jane Roe</span></div>',
    )!;
    expect(article.html).toMatch(
      /<figure[^>]*>.*<img[^>]+a\.jpg.*<figcaption>Boats at dawn\. Photo: Jane Roe<\/figcaption>/s,
    );
    expect(article.text).not.toMatch(/Boats at dawn|Jane Roe/);
  });

  it('detects right-to-left text when the page does not say', () => {
    const arabic =
      '<p>قالت الحكومة اليوم إن المشروع الجديد سيبدأ في الربيع المقبل، وإن العمل سيستمر ثلاث سنوات على الأقل في المدينة القديمة وحولها.</p>';
    const doc = htmlDocument(
      `<html><head><title>خبر</title></head><body><article>${arabic.repeat(4)}</article></body></html>`,
      'https://akhbar.example/a',
    );
    const article = extractArticle(doc, 'https://akhbar.example/a')!;
    expect(article.lang).toBe('ar');
    expect(article.dir).toBe('rtl');
  });

  it('believes Hebrew text over a template that says lang="en"', () => {
    const hebrew =
      '<p>העירייה הודיעה היום כי עבודות השיפוץ בספרייה העירונית יסתיימו בחודש הבא, והמבנה ייפתח מחדש לקהל הרחב עם אגף חדש.</p>';
    const doc = htmlDocument(
      `<html lang="en"><head><title>חדשות</title></head><body><article>${hebrew.repeat(4)}</article></body></html>`,
      'https://city.example/a',
    );
    const article = extractArticle(doc, 'https://city.example/a')!;
    expect(article.lang).toBe('he');
    expect(article.dir).toBe('rtl');
  });

  it('keeps an explicit dir over everything', () => {
    const doc = htmlDocument(
      `<html lang="ar" dir="ltr"><head><title>x</title></head><body><article>${prose('river').repeat(3)}</article></body></html>`,
    );
    expect(extractArticle(doc, 'https://news.example/story')!.dir).toBe('ltr');
  });
});
