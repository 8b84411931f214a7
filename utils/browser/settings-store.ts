import { browser } from 'wxt/browser';
import {
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  migrateSettings,
  normalizeSettings,
  type Settings,
} from '@/utils/settings';

/**
 * The settings as stored in extension storage (sync): the value under `settings` and its schema version under
 * `settings$` (`{ v }`; no record means version 1). A value of an older version is migrated and written back once;
 * `normalizeSettings` repairs, field by field, whatever is read, including a newer version's value after a
 * downgrade. A few lines over the browser's own API: every extension page loads this, so it stays small.
 */
const KEY = 'settings';
const META = 'settings$';

function storedVersion(meta: unknown): number {
  const v = (meta as { v?: unknown } | null | undefined)?.v;
  return typeof v === 'number' && Number.isFinite(v) ? v : 1;
}

async function read(): Promise<Settings> {
  const raw = await browser.storage.sync.get([KEY, META]);
  if (raw[KEY] === undefined) return DEFAULT_SETTINGS;
  const version = storedVersion(raw[META]);
  if (version >= SETTINGS_VERSION) return normalizeSettings(raw[KEY]);
  const migrated = migrateSettings(raw[KEY], version);
  await write(migrated);
  return migrated;
}

async function write(settings: Settings): Promise<void> {
  await browser.storage.sync.set({ [KEY]: settings, [META]: { v: SETTINGS_VERSION } });
}

export async function loadSettings(): Promise<Settings> {
  return read().catch(() => DEFAULT_SETTINGS);
}

/** Changes queue up, so two quick key presses read-modify-write one after the other instead of losing one. */
let pending: Promise<unknown> = Promise.resolve();

export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = pending.then(async () => {
    const value = normalizeSettings(change(await loadSettings()));
    await write(value);
    return value;
  });
  pending = next.catch(() => undefined);
  return next;
}

/** Calls `onChange` with repaired settings whenever any view changes them; returns the unwatch function. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'sync' && KEY in changes) onChange(normalizeSettings(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
