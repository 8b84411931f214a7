// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { useSettingsOnScreen } from './use-settings-on-screen';

function View({ settings }: { settings: Settings | null }) {
  useSettingsOnScreen(settings);
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
});
