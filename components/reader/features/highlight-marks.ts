import type { HighlightColor, TextRange } from '@/utils/annotate';

/**
 * Highlights on screen: `<mark data-lectern="highlight">` around the article's text nodes, never around elements, so
 * the article's markup stays as it was (a highlight across paragraphs is one mark per piece of text, with one id).
 * Offsets are in the article's textContent, which marks don't change: anchoring, read aloud and copying see the
 * same text with or without them.
 */

export const MARK_SELECTOR = 'mark[data-lectern="highlight"]';
const HTML = 'http://www.w3.org/1999/xhtml';

export interface PaintedHighlight {
  id: string;
  color: HighlightColor;
  hasNote: boolean;
  range: TextRange;
}

/** The reader's article body, where highlights live. */
export function articleBody(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-lectern="article"]');
}

/** The part of the user's selection inside `body`, in text offsets, trimmed of white space; null when there is none. */
export function selectedRange(body: HTMLElement, selection: Selection | null): TextRange | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const chosen = selection.getRangeAt(0);
  const whole = document.createRange();
  whole.selectNodeContents(body);
  if (chosen.compareBoundaryPoints(Range.END_TO_START, whole) >= 0) return null; // ends before the body starts
  if (chosen.compareBoundaryPoints(Range.START_TO_END, whole) <= 0) return null; // starts after it ends
  const before = document.createRange();
  before.setStart(body, 0);
  if (chosen.compareBoundaryPoints(Range.START_TO_START, whole) > 0) {
    before.setEnd(chosen.startContainer, chosen.startOffset);
  } else before.setEnd(body, 0);
  let start = before.toString().length;
  if (chosen.compareBoundaryPoints(Range.END_TO_END, whole) < 0) {
    before.setEnd(chosen.endContainer, chosen.endOffset);
  } else before.setEnd(body, body.childNodes.length);
  let end = before.toString().length;
  const text = body.textContent ?? '';
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** A DOM range over [start, end) of the body's text (to select or scroll to a highlight). */
export function domRange(body: HTMLElement, { start, end }: TextRange): Range | null {
  const range = document.createRange();
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let offset = 0;
  let started = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const next = offset + node.data.length;
    if (!started && start < next) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= next) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset = next;
  }
  return null;
}

/** Takes every highlight mark out, leaving its text where it was. */
export function clearMarks(body: HTMLElement): void {
  const parents = new Set<Node>();
  for (const mark of body.querySelectorAll(MARK_SELECTOR)) {
    if (mark.parentNode) parents.add(mark.parentNode);
    mark.replaceWith(...mark.childNodes);
  }
  for (const parent of parents) if (parent.isConnected) parent.normalize();
}

/**
 * Draws the highlights: the old marks out, then each text node cut where highlights start and end and each piece
 * wrapped in the marks covering it (nested where highlights overlap, the later one inside). White space between
 * blocks (where a mark would break a list or a table) and text of SVG or MathML is left alone.
 */
export function paintMarks(body: HTMLElement, highlights: readonly PaintedHighlight[]): void {
  clearMarks(body);
  if (highlights.length === 0) return;
  const sorted = [...highlights].sort((a, b) => a.range.start - b.range.start);
  const texts: Array<{ node: Text; start: number }> = [];
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let offset = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    texts.push({ node, start: offset });
    offset += node.data.length;
  }
  const lastPiece = new Map<string, HTMLElement>();
  for (const { node, start } of texts) {
    const end = start + node.data.length;
    const covering = sorted.filter((h) => h.range.start < end && h.range.end > start);
    if (covering.length === 0 || !node.data.trim() || node.parentElement?.namespaceURI !== HTML) continue;
    const cuts = [
      ...new Set([
        start,
        end,
        ...covering.flatMap((h) => [h.range.start, h.range.end]).filter((p) => p > start && p < end),
      ]),
    ].sort((a, b) => a - b);
    // Cut from the end, so that the offsets before each cut stay true.
    const pieces: Array<{ node: Text; start: number; end: number }> = [];
    const rest = node;
    for (let i = cuts.length - 2; i >= 0; i--) {
      const piece = cuts[i]! > start ? rest.splitText(cuts[i]! - start) : rest;
      pieces.unshift({ node: piece, start: cuts[i]!, end: cuts[i + 1]! });
    }
    for (const piece of pieces) {
      if (!piece.node.data.trim()) continue;
      let inner: Node = piece.node;
      // Innermost first: the highlight that starts last is the one nearest the text.
      for (const h of [...covering].reverse()) {
        if (h.range.start >= piece.end || h.range.end <= piece.start) continue;
        const mark = document.createElement('mark');
        mark.dataset['lectern'] = 'highlight';
        mark.dataset['highlight'] = h.id;
        mark.dataset['color'] = h.color;
        inner.parentNode?.replaceChild(mark, inner);
        mark.append(inner);
        inner = mark;
        lastPiece.set(h.id, mark);
      }
    }
  }
  // The note's sign goes on the highlight's last piece.
  for (const h of highlights) if (h.hasNote) lastPiece.get(h.id)?.setAttribute('data-note', '');
}
