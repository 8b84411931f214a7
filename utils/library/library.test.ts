import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import {
  DEFAULT_FILTER,
  buildSearch,
  chooseImages,
  entryToSave,
  facets,
  imageSources,
  libraryId,
  matchesFilter,
  normalizeBody,
  normalizeEntry,
  pendingEntry,
  pointAtKeptImages,
  sortEntries,
  stateAfterReading,
  type ArticleToSave,
  type LibraryEntry,
} from '.';

const article = (over: Partial<ArticleToSave> = {}): ArticleToSave => ({
  url: 'https://www.example.com/story?utm_source=x&id=3',
  canonical: null,
  title: 'A story',
  byline: 'Ann Author',
  siteName: 'Example News',
  published: '2026-11-02',
  lang: 'en',
  dir: null,
  excerpt: 'About it',
  html: '<p>Body</p>',
  text: 'Body',
  wordCount: 1200,
  readingMinutes: 6,
  leadImage: null,
  ...over,
});

describe('saving an article', () => {
  it('is kept under its clean address, so saving again updates the one entry', () => {
    expect(libraryId(article())).toBe('https://www.example.com/story?id=3');
    expect(libraryId(article({ canonical: 'https://example.com/story-canonical' }))).toBe(
      'https://example.com/story-canonical',
    );
    const first = entryToSave(article(), { kept: 2, left: 1 }, 1000, null);
    expect(first.entry).toMatchObject({ id: 'https://www.example.com/story?id=3', state: 'unread', savedAt: 1000 });
    expect(first.entry.host).toBe('example.com');
    expect(first.body).toEqual({ id: first.entry.id, html: '<p>Body</p>', text: 'Body', leadImage: null });
    const read: LibraryEntry = { ...first.entry, state: 'reading', tags: ['later'], progress: 0.4 };
    const again = entryToSave(article({ title: 'A story, updated' }), { kept: 3, left: 0 }, 5000, read);
    expect(again.entry).toMatchObject({
      id: first.entry.id,
      title: 'A story, updated',
      savedAt: 1000,
      updatedAt: 5000,
      state: 'reading',
      tags: ['later'],
      progress: 0.4,
      images: { kept: 3, left: 0 },
    });
  });

  it('queues a link as a pending unread entry, and reading it turns it into a normal one', () => {
    const pending = pendingEntry('https://example.com/x?fbclid=1', '  Link text ', 10, null);
    expect(pending).toMatchObject({ id: 'https://example.com/x', title: 'Link text', pending: true, state: 'unread' });
    expect(pendingEntry('https://example.com/x', 'other', 20, pending)).toBe(pending);
    const saved = entryToSave(article({ url: 'https://example.com/x' }), { kept: 0, left: 0 }, 30, pending);
    expect(saved.entry).toMatchObject({ pending: false, state: 'unread', savedAt: 10 });
  });

  it('moves unread → reading → finished as the user reads, and never out of archived', () => {
    expect(stateAfterReading('unread', 0.01)).toBe('unread');
    expect(stateAfterReading('unread', 0.2)).toBe('reading');
    expect(stateAfterReading('reading', 0.99)).toBe('finished');
    expect(stateAfterReading('finished', 0.1)).toBe('finished');
    expect(stateAfterReading('archived', 1)).toBe('archived');
  });
});

describe('stored records are repaired, never trusted', () => {
  it('fills what an older or damaged entry lacks, and refuses one without an address', () => {
    expect(normalizeEntry(null)).toBeNull();
    expect(normalizeEntry({ title: 'no id' })).toBeNull();
    const entry = normalizeEntry({
      id: 'https://www.site.org/a',
      state: 'lost',
      tags: [' Work ', 'work', 3, ''],
      progress: 7,
      wordCount: '12',
      dir: 'sideways',
    });
    expect(entry).toMatchObject({
      id: 'https://www.site.org/a',
      url: 'https://www.site.org/a',
      title: 'https://www.site.org/a',
      host: 'site.org',
      state: 'unread',
      tags: ['work'],
      progress: 1,
      wordCount: 0,
      dir: null,
      images: { kept: 0, left: 0 },
      pending: false,
    });
    expect(normalizeBody({ id: 'a', html: 5, leadImage: { src: 'https://x/y.png' } })).toEqual({
      id: 'a',
      html: '',
      text: '',
      leadImage: { src: 'https://x/y.png', alt: '' },
    });
  });
});

