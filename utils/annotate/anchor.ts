import search from 'approx-string-match';

/**
 * Anchoring by text, as W3C Web Annotation does it: a highlight is the quoted text with a little context on each side
 * (TextQuoteSelector) plus where it was (TextPositionSelector, only a hint: the page may have changed). Re-attaching
 * prefers the exact text at the hint, then the exact text elsewhere, then an approximate match (Myers' bit-parallel
 * search, approx-string-match, as Hypothesis uses), every candidate scored by its quote, its context and its distance
 * from the hint. A candidate the context doesn't back, or two candidates scored alike, leave the highlight orphaned:
 * listed, never attached to the wrong words.
 */

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface TextSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** Where a highlight sits in the text now: [start, end) in the same string it was anchored in. */
export interface TextRange {
  start: number;
  end: number;
}

/** Characters of context kept on each side of a quote (Hypothesis keeps 32). */
export const CONTEXT_LENGTH = 32;
/** At most this share of the quote may differ (edits per character) for an approximate match. */
const MAX_QUOTE_ERRORS = 0.25;
/** Myers' search grows with the errors allowed; past this many, a long quote that changed this much is orphaned. */
const ERRORS_CAP = 64;
/**
 * A candidate needs at least one side of its context this similar to what was kept (0 unrelated … 1 the same; two
 * unrelated stretches of prose score 0.3–0.55, a word inserted next to the passage leaves ~0.8).
 */
const MIN_CONTEXT = 0.7;
/** An exact match whose context is this close on both sides is taken without looking for approximate ones. */
const SURE_CONTEXT = 0.9;
/** Two candidates closer than this in score are a tie: the highlight is orphaned rather than guessed. */
const TIE = 0.05;
/** Kept context shorter than this is too common to say where a passage stood. */
const MIN_CONTEXT_SEARCH = 8;
/** Context found in more places than this says little; the first few are searched around. */
const MAX_CONTEXT_PLACES = 4;
/** Weights of a candidate's score (Hypothesis's: the quote first, then its context, the position only to break ties). */
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

/** The selectors for [start, end) of `text`. */
export function describeRange(text: string, start: number, end: number): TextSelectors {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** Levenshtein distance (two rows; the strings here are context, at most CONTEXT_LENGTH characters). */
function distance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** How alike kept context is to the text beside a candidate: 1 the same, 0 nothing alike. */
function contextSimilarity(kept: string, actual: string): number {
  if (kept.length === 0 && actual.length === 0) return 1;
  return 1 - distance(kept, actual) / Math.max(kept.length, actual.length);
}

interface Candidate extends TextRange {
  errors: number;
}

interface Scored extends TextRange {
  score: number;
  /** The better side's context similarity. */
  context: number;
  /** The worse side's. */
  weaker: number;
}

function score(text: string, selectors: TextSelectors, candidate: Candidate): Scored {
  const { exact, prefix, suffix } = selectors.quote;
  const quote = 1 - candidate.errors / Math.max(1, exact.length);
  // Context is compared over its full length: context kept short (the passage was near an edge of the text) backs
  // only a candidate as near that edge, not any candidate whose next character or two happen to agree.
  const before = contextSimilarity(prefix, text.slice(Math.max(0, candidate.start - CONTEXT_LENGTH), candidate.start));
  const after = contextSimilarity(suffix, text.slice(candidate.end, candidate.end + CONTEXT_LENGTH));
  const position = 1 - Math.min(1, Math.abs(candidate.start - selectors.position.start) / Math.max(1, text.length));
  const total =
    (WEIGHT.quote * quote + WEIGHT.prefix * before + WEIGHT.suffix * after + WEIGHT.position * position) /
    (WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position);
  return {
    start: candidate.start,
    end: candidate.end,
    score: total,
    context: Math.max(before, after),
    weaker: Math.min(before, after),
  };
}

/**
 * The best of the candidates if the context backs it (one side, or both as closely as `bothSides` asks) and nothing
 * else comes close; null otherwise. Overlapping
 * candidates are one place (an approximate match can end a character sooner or later).
 */
function decide(text: string, selectors: TextSelectors, candidates: Candidate[], bothSides = 0): TextRange | null {
  const scored = candidates.map((c) => score(text, selectors, c)).sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best || best.context < MIN_CONTEXT || best.weaker < bothSides) return null;
  const rival = scored.find((c) => c.end <= best.start || c.start >= best.end);
  if (rival && rival.score > best.score - TIE) return null;
  return { start: best.start, end: best.end };
}

/** Every place `exact` occurs in `text`. */
function occurrences(text: string, exact: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    found.push({ start: at, end: at + exact.length, errors: 0 });
  }
  return found;
}

/** Where the selectors point in `text` now, or null: the highlight is orphaned. */
export function anchorQuote(text: string, selectors: TextSelectors): TextRange | null {
  const { exact, prefix, suffix } = selectors.quote;
  if (exact.length === 0) return null;
  // The page unchanged (the usual case): the quote and its context where they were.
  const { start } = selectors.position;
  if (
    text.startsWith(exact, start) &&
    text.slice(Math.max(0, start - prefix.length), start) === prefix &&
    text.startsWith(suffix, start + exact.length)
  ) {
    return { start, end: start + exact.length };
  }
  const exactly = occurrences(text, exact);
  // The exact text, its context still there on both sides: moved, not changed. Anything less, and an edited copy in
  // its old place may be the better match: the approximate search decides among all.
  const maxErrors = Math.min(ERRORS_CAP, Math.floor(exact.length * MAX_QUOTE_ERRORS));
  if (exactly.length > 0) {
    const found = decide(text, selectors, exactly, SURE_CONTEXT);
    if (found) return found;
  }
  if (maxErrors === 0) return decide(text, selectors, exactly);
  // Myers' search keeps only the fewest-error matches of the text it is given, so a closer copy elsewhere (a pull
  // quote) would hide the edited passage: search also just around where the passage should be, by the position hint
  // and by where its kept context still stands.
  const around = (at: number): Candidate[] => {
    const from = Math.max(0, at - maxErrors - 8);
    return search(text.slice(from, at + exact.length + maxErrors + 8), exact, maxErrors).map((m) => ({
      errors: m.errors,
      start: m.start + from,
      end: m.end + from,
    }));
  };
  const places = [start];
  if (prefix.length >= MIN_CONTEXT_SEARCH) {
    for (const at of occurrences(text, prefix).slice(0, MAX_CONTEXT_PLACES)) places.push(at.end);
  }
  if (suffix.length >= MIN_CONTEXT_SEARCH) {
    for (const at of occurrences(text, suffix).slice(0, MAX_CONTEXT_PLACES)) places.push(at.start - exact.length);
  }
  const near = [...exactly, ...places.flatMap(around)];
  // Found near its place, backed by its context and unrivalled by any exact copy: taken. Searching the whole text
  // costs ~100 times more, and a copy elsewhere would need the same words and context to tie.
  const found = decide(text, selectors, near);
  if (found) return found;
  return decide(text, selectors, [...near, ...search(text, exact, maxErrors)]);
}
