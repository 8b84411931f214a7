import type { Article } from '@/utils/extract';
import { t } from '@/utils/browser';
import { markdownDocument, saveFileName, standaloneHtml } from '@/utils/reader';
import { download } from '@/components/shared/download';
import { withOriginalImages } from './saved-article';

export type SaveFormat = 'html' | 'markdown';

/** Save: the article as a standalone HTML file or as Markdown, named after its title. */
export async function saveArticle(shown: Article, format: SaveFormat): Promise<void> {
  const article = withOriginalImages(shown);
  const labels = { source: t('saveSource') };
  if (format === 'html') {
    download(standaloneHtml(article, labels), 'text/html;charset=utf-8', saveFileName(article.title, 'html'));
  } else {
    download(await markdownDocument(article, labels), 'text/markdown;charset=utf-8', saveFileName(article.title, 'md'));
  }
}
