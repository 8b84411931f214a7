import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SYNC_QUOTAS as CHROME, SyncArea, itemBytes } from '@/tests/unit/sync-area';
import { SYNC_QUOTAS, TOMBSTONE_DAYS } from '@/utils/sync';
import { WRITE_PACING } from '@/utils/settings';
import type { Highlight } from './highlight';
import {
  SYNC_VERSION,
  isTombstone,
  mergeEntries,
  readSync,
  syncItems,
  syncKeyPrefix,
  type SyncEntry,
  type Tombstone,
  createHighlightSync,
  type HighlightSyncStore,
} from './sync';

const URL_A = 'https://example.com/story';

const highlight = (id: string, updated = 1, fields: Partial<Highlight> = {}): Highlight => ({
  id,
  url: URL_A,
  color: 'yellow',
  note: '',
  quote: { type: 'TextQuoteSelector', exact: `the words of ${id}`, prefix: 'before ', suffix: ' after' },
  position: { type: 'TextPositionSelector', start: 10, end: 30 },
  created: 1,
  updated,
  ...fields,
});
const tombstone = (id: string, deleted: number): Tombstone => ({ id, url: URL_A, deleted });

/** IndexedDB as the sync engine sees it (entries and apply), in memory; `failApply` makes it fail. */
class MemoryStore implements HighlightSyncStore {
  byId = new Map<string, SyncEntry>();
  constructor(entries: SyncEntry[] = []) {
    for (const e of entries) this.byId.set(e.id, e);
  }
  async entries(url: string): Promise<SyncEntry[]> {
    return [...this.byId.values()].filter((e) => e.url === url).map((e) => structuredClone(e));
  }
  async apply(entries: readonly SyncEntry[]): Promise<void> {
    for (const e of entries) this.byId.set(e.id, structuredClone(e));
  }
  put(entry: SyncEntry): void {
    this.byId.set(entry.id, entry);
  }
  highlights(): Highlight[] {
    return [...this.byId.values()].filter((e): e is Highlight => !isTombstone(e));
  }
}

