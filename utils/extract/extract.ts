import { Readability } from '@mozilla/readability';
import type { Article } from './article';
import { detectLanguage, isRtlLang } from './language';
import { toIsoDate } from './dates';
import { cleanByline, cleanTitle, normalizeLang, readMetadata, webAddress, type PageMetadata } from './metadata';
import { countWords, readingMinutes } from './reading-time';
import { baseUrlOf, workingCopy } from './prepare';
import { finishArticle } from './cleanup';
import { EMBED_MARK, EMBED_MARK_RE } from './embeds';
import { sanitizeHtml, sanitizeInPlace } from './sanitize';
import { textOf } from './text';
import { dropTitleHeading } from './title-heading';
import { judgeContent } from './verdict';

/** Below this many words what Readability finds is a fragment (a menu, a notice), not an article. */
export const MIN_ARTICLE_WORDS = 40;
/** Characters of text below which Readability finds no article (its charThreshold, as set here). */
const MIN_ARTICLE_CHARS = 300;

/** The window whose DOM implementation sanitizes: the document's own, or the global one for DOMParser documents. */
export function windowOf(doc: Document): (Window & typeof globalThis) | null {
  // eslint-disable-next-line no-restricted-globals -- the reader's own window lends its DOM to DOMPurify; no page is read.
  const view = doc.defaultView ?? (typeof window === 'undefined' ? null : window);
  return view as (Window & typeof globalThis) | null;
}

/**
 * Extracts the article of `doc` as sanitized plain data, or null when there is none.
 * Pure: Readability runs on a clone, so `doc` (possibly the live page) is never modified. Never throws. `win`: the
 * window whose DOM sanitizes (by default the document's own, else the global one); `elsewhere`: ids the article's links
 * may name outside `doc` (in the other parts of an article extracted a part at a time, see parts.ts).
 */
export function extractArticle(
  doc: Document,
  url: string,
  win = windowOf(doc),
  elsewhere?: ReadonlySet<string>,
): Article | null {
  try {
    return extract(doc, url, win, elsewhere);
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
      image: meta.image,
      leadImage: null,
      html,
      text,
      wordCount: countWords(text),
      readingMinutes: readingMinutes(text),
      url,
      canonical: meta.canonical,
      // What the user selected is what they want to read, whatever its shape.
      verdict: { article: true, linkDensity: 0, repeated: 0, prose: 0 },
    };
  } catch {
    return null;
  }
}

/** Latin-script languages: a page that states one of them over text in another script states its template's default. */
const LATIN_LANGS = /^(?:en|de|fr|es|it|pt|nl|pl|tr|id)$/;

/**
 * The article's language and direction. The page's statements win (an explicit dir, then the lang, as Readability's
 * ancestors or the page declare them), except a lang of a Latin-script language over text in another script, which is
 * a template's default; what the page leaves unsaid is detected from the text.
 */
function languageOf(
  doc: Document,
  meta: PageMetadata,
  parsed: { dir?: string | null; lang?: string | null },
  text: string,
): Pick<Article, 'lang' | 'dir'> {
  const detected = detectLanguage(text);
  let lang = meta.lang ?? normalizeLang(parsed.lang);
  const primary = lang?.split('-')[0] ?? '';
  if (
    !lang ||
    (detected.lang && LATIN_LANGS.test(primary) && detected.lang !== primary && !LATIN_LANGS.test(detected.lang))
  )
    lang = detected.lang ?? lang;
  const stated = [doc.documentElement?.getAttribute('dir'), doc.body?.getAttribute('dir'), parsed.dir]
    .map((d) => d?.trim().toLowerCase())
    .find((d): d is 'ltr' | 'rtl' => d === 'ltr' || d === 'rtl');
  const dir = stated ?? (lang ? (isRtlLang(lang) ? 'rtl' : 'ltr') : detected.dir);
  return { lang, dir };
}

/** The page's summary or the article's opening, cut at a word near 300 characters. */
function excerptOf(raw: string | null | undefined): string | null {
  const value = raw?.replace(/\s+/g, ' ').trim();
  if (!value) return null;
  if (value.length <= 300) return value;
  const cut = value.slice(0, 300);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 200)).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** The first image of the article, as an absolute http(s) address. */
function firstImage(article: Element, base: string): string | null {
  for (const img of Array.from(article.querySelectorAll('img[src]'))) {
    const src = webAddress(img.getAttribute('src'), base);
    if (src) return src;
  }
  return null;
}

/** An article body's own pictures: with any of them, no declared image is shown above it. */
export const BODY_MEDIA = `img, picture, video, svg, figure.${EMBED_MARK}`;

/**
 * The declared image, to show above an article without pictures of its own. When the body has any image or video the
 * declared one is left out: it is usually one of them again, under another address (another size, another CDN), which
 * no address comparison can be sure of, and two pictures of the same thing are worse than one missing.
 */
