import type MiniSearch from 'minisearch';
import { siteOf } from './list';
import type { LibraryEntry } from './record';

/** What the search index holds of an article: its title, site and text (the body's plain text). */
interface SearchDocument {
  id: string;
  title: string;
  site: string;
  text: string;
}

export interface LibrarySearch {
  /** The ids of the articles matching `query`, best first (prefix and slightly misspelt words count too). */
  find(query: string): string[];
  /** Adds or replaces one article. */
  put(entry: LibraryEntry, text: string): void;
  remove(id: string): void;
}

/**
 * A full-text index over titles, sites and article text, built with MiniSearch (loaded here, on the library page
 * only, when the index is first built). Titles weigh most, then sites; the last word typed matches as a prefix, so
 * results come as you type.
 */
export async function buildSearch(
  articles: ReadonlyArray<{ entry: LibraryEntry; text: string }>,
): Promise<LibrarySearch> {
  const { default: MiniSearchClass } = await import('minisearch');
  const index: MiniSearch<SearchDocument> = new MiniSearchClass<SearchDocument>({
    fields: ['title', 'site', 'text'],
    storeFields: [],
    searchOptions: {
      boost: { title: 3, site: 2 },
      prefix: (_term, i, terms) => i === terms.length - 1,
      fuzzy: (term) => (term.length > 4 ? 0.2 : false),
      combineWith: 'AND',
    },
  });
  const doc = (entry: LibraryEntry, text: string): SearchDocument => ({
    id: entry.id,
    title: entry.title,
    site: `${siteOf(entry)} ${entry.host}`,
    text,
  });
  index.addAll(articles.map(({ entry, text }) => doc(entry, text)));
  return {
    find: (query) => (query.trim() ? index.search(query).map((result) => String(result.id)) : []),
    put(entry, text) {
      if (index.has(entry.id)) index.discard(entry.id);
      index.add(doc(entry, text));
    },
    remove(id) {
      if (index.has(id)) index.discard(id);
    },
  };
}
