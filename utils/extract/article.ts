import type { PagesJoined } from './join';
import type { ContentVerdict } from './verdict';

/** The plain-data result of extraction: everything the reader needs, already sanitized. */
export interface Article {
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601 date-time (or date) when the page states one. */
  published: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  /** The lead image: the one the page declares for sharing, else the article's first; an absolute http(s) address. */
  image: string | null;
  /**
   * The picture to show above an article that has none of its own: the image the page declares (never the body's
   * own, never when the body has any image or video), with the page's alt text for it ('' when it gives none).
   */
  leadImage: { src: string; alt: string } | null;
  /** Sanitized article HTML (DOMPurify ran on it). */
  html: string;
  /** Plain text of the article body: its running text, without figure captions and video links (those are in `html`). */
  text: string;
  wordCount: number;
  readingMinutes: number;
  url: string;
  /**
   * Whether the content reads as an article or as a page of links to other pages (a section front, search results, an
   * index), with the signals that decided it. The reader says so instead of showing a list as an article.
   */
  verdict: ContentVerdict;
  /** The canonical address the page declares, when it is a valid web address. */
  canonical: string | null;
  /** Set when the article runs over several pages: how many were joined, and which couldn't be had. */
  pages?: PagesJoined;
}
