import { useLayoutEffect } from 'preact/hooks';
import type { Settings } from '@/utils/settings';

/** Images shown or hidden: `data-images` on the document; hidden images take their figures and captions along. */
export function useImages(settings: Settings | null): void {
  useLayoutEffect(() => {
    if (!settings) return undefined;
    const root = document.documentElement;
    root.dataset['images'] = settings.showImages ? 'shown' : 'hidden';
    return () => {
      delete root.dataset['images'];
    };
  }, [settings?.showImages]);
}
