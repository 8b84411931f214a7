import type { FirstScreen } from '@/utils/extract';
import { t } from '@/utils/browser';
import { ArticleHeader } from '../ArticleHeader';

/**
 * A very large article's opening, shown while the whole is still being read (see utils/extract/first-screen.ts): its
 * header and first blocks as the article will look, and a status saying the rest is coming. Nothing here is the
 * article yet — no actions, no highlights — so it carries none of the article's markers.
 */
export function FirstScreenView({ preview, url, locale }: { preview: FirstScreen; url: string; locale: string }) {
  return (
    <article lang={preview.lang ?? undefined} dir={preview.dir ?? undefined} data-lectern="first-screen">
      <ArticleHeader article={{ ...preview, published: null, readingMinutes: 0, url }} locale={locale} />
      {/* Sanitized by firstScreen, as the article's own HTML is by the extraction. */}
      <div class="article-body" dangerouslySetInnerHTML={{ __html: preview.html }} />
      <p class="status" role="status" lang={locale} dir="auto">
        {t('loadingRest')}
      </p>
    </article>
  );
}
