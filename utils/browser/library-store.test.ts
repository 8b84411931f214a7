import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { entryToSave, type LibraryEntry, type LibraryImage } from '@/utils/library';
import { openDB } from 'idb';
import { LIBRARY_DB, LIBRARY_DB_STEPS, openLibraryStore } from './library-store';
import { openLibraryStoreNow } from './library-store-now';

const saved = (name: string, text = `words of ${name}`) =>
  entryToSave(
    {
      url: `https://example.com/${name}`,
      canonical: null,
      title: `Title ${name}`,
      byline: null,
      siteName: 'Example',
      published: null,
      lang: 'en',
      dir: null,
      excerpt: null,
      html: `<p>${text}</p>`,
      text,
      wordCount: 3,
      readingMinutes: 1,
      leadImage: null,
    },
    { kept: 1, left: 0 },
    100,
    null,
  );

const image = (articleId: string, src: string, bytes = 3): LibraryImage => ({
  articleId,
  src,
  blob: new Blob([new Uint8Array(bytes)], { type: 'image/png' }),
});

function rawOpen(
  version: number,
  upgrade?: (db: IDBDatabase, old: number, tx: IDBTransaction) => void,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(LIBRARY_DB, version);
    request.onupgradeneeded = (event) => upgrade?.(request.result, event.oldVersion, request.transaction!);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('library store over IndexedDB', () => {
  it('keeps an article whole (entry, body, images) and saving again replaces, never duplicates', async () => {
    const store = openLibraryStore();
    expect(await store.entries()).toEqual([]);
    const a = saved('a');
    await store.save(a.entry, a.body, [image(a.entry.id, 'https://img.test/1.png')]);
    const b = saved('b');
    await store.save(b.entry, b.body, []);
    expect((await store.entries()).map((e) => e.id).sort()).toEqual([a.entry.id, b.entry.id]);
    expect(await store.body(a.entry.id)).toEqual(a.body);
    expect((await store.images(a.entry.id)).map((i) => i.src)).toEqual(['https://img.test/1.png']);

    const again = saved('a', 'new words');
    await store.save(again.entry, again.body, [image(a.entry.id, 'https://img.test/2.png')]);
    expect(await store.entries()).toHaveLength(2);
    expect((await store.body(a.entry.id))?.text).toBe('new words');
    expect((await store.images(a.entry.id)).map((i) => i.src)).toEqual(['https://img.test/2.png']);
    expect((await openLibraryStore().texts()).get(a.entry.id)).toBe('new words');
  });

  it('moves the state on with progress, changes tags, and deletes with everything needed to undo', async () => {
    const store = openLibraryStore();
    const a = saved('a');
    await store.save(a.entry, a.body, [image(a.entry.id, 'https://img.test/1.png')]);
    expect(await store.update(a.entry.id, { progress: 0.5 })).toMatchObject({ state: 'reading', progress: 0.5 });
    expect(await store.update(a.entry.id, { tags: ['Later', 'later'] })).toMatchObject({ tags: ['later'] });
    expect(await store.update('https://nowhere.test/', { state: 'archived' })).toBeNull();

    const removed = await store.remove([a.entry.id]);
    expect(removed).toHaveLength(1);
    expect(await store.entries()).toEqual([]);
    expect(await store.images(a.entry.id)).toEqual([]);
    await store.restore(removed);
    expect(await store.entry(a.entry.id)).toMatchObject({ state: 'reading', tags: ['later'] });
    expect(await store.body(a.entry.id)).toEqual(a.body);
    expect(await store.images(a.entry.id)).toHaveLength(1);
  });

  it('a failed write says so and leaves what was saved as it was', async () => {
    const store = openLibraryStore();
    const a = saved('a');
    await store.save(a.entry, a.body, [image(a.entry.id, 'https://img.test/1.png')]);
    const broken = saved('a', 'never stored');
    // A value IndexedDB can't store (as a full disk, it fails one request): the whole transaction is aborted.
    const unstorable = { ...image(a.entry.id, 'https://img.test/2.png'), blob: (() => 0) as unknown as Blob };
    await expect(store.save(broken.entry, broken.body, [unstorable])).rejects.toThrow();
    expect((await store.body(a.entry.id))?.text).toBe('words of a');
    expect((await store.images(a.entry.id)).map((i) => i.src)).toEqual(['https://img.test/1.png']);
  });

  it('upgrades a database left at any earlier version with every record kept; damaged ones are skipped, not deleted', async () => {
    // Each earlier version: the database as the steps up to it left it, with an entry in it.
    for (let version = 1; version <= LIBRARY_DB_STEPS.length; version++) {
      globalThis.indexedDB = new IDBFactory();
      const old = await rawOpen(version, (db, from, upgrade) => {
        for (let step = from; step < version; step++) LIBRARY_DB_STEPS[step]!(db as never, upgrade as never);
      });
      const tx = old.transaction('entries', 'readwrite');
      const kept: Partial<LibraryEntry> = { id: 'https://example.com/old', title: 'Old', state: 'finished' };
      tx.objectStore('entries').put(kept);
      tx.objectStore('entries').put({ id: 42, title: 'broken' }, undefined);
      await new Promise((resolve) => (tx.oncomplete = resolve));
      old.close();

      const entries = await openLibraryStore().entries();
      expect(entries.map((e) => [e.id, e.title, e.state, e.host])).toEqual([
        ['https://example.com/old', 'Old', 'finished', 'example.com'],
      ]);
      const raw = await rawOpen(LIBRARY_DB_STEPS.length);
      const count = await new Promise((resolve) => {
        const request = raw.transaction('entries').objectStore('entries').count();
        request.onsuccess = () => resolve(request.result);
      });
      expect(count).toBe(2);
      raw.close();
    }
  });

  it('reads the newest saved first without the rest (the first screen of a long list)', async () => {
    const store = openLibraryStore();
    for (const [name, at] of [
      ['a', 300],
      ['b', 100],
      ['c', 200],
      ['d', 200],
    ] as const) {
      const s = saved(name);
      await store.save({ ...s.entry, savedAt: at }, s.body, []);
    }
    expect((await store.newest(2)).map((e) => e.savedAt)).toEqual([300, 200]);
    // Two saved at the same moment at the edge: one of them, never three; more asked than kept: all, newest first.
    expect((await store.newest(3)).map((e) => e.savedAt)).toEqual([300, 200, 200]);
    expect((await store.newest(10)).map((e) => e.savedAt)).toEqual([300, 200, 200, 100]);
    expect(await store.newest(0)).toEqual([]);
  });

  it('opens through the idb it is given (the library page: idb in its own code), once, to the same database', async () => {
    let loads = 0;
    const store = openLibraryStore(() => (loads++, Promise.resolve({ openDB })));
    const s = saved('a');
    await store.save(s.entry, s.body, []);
    expect((await store.newest(1)).map((e) => e.id)).toEqual([s.entry.id]);
    expect(loads).toBe(1);
    // The page's store and a lazily loaded one are the same library.
    expect((await openLibraryStoreNow().entries()).map((e) => e.id)).toEqual([s.entry.id]);
  });

  it('lets a newer version upgrade while a page holds the database, then reopens', async () => {
    const store = openLibraryStore();
    const a = saved('a');
    await store.save(a.entry, a.body, []);
    const newer = await rawOpen(LIBRARY_DB_STEPS.length + 1, (db) => db.createObjectStore('later'));
    newer.close();
    // This Lectern can't open a database newer than it knows: the read rejects (the page says so), nothing is lost.
    await expect(store.entries()).rejects.toThrow();
    const check = await rawOpen(LIBRARY_DB_STEPS.length + 1);
    const count = await new Promise((resolve) => {
      const request = check.transaction('entries').objectStore('entries').count();
      request.onsuccess = () => resolve(request.result);
    });
    expect(count).toBe(1);
    check.close();
  });
});
