import {
  allHighlightsJson,
  allHighlightsMarkdown,
  groupByArticle,
  highlightsMarkdown,
  type Highlight,
  type HighlightColor,
} from '@/utils/annotate';
import { t } from '@/utils/browser';
import type { Article } from '@/utils/extract';
import { formatDate, saveFileName } from '@/utils/reader';
import { cleanUrl, passageUrl, quoteFragment } from '@/utils/share';
import { HIGHLIGHT_COLOR_LABELS as COLOR_LABELS } from '@/components/shared/labels';
import type { PlacedHighlight } from './highlights';
import { download } from '@/components/shared/download';

/** Today, written for the reader's language (as the article's own date is). */
function today(locale: string): string {
  const now = new Date().toISOString();
  return formatDate(now, locale) ?? now.slice(0, 10);
}

const labels = () => ({
  exported: t('exported'),
  note: t('noteLabel'),
  orphaned: t('orphaned'),
  color: (color: HighlightColor) => t(COLOR_LABELS[color]),
  // Each quote links to its place on the page (kept highlights are filed under the page's clean address).
  passage: { label: t('passageLinkLabel'), url: (h: Highlight) => passageUrl(h.url, quoteFragment(h.quote)) },
});

/**
 * Every article's highlights in one file, Markdown or JSON ("Lectern highlights YYYY-MM-DD.md"/".json"). Offered in the
 * notes panel, where highlights are looked at and the per-article export already is, and where their store is open.
 */
export function saveAllHighlights(highlights: readonly Highlight[], format: 'markdown' | 'json', locale: string): void {
  const articles = groupByArticle(highlights);
  const name = saveFileName(
    `${t('allHighlightsFile')} ${new Date().toISOString().slice(0, 10)}`,
    format === 'json' ? 'json' : 'md',
  );
  if (format === 'json') download(allHighlightsJson(articles, new Date()), 'application/json;charset=utf-8', name);
  else
    download(
      allHighlightsMarkdown(articles, { ...labels(), title: t('allHighlightsFile') }, today(locale)),
      'text/markdown;charset=utf-8',
      name,
    );
}

/** The article's highlights and notes as Markdown, in the reader's language (see utils/annotate highlightsMarkdown). */
export function exportMarkdown(article: Article, items: readonly PlacedHighlight[], locale: string): string {
  const date = today(locale);
  return highlightsMarkdown(
    {
      title: article.title,
      siteName: article.siteName,
      url: cleanUrl({ url: article.url, canonical: article.canonical }),
      date,
    },
    items.map(({ highlight, range }) => ({ highlight, orphaned: range === null })),
    labels(),
  );
}

/** The export as a Markdown file, named after the article ("Title — highlights.md"). */
export function saveHighlights(article: Article, items: readonly PlacedHighlight[], locale: string): void {
  const name = saveFileName(`${article.title} — ${t('highlightsFile')}`, 'md');
  download(exportMarkdown(article, items, locale), 'text/markdown;charset=utf-8', name);
}
