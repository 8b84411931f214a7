import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, FONT_SIZE, stepFontSize } from './settings';
import { loadSettings, updateSettings } from './settings-store';

describe('settings store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('repairs what storage holds when reading', async () => {
    await fakeBrowser.storage.sync.set({ settings: { fontSize: 'huge', theme: 'dark' } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('applies quick successive changes one after the other, losing none', async () => {
    await Promise.all([
      updateSettings((s) => stepFontSize(s, 'larger')),
      updateSettings((s) => stepFontSize(s, 'larger')),
    ]);
    expect((await loadSettings()).fontSize).toBe(FONT_SIZE.default + 2 * FONT_SIZE.step);
  });
});
