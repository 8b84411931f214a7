/**
 * The working copy that Readability runs on (it rewrites the document it is given, so never the page itself).
 *
 * Built in one walk over the page instead of `cloneNode`: what can never be article content (scripts, styles, forms'
 * controls, hidden elements, icon SVGs, tracking pixels) is left out, lazy images get their real addresses, and
 * inline styles are not copied (DOMPurify would drop them anyway, and parsing them is much of what a clone costs).
 * A smaller copy also makes Readability itself faster.
 */
import { isPlaceholderSrc, resolveLazyMedia, frameSrc } from './media';

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
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/** Whether the page hides `el` from everyone (the same rule as Readability's, read from attributes alone). */
function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true' && !/fallback-image/.test(el.getAttribute('class') ?? '')) return true;
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  return el.getAttribute('role') === 'dialog' && el.getAttribute('aria-modal') === 'true';
}

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
  const imgs = noscript.getElementsByTagName('img');
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
  const imgs = el.getElementsByTagName('img');
  return imgs.length === 1 && (el.textContent ?? '').trim() === '' ? imgs[0]! : null;
}

function lastElementChild(node: Node): Element | null {
  for (let c = node.lastChild; c; c = c.previousSibling) {
    if (c.nodeType === 1) return c as Element;
    if (c.nodeType === 3 && (c as Text).data.trim()) return null;
  }
  return null;
}

interface Frame {
  /** The next child of the page to copy. */
  next: Node | null;
  /** Where its copy goes. */
  into: Node;
  /** Inside a link or button (SVGs there are icons). */
  inLink: boolean;
  inPre: boolean;
}

/**
 * Copies `source` (an element of the page) into `out` (a node of the working document), leaving out what can't be
 * content. An explicit stack, not recursion: pages nest thousands of elements deep.
 */
