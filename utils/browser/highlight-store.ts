import type { DBSchema, IDBPDatabase } from 'idb';
import { normalizeHighlight, type Highlight } from '@/utils/annotate';

/**
 * Highlights and notes live in the extension's IndexedDB (not storage.local: one record per highlight, found by the
 * article's clean address through an index, so a write touches one highlight and nothing else). Reached through idb,
 * which loads on first use, in the reader only. Every read repairs what it finds (utils/annotate normalizeHighlight).
 */
export const READING_DB = 'lectern-reading';

interface ReadingSchema extends DBSchema {
  highlights: { key: string; value: Highlight; indexes: { url: string } };
}

type Database = IDBPDatabase<ReadingSchema>;

/**
 * The schema, step by step: step n takes a database at version n to version n + 1, so an update opens an older
 * database and runs only the steps it lacks, inside the upgrade transaction (all or nothing), keeping every record.
 * A later change (a store for saved articles, a new index) is a new step at the end; none is ever edited.
 */
export const READING_DB_STEPS: ReadonlyArray<(db: Database) => void> = [
  (db) => db.createObjectStore('highlights', { keyPath: 'id' }).createIndex('url', 'url'),
];

export interface HighlightStore {
  /** The highlights kept for an article (its clean address), repaired; damaged records are left out, not deleted. */
  load(url: string): Promise<Highlight[]>;
  /** Writes one highlight (added or changed). Rejects when the write failed: nothing else is touched. */
  save(highlight: Highlight): Promise<void>;
  remove(id: string): Promise<void>;
}

/** A store with its own connection, opened on first use (and again after another page upgraded the database). */
export function openHighlightStore(): HighlightStore {
  let connection: Promise<Database> | null = null;
  const database = (): Promise<Database> => {
    connection ??= import('idb')
      .then(({ openDB }) =>
        openDB<ReadingSchema>(READING_DB, READING_DB_STEPS.length, {
          upgrade(db, oldVersion) {
            for (let step = oldVersion; step < READING_DB_STEPS.length; step++) READING_DB_STEPS[step]!(db);
          },
          // A newer Lectern (an update, another reader tab) wants to upgrade: let it, and reopen on the next use.
          blocking(_current, _next, event) {
            (event.target as IDBDatabase).close();
            connection = null;
          },
        }),
      )
      .catch((error: unknown) => {
        connection = null;
        throw error;
      });
    return connection;
  };
  return {
    async load(url) {
      const records: unknown[] = await (await database()).getAllFromIndex('highlights', 'url', url);
      return records.map(normalizeHighlight).filter((h) => h !== null);
    },
    async save(highlight) {
      await (await database()).put('highlights', highlight);
    },
    async remove(id) {
      await (await database()).delete('highlights', id);
    },
  };
}
