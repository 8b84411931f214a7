// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openLibraryStore, type LibraryStore } from '@/utils/browser';
import { pendingEntry, type ArticleToSave } from '@/utils/library';
import { saveToLibrary } from './library-save';

const article = (over: Partial<ArticleToSave> = {}): ArticleToSave => ({
  url: 'https://news.test/story?utm_source=feed',
  canonical: null,
  title: 'A story',
  byline: null,
  siteName: 'News',
  published: null,
  lang: 'en',
  dir: null,
  excerpt: null,
  html: '<p>Words of the story.</p>',
  text: 'Words of the story.',
  wordCount: 4,
  readingMinutes: 1,
  leadImage: null,
  ...over,
});

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});

describe('saving to the library', () => {
  it('saves once per clean address, and a failed write says why and keeps what was saved', async () => {
    const store = openLibraryStore();
    const first = await saveToLibrary(article(), store);
    expect(first).toMatchObject({ ok: true, left: 0, entry: { id: 'https://news.test/story', state: 'unread' } });
    await store.update('https://news.test/story', { tags: ['keep'] });
    expect(await saveToLibrary(article({ title: 'A story, updated' }), store)).toMatchObject({ ok: true });
    const entries = await store.entries();
    expect(entries.map((e) => [e.id, e.title, e.tags])).toEqual([
      ['https://news.test/story', 'A story, updated', ['keep']],
    ]);

    const full = (name: string): LibraryStore => ({
      ...store,
      save: () => Promise.reject(new DOMException('no room', name)),
    });
    expect(await saveToLibrary(article({ title: 'lost' }), full('QuotaExceededError'))).toEqual({
      ok: false,
      problem: 'libraryFull',
    });
    expect(await saveToLibrary(article({ title: 'lost' }), full('UnknownError'))).toEqual({
      ok: false,
      problem: 'libraryNotSaved',
    });
    expect((await store.entries()).map((e) => e.title)).toEqual(['A story, updated']);
  });

  it('replaces a queued link by the article read from it, even when the page names another canonical address', async () => {
    const store = openLibraryStore();
    await store.save(pendingEntry('https://news.test/story', 'Queued', 5, null), null, null);
    await store.update('https://news.test/story', { tags: ['later'] });
    const saved = await saveToLibrary(article({ canonical: 'https://news.test/canonical-story' }), store);
    expect(saved).toMatchObject({
      ok: true,
      entry: { id: 'https://news.test/canonical-story', savedAt: 5, tags: ['later'] },
    });
    expect((await store.entries()).map((e) => [e.id, e.pending])).toEqual([
      ['https://news.test/canonical-story', false],
    ]);
  });
});
