import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { SYNC_QUOTAS as CHROME, SyncArea, itemBytes } from '@/tests/unit/sync-area';
import {
  LIBRARY_SYNC_SHARE,
  createLibrarySync,
  entryToSave,
  isLibrarySyncKey,
  libraryItems,
  mergeLibrary,
  readLibrarySync,
  type IndexRecord,
  type LibraryEntry,
  type LibrarySync,
} from '@/utils/library';
import type { WritePacing } from '@/utils/settings';
import { openLibraryStore, type LibraryStore } from './library-store';

// The library's index through storage.sync, end to end below the browser: two devices, each with its own IndexedDB (the
// real store over fake-indexeddb), sharing one storage.sync that keeps Chrome's quotas.

/** Quick pacing, so a retry comes in milliseconds (the real schedule is the settings' WRITE_PACING). */
const QUICK: WritePacing = { settle: 5, maxWait: 20, minInterval: 5, retries: [20, 20] };

interface Device {
  store: LibraryStore;
  sync: LibrarySync;
  states: string[];
  lefts: number[];
}

/** A device: its own IndexedDB (connected now, so it stays its own), its library store and its sync engine. */
async function device(area: SyncArea): Promise<Device> {
  globalThis.indexedDB = new IDBFactory();
  const store = openLibraryStore();
  await store.entries();
  const sync = createLibrarySync(
    { entries: () => store.syncRecords(), apply: (records) => store.applySync(records) },
    area,
    QUICK,
  );
  const states: string[] = [];
  const lefts: number[] = [];
  sync.onState((state, left) => {
    states.push(state);
    lefts.push(left);
  });
  return { store, sync, states, lefts };
}

// Before the real time, so the test that runs on real timers makes later changes.
let clock = 1_700_000_000_000;
/** Each change later than the one before (the stamps are ms; a test must not depend on two changes sharing one). */
const tick = (): number => {
  clock += 1000;
  vi.setSystemTime(clock);
  return clock;
};

async function save(store: LibraryStore, name: string, over: Partial<Parameters<typeof entryToSave>[0]> = {}) {
  const { entry, body } = entryToSave(
    {
      url: `https://news${name.length}.example/${name}`,
      canonical: null,
      title: `Title ${name}`,
      byline: 'By someone',
      siteName: 'Example News',
      published: '2026-11-01',
      lang: 'en',
      dir: null,
      excerpt: null,
      html: `<p>Body of ${name}</p>`,
      text: `Body of ${name}`,
      wordCount: 900,
      readingMinutes: 4,
      leadImage: null,
      ...over,
    },
    { kept: 1, left: 0 },
    tick(),
    null,
  );
  const blob = new Blob([new Uint8Array(10)], { type: 'image/webp' });
  await store.save(entry, body, [{ articleId: entry.id, src: 'https://img.example/a.webp', blob }]);
  return entry;
}

const byId = async (store: LibraryStore): Promise<Map<string, LibraryEntry>> =>
  new Map((await store.entries()).map((e) => [e.id, e]));

