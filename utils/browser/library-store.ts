import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { lazyDatabase, type IdbLoader } from './idb-connection';
import {
  entryFromSync,
  indexRecord,
  isLibraryTombstone,
  normalizeBody,
  normalizeEntry,
  normalizeTags,
  stampsOf,
  stateAfterReading,
  type LibraryBody,
  type LibraryEntry,
  type LibraryImage,
  type LibrarySyncRecord,
  type LibraryTombstone,
  stampedAt,
} from '@/utils/library';
import { sendToExtension } from './messages';

/**
 * The library's own IndexedDB database (apart from the highlights' `lectern-reading`, so each is versioned and
 * upgraded on its own). Three stores: the entries (what the list shows), the bodies (the sanitized HTML and text,
 * read only to open or search), and the images as blobs. Every write of an article is one transaction over the
 * three: it happens whole or not at all, so a failed or full write leaves everything already saved as it was.
 */
export const LIBRARY_DB = 'lectern-library';

export interface LibrarySchema extends DBSchema {
  entries: { key: string; value: LibraryEntry; indexes: { saved: number } };
  bodies: { key: string; value: LibraryBody };
  images: { key: [string, string]; value: LibraryImage; indexes: { article: string } };
  /** Articles deleted here, kept for sync so the other devices delete them too (see utils/library sync). */
  tombstones: { key: string; value: LibraryTombstone };
}

type Database = IDBPDatabase<LibrarySchema>;

/**
 * The schema, step by step: step n takes a database at version n to n + 1, inside the upgrade transaction (all or
 * nothing), keeping every record. A later change is a new step at the end; none is ever edited.
 */
export const LIBRARY_DB_STEPS: ReadonlyArray<
  (db: Database, tx: IDBPTransaction<LibrarySchema, StoreNames<LibrarySchema>[], 'versionchange'>) => void
> = [
  (db) => {
    db.createObjectStore('entries', { keyPath: 'id' });
    db.createObjectStore('bodies', { keyPath: 'id' });
    db.createObjectStore('images', { keyPath: ['articleId', 'src'] }).createIndex('article', 'articleId');
  },
  (db) => {
    db.createObjectStore('tombstones', { keyPath: 'id' });
  },
  // The newest saved first, without reading the whole list (the library page's first screen).
  (_db, tx) => {
    tx.objectStore('entries').createIndex('saved', 'savedAt');
  },
];

/** An article as it was before it was deleted: everything needed to put it back (undo). */
export interface RemovedArticle {
  entry: LibraryEntry;
  body: LibraryBody | null;
  images: LibraryImage[];
}

export type EntryChange = Partial<Pick<LibraryEntry, 'state' | 'tags' | 'progress'>>;

export interface LibraryStore {
  /** Every entry, repaired; a damaged record is left out, never deleted. */
  entries(): Promise<LibraryEntry[]>;
  entry(id: string): Promise<LibraryEntry | null>;
  /** The `count` most recently saved entries, newest first (what the list shows first), without reading the rest. */
  newest(count: number): Promise<LibraryEntry[]>;
  body(id: string): Promise<LibraryBody | null>;
  /** Every body's text by id (for the search index). */
  texts(): Promise<Map<string, string>>;
  images(id: string): Promise<LibraryImage[]>;
  /**
   * Writes an article whole: its entry, its body (null: leave it) and its images (null: leave them; else they
   * replace the ones kept). Rejects when the write failed, with nothing changed.
   */
  save(entry: LibraryEntry, body: LibraryBody | null, images: LibraryImage[] | null): Promise<void>;
  /** Changes an entry's state, tags or progress (reading moves the state on); null when it isn't in the library. */
  update(id: string, change: EntryChange): Promise<LibraryEntry | null>;
  /** Deletes articles whole and returns them, so they can be put back. */
  remove(ids: readonly string[]): Promise<RemovedArticle[]>;
  restore(removed: readonly RemovedArticle[]): Promise<void>;
  /** What sync knows of the library: every entry's index record and the deletions (tombstones). */
  syncRecords(): Promise<LibrarySyncRecord[]>;
  /**
   * Writes what another device changed: newer fields over an entry, a new entry queued without its body, a deletion
   * (the article removed whole, its tombstone kept). One transaction.
   */
  applySync(records: readonly LibrarySyncRecord[]): Promise<void>;
}

