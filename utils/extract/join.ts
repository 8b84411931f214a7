/**
 * Multi-page articles: the pages after the first are fetched (by the caller's fetcher, which runs in the page's own
 * context), extracted like the first and joined into one Article. What every page repeats (a pager, "Page 2 of 3", a
 * share row, a standfirst) is left out by repetition alone. Bounded: at most MAX_PAGES pages and JOIN_BUDGET_MS in
 * all; never loops (every address is tried once, and a page whose text is one already joined is left out).
 */
import type { Article } from './article';
import { innermost } from './dom';
import { BODY_MEDIA, extractArticle, windowOf } from './extract';
import { nextPages, pageKey, pageHost } from './pagination';
import { countWords, readingMinutes } from './reading-time';
import { textOf } from './text';
import { judgeContent } from './verdict';

/** Pages of one article joined at most, the first included (pages that failed count too). */
export const MAX_PAGES = 10;
/** Time for all the pages after the first. */
export const JOIN_BUDGET_MS = 10_000;
/** Time for one page. */
export const PAGE_TIMEOUT_MS = 5_000;

/** A fetched page (its address after redirects, its markup), or why there is none ("404", "timeout", ...). */
export type FetchedPage = { url: string; html: string } | { error: string };
/** Fetches a page within `timeoutMs`; never rejects. */
export type PageFetcher = (url: string, timeoutMs: number) => Promise<FetchedPage>;

/** How many pages went into the article, and those that couldn't be had (numbered in reading order). */
export interface PagesJoined {
  joined: number;
  failed: Array<{ number: number; url: string; reason: string }>;
}

export interface JoinOptions {
  maxPages?: number;
  budgetMs?: number;
  now?: () => number;
}

/** Short blocks repeated on two pages or more are furniture; longer ones are kept once. */
const SHORT_BLOCK = 200;
/** A page counter ("Page 2 of 3", "2/3") is a short line. */
const COUNTER_LINE = 60;
const BLOCKS = new Set([
  'p',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'figcaption',
  'dt',
  'dd',
  'pre',
  'div',
]);
/** Elements that sit inside a line of text. */
const INLINE = new Set(['a', 'span', 'b', 'strong', 'em', 'i', 'small', 'sup', 'sub', 'bdi', 'mark']);
const HEADINGS = /^h[1-6]$/;

const norm = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/** A fetch that answers within `ms` whatever the fetcher does. */
async function fetchWithin(fetchPage: PageFetcher, url: string, ms: number): Promise<FetchedPage> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<FetchedPage>((resolve) => {
    timer = setTimeout(() => resolve({ error: 'timeout' }), ms + 250);
  });
  try {
    return await Promise.race([fetchPage(url, ms).catch(() => ({ error: 'network' })), late]);
  } finally {
    clearTimeout(timer);
  }
}

interface Page {
  number: number;
  url: string;
  article: Article;
}

/**
 * `first` with the pages after it joined, when `doc` (its page) links to any; `first` itself when there are none.
 * Never throws: whatever goes wrong, the pages had so far are shown and the rest named in `pages.failed`.
 */
export async function joinPages(
  first: Article,
  doc: Document,
  fetchPage: PageFetcher,
  options: JoinOptions = {},
): Promise<Article> {
  try {
    return await join(first, doc, fetchPage, options);
  } catch {
    return first;
  }
}