describe('library index sync between two devices over a storage.sync with Chrome’s quotas', () => {
  vi.useFakeTimers({ toFake: ['Date'] });

  it('an article saved on one device appears on the other as a queued entry (no body), with its index fields', async () => {
    const area = new SyncArea();
    const laptop = await device(area);
    const phone = await device(area);
    const a = await save(laptop.store, 'harbour');
    await laptop.store.update(a.id, { tags: ['ports', 'later'] });
    tick();
    await laptop.store.update(a.id, { progress: 0.42 });
    await laptop.sync.syncNow();
    expect(laptop.states.at(-1)).toBe('synced');
    // Only the library's items, within the per-item quota, and no body text in them.
    const keys = Object.keys(area.data);
    expect(keys.every(isLibrarySyncKey)).toBe(true);
    for (const key of keys) expect(itemBytes(key, area.data[key])).toBeLessThanOrEqual(CHROME.QUOTA_BYTES_PER_ITEM);
    expect(JSON.stringify(area.data)).not.toContain('Body of');

    const incoming = await phone.sync.syncNow();
    expect(incoming.map((r) => r.id)).toEqual([a.id]);
    const there = (await byId(phone.store)).get(a.id)!;
    expect(there).toMatchObject({
      url: a.url,
      title: 'Title harbour',
      siteName: 'Example News',
      state: 'reading',
      tags: ['ports', 'later'],
      progress: 0.42,
      savedAt: a.savedAt,
      pending: true,
    });
    expect(await phone.store.body(a.id)).toBeNull();
    // The laptop keeps what sync does not carry.
    const here = (await byId(laptop.store)).get(a.id)!;
    expect(here).toMatchObject({ pending: false, byline: 'By someone', wordCount: 900 });
    expect(await laptop.store.body(a.id)).not.toBeNull();
  });

  it('two devices editing different fields of one article at once both win; the same field: the later change', async () => {
    const area = new SyncArea();
    const laptop = await device(area);
    const phone = await device(area);
    const a = await save(laptop.store, 'glaciers');
    await laptop.sync.syncNow();
    await phone.sync.syncNow();
    // Concurrently, before either syncs: the laptop archives it, the phone tags it and reads on.
    tick();
    await laptop.store.update(a.id, { state: 'archived' });
    tick();
    await phone.store.update(a.id, { tags: ['ice'] });
    await phone.store.update(a.id, { progress: 0.3 });
    tick();
    await laptop.store.update(a.id, { progress: 0.8 });
    await phone.sync.syncNow();
    await laptop.sync.syncNow();
    await phone.sync.syncNow();
    for (const d of [laptop, phone]) {
      const e = (await byId(d.store)).get(a.id)!;
      // Archived (the laptop), tagged (the phone), progress from the later reading (the laptop's 0.8).
      expect(e).toMatchObject({ state: 'archived', tags: ['ice'], progress: 0.8 });
    }
    // The laptop's body and images were never touched by the merge.
    expect((await laptop.store.body(a.id))?.text).toBe('Body of glaciers');
    expect(await laptop.store.images(a.id)).toHaveLength(1);
  });

  it('a deletion reaches the other device, unless that device changed the article after it (the change wins)', async () => {
    const area = new SyncArea();
    const laptop = await device(area);
    const phone = await device(area);
    const gone = await save(laptop.store, 'gone');
    const kept = await save(laptop.store, 'kept-by-edit');
    await laptop.sync.syncNow();
    await phone.sync.syncNow();
    tick();
    await laptop.store.remove([gone.id, kept.id]);
    tick();
    // The phone tags one of them after the laptop deleted it, not knowing.
    await phone.store.update(kept.id, { tags: ['keep'] });
    await laptop.sync.syncNow();
    await phone.sync.syncNow();
    await laptop.sync.syncNow();
    for (const d of [laptop, phone]) {
      const entries = await byId(d.store);
      expect(entries.has(gone.id)).toBe(false);
      expect(entries.get(kept.id)?.tags).toEqual(['keep']);
    }
    // The deleted one's tombstone is in storage.sync; undo on the laptop puts it back everywhere.
    expect(readLibrarySync(area.data).entries.find((r) => r.id === gone.id)).toMatchObject({
      deleted: expect.any(Number),
    });
    const removed = await laptop.store.remove([]);
    expect(removed).toEqual([]);
    tick();
    await phone.store.remove([gone.id]); // already gone there: nothing to do, nothing thrown
    await laptop.sync.syncNow();
    await phone.sync.syncNow();
    expect((await byId(phone.store)).has(gone.id)).toBe(false);
  });

  it('undo of a delete brings the article back on the other device too', async () => {
    const area = new SyncArea();
    const laptop = await device(area);
    const phone = await device(area);
    const a = await save(laptop.store, 'undo');
    await laptop.sync.syncNow();
    await phone.sync.syncNow();
    tick();
    const removed = await laptop.store.remove([a.id]);
    await laptop.sync.syncNow();
    await phone.sync.syncNow();
    expect((await byId(phone.store)).has(a.id)).toBe(false);
    tick();
    await laptop.store.restore(removed);
    await laptop.sync.syncNow();
    await phone.sync.syncNow();
    expect((await byId(phone.store)).get(a.id)).toMatchObject({ title: 'Title undo', pending: true });
    expect((await laptop.store.body(a.id))?.text).toBe('Body of undo');
  });

  it('a full storage.sync or a failing write loses nothing: the state says so and a later round goes through', async () => {
    const area = new SyncArea();
    const laptop = await device(area);
    const a = await save(laptop.store, 'full');
    // The highlights and settings have taken (almost) all of storage.sync.
    for (let i = 0; i < 12; i++) area.data[`hl.other.${i}`] = 'x'.repeat(8100);
    await laptop.sync.syncNow();
    expect(laptop.states.at(-1)).toBe('partial');
    expect(laptop.lefts.at(-1)).toBe(1);
    expect(Object.keys(area.data).some(isLibrarySyncKey)).toBe(false);
    expect((await byId(laptop.store)).get(a.id)?.pending).toBe(false);

    // Room again, but the network fails: 'failed', retried until it goes through, nothing lost meanwhile.
    for (let i = 0; i < 12; i++) delete area.data[`hl.other.${i}`];
    area.failWrites = true;
    await laptop.sync.syncNow();
    expect(laptop.states.at(-1)).toBe('failed');
    expect(await laptop.store.body(a.id)).not.toBeNull();
    area.failWrites = false;
    await vi.waitFor(() => expect(laptop.states.at(-1)).toBe('synced'), { timeout: 30_000, interval: 10 });
    expect(readLibrarySync(area.data).entries.map((r) => r.id)).toEqual([a.id]);
    laptop.sync.stop();
  });

  it('a library larger than its share syncs its most recently changed articles first, and says how many are left out', async () => {
    const area = new SyncArea();
    const laptop = await device(area);
    // 600 articles, with long addresses and titles: far more than the share takes.
    const ids: string[] = [];
    for (let i = 0; i < 600; i++) {
      const e = await save(laptop.store, `article-${String(i).padStart(4, '0')}-${'slug'.repeat(8)}`, {
        title: `A long enough title for article ${i} to weigh like a real one does`,
      });
      ids.push(e.id);
    }
    tick();
    // An old one opened and read lately counts as recent.
    await laptop.store.update(ids[0]!, { progress: 0.5 });
    await laptop.sync.syncNow();
    expect(laptop.states.at(-1)).toBe('partial');
    const synced = new Set(readLibrarySync(area.data).entries.map((r) => r.id));
    expect(laptop.lefts.at(-1)).toBe(600 - synced.size);
    expect(synced.size).toBeGreaterThan(150);
    expect(synced.has(ids[0]!)).toBe(true);
    expect(synced.has(ids[599]!)).toBe(true);
    expect(synced.has(ids[1]!)).toBe(false);
    // Within the share and every quota; what was left out is still here.
    const libBytes = Object.entries(area.data).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
    expect(libBytes).toBeLessThanOrEqual(LIBRARY_SYNC_SHARE);
    expect(await laptop.store.entries()).toHaveLength(600);
    // Another device gets the synced ones; the others are not deleted anywhere (only a tombstone deletes).
    const phone = await device(area);
    await phone.sync.syncNow();
    expect(await phone.store.entries()).toHaveLength(synced.size);
    await laptop.sync.syncNow();
    expect(await laptop.store.entries()).toHaveLength(600);
  }, 60_000);

  it('a burst of progress while reading stays well within the writes-per-minute quota', async () => {
    const area = new SyncArea();
    const laptop = await device(area);
    const a = await save(laptop.store, 'burst');
    await laptop.sync.syncNow();
    // Real time from here (later than the test clock): changes get their own milliseconds as they come.
    vi.useRealTimers();
    const pacing: WritePacing = { settle: 5, maxWait: 20, minInterval: 40, retries: [40] };
    laptop.sync.stop();
    const sync = createLibrarySync(
      { entries: () => laptop.store.syncRecords(), apply: (r) => laptop.store.applySync(r) },
      area,
      pacing,
    );
    const started = Date.now();
    // A progress write every 5 ms for 0.6 s (the reader writes every 1.5 s; this is 300 times as fast).
    for (let i = 1; i <= 120; i++) {
      await laptop.store.update(a.id, { progress: i / 200 });
      sync.changed();
      await new Promise((r) => setTimeout(r, 5));
    }
    await vi.waitFor(() => expect((readLibrarySync(area.data).entries[0] as IndexRecord).progress).toBe(0.6), {
      timeout: 30_000,
      interval: 20,
    });
    const elapsed = Date.now() - started;
    // One round per minInterval at most, one write each: the engine never writes faster than its pacing allows.
    expect(area.writes.length).toBeLessThanOrEqual(Math.ceil(elapsed / pacing.minInterval) + 2);
    expect(area.writes.length).toBeLessThan(120);
    sync.stop();
    vi.useFakeTimers({ toFake: ['Date'] });
  }, 60_000);
});

