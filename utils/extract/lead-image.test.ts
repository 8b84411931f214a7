import { describe, expect, it } from 'vitest';
import { fixtureDocument, htmlDocument } from '@/tests/unit/dom';
import { extractArticle } from './extract';

const prose =
  '<p>The harbour was the talk of the town for a whole season, and everybody who went to see it came back with a ' +
  'story of their own, which they told at length to anyone who would listen over coffee in the square.</p>';

function articleWith(head: string, body = '', outside = ''): ReturnType<typeof extractArticle> {
  const url = 'https://port.example/story';
  const doc = htmlDocument(
    `<html><head><title>Story</title>${head}</head><body>${outside}<article>${prose}${body}${prose}${prose}` +
      `</article></body></html>`,
    url,
  );
  return extractArticle(doc, url);
}

describe('the lead image', () => {
  it('is the declared image, with its alt text, for an article without pictures', () => {
    const url = 'https://port.example/cranes';
    const article = extractArticle(fixtureDocument('lead-image.html', url), url)!;
    expect(article.leadImage).toEqual({
      src: 'https://port.example/images/dock.png',
      alt: 'Two cranes over the dock at low tide',
    });
  });

  it('takes its alt text from JSON-LD, or from the page’s own <img> of it, else none', () => {
    const ld = (image: unknown) =>
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Story', image })}</script>`;
    expect(articleWith(ld({ url: '/a.jpg', caption: 'Boats at dawn' }))!.leadImage).toEqual({
      src: 'https://port.example/a.jpg',
      alt: 'Boats at dawn',
    });
    expect(
      articleWith(
        '<meta property="og:image" content="/b.jpg">',
        '',
        '<div class="hero"><img src="/b.jpg" alt="The quay"></div>',
      )!.leadImage,
    ).toEqual({ src: 'https://port.example/b.jpg', alt: 'The quay' });
    expect(articleWith('<meta property="og:image" content="/c.jpg">')!.leadImage).toEqual({
      src: 'https://port.example/c.jpg',
      alt: '',
    });
  });

  it('is never shown twice: not when the article has any picture or video of its own', () => {
    const head = '<meta property="og:image" content="https://port.example/lead.jpg">';
    expect(articleWith(head, '<figure><img src="/lead.jpg" alt="x"></figure>')!.leadImage).toBeNull();
    expect(articleWith(head, '<figure><img src="/other.jpg" alt="y"></figure>')!.leadImage).toBeNull();
    expect(articleWith(head, '<video src="/clip.mp4" controls></video>')!.leadImage).toBeNull();
  });

  it('is only ever a web address', () => {
    for (const bad of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'file:///etc/passwd', 'vbscript:x']) {
      expect(articleWith(`<meta property="og:image" content="${bad}">`)!.leadImage, bad).toBeNull();
    }
    expect(articleWith('')!.leadImage).toBeNull();
  });
});
