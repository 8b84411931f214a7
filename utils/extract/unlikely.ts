/**
 * What Readability drops before it looks for the article, judged as it judges: elements the page hides, and boxes whose
 * class, id or role says they are not content ("unlikely candidates"). Plus the exception Lectern makes: a box that holds
 * a post quoted from a social network.
 */

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/**
 * A drop cap: the opening letter of a paragraph in an element of its own, often hidden from screen readers (which get
 * the word whole elsewhere, in text that extraction drops as screen-reader-only). Without it the article would open
 * with "he lighthouse keeper".
 */
export function isDropCap(el: Element): boolean {
  if (!/^\s*\p{L}\s*$/u.test(el.textContent ?? '')) return false;
  for (let n = el.previousSibling; n; n = n.previousSibling) if (n.textContent?.trim()) return false;
  return /^\p{L}/u.test(el.nextSibling?.textContent ?? '');
}

/** Whether the page hides `el` from everyone (the same rule as Readability's, read from attributes alone). */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (
    el.getAttribute('aria-hidden') === 'true' &&
    !/fallback-image/.test(el.getAttribute('class') ?? '') &&
    !isDropCap(el)
  )
    return true;
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  return el.getAttribute('role') === 'dialog' && el.getAttribute('aria-modal') === 'true';
}

/** Readability's "unlikely candidates" and the names that save a box from that (Readability 0.6.0). */
export const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
export const MAYBE = /and|article|body|column|content|main|shadow/i;
export const UNLIKELY_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
]);

/**
 * Whether Readability's first attempt would remove `el` as an unlikely candidate (by its class and id, or its role),
 * so copying it is wasted. A box holding a quoted post is kept (see keepQuotedPosts).
 */
export function isUnlikely(el: Element, names: string, tag: string): boolean {
  if (tag === 'a' || tag === 'body') return false;
  const role = el.getAttribute('role');
  if (role && UNLIKELY_ROLES.has(role)) return true;
  if (!names || !UNLIKELY.test(names) || MAYBE.test(names)) return false;
  const quote = el.querySelector('blockquote');
  return !quote || (quote.textContent ?? '').trim().length < (el.textContent ?? '').trim().length * 0.8;
}

const EMBED_BOX = /social|embed|tweet|instagram|facebook/i;

/**
 * Posts quoted from social networks (a blockquote, as their embed code writes it) in the working copy: their box is
 * often named "social", which Readability takes for a share bar, and holds a few links, which its clean-up takes for a
 * link list. Such a box (holding little but the quote) loses its name, and a `<div>` becomes a `<figure>`, which
 * Readability leaves alone.
 */
export function keepQuotedPosts(quotes: Element[]): void {
  for (const quote of quotes) {
    const length = (quote.textContent ?? '').trim().length;
    let box: Element | null = quote;
    for (let level = 0; box && length && level < 3; level++) {
      const parent: Element | null = box.parentElement;
      if ((box.textContent ?? '').trim().length > length * 1.25) break;
      const names = `${box.getAttribute('class') ?? ''} ${box.id}`;
      if (EMBED_BOX.test(names) && UNLIKELY.test(names)) {
        box.removeAttribute('class');
        box.removeAttribute('id');
        if (box.localName === 'div') box.replaceWith(renamed(box, 'figure'));
      }
      box = parent;
    }
  }
}

/** `el` as a `tag` element, its attributes and children moved over (the caller puts it in place). */
function renamed(el: Element, tag: string): Element {
  const copy = el.ownerDocument.createElement(tag);
  for (const name of el.getAttributeNames()) copy.setAttribute(name, el.getAttribute(name) ?? '');
  while (el.firstChild) copy.appendChild(el.firstChild);
  return copy;
}
