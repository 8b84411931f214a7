import type { TextPositionSelector, TextQuoteSelector } from './anchor';

/** A highlight as stored (one IndexedDB record): its passage by text, its colour and note, its article's clean address. */
export interface Highlight {
  id: string;
  /** The article's clean address (utils/share cleanUrl): the same page read again finds its highlights. */
  url: string;
  color: HighlightColor;
  note: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** Milliseconds since the epoch. */
  created: number;
  updated: number;
  /** The article's title and site when it was made, for the export of every article's highlights (not synced). */
  title?: string;
  site?: string;
}

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];
export const DEFAULT_COLOR: HighlightColor = 'yellow';
/** A note longer than this is cut (a note is a note; the record stays small enough to sync later). */
export const MAX_NOTE_LENGTH = 4000;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const count = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : 0;

/**
 * A stored record repaired field by field, or null when it can't be a highlight (no id, address or quoted text): a
 * damaged record never breaks the reader, and the others still show.
 */
export function normalizeHighlight(raw: unknown): Highlight | null {
  if (!isRecord(raw)) return null;
  const quote = isRecord(raw['quote']) ? raw['quote'] : {};
  const position = isRecord(raw['position']) ? raw['position'] : {};
  const id = text(raw['id']);
  const url = text(raw['url']);
  const exact = text(quote['exact']);
  if (!id || !url || !exact) return null;
  const color = HIGHLIGHT_COLORS.find((c) => c === raw['color']) ?? DEFAULT_COLOR;
  const start = count(position['start']);
  const created = count(raw['created']);
  return {
    id,
    url,
    color,
    note: text(raw['note']).slice(0, MAX_NOTE_LENGTH),
    quote: { type: 'TextQuoteSelector', exact, prefix: text(quote['prefix']), suffix: text(quote['suffix']) },
    position: { type: 'TextPositionSelector', start, end: Math.max(start, count(position['end'])) },
    created,
    updated: Math.max(created, count(raw['updated'])),
    ...(typeof raw['title'] === 'string' && raw['title'] ? { title: raw['title'] } : {}),
    ...(typeof raw['site'] === 'string' && raw['site'] ? { site: raw['site'] } : {}),
  };
}

/**
 * Highlights in reading order: those found in the text by where they start (then where they end), the orphans after
 * them in the order they were made.
 */
export function readingOrder<T extends { highlight: Highlight; range: { start: number; end: number } | null }>(
  items: readonly T[],
): T[] {
  return [...items].sort((a, b) => {
    if (a.range && b.range) return a.range.start - b.range.start || a.range.end - b.range.end;
    if (a.range || b.range) return a.range ? -1 : 1;
    return a.highlight.created - b.highlight.created;
  });
}