async function join(first: Article, doc: Document, fetchPage: PageFetcher, options: JoinOptions): Promise<Article> {
  const { maxPages = MAX_PAGES, budgetMs = JOIN_BUDGET_MS, now = Date.now } = options;
  // A page of links (search results, an index) has more pages of links, not more of an article.
  if (!first.verdict.article) return first;
  const win = windowOf(doc);
  const queue = nextPages(doc, first.url);
  if (!win || !queue.length) return first;
  const site = pageHost(first.url);
  const seen = new Set([pageKey(first.url), ...queue.map(pageKey)]);
  const pages: Page[] = [{ number: 1, url: first.url, article: first }];
  const failed: PagesJoined['failed'] = [];
  const deadline = now() + budgetMs;

  while (queue.length && pages.length + failed.length < maxPages) {
    const url = queue.shift()!;
    const number = pages.length + failed.length + 1;
    const left = deadline - now();
    if (left <= 0) {
      failed.push({ number, url, reason: 'timeout' });
      continue;
    }
    const got = await fetchWithin(fetchPage, url, Math.min(PAGE_TIMEOUT_MS, left));
    if ('error' in got) {
      failed.push({ number, url, reason: got.error });
      continue;
    }
    // A redirect to another site, or back to a page already read (a site that ignores the page number), ends here.
    if (pageHost(got.url) !== site) {
      failed.push({ number, url, reason: 'other-site' });
      continue;
    }
    const finalKey = pageKey(got.url);
    if (finalKey !== pageKey(url) && pages.some((p) => pageKey(p.url) === finalKey)) continue;
    const pageDoc = new win.DOMParser().parseFromString(got.html, 'text/html');
    const article = extractArticle(pageDoc, got.url, win);
    if (!article) {
      failed.push({ number, url, reason: 'no-article' });
      continue;
    }
    if (pages.some((p) => p.article.text === article.text)) continue;
    pages.push({ number, url: got.url, article });
    seen.add(finalKey);
    for (const next of nextPages(pageDoc, got.url)) {
      const key = pageKey(next);
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push(next);
    }
  }
  // Pages still waiting when the limit was reached are named too: the user should know the article goes on.
  for (const url of queue) failed.push({ number: pages.length + failed.length + 1, url, reason: 'limit' });
  if (pages.length === 1 && !failed.length) return first;
  return joined(first, pages, failed, seen, win);
}

/** The articles of `pages` as one, their repeated furniture and pagers left out. */
function joined(
  first: Article,
  pages: Page[],
  failed: PagesJoined['failed'],
  known: Set<string>,
  win: Window & typeof globalThis,
): Article {
  const doc = new win.DOMParser().parseFromString('<!doctype html><body></body>', 'text/html');
  const boxes = pages.map((page) => {
    const box = doc.createElement('div');
    box.innerHTML = page.article.html;
    return box;
  });
  if (pages.length > 1) {
    ownIds(boxes, pages);
    boxes.forEach((box, i) => dropPagers(box, pages[i]!.url, known));
    dropRepeats(boxes, pages);
  }
  const body = doc.body;
  for (const box of boxes) while (box.firstChild) body.appendChild(box.firstChild);
  const text = textOf(body, { skipCaptions: true });
  const media = body.querySelector(BODY_MEDIA);
  return {
    ...first,
    html: body.innerHTML,
    text,
    wordCount: countWords(text),
    readingMinutes: readingMinutes(text),
    leadImage: media ? null : first.leadImage,
    verdict: judgeContent(body),
    pages: { joined: pages.length, failed },
  };
}

/** Attributes that name ids of the same document (sanitized pages keep these). */
const ID_REFS = ['aria-describedby', 'aria-labelledby', 'aria-controls', 'aria-details', 'headers', 'for'];

/**
 * Every page numbers its own notes (`#fn1` on each), so a later page's ids that an earlier page already used get the
 * page's number (`…fn1-2`), and that page's own links and references to them follow: each mark opens its own note.
 */
