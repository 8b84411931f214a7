import { describe, expect, it } from 'vitest';
import { fixtureDocument, htmlDocument } from '@/tests/unit/dom';
import { extractArticle } from './extract';
import { isEmbedFrame, providerOf } from './embeds';

const BASE = 'https://valley-courier.example/festival';

describe('players and posts, recognised by the shape of their address', () => {
  it.each([
    'https://www.youtube.com/embed/Xh4rB0atF3s',
    'https://player.vimeo.com/video/76979871',
    'https://player.anyhost.example/v2/abc',
    'https://tube.example/videos/embed/5f1e',
    'https://social.example/plugins/post.php?href=https%3A%2F%2Fsocial.example%2Fp%2F1',
    'https://photos.example/p/Bx12/embed/captioned',
    'https://w.soundhost.example/player/?url=https%3A//soundhost.example/tracks/991',
    '//player.anyhost.example/v2/abc',
  ])('%s is an embed', (src) => {
    expect(isEmbedFrame(src, BASE)).toBe(true);
  });

  it('a frame asking for a player’s features is one, whatever its address', () => {
    expect(isEmbedFrame('https://cdn.example/x/9', BASE, 'autoplay; encrypted-media')).toBe(true);
    expect(isEmbedFrame('https://cdn.example/x/9', BASE, '', true)).toBe(true);
    expect(isEmbedFrame('https://cdn.example/x/9', BASE)).toBe(false);
  });

  it.each([
    'https://ads.adnet.example/serve?slot=3',
    'https://forms.example/newsletter/signup',
    'https://social.example/plugins/like.php?href=https%3A%2F%2Fvalley-courier.example%2F',
    'https://comments.example/embed/thread/12',
    'about:blank',
    'javascript:alert(1)',
    '',
  ])('%s is not', (src) => {
    expect(isEmbedFrame(src, BASE, 'autoplay', true)).toBe(false);
  });

  it('names the provider by its host, without www. and service labels', () => {
    expect(providerOf(new URL('https://www.youtube.com/embed/x'))).toBe('youtube.com');
    expect(providerOf(new URL('https://player.vimeo.com/video/1'))).toBe('vimeo.com');
    expect(providerOf(new URL('https://w.soundhost.example/player'))).toBe('soundhost.example');
    expect(providerOf(new URL('https://news.example/clip.mp4'))).toBe('news.example');
  });
});

describe('embeds in an article become cards', () => {
  const article = extractArticle(fixtureDocument('embeds-article.html', BASE), BASE)!;
  const doc = htmlDocument(`<html><body>${article.html}</body></html>`);
  const cards = Array.from(doc.querySelectorAll('figure.lectern-embed'));
  const card = (href: string) => cards.find((c) => c.querySelector('a')?.getAttribute('href') === href);
  const read = (c: Element | undefined) => ({
    icon: c?.querySelector('[aria-hidden]')?.textContent,
    provider: c?.querySelector('small')?.textContent,
    title: c?.querySelector('strong')?.textContent ?? null,
    thumbnail: c?.querySelector('img')?.getAttribute('src') ?? null,
  });

  it('one card per player, post or recording; ads and sign-up frames gone; the article stays one', () => {
    expect(cards).toHaveLength(7);
    expect(article.html).not.toMatch(/<iframe|<video|<audio|adnet|newsletter/);
    expect(article.verdict.article).toBe(true);
  });

  it('a video player titled by its figure’s caption (its own title only names the player)', () => {
    expect(read(card('https://www.youtube.com/embed/Xh4rB0atF3s'))).toEqual({
      icon: '▶',
      provider: 'youtube.com',
      title: 'The parade of boats, filmed from the pier',
      thumbnail: null,
    });
  });

  it('a player’s own title, playback options left out of the link', () => {
    expect(read(card('https://player.vimeo.com/video/76979871?h=1')).title).toBe('Night lights over the basin');
  });

  it('a lazy player whose box held its picture: the picture is the card’s thumbnail, shown once', () => {
    expect(read(card('https://player.streamhost.example/embed/7781'))).toMatchObject({
      provider: 'streamhost.example',
      title: 'Interview with the harbour master',
      thumbnail: 'https://valley-courier.example/images/dock.png?facade=7781',
    });
    expect(article.html.match(/facade=7781/g)).toHaveLength(1);
  });

  it('an embedded post links to the post its address names', () => {
    expect(read(card('https://social.example/valleycourier/posts/4242'))).toMatchObject({ icon: '❝', title: null });
  });

  it('an audio player links to its track', () => {
    expect(read(card('https://api.soundhost.example/tracks/991'))).toMatchObject({
      icon: '♪',
      provider: 'soundhost.example',
      title: "The fishermen's choir: Haul away",
    });
  });

  it('<video> and <audio>: the file to open, the poster the page had as thumbnail, the caption as title', () => {
    expect(read(card('https://media.valley-courier.example/clips/lifeboat.mp4'))).toEqual({
      icon: '▶',
      provider: 'valley-courier.example',
      title: 'The lifeboat demonstration',
      thumbnail: 'https://valley-courier.example/images/dock.png?poster=lifeboat',
    });
    expect(read(card('https://cdn.podhost.example/valley/episode-12.mp3'))).toMatchObject({
      icon: '♪',
      title: "Episode 12 of our podcast: the festival from the committee's side",
    });
  });

  it('cards stay out of the running text, and open outside the reader', () => {
    expect(article.text).not.toMatch(/youtube|Haul away|Night lights/);
    for (const c of cards) expect(c.querySelector('a')!.getAttribute('target')).toBe('_blank');
  });
});
