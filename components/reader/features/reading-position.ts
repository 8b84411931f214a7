import { useEffect, useState } from 'preact/hooks';
import type { Article } from '@/utils/extract';
import { loadPosition, savePosition } from '@/utils/browser';
import { scrollFraction, scrollTopFor } from '@/utils/reader';

/** The article element's box in document coordinates, and the viewport height. */
function measure(): { top: number; height: number; viewport: number } | null {
  const element = document.querySelector<HTMLElement>('.reader-main article');
  if (!element) return null;
  return {
    top: element.getBoundingClientRect().top + window.scrollY,
    height: element.offsetHeight,
    viewport: window.innerHeight,
  };
}

function currentFraction(): number {
  const box = measure();
  return box ? scrollFraction(window.scrollY, box.top, box.height, box.viewport) : 0;
}

/** Resolves once the article's images have a size (or after a moment), so a restored position lands right. */
function imagesSettled(timeoutMs: number): Promise<void> {
  const images = [...document.querySelectorAll<HTMLImageElement>('.reader-main article img')].filter(
    (img) => !img.complete,
  );
  const loaded = Promise.all(
    images.map((img) => new Promise<void>((done) => img.addEventListener('loadend', () => done(), { once: true }))),
  );
  return Promise.race([loaded.then(() => undefined), new Promise<void>((done) => setTimeout(done, timeoutMs))]);
}

/** Reading progress: the fraction of the article scrolled past, live (at most once a frame). */
export function useReadingProgress(article: Article | null): number {
  const [fraction, setFraction] = useState(0);
  useEffect(() => {
    if (!article) return undefined;
    let frame = 0;
    const update = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setFraction(currentFraction()));
    };
    update();
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [article]);
  return fraction;
}

/**
 * Remembered position: when the reader opens on a page read before (within 30 days), it scrolls back to where
 * the user stopped, unless they have scrolled already; while they read, the position is saved (debounced).
 */
export function useRememberedPosition(article: Article | null): void {
  useEffect(() => {
    if (!article) return undefined;
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => void savePosition(article.url, currentFraction()).catch(() => undefined), 400);
    };
    const restore = (saved: number): number => {
      const box = measure();
      if (box) window.scrollTo({ top: scrollTopFor(saved, box.top, box.height, box.viewport), behavior: 'instant' });
      return window.scrollY;
    };
    void (async () => {
      const saved = await loadPosition(article.url).catch(() => null);
      if (saved !== null) await imagesSettled(1500);
      if (!active) return;
      if (saved !== null && window.scrollY === 0) {
        let restoredAt = restore(saved);
        // An image that loads later moves the text: follow it, as long as the user hasn't scrolled away.
        for (const img of document.querySelectorAll<HTMLImageElement>('.reader-main article img')) {
          if (img.complete) continue;
          img.addEventListener(
            'load',
            () => {
              if (active && window.scrollY === restoredAt) restoredAt = restore(saved);
            },
            { once: true },
          );
        }
      }
      window.addEventListener('scroll', save, { passive: true });
    })();
    return () => {
      active = false;
      clearTimeout(timer);
      window.removeEventListener('scroll', save);
    };
  }, [article]);
}
