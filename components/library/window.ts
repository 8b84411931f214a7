import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * How much of a long list is on the page: the first screenful at once (a library of thousands of articles draws
 * as fast as a short one), then more as the reader scrolls near the end, watched by an IntersectionObserver on a
 * marker after the list. Back to the first screenful when the list itself changes (another sort, filter or search).
 */
const FIRST = 40;
const MORE = 200;

export function useListWindow(
  total: number,
  resetOn: unknown,
): { limit: number; marker: (el: Element | null) => void } {
  const [limit, setLimit] = useState(FIRST);
  const observer = useRef<IntersectionObserver | null>(null);
  useEffect(() => setLimit(FIRST), [resetOn]);
  useEffect(() => () => observer.current?.disconnect(), []);
  const marker = (el: Element | null): void => {
    observer.current?.disconnect();
    if (!el || limit >= total) return;
    observer.current = new IntersectionObserver(
      (seen) => {
        if (seen.some((e) => e.isIntersecting)) setLimit((n) => n + MORE);
      },
      { rootMargin: '1200px 0px' },
    );
    observer.current.observe(el);
  };
  return { limit, marker };
}
