/** Checks shared by the extraction robustness tests: is an Article well formed and sanitized, is a document unchanged. */
import type { Article } from '@/utils/extract';

/** Attributes whose value is an address that a browser may load or navigate to. */
const URL_ATTRS = new Set([
  'href',
  'src',
  'xlink:href',
  'action',
  'formaction',
  'poster',
  'data',
  'cite',
  'background',
  'srcset',
  'codebase',
  'longdesc',
  'usemap',
  'ping',
]);

/** What a browser ignores at the start of, and inside, a URL's scheme (whitespace and C0 controls). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this strips
const IGNORED_IN_SCHEME = /[\u0000-\u0020]/g;

/**
 * What in `html` could run script: script elements, event-handler attributes, `javascript:` (or `vbscript:`) URLs,
 * frames with inline documents. Parsed with `win`'s DOMParser, so entities and odd spacing count as a browser reads
 * them. Empty when the HTML is clean.
 */
export function scriptHazards(html: string, win: Window & typeof globalThis): string[] {
  const doc = new win.DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  const found: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    if (el.localName === 'script') found.push('script element');
    if (el.localName === 'iframe' && el.hasAttribute('srcdoc')) found.push('iframe srcdoc');
    for (const name of el.getAttributeNames()) {
      if (/^on/i.test(name)) found.push(`${el.localName} ${name}`);
      if (!URL_ATTRS.has(name.toLowerCase())) continue;
      const value = el.getAttribute(name) ?? '';
      // A srcset is a list of addresses, each running to the next whitespace; the others are one.
      const addresses = name.toLowerCase() === 'srcset' ? value.split(/[\t\n\f\r ,]+/) : [value];
      if (addresses.some((a) => /^(?:javascript|vbscript):/.test(a.replace(IGNORED_IN_SCHEME, '').toLowerCase())))
        found.push(`${el.localName} ${name}=${value.slice(0, 40)}`);
    }
  }
  return found;
}

/** What is wrong with the shape of `article` (types, bounds, addresses); empty when nothing is. */
export function articleProblems(article: Article): string[] {
  const problems: string[] = [];
  const webOrNull = (name: string, value: string | null): void => {
    if (value !== null && !/^https?:\/\//.test(value)) problems.push(`${name} is not a web address: ${value}`);
  };
  if (typeof article.title !== 'string' || !article.title.trim()) problems.push('no title');
  if (typeof article.html !== 'string' || !article.html) problems.push('no html');
  if (typeof article.text !== 'string' || !article.text.trim()) problems.push('no text');
  if (!Number.isInteger(article.wordCount) || article.wordCount < 1) problems.push(`wordCount ${article.wordCount}`);
  if (!Number.isInteger(article.readingMinutes) || article.readingMinutes < 1)
    problems.push(`readingMinutes ${article.readingMinutes}`);
  if (![null, 'ltr', 'rtl'].includes(article.dir)) problems.push(`dir ${String(article.dir)}`);
  if (article.published !== null && !/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?$/.test(article.published))
    problems.push(`published ${article.published}`);
  webOrNull('image', article.image);
  webOrNull('canonical', article.canonical);
  return problems;
}

/**
 * Everything about a document that extraction must leave alone, as one string: every node's type, name, attributes and
 * data, in document order. Built with an explicit walk, so it works on documents nested far deeper than a serializer
 * (which recurses) can handle.
 */
export function fingerprint(doc: Document): string {
  const parts: string[] = [];
  const walker = doc.createTreeWalker(doc, 0xffffffff);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    parts.push(`${node.nodeType}:${node.nodeName}`);
    if (node.nodeType === 1) {
      const el = node as Element;
      for (const name of el.getAttributeNames()) parts.push(`@${name}=${el.getAttribute(name)}`);
    } else if (node.nodeType === 3 || node.nodeType === 8) {
      parts.push((node as CharacterData).data);
    }
    parts.push(`/${node.childNodes.length}`);
  }
  return parts.join('\u0001');
}
