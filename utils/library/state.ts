import { cleanUrl } from '@/utils/share';
import { hostOf, stampedAt, stampsOf, type LibraryBody, type LibraryEntry, type ReadState } from './record';

/** The article as extraction gives it (utils/extract's Article, the fields the library keeps). */
export interface ArticleToSave {
  url: string;
  canonical: string | null;
  title: string;
  byline: string | null;
  siteName: string | null;
  published: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  html: string;
  text: string;
  wordCount: number;
  readingMinutes: number;
  leadImage: { src: string; alt: string } | null;
}

/** The id an article is saved under: its clean address, so the same article saved twice is one entry. */
export function libraryId(article: Pick<ArticleToSave, 'url' | 'canonical'>): string {
  return cleanUrl({ url: article.url, canonical: article.canonical });
}

/** Past this much of the article, it counts as read to the end (the last lines are often a footer's worth). */
const FINISHED_AT = 0.97;
/** Below this, an opened article is still unread (a glance at the top). */
const STARTED_AT = 0.03;

/** The state an article moves to as the user reads it: unread → reading → finished; archived and finished stay. */
export function stateAfterReading(state: ReadState, progress: number): ReadState {
  if (state === 'archived' || state === 'finished') return state;
  if (progress >= FINISHED_AT) return 'finished';
  if (progress >= STARTED_AT) return 'reading';
  return state;
}

/**
 * The entry and body to store when an article is saved: a new one is unread; saving again refreshes the article and
 * its metadata but keeps what the user did (first saved, state, tags, progress), so nothing is lost or duplicated.
 */
export function entryToSave(
  article: ArticleToSave,
  images: { kept: number; left: number },
  now: number,
  existing: LibraryEntry | null,
): { entry: LibraryEntry; body: LibraryBody } {
  const id = libraryId(article);
  const entry: LibraryEntry = {
    id,
    url: article.url,
    canonical: article.canonical,
    title: article.title || id,
    byline: article.byline,
    siteName: article.siteName,
    host: hostOf(id) || hostOf(article.url),
    published: article.published,
    lang: article.lang,
    dir: article.dir,
    excerpt: article.excerpt,
    wordCount: article.wordCount,
    readingMinutes: article.readingMinutes,
    savedAt: existing?.savedAt ?? now,
    updatedAt: now,
    // A queued entry keeps its state too: one synced from another device may have been read there.
    state: existing?.state ?? 'unread',
    tags: existing?.tags ?? [],
    progress: existing?.progress ?? 0,
    images,
    pending: false,
    stamps: existing ? { ...stampsOf(existing), meta: now } : stampedAt(now),
  };
  return { entry, body: { id, html: article.html, text: article.text, leadImage: article.leadImage } };
}

/** A link queued to be read when first opened (saved from a link's context menu): an unread entry with no body. */
export function pendingEntry(url: string, title: string, now: number, existing: LibraryEntry | null): LibraryEntry {
  if (existing) return existing;
  const id = cleanUrl({ url });
  return {
    id,
    url,
    canonical: null,
    title: title.trim() || id,
    byline: null,
    siteName: null,
    host: hostOf(id),
    published: null,
    lang: null,
    dir: null,
    excerpt: null,
    wordCount: 0,
    readingMinutes: 0,
    savedAt: now,
    updatedAt: now,
    state: 'unread',
    tags: [],
    progress: 0,
    images: { kept: 0, left: 0 },
    pending: true,
    stamps: stampedAt(now),
  };
}
