import { useEffect } from 'preact/hooks';

/** The mark `npm run bench:library` reads: the library page's list first on screen (Preact runs effects after the paint). */
export const FIRST_RENDER_MARK = 'lectern:library-first-render';

export function useFirstRenderMark(ready: boolean): void {
  useEffect(() => {
    if (ready && !performance.getEntriesByName(FIRST_RENDER_MARK).length) performance.mark(FIRST_RENDER_MARK);
  }, [ready]);
}