function ownIds(boxes: Element[], pages: Page[]): void {
  const used = new Set<string>();
  boxes.forEach((box, i) => {
    const elements = Array.from(box.querySelectorAll('[id]'));
    const own = new Set(elements.map((el) => el.id));
    const renamed = new Map<string, string>();
    const seen = new Set<string>();
    for (const el of elements) {
      const id = el.id;
      const again = seen.has(id);
      seen.add(id);
      if (!used.has(id)) {
        used.add(id);
        continue;
      }
      const base = `${id}-${pages[i]!.number}`;
      let fresh = base;
      for (let n = 2; used.has(fresh) || own.has(fresh); n++) fresh = `${base}-${n}`;
      // A page's links reach the first element with the id (as getElementById finds it), not a repeat of it.
      if (!again) renamed.set(id, fresh);
      used.add(fresh);
      el.id = fresh;
    }
    if (!renamed.size) return;
    for (const a of Array.from(box.querySelectorAll('a[href^="#"]'))) {
      const target = fragmentOf(a.getAttribute('href')!);
      const fresh = target === null ? undefined : renamed.get(target);
      if (fresh) a.setAttribute('href', `#${encodeURIComponent(fresh)}`);
    }
    for (const attr of ID_REFS) {
      for (const el of Array.from(box.querySelectorAll(`[${attr}]`))) {
        const ids = el.getAttribute(attr)!.split(/\s+/);
        if (ids.some((id) => renamed.has(id))) el.setAttribute(attr, ids.map((id) => renamed.get(id) ?? id).join(' '));
      }
    }
  });
}

/** The id a `#…` link names (percent-decoded), or null when it can't be read. */
function fragmentOf(href: string): string | null {
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return null;
  }
}

function linkKey(a: Element, base: string): string | null {
  try {
    return pageKey(new URL(a.getAttribute('href') ?? '', base).href);
  } catch {
    return null;
  }
}

/** The pager left in a page's article: short blocks whose every link goes to a page of this article. */
function dropPagers(box: Element, url: string, known: Set<string>): void {
  const pageLink = (a: Element): boolean => {
    // A link to a place in the page (a footnote mark, its back-link) is the page's own, never a pager's.
    if (a.getAttribute('href')?.startsWith('#')) return false;
    const key = linkKey(a, url);
    return !!key && known.has(key);
  };
  for (const a of Array.from(box.querySelectorAll('a[href]'))) {
    if (!box.contains(a) || !pageLink(a)) continue;
    let el: Element = a;
    while (
      el.parentElement &&
      el.parentElement !== box &&
      norm(el.parentElement.textContent).length <= COUNTER_LINE * 2 &&
      Array.from(el.parentElement.querySelectorAll('a[href]')).every(pageLink)
    )
      el = el.parentElement;
    // A link to another page inside a sentence stays: only a line of its own is a pager.
    const parent = el.parentElement;
    if (INLINE.has(el.localName) && parent && parent !== box && norm(parent.textContent) !== norm(el.textContent))
      continue;
    el.remove();
  }
}

/** Blocks without blocks inside: the units compared across pages. */
function leafBlocks(box: Element): Element[] {
  return innermost(box, BLOCKS).filter((el) => norm(el.textContent));
}

/** A short line that holds its page's number and reads the same on other pages but for the numbers: a counter. */
function counterKey(el: Element, page: number): string | null {
  const text = norm(el.textContent);
  if (text.length > COUNTER_LINE || HEADINGS.test(el.localName)) return null;
  const numbers: string[] = text.match(/\d+/g) ?? [];
  return numbers.includes(String(page)) ? text.replace(/\d+/g, '#') : null;
}

function dropRepeats(boxes: Element[], pages: Page[]): void {
  const blocks = boxes.map(leafBlocks);
  const onPages = new Map<string, Set<number>>();
  const count = (key: string | null, i: number): void => {
    if (!key) return;
    const set = onPages.get(key) ?? new Set<number>();
    set.add(i);
    onPages.set(key, set);
  };
  blocks.forEach((list, i) => {
    for (const el of list) {
      count(norm(el.textContent), i);
      count(counterKey(el, pages[i]!.number), i);
    }
  });
  const repeated = (key: string | null): Set<number> | null => {
    const set = key ? onPages.get(key) : undefined;
    return set && set.size >= 2 ? set : null;
  };
  blocks.forEach((list, i) => {
    for (const el of list) {
      const text = norm(el.textContent);
      if (repeated(counterKey(el, pages[i]!.number))) {
        el.remove();
        continue;
      }
      const set = repeated(text);
      if (!set) continue;
      // Short repeats are the pages' furniture; a long one (a standfirst on every page) is kept where it first shows.
      if (text.length < SHORT_BLOCK || Math.min(...set) !== i) el.remove();
    }
  });
}
