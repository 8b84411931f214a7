/**
 * Page furniture that Readability keeps inside articles: share and newsletter boxes, related-story lists, ad labels,
 * screen-reader labels, datelines and bylines above the text, author blurbs and calls to action below it.
 *
 * General rules only, the same for every site: names that sites give such boxes (class, id, role, aria-label), link
 * density, and short lines whose whole text is a stock phrase. Nothing names a site. A rule never removes an element
 * that holds a large share of the article's text, so a badly named article container survives.
 */
import { descendants, hasDescendant, select, textLength } from './dom';
import {
  AD_LINE,
  BYLINE,
  CALL_TO_ACTION,
  CLOSING_LINE,
  isDateline,
  LIST_HEADING,
  OPENING_NOTICE,
  PROMO_LEAD,
} from './furniture-lines';

/** Words in class names and ids of furniture ("article-share-bar", "newsletter_signup", "relatedStories"). */
const FURNITURE_WORDS = new Set([
  'share',
  'sharing',
  'sharebar',
  'social',
  'socials',
  'newsletter',
  'newsletters',
  'subscribe',
  'subscription',
  'signup',
  'related',
  'recommended',
  'recommendations',
  'recirculation',
  'recirc',
  'readmore',
  'promo',
  'promotion',
  'advert',
  'advertisement',
  'advertising',
  'ads',
  'adslot',
  'adunit',
  'sponsored',
  'outbrain',
  'taboola',
  'comments',
  'comment',
  'disqus',
  'breadcrumb',
  'breadcrumbs',
  'tags',
  'taglist',
  'topics',
  'paywall',
  'donate',
  'donation',
  'cta',
  'trending',
  'popular',
  'mostread',
  'mostpopular',
  'toolbar',
  'tools',
  'byline',
  'dateline',
  'timestamp',
  'author',
  'authors',
  'bio',
  'rating',
  'reactions',
  'follow',
  'print',
  'nav',
  'navigation',
  'menu',
  'pagination',
  'widget',
  'sidebar',
  'signin',
  'login',
  'affiliate',
]);

/** Text hidden from sight for screen readers only ("Image caption", "Share this with"). */
const SCREEN_READER_ONLY =
  /(?:^|\s)(?:sr-only|screen-reader-text|screenreader|visually-?hidden|visuallyhidden|off-?screen|a11y-hidden|element-invisible|u-hidden|hidden|hide|invisible)(?:\s|$)/i;

/** Splits class names and ids into lower-case words: "articleShare-bar_top" → article, share, bar, top. */
function words(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const FURNITURE_PAIRS =
  /^(?:readmore|signup|mostread|mostpopular|adslot|adunit|adcontainer|adwrapper|morestories|morenews|relatedlinks|seealso|alsoread|editorspicks)$/;

/** Names that mark furniture even on a paragraph of prose. */
const STRONG_WORDS = new Set([
  'share',
  'sharing',
  'social',
  'newsletter',
  'newsletters',
  'subscribe',
  'subscription',
  'signup',
  'advert',
  'advertisement',
  'advertising',
  'ads',
  'sponsored',
  'outbrain',
  'taboola',
  'comment',
  'comments',
  'disqus',
  'paywall',
  'donate',
]);

/** Whether the class or id of `el` names furniture; `strong`: only the names that hold even for prose. */
function namesFurniture(el: Element, strong = false): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
  if (!names.trim()) return false;
  const list = words(names);
  for (let i = 0; i < list.length; i++) {
    const word = list[i]!;
    if ((strong ? STRONG_WORDS : FURNITURE_WORDS).has(word)) return true;
    if (strong) continue;
    // Two-word names: "read more", "sign up", "most read", "ad slot", "more stories".
    if (FURNITURE_PAIRS.test(word + (list[i + 1] ?? ''))) return true;
  }
  return false;
}

const FURNITURE_ROLES = new Set(['navigation', 'complementary', 'menu', 'menubar', 'toolbar', 'banner', 'contentinfo']);
const FURNITURE_LABEL =
  /\b(?:share|social|newsletter|subscribe|related|advertisement|sponsored|breadcrumb|comments?)\b/i;
/** Elements that are content by nature, whatever their class says. */
const NEVER_FURNITURE = new Set(['a', 'figure', 'figcaption', 'img', 'picture', 'table', 'pre', 'code', 'math']);