describe('images', () => {
  it('keeps images in order up to the cap and counts the ones left out', () => {
    const image = (src: string, bytes: number, data: string | null = src) => ({ src, bytes, data });
    const chosen = chooseImages(
      [image('a', 400), image('b', 700), image('a', 400), image('c', 100), image('d', 50, null), image('e', 10)],
      1000,
      3,
    );
    expect(chosen.kept.map((k) => k.src)).toEqual(['a', 'c', 'e']);
    // b is over what is left, d couldn't be read.
    expect(chosen.left).toBe(2);
  });

  it('finds the images of an article and points them at the kept copies', () => {
    const { document } = new JSDOM(
      `<p><img src="https://x.test/a.png" srcset="https://x.test/a2.png 2x"><img src="data:image/png;base64,AA">` +
        `<picture><source srcset="https://x.test/b.webp"><img src="https://x.test/b.png"></picture>` +
        `<img src="https://x.test/a.png"></p>`,
    ).window;
    expect(imageSources(document)).toEqual(['https://x.test/a.png', 'https://x.test/b.png']);
    const n = pointAtKeptImages(document, new Map([['https://x.test/b.png', 'blob:local-b']]));
    expect(n).toBe(1);
    expect(document.querySelector('picture')!.innerHTML).toBe('<img src="blob:local-b">');
    expect(document.querySelector('img')!.getAttribute('srcset')).toBe('https://x.test/a2.png 2x');
  });
});

const entry = (id: string, over: Partial<LibraryEntry> = {}): LibraryEntry => ({
  ...entryToSave(article({ url: `https://${id}.test/a`, title: id }), { kept: 0, left: 0 }, 0, null).entry,
  ...over,
});

describe('the list', () => {
  const list = [
    entry('beta', { savedAt: 2, siteName: 'Beta', tags: ['x'], readingMinutes: 9, published: '2025-01-01' }),
    entry('alpha', { savedAt: 3, state: 'archived', readingMinutes: 1 }),
    entry('gamma', { savedAt: 1, siteName: 'Beta', state: 'finished', tags: ['x', 'y'], published: null }),
  ];
  it('sorts', () => {
    expect(sortEntries(list, 'saved-newest').map((e) => e.title)).toEqual(['alpha', 'beta', 'gamma']);
    expect(sortEntries(list, 'saved-oldest').map((e) => e.title)).toEqual(['gamma', 'beta', 'alpha']);
    expect(sortEntries(list, 'title').map((e) => e.title)).toEqual(['alpha', 'beta', 'gamma']);
    expect(sortEntries(list, 'length').map((e) => e.title)).toEqual(['alpha', 'gamma', 'beta']);
    expect(sortEntries(list, 'published').map((e) => e.title)).toEqual(['alpha', 'beta', 'gamma']);
  });
  it('filters by state (archived hidden unless asked), site and tag', () => {
    const titles = (filter: Partial<typeof DEFAULT_FILTER>) =>
      list.filter((e) => matchesFilter(e, { ...DEFAULT_FILTER, ...filter })).map((e) => e.title);
    expect(titles({})).toEqual(['beta', 'gamma']);
    expect(titles({ state: 'all' })).toEqual(['beta', 'alpha', 'gamma']);
    expect(titles({ state: 'archived' })).toEqual(['alpha']);
    expect(titles({ site: 'Beta' })).toEqual(['beta', 'gamma']);
    expect(titles({ state: 'all', tag: 'y' })).toEqual(['gamma']);
    expect(facets(list)).toEqual({
      sites: [
        ['Beta', 2],
        ['Example News', 1],
      ],
      tags: [
        ['x', 2],
        ['y', 1],
      ],
    });
  });
});

describe('search', () => {
  it('finds articles by a word of their text, title or site, as the word is typed', async () => {
    const search = await buildSearch([
      { entry: entry('one', { title: 'Harbour cranes', siteName: 'Port Weekly' }), text: 'Stevedores unload ships.' },
      { entry: entry('two', { title: 'Glaciers' }), text: 'The ice sheet retreats each summer in Greenland.' },
    ]);
    expect(search.find('greenland')).toEqual(['https://two.test/a']);
    expect(search.find('greenl')).toEqual(['https://two.test/a']);
    expect(search.find('harbour')).toEqual(['https://one.test/a']);
    expect(search.find('port weekly')).toEqual(['https://one.test/a']);
    // A slip of a letter in a longer word still finds it.
    expect(search.find('stevedors')).toEqual(['https://one.test/a']);
    expect(search.find('')).toEqual([]);
    search.put(entry('two', { title: 'Glaciers' }), 'Now about deserts.');
    expect(search.find('greenland')).toEqual([]);
    search.remove('https://one.test/a');
    expect(search.find('harbour')).toEqual([]);
  });
});