function copyChildren(source: Node, into: Node, out: Document): void {
  const stack: Frame[] = [{ next: source.firstChild, into, inLink: false, inPre: false }];
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    const node = frame.next;
    if (!node) {
      stack.pop();
      continue;
    }
    frame.next = node.nextSibling;
    if (node.nodeType === 3) {
      frame.into.appendChild(out.createTextNode((node as Text).data));
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

    const copy = createLike(el, tag, out);
    if (!copy) continue;
    if (tag === 'img' || tag === 'source' || tag === 'video') {
      if (!resolveLazyMedia(el, copy, tag)) continue;
    } else if (tag === 'iframe') {
      const src = frameSrc(el);
      if (!src) continue;
      copy.setAttribute('src', src);
    }
    frame.into.appendChild(copy);
    if (el.firstChild && tag !== 'iframe') {
      stack.push({
        next: el.firstChild,
        into: copy,
        inLink: frame.inLink || tag === 'a' || tag === 'button',
        inPre: frame.inPre || tag === 'pre' || tag === 'code',
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
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const attr = attrs[i]!;
    const name = attr.name;
    if (name === 'style' || name.startsWith('on') || name.startsWith('data-') || !VALID_ATTR.test(name)) continue;
    if (attr.namespaceURI) {
      try {
        copy.setAttributeNS(attr.namespaceURI, name, attr.value);
      } catch {
        // A namespaced attribute the DOM won't take is no loss.
      }
    } else {
      copy.setAttribute(name, attr.value);
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

const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE = /and|article|body|column|content|main|shadow/i;
const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);
const COMMAS = /\u002C|\u060C|\uFE50|\uFE10|\uFE11|\u2E41|\u2E34|\u2E32|\uFF0C/g;
/** Levels above the best-scoring container that the working copy keeps, so Readability still sees its siblings. */
const REGION_LEVELS = 3;
/** Below this much paragraph score the page is not scanned for a region: Readability gets all of it. */
const MIN_REGION_SCORE = 20;

/**
 * Where the article must be: the container that holds most of the page's paragraph text (scored as Readability scores
 * paragraphs: length and commas, shared with a few levels of ancestors), then a few levels up. Only paragraphs and
 * their ancestors are read, never the whole page, so this costs little; null when the page gives too little to go on.
 */
export function contentRegion(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const excluded = new Map<Element, boolean>();
  const isExcluded = (el: Element): boolean => {
    const chain: Element[] = [];
    let result = false;
    for (let node: Element | null = el; node && node !== body; node = node.parentElement) {
      const known = excluded.get(node);
      if (known !== undefined) {
        result = known;
        break;
      }
      chain.push(node);
      const match = `${node.getAttribute('class') ?? ''} ${node.id}`;
      if (
        isHidden(node) ||
        (UNLIKELY.test(match) && !MAYBE.test(match) && node.localName !== 'a') ||
        UNLIKELY_ROLES.has(node.getAttribute('role') ?? '')
      ) {
        result = true;
        break;
      }
    }
    for (const node of chain) excluded.set(node, result);
    return result;
  };
  const scores = new Map<Element, number>();
  let total = 0;
  const score = (el: Element): void => {
    const text = el.textContent ?? '';
    const length = text.trim().length;
    if (length < 25 || isExcluded(el)) return;
    const points = 1 + text.split(COMMAS).length + Math.min(Math.floor(length / 100), 3);
    total += points;
    let node = el.parentElement;
    for (let level = 0; level < 5 && node && node !== body; level++, node = node.parentElement) {
      scores.set(node, (scores.get(node) ?? 0) + points / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
    }
  };
  for (const tag of ['p', 'pre']) for (const el of Array.from(doc.getElementsByTagName(tag))) score(el);
  // Text written as <div>…<br><br>…</div> has no paragraphs: its containers count as one.
  const brParents = new Set<Element>();
  for (const br of Array.from(doc.getElementsByTagName('br'))) {
    const parent = br.parentElement;
    if (parent && parent !== body && parent.localName !== 'p') brParents.add(parent);
  }
  for (const parent of brParents) if (!parent.getElementsByTagName('p').length) score(parent);
  if (total < MIN_REGION_SCORE || !scores.size) return null;

  const ranked = [...scores].sort((a, b) => b[1] - a[1]).slice(0, 5);
  const linkDensity = (el: Element): number => {
    const length = (el.textContent ?? '').length || 1;
    let links = 0;
    for (const a of Array.from(el.getElementsByTagName('a'))) links += (a.textContent ?? '').length;
    return links / length;
  };
  const weighed = ranked.map(([el, s]) => [el, s * (1 - linkDensity(el))] as const).sort((a, b) => b[1] - a[1]);
  const [best, bestScore] = weighed[0]!;
  let region: Element = best;
  for (let i = 0; i < REGION_LEVELS && region.parentElement && region !== body; i++) region = region.parentElement;
  // Close rivals (as Readability weighs them) must be inside too.
  for (const [el, s] of weighed.slice(1)) {
    if (s < bestScore * 0.75) continue;
    while (region !== body && region.parentElement && !region.contains(el)) region = region.parentElement;
  }
  return region === body || region === doc.documentElement ? null : region;
}

/** The address relative links on the page resolve against: its `<base href>` (itself relative to `url`), or `url`. */
export function baseUrlOf(doc: Document, url: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
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
 * resolves the article's links and images against the page's address (not the reader's), and the page's title, meta
 * tags, language and direction for its metadata. `doc` is only read.
 */
export function workingCopy(doc: Document, baseUrl: string): Document {
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
  for (const m of Array.from(doc.getElementsByTagName('meta'))) {
    const content = m.getAttribute('content');
    if (!content) continue;
    const copy = out.createElement('meta');
    for (const name of ['name', 'property', 'content']) {
      const value = m.getAttribute(name);
      if (value !== null) copy.setAttribute(name, value);
    }
    head.appendChild(copy);
  }
  // Readability reads the title, byline and dates of JSON-LD too, and uses the title to drop its repeat in the body.
  for (const script of Array.from(doc.getElementsByTagName('script'))) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    const copy = out.createElement('script');
    copy.setAttribute('type', 'application/ld+json');
    copy.textContent = script.textContent;
    head.appendChild(copy);
  }
  const body = out.createElement('body');
  const bodyDir = doc.body?.getAttribute('dir');
  if (bodyDir) body.setAttribute('dir', bodyDir);
  const region = contentRegion(doc);
  if (region) {
    const copy = createLike(region, region.localName, out);
    if (copy) {
      body.appendChild(copy);
      copyChildren(region, copy, out);
    }
  } else if (doc.body) {
    copyChildren(doc.body, body, out);
  }
  out.documentElement.replaceChild(body, out.body);
  return out;
}
