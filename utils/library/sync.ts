import {
  SYNC_QUOTAS,
  TOMBSTONE_DAYS,
  createSyncEngine,
  packItems,
  syncBytes,
  type SyncChannel,
  type SyncEngine,
  type SyncStorage,
  type SyncStore,
  type SyncWrite,
} from '@/utils/sync';
import type { WritePacing } from '@/utils/settings';
import { pendingEntry } from './state';
import {
  READ_STATES,
  hostOf,
  normalizeTags,
  stampsOf,
  type IndexStamps,
  type LibraryEntry,
  type ReadState,
} from './record';

/**
 * The library's index mirrored through storage.sync, so the list follows the user to their other browsers of the same
 * family: per article its address, title, site, state, tags, progress and the date it was saved — never its body or
 * images. Each group of fields carries its own time (`stamps`), so two devices that change different fields of one
 * article (one archives it, the other tags it) both keep theirs; a deletion is a tombstone that wins over every change
 * made before it and is forgotten after TOMBSTONE_DAYS. Pure: the IndexedDB adapter and storage.sync are the caller's.
 */

/** The format of the library's sync items; a device never rewrites items of a newer one. */
export const LIBRARY_SYNC_VERSION = 1;
/** Every library item's key: `lib.<n>`. */
export const LIBRARY_SYNC_PREFIX = 'lib.';

/**
 * The library's share of storage.sync's 100 KB, which it shares with the settings and the highlights: seven full items
 * (about 300 articles). Never more than what the others leave free, less a reserve for a new highlight.
 */
export const LIBRARY_SYNC_SHARE = 7 * SYNC_QUOTAS.itemBytes;
const RESERVE = SYNC_QUOTAS.itemBytes;
/** A title is cut to this on the wire (the device that saved the article keeps it whole). */
const TITLE_CHARS = 200;

/** What sync knows of an article: the index fields and their times. */
export interface IndexRecord {
  id: string;
  url: string;
  title: string;
  siteName: string | null;
  savedAt: number;
  state: ReadState;
  tags: string[];
  progress: number;
  stamps: IndexStamps;
}

/** An article deleted on some device, kept so the others delete it too (instead of bringing it back). */
export interface LibraryTombstone {
  id: string;
  deleted: number;
}

export type LibrarySyncRecord = IndexRecord | LibraryTombstone;

export const isLibraryTombstone = (record: LibrarySyncRecord): record is LibraryTombstone => 'deleted' in record;

const lastChange = (record: IndexRecord): number => Math.max(...Object.values(record.stamps), record.savedAt);

/** An entry's index record, as sync would carry it (title cut and progress rounded as on the wire). */
export function indexRecord(entry: LibraryEntry): IndexRecord {
  return {
    id: entry.id,
    url: entry.url,
    title: entry.title.slice(0, TITLE_CHARS),
    siteName: entry.siteName,
    savedAt: entry.savedAt,
    state: entry.state,
    tags: entry.tags,
    progress: Math.round(entry.progress * 1000) / 1000,
    stamps: stampsOf(entry),
  };
}

const GROUPS = {
  meta: (r: IndexRecord) => [r.url, r.title, r.siteName, r.savedAt],
  state: (r: IndexRecord) => [r.state],
  tags: (r: IndexRecord) => r.tags,
  progress: (r: IndexRecord) => [r.progress],
} satisfies Record<keyof IndexStamps, (r: IndexRecord) => unknown[]>;
type Group = keyof typeof GROUPS;
const GROUP_NAMES = Object.keys(GROUPS) as Group[];

/** Which of two records' `group` wins: the later change; at the same moment, the larger value (so every device agrees). */
function laterGroup(a: IndexRecord, b: IndexRecord, group: Group): IndexRecord {
  if (a.stamps[group] !== b.stamps[group]) return a.stamps[group] > b.stamps[group] ? a : b;
  return JSON.stringify(GROUPS[group](a)) >= JSON.stringify(GROUPS[group](b)) ? a : b;
}

function combine(a: LibrarySyncRecord, b: LibrarySyncRecord): LibrarySyncRecord {
  if (isLibraryTombstone(a) && isLibraryTombstone(b)) return a.deleted >= b.deleted ? a : b;
  // A deletion wins over every change made up to it; a change made after it brings the article back.
  if (isLibraryTombstone(a)) return lastChange(b as IndexRecord) > a.deleted ? b : a;
  if (isLibraryTombstone(b)) return lastChange(a) > b.deleted ? a : b;
  const meta = laterGroup(a, b, 'meta');
  const state = laterGroup(a, b, 'state');
  const tags = laterGroup(a, b, 'tags');
  const progress = laterGroup(a, b, 'progress');
  return {
    id: a.id,
    url: meta.url,
    title: meta.title,
    siteName: meta.siteName,
    savedAt: meta.savedAt,
    state: state.state,
    tags: tags.tags,
    progress: progress.progress,
    stamps: {
      meta: meta.stamps.meta,
      state: state.stamps.state,
      tags: tags.stamps.tags,
      progress: progress.stamps.progress,
    },
  };
}

