import type { Article } from '@/utils/extract';
import { formatDate } from '@/utils/reader';
import { t } from '@/utils/browser';

/** Title, then byline, site, date and reading time: what a reader wants to know before the first line. */
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
          <span key={i} class={i === 0 && article.byline ? 'byline' : 'site'}>
            {part}
          </span>
        ))}
        {date && article.published && (
          <time class="published" dateTime={article.published}>
            {date}
          </time>
        )}
        {article.readingMinutes > 0 && (
          <span class="reading-time">{t('readingMinutes', String(article.readingMinutes))}</span>
        )}
      </p>
      <p class="print-only article-source">{article.url}</p>
    </header>
  );
}
