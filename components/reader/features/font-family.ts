import { useLayoutEffect } from 'preact/hooks';
import type { Settings } from '@/utils/settings';

/** Font family: `data-font` on the document; the reader stylesheet maps it to a font stack (legible = the bundled font). */
export function useFontFamily(settings: Settings | null): void {
  useLayoutEffect(() => {
    if (!settings) return undefined;
    const root = document.documentElement;
    root.dataset['font'] = settings.fontFamily;
    return () => {
      delete root.dataset['font'];
    };
  }, [settings?.fontFamily]);
}