/** The part of a host name that a site owns: "www.news.example.co.uk" → "example.co.uk". */
export function siteOf(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  const secondLevel =
    labels.length >= 3 && /^(?:co|com|org|net|ac|gov|edu|gv|or|ne|go)$/.test(labels[labels.length - 2]!);
  return labels.slice(secondLevel ? -3 : -2).join('.');
}

/** Links under an element: how many, how much of its text, and how much of that leads elsewhere on the same site. */
interface LinkStats {
  count: number;
  text: number;
  sameSite: number;
}

/**
 * Link statistics of every element under `root`, summed bottom-up in one pass. Off-site links (sources, shops,
 * quoted posts) are told apart from same-site ones (navigation, related stories), which is what link lists are made of.
 */
function linkStats(all: Element[], root: Element, sites: ReadonlySet<string>): Map<Element, LinkStats> {
  const stats = new Map<Element, LinkStats>();
  const of = (el: Element): LinkStats => {
    let s = stats.get(el);
    if (!s) stats.set(el, (s = { count: 0, text: 0, sameSite: 0 }));
    return s;
  };
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!;
    const own = of(el);
    if (el.localName === 'a') {
      const length = textLength(el);
      own.count += 1;
      own.text = length;
      own.sameSite = isSameSite(el.getAttribute('href'), sites) ? length : 0;
    }
    const parent = el.parentElement;
    if (parent && parent !== root) {
      const up = of(parent);
      up.count += own.count;
      up.text += own.text;
      up.sameSite += own.sameSite;
    }
  }
  return stats;
}

function isSameSite(href: string | null, sites: ReadonlySet<string>): boolean {
  if (!sites.size || !href || !/^https?:/i.test(href)) return true;
  try {
    return sites.has(siteOf(new URL(href).hostname));
  } catch {
    return true;
  }
}

/** Block-level elements: the units of "a line" of an article. */
const BLOCK = new Set(
  'address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr td th ul details summary'.split(
    ' ',
  ),
);

function hasBlockChild(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (BLOCK.has(c.localName)) return true;
  return false;
}

/** Blocks that hold text but no other block: what a reader sees as one line or paragraph, in document order. */
function leafBlocks(root: Element): Element[] {
  return descendants(root, (el) => BLOCK.has(el.localName) && !hasBlockChild(el));
}

const collapsed = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

function siteOfUrl(url: string): string | null {
  try {
    return siteOf(new URL(url).hostname);
  } catch {
    return null;
  }
}

/**
 * Removes page furniture from Readability's article `root` (whose elements still carry their class names), in place.
 * Returns how many elements went; `onRemove` hears of each, with the rule that took it.
 */
