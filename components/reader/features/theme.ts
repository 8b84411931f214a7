import { useLayoutEffect } from 'preact/hooks';
import type { Settings } from '@/utils/settings';

/**
 * Theme: the setting becomes `data-theme` on the document (before the frame is painted, so no flash of the wrong
 * theme), which theme.css maps to colours
 * ('auto' follows the system's light/dark through prefers-color-scheme).
 */
export function useTheme(settings: Settings | null): void {
  useLayoutEffect(() => {
    if (!settings) return undefined;
    const root = document.documentElement;
    root.dataset['theme'] = settings.theme;
    root.style.colorScheme =
      settings.theme === 'auto'
        ? 'light dark'
        : settings.theme === 'dark' || settings.theme === 'contrast'
          ? 'dark'
          : 'light';
    return () => {
      delete root.dataset['theme'];
    };
  }, [settings?.theme]);
}