describe('library sync records', () => {
  const record = (id: string, over: Partial<IndexRecord> = {}): IndexRecord => ({
    id,
    url: id,
    title: 't',
    siteName: null,
    savedAt: 1,
    state: 'unread',
    tags: [],
    progress: 0,
    stamps: { meta: 1, state: 1, tags: 1, progress: 1 },
    ...over,
  });

  it('merge is the same whichever side is which, ties included', () => {
    const a = [
      record('https://a.test/1', { state: 'finished', stamps: { meta: 1, state: 5, tags: 1, progress: 1 } }),
      record('https://a.test/2', { tags: ['x'] }),
      { id: 'https://a.test/3', deleted: 10 },
    ];
    const b = [
      record('https://a.test/1', { tags: ['y'], stamps: { meta: 1, state: 1, tags: 4, progress: 1 } }),
      record('https://a.test/2', { tags: ['z'] }),
      record('https://a.test/3', { stamps: { meta: 1, state: 11, tags: 1, progress: 1 } }),
    ];
    const sorted = (r: ReturnType<typeof mergeLibrary>) => [...r].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(sorted(mergeLibrary(a, b))).toEqual(sorted(mergeLibrary(b, a)));
    const merged = new Map(mergeLibrary(a, b).map((r) => [r.id, r]));
    expect(merged.get('https://a.test/1')).toMatchObject({ state: 'finished', tags: ['y'] });
    // A change after the deletion brings it back.
    expect(merged.get('https://a.test/3')).toMatchObject({ state: 'unread' });
  });

  it('round-trips through compact items, reads no newer format and skips damaged records', () => {
    const records = [record('https://a.test/1', { tags: ['t'], progress: 0.25, state: 'reading' })];
    const write = libraryItems(records, ['lib.3'], 10, LIBRARY_SYNC_SHARE);
    expect(write.stale).toEqual(['lib.3']);
    expect(readLibrarySync(write.items).entries).toEqual(records);
    expect(readLibrarySync({ 'lib.0': { v: 99, e: [] } }).newer).toBe(true);
    expect(
      readLibrarySync({ 'lib.0': { v: 1, e: [null, { i: 'javascript:x', a: '1', k: '1' }, { i: 'https://x.test' }] } })
        .entries,
    ).toEqual([]);
  });
});
