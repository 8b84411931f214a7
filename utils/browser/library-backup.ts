import type { IDBPObjectStore } from 'idb';
import { lazyDatabase } from './idb-connection';
import { openHighlightStore, type HighlightStore } from './highlight-store';
import { LIBRARY_DB, LIBRARY_DB_STEPS, announce, type LibrarySchema } from './library-store';
import {
  normalizeBody,
  normalizeEntry,
  planImport,
  planRestore,
  type BackupArticle,
  type ImportItem,
  type LibraryEntry,
  type LibraryImage,
  stampedAt,
} from '@/utils/library';

/**
 * The library whole, for its backup file and its restore, and the lists imported from other services: the library's
 * database (the same schema steps as library-store.ts) and the highlights' (highlight-store.ts). Deciding what to
 * write is utils/library's (planRestore, planImport); this only reads and writes, each database in one transaction.
 */
export interface LibraryBackup {
  /** Every saved article whole (entry, body, images) with the highlights and notes kept for it. */
  articles(): Promise<BackupArticle[]>;
  /**
   * Restores a backup's articles (read and checked whole before): the highlights' part in one transaction, then the
   * library's in one. Rejects when a write failed; the library then changed nothing.
   */
  restore(articles: readonly BackupArticle[]): Promise<{ restored: number; already: number }>;
  /** Queues an imported list's links (one transaction); the counts for the status line. */
  addList(items: readonly ImportItem[], now: number): Promise<{ imported: number; already: number; skipped: number }>;
}

const isImage = (value: unknown): value is LibraryImage =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as LibraryImage).articleId === 'string' &&
  typeof (value as LibraryImage).src === 'string' &&
  (value as LibraryImage).blob instanceof Blob;

/**
 * An entry about to be written back over its own deletion on this browser (deleted, then restored or imported):
 * the deletion's tombstone goes and every field is stamped now, so sync brings it back everywhere instead of deleting
 * it again. An entry with no deletion is written as it came (a restore into an empty library is exact).
 */
async function revived(
  tombstones: IDBPObjectStore<
    LibrarySchema,
    ['entries', 'tombstones'] | ['entries', 'bodies', 'images', 'tombstones'],
    'tombstones',
    'readwrite'
  >,
  entry: LibraryEntry,
  now: number,
): Promise<LibraryEntry> {
  const deletion = await tombstones.get(entry.id);
  if (!deletion) return entry;
  await tombstones.delete(entry.id);
  // Later than the deletion even if a clock disagrees: the restore is the user's last word.
  return { ...entry, stamps: stampedAt(Math.max(now, deletion.deleted + 1)) };
}

export function openLibraryBackup(highlightStore: HighlightStore = openHighlightStore()): LibraryBackup {
  const database = lazyDatabase<LibrarySchema>(LIBRARY_DB, LIBRARY_DB_STEPS);
  const localEntries = async () =>
    ((await (await database()).getAll('entries')) as unknown[]).map(normalizeEntry).filter((entry) => entry !== null);

  return {
    async articles() {
      const tx = (await database()).transaction(['entries', 'bodies', 'images']);
      const [entries, bodies, images]: unknown[][] = await Promise.all([
        tx.objectStore('entries').getAll(),
        tx.objectStore('bodies').getAll(),
        tx.objectStore('images').getAll(),
      ]);
      await tx.done;
      const highlights = await highlightStore.all();
      // Repaired as the list repairs them (a damaged record is backed up as the library shows it).
      const bodyOf = new Map(bodies.map(normalizeBody).flatMap((body) => (body ? [[body.id, body] as const] : [])));
      const imagesOf = new Map<string, LibraryImage[]>();
      for (const image of images.filter(isImage)) {
        imagesOf.set(image.articleId, [...(imagesOf.get(image.articleId) ?? []), image]);
      }
      return entries
        .map(normalizeEntry)
        .flatMap((entry) => (entry ? [entry] : []))
        .map((entry) => ({
          entry,
          body: bodyOf.get(entry.id) ?? null,
          images: imagesOf.get(entry.id) ?? [],
          highlights: highlights.filter((highlight) => highlight.url === entry.id),
        }));
    },

    async restore(articles) {
      const db = await database();
      const [entries, highlights] = await Promise.all([localEntries(), highlightStore.all()]);
      const plan = planRestore(
        articles,
        new Map(entries.map((entry) => [entry.id, entry])),
        new Map(highlights.map((highlight) => [highlight.id, highlight])),
      );
      // Highlights first: they only merge (no local one is ever dropped), so if the library's write then fails, what
      // the message says holds — the library is as it was — and importing again completes it.
      if (plan.highlights.length) await highlightStore.apply(plan.highlights);
      if (plan.articles.length) {
        const tx = db.transaction(['entries', 'bodies', 'images', 'tombstones'], 'readwrite');
        const imageStore = tx.objectStore('images');
        const now = Date.now();
        const writes = plan.articles.map(async ({ entry, body, images }) => {
          await tx.objectStore('entries').put(await revived(tx.objectStore('tombstones'), entry, now));
          if (body) await tx.objectStore('bodies').put(body);
          const old = await imageStore.index('article').getAllKeys(entry.id);
          await Promise.all(old.map((key) => imageStore.delete(key)));
          await Promise.all(images.map((image) => imageStore.put(image)));
        });
        // One failed request aborts the whole transaction: nothing of the backup is half written.
        await Promise.all([...writes, tx.done]).catch((error: unknown) => {
          try {
            tx.abort();
          } catch {
            // Already aborted.
          }
          throw error;
        });
      }
      if (plan.articles.length) announce();
      return { restored: plan.restored, already: plan.already };
    },

    async addList(items, now) {
      const db = await database();
      const entries = await localEntries();
      const plan = planImport(items, new Map(entries.map((entry) => [entry.id, entry])), now);
      if (plan.entries.length) {
        const tx = db.transaction(['entries', 'tombstones'], 'readwrite');
        const put = async (entry: LibraryEntry): Promise<void> => {
          await tx.objectStore('entries').put(await revived(tx.objectStore('tombstones'), entry, now));
        };
        await Promise.all([...plan.entries.map(put), tx.done]);
        announce();
      }
      return { imported: plan.imported, already: plan.already, skipped: plan.skipped };
    },
  };
}
