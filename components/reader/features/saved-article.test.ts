// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { LibraryStore } from '@/utils/browser';
import { entryToSave, type LibraryImage } from '@/utils/library';
import { savedArticle, withOriginalImages } from './saved-article';

// The library as the reader finds it: one article and its kept images (happy-dom's Blobs don't survive
// fake-indexeddb's structured clone, so the store is a stand-in here; the store has its own tests).
const kept: { store: Partial<LibraryStore> } = { store: {} };
vi.mock('@/utils/browser', () => ({
  openLibraryStore: () => kept.store,
  loadPosition: async () => 0,
  savePosition: async () => undefined,
}));

const IMAGE = 'https://img.test/harbour.png';
const LEAD = 'https://img.test/lead.png';

describe('an article read from the library', () => {
  it('shows its images from the kept copies, and a file saved from it points at their own addresses', async () => {
    const { entry, body } = entryToSave(
      {
        url: 'https://example.com/harbour',
        canonical: null,
        title: 'Harbour',
        byline: null,
        siteName: 'Example',
        published: null,
        lang: 'en',
        dir: null,
        excerpt: null,
        html: `<p>Boats.</p><img src="${IMAGE}" alt="Boats"><img src="https://img.test/not-kept.png" alt="">`,
        text: 'Boats.',
        wordCount: 1,
        readingMinutes: 1,
        leadImage: { src: LEAD, alt: 'Lead' },
      },
      { kept: 2, left: 0 },
      100,
      null,
    );
    const blob = new Blob([new Uint8Array(4)], { type: 'image/webp' });
    const images: LibraryImage[] = [
      { articleId: entry.id, src: IMAGE, blob },
      { articleId: entry.id, src: LEAD, blob },
    ];
    kept.store = { entry: async () => entry, body: async () => body, images: async () => images };

    const { article } = await savedArticle(entry.id);
    expect(article).not.toBeNull();
    const shown = new DOMParser().parseFromString(article!.html, 'text/html');
    const sources = [...shown.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(sources[0]).toMatch(/^blob:/);
    expect(sources[1]).toBe('https://img.test/not-kept.png');
    expect(article!.leadImage?.src).toMatch(/^blob:/);

    const file = withOriginalImages(article!);
    const saved = new DOMParser().parseFromString(file.html, 'text/html');
    expect([...saved.querySelectorAll('img')].map((img) => img.getAttribute('src'))).toEqual([
      IMAGE,
      'https://img.test/not-kept.png',
    ]);
    expect(file.leadImage).toEqual({ src: LEAD, alt: 'Lead' });
    expect(file.html).not.toContain('blob:');
  });

  it('leaves an article from the page as it is', () => {
    const article = { html: '<p>x</p>', leadImage: null } as Parameters<typeof withOriginalImages>[0];
    expect(withOriginalImages(article)).toBe(article);
  });
});
