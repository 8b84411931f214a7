import type { Article } from '@/utils/extract';
import { formatDate } from '@/utils/reader';
import { t } from '@/utils/browser';

/** What the header shows: an article's, or the opening of one still being read (no date or reading time yet). */
export type HeaderFields = Pick<Article, 'title' | 'byline' | 'siteName' | 'published' | 'readingMinutes' | 'url'>;

/**
 * Title, then byline, site, date and reading time: what a reader wants to know before the first line. The line flows in
 * the article's direction, and each part is isolated (`<bdi dir="auto">`, direction from its own text): on a
 * right-to-left article the interface's "1 min read" would otherwise take the article's direction and read
 * "min read 1", and an English site name beside Arabic words would run into them.
 */
export function ArticleHeader({ article, locale }: { article: HeaderFields; locale: string }) {
  const date = formatDate(article.published, locale);
  const details = [article.byline, article.siteName].filter(Boolean);
  return (
    <header class="article-header">
      <h1 class="article-title" data-lectern="title">
        {article.title}
      </h1>
      <p class="article-meta">
        {details.map((part, i) => (
          <bdi key={i} dir="auto" class={i === 0 && article.byline ? 'byline' : 'site'}>
            {part}
          </bdi>
        ))}
        {date && article.published && (
          <bdi dir="auto" lang={locale} class="published">
            <time dateTime={article.published}>{date}</time>
          </bdi>
        )}
        {article.readingMinutes > 0 && (
          <bdi dir="auto" lang={locale} class="reading-time">
            {t('readingMinutes', String(article.readingMinutes))}
          </bdi>
        )}
      </p>
      {/* An address reads left to right whatever the article's direction. */}
      <p class="print-only article-source" dir="ltr">
        {article.url}
      </p>
    </header>
  );
}

/**
 * The line under the article: the interface's words, so in the interface's direction — `dir="auto"` takes it from the
 * label, whose text the browser reads for that (a `<bdi>` it would skip) — with the site's name isolated in its own.
 */
export function ArticleFooter({ article, locale }: { article: Article; locale: string }) {
  return (
    <footer class="article-footer" dir="auto" data-lectern="article-footer">
      <a href={article.url} target="_blank" rel="noopener noreferrer">
        <span class="label" lang={locale}>
          {t('originalPage')}
        </span>
        {': '}
        <bdi dir="auto" class="site">
          {article.siteName ?? article.url}
        </bdi>
      </a>
    </footer>
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
