import { browser } from 'wxt/browser';
import { createLibrarySync, type LibrarySync } from '@/utils/library';
import type { SyncState } from '@/utils/sync';
import { openLibraryStore, watchLibrary } from './library-store';
import { syncStorage } from './sync-storage';

/**
 * The library's index sync, run by the background (the one context always there to hear another device's change) and
 * its state kept in storage.local, where the library page reads it.
 */
const STATE_KEY = 'librarySync';

export interface LibrarySyncStatus {
  state: SyncState;
  /** Articles left out of storage.sync (over the library's share). */
  left: number;
}

/** Starts the library's sync (background only): a round now, then after each change here or on another device. */
export function startLibrarySync(): LibrarySync {
  const store = openLibraryStore();
  const engine = createLibrarySync(
    { entries: () => store.syncRecords(), apply: (records) => store.applySync(records) },
    syncStorage,
  );
  engine.onState((state, left) => {
    const status: LibrarySyncStatus = { state, left };
    void browser.storage.local.set({ [STATE_KEY]: status }).catch(() => undefined);
  });
  // A change made by a page of this browser (the background's own writes included).
  watchLibrary(() => engine.changed());
  void engine.syncNow();
  return engine;
}

/** Calls `listener` with the library's sync status now and at each change; returns the unwatch function. */
export function watchLibrarySync(listener: (status: LibrarySyncStatus | null) => void): () => void {
  const read = (value: unknown): LibrarySyncStatus | null =>
    typeof value === 'object' && value !== null && typeof (value as LibrarySyncStatus).state === 'string'
      ? (value as LibrarySyncStatus)
      : null;
  void browser.storage.local.get(STATE_KEY).then(
    (got) => listener(read(got[STATE_KEY])),
    () => listener(null),
  );
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'local' && STATE_KEY in changes) listener(read(changes[STATE_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
