import { storage } from '#imports';
import { DEFAULT_SETTINGS, SETTINGS_MIGRATIONS, SETTINGS_VERSION, normalizeSettings, type Settings } from './settings';

/**
 * The settings as stored in extension storage (sync), read and watched through WXT storage.
 * WXT runs the schema's migrations on an older stored version; `normalizeSettings` repairs whatever comes out.
 */
const item = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS as Record<number, (old: unknown) => Settings>,
});

export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await item.getValue().catch(() => null));
}

export async function saveSettings(settings: Settings): Promise<void> {
  await item.setValue(normalizeSettings(settings));
}

/** Changes queue up, so two quick key presses read-modify-write one after the other instead of losing one. */
let pending: Promise<unknown> = Promise.resolve();

export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = pending.then(async () => {
    const value = normalizeSettings(change(await loadSettings()));
    await item.setValue(value);
    return value;
  });
  pending = next.catch(() => undefined);
  return next;
}

/** Calls `onChange` with repaired settings whenever any view changes them; returns the unwatch function. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return item.watch((value) => onChange(normalizeSettings(value)));
}
