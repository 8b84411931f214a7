import { describe, expect, it } from 'vitest';
import { SHARE_TARGETS, normalizeInstance, shareUrl } from './share';

const page = { url: 'https://news.example/a?b=1&c=2#top', title: 'Он сказал: "Да & нет" #1 🎉' };
const options = { mastodonInstance: 'mastodon.social' };
const enc = encodeURIComponent;

describe('shareUrl', () => {
  it('builds each network’s share address', () => {
    const both = enc(`${page.title} ${page.url}`);
    expect(shareUrl('x', page, options)).toBe(`https://x.com/intent/post?text=${enc(page.title)}&url=${enc(page.url)}`);
    expect(shareUrl('facebook', page, options)).toBe(`https://www.facebook.com/sharer/sharer.php?u=${enc(page.url)}`);
    expect(shareUrl('telegram', page, options)).toBe(
      `https://t.me/share/url?url=${enc(page.url)}&text=${enc(page.title)}`,
    );
    expect(shareUrl('whatsapp', page, options)).toBe(`https://wa.me/?text=${both}`);
    expect(shareUrl('linkedin', page, options)).toBe(
      `https://www.linkedin.com/sharing/share-offsite/?url=${enc(page.url)}`,
    );
    expect(shareUrl('reddit', page, options)).toBe(
      `https://www.reddit.com/submit?url=${enc(page.url)}&title=${enc(page.title)}`,
    );
    expect(shareUrl('vk', page, options)).toBe(
      `https://vk.com/share.php?url=${enc(page.url)}&title=${enc(page.title)}`,
    );
    expect(shareUrl('bluesky', page, options)).toBe(`https://bsky.app/intent/compose?text=${both}`);
    expect(shareUrl('mastodon', page, options)).toBe(`https://mastodon.social/share?text=${both}`);
    expect(shareUrl('email', page, options)).toBe(`mailto:?subject=${enc(page.title)}&body=${enc(page.url)}`);
  });

  it('keeps title and link intact through encoding (quotes, emoji, Cyrillic, &, #)', () => {
    for (const target of SHARE_TARGETS) {
      const built = new URL(shareUrl(target, page, options));
      const values = [...built.searchParams.values()].join(' ');
      expect(values, target).toContain(page.url);
      expect(built.hash, target).toBe('');
      if (!['facebook', 'linkedin'].includes(target)) expect(values, target).toContain(page.title);
    }
  });

  it('shares a quote with its source', () => {
    const quoted = { ...page, quote: ' The storm\nreached the coast. ' };
    expect(shareUrl('x', quoted, options)).toBe(
      `https://x.com/intent/post?text=${enc(`“The storm reached the coast.” — ${page.title}`)}&url=${enc(page.url)}`,
    );
    expect(shareUrl('email', quoted, options)).toBe(
      `mailto:?subject=${enc(page.title)}&body=${enc(`“The storm reached the coast.” — ${page.title}\n\n${page.url}`)}`,
    );
  });

  it('uses the chosen Mastodon server', () => {
    expect(shareUrl('mastodon', page, { mastodonInstance: 'fosstodon.org' })).toMatch(
      /^https:\/\/fosstodon\.org\/share\?text=/,
    );
  });

  it('shares a bare link when there is no title', () => {
    expect(shareUrl('whatsapp', { url: 'https://a.example/', title: '' }, options)).toBe(
      'https://wa.me/?text=https%3A%2F%2Fa.example%2F',
    );
  });
});

describe('normalizeInstance', () => {
  it('accepts what people type for their server', () => {
    expect(normalizeInstance('mastodon.social')).toBe('mastodon.social');
    expect(normalizeInstance(' https://Fosstodon.org/about ')).toBe('fosstodon.org');
    expect(normalizeInstance('@jane@hachyderm.io')).toBe('hachyderm.io');
    expect(normalizeInstance('social.example/"><script>')).toBe('social.example');
  });

  it('rejects what is not a server name', () => {
    for (const bad of ['', 'localhost', 'javascript:alert(1)', 'evil"><script>.com', 'a b.com', 'x.y']) {
      expect(normalizeInstance(bad), bad).toBeNull();
    }
  });
});
