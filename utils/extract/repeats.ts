/**
 * Furniture inside the article found by language-independent signals: repetition, link density, position and the
 * shape of a line — never by its words. A gallery's caption repeated under every slide shows once; a row of short
 * links repeated on every card (a quote card's "Whatsapp Facebook Pint Baixar") goes; a line opened by an all-caps
 * label whose rest is a link ("ANZEIGE: …", "PUBLICIDAD: …") goes, and so does a bare all-caps label line that recurs.
 */
import { descendants, hasDescendant, innermost, select } from './dom';

const MEDIA = new Set(['img', 'picture', 'video', 'svg']);
/** Blocks that are one line or paragraph of the article. */
const LINES = 'p, li, div, blockquote, dd, dt, h2, h3, h4, h5, h6';
/** An all-caps label opening a line ("ANZEIGE:", "PUBLICIDADE |"), in any cased script. */
const LABEL = /^((?:\p{Lu}[\p{Lu}\p{M}'’.-]*)(?:\s+\p{Lu}[\p{Lu}\p{M}'’.-]*){0,2})\s*(?:[:：|–—-]\s*|$)/u;
/** A short item of a row of links: a word or two ("Facebook", "Baixar", "Pin it"). */
const MAX_ITEM = 20;

const norm = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The text of an element, collapsed and trimmed. */
type TextOf = (el: Element) => string;

/**
 * `norm`, read once per element. Valid while no element it has read changes: the functions below only remove whole
 * lines, and a line holds no other line, nor sits inside a link or button whose text is read.
 */
function textCache(): TextOf {
  const texts = new Map<Element, string>();
  return (el) => {
    let text = texts.get(el);
    if (text === undefined) texts.set(el, (text = norm(el)));
    return text;
  };
}

/** The names LINES selects (lower-case local names, as the HTML parser and createElement make them). */
const LINE_NAMES = new Set(LINES.split(', '));

/** Blocks with text and no block inside: the lines compared, in document order. */
function lines(root: Element, textOf: TextOf): Element[] {
  return innermost(root, LINE_NAMES).filter((el) => textOf(el));
}

/** The outermost links and buttons under `el` (a walk: jsdom's selector query costs more than a line's whole walk). */
function linksAndButtons(el: Element): Element[] {
  return descendants(el, (a) => a.localName === 'a' || a.localName === 'button').filter(
    (a) => !a.parentElement?.closest('a, button'),
  );
}

/** Text of `el` inside links and buttons. */
function linkedText(el: Element, textOf: TextOf): number {
  return linksAndButtons(el).reduce((sum, a) => sum + textOf(a).length, 0);
}

/** A row of several short links or buttons and nothing else (a share bar, a card's actions). */
function isLinkRow(el: Element, textOf: TextOf): boolean {
  const items = linksAndButtons(el);
  if (items.length < 3 || hasDescendant(el, MEDIA)) return false;
  if (!items.every((a) => textOf(a).length <= MAX_ITEM)) return false;
  const length = textOf(el).replace(/[\s|·•,/]+/g, '').length;
  const linked = items.reduce((sum, a) => sum + textOf(a).replace(/\s+/g, '').length, 0);
  return length > 0 && linked / length >= 0.9;
}

/** Whether a line opens with an all-caps label of letters (not a number, not an acronym alone in a sentence). */
function labelOf(text: string): string | null {
  const match = LABEL.exec(text);
  if (!match) return null;
  const label = match[1]!;
  return label.replace(/[^\p{L}]/gu, '').length >= 4 ? label : null;
}

/** Whether `el` sits right after a picture: where a caption goes. */
function followsMedia(el: Element): boolean {
  const before = el.previousElementSibling;
  return !!before && (MEDIA.has(before.localName) || hasDescendant(before, MEDIA) || before.localName === 'figure');
}

/** The text of each line, lower-cased, with how many lines of `root` read the same. */
function lineCounts(all: Element[], textOf: TextOf): Map<string, number> {
  const counts = new Map<string, number>();
  for (const el of all) {
    const key = textOf(el).toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Rows of short links seen twice or more (the same actions on every card, a menu again in the footer), before
 * Readability reads the page: they would make it take a card with its quote for a box of links and drop both.
 */
export function dropRepeatedLinkRows(root: Element): void {
  const textOf = textCache();
  const all = lines(root, textOf);
  const counts = lineCounts(all, textOf);
  for (const el of all) {
    const text = textOf(el);
    if ((counts.get(text.toLowerCase()) ?? 0) >= 2 && text.length <= 120 && isLinkRow(el, textOf)) el.remove();
  }
}

/** Leaves out the repeated and labelled furniture of the article `root` (see the module's comment). In place. */
export function dropRepeatedFurniture(root: Element): void {
  // Captions: each text once (a gallery repeating one caption under every slide).
  const captions = new Set<string>();
  for (const caption of select(root, 'figcaption')) {
    const text = norm(caption).toLowerCase();
    if (!text) continue;
    if (captions.has(text)) caption.remove();
    else captions.add(text);
  }

  dropRepeatedLinkRows(root);
  const textOf = textCache();
  const all = lines(root, textOf);
  const counts = lineCounts(all, textOf);
  const labels = new Map<string, number>();
  for (const el of all) {
    const label = labelOf(textOf(el));
    if (label) labels.set(label, (labels.get(label) ?? 0) + 1);
  }
  const seenNearMedia = new Set<string>();
  for (const el of all) {
    if (!root.contains(el)) continue;
    const text = textOf(el);
    const key = text.toLowerCase();
    const repeats = counts.get(key) ?? 0;
    // A caption written as a plain line under each picture: once.
    if (repeats >= 2 && text.length <= 300 && followsMedia(el) && !linkedText(el, textOf)) {
      if (seenNearMedia.has(key)) el.remove();
      else seenNearMedia.add(key);
      continue;
    }
    // An all-caps label line: its rest a link (an ad, a promotion), or the bare label again and again.
    const label = text.length <= 200 && !/^h\d$/.test(el.localName) ? labelOf(text) : null;
    if (!label) continue;
    const rest = text.length - label.length;
    const bare = rest <= 2;
    if (bare ? (labels.get(label) ?? 0) >= 2 && repeats >= 2 : rest > 0 && linkedText(el, textOf) / rest >= 0.5)
      el.remove();
  }
}
