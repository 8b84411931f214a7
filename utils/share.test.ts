import { describe, expect, it } from 'vitest';
import { SHARE_TARGETS, shareUrl } from './share';

const page = { url: 'https://news.example/a?b=1&c=2#top', title: 'Он сказал: "Да & нет" #1 🎉' };

describe('shareUrl', () => {
  it('builds each network’s share address', () => {
    const enc = encodeURIComponent;
    expect(shareUrl('x', page)).toBe(`https://x.com/intent/post?text=${enc(page.title)}&url=${enc(page.url)}`);
    expect(shareUrl('facebook', page)).toBe(`https://www.facebook.com/sharer/sharer.php?u=${enc(page.url)}`);
    expect(shareUrl('telegram', page)).toBe(`https://t.me/share/url?url=${enc(page.url)}&text=${enc(page.title)}`);
    expect(shareUrl('whatsapp', page)).toBe(`https://wa.me/?text=${enc(`${page.title} ${page.url}`)}`);
    expect(shareUrl('email', page)).toBe(`mailto:?subject=${enc(page.title)}&body=${enc(page.url)}`);
  });

  it('keeps the title and link intact through encoding', () => {
    for (const target of SHARE_TARGETS) {
      const built = new URL(shareUrl(target, page));
      const values = [...built.searchParams.values()].join(' ');
      expect(values, target).toContain(page.url);
      expect(built.hash, target).toBe('');
      if (target !== 'facebook') expect(values, target).toContain(page.title);
    }
  });

  it('shares a bare link when there is no title', () => {
    expect(shareUrl('whatsapp', { url: 'https://a.example/', title: '' })).toBe(
      'https://wa.me/?text=https%3A%2F%2Fa.example%2F',
    );
  });
});