function leadImageOf(article: Element, meta: PageMetadata): Article['leadImage'] {
  // meta.image is already an absolute http(s) address (webAddress); the reader sets it as an attribute, never as HTML.
  // An embed's card counts as its video: the declared image is most often that video's picture.
  if (!meta.image || article.querySelector(BODY_MEDIA)) return null;
  return { src: meta.image, alt: meta.imageAlt ?? '' };
}

/** The article's first heading, for a page without a title. */
function headingOf(article: Element): string | null {
  const heading = article.querySelector('h1, h2, h3')?.textContent?.replace(/\s+/g, ' ').trim();
  return heading && heading.length <= 300 ? heading : null;
}

/** The first words of the text, as a title of last resort. */
function openingOf(text: string): string {
  const line = text.split('\n')[0]!.replace(/\s+/g, ' ').trim();
  if (line.length <= 80) return line;
  const cut = line.slice(0, 80);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40))}…`;
}

interface Found {
  parsed: ReturnType<Readability<Node>['parse']> & object;
  article: Element;
  text: string;
  wordCount: number;
}

/** Readability's article on a working copy of `doc`, finished and sanitized, or null when it has too little text. */
function readArticle(
  doc: Document,
  base: string,
  meta: PageMetadata,
  win: Window & typeof globalThis,
  copy: Parameters<typeof workingCopy>[3],
  elsewhere?: ReadonlySet<string>,
): Found | null {
  const work = workingCopy(doc, base, meta, copy);
  const parsed = new Readability<Node>(work, {
    charThreshold: MIN_ARTICLE_CHARS,
    // The frames prepare.ts recognised as players or posts (of any provider) stay, to become cards.
    allowedVideoRegex: EMBED_MARK_RE,
    keepClasses: true,
    serializer: (el) => el,
  }).parse();
  const root = parsed?.content;
  if (!parsed || !root || root.nodeType !== 1) return null;
  const article = root as Element;
  finishArticle(article, base, meta.canonical, elsewhere);
  if (!sanitizeInPlace(article, win)) return null;
  const text = textOf(article, { skipCaptions: true });
  const wordCount = countWords(text);
  return wordCount < MIN_ARTICLE_WORDS ? null : { parsed, article, text, wordCount };
}

/**
 * Readability's article of `doc`, finished and sanitized: first on a copy without the boxes Readability would drop at
 * first anyway (cheaper for both), then, when that finds no article and those boxes held enough text to make one, on
 * a full copy, as Readability itself retries.
 */
export function findArticle(
  doc: Document,
  base: string,
  meta: PageMetadata,
  win: Window & typeof globalThis,
  elsewhere?: ReadonlySet<string>,
): Found | null {
  const skipped = { text: 0 };
  return (
    readArticle(doc, base, meta, win, { skipUnlikely: true, skipped }, elsewhere) ??
    (skipped.text >= MIN_ARTICLE_CHARS ? readArticle(doc, base, meta, win, {}, elsewhere) : null)
  );
}

function extract(
  doc: Document,
  url: string,
  win: (Window & typeof globalThis) | null,
  elsewhere?: ReadonlySet<string>,
): Article | null {
  if (!win || !doc.documentElement || !doc.body) return null;

  const meta = readMetadata(doc, url);
  // Relative links and images resolve against the article's address, not the reader's.
  const base = baseUrlOf(doc, url);
  const found = findArticle(doc, base, meta, win, elsewhere);
  if (!found) return null;
  const { parsed, article } = found;
  let { text, wordCount } = found;

  const siteName = meta.siteName ?? parsed.siteName?.trim() ?? null;
  const title =
    meta.title ?? cleanTitle(parsed.title, siteName) ?? headingOf(article) ?? siteName ?? (url || openingOf(text));
  // The reader shows the title above the article: the article's own first heading saying the same goes.
  if (dropTitleHeading(article, title)) {
    text = textOf(article, { skipCaptions: true });
    wordCount = countWords(text);
  }
  const html = article.innerHTML;
  const { lang, dir } = languageOf(doc, meta, parsed, text);
  return {
    title,
    byline: meta.byline ?? cleanByline(parsed.byline),
    siteName,
    published: meta.published ?? toIsoDate(parsed.publishedTime),
    lang,
    dir,
    // Readability's excerpt is its first paragraph's text, empty when that paragraph only holds an image.
    excerpt: excerptOf(meta.excerpt) ?? excerptOf(parsed.excerpt) ?? excerptOf(text),
    image: meta.image ?? firstImage(article, base),
    leadImage: leadImageOf(article, meta),
    html,
    text,
    wordCount,
    readingMinutes: readingMinutes(text),
    url,
    canonical: meta.canonical,
    verdict: judgeContent(article),
  };
}
