import { useLayoutEffect } from 'preact/hooks';
import type { Settings } from '@/utils/settings';

/** Content width: `data-width` on the document; the stylesheet sets the column's measure for each step. */
export function useContentWidth(settings: Settings | null): void {
  useLayoutEffect(() => {
    if (!settings) return undefined;
    const root = document.documentElement;
    root.dataset['width'] = settings.contentWidth;
    return () => {
      delete root.dataset['width'];
    };
  }, [settings?.contentWidth]);
}
