import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { saveToLibrary, saveToast } from '@/components/shared/library-save';
import type { ToastMessage } from '@/components/shared/Toast';
import { openLibraryStore, type LibraryStore } from '@/utils/browser';
import type { Article } from '@/utils/extract';
import { libraryId } from '@/utils/library';

/** How often, at most, the reading progress of a saved article is written while the user scrolls. */
const PROGRESS_EVERY_MS = 1500;

export interface ReaderLibrary {
  /** The article is in the library (the button shows it pressed). */
  saved: boolean;
  /** Saves the article (again: updates it) and returns the confirmation to show. */
  save: () => Promise<ToastMessage>;
}

/**
 * The library in the reader: whether this article is saved, saving it (key B, the toolbar button, `save=1` from the
 * popup or the menu), and, for a saved article, its progress written back as the user reads (which moves it from
 * unread to reading to finished). An article opened from the library (`fromLibrary`) is saved already: its images
 * are the kept copies, so saving it again keeps them rather than reading them again.
 */
export function useReaderLibrary(
  article: Article | null,
  progress: number,
  fromLibrary: boolean,
  store: LibraryStore = defaultStore(),
): ReaderLibrary {
  const id = useMemo(() => (article ? libraryId(article) : null), [article]);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!id) return undefined;
    let live = true;
    store.entry(id).then(
      (entry) => live && setSaved(!!entry && !entry.pending),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [id, store]);

  // Progress of a saved article, written at most every 1.5 s (and once more when the reader goes).
  const latest = useRef(progress);
  latest.current = progress;
  useEffect(() => {
    if (!saved || !id) return undefined;
    let written = -1;
    // Only once this reader has scrolled (by the user, or restoring the position): a reader closed before that never
    // puts the article back to its top.
    let scrolled = false;
    const onScroll = (): void => {
      scrolled = true;
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    const write = (): void => {
      if (!scrolled) return;
      const now = Math.round(latest.current * 1000) / 1000;
      if (now === written) return;
      written = now;
      void store.update(id, { progress: now }).catch(() => undefined);
    };
    const timer = setInterval(write, PROGRESS_EVERY_MS);
    window.addEventListener('pagehide', write);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', write);
      window.removeEventListener('scroll', onScroll);
      write();
    };
  }, [saved, id, store]);

  const save = async (): Promise<ToastMessage> => {
    if (!article) throw new Error('no article');
    const kept = fromLibrary ? await store.entry(libraryId(article)).catch(() => null) : null;
    if (kept) return saveToast({ ok: true, entry: kept, left: kept.images.left });
    const outcome = await saveToLibrary(article, store);
    if (outcome.ok) setSaved(true);
    return saveToast(outcome);
  };
  return { saved, save };
}

let shared: LibraryStore | null = null;
function defaultStore(): LibraryStore {
  shared ??= openLibraryStore();
  return shared;
}