describe('sync items', () => {
  it('round-trips highlights and tombstones through compact, versioned items', () => {
    const entries = [highlight('a', 5, { note: 'a note', color: 'pink' }), tombstone('b', 7)];
    const write = syncItems(URL_A, entries, [], 10);
    expect(Object.keys(write.items)).toEqual([`${syncKeyPrefix(URL_A)}0`]);
    expect(Object.values(write.items)[0]).toMatchObject({ v: SYNC_VERSION, u: URL_A });
    const read = readSync(URL_A, write.items);
    expect(read.entries.sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(entries);
    expect(read.newer).toBe(false);
    // Another article's items, and damaged entries, are not read as this one's.
    expect(readSync('https://example.com/other', write.items).entries).toEqual([]);
    const damaged = { [`${syncKeyPrefix(URL_A)}0`]: { v: 1, u: URL_A, e: [{ i: 'x' }, null, { q: 'no id' }] } };
    expect(readSync(URL_A, damaged).entries).toEqual([]);
  });

  it('cuts an article into items under the per-item quota, says which highlight is too large for one, and drops old tombstones', () => {
    const long = (id: string) => highlight(id, 1, { note: 'n'.repeat(3000), created: Number(id.slice(1)) });
    const many = Array.from({ length: 12 }, (_, i) => long(`h${i}`));
    const huge = highlight('huge', 1, {
      quote: { type: 'TextQuoteSelector', exact: 'w'.repeat(9000), prefix: '', suffix: '' },
    });
    const now = 100 * 86_400_000;
    const write = syncItems(URL_A, [...many, huge, tombstone('old', now - (TOMBSTONE_DAYS + 1) * 86_400_000)], [], now);
    const keys = Object.keys(write.items);
    expect(keys.length).toBeGreaterThan(4);
    for (const key of keys) expect(itemBytes(key, write.items[key])).toBeLessThanOrEqual(CHROME.QUOTA_BYTES_PER_ITEM);
    expect(write.left).toEqual(['huge']);
    const read = readSync(URL_A, write.items).entries;
    expect(read.map((e) => e.id).sort()).toEqual(many.map((h) => h.id).sort());
    // Fewer highlights later: the items no longer needed are named for removal.
    expect(syncItems(URL_A, many.slice(0, 1), keys, now).stale).toEqual(keys.slice(1));
    expect(SYNC_QUOTAS).toEqual({
      itemBytes: CHROME.QUOTA_BYTES_PER_ITEM,
      totalBytes: CHROME.QUOTA_BYTES,
      maxItems: CHROME.MAX_ITEMS,
    });
  });

  it('merges two devices by highlight id: the later change wins, a deletion wins a tie, an edit after a deletion revives', () => {
    const mine = [
      highlight('a', 5, { note: 'mine' }),
      highlight('b', 5),
      highlight('c', 9, { color: 'blue' }),
      highlight('d', 3),
    ];
    const theirs = [
      highlight('a', 8, { note: 'theirs' }),
      tombstone('b', 6),
      tombstone('c', 4),
      tombstone('d', 3),
      highlight('e', 2),
    ];
    const merged = new Map(mergeEntries(mine, theirs).map((e) => [e.id, e]));
    expect((merged.get('a') as Highlight).note).toBe('theirs');
    expect(isTombstone(merged.get('b')!)).toBe(true);
    expect((merged.get('c') as Highlight).color).toBe('blue');
    expect(isTombstone(merged.get('d')!)).toBe(true);
    expect(merged.has('e')).toBe(true);
    expect(mergeEntries(theirs, mine)).toEqual(expect.arrayContaining([...merged.values()]));
  });

  it('reads no item of a newer format (and says so): a device never rewrites what it cannot read', () => {
    const key = `${syncKeyPrefix(URL_A)}0`;
    const read = readSync(URL_A, { [key]: { v: SYNC_VERSION + 1, u: URL_A, e: [{ whatever: true }] } });
    expect(read).toEqual({ entries: [], keys: [key], newer: true });
  });
});

describe('highlight sync engine over a storage.sync with Chrome’s quotas', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('puts a local highlight in storage.sync, and brings one written by another device into the store', async () => {
    const area = new SyncArea();
    const store = new MemoryStore([highlight('local', 1)]);
    // Another device's highlight, already in storage.sync.
    const remote = syncItems(URL_A, [highlight('remote', 2, { note: 'from the laptop' })], [], Date.now());
    area.data = { ...remote.items };
    const sync = createHighlightSync(URL_A, store, area);
    const states: string[] = [];
    sync.onState((s) => states.push(s));
    const incoming = await sync.syncNow();
    expect(incoming.map((e) => e.id)).toEqual(['remote']);
    expect(
      store
        .highlights()
        .map((h) => [h.id, h.note])
        .sort(),
    ).toEqual([
      ['local', ''],
      ['remote', 'from the laptop'],
    ]);
    expect(
      readSync(URL_A, area.data)
        .entries.map((e) => e.id)
        .sort(),
    ).toEqual(['local', 'remote']);
    expect(states.at(-1)).toBe('synced');
    sync.stop();
  });

  it('two devices editing the same article converge, a deletion included', async () => {
    const area = new SyncArea();
    const laptop = new MemoryStore([highlight('shared', 1), highlight('gone', 1)]);
    const phone = new MemoryStore();
    const a = createHighlightSync(URL_A, laptop, area);
    const b = createHighlightSync(URL_A, phone, area);
    await a.syncNow();
    await b.syncNow();
    expect(
      phone
        .highlights()
        .map((h) => h.id)
        .sort(),
    ).toEqual(['gone', 'shared']);
    // The laptop recolours, the phone adds a note later and deletes the other one.
    laptop.put(highlight('shared', 10, { color: 'green' }));
    phone.put(highlight('shared', 20, { note: 'later' }));
    phone.put(tombstone('gone', 21));
    a.changed();
    b.changed();
    await vi.advanceTimersByTimeAsync(10 * WRITE_PACING.minInterval);
    await a.syncNow();
    for (const store of [laptop, phone]) {
      expect(store.highlights().map((h) => [h.id, h.note])).toEqual([['shared', 'later']]);
      expect(isTombstone(store.byId.get('gone')!)).toBe(true);
    }
    a.stop();
    b.stop();
  });

  it('a full storage.sync or a failing write loses nothing: the store is untouched, the state says so, and a later round succeeds', async () => {
    const area = new SyncArea();
    // Other data fills storage.sync almost to its total quota.
    for (let i = 0; i < 13; i++) area.data[`other${i}`] = 'x'.repeat(7900);
    const big = Array.from({ length: 6 }, (_, i) => highlight(`h${i}`, 1, { note: 'n'.repeat(3500), created: i }));
    const store = new MemoryStore(big);
    const sync = createHighlightSync(URL_A, store, area);
    const states: string[] = [];
    sync.onState((s) => states.push(s));
    await sync.syncNow();
    expect(states.at(-1)).toBe('full');
    expect(store.highlights()).toHaveLength(6);
    expect(area.writes).toHaveLength(0);

    // Room again, but the network fails: 'failed', retried on the settings' schedule until it goes through.
    for (let i = 0; i < 13; i++) delete area.data[`other${i}`];
    area.failWrites = true;
    await sync.syncNow();
    expect(states.at(-1)).toBe('failed');
    expect(store.highlights()).toHaveLength(6);
    area.failWrites = false;
    await vi.advanceTimersByTimeAsync(WRITE_PACING.retries[0]! + 10);
    expect(states.at(-1)).toBe('synced');
    expect(readSync(URL_A, area.data).entries).toHaveLength(6);
    sync.stop();
  });

  it('a burst of changes (a note typed, colours clicked) stays well within the writes-per-minute quota', async () => {
    const area = new SyncArea();
    const store = new MemoryStore();
    const sync = createHighlightSync(URL_A, store, area);
    const states: string[] = [];
    sync.onState((s) => states.push(s));
    await sync.syncNow();
    // A change every 50 ms for a minute.
    for (let i = 0; i < 1200; i++) {
      store.put(highlight('h', i + 2, { note: `draft ${i}` }));
      sync.changed();
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(5 * WRITE_PACING.minInterval);
    expect(states).not.toContain('failed');
    const perMinute = area.writes.filter((t) => t > Date.now() - 60_000).length;
    expect(perMinute).toBeLessThanOrEqual(CHROME.MAX_WRITE_OPERATIONS_PER_MINUTE / 2);
    expect((readSync(URL_A, area.data).entries[0] as Highlight).note).toBe('draft 1199');
    sync.stop();
  });

  it('leaves items of a newer format alone', async () => {
    const area = new SyncArea();
    const key = `${syncKeyPrefix(URL_A)}0`;
    const newer = { v: SYNC_VERSION + 1, u: URL_A, e: ['something new'] };
    area.data[key] = newer;
    const store = new MemoryStore([highlight('mine', 1)]);
    const sync = createHighlightSync(URL_A, store, area);
    const states: string[] = [];
    sync.onState((s) => states.push(s));
    await sync.syncNow();
    expect(states.at(-1)).toBe('newer');
    expect(area.data[key]).toEqual(newer);
    expect(store.highlights()).toHaveLength(1);
    sync.stop();
  });
});
