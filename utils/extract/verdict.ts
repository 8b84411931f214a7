/**
 * Whether what extraction found reads as an article or as a page of links to other pages (a section front, search
 * results, a forum index, a link list). Decided from the structure of the extracted content alone, the same in every
 * language: how much of its text is linked, how much sits in repeated same-shaped items that each hold a link, and how
 * much running prose is left outside them. Pure.
 */
import { childElements, descendants, innermost, textLength as length } from './dom';

export interface ContentVerdict {
  /** The content reads as an article (false: a list of links to other pages). */
  article: boolean;
  /** Share of the text that is link text. */
  linkDensity: number;
  /** Share of the text in repeated short items that each hold a link (headlines with teasers, results, rows). */
  repeated: number;
  /** Characters of running prose outside those items: unlinked blocks of at least a sentence. */
  prose: number;
}

/** Blocks whose text is read as one piece. */
const BLOCKS = new Set([
  'p',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'td',
  'th',
  'dd',
  'dt',
  'blockquote',
  'pre',
  'figcaption',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'ul',
  'ol',
  'dl',
  'table',
  'tbody',
  'thead',
  'tr',
  'figure',
]);
const HEADINGS = /^h[1-6]$/;

/** At least this many same-named siblings each holding a link make a list of items. */
const MIN_ITEMS = 5;
/** An item longer than this (characters) is a section of text, not a headline with its teaser. */
const MAX_ITEM = 400;
/** An item holding an unlinked block this long (characters) has text of its own: a teaser or snippet is shorter. */
const MAX_TEASER = 250;
/** An unlinked block of at least this many characters is running prose (a sentence or more). */
const MIN_PROSE_BLOCK = 80;
/** This much prose outside the items (characters, ~400 words) is an article whatever else the page holds. */
const ENOUGH_PROSE = 2500;

/** Links that lead to other pages: not those of a caption (an embed's card, a photo credit). */
function pageLinks(el: Element): Element[] {
  // A walk, not querySelectorAll('a[href]'): jsdom's query costs more than the whole walk of a paragraph.
  const isLink = (e: Element): boolean => e.localName === 'a' && e.hasAttribute('href');
  const links = isLink(el) ? [el] : descendants(el, isLink);
  return links.filter((a) => !a.parentElement?.closest('a, figcaption'));
}

function linkLength(el: Element): number {
  let total = 0;
  for (const a of pageLinks(el)) total += length(a);
  return total;
}

/**
 * Whether an item (its elements) is named by a link: a link in a heading, a link opening the item's text, or links making
 * up a good part of its text. A bare permalink ("12:03") in a live blog's entry doesn't name it, nor a short "buy here"
 * link under a product's paragraph.
 */
function namedByLink(unit: Element[], text: number): boolean {
  // Read only when a link is long enough to name the item (most units have none).
  let opening: string | undefined;
  const openingOf = (): string =>
    (opening ??= unit
      .map((el) => el.textContent ?? '')
      .join(' ')
      .trim()
      .slice(0, 200)
      .replace(/\s+/g, ' '));
  let linked = 0;
  for (const el of unit) {
    for (const a of pageLinks(el)) {
      const words = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
      linked += words.length;
      if (words.length >= 12 && (a.closest('h1, h2, h3, h4, h5, h6') || openingOf().startsWith(words))) return true;
    }
  }
  return linked / text >= 0.25;
}

/** The longest innermost block of `unit` that is mostly unlinked. */
function longestUnlinked(unit: Element[]): number {
  let longest = 0;
  for (const el of unit) {
    const leaves = leafBlocks(el);
    for (const block of leaves.length ? leaves : [el]) {
      const text = length(block);
      if (text > longest && linkLength(block) / text < 0.3) longest = text;
    }
  }
  return longest;
}

/**
 * The repeated items under `root`: runs of at least MIN_ITEMS same-named siblings, each short and holding a naming
 * link, with what follows each up to the next (a teaser after a headline). Outermost items only.
 */
function repeatedItems(root: Element): Element[][] {
  const items: Element[][] = [];
  const inItem = new Set<Element>();
  for (const parent of [root, ...descendants(root)]) {
    if (inItem.has(parent)) {
      for (const c of childElements(parent)) inItem.add(c);
      continue;
    }
    const children = childElements(parent);
    if (children.length < MIN_ITEMS) continue;
    const byName = new Map<string, number>();
    for (const c of children) byName.set(c.localName, (byName.get(c.localName) ?? 0) + 1);
    for (const [name, count] of byName) {
      if (count < MIN_ITEMS) continue;
      const units: Element[][] = [];
      let unit: Element[] | null = null;
      for (const c of children) {
        if (c.localName === name) units.push((unit = [c]));
        else if (unit) unit.push(c);
      }
      const kept = units.filter((u) => {
        // Counted up to MAX_ITEM only: a longer unit is no item, whatever its length.
        let text = 0;
        for (const el of u) if ((text += length(el, MAX_ITEM - text)) > MAX_ITEM) return false;
        return (
          text > 0 &&
          text <= MAX_ITEM &&
          !u.some((el) => inItem.has(el)) &&
          namedByLink(u, text) &&
          longestUnlinked(u) < MAX_TEASER
        );
      });
      if (kept.length < MIN_ITEMS || kept.length < units.length / 2) continue;
      for (const u of kept) {
        items.push(u);
        for (const el of u) inItem.add(el);
      }
    }
  }
  return items;
}

/** The innermost blocks: blocks holding no other block. */
function leafBlocks(root: Element): Element[] {
  return innermost(root, BLOCKS);
}

/** Judges the extracted content `root` (the article's body, after clean-up). */
export function judgeContent(root: Element): ContentVerdict {
  const total = length(root);
  if (!total) return { article: false, linkDensity: 0, repeated: 0, prose: 0 };
  const linkDensity = linkLength(root) / total;

  const items = repeatedItems(root);
  const itemEls = new Set(items.flat());
  const repeated = items.reduce((sum, u) => sum + u.reduce((s, el) => s + length(el), 0), 0) / total;

  let prose = 0;
  for (const block of leafBlocks(root)) {
    if (HEADINGS.test(block.localName)) continue;
    let up: Element | null = block;
    while (up && up !== root && !itemEls.has(up)) up = up.parentElement;
    if (up && up !== root) continue;
    const text = length(block);
    if (text >= MIN_PROSE_BLOCK && linkLength(block) / text < 0.3) prose += text;
  }

  const listing =
    prose < ENOUGH_PROSE &&
    // Mostly repeated linked items (headlines and teasers, results, rows), with little running text besides.
    ((repeated >= 0.5 && prose < 0.4 * total) ||
      // Mostly link text, however it is laid out.
      (linkDensity >= 0.5 && prose < 0.25 * total));
  return { article: !listing, linkDensity, repeated, prose };
}
