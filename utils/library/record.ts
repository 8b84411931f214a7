/**
 * A saved article as the library keeps it: the sanitized article the reader rendered (never re-extracted), its
 * metadata, where the user is in it and what they did with it. Pure data; the IndexedDB adapter is
 * utils/browser/library-store.ts.
 */

export const READ_STATES = ['unread', 'reading', 'finished', 'archived'] as const;
export type ReadState = (typeof READ_STATES)[number];

/** What the list, the filters and the search show of an article (its body is kept apart: a list of 2,000 stays light). */
export interface LibraryEntry {
  /** The clean address (tracking out, canonical preferred, as copy link gives it): saving again finds the same entry. */
  id: string;
  /** The address the article was read at (the reader keeps its reading position under it). */
  url: string;
  canonical: string | null;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** The site's host name without `www.` (what the site filter groups by when the page names no site). */
  host: string;
  published: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  wordCount: number;
  readingMinutes: number;
  /** When it was first saved, and last saved or changed (ms since 1970). */
  savedAt: number;
  updatedAt: number;
  state: ReadState;
  tags: string[];
  /** How far the user has read (0 … 1). */
  progress: number;
  /** Images kept with it, and left out (over the per-article cap, or unreadable). */
  images: { kept: number; left: number };
  /**
   * A link saved without being read yet (the context menu on a link, or an article another device synced without its
   * body): its article is read when first opened.
   */
  pending: boolean;
  /**
   * When each group of the fields that sync was last changed (ms since 1970): `meta` (address, title, site, date saved),
   * `state`, `tags`, `progress`. Missing in entries stored before sync: their `updatedAt` stands for all.
   */
  stamps?: IndexStamps;
}

export interface IndexStamps {
  meta: number;
  state: number;
  tags: number;
  progress: number;
}

/** The article itself: its sanitized HTML and plain text, and the picture shown above an article without one. */
export interface LibraryBody {
  id: string;
  html: string;
  text: string;
  leadImage: { src: string; alt: string } | null;
}

/** An image of a saved article, stored so the article reads offline; `src` is its address in the article's HTML. */
export interface LibraryImage {
  articleId: string;
  src: string;
  blob: Blob;
}

/** Every field group changed at `at` (a new entry, or one brought back after its deletion). */
export function stampedAt(at: number): IndexStamps {
  return { meta: at, state: at, tags: at, progress: at };
}

/** The times of an entry's field groups; an entry stored before they existed has its last change for all. */
export function stampsOf(entry: Pick<LibraryEntry, 'updatedAt' | 'stamps'>): IndexStamps {
  return entry.stamps ?? stampedAt(entry.updatedAt);
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

/** The host name of an address without `www.` ('' when it isn't one). */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Tags as the library keeps them: trimmed, spaces collapsed, lower case, no duplicates, at most 40 of 60 characters. */
export function normalizeTags(tags: unknown): string[] {
  if (!Array.isArray(tags)) return [];
  const out = new Set<string>();
  for (const tag of tags) {
    const clean = typeof tag === 'string' ? tag.trim().replace(/\s+/g, ' ').toLowerCase().slice(0, 60) : '';
    if (clean) out.add(clean);
  }
  return [...out].slice(0, 40);
}

/**
 * A stored entry, repaired field by field (an older or damaged record never breaks the page), or null when it has no
 * address to be found by.
 */
export function normalizeEntry(value: unknown): LibraryEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const id = str(v['id']);
  if (!id) return null;
  const url = str(v['url']) ?? id;
  const state = READ_STATES.find((s) => s === v['state']) ?? 'unread';
  const images = (typeof v['images'] === 'object' && v['images'] !== null ? v['images'] : {}) as Record<
    string,
    unknown
  >;
  const savedAt = num(v['savedAt'], 0);
  const dir = v['dir'] === 'rtl' || v['dir'] === 'ltr' ? v['dir'] : null;
  return {
    id,
    url,
    canonical: str(v['canonical']),
    title: str(v['title']) || url,
    byline: str(v['byline']),
    siteName: str(v['siteName']),
    host: str(v['host']) || hostOf(url),
    published: str(v['published']),
    lang: str(v['lang']),
    dir,
    excerpt: str(v['excerpt']),
    wordCount: Math.max(0, Math.round(num(v['wordCount'], 0))),
    readingMinutes: Math.max(0, Math.round(num(v['readingMinutes'], 0))),
    savedAt,
    updatedAt: num(v['updatedAt'], savedAt),
    state,
    tags: normalizeTags(v['tags']),
    progress: Math.min(1, Math.max(0, num(v['progress'], 0))),
    images: { kept: Math.max(0, num(images['kept'], 0)), left: Math.max(0, num(images['left'], 0)) },
    pending: v['pending'] === true,
    ...stampsIn(v['stamps']),
  };
}

function stampsIn(value: unknown): { stamps?: IndexStamps } {
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  const [meta, state, tags, progress] = ['meta', 'state', 'tags', 'progress'].map((k) => num(v[k], NaN));
  return [meta, state, tags, progress].every(Number.isFinite)
    ? { stamps: { meta: meta!, state: state!, tags: tags!, progress: progress! } }
    : {};
}

export function normalizeBody(value: unknown): LibraryBody | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const id = str(v['id']);
  if (!id) return null;
  const lead = v['leadImage'] as Record<string, unknown> | null | undefined;
  const leadSrc = lead && typeof lead === 'object' ? str(lead['src']) : null;
  return {
    id,
    html: str(v['html']) ?? '',
    text: str(v['text']) ?? '',
    leadImage: leadSrc ? { src: leadSrc, alt: str(lead?.['alt']) ?? '' } : null,
  };
}
