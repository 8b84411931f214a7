import { useLayoutEffect } from 'preact/hooks';
import type { Settings } from '@/utils/settings';

/** Font size: the setting becomes a CSS variable on the document, so the article and its headings scale together. */
export function useFontSize(settings: Settings | null): void {
  useLayoutEffect(() => {
    if (!settings) return undefined;
    const root = document.documentElement;
    root.style.setProperty('--reader-font-size', `${settings.fontSize}px`);
    return () => root.style.removeProperty('--reader-font-size');
  }, [settings?.fontSize]);
}
