/**
 * The working copy that Readability runs on (it rewrites the document it is given, so never the page itself).
 *
 * Built in one walk over the page instead of `cloneNode`: what can never be article content (scripts, styles, forms'
 * controls, hidden elements, icon SVGs, tracking pixels) is left out, lazy images get their real addresses, and
 * inline styles are not copied (DOMPurify would drop them anyway, and parsing them is much of what a clone costs).
 * A smaller copy also makes Readability itself faster.
 */
import { dropRepeatedLinkRows } from './repeats';
import { select } from './dom';
import { EMBED_MARK, isEmbedFrame } from './embeds';
import type { PageMetadata } from './metadata';
import { frameSrc, isCaptionLike, isPlaceholderSrc, MAX_CAPTION, resolveLazyMedia } from './media';
import { contentRegion } from './region';
import { isDropCap, isHidden, isUnlikely, keepQuotedPosts } from './unlikely';

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const SVG_NS = 'http://www.w3.org/2000/svg';

/** HTML elements that never carry article content. */
const DROP = new Set([
  'script',
  'style',
  'template',
  'link',
  'meta',
  'base',
  'title',
  'button',
  'input',
  'select',
  'textarea',
  'option',
  'optgroup',
  'datalist',
  'canvas',
  'dialog',
  'object',
  'embed',
  'applet',
  'param',
  'frame',
  'frameset',
  'noframes',
  'portal',
]);

/** Attributes worth copying by name: the rest of `data-*` is read while copying and then left behind. */
const VALID_ATTR = /^[a-z_][\w.:-]*$/i;
const VALID_TAG = /^[a-z][\w.-]*(?::[\w.-]+)?$/i;
/** A decorative SVG: an icon-sized one, a sprite reference, or one inside a link or button. */
function isIconSvg(svg: Element, insideLink: boolean): boolean {
  if (insideLink) return true;
  const w = parseFloat(svg.getAttribute('width') ?? '');
  const h = parseFloat(svg.getAttribute('height') ?? '');
  if ((w && w <= 64) || (h && h <= 64)) return true;
  const box = svg
    .getAttribute('viewBox')
    ?.trim()
    .split(/[\s,]+/);
  if (box?.length === 4 && Number(box[2]) <= 64 && Number(box[3]) <= 64) return true;
  const children = Array.from(svg.children);
  return children.length > 0 && children.every((c) => /^(use|title|desc|defs)$/i.test(c.localName));
}

