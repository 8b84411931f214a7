import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, FONT_SIZE, SETTINGS_VERSION, stepFontSize } from '@/utils/settings';
import type * as Store from './settings-store';

// A fresh module per test (the store keeps a queue of pending changes).
async function freshStore(): Promise<typeof Store> {
  vi.resetModules();
  return import('./settings-store');
}

/** The port a page opens to hand its unsaved settings to the background (the fake browser has no ports): what it posts. */
let posted: unknown[] = [];
function stubPort(): void {
  posted = [];
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(
    () =>
      ({
        postMessage: (message: unknown) => posted.push(message),
        onDisconnect: { addListener() {} },
      }) as unknown as ReturnType<typeof fakeBrowser.runtime.connect>,
  );
}

describe('settings store over storage.sync (version and migrations)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    stubPort();
  });

  it('migrates a stored v1 value (no version meta) to v2 and records the version', async () => {
    await fakeBrowser.storage.sync.set({ settings: { fontSize: 24, theme: 'dark', shareTargets: ['vk'] } });
    const { loadSettings, flushSettings } = await freshStore();
    const loaded = await loadSettings();
    expect(loaded).toEqual({ ...DEFAULT_SETTINGS, fontSize: 24, theme: 'dark', shareTargets: ['vk'] });
    await flushSettings();
    const raw = await fakeBrowser.storage.sync.get(['settings', 'settings$']);
    expect(raw['settings$']).toMatchObject({ v: SETTINGS_VERSION });
    expect(raw['settings']).toEqual(loaded);
  });

  it('gives defaults for a corrupt stored value', async () => {
    await fakeBrowser.storage.sync.set({ settings: 'not settings', settings$: { v: 2 } });
    const { loadSettings } = await freshStore();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('reads settings whose version record is corrupt, keeping the valid fields', async () => {
    for (const meta of ['junk', { v: 'two' }, { v: -1 }, null, []]) {
      fakeBrowser.reset();
      await fakeBrowser.storage.sync.set({
        settings: { ...DEFAULT_SETTINGS, fontSize: 24, theme: 'sepia', fontFamily: 7 },
        settings$: meta,
      });
      const { loadSettings } = await freshStore();
      expect(await loadSettings(), JSON.stringify(meta)).toEqual({
        ...DEFAULT_SETTINGS,
        fontSize: 24,
        theme: 'sepia',
        dayTheme: 'light',
      });
    }
  });

  it('repairs single broken fields of a v2 value', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { ...DEFAULT_SETTINGS, theme: 'sepia', fontFamily: 'comic', lineHeight: 'tall' },
      settings$: { v: 2 },
    });
    const { loadSettings } = await freshStore();
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'sepia', dayTheme: 'light' });
  });

  it('reads a newer version (a downgrade) field by field instead of failing', async () => {
    await fakeBrowser.storage.sync.set({ settings: { theme: 'sepia' }, settings$: { v: 99 } });
    const { loadSettings } = await freshStore();
    const loaded = await loadSettings();
    expect(loaded.theme).toBe('sepia');
    expect(Object.keys(loaded).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    // The newer version's value stays as it is for the newer Lectern to read again.
    expect((await fakeBrowser.storage.sync.get('settings$'))['settings$']).toEqual({ v: 99 });
  });

  it('fresh install: defaults, and saving stores the current version', async () => {
    const { loadSettings, updateSettings, flushSettings } = await freshStore();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    updateSettings((s) => ({ ...s, fontFamily: 'legible' }));
    await flushSettings();
    const raw = await fakeBrowser.storage.sync.get(['settings', 'settings$']);
    expect((raw['settings'] as { fontFamily: string }).fontFamily).toBe('legible');
    expect(raw['settings$']).toMatchObject({ v: SETTINGS_VERSION });
  });

  it('tells watchers about changes made anywhere, repaired', async () => {
    const { loadSettings, watchSettings } = await freshStore();
    await loadSettings();
    const seen: unknown[] = [];
    const unwatch = watchSettings((settings) => seen.push(settings.theme));
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, theme: 'contrast' } });
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, theme: 'neon' } });
    unwatch();
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, theme: 'sepia' } });
    expect(seen).toEqual(['contrast', DEFAULT_SETTINGS.theme]);
  });

  it('applies quick successive changes one after the other, losing none, and stores them', async () => {
    const { loadSettings, updateSettings, flushSettings } = await freshStore();
    await loadSettings();
    updateSettings((s) => stepFontSize(s, 'larger'));
    expect(updateSettings((s) => stepFontSize(s, 'larger')).fontSize).toBe(FONT_SIZE.default + 2 * FONT_SIZE.step);
    await flushSettings();
    const raw = await fakeBrowser.storage.sync.get('settings');
    expect((raw['settings'] as { fontSize: number }).fontSize).toBe(FONT_SIZE.default + 2 * FONT_SIZE.step);
  });

  it('hands the value not yet stored to the background, and says when it is stored', async () => {
    const { loadSettings, updateSettings, flushSettings } = await freshStore();
    await loadSettings();
    updateSettings((s) => stepFontSize(s, 'larger'));
    updateSettings((s) => stepFontSize(s, 'larger'));
    expect(posted.at(-1)).toMatchObject({ settings: { fontSize: FONT_SIZE.default + 2 * FONT_SIZE.step } });
    await flushSettings();
    expect(posted.at(-1)).toEqual({ settings: null });
  });
});
