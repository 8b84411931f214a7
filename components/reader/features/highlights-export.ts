import { highlightsMarkdown, type HighlightColor } from '@/utils/annotate';
import { t } from '@/utils/browser';
import type { Article } from '@/utils/extract';
import { saveFileName } from '@/utils/reader';
import { cleanUrl } from '@/utils/share';
import { HIGHLIGHT_COLOR_LABELS as COLOR_LABELS } from '@/components/shared/labels';
import type { PlacedHighlight } from './highlights';
import { download } from './save';

/** The article's highlights and notes as Markdown, in the reader's language (see utils/annotate highlightsMarkdown). */
export function exportMarkdown(article: Article, items: readonly PlacedHighlight[], locale: string): string {
  let date: string;
  try {
    date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date());
  } catch {
    date = new Date().toISOString().slice(0, 10);
  }
  return highlightsMarkdown(
    {
      title: article.title,
      siteName: article.siteName,
      url: cleanUrl({ url: article.url, canonical: article.canonical }),
      date,
    },
    items.map(({ highlight, range }) => ({ highlight, orphaned: range === null })),
    {
      exported: t('exported'),
      note: t('noteLabel'),
      orphaned: t('orphaned'),
      color: (color: HighlightColor) => t(COLOR_LABELS[color]),
    },
  );
}

/** The export as a Markdown file, named after the article ("Title — highlights.md"). */
export function saveHighlights(article: Article, items: readonly PlacedHighlight[], locale: string): void {
  const name = saveFileName(`${article.title} — ${t('highlightsFile')}`, 'md');
  download(exportMarkdown(article, items, locale), 'text/markdown;charset=utf-8', name);
}