/** Two devices' records merged by article id, group by group (the same answer whichever side is which). */
export function mergeLibrary(a: readonly LibrarySyncRecord[], b: readonly LibrarySyncRecord[]): LibrarySyncRecord[] {
  const byId = new Map<string, LibrarySyncRecord>();
  for (const record of [...a, ...b]) {
    const kept = byId.get(record.id);
    byId.set(record.id, kept ? combine(kept, record) : record);
  }
  return [...byId.values()];
}

/** The groups in which `merged` is newer than `local` (what another device changed), or 'deleted' / 'new'. */
export function newerGroups(local: LibrarySyncRecord | undefined, merged: LibrarySyncRecord): Group[] | 'deleted' {
  if (isLibraryTombstone(merged)) return local && isLibraryTombstone(local) ? [] : 'deleted';
  if (!local || isLibraryTombstone(local)) return GROUP_NAMES;
  return GROUP_NAMES.filter((g) => merged.stamps[g] !== local.stamps[g] || laterGroup(local, merged, g) !== local);
}

/**
 * An entry with what sync brought: the groups another device changed later, over the local entry (its body, images
 * and other metadata stay), or a new entry with no body yet, queued to be read from its address when first opened.
 */
export function entryFromSync(record: IndexRecord, local: LibraryEntry | null): LibraryEntry {
  if (!local)
    return {
      ...pendingEntry(record.url, record.title, record.savedAt, null),
      id: record.id,
      siteName: record.siteName,
      host: hostOf(record.id) || hostOf(record.url),
      updatedAt: lastChange(record),
      state: record.state,
      tags: record.tags,
      progress: record.progress,
      stamps: record.stamps,
    };
  const groups = newerGroups(indexRecord(local), record);
  if (groups === 'deleted' || !groups.length) return local;
  const mine = stampsOf(local);
  const next: LibraryEntry = { ...local, stamps: { ...mine } };
  for (const group of groups) {
    next.stamps![group] = record.stamps[group];
    if (group === 'meta') Object.assign(next, { url: record.url, siteName: record.siteName, savedAt: record.savedAt });
    // The device that saved it keeps the whole title; another device's cut one replaces it only when it changed.
    if (group === 'meta' && record.title !== local.title.slice(0, TITLE_CHARS)) next.title = record.title;
    if (group === 'state') next.state = record.state;
    if (group === 'tags') next.tags = record.tags;
    if (group === 'progress') next.progress = record.progress;
  }
  next.updatedAt = Math.max(local.updatedAt, lastChange(record));
  return next;
}

// The wire: compact records, numbers (times) in base 36.
const b36 = (n: number): string => Math.round(n).toString(36);
const from36 = (value: unknown): number | null => {
  const n = typeof value === 'string' ? parseInt(value, 36) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
};

function toWire(record: LibrarySyncRecord): Record<string, unknown> {
  if (isLibraryTombstone(record)) return { i: record.id, d: b36(record.deleted) };
  const { meta, state, tags, progress } = record.stamps;
  const wire: Record<string, unknown> = { i: record.id };
  if (record.url !== record.id) wire['u'] = record.url;
  wire['t'] = record.title.slice(0, TITLE_CHARS);
  if (record.siteName) wire['s'] = record.siteName;
  wire['a'] = b36(record.savedAt);
  const z = READ_STATES.indexOf(record.state);
  if (z > 0) wire['z'] = z;
  if (record.tags.length) wire['g'] = record.tags;
  if (record.progress > 0) wire['p'] = Math.round(record.progress * 1000);
  // The group times, with one equal to the first written empty.
  wire['k'] = [meta, state, tags, progress].map((s, n) => (n > 0 && s === meta ? '' : b36(s))).join('.');
  return wire;
}

function fromWire(raw: unknown): LibrarySyncRecord | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const w = raw as Record<string, unknown>;
  const id = typeof w['i'] === 'string' && /^https?:/i.test(w['i']) ? w['i'] : null;
  if (!id) return null;
  if ('d' in w) {
    const deleted = from36(w['d']);
    return deleted === null ? null : { id, deleted };
  }
  const k = typeof w['k'] === 'string' ? w['k'].split('.') : [];
  const meta = from36(k[0]);
  const savedAt = from36(w['a']);
  if (meta === null || savedAt === null) return null;
  const stamp = (n: number): number => (k[n] ? (from36(k[n]) ?? meta) : meta);
  const url = typeof w['u'] === 'string' && /^https?:/i.test(w['u']) ? w['u'] : id;
  const p = typeof w['p'] === 'number' && Number.isFinite(w['p']) ? w['p'] : 0;
  return {
    id,
    url,
    title: typeof w['t'] === 'string' && w['t'] ? w['t'].slice(0, TITLE_CHARS) : id,
    siteName: typeof w['s'] === 'string' && w['s'] ? w['s'] : null,
    savedAt,
    state: READ_STATES[typeof w['z'] === 'number' ? w['z'] : 0] ?? 'unread',
    tags: normalizeTags(w['g']),
    progress: Math.min(1, Math.max(0, p / 1000)),
    stamps: { meta, state: stamp(1), tags: stamp(2), progress: stamp(3) },
  };
}