export function removeBoilerplate(
  root: Element,
  pageUrl: string,
  canonical: string | null = null,
  onRemove?: (el: Element, rule: string) => void,
): number {
  // The page's own site is where it is read from and where it says it lives (its canonical address), so the same
  // page read from a copy, a cache or another host keeps the same links for its own.
  const sites = new Set([siteOfUrl(pageUrl), canonical && siteOfUrl(canonical)].filter((s): s is string => !!s));
  const total = textLength(root);
  // Never more than this much text at once: a misnamed article container must survive.
  const limit = Math.max(200, total * 0.3);
  let removed = 0;
  const gone = new Set<Element>();
  const remove = (el: Element, rule: string): void => {
    onRemove?.(el, rule);
    el.remove();
    gone.add(el);
    removed++;
  };
  const isGone = (el: Element): boolean => {
    for (let e: Element | null = el; e && e !== root; e = e.parentElement) if (gone.has(e)) return true;
    return false;
  };

  const all = descendants(root);
  const links = linkStats(all, root, sites);
  const sameSiteDensity = (el: Element, length: number): number => (links.get(el)?.sameSite ?? 0) / (length || 1);
  /** Link statistics of `el` as it is now, after earlier removals. */
  const liveLinks = (el: Element): LinkStats => {
    const sum: LinkStats = { count: 0, text: 0, sameSite: 0 };
    for (const a of select(el, 'a')) {
      const s = links.get(a);
      if (!s) continue;
      sum.count += 1;
      sum.text += s.text;
      sum.sameSite += s.sameSite;
    }
    return sum;
  };

  // Screen-reader-only text, named furniture, furniture roles and labels.
  for (const el of all) {
    if (isGone(el)) continue;
    const cls = el.getAttribute('class') ?? '';
    if (SCREEN_READER_ONLY.test(cls) && textLength(el, 200) < 200) {
      remove(el, 'sr');
      continue;
    }
    if (NEVER_FURNITURE.has(el.localName)) continue;
    const role = el.getAttribute('role');
    const label = el.getAttribute('aria-label');
    if (namesFurniture(el) || (role && FURNITURE_ROLES.has(role)) || (label && FURNITURE_LABEL.test(label))) {
      const length = textLength(el);
      const linkText = links.get(el)?.text ?? 0;
      const dense = length > 0 && linkText / length > 0.5;
      // A paragraph of prose is content unless its name says furniture outright ("article-promo" is a lead).
      const prose = el.localName === 'p' && length >= 150 && linkText / length < 0.3;
      if (prose && !namesFurniture(el, true)) continue;
      if (isEmbeddedPost(el, length)) continue;
      if (length <= limit || (dense && length <= total * 0.5)) remove(el, 'named');
    }
  }

  // Pop-up cards inside sentences (a person's photo and latest stories, shown on hover); innermost first, so the
  // name that opens the card stays.
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!;
    if ((el.localName !== 'span' && el.localName !== 'div') || isGone(el)) continue;
    const stats = links.get(el);
    if (!stats || stats.count < 2 || !hasDescendant(el, IMAGES) || !el.parentElement?.closest('p')) continue;
    const length = textLength(el);
    if (length && liveLinks(el).text / length > 0.8) remove(el, 'card');
  }

  // Lines: ad labels, copies of captions, promoted links, link lists and their headings.
  const captions = captionTexts(root);
  const blocks = leafBlocks(root).filter((b) => !isGone(b));
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (isGone(block)) continue;
    const text = collapsed(block);
    const length = text.length;
    if (!length) continue;
    if (length < 80 && AD_LINE.test(text)) remove(block, 'adline');
    else if (isCaptionCopy(block, text, captions)) remove(block, 'captioncopy');
    else if (length < 200 && PROMO_LEAD.test(text) && liveLinks(block).text / length > 0.5) remove(block, 'promo');
    else if (isHeadlineLink(block, text, sites)) remove(block, 'headline');
    else if (length < 60 && LIST_HEADING.test(text) && block.localName !== 'li') {
      remove(block, 'listhead');
      // The list it heads: the following lines while they are mostly links.
      for (let j = i + 1; j < blocks.length; j++) {
        const next = blocks[j]!;
        // Capped: past 250 the list has ended, whatever the length.
        const nextLength = textLength(next, 250);
        if (!nextLength) continue;
        if (nextLength > 250 || liveLinks(next).text / nextLength < 0.6) break;
        remove(next, 'listitem');
        i = j;
      }
    }
  }

  // Call-to-action boxes amid the text ("Subscribe to … and stay smart"): a small box all of whose lines are such calls.
  for (const el of all) {
    if (!CTA_BOXES.has(el.localName) || isGone(el)) continue;
    const length = textLength(el, 250);
    if (!length || length > 250) continue;
    const lines = leafBlocks(el).map(collapsed).filter(Boolean);
    if (lines.length >= 2 && lines.every((line) => AD_LINE.test(line) || CALL_TO_ACTION.test(line))) remove(el, 'cta');
  }

  // Link lists: blocks of several links to the same site and little else (off-site links are sources, deals, quotes).
  for (const el of all) {
    if (!LIST_CONTAINERS.has(el.localName)) continue;
    const stats = links.get(el);
    if (!stats || stats.count < 2 || isGone(el)) continue;
    const length = textLength(el);
    if (!length || length > limit) continue;
    if (sameSiteDensity(el, length) <= 0.6) continue; // counted before removals: at least the live figure
    const live = liveLinks(el);
    const density = live.sameSite / length;
    if (density > 0.8 || (live.count >= 3 && density > 0.6)) remove(el, 'links');
  }

  trimEdges(root, total, (el, length) => liveLinks(el).sameSite / (length || 1), remove);
  return removed;
}

const IMAGES = new Set(['img']);

/**
 * A paragraph that is nothing but a link to another story of the same site, its headline as the link's text (no
 * sentence: no closing punctuation): an inline "read also" without the words.
 */
