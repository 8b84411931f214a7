/**
 * The next pages of a multi-page article, found by general signals only. A next page is the same article's address with
 * a higher page number ("/story/2", "?page=2", "story-2.html"; the first page often has none), on the same site, that
 * the page names as such: its `rel=next`, a link whose text is that number, or a link to the page right after whose
 * text is a forward arrow or whose markup calls it "next" (class names are code, the same in every language). Pure.
 */
import { baseUrlOf } from './prepare';

/** Page numbers above this are not pages of one article (ids, years). */
const MAX_PAGE = 99;
/**
 * A page beyond this one is not followed by an arrow alone: "/story/42" → "/story/43, Next story →" is another
 * article. (A reader opens an article at its start; the pages after it are reached one by one.)
 */
const MAX_FROM = 10;
/** Forward arrows, by direction of the page's script. */
const ARROW_LTR = /[→›»⟶▶❯⇒]|(?:^|\s)>(?:\s|$)/;
const ARROW_RTL = /[←‹«⟵◀❮⇐]|(?:^|\s)<(?:\s|$)/;
/** The longest link text taken for a "next page" link. */
const MAX_NEXT_TEXT = 40;

/**
 * The host an http(s) page is on, without a leading "www." (null for other schemes): the pages of one article are on
 * one host (stricter than boilerplate.ts's siteOf, which takes a whole registrable domain as one site).
 */
export function pageHost(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** The address as a page is known by: without its fragment and a trailing slash. */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href.replace(/\/(?=$|\?)/, '');
  } catch {
    return url;
  }
}

/** What varies between two addresses: the differing middle of each, whole numbers kept whole. */
function middles(a: string, b: string): [string, string] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  const digit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
  // A number that goes on past the common part is part of the difference ("page=12" vs "page=13").
  if (digit(a[start]) || digit(b[start])) while (start > 0 && digit(a[start - 1])) start--;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  if (digit(a[a.length - 1 - end]) || digit(b[b.length - 1 - end])) while (end > 0 && digit(a[a.length - end])) end--;
  return [a.slice(start, a.length - end), b.slice(start, b.length - end)];
}

/** "-2", "/2/", "?page=2", "&p=2", "2": a separator or short name, then the page number. */
const PAGE_PART = /^([-_/.?&]?(?:[a-z]{1,10}[-_=/]?)?)(\d{1,2})\/?$/i;

/**
 * The page numbers of two addresses of one article (the first page often has none: it counts as 1), or null when the
 * addresses differ by more than a page number or are on different sites.
 */
export function pageStep(from: string, to: string): { from: number; to: number } | null {
  const site = pageHost(from);
  if (!site || site !== pageHost(to)) return null;
  const a = new URL(from);
  const b = new URL(to);
  const [ma, mb] = middles(
    (a.pathname + a.search).replace(/\/(?=$|\?)/, ''),
    (b.pathname + b.search).replace(/\/(?=$|\?)/, ''),
  );
  if (ma === mb) return null;
  const pa = PAGE_PART.exec(ma);
  const pb = PAGE_PART.exec(mb);
  if (pa && pb && pa[1] === pb[1]) return { from: Number(pa[2]), to: Number(pb[2]) };
  if (!ma && pb) return { from: 1, to: Number(pb[2]) };
  if (pa && !mb) return { from: Number(pa[2]), to: 1 };
  return null;
}

/** Whether a link's own text or markup marks it as the way forward. */
function marksNext(a: Element, rtl: boolean): boolean {
  const text = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text.length <= MAX_NEXT_TEXT && (rtl ? ARROW_RTL : ARROW_LTR).test(text)) return true;
  const markup = [a, a.parentElement]
    .map((el) => `${el?.getAttribute('class') ?? ''} ${el?.getAttribute('id') ?? ''} ${el?.getAttribute('rel') ?? ''}`)
    .join(' ');
  return text.length <= MAX_NEXT_TEXT && /(?:^|[\s_-])next(?:$|[\s_-])/i.test(markup);
}

function resolve(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

/**
 * The addresses of the pages after `url` that `doc` links to, in reading order (the page's `rel=next` first, then by
 * page number); empty for a single-page article. Only the same article's address with another page number.
 */
export function nextPages(doc: Document, url: string): string[] {
  // The page's address (or its <base>), not the document's: the reader parses the page where it runs itself.
  const base = baseUrlOf(doc, url);
  const site = pageHost(url);
  if (!site) return [];
  const here = pageKey(url);
  const rtl = (doc.documentElement?.getAttribute('dir') ?? doc.body?.getAttribute('dir'))?.toLowerCase() === 'rtl';
  const found = new Map<string, { href: string; order: number }>();
  const add = (href: string | null, order: number): void => {
    if (!href || pageHost(href) !== site) return;
    const key = pageKey(href);
    if (key === here) return;
    const known = found.get(key);
    if (!known || order < known.order) found.set(key, { href: href.replace(/#.*$/, ''), order });
  };
  for (const el of Array.from(doc.querySelectorAll('link[rel][href], a[rel][href]'))) {
    const rel = ` ${(el.getAttribute('rel') ?? '').toLowerCase()} `;
    const href = resolve(el.getAttribute('href'), base);
    // Blogs' `rel=next` often names the next post: only the same address with a higher page number is a next page.
    const step = href && rel.includes(' next ') ? pageStep(url, href) : null;
    if (step && step.to > step.from) add(href, 0);
  }
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const href = resolve(a.getAttribute('href'), base);
    if (!href) continue;
    const step = pageStep(url, href);
    if (!step || step.to <= step.from || step.to > MAX_PAGE) continue;
    const text = (a.textContent ?? '').trim();
    // A numbered page link says its number; the way to the page right after says so by an arrow or its markup.
    if (text === String(step.to) || (step.to === step.from + 1 && step.from <= MAX_FROM && marksNext(a, rtl)))
      add(href, step.to);
  }
  return [...found.values()].sort((x, y) => x.order - y.order).map((page) => page.href);
}
