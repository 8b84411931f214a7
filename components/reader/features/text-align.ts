import { useLayoutEffect } from 'preact/hooks';
import type { Settings } from '@/utils/settings';

/** Justified or ragged text: `data-align` on the document (justified text also hyphenates, in the article's language). */
export function useTextAlign(settings: Settings | null): void {
  useLayoutEffect(() => {
    if (!settings) return undefined;
    const root = document.documentElement;
    root.dataset['align'] = settings.textAlign;
    return () => {
      delete root.dataset['align'];
    };
  }, [settings?.textAlign]);
}
