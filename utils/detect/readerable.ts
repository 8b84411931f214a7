/**
 * Whether a page probably has an article: the answer of Readability's `isProbablyReaderable(doc)` with its default
 * options, found with less work. The library gathers every `p, pre, article` and every `div > br` of the document
 * before it scores them; its score only grows, so the answer is the same in any order, and this version reads the
 * paragraphs one by one from the browser's live collections and stops as soon as the score is reached — on an
 * article, after its first few paragraphs. `div > br` blocks are looked for only when the rest didn't decide.
 * Run by detect.js in every page, so it stays small and allocates little.
 */

// Readability-readerable.js 0.6.0's own patterns (the module doesn't export them).
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE = /and|article|body|column|content|main|shadow/i;
const MIN_SCORE = 20;
const MIN_LENGTH = 140;

function visible(node: Element): boolean {
  return (
    !hiddenByInlineStyle(node) &&
    !node.hasAttribute('hidden') &&
    (!node.hasAttribute('aria-hidden') ||
      node.getAttribute('aria-hidden') != 'true' ||
      (typeof node.className === 'string' && node.className.includes('fallback-image')))
  );
}

/**
 * Readability asks `node.style.display`. Only an element with a `style` attribute can have an inline display, so the
 * others are answered without touching `style`: the first `CSSStyleDeclaration` an injected script's fresh world makes
 * costs ~2 ms (its interface has hundreds of properties), more than the rest of the check.
 */
function hiddenByInlineStyle(node: Element): boolean {
  if (!node.hasAttribute('style')) return false;
  const style = (node as HTMLElement).style as CSSStyleDeclaration | undefined;
  return !!style && style.display == 'none';
}

/** What one block adds to the score (0 when it doesn't count). */
function points(node: Element): number {
  if (!visible(node)) return 0;
  const names = `${String(node.className)} ${node.id}`;
  // Most paragraphs have neither class nor id: no pattern to run (the first run of one compiles it, ~0.15 ms).
  if (names !== ' ' && UNLIKELY.test(names) && !MAYBE.test(names)) return 0;
  if (node.matches('li p')) return 0;
  const length = (node.textContent ?? '').trim().length;
  return length < MIN_LENGTH ? 0 : Math.sqrt(length - MIN_LENGTH);
}

export function isReaderable(doc: Document): boolean {
  let score = 0;
  for (const tag of ['p', 'pre', 'article']) {
    const nodes = doc.getElementsByTagName(tag);
    for (let i = 0; i < nodes.length; i++) {
      score += points(nodes[i]!);
      if (score > MIN_SCORE) return true;
    }
  }
  const brs = doc.querySelectorAll('div > br');
  const seen = new Set<Node>();
  for (let i = 0; i < brs.length; i++) {
    const parent = brs[i]!.parentNode as Element;
    if (seen.has(parent)) continue;
    seen.add(parent);
    score += points(parent);
    if (score > MIN_SCORE) return true;
  }
  return false;
}
