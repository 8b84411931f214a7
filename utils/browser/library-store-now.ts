import { openDB } from 'idb';
import { openLibraryStore, type LibraryStore } from './library-store';

/**
 * The library store for the library page, which reads it as it starts: idb comes with the page's own code instead of
 * being fetched once that code runs (20–40 ms before the first screen could be read).
 */
export function openLibraryStoreNow(): LibraryStore {
  return openLibraryStore(() => Promise.resolve({ openDB }));
}