function isHeadlineLink(block: Element, text: string, sites: ReadonlySet<string>): boolean {
  if (block.localName !== 'p' || text.length > 150 || /[.!?:;,]$/.test(text)) return false;
  const links = select(block, 'a');
  if (links.length !== 1) return false;
  const link = links[0]!;
  const href = link.getAttribute('href');
  if (!href || !/^https?:/i.test(href) || !isSameSite(href, sites) || collapsed(link) !== text) return false;
  return text.split(' ').length >= 4;
}
const CTA_BOXES = new Set(['div', 'aside', 'section']);
/**
 * A post quoted from a social network (a tweet, an Instagram or Facebook post) as its embed code writes it: a
 * blockquote, often in a box named "social", holding most of the box's text. The article quotes it; it is content.
 */
function isEmbeddedPost(el: Element, length: number): boolean {
  if (!length) return false;
  const quote = el.localName === 'blockquote' ? el : el.querySelector('blockquote');
  return !!quote && textLength(quote) >= length * 0.8 && !!quote.querySelector('p, a');
}

/**
 * Shortest caption or image description worth comparing lines with: a description, not a name (a heading in a list of
 * products may well repeat its picture's alt text).
 */
const MIN_CAPTION_COPY = 50;

/** The article's captions and image descriptions, lower-cased with collapsed whitespace. */
function captionTexts(root: Element): string[] {
  const texts: string[] = [];
  for (const el of select(root, 'figcaption, img[alt]')) {
    const text = (el.localName === 'img' ? (el.getAttribute('alt') ?? '') : (el.textContent ?? ''))
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
    if (text.length >= MIN_CAPTION_COPY) texts.push(text);
  }
  return texts;
}

/**
 * A line outside any caption that repeats a caption or an image's description, whole or cut short ("… more"): the
 * copies that slideshows and image viewers keep of their captions.
 */
function isCaptionCopy(block: Element, text: string, captions: string[]): boolean {
  if (!captions.length || /^h[1-6]$/.test(block.localName) || block.closest('figcaption')) return false;
  const line = text
    .replace(/\s*(?:\.{3}|…)?\s*(?:more|less|read more|show more|show less)$/i, '')
    .replace(/\s*(?:\.{3}|…)$/, '')
    .toLowerCase();
  if (line.length < MIN_CAPTION_COPY) return false;
  return captions.some((c) => c.startsWith(line) || (line.startsWith(c) && line.length <= c.length + 40));
}
const LIST_CONTAINERS = new Set(['ul', 'ol', 'div', 'section', 'aside', 'nav', 'p', 'table']);

/** Furniture before the first paragraph (datelines, bylines, breadcrumbs, kickers) and after the last. */
function trimEdges(
  root: Element,
  total: number,
  sameSiteDensity: (el: Element, length: number) => number,
  remove: (el: Element, rule: string) => void,
): void {
  let budget = total * 0.25;
  const junkAtStart = (block: Element, text: string): boolean => {
    const length = text.length;
    if (isDateline(text)) return true;
    if (length < 100 && BYLINE.test(text)) return true;
    if (length < 300 && OPENING_NOTICE.test(text)) return true;
    if (length < 150 && sameSiteDensity(block, length) > 0.7) return true;
    // A kicker or section name: a couple of words, no sentence.
    return length < 30 && !/[.!?:;]$/.test(text) && text.split(/\s+/).length <= 3 && !/^h[1-6]$/.test(block.localName);
  };
  const junkAtEnd = (block: Element, text: string): boolean => {
    const length = text.length;
    if (length < 300 && CLOSING_LINE.test(text)) return true;
    if (length < 150 && sameSiteDensity(block, length) > 0.7) return true;
    // "More stories" lists end articles: items that each link a story of the same site, with a few words around it.
    if (block.localName === 'li' && length < 150 && sameSiteDensity(block, length) > 0.3) return true;
    if (isDateline(text)) return true;
    return length < 40 && LIST_HEADING.test(text);
  };
  for (const [fromEnd, isJunk] of [
    [false, junkAtStart],
    [true, junkAtEnd],
  ] as const) {
    const blocks = leafBlocks(root);
    if (fromEnd) blocks.reverse();
    let seen = 0;
    for (const block of blocks) {
      const text = collapsed(block);
      if (!text) continue; // images and empty wrappers don't end the edge
      // A quotation (a quoted post and its attribution) is the article's own content, wherever it stands.
      if (++seen > 8 || text.length > budget || block.closest('blockquote') || !isJunk(block, text)) break;
      budget -= text.length;
      remove(block, fromEnd ? 'end' : 'start');
    }
  }
}
