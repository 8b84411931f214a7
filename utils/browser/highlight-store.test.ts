import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Highlight } from '@/utils/annotate';
import { READING_DB, READING_DB_STEPS, openHighlightStore } from './highlight-store';

const highlight = (id: string, url = 'https://example.com/a', note = ''): Highlight => ({
  id,
  url,
  color: 'yellow',
  note,
  quote: { type: 'TextQuoteSelector', exact: `words of ${id}`, prefix: 'p', suffix: 's' },
  position: { type: 'TextPositionSelector', start: 1, end: 2 },
  created: 1,
  updated: 1,
});

/** Opens the raw database at `version` (as an older or newer Lectern would have left it). */
function rawOpen(version: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(READING_DB, version);
    request.onupgradeneeded = () => upgrade?.(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

// A new, empty IndexedDB for every test.
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('highlight store over IndexedDB', () => {
  it('creates the schema on first use (0 → current) and keeps highlights per article', async () => {
    const store = openHighlightStore();
    expect(await store.load('https://example.com/a')).toEqual([]);
    await store.save(highlight('h1'));
    await store.save(highlight('h2'));
    await store.save(highlight('other', 'https://example.com/b'));
    expect((await store.load('https://example.com/a')).map((h) => h.id).sort()).toEqual(['h1', 'h2']);

    await store.save({ ...highlight('h1'), note: 'changed', updated: 5 });
    await store.remove('h2');
    expect(await store.load('https://example.com/a')).toEqual([{ ...highlight('h1'), note: 'changed', updated: 5 }]);
    // Another store (the reader opened again, the extension updated) reads what was written.
    expect(await openHighlightStore().load('https://example.com/b')).toEqual([
      highlight('other', 'https://example.com/b'),
    ]);
  });

  it('opens a database an earlier Lectern left at version 1 with every record kept, damaged ones left out but not deleted', async () => {
    const old = await rawOpen(1, (db) =>
      db.createObjectStore('highlights', { keyPath: 'id' }).createIndex('url', 'url'),
    );
    const tx = old.transaction('highlights', 'readwrite');
    tx.objectStore('highlights').put(highlight('kept', 'https://example.com/a', 'a note'));
    tx.objectStore('highlights').put({ id: 'broken', url: 'https://example.com/a', quote: 'not a selector' });
    tx.objectStore('highlights').put({ ...highlight('odd'), color: 'ultraviolet', note: null });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    old.close();

    const loaded = await openHighlightStore().load('https://example.com/a');
    expect(loaded.map((h) => [h.id, h.color, h.note]).sort()).toEqual([
      ['kept', 'yellow', 'a note'],
      ['odd', 'yellow', ''],
    ]);
    const raw = await rawOpen(READING_DB_STEPS.length);
    expect(raw.version).toBe(READING_DB_STEPS.length);
    const count = await new Promise((resolve) => {
      const request = raw.transaction('highlights').objectStore('highlights').count();
      request.onsuccess = () => resolve(request.result);
    });
    expect(count).toBe(3);
    raw.close();
  });

  it('version 1 → 2 adds the tombstones sync needs, keeping every highlight; a removal leaves one, a save clears it', async () => {
    const old = await rawOpen(1, (db) =>
      db.createObjectStore('highlights', { keyPath: 'id' }).createIndex('url', 'url'),
    );
    const tx = old.transaction('highlights', 'readwrite');
    tx.objectStore('highlights').put(highlight('h1'));
    tx.objectStore('highlights').put(highlight('h2'));
    await new Promise((resolve) => (tx.oncomplete = resolve));
    old.close();

    const store = openHighlightStore();
    expect((await store.entries('https://example.com/a')).map((e) => e.id).sort()).toEqual(['h1', 'h2']);
    await store.remove('h2', 50);
    expect(await store.load('https://example.com/a')).toEqual([highlight('h1')]);
    expect(await store.entries('https://example.com/a')).toEqual([
      highlight('h1'),
      { id: 'h2', url: 'https://example.com/a', deleted: 50 },
    ]);
    // Undo (a save) takes the tombstone away; what sync brings is applied all at once.
    await store.save({ ...highlight('h2'), updated: 60 });
    expect((await store.entries('https://example.com/a')).every((e) => !('deleted' in e))).toBe(true);
    await store.apply([{ id: 'h1', url: 'https://example.com/a', deleted: 70 }, highlight('h3')]);
    expect((await store.load('https://example.com/a')).map((h) => h.id).sort()).toEqual(['h2', 'h3']);
    const raw = await rawOpen(READING_DB_STEPS.length);
    expect([...raw.objectStoreNames].sort()).toEqual(['highlights', 'tombstones']);
    raw.close();
  });

  it('lets a newer version upgrade while a reader holds the database, then reopens', async () => {
    const store = openHighlightStore();
    await store.save(highlight('h1'));
    const newer = await rawOpen(READING_DB_STEPS.length + 1, (db) => db.createObjectStore('later'));
    newer.close();
    // This Lectern can't open a database newer than it knows: the read rejects (the reader says so), nothing is lost.
    await expect(store.load('https://example.com/a')).rejects.toThrow();
    const check = await rawOpen(READING_DB_STEPS.length + 1);
    expect(check.objectStoreNames.contains('highlights')).toBe(true);
    check.close();
  });

  it('a failed write rejects and leaves the other records as they were', async () => {
    const store = openHighlightStore();
    await store.save(highlight('h1', 'https://example.com/a', 'first'));
    // A value IndexedDB can't store (a function can't be cloned): the put fails.
    await expect(store.save({ ...highlight('h2'), note: (() => 'x') as unknown as string })).rejects.toThrow();
    expect(await store.load('https://example.com/a')).toEqual([highlight('h1', 'https://example.com/a', 'first')]);
  });
});
