import { browser } from 'wxt/browser';
import { createSettingsStore, type Settings, type SettingsProblem } from '@/utils/settings';

/**
 * This context's settings store over `storage.sync` (the logic, pacing and safety rules are in
 * utils/settings/store.ts). A page that goes away writes what is waiting first.
 */
const store = createSettingsStore({
  get: (keys) => browser.storage.sync.get(keys),
  set: (items) => browser.storage.sync.set(items),
  watch(listener) {
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
      if (area === 'sync') listener(changes);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  },
});

if (typeof document !== 'undefined') {
  // A closing tab or popup still gets its last change out (the write is sent before the page is gone).
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void store.flush();
  });
  addEventListener('pagehide', () => void store.flush());
}

export const loadSettings = (): Promise<Settings> => store.load();
/** Applies a change at once in this view and returns the result; storage and the other views follow. */
export const updateSettings = (change: (current: Settings) => Settings): Settings => store.update(change);
export const watchSettings = (onChange: (settings: Settings) => void): (() => void) => store.watch(onChange);
export const onSettingsProblem = (listener: (problem: SettingsProblem) => void): (() => void) =>
  store.onProblem(listener);
export const flushSettings = (): Promise<void> => store.flush();
