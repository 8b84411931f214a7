/** What Readability's article still needs before sanitizing: players as cards, classes gone, pixels dropped. */
import { removeBoilerplate } from './boilerplate';
import { captionLinesAfterImages } from './captions';
import { childElements, descendants, hasDescendant, select, textLength } from './dom';
import { embedCard, embedOf } from './embeds';
import { isCaptionLike, isTrackingPixel, MAX_CAPTION } from './media';
import { keepInPageLinks } from './fragments';
import { normalizeMath } from './math';
import { dropRepeatedFurniture } from './repeats';

/** Classes worth keeping: a code block's language (`language-js`, `lang-py`, highlight.js's `hljs …`). */
const CODE_CLASS = /^(?:language|lang)-[\w+#.-]+$/i;

/** The embed cards this extraction made: the only elements that keep a class of Lectern's own. */
const cards = new WeakSet<Element>();

/**
 * Embedded players and posts (frames, `<video>`, `<audio>`) → cards linking to them (the reader shows no frames and
 * loads nothing from a provider; see embeds.ts). The card takes the place of the box the player sat in, its picture and
 * caption included. Other frames go.
 */
function replaceEmbeds(root: Element, baseUrl: string): void {
  for (const el of select(root, 'iframe, video, audio')) {
    if (!root.contains(el)) continue;
    const embed = embedOf(el, root, baseUrl);
    if (!embed) {
      if (el.localName === 'iframe') el.remove();
      continue;
    }
    const card = embedCard(el.ownerDocument, embed);
    cards.add(card);
    const figure = el.closest('figure');
    const caption = clean(figure?.querySelector('figcaption')?.textContent);
    if (caption && caption !== embed.title) {
      const more = el.ownerDocument.createElement('span');
      more.textContent = caption;
      card.querySelector('figcaption')!.append(' ', more);
    }
    // The box that held only the player (and its picture, its caption) goes with it; a figure can't sit in a <p>.
    let place: Element = el;
    for (let up = el.parentElement; up && up !== root; up = up.parentElement) {
      if (textLength(up) - textLength(el) - caption.length > 0) break;
      // Another picture or player in the box is not this one's: the box stays. (Its thumbnail is in the card.)
      const others = select(up, 'img, picture, video, audio, iframe, table, ul, ol');
      const own = (o: Element): boolean =>
        o === el || el.contains(o) || (o.localName === 'img' && o.getAttribute('src') === embed.thumbnail);
      if (others.some((o) => !own(o) && !o.closest('figcaption'))) break;
      place = up;
    }
    place.replaceWith(card);
  }
}

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** Leaves classes only where they mean something to the reader (a code block's language). */
function stripClasses(root: Element): void {
  for (const el of descendants(root, (e) => e.hasAttribute('class'))) {
    if (cards.has(el)) continue;
    const keep = (el.getAttribute('class') ?? '')
      .split(/\s+/)
      .filter((c) => CODE_CLASS.test(c) && (el.localName === 'code' || el.localName === 'pre'));
    if (keep.length) el.setAttribute('class', keep.join(' '));
    else el.removeAttribute('class');
  }
}

/** Tracking pixels and spacer images that survived (e.g. ones Readability made of lazy-loading attributes). */
function dropPixels(root: Element): void {
  for (const img of select(root, 'img')) {
    if (isTrackingPixel(img)) img.remove();
  }
}

const MEDIA = new Set(['img', 'picture', 'video', 'svg', 'iframe', 'canvas', 'audio', 'object', 'embed']);
const TEXT_BLOCKS = new Set(['p', 'blockquote', 'pre', 'table', 'ul', 'ol']);

/** `el` renamed to `tag` (children and attributes moved over), in its place. */
function retag(el: Element, tag: string): Element {
  const copy = el.ownerDocument.createElement(tag);
  for (const attr of Array.from(el.attributes)) copy.setAttribute(attr.name, attr.value);
  while (el.firstChild) copy.appendChild(el.firstChild);
  el.replaceWith(copy);
  return copy;
}

/**
 * Captions and credits as `<figure>`/`<figcaption>`: a caption-named element next to an image becomes the figcaption
 * of a figure around both; credits and stray text in a figure join its figcaption; a caption whose image is gone goes
 * too. The reader shows captions with their images, and the article's running text leaves them out.
 */
function normalizeCaptions(root: Element): void {
  for (const el of descendants(root, isCaptionLike)) {
    if (!root.contains(el) || el.parentElement?.closest('figcaption')) continue;
    if (textLength(el) > MAX_CAPTION) continue;
    // The figure: an ancestor (up to three levels) holding media besides the caption, and not much more text.
    let figure: Element | null = null;
    for (let up = el.parentElement, level = 0; up && level < 3; up = up.parentElement, level++) {
      if (up.localName === 'figure') {
        figure = up;
        break;
      }
      if (up === root) break;
      if (hasDescendant(up, MEDIA, el)) {
        figure = textLength(up) <= textLength(el) + 80 ? up : null;
        break;
      }
    }
    if (!figure) {
      // A caption whose image is gone (dropped as a pixel, or never loaded) captions nothing.
      if (el.localName === 'figcaption' && !el.parentElement?.closest('figure') && !hasDescendant(el, MEDIA))
        el.remove();
      continue;
    }
    if (figure.localName !== 'figure') figure = retag(figure, 'figure');
    let caption = childElements(figure).find((c) => c.localName === 'figcaption') ?? null;
    if (!caption) {
      caption = el.ownerDocument.createElement('figcaption');
      figure.appendChild(caption);
    }
    if (el !== caption && !caption.contains(el)) {
      if (caption.textContent?.trim()) caption.appendChild(el.ownerDocument.createTextNode(' '));
      while (el.firstChild) caption.appendChild(el.firstChild);
      el.remove();
    }
  }
  // Text in a media figure outside its caption (credits, "Image copyright") belongs in the caption.
  for (const figure of select(root, 'figure')) {
    if (!hasDescendant(figure, MEDIA) || textLength(figure) > MAX_CAPTION) continue;
    if (hasDescendant(figure, TEXT_BLOCKS)) continue;
    const caption = childElements(figure).find((c) => c.localName === 'figcaption');
    const walker = figure.ownerDocument.createTreeWalker(figure, 4);
    const stray: Text[] = [];
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if ((t as Text).data.trim() && !caption?.contains(t)) stray.push(t as Text);
    }
    if (!stray.length) continue;
    const target = caption ?? figure.appendChild(figure.ownerDocument.createElement('figcaption'));
    for (const t of stray) {
      if (target.textContent?.trim()) target.appendChild(figure.ownerDocument.createTextNode(' '));
      target.appendChild(t);
    }
  }
}

/** Finishes Readability's article `root` in place; `elsewhere`: ids its links may name in the article's other parts. */
export function finishArticle(
  root: Element,
  baseUrl: string,
  canonical: string | null = null,
  elsewhere?: ReadonlySet<string>,
): void {
  normalizeMath(root);
  replaceEmbeds(root, baseUrl);
  dropPixels(root);
  captionLinesAfterImages(root);
  normalizeCaptions(root);
  removeBoilerplate(root, baseUrl, canonical);
  dropRepeatedFurniture(root);
  stripClasses(root);
  // Last, so that a link is kept in the reader only when what it points to is still there.
  keepInPageLinks(root, baseUrl, elsewhere);
}
