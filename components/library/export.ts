import { t, type LibraryStore, type MessageKey } from '@/utils/browser';
import {
  EPUB_IMAGE_TYPES,
  buildEpub,
  buildMarkdownZip,
  type ExportArticle,
  type ExportImage,
  type LibraryImage,
} from '@/utils/library';
import { formatDate, pluralForm, saveFileName, type PluralForm } from '@/utils/reader';
import { download } from '@/components/shared/download';

export type ExportFormat = 'epub' | 'markdown';

export type ExportOutcome = { ok: true; count: number; skipped: number } | { ok: false; problem: MessageKey };

const BOOK_TITLE: Record<PluralForm, MessageKey> = {
  one: 'epubBookTitle_one',
  few: 'epubBookTitle_few',
  many: 'epubBookTitle_many',
  other: 'epubBookTitle_other',
};

/**
 * A kept image in a type every EPUB reader shows: the library keeps WebP (small), which EPUB 3.2 readers needn't
 * know, so it is redrawn as JPEG (PNG when it has transparency). Null when the browser can't decode it.
 */
async function forEpub(image: ExportImage): Promise<ExportImage | null> {
  if (EPUB_IMAGE_TYPES.includes(image.type)) return image;
  try {
    const bitmap = await createImageBitmap(new Blob([image.bytes as BlobPart], { type: image.type }));
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.drawImage(bitmap, 0, 0);
    bitmap.close();
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let opaque = true;
    for (let i = 3; i < pixels.length && opaque; i += 4) opaque = pixels[i] === 255;
    const type = opaque ? 'image/jpeg' : 'image/png';
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, 0.9));
    return blob ? { src: image.src, type, bytes: new Uint8Array(await blob.arrayBuffer()) } : null;
  } catch {
    return null;
  }
}

async function bytesOf(image: LibraryImage): Promise<ExportImage> {
  return { src: image.src, type: image.blob.type, bytes: new Uint8Array(await image.blob.arrayBuffer()) };
}

/** The saved articles with their bodies and images, in the order given; links not read yet have no body to export. */
async function gather(
  store: LibraryStore,
  ids: readonly string[],
  format: ExportFormat,
): Promise<{ articles: ExportArticle[]; skipped: number }> {
  const articles: ExportArticle[] = [];
  let skipped = 0;
  for (const id of ids) {
    const [entry, body, kept] = await Promise.all([store.entry(id), store.body(id), store.images(id)]);
    if (!entry || !body || entry.pending) {
      skipped++;
      continue;
    }
    const images = await Promise.all(kept.map(bytesOf));
    const usable =
      format === 'epub'
        ? (await Promise.all(images.map(forEpub))).filter((image) => image !== null)
        : images.filter((image) => image.type);
    articles.push({ entry, body, images: usable });
  }
  return { articles, skipped };
}

/**
 * Exports saved articles (one, or a selection in the list's order) as an EPUB book or a zip of Markdown files, and
 * hands the file to the browser's download. Reads only: whatever fails, the library is as it was.
 */
export async function exportArticles(
  store: LibraryStore,
  ids: readonly string[],
  format: ExportFormat,
  locale: string,
): Promise<ExportOutcome> {
  try {
    const { articles, skipped } = await gather(store, ids, format);
    if (!articles.length) return { ok: false, problem: 'exportNothing' };
    const now = new Date();
    const today = formatDate(now.toISOString(), locale) ?? now.toISOString().slice(0, 10);
    const bookTitle = (count: number): string =>
      t(BOOK_TITLE[pluralForm(count, locale)], [String(count), today]) || `Lectern — ${count} articles — ${today}`;
    const name = articles.length === 1 ? articles[0]!.entry.title : bookTitle(articles.length);
    if (format === 'epub') {
      const labels = { bookTitle, contents: t('epubContents'), source: t('saveSource'), locale };
      const book = await buildEpub(articles, { labels, now }, window);
      download(book as BlobPart, 'application/epub+zip', saveFileName(name, 'epub'));
    } else {
      const zip = await buildMarkdownZip(articles, window);
      download(zip as BlobPart, 'application/zip', saveFileName(name, 'zip'));
    }
    return { ok: true, count: articles.length, skipped };
  } catch {
    return { ok: false, problem: 'exportFailed' };
  }
}