/** Tells every other extension page that the library changed (a page that shows it reloads its list). */
const CHANNEL = 'lectern-library';
export function announce(): void {
  // The background keeps the library's sync; this wakes it when it sleeps (a service worker).
  sendToExtension({ type: 'library-changed' }).catch(() => undefined);
  try {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage('changed');
    channel.close();
  } catch {
    // No BroadcastChannel (an old worker): the other pages see the change when they next load.
  }
}

/** Calls `onChange` when another page changes the library; returns the unwatch function. */
export function watchLibrary(onChange: () => void): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => onChange();
  return () => channel.close();
}

/**
 * A store with its own connection, opened on first use (and again after another page upgraded the database). `load`
 * gives idb to a page that opens the library as it starts (see library-store-now.ts).
 */
export function openLibraryStore(load?: IdbLoader): LibraryStore {
  const database = lazyDatabase<LibrarySchema>(LIBRARY_DB, LIBRARY_DB_STEPS, load);

  async function imagesOf(db: Database, id: string): Promise<LibraryImage[]> {
    const found: unknown[] = await db.getAllFromIndex('images', 'article', id);
    return found.filter(
      (image): image is LibraryImage =>
        typeof image === 'object' &&
        image !== null &&
        typeof (image as LibraryImage).src === 'string' &&
        (image as LibraryImage).blob instanceof Blob,
    );
  }

  return {
    async entries() {
      const records: unknown[] = await (await database()).getAll('entries');
      return records.map(normalizeEntry).filter((entry) => entry !== null);
    },
    async newest(count) {
      // Three requests, not one per entry: the key cursor finds the count-th newest date, getAll reads from there.
      const index = (await database()).transaction('entries').store.index('saved');
      let edge = count > 0 ? await index.openKeyCursor(null, 'prev') : null;
      if (edge && count > 1) edge = await edge.advance(count - 1);
      const raw = count > 0 ? await index.getAll(edge ? IDBKeyRange.lowerBound(edge.key) : undefined) : [];
      return raw
        .map(normalizeEntry)
        .filter((entry): entry is LibraryEntry => entry !== null)
        .sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
        .slice(0, count);
    },
    async entry(id) {
      return normalizeEntry(await (await database()).get('entries', id));
    },
    async body(id) {
      return normalizeBody(await (await database()).get('bodies', id));
    },
    async texts() {
      const texts = new Map<string, string>();
      let cursor = await (await database()).transaction('bodies').store.openCursor();
      while (cursor) {
        const body = normalizeBody(cursor.value);
        if (body) texts.set(body.id, body.text);
        cursor = await cursor.continue();
      }
      return texts;
    },
    async images(id) {
      return imagesOf(await database(), id);
    },
    async save(entry, body, images) {
      const db = await database();
      const tx = db.transaction(['entries', 'bodies', 'images', 'tombstones'], 'readwrite');
      // Saved again after a deletion: alive again everywhere.
      const writes: Array<Promise<unknown>> = [
        tx.objectStore('entries').put(entry),
        tx.objectStore('tombstones').delete(entry.id),
      ];
      if (body) writes.push(tx.objectStore('bodies').put(body));
      if (images) {
        const store = tx.objectStore('images');
        writes.push(
          (async () => {
            const old = await store.index('article').getAllKeys(entry.id);
            await Promise.all(old.map((key) => store.delete(key)));
            await Promise.all(images.map((image) => store.put(image)));
          })(),
        );
      }
      // One failed request aborts the whole transaction: nothing of this article is half written.
      await Promise.all([...writes, tx.done]).catch((error: unknown) => {
        try {
          tx.abort();
        } catch {
          // Already aborted.
        }
        throw error;
      });
      announce();
    },
    async update(id, change) {
      const db = await database();
      const tx = db.transaction('entries', 'readwrite');
      const entry = normalizeEntry(await tx.store.get(id));
      if (!entry) {
        await tx.done;
        return null;
      }
      const progress = change.progress === undefined ? entry.progress : Math.min(1, Math.max(0, change.progress));
      const now = Date.now();
      const changed: LibraryEntry = {
        ...entry,
        progress,
        tags: change.tags === undefined ? entry.tags : normalizeTags(change.tags),
        state: change.state ?? (change.progress === undefined ? entry.state : stateAfterReading(entry.state, progress)),
        updatedAt: now,
      };
      // Each group that changed gets its own time, so sync merges it apart from the others.
      const stamps = { ...stampsOf(entry) };
      // A state the user chose gets the time; one that reading moved on only just outranks the one it came from, so a
      // choice made meanwhile on another device (archived there) still wins over it.
      if (change.state !== undefined) stamps.state = now;
      else if (changed.state !== entry.state) stamps.state += 1;
      if (change.tags !== undefined) stamps.tags = now;
      if (change.progress !== undefined) stamps.progress = now;
      changed.stamps = stamps;
      await Promise.all([tx.store.put(changed), tx.done]);
      announce();
      return changed;
    },
    async remove(ids) {
      const db = await database();
      const tx = db.transaction(['entries', 'bodies', 'images', 'tombstones'], 'readwrite');
      const removed: RemovedArticle[] = [];
      const now = Date.now();
      for (const id of ids) {
        const entry = normalizeEntry(await tx.objectStore('entries').get(id));
        if (!entry) continue;
        const body = normalizeBody(await tx.objectStore('bodies').get(id));
        const images = (await tx.objectStore('images').index('article').getAll(id)) as LibraryImage[];
        removed.push({ entry, body, images });
        await tx.objectStore('entries').delete(id);
        await tx.objectStore('bodies').delete(id);
        for (const image of images) await tx.objectStore('images').delete([image.articleId, image.src]);
        await tx.objectStore('tombstones').put({ id, deleted: now });
      }
      await tx.done;
      announce();
      return removed;
    },
    async restore(removed) {
      const db = await database();
      const tx = db.transaction(['entries', 'bodies', 'images', 'tombstones'], 'readwrite');
      const writes: Array<Promise<unknown>> = [];
      // Put back later than its deletion, so sync brings it back on the other devices too.
      const now = Date.now();
      for (const { entry, body, images } of removed) {
        writes.push(tx.objectStore('entries').put({ ...entry, stamps: stampedAt(now) }));
        writes.push(tx.objectStore('tombstones').delete(entry.id));
        if (body) writes.push(tx.objectStore('bodies').put(body));
        for (const image of images) writes.push(tx.objectStore('images').put(image));
      }
      await Promise.all([...writes, tx.done]);
      announce();
    },
    async syncRecords() {
      const db = await database();
      const tx = db.transaction(['entries', 'tombstones']);
      const [entries, tombstones] = await Promise.all([
        tx.objectStore('entries').getAll() as Promise<unknown[]>,
        tx.objectStore('tombstones').getAll() as Promise<unknown[]>,
      ]);
      const records: LibrarySyncRecord[] = [];
      const alive = new Set<string>();
      for (const raw of entries) {
        const entry = normalizeEntry(raw);
        if (!entry) continue;
        alive.add(entry.id);
        records.push(indexRecord(entry));
      }
      for (const raw of tombstones) {
        const t = raw as Partial<LibraryTombstone> | null;
        if (typeof t?.id === 'string' && typeof t.deleted === 'number' && !alive.has(t.id))
          records.push({ id: t.id, deleted: t.deleted });
      }
      return records;
    },
    async applySync(records) {
      const db = await database();
      const tx = db.transaction(['entries', 'bodies', 'images', 'tombstones'], 'readwrite');
      const entries = tx.objectStore('entries');
      const tombstones = tx.objectStore('tombstones');
      const work = (async () => {
        for (const record of records) {
          if (isLibraryTombstone(record)) {
            await entries.delete(record.id);
            await tx.objectStore('bodies').delete(record.id);
            const images = tx.objectStore('images');
            for (const key of await images.index('article').getAllKeys(record.id)) await images.delete(key);
            await tombstones.put(record);
            continue;
          }
          const local = normalizeEntry(await entries.get(record.id));
          await entries.put(entryFromSync(record, local));
          await tombstones.delete(record.id);
        }
      })();
      await Promise.all([work, tx.done]).catch((error: unknown) => {
        try {
          tx.abort();
        } catch {
          // Already aborted.
        }
        throw error;
      });
      announce();
    },
  };
}
