import { useEffect } from 'preact/hooks';

/** The mark `npm run bench:library` reads: the library page's list first on screen (Preact runs effects after the paint). */
export const FIRST_RENDER_MARK = 'lectern:library-first-render';

/** And the whole list in (its count, sites and tags). */
export const COMPLETE_MARK = 'lectern:library-complete';

export function useFirstRenderMark(kind: string): void {
  useEffect(() => {
    const mark = (name: string): void => {
      if (!performance.getEntriesByName(name).length) performance.mark(name);
    };
    if (kind === 'first' || kind === 'ready') mark(FIRST_RENDER_MARK);
    if (kind === 'ready') mark(COMPLETE_MARK);
  }, [kind]);
}
