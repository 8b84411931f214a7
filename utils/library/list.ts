import type { LibraryEntry, ReadState } from './record';

export const SORTS = ['saved-newest', 'saved-oldest', 'published', 'title', 'site', 'length'] as const;
export type LibrarySort = (typeof SORTS)[number];

/** What the list shows: every state but archived by default ('all' shows everything, archived included). */
export interface LibraryFilter {
  state: ReadState | 'active' | 'all';
  site: string | null;
  tag: string | null;
}

export const DEFAULT_FILTER: LibraryFilter = { state: 'active', site: null, tag: null };

/** The site an entry is filed under: the name the page gives, else its host. */
export const siteOf = (entry: Pick<LibraryEntry, 'siteName' | 'host'>): string => entry.siteName || entry.host;

export function matchesFilter(entry: LibraryEntry, filter: LibraryFilter): boolean {
  if (filter.state === 'active' ? entry.state === 'archived' : filter.state !== 'all' && entry.state !== filter.state)
    return false;
  if (filter.site !== null && siteOf(entry) !== filter.site) return false;
  return filter.tag === null || entry.tags.includes(filter.tag);
}

const byText = (a: string, b: string): number => a.localeCompare(b, undefined, { sensitivity: 'base' });

export function sortEntries(entries: readonly LibraryEntry[], sort: LibrarySort): LibraryEntry[] {
  const list = [...entries];
  const newest = (a: LibraryEntry, b: LibraryEntry): number => b.savedAt - a.savedAt || byText(a.title, b.title);
  switch (sort) {
    case 'saved-newest':
      return list.sort(newest);
    case 'saved-oldest':
      return list.sort((a, b) => -newest(a, b));
    case 'published':
      // Undated articles last.
      return list.sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || newest(a, b));
    case 'title':
      return list.sort((a, b) => byText(a.title, b.title) || newest(a, b));
    case 'site':
      return list.sort((a, b) => byText(siteOf(a), siteOf(b)) || newest(a, b));
    case 'length':
      return list.sort((a, b) => a.readingMinutes - b.readingMinutes || newest(a, b));
  }
}

/** The sites and tags there are to filter by, each with how many articles it has, most first. */
export function facets(entries: readonly LibraryEntry[]): {
  sites: Array<[string, number]>;
  tags: Array<[string, number]>;
} {
  const sites = new Map<string, number>();
  const tags = new Map<string, number>();
  for (const entry of entries) {
    const site = siteOf(entry);
    if (site) sites.set(site, (sites.get(site) ?? 0) + 1);
    for (const tag of entry.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
  }
  const order = (map: Map<string, number>): Array<[string, number]> =>
    [...map].sort((a, b) => b[1] - a[1] || byText(a[0], b[0]));
  return { sites: order(sites), tags: order(tags) };
}
