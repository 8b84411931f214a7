import type { Article } from '@/utils/extract';
import { formatDate } from '@/utils/reader';
import { t } from '@/utils/browser';

/**
 * Title, then byline, site, date and reading time: what a reader wants to know before the first line. Each part of the
 * meta line is isolated (`<bdi>`, direction from its own text): on a right-to-left article the interface's "1 min read"
 * would otherwise take the article's direction and read "min read 1".
 */
export function ArticleHeader({ article, locale }: { article: Article; locale: string }) {
  const date = formatDate(article.published, locale);
  const details = [article.byline, article.siteName].filter(Boolean);
  return (
    <header class="article-header">
      <h1 class="article-title" data-lectern="title">
        {article.title}
      </h1>
      <p class="article-meta">
        {details.map((part, i) => (
          <bdi key={i} class={i === 0 && article.byline ? 'byline' : 'site'}>
            {part}
          </bdi>
        ))}
        {date && article.published && (
          <bdi class="published">
            <time dateTime={article.published}>{date}</time>
          </bdi>
        )}
        {article.readingMinutes > 0 && (
          <bdi class="reading-time">{t('readingMinutes', String(article.readingMinutes))}</bdi>
        )}
      </p>
      <p class="print-only article-source">{article.url}</p>
    </header>
  );
}

/** The page's declared picture, above an article that has none of its own (extraction decides; see Article). */
export function LeadImage({ image }: { image: NonNullable<Article['leadImage']> }) {
  return (
    <figure class="lead-image" data-lectern="lead-image">
      <img src={image.src} alt={image.alt} decoding="async" />
    </figure>
  );
}
