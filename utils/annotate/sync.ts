import {
  TOMBSTONE_DAYS,
  createSyncEngine,
  hashKey,
  packItems,
  type SyncChannel,
  type SyncEngine,
  type SyncStorage,
  type SyncWrite,
} from '@/utils/sync';
import type { WritePacing } from '@/utils/settings';
import { normalizeHighlight, type Highlight } from './highlight';

/**
 * The small part of highlights mirrored through storage.sync, so they follow the user to their other browsers of the
 * same family: per article, its highlights (selectors, colour, note, id, times) and deletions (tombstones), compacted
 * and cut into items that fit the browser's per-item quota. IndexedDB stays the source of truth: this only says what
 * to write and how to merge what another device wrote. Pure: storage is the caller's.
 */

/** The format of a sync item. A device never rewrites items of a newer format (it would drop what it can't read). */
export const SYNC_VERSION = 1;

/** A deletion, kept so the other devices delete it too (instead of bringing it back). */
export interface Tombstone {
  id: string;
  url: string;
  /** When it was deleted (ms since the epoch). */
  deleted: number;
}

export type SyncEntry = Highlight | Tombstone;

export const isTombstone = (entry: SyncEntry): entry is Tombstone => 'deleted' in entry;
/** When an entry last changed: the merge keeps the later. */
export const changedAt = (entry: SyncEntry): number => (isTombstone(entry) ? entry.deleted : entry.updated);

// One stored item: `{ v, u: article address, e: entries }`; an entry is compact (`i`d, `c`olour, `n`ote…).

/** Every item of an article's highlights has a key starting with this: `hl.<hash of its clean address>.` then its number. */
export const syncKeyPrefix = (url: string): string => `hl.${hashKey(url)}.`;
export const isSyncKey = (key: string): boolean => key.startsWith('hl.');

function toWire(entry: SyncEntry): unknown {
  if (isTombstone(entry)) return { i: entry.id, d: entry.deleted };
  const { id, color, note, quote, position, created, updated } = entry;
  return {
    i: id,
    c: color,
    n: note,
    q: [quote.exact, quote.prefix, quote.suffix],
    p: [position.start, position.end],
    a: created,
    t: updated,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function fromWire(url: string, raw: unknown): SyncEntry | null {
  if (!isRecord(raw) || typeof raw['i'] !== 'string' || !raw['i']) return null;
  if (typeof raw['d'] === 'number') return { id: raw['i'], url, deleted: raw['d'] };
  const q = Array.isArray(raw['q']) ? raw['q'] : [];
  const p = Array.isArray(raw['p']) ? raw['p'] : [];
  return normalizeHighlight({
    id: raw['i'],
    url,
    color: raw['c'],
    note: raw['n'],
    quote: { exact: q[0], prefix: q[1], suffix: q[2] },
    position: { start: p[0], end: p[1] },
    created: raw['a'],
    updated: raw['t'],
  });
}

export interface StoredSync {
  /** The article's entries found in sync (all its items, repaired; damaged entries left out). */
  entries: SyncEntry[];
  /** The keys of its items, to replace them all when writing. */
  keys: string[];
  /** An item of a newer format is there: this device reads nothing from it and writes nothing over it. */
  newer: boolean;
}

/** The article's entries in what storage.sync holds (`all`: its whole content, or at least this article's keys). */
export function readSync(url: string, all: Record<string, unknown>): StoredSync {
  const prefix = syncKeyPrefix(url);
  const found: StoredSync = { entries: [], keys: [], newer: false };
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(prefix) || !isRecord(value) || value['u'] !== url) continue;
    found.keys.push(key);
    const version = typeof value['v'] === 'number' ? value['v'] : 1;
    if (version > SYNC_VERSION) {
      found.newer = true;
      continue;
    }
    for (const raw of Array.isArray(value['e']) ? value['e'] : []) {
      const entry = fromWire(url, raw);
      if (entry) found.entries.push(entry);
    }
  }
  found.entries = mergeEntries(found.entries, []);
  return found;
}

/**
 * Two devices' entries merged by highlight id: the later change wins (an edit made after a deletion brings the
 * highlight back; a deletion after an edit deletes it); at the same moment a deletion wins.
 */
export function mergeEntries(a: readonly SyncEntry[], b: readonly SyncEntry[]): SyncEntry[] {
  const byId = new Map<string, SyncEntry>();
  for (const entry of [...a, ...b]) {
    const kept = byId.get(entry.id);
    if (
      !kept ||
      changedAt(entry) > changedAt(kept) ||
      (changedAt(entry) === changedAt(kept) && isTombstone(entry) && !isTombstone(kept))
    ) {
      byId.set(entry.id, entry);
    }
  }
  return [...byId.values()];
}

/**
 * The article's items for `entries` (deletions older than TOMBSTONE_DAYS dropped): as few as fit, each under the
 * per-item quota, in the order the highlights were made (so a new highlight changes only the last item). `left`: ids
 * of highlights too large for an item on their own (a very long quote and note), kept on this device only.
 */
export function syncItems(
  url: string,
  entries: readonly SyncEntry[],
  oldKeys: readonly string[],
  now: number,
): SyncWrite {
  const live = entries
    .filter((e) => !isTombstone(e) || e.deleted > now - TOMBSTONE_DAYS * 86_400_000)
    .sort((x, y) => (isTombstone(x) ? 0 : x.created) - (isTombstone(y) ? 0 : y.created) || (x.id < y.id ? -1 : 1));
  const { items, left } = packItems(
    syncKeyPrefix(url),
    { v: SYNC_VERSION, u: url },
    live.map((entry) => ({ id: entry.id, wire: toWire(entry) })),
  );
  return { items, stale: oldKeys.filter((k) => !(k in items)), left };
}

/** IndexedDB as highlight sync sees it: one article's highlights and tombstones, and a write of what changed. */
export interface HighlightSyncStore {
  entries(url: string): Promise<SyncEntry[]>;
  apply(entries: readonly SyncEntry[]): Promise<void>;
}

export type HighlightSync = SyncEngine<SyncEntry>;

/** One article's highlights through storage.sync (see utils/sync's engine): merged by id, the later change winning. */
export function createHighlightSync(
  url: string,
  store: HighlightSyncStore,
  area: SyncStorage,
  pacing?: WritePacing,
): HighlightSync {
  const prefix = syncKeyPrefix(url);
  const channel: SyncChannel<SyncEntry> = {
    owns: (key) => isSyncKey(key) && key.startsWith(prefix),
    id: (entry) => entry.id,
    read: (all) => readSync(url, all),
    merge: mergeEntries,
    differs: (mine, merged) => changedAt(mine) !== changedAt(merged) || isTombstone(mine) !== isTombstone(merged),
    write: (merged, oldKeys, now) => syncItems(url, merged, oldKeys, now),
    leftOut: 'too-large',
  };
  return createSyncEngine(channel, { entries: () => store.entries(url), apply: (e) => store.apply(e) }, area, pacing);
}
