import { useEffect, useState } from 'preact/hooks';
import type { Article } from '@/utils/extract';
import { t } from '@/utils/browser';

/**
 * A page of links (a section front, search results, an index; extraction's verdict) opens on a notice saying so
 * instead of showing its list as an article; "Show what was found anyway" shows it. A new page starts on the notice.
 */
export function useNotArticle(found: Article | null): {
  /** The article to show: null while the notice stands. */
  article: Article | null;
  notArticle: boolean;
  showAnyway: () => void;
} {
  const [shownAnyway, setShownAnyway] = useState<Article | null>(null);
  const notArticle = !!found && !found.verdict.article && shownAnyway !== found;
  return { article: notArticle ? null : found, notArticle, showAnyway: () => setShownAnyway(found) };
}

/** The notice: what the page seems to be, "show anyway" (which takes the focus to the text) and back to the page. */
export function NotArticleNotice({ onShow, onClose }: { onShow: () => void; onClose: () => void }) {
  // The notice replaces the article: its first button is where a keyboard user starts.
  const [first, setFirst] = useState<HTMLButtonElement | null>(null);
  useEffect(() => first?.focus({ preventScroll: true }), [first]);
  return (
    <section class="message" data-lectern="not-article" role="alert">
      <h1>{t('notArticleTitle')}</h1>
      <p>{t('notArticleBody')}</p>
      <div class="message-actions">
        <button
          type="button"
          class="button"
          data-action="show-anyway"
          ref={setFirst}
          onClick={() => {
            onShow();
            document.getElementById('reader-main')?.focus({ preventScroll: true });
          }}
        >
          {t('showAnyway')}
        </button>
        <button type="button" class="button" onClick={onClose}>
          {t('backToPage')}
        </button>
      </div>
    </section>
  );
}
