import type { Article } from '@/utils/extract';
import { t } from '@/utils/browser';
import { markdownDocument, saveFileName, standaloneHtml } from '@/utils/reader';
import { withOriginalImages } from './saved-article';

export type SaveFormat = 'html' | 'markdown';

/** Hands `text` to the browser as a file download (a blob URL on a temporary link; nothing leaves the machine). */
export function download(text: string, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the blob by the next task; keep it a little longer for slow download managers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

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
