import { useEffect } from 'preact/hooks';
import type { Settings } from '@/utils/settings';

/** Theme (night mode): the setting becomes `data-theme` on the document, which the stylesheet maps to colours. */
export function useTheme(settings: Settings | null): void {
  useEffect(() => {
    if (!settings) return undefined;
    const root = document.documentElement;
    root.dataset['theme'] = settings.theme;
    root.style.colorScheme = settings.theme === 'dark' ? 'dark' : 'light';
    return () => {
      delete root.dataset['theme'];
    };
  }, [settings?.theme]);
}
