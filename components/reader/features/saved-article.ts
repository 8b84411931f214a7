import { loadPosition, openLibraryStore, savePosition } from '@/utils/browser';
import { sanitizeHtml, type Article } from '@/utils/extract';
import { pointAtKeptImages } from '@/utils/library';

/** Each kept copy's local (blob:) address → the image's own address, for files saved from an article read offline. */
const originals = new Map<string, string>();

/**
 * The article as a file should have it: images that show from their kept copies (blob: addresses, which mean
 * nothing outside this reader) point at their own addresses again. Any other article comes back as it is.
 */
export function withOriginalImages(article: Article): Article {
  if (!originals.size || !article.html.includes('blob:')) return article;
  const doc = new DOMParser().parseFromString('<!doctype html><body></body>', 'text/html');
  doc.body.innerHTML = article.html;
  pointAtKeptImages(doc, originals);
  const lead = article.leadImage;
  return {
    ...article,
    html: doc.body.innerHTML,
    leadImage: lead ? { ...lead, src: originals.get(lead.src) ?? lead.src } : null,
  };
}

/**
 * An article kept in the library, read from there (no network needed): its stored HTML sanitized again (defense in
 * depth), its images shown from the kept copies, and its reading position from the library when the reader's own
 * (kept 30 days) has gone.
 */
export async function savedArticle(id: string): Promise<{ article: Article | null; url: string | null }> {
  const store = openLibraryStore();
  const [entry, body, images] = await Promise.all([store.entry(id), store.body(id), store.images(id)]).catch(
    () => [null, null, []] as const,
  );
  if (!entry || !body) return { article: null, url: entry?.url ?? null };
  const local = new Map(images.map((image) => [image.src, URL.createObjectURL(image.blob)]));
  for (const [src, url] of local) originals.set(url, src);
  const doc = new DOMParser().parseFromString('<!doctype html><body></body>', 'text/html');
  doc.body.innerHTML = sanitizeHtml(body.html, window);
  pointAtKeptImages(doc, local);
  const lead = body.leadImage;
  const article: Article = {
    title: entry.title,
    byline: entry.byline,
    siteName: entry.siteName,
    published: entry.published,
    lang: entry.lang,
    dir: entry.dir,
    excerpt: entry.excerpt,
    image: null,
    leadImage: lead && /^https?:/i.test(lead.src) ? { src: local.get(lead.src) ?? lead.src, alt: lead.alt } : null,
    html: doc.body.innerHTML,
    text: body.text,
    wordCount: entry.wordCount,
    readingMinutes: entry.readingMinutes,
    url: entry.url,
    // It was judged an article when it was saved.
    verdict: { article: true, linkDensity: 0, repeated: 0, prose: body.text.length },
    canonical: entry.canonical,
  };
  if (entry.progress > 0 && (await loadPosition(entry.url).catch(() => null)) === null)
    await savePosition(entry.url, entry.progress).catch(() => undefined);
  return { article, url: entry.url };
}
