/** The table of contents of an article: which headings make it, how deep each sits, which section is being read. Pure. */

export interface OutlineHeading {
  /** 1 for <h1> … 6 for <h6>. */
  level: number;
  text: string;
}

export interface OutlineEntry {
  /** The heading's position among those given. */
  index: number;
  text: string;
  /** 0 for the article's top heading level, 1 and 2 below it (deeper levels sit at 2). */
  depth: number;
}

/** An article with fewer headings has no table of contents. */
export const MIN_OUTLINE = 3;
/** Longer heading texts are cut in the list (the heading itself stays whole). */
const MAX_ENTRY = 120;

/**
 * The entries for `headings` (in document order): the headings with text, their levels made relative to the levels the
 * article uses (an article of <h3> and <h4> starts at depth 0), or none when fewer than MIN_OUTLINE have text.
 */
export function outlineOf(headings: readonly OutlineHeading[]): OutlineEntry[] {
  const named = headings
    .map((h, index) => ({ index, level: h.level, text: h.text.replace(/\s+/g, ' ').trim() }))
    .filter((h) => h.text);
  if (named.length < MIN_OUTLINE) return [];
  const levels = [...new Set(named.map((h) => h.level))].sort((a, b) => a - b);
  return named.map(({ index, level, text }) => ({
    index,
    text: text.length > MAX_ENTRY ? `${text.slice(0, MAX_ENTRY - 1).trimEnd()}…` : text,
    depth: Math.min(levels.indexOf(level), 2),
  }));
}

/**
 * The section being read: the index of the last heading whose top (px from the top of the window) has passed `line`
 * (just under the toolbar), or of the first heading before any has; -1 for an empty list. At the very end of the page
 * (`atEnd`), the last heading whose top is on screen: a short last section can't scroll up to the line. `topOf(i)` is
 * the top of the i-th of `count` headings, which rise in document order: a binary search reads a few of them, not
 * every one (on an article of thousands of headings, reading each one's box every frame froze the scrolling).
 */
export function currentSection(
  count: number,
  topOf: (index: number) => number,
  line: number,
  atEnd = false,
  viewport = Infinity,
): number {
  if (!count) return -1;
  const passed = (i: number): boolean => {
    const top = topOf(i);
    return top <= line || (atEnd && top < viewport);
  };
  // The headings that have passed are a run from the first: find its last.
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (passed(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}
