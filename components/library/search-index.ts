import type { LibraryStore } from '@/utils/browser';
import { buildSearch, type LibraryEntry, type LibrarySearch } from '@/utils/library';

/**
 * The library page's search index, kept up to date instead of rebuilt: built once from every body's text (the costly
 * part with thousands of articles), then each later change to the list re-indexes only the articles that changed
 * (new, saved again, or gone), reading just their bodies.
 */
export interface SearchIndex {
  /** The index for `entries`, as they are now. */
  over(entries: readonly LibraryEntry[]): Promise<LibrarySearch>;
}

export function createSearchIndex(store: Pick<LibraryStore, 'texts' | 'body'>): SearchIndex {
  let index: Promise<LibrarySearch> | null = null;
  /** What the index holds of each article: the time of its last change when indexed. */
  const indexed = new Map<string, number>();
  let pending: Promise<unknown> = Promise.resolve();

  async function update(search: LibrarySearch, entries: readonly LibraryEntry[]): Promise<void> {
    const alive = new Set<string>();
    for (const entry of entries) {
      alive.add(entry.id);
      if (indexed.get(entry.id) === entry.updatedAt) continue;
      const body = await store.body(entry.id);
      search.put(entry, body?.text ?? '');
      indexed.set(entry.id, entry.updatedAt);
    }
    for (const id of [...indexed.keys()])
      if (!alive.has(id)) {
        search.remove(id);
        indexed.delete(id);
      }
  }

  return {
    over(entries) {
      if (!index) {
        index = store.texts().then((texts) => {
          for (const entry of entries) indexed.set(entry.id, entry.updatedAt);
          return buildSearch(entries.map((entry) => ({ entry, text: texts.get(entry.id) ?? '' })));
        });
        index.catch(() => {
          index = null;
          indexed.clear();
        });
        return index;
      }
      const built = index;
      // One update at a time, in order: two quick changes never index the same article twice at once.
      const next = pending
        .then(() => built)
        .then(async (search) => {
          await update(search, entries);
          return search;
        });
      pending = next.catch(() => undefined);
      return next;
    },
  };
}
