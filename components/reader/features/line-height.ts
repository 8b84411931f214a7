import { useLayoutEffect } from 'preact/hooks';
import type { Settings } from '@/utils/settings';

/** Line height: a CSS variable the article body uses. */
export function useLineHeight(settings: Settings | null): void {
  useLayoutEffect(() => {
    if (!settings) return undefined;
    const root = document.documentElement;
    root.style.setProperty('--reader-line-height', String(settings.lineHeight));
    return () => root.style.removeProperty('--reader-line-height');
  }, [settings?.lineHeight]);
}
