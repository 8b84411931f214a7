/**
 * Where the user stopped reading each page, kept for a while: pure functions over the stored map
 * (storage.local, see position-store.ts). A position is the fraction of the article scrolled past, 0..1.
 */

export const POSITION_LIMITS = {
  /** Positions older than this are forgotten. */
  maxAgeMs: 30 * 24 * 60 * 60 * 1000,
  /** At most this many pages are remembered; the oldest go first. */
  maxEntries: 200,
  /** Below this, the user has not really started: nothing to restore. */
  minFraction: 0.02,
} as const;

export interface SavedPosition {
  /** Fraction of the article scrolled past. */
  fraction: number;
  /** When it was saved (ms since the epoch). */
  savedAt: number;
}

export type Positions = Record<string, SavedPosition>;

/** The key of a page: its address without the fragment (a #section link is the same page). */
export function positionKey(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}

const clamp01 = (n: number): number => Math.min(1, Math.max(0, n));

/** Whatever storage holds as a valid map: broken entries dropped, expired ones and the excess pruned. */
export function normalizePositions(raw: unknown, now: number): Positions {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const entries = Object.entries(raw as Record<string, unknown>).filter((entry): entry is [string, SavedPosition] => {
    const [key, value] = entry;
    if (positionKey(key) !== key || typeof value !== 'object' || value === null) return false;
    const { fraction, savedAt } = value as Record<string, unknown>;
    return (
      typeof fraction === 'number' &&
      fraction >= 0 &&
      fraction <= 1 &&
      typeof savedAt === 'number' &&
      Number.isFinite(savedAt) &&
      savedAt <= now &&
      now - savedAt <= POSITION_LIMITS.maxAgeMs
    );
  });
  entries.sort((a, b) => b[1].savedAt - a[1].savedAt);
  return Object.fromEntries(
    entries.slice(0, POSITION_LIMITS.maxEntries).map(([key, { fraction, savedAt }]) => [key, { fraction, savedAt }]),
  );
}

/** The map with this page's position saved (or forgotten, when the user is back at the top). */
export function rememberPosition(positions: Positions, url: string, fraction: number, now: number): Positions {
  const key = positionKey(url);
  if (!key || !Number.isFinite(fraction)) return normalizePositions(positions, now);
  const next: Positions = { ...positions };
  if (fraction < POSITION_LIMITS.minFraction) delete next[key];
  else next[key] = { fraction: clamp01(fraction), savedAt: now };
  return normalizePositions(next, now);
}

/** The saved position of this page, if there is a recent one worth restoring. */
export function recallPosition(positions: Positions, url: string, now: number): number | null {
  const key = positionKey(url);
  const saved = key ? normalizePositions(positions, now)[key] : undefined;
  return saved && saved.fraction >= POSITION_LIMITS.minFraction ? saved.fraction : null;
}

/** How far through the article the reader is: 0 with its top at the top of the view, 1 with its end in view. */
export function scrollFraction(scrollTop: number, articleTop: number, articleHeight: number, viewport: number): number {
  const range = articleTop + articleHeight - viewport;
  if (range <= 0) return 1;
  return clamp01(scrollTop / range);
}

/** The scroll position that shows `fraction` of the article (the inverse of scrollFraction). */
export function scrollTopFor(fraction: number, articleTop: number, articleHeight: number, viewport: number): number {
  return Math.max(0, Math.round(clamp01(fraction) * (articleTop + articleHeight - viewport)));
}

/** Whole minutes left to read, never below 0; 0 means done. */
export function minutesLeft(readingMinutes: number, fraction: number): number {
  if (!(readingMinutes > 0)) return 0;
  return Math.max(0, Math.ceil(readingMinutes * (1 - clamp01(fraction)) - 1e-9));
}
