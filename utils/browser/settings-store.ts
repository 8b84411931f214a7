import { browser, type Browser } from 'wxt/browser';
import { createSettingsStore, normalizeSettings, type Settings, type SettingsProblem } from '@/utils/settings';
import { UNSAVED_SETTINGS_PORT, type UnsavedSettings } from './messages';

/**
 * This context's settings store over `storage.sync` (the logic, pacing and safety rules are in
 * utils/settings/store.ts). A page that goes away writes what is waiting first, and hands it to the background as
 * well: Firefox drops the writes of a page that is closing, so the background, which stays, stores it then.
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

/** This context is the one that stays (the background): it keeps what closing pages leave unsaved. */
let keeper = false;
let port: Browser.runtime.Port | null = null;

store.onUnsaved((settings) => {
  if (keeper || (!port && !settings)) return;
  if (!port) {
    port = browser.runtime.connect({ name: UNSAVED_SETTINGS_PORT });
    port.onDisconnect.addListener(() => (port = null));
  }
  port.postMessage({ settings } satisfies UnsavedSettings);
});

if (typeof document !== 'undefined') {
  // A closing tab or popup still tries to get its last change out itself.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void store.flush();
  });
  addEventListener('pagehide', () => void store.flush());
}

/**
 * In the background: stores what a page had not stored when it went away (its port closes with it). A page that
 * stored everything said so (null), and nothing is written again.
 */
export function keepUnsavedSettings(): void {
  keeper = true;
  browser.runtime.onConnect.addListener((page) => {
    if (page.name !== UNSAVED_SETTINGS_PORT) return;
    let unsaved: Settings | null = null;
    page.onMessage.addListener((message: unknown) => {
      const { settings } = message as UnsavedSettings;
      unsaved = settings ? normalizeSettings(settings) : null;
    });
    page.onDisconnect.addListener(() => {
      const left = unsaved;
      if (!left) return;
      // A one-off, not a burst: written now, not paced behind the background's last write.
      store.update(() => left);
      void store.flush();
    });
  });
}

export const loadSettings = (): Promise<Settings> => store.load();
/** Applies a change at once in this view and returns the result; storage and the other views follow. */
export const updateSettings = (change: (current: Settings) => Settings): Settings => store.update(change);
export const watchSettings = (onChange: (settings: Settings) => void): (() => void) => store.watch(onChange);
export const onSettingsProblem = (listener: (problem: SettingsProblem) => void): (() => void) =>
  store.onProblem(listener);
export const flushSettings = (): Promise<void> => store.flush();
