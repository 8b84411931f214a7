/**
 * Captions that nothing names as such: a short line set apart right under an image (in italics, small type or a box of
 * its own) is the image's caption. It becomes a `<figcaption>` in a `<figure>` with the image, so the reader shows it
 * with the image and the running text leaves it out, like every other caption.
 */
import { hasDescendant, textLength } from './dom';

/** The longest line taken for a caption. */
const MAX_LINE = 250;
const MEDIA = new Set(['img', 'picture', 'video', 'svg', 'iframe']);
const BLOCKS = new Set(['p', 'div', 'ul', 'ol', 'table', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Inline elements that set a line apart from running text. */
const CAPTION_INLINE = new Set(['span', 'small', 'em', 'i', 'center', 'cite']);
/** Emphasis that makes a whole paragraph read as a caption. */
const EMPHASIS = new Set(['em', 'i', 'small']);
/** What may follow an inline caption: the end of its line. */
const LINE_END = new Set(['br', 'p', 'div', 'figure', 'img', 'picture', 'h2', 'h3', 'h4', 'ul', 'ol', 'table', 'hr']);

const hasText = (node: Node | null): boolean => !!node && node.nodeType === 3 && /\S/.test((node as Text).data);

/** The next sibling element of `el`, when only whitespace lies between them. */
function nextElement(el: Element): Element | null {
  for (let n = el.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 1) return n as Element;
    if (hasText(n)) return null;
  }
  return null;
}

/** The image and the wrappers around it that hold nothing else (a link, a paragraph): what a caption follows. */
function imageBox(img: Element, root: Element): Element {
  let box = img;
  while (box.parentElement && box.parentElement !== root && !textLength(box.parentElement)) {
    const parent = box.parentElement;
    if (parent.querySelectorAll('img, video, iframe').length > 1) break;
    box = parent;
  }
  return box;
}

/** Whether `el`, right after an image, reads as its caption. */
function isCaptionLine(el: Element): boolean {
  const length = textLength(el);
  if (length < 3 || length > MAX_LINE || hasDescendant(el, MEDIA)) return false;
  if (CAPTION_INLINE.has(el.localName)) {
    if (hasDescendant(el, BLOCKS)) return false;
    // The line must end here: a caption is not the start of a sentence that runs on.
    const after = el.nextSibling && !hasText(el.nextSibling) ? nextElement(el) : el.nextSibling;
    if (hasText(after)) return false;
    return !after || (after.nodeType === 1 && LINE_END.has((after as Element).localName));
  }
  if (el.localName !== 'p' && el.localName !== 'div') return false;
  // A paragraph all in italics or small type.
  const only = el.firstElementChild;
  return !!only && only === el.lastElementChild && EMPHASIS.has(only.localName) && textLength(only) === length;
}

/** Whether nothing but whitespace and line breaks follows `el` in its parent. */
function endsParent(el: Element): boolean {
  for (let n = el.nextSibling; n; n = n.nextSibling) {
    if (hasText(n) || (n.nodeType === 1 && (n as Element).localName !== 'br')) return false;
  }
  return true;
}

/** Makes captions of the short lines set apart right under images (see the module's comment). In place. */
export function captionLinesAfterImages(root: Element): void {
  for (const img of Array.from(root.querySelectorAll('img'))) {
    if (!root.contains(img) || img.closest('figure')) continue;
    const box = imageBox(img, root);
    // An image that ends its paragraph is followed by what follows the paragraph.
    let anchor = box;
    while (endsParent(anchor) && anchor.parentElement && anchor.parentElement !== root) anchor = anchor.parentElement;
    const line = nextElement(anchor);
    if (!line || !isCaptionLine(line)) continue;
    const doc = root.ownerDocument;
    const figure = doc.createElement('figure');
    const caption = doc.createElement('figcaption');
    if (anchor === box) box.replaceWith(figure);
    else anchor.after(figure);
    figure.appendChild(box);
    while (line.firstChild) caption.appendChild(line.firstChild);
    line.remove();
    figure.appendChild(caption);
  }
}
