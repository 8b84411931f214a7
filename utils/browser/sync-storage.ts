import { browser } from 'wxt/browser';
import type { SyncStorage } from '@/utils/sync';

/** storage.sync for sync (utils/sync's engine: highlights, the library's index): the browser's own, synced across the user's browsers. */
export const syncStorage: SyncStorage = {
  get: (keys) => browser.storage.sync.get(keys),
  set: (items) => browser.storage.sync.set(items),
  remove: (keys) => browser.storage.sync.remove(keys),
  watch(listener) {
    const onChanged = (changes: Record<string, unknown>, area: string): void => {
      if (area === 'sync') listener(changes);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  },
};