export const isLibrarySyncKey = (key: string): boolean => key.startsWith(LIBRARY_SYNC_PREFIX);

/** The library's records in what storage.sync holds (`all`: its whole content), repaired; damaged ones left out. */
export function readLibrarySync(all: Record<string, unknown>): {
  entries: LibrarySyncRecord[];
  keys: string[];
  newer: boolean;
} {
  const found = { entries: [] as LibrarySyncRecord[], keys: [] as string[], newer: false };
  for (const [key, value] of Object.entries(all)) {
    if (!isLibrarySyncKey(key) || typeof value !== 'object' || value === null) continue;
    found.keys.push(key);
    const item = value as Record<string, unknown>;
    if (typeof item['v'] === 'number' && item['v'] > LIBRARY_SYNC_VERSION) {
      found.newer = true;
      continue;
    }
    for (const raw of Array.isArray(item['e']) ? item['e'] : []) {
      const record = fromWire(raw);
      if (record) found.entries.push(record);
    }
  }
  found.entries = mergeLibrary(found.entries, []);
  return found;
}

/** The room the library may take now: its share, or less when the settings and highlights leave less free. */
export function libraryBudget(all: Record<string, unknown>): number {
  const others = Object.entries(all)
    .filter(([key]) => !isLibrarySyncKey(key))
    .reduce((sum, [key, value]) => sum + syncBytes(key, value), 0);
  return Math.max(0, Math.min(LIBRARY_SYNC_SHARE, SYNC_QUOTAS.totalBytes - others - RESERVE));
}

/**
 * The library's items for `records`: expired tombstones dropped; when they don't all fit the budget, the most recently
 * changed (saved, opened, read, tagged, deleted) are chosen and the rest named in `left` (they stay on this device, and
 * on the others that have them: only a tombstone deletes). The chosen ones are packed oldest saved first, so saving an
 * article changes only the last item.
 */
export function libraryItems(
  records: readonly LibrarySyncRecord[],
  oldKeys: readonly string[],
  now: number,
  budget: number,
): SyncWrite {
  const live = records.filter((r) => !isLibraryTombstone(r) || r.deleted > now - TOMBSTONE_DAYS * 86_400_000);
  const recent = (r: LibrarySyncRecord): number => (isLibraryTombstone(r) ? r.deleted : lastChange(r));
  const wires = live
    .map((record) => ({ record, wire: toWire(record) }))
    .sort((x, y) => recent(y.record) - recent(x.record) || (x.record.id < y.record.id ? -1 : 1));
  // Chosen by recency with a little room left for how records fall into items; packed in a stable order.
  const slack = 0.97;
  const chosen: typeof wires = [];
  const left: string[] = [];
  let used = 0;
  for (const w of wires) {
    const bytes = syncBytes('', w.wire) + 1;
    if (used + bytes > budget * slack) left.push(w.record.id);
    else {
      used += bytes;
      chosen.push(w);
    }
  }
  const order = (r: LibrarySyncRecord): number => (isLibraryTombstone(r) ? Infinity : r.savedAt);
  chosen.sort((x, y) => order(x.record) - order(y.record) || (x.record.id < y.record.id ? -1 : 1));
  const packed = packItems(
    LIBRARY_SYNC_PREFIX,
    { v: LIBRARY_SYNC_VERSION },
    chosen.map((w) => ({ id: w.record.id, wire: w.wire })),
    budget,
  );
  return {
    items: packed.items,
    stale: oldKeys.filter((k) => !(k in packed.items)),
    left: [...left, ...packed.left],
  };
}

export const libraryChannel: SyncChannel<LibrarySyncRecord> = {
  owns: isLibrarySyncKey,
  id: (record) => record.id,
  read: readLibrarySync,
  merge: mergeLibrary,
  differs: (mine, merged) => {
    const groups = newerGroups(mine, merged);
    return groups === 'deleted' || groups.length > 0 || isLibraryTombstone(mine) !== isLibraryTombstone(merged);
  },
  write: (merged, oldKeys, now, all) => libraryItems(merged, oldKeys, now, libraryBudget(all)),
  leftOut: 'partial',
};

export type LibrarySync = SyncEngine<LibrarySyncRecord>;

/** The library's index through storage.sync (utils/sync's engine, paced and retried like the highlights'). */
export function createLibrarySync(
  store: SyncStore<LibrarySyncRecord>,
  area: SyncStorage,
  pacing?: WritePacing,
): LibrarySync {
  return createSyncEngine(libraryChannel, store, area, pacing);
}
