/**
 * What the exports (EPUB, Markdown zip) take: saved articles with their kept images as bytes, and the small rules they
 * share (file names, dates, where an image goes). Pure: the library page reads the store and hands these in.
 */
import type { LibraryBody, LibraryEntry } from './record';

export interface ExportImage {
  /** Its address in the article's HTML (as the library keeps it). */
  src: string;
  /** Its media type ("image/jpeg"…). */
  type: string;
  bytes: Uint8Array;
}

export interface ExportArticle {
  entry: LibraryEntry;
  body: LibraryBody;
  images: ExportImage[];
}

/** What the exports need of a page's DOM: a parser (the page's window, or jsdom's in Node). */
export interface DomHost {
  DOMParser: { new (): DOMParser };
}

/** File name extensions by media type (what the exports write; others are left out of the book). */
export const IMAGE_EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
  'image/avif': 'avif',
};

/**
 * A file name's stem from a title: letters and digits of any script kept (lower case, accents off Latin letters),
 * the rest one hyphen, at most 60 characters; "article" when nothing is left.
 */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  // Windows reserves a few names whatever their extension.
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/.test(slug)) return `${slug}-article`;
  return slug || 'article';
}

/** Unique stems for titles, in order: a repeated one gets "-2", "-3"… (compared without case). */
export function uniqueSlugs(titles: readonly string[]): string[] {
  const used = new Set<string>();
  return titles.map((title) => {
    const base = slugOf(title);
    let slug = base;
    for (let n = 2; used.has(slug.toLowerCase()); n++) slug = `${base}-${n}`;
    used.add(slug.toLowerCase());
    return slug;
  });
}

/** A date as W3C-DTF / ISO 8601 without milliseconds ("2025-12-30" kept as is), or null when it isn't one. */
export function isoDate(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The author line as the reader shows it (the page's own words, spaces collapsed), or null. */
export function authorOf(entry: Pick<LibraryEntry, 'byline'>): string | null {
  return (entry.byline ?? '').replace(/\s+/g, ' ').trim() || null;
}

/** The site an article came from, as the library shows it. */
export function siteNameOf(entry: Pick<LibraryEntry, 'siteName' | 'host'>): string | null {
  return entry.siteName?.trim() || entry.host || null;
}