/** The one image a `<noscript>` fallback holds, as a detached element of `out`'s document (null when none). */
function noscriptImage(noscript: Element, out: Document): Element | null {
  const imgs = select(noscript, 'img');
  if (imgs.length === 1 && (noscript.textContent ?? '').trim() === '') return imgs[0]!;
  if (noscript.children.length === 0) {
    // A page parsed with scripting on keeps the fallback as text.
    const markup = noscript.textContent ?? '';
    const src = /<img\b[^>]*?\ssrc\s*=\s*["']?([^"'\s>]+)/i.exec(markup)?.[1];
    if (!src || /<img\b[\s\S]*<img\b/i.test(markup)) return null;
    const img = out.createElement('img');
    img.setAttribute('src', src.replace(/&amp;/g, '&'));
    const alt = /\salt\s*=\s*["']([^"']*)/i.exec(markup)?.[1];
    if (alt) img.setAttribute('alt', alt);
    return img;
  }
  return null;
}

/** The image element `el` is or wraps alone (a lazy image's usual wrappers), else null. */
function soleImage(el: Element | null): Element | null {
  if (!el) return null;
  if (el.localName === 'img') return el;
  const imgs = select(el, 'img');
  return imgs.length === 1 && (el.textContent ?? '').trim() === '' ? imgs[0]! : null;
}

function lastElementChild(node: Node): Element | null {
  for (let c = node.lastChild; c; c = c.previousSibling) {
    if (c.nodeType === 1) return c as Element;
    if (c.nodeType === 3 && (c as Text).data.trim()) return null;
  }
  return null;
}

/** Elements that start a new line, so whitespace next to them is not rendered. */
const LINE_BREAKING = new Set(
  'address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul script style noscript template link meta title head body'.split(
    ' ',
  ),
);

function breaksLine(node: Node | null): boolean {
  if (!node) return true;
  if (node.nodeType === 8) return true; // a comment, left out too
  return node.nodeType === 1 && LINE_BREAKING.has((node as Element).localName);
}

/** The attributes of HTML elements worth copying: what Readability, the sanitizer's output and the reader use. */
const KEEP_ATTRS = new Set(
  'class id href src srcset sizes alt title width height colspan rowspan headers scope lang dir role aria-label aria-hidden itemprop rel datetime cite start reversed type value summary poster controls name span abbr open label kind srclang media xml:lang'.split(
    ' ',
  ),
);

/** Class names of the boxes that hold an image and its caption ("InlineImage-wrapper", "photo-embed", "media"). */
const IMAGE_BOX =
  /(?:^|[\s_-])(?:image|img|photo|picture|media|figure)|(?:image|img|photo|picture|media|figure)(?:$|[\s_-])|[a-z](?:Image|Photo|Picture|Media|Figure)/i;

/** Elements that may be captions in disguise. */
const CAPTION_TAGS = new Set(['div', 'p', 'span', 'small', 'em', 'cite']);

/**
 * The deepest nesting the working copy keeps: far more than any article needs (Chromium's HTML parser itself stops
 * nesting at 512). It also bounds the recursion of DOM implementations that walk a subtree when it is inserted.
 */
const MAX_DEPTH = 256;

interface Frame {
  /** The next child of the page to copy. */
  next: Node | null;
  /** Where its copy goes. */
  into: Node;
  /** Inside a link or button (SVGs there are icons). */
  inLink: boolean;
  inPre: boolean;
  /** Inside a table (Readability never drops unlikely-named boxes there). */
  inTable: boolean;
}

/** What a copy collects and how: the blockquotes met, and whether boxes Readability would drop are left out. */
interface CopyContext {
  /** The page's address, for its players' relative addresses. */
  base: string;
  quotes: Element[];
  skipUnlikely: boolean;
  /** How much text the boxes left out held. */
  skipped: { text: number };
}

/** Class and id of the element createLike copied last (read there anyway, so not read twice). */
const lastNames = { value: '' };

/**
 * Copies `source` (an element of the page) into `out` (a node of the working document), leaving out what can't be
 * content. An explicit stack, not recursion: pages nest thousands of elements deep.
 */
function copyChildren(source: Node, into: Node, out: Document, context: CopyContext): void {
  const stack: Frame[] = [{ next: source.firstChild, into, inLink: false, inPre: false, inTable: false }];
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    const node = frame.next;
    if (!node) {
      stack.pop();
      continue;
    }
    frame.next = node.nextSibling;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      // Whitespace between blocks renders as nothing: leaving it out makes the copy (and Readability) faster.
      if (!frame.inPre && !/\S/.test(data) && breaksLine(node.previousSibling) && breaksLine(node.nextSibling))
        continue;
      frame.into.appendChild(out.createTextNode(data));
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const ns = el.namespaceURI;
    const tag = ns === HTML_NS ? el.localName : el.localName.toLowerCase();
    if (ns === HTML_NS && DROP.has(tag)) continue;
    if (isHidden(el)) continue;
    if (tag === 'noscript') {
      copyNoscript(el, frame.into, out);
      continue;
    }
    if (ns === SVG_NS && tag === 'svg' && isIconSvg(el, frame.inLink)) continue;

    // Captions become <figcaption> here: Readability replaces a <div> holding one paragraph by that paragraph, and
    // the name that said "caption" would be lost.
    const caption =
      ns === HTML_NS &&
      CAPTION_TAGS.has(tag) &&
      isCaptionLike(el) &&
      (el.textContent?.length ?? 0) <= MAX_CAPTION &&
      !el.querySelector('img, picture, video, figure') &&
      (!!(el.parentElement?.parentElement ?? el.parentElement)?.querySelector('img, picture, video, iframe') ||
        // An image the page loads by script leaves its caption behind, in a box named for images.
        IMAGE_BOX.test(
          `${el.parentElement?.getAttribute('class') ?? ''} ${el.parentElement?.parentElement?.getAttribute('class') ?? ''} ${el.parentElement?.parentElement?.parentElement?.getAttribute('class') ?? ''}`,
        ));
    const copy = createLike(el, caption ? 'figcaption' : tag, out);
    if (!copy) continue;
    if (
      context.skipUnlikely &&
      ns === HTML_NS &&
      !frame.inTable &&
      !frame.inPre &&
      isUnlikely(el, lastNames.value, tag)
    ) {
      context.skipped.text += (el.textContent ?? '').length;
      continue;
    }
    if (tag === 'blockquote') context.quotes.push(copy);
    if (tag === 'img' || tag === 'source' || tag === 'video') {
      if (!resolveLazyMedia(el, copy, tag)) continue;
    } else if (tag === 'iframe') {
      const src = frameSrc(el);
      if (!src) continue;
      copy.setAttribute('src', src);
      // A player or an embedded post: marked so that Readability keeps it (its own list names a few sites).
      if (isEmbedFrame(src, context.base, el.getAttribute('allow') ?? '', el.hasAttribute('allowfullscreen')))
        copy.setAttribute('data-lectern-embed', EMBED_MARK);
    }
    // Past MAX_DEPTH, an element's content goes to its ancestor at that depth: later steps
    // (Readability, DOMPurify, serializers) walk the tree recursively and would run out of stack.
    const flatten = stack.length >= MAX_DEPTH && !!el.firstChild;
    if (!flatten) frame.into.appendChild(copy);
    if (el.firstChild && tag !== 'iframe') {
      stack.push({
        next: el.firstChild,
        into: flatten ? frame.into : copy,
        inLink: frame.inLink || tag === 'a' || tag === 'button',
        inPre: frame.inPre || tag === 'pre' || tag === 'code',
        inTable: frame.inTable || tag === 'table',
      });
    }
  }
}

/** A copy of `el` without children: same name and namespace, its attributes but for styles, handlers and `data-*`. */
function createLike(el: Element, tag: string, out: Document): Element | null {
  const ns = el.namespaceURI;
  let copy: Element;
  if (ns === HTML_NS) {
    copy = out.createElement(VALID_TAG.test(tag) ? tag : 'span');
  } else {
    try {
      copy = out.createElementNS(ns, el.tagName.includes(':') ? el.localName : el.tagName);
    } catch {
      return null;
    }
  }
  // getAttributeNames, not `attributes[i]`: jsdom serves the latter through a slow proxy.
  const html = ns === HTML_NS;
  lastNames.value = '';
  for (const name of el.getAttributeNames()) {
    if (html ? !KEEP_ATTRS.has(name) : name === 'style' || /^on/i.test(name) || !VALID_ATTR.test(name)) continue;
    // Readability drops what is hidden from screen readers; a drop cap is the article's first letter.
    if (name === 'aria-hidden' && isDropCap(el)) continue;
    const value = el.getAttribute(name);
    if (value === null) continue;
    if (name === 'class' || name === 'id') lastNames.value += ` ${value}`;
    try {
      copy.setAttribute(name, value);
    } catch {
      // A name the DOM won't take as an attribute is no loss.
    }
  }
  return copy;
}

/** A `<noscript>` image fallback replaces the placeholder before it, or stands in for a missing image. */
function copyNoscript(noscript: Element, into: Node, out: Document): void {
  const img = noscriptImage(noscript, out);
  if (!img) return;
  const previous = soleImage(lastElementChild(into));
  if (previous && !isPlaceholderSrc(previous.getAttribute('src'))) return;
  const copy = img.ownerDocument === out ? img : createLike(img, 'img', out);
  if (!copy || !resolveLazyMedia(img, copy, 'img')) return;
  if (previous) {
    for (const name of ['src', 'srcset', 'sizes']) {
      const value = copy.getAttribute(name);
      if (value) previous.setAttribute(name, value);
      else if (name !== 'sizes') previous.removeAttribute(name);
    }
    if (!previous.getAttribute('alt') && copy.getAttribute('alt'))
      previous.setAttribute('alt', copy.getAttribute('alt')!);
  } else {
    into.appendChild(copy);
  }
}

/** The address relative links on the page resolve against: its `<base href>` (itself relative to `url`), or `url`. */
export function baseUrlOf(doc: Document, url: string): string {
  const href = select(doc, 'base[href]')[0]?.getAttribute('href');
  if (href) {
    try {
      return new URL(href, url).href;
    } catch {
      // An unusable base is ignored, as browsers do.
    }
  }
  return url;
}

/**
 * A new document holding what of `doc` can be article content, with `<base href>` set to `baseUrl` so that Readability
 * resolves the article's links and images against the page's address (not the reader's), and the page's title,
 * metadata (`meta`, as read by readMetadata), language and direction. `doc` is only read.
 */
export function workingCopy(
  doc: Document,
  baseUrl: string,
  meta?: PageMetadata,
  { skipUnlikely = false, skipped = { text: 0 } }: { skipUnlikely?: boolean; skipped?: { text: number } } = {},
): Document {
  const out = doc.implementation.createHTMLDocument('');
  const root = doc.documentElement;
  for (const name of ['lang', 'dir', 'xml:lang']) {
    const value = root?.getAttribute(name);
    if (value && name !== 'xml:lang') out.documentElement.setAttribute(name, value);
    else if (value && !out.documentElement.hasAttribute('lang')) out.documentElement.setAttribute('lang', value);
  }
  const head = out.head;
  out.title = doc.title;
  const base = out.createElement('base');
  base.setAttribute('href', baseUrl);
  head.prepend(base);
  // What Readability reads from the head (title, byline, excerpt, site, date), from the metadata already read:
  // the page's own meta tags and JSON-LD stay behind.
  if (meta) {
    const tags: Array<[string, string | null]> = [
      ['og:title', meta.title],
      ['author', meta.byline],
      ['og:site_name', meta.siteName],
      ['og:description', meta.excerpt],
      ['article:published_time', meta.published],
    ];
    for (const [property, content] of tags) {
      if (!content) continue;
      const tag = out.createElement('meta');
      tag.setAttribute('property', property);
      tag.setAttribute('content', content);
      head.appendChild(tag);
    }
  }
  // Built detached and attached once at the end (faster in jsdom, which re-walks the ancestors of every insertion into
  // a connected tree); MAX_DEPTH bounds the subtree that the attaching walks.
  const body = out.createElement('body');
  const bodyDir = doc.body?.getAttribute('dir');
  if (bodyDir) body.setAttribute('dir', bodyDir);
  const context: CopyContext = { base: baseUrl, quotes: [], skipUnlikely, skipped };
  const region = contentRegion(doc);
  if (region) {
    const copy = createLike(region, region.localName, out);
    if (copy) {
      body.appendChild(copy);
      copyChildren(region, copy, out, context);
    }
  } else if (doc.body) {
    copyChildren(doc.body, body, out, context);
  }
  keepQuotedPosts(context.quotes);
  dropRepeatedLinkRows(body);
  out.documentElement.replaceChild(body, out.body);
  return out;
}
