import { Readability } from '@mozilla/readability';
import type { Article } from './article';
import { cleanByline, cleanTitle, readMetadata, toIsoDate } from './metadata';
import { countWords, readingMinutes } from './reading-time';
import { baseUrlOf, workingCopy } from './prepare';
import { finishArticle } from './cleanup';
import { sanitizeHtml, sanitizeInPlace } from './sanitize';
import { textOf } from './text';

/** Below this many words what Readability finds is a fragment (a menu, a notice), not an article. */
export const MIN_ARTICLE_WORDS = 40;

/** The window whose DOM implementation sanitizes: the document's own, or the global one for DOMParser documents. */
function windowOf(doc: Document): (Window & typeof globalThis) | null {
  const view = doc.defaultView ?? (typeof window === 'undefined' ? null : window);
  return view as (Window & typeof globalThis) | null;
}

/**
 * Extracts the article of `doc` as sanitized plain data, or null when there is none.
 * Pure: Readability runs on a clone, so `doc` (possibly the live page) is never modified. Never throws.
 */
export function extractArticle(doc: Document, url: string): Article | null {
  try {
    return extract(doc, url);
  } catch {
    return null;
  }
}

/**
 * The reader's fallback when a page has no article: the user's selection, sanitized, with the page's metadata.
 * `selectionHtml` comes from the page (its links may be relative to `url`). Never throws.
 */
export function extractSelection(doc: Document, url: string, selectionHtml: string): Article | null {
  try {
    const win = windowOf(doc);
    if (!win || !selectionHtml.trim()) return null;
    const parsed = new win.DOMParser().parseFromString(selectionHtml, 'text/html');
    for (const el of parsed.body.querySelectorAll('[href], [src]')) {
      for (const attr of ['href', 'src']) {
        const value = el.getAttribute(attr);
        if (value !== null) el.setAttribute(attr, new URL(value, url).href);
      }
    }
    const html = sanitizeHtml(parsed.body.innerHTML, win);
    const text = textOf(new win.DOMParser().parseFromString(html, 'text/html').body);
    if (!text) return null;
    const meta = readMetadata(doc, url);
    return {
      title: meta.title ?? meta.siteName ?? url,
      byline: meta.byline,
      siteName: meta.siteName,
      published: meta.published,
      lang: meta.lang,
      dir: meta.dir,
      excerpt: null,
      html,
      text,
      wordCount: countWords(text),
      readingMinutes: readingMinutes(text),
      url,
      canonical: meta.canonical,
    };
  } catch {
    return null;
  }
}

function extract(doc: Document, url: string): Article | null {
  const win = windowOf(doc);
  if (!win || !doc.documentElement || !doc.body) return null;

  const meta = readMetadata(doc, url);
  // Relative links and images resolve against the article's address, not the reader's.
  const base = baseUrlOf(doc, url);
  const work = workingCopy(doc, base, meta);
  const parsed = new Readability<Node>(work, {
    charThreshold: 300,
    keepClasses: true,
    serializer: (el) => el,
  }).parse();
  const root = parsed?.content;
  if (!parsed || !root || root.nodeType !== 1) return null;
  const article = root as Element;

  finishArticle(article, base);
  if (!sanitizeInPlace(article, win)) return null;
  const text = textOf(article, { skipCaptions: true });
  const wordCount = countWords(text);
  if (wordCount < MIN_ARTICLE_WORDS) return null;
  const html = article.innerHTML;

  const siteName = meta.siteName ?? parsed.siteName?.trim() ?? null;
  const dir = parsed.dir === 'rtl' || parsed.dir === 'ltr' ? parsed.dir : meta.dir;
  return {
    title: meta.title ?? cleanTitle(parsed.title, siteName) ?? siteName ?? url,
    byline: meta.byline ?? cleanByline(parsed.byline),
    siteName,
    published: meta.published ?? toIsoDate(parsed.publishedTime),
    lang: meta.lang ?? parsed.lang ?? null,
    dir,
    excerpt: meta.excerpt ?? (parsed.excerpt?.trim() || null),
    html,
    text,
    wordCount,
    readingMinutes: readingMinutes(text),
    url,
    canonical: meta.canonical,
  };
}
