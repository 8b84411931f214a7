// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type ScreenRow, type Settings } from '@/utils/settings';
import { useSettingsOnScreen } from './use-settings-on-screen';

function View({ settings, table }: { settings: Settings | null; table?: readonly ScreenRow[] }) {
  useSettingsOnScreen(settings, table);
  return null;
}

afterEach(cleanup);

describe('useSettingsOnScreen', () => {
  it('puts each setting on <html>, follows changes and takes them off with the view', () => {
    const root = document.documentElement;
    const { rerender, unmount } = render(<View settings={null} />);
    expect(root.dataset['theme']).toBeUndefined();
    rerender(<View settings={DEFAULT_SETTINGS} />);
    expect(root.dataset['theme']).toBe('light');
    expect(root.style.getPropertyValue('--reader-font-size')).toBe('20px');
    rerender(<View settings={{ ...DEFAULT_SETTINGS, theme: 'sepia', showImages: false, fontSize: 26 }} />);
    expect(root.dataset['theme']).toBe('sepia');
    expect(root.dataset['images']).toBe('hidden');
    expect(root.style.getPropertyValue('--reader-font-size')).toBe('26px');
    unmount();
    expect(root.dataset['theme']).toBeUndefined();
    expect(root.dataset['images']).toBeUndefined();
    expect(root.style.getPropertyValue('--reader-font-size')).toBe('');
  });

  it('takes a hyphenated attribute name as it is (data-line-height), which a dataset key would reject', () => {
    const root = document.documentElement;
    const table: ScreenRow[] = [
      { setting: 'lineHeight', attribute: 'line-height', value: (s) => String(s.lineHeight) },
    ];
    const { unmount } = render(<View settings={DEFAULT_SETTINGS} table={table} />);
    expect(root.getAttribute('data-line-height')).toBe(String(DEFAULT_SETTINGS.lineHeight));
    unmount();
    expect(root.hasAttribute('data-line-height')).toBe(false);
  });
});
