import type { DBSchema, IDBPDatabase } from 'idb';
import { lazyDatabase } from './idb-connection';
import { isTombstone, normalizeHighlight, type Highlight, type SyncEntry, type Tombstone } from '@/utils/annotate';

/**
 * Highlights and notes live in the extension's IndexedDB (not storage.local: one record per highlight, found by the
 * article's clean address through an index, so a write touches one highlight and nothing else). Reached through idb,
 * which loads on first use, in the reader only. Every read repairs what it finds (utils/annotate normalizeHighlight).
 */
export const READING_DB = 'lectern-reading';

interface ReadingSchema extends DBSchema {
  highlights: { key: string; value: Highlight; indexes: { url: string } };
  /** Deletions, kept so that sync deletes the highlight on the other devices too (utils/annotate sync). */
  tombstones: { key: string; value: Tombstone; indexes: { url: string } };
}

type Database = IDBPDatabase<ReadingSchema>;

/**
 * The schema, step by step: step n takes a database at version n to version n + 1, so an update opens an older
 * database and runs only the steps it lacks, inside the upgrade transaction (all or nothing), keeping every record.
 * A later change (a store for saved articles, a new index) is a new step at the end; none is ever edited.
 */
export const READING_DB_STEPS: ReadonlyArray<(db: Database) => void> = [
  (db) => db.createObjectStore('highlights', { keyPath: 'id' }).createIndex('url', 'url'),
  (db) => db.createObjectStore('tombstones', { keyPath: 'id' }).createIndex('url', 'url'),
];

export interface HighlightStore {
  /** The highlights kept for an article (its clean address), repaired; damaged records are left out, not deleted. */
  load(url: string): Promise<Highlight[]>;
  /** Writes one highlight (added, changed or put back). Rejects when the write failed: nothing else is touched. */
  save(highlight: Highlight): Promise<void>;
  /** Deletes a highlight, keeping a tombstone (when, not what) for sync. */
  remove(id: string, at?: number): Promise<void>;
  /** Every article's highlights (the export of them all). */
  all(): Promise<Highlight[]>;
  /** The article's highlights and tombstones, for sync. */
  entries(url: string): Promise<SyncEntry[]>;
  /** Writes what sync brought from another device: highlights added or changed, deletions. All or nothing. */
  apply(entries: readonly SyncEntry[]): Promise<void>;
}

const isValidTombstone = (raw: unknown): raw is Tombstone =>
  typeof raw === 'object' &&
  raw !== null &&
  typeof (raw as Tombstone).id === 'string' &&
  typeof (raw as Tombstone).url === 'string' &&
  typeof (raw as Tombstone).deleted === 'number';

/** A store with its own connection, opened on first use (and again after another page upgraded the database). */
export function openHighlightStore(): HighlightStore {
  const database = lazyDatabase<ReadingSchema>(READING_DB, READING_DB_STEPS);
  return {
    async load(url) {
      const records: unknown[] = await (await database()).getAllFromIndex('highlights', 'url', url);
      return records.map(normalizeHighlight).filter((h) => h !== null);
    },
    async save(highlight) {
      const tx = (await database()).transaction(['highlights', 'tombstones'], 'readwrite');
      await Promise.all([
        tx.objectStore('highlights').put(highlight),
        tx.objectStore('tombstones').delete(highlight.id),
        tx.done,
      ]);
    },
    async remove(id, at = Date.now()) {
      const tx = (await database()).transaction(['highlights', 'tombstones'], 'readwrite');
      const highlights = tx.objectStore('highlights');
      const record = normalizeHighlight(await highlights.get(id));
      await Promise.all([
        highlights.delete(id),
        record ? tx.objectStore('tombstones').put({ id, url: record.url, deleted: at }) : null,
        tx.done,
      ]);
    },
    async all() {
      const records: unknown[] = await (await database()).getAll('highlights');
      return records.map(normalizeHighlight).filter((h) => h !== null);
    },
    async entries(url) {
      const db = await database();
      const [highlights, tombstones]: unknown[][] = await Promise.all([
        db.getAllFromIndex('highlights', 'url', url),
        db.getAllFromIndex('tombstones', 'url', url),
      ]);
      return [...highlights.map(normalizeHighlight).filter((h) => h !== null), ...tombstones.filter(isValidTombstone)];
    },
    async apply(entries) {
      const tx = (await database()).transaction(['highlights', 'tombstones'], 'readwrite');
      const highlights = tx.objectStore('highlights');
      const tombstones = tx.objectStore('tombstones');
      await Promise.all([
        ...entries.flatMap((entry) =>
          isTombstone(entry)
            ? [highlights.delete(entry.id), tombstones.put(entry)]
            : [highlights.put(entry), tombstones.delete(entry.id)],
        ),
        tx.done,
      ]);
    },
  };
}
