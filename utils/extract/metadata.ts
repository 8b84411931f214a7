/** Page metadata beyond what Readability reports: structured data first, then meta tags, then the visible page. */
import { findDateInText, toIsoDate } from './dates';
import { select } from './dom';

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  published: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  canonical: string | null;
  /** The page's own summary (JSON-LD or meta description). */
  excerpt: string | null;
  /** The lead image the page declares (Open Graph, Twitter card, JSON-LD), as an absolute http(s) address. */
  image: string | null;
  /** The page's words for that image: its declared alt text, a caption in the JSON-LD, or the alt of its `<img>`. */
  imageAlt: string | null;
}

const ARTICLE_TYPES = /Article|BlogPosting|Report|NewsArticle|WebPage/;
const RTL_LANGS = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb']);

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || null;
  if (Array.isArray(value)) return text(value[0]);
  if (isObject(value)) return text(value['name']);
  return null;
}

/** The JSON-LD scripts of a page (one pass over its scripts). */
function jsonLdScripts(doc: Document): Element[] {
  return select(doc, 'script').filter((s) => s.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json');
}

/** Every JSON-LD object on the page, with @graph arrays flattened. Malformed blocks are skipped. */
export function jsonLdObjects(doc: Document): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 8) return;
    if (Array.isArray(node)) node.forEach((n) => visit(n, depth + 1));
    else if (isObject(node)) {
      out.push(node);
      if (Array.isArray(node['@graph'])) node['@graph'].forEach((n) => visit(n, depth + 1));
    }
  };
  for (const script of jsonLdScripts(doc)) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // A broken block on the page is not our error; other sources still count.
    }
  }
  return out;
}

const typeOf = (o: JsonObject): string => [o['@type']].flat().join(' ');

function jsonLdArticle(objects: JsonObject[]): JsonObject | null {
  return (
    objects.find((o) => /Article|BlogPosting|Report/.test(typeOf(o))) ??
    objects.find((o) => ARTICLE_TYPES.test(typeOf(o))) ??
    null
  );
}

/** The page's meta tags by lower-cased name, property, itemprop or `http-equiv:` name; the first of each counts. */
export type MetaTags = Map<string, string>;

/** Reads every meta tag in one pass over the page (a query per name costs a walk of the whole page each). */
export function metaTags(doc: Document): MetaTags {
  const tags: MetaTags = new Map();
  for (const el of select(doc, 'meta')) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    const keys = ['property', 'name', 'itemprop'].flatMap((attr) => el.getAttribute(attr)?.split(/\s+/) ?? []);
    const equiv = el.getAttribute('http-equiv');
    if (equiv) keys.push(`http-equiv:${equiv.trim()}`);
    for (const key of keys) {
      const name = key.toLowerCase();
      if (name && !tags.has(name)) tags.set(name, content);
    }
  }
  return tags;
}

function meta(tags: MetaTags, ...names: string[]): string | null {
  for (const name of names) {
    const content = tags.get(name);
    if (content) return content;
  }
  return null;
}

function authorNames(value: unknown): string | null {
  const list = [value]
    .flat()
    .map(text)
    .filter((name): name is string => !!name && !/^https?:/i.test(name));
  return list.length ? [...new Set(list)].join(', ') : null;
}

/** Separators between the parts of a byline line ("By Jane Doe | Nov. 19, 2019 · 5 min read"). */
const BYLINE_PARTS = /\s+[|·•—–]\s+|\s*[|·•]\s*/;
/** A part that is a date, a time or a reading time rather than a name. */
const NOT_A_NAME =
  /^(?:(?:updated|published|posted|modified)\b.*|\d+\s*min(?:ute)?s?(?: read)?|\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+\w{2,4})?)$/i;

/**
 * "By Jane Doe" → "Jane Doe"; also "Por …", "Автор: …", trailing separators and whitespace runs, and the date or
 * reading time that a byline line often carries ("By Jane Doe · Nov. 19, 2019").
 */
export function cleanByline(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const parts = raw.replace(/\s+/g, ' ').trim().split(BYLINE_PARTS);
  const names = parts.filter((part) => !NOT_A_NAME.test(part.trim()) && !findDateInText(part));
  const cleaned = names
    .join(' | ')
    .replace(/^\s*(by|from|written by|posted by|por|par|автор|авторы|текст)\s*[:\-–—]?\s+/i, '')
    .replace(/[\s|,;:\-–—]+$/, '')
    .trim();
  if (!cleaned || cleaned.length > 100 || /^https?:/i.test(cleaned)) return null;
  return cleaned;
}

// " | ", " - ", " — ", ": " and the like between a title and the site's name.
const SEP = '(?:\\s+[|\\-–—·•»]|\\s*:)\\s+';
const LAST_PART = new RegExp(`^(.*\\S)${SEP}([^|\\-–—:·•»]+)$`);
const FIRST_PART = new RegExp(`^([^|\\-–—:·•»]+?)${SEP}(.*\\S)$`);

const squash = (value: string): string =>
  value
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** Whether a part of a title names the site (or its host). */
function namesSite(part: string, site: string): boolean {
  const p = squash(part);
  // A part inside the site's name must be a good share of it ("Review" is not "Review-Journal").
  return p.length >= 3 && site.length >= 3 && (p.includes(site) || (site.includes(p) && p.length * 2 >= site.length));
}

/** Drops a " | Site" style suffix (or "Site: " prefix) from a title when that part names the site. */
export function cleanTitle(
  raw: string | null | undefined,
  siteName: string | null,
  host?: string | null,
): string | null {
  const title = raw?.replace(/\s+/g, ' ').trim();
  if (!title) return null;
  const sites = [siteName, host?.replace(/\.[a-z]{2,}$/i, '')].filter((s): s is string => !!s).map(squash);
  for (const site of sites) {
    const last = LAST_PART.exec(title);
    if (last && namesSite(last[2]!, site)) return cleanTitle(last[1], siteName, host);
    const first = FIRST_PART.exec(title);
    if (first && namesSite(first[1]!, site)) return first[2]!;
  }
  return title;
}

/** The site's name as the title's suffix (or prefix) writes it, when that part names the host. */
function siteFromTitle(title: string | null, host: string | null): string | null {
  if (!title || !host) return null;
  const site = squash(host.replace(/\.[a-z]{2,}$/i, ''));
  const t = title.replace(/\s+/g, ' ').trim();
  const last = LAST_PART.exec(t)?.[2]?.trim();
  if (last && namesSite(last, site)) return last;
  const first = FIRST_PART.exec(t)?.[1]?.trim();
  if (first && namesSite(first, site)) return first;
  return null;
}

const LANG_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/** "en_US" → "en-US"; null for what is not a language tag ("{{lang}}", "x"). */
export function normalizeLang(raw: string | null | undefined): string | null {
  const tag = raw
    ?.trim()
    .replace(/_/g, '-')
    .split(/[\s,;]/)[0];
  if (!tag || !LANG_TAG.test(tag)) return null;
  const [primary, ...rest] = tag.split('-');
  return [primary!.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join('-');
}

/** The writing direction a language implies. */
export function dirOfLang(lang: string | null): 'ltr' | 'rtl' | null {
  if (!lang) return null;
  return RTL_LANGS.has(lang.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/** Language and direction from the page, with the direction inferred from the language when unstated. */
function langAndDir(doc: Document, tags: MetaTags, ld: JsonObject | null): Pick<PageMetadata, 'lang' | 'dir'> {
  const root = doc.documentElement;
  const lang =
    normalizeLang(root?.getAttribute('lang')) ??
    normalizeLang(root?.getAttribute('xml:lang')) ??
    normalizeLang(text(ld?.['inLanguage'])) ??
    normalizeLang(meta(tags, 'og:locale')) ??
    normalizeLang(meta(tags, 'http-equiv:content-language', 'language', 'dc.language'));
  const stated = (root?.getAttribute('dir') ?? doc.body?.getAttribute('dir'))?.trim().toLowerCase();
  const dir = stated === 'rtl' || stated === 'ltr' ? stated : dirOfLang(lang);
  return { lang, dir };
}

function hostName(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** `href` resolved against `base` when it is an http(s) address, else null. */
export function webAddress(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const resolved = new URL(href.trim(), base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
  } catch {
    return null;
  }
}

/** The first `<link>` whose rel lists `rel`, resolved against `url`. */
function linkHref(doc: Document, rel: string, url: string): string | null {
  for (const link of select(doc, 'link')) {
    const rels = link.getAttribute('rel')?.toLowerCase().split(/\s+/) ?? [];
    if (rels.includes(rel)) return webAddress(link.getAttribute('href'), url);
  }
  return null;
}

function jsonLdImage(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return jsonLdImage(value[0]);
  if (isObject(value)) return jsonLdImage(value['url'] ?? value['contentUrl']);
  return null;
}

/** The caption a JSON-LD image object gives (ImageObject's caption, else its description). */
function jsonLdImageCaption(value: unknown): string | null {
  if (Array.isArray(value)) return jsonLdImageCaption(value[0]);
  return isObject(value) ? (text(value['caption']) ?? text(value['description'])) : null;
}

/** The alt text of an `<img>` on the page showing `image` (a hero picture outside the article, say). */
function altOfImage(doc: Document, image: string, url: string): string | null {
  for (const img of select(doc, 'img[alt]')) {
    if (webAddress(img.getAttribute('src'), url) === image) return text(img.getAttribute('alt'));
  }
  return null;
}

/** The first machine-readable publication date: a `<time>` marked as such, else the first `<time datetime>`. */
function timeElementDate(doc: Document): string | null {
  let first: string | null = null;
  for (const el of select(doc, 'time')) {
    const value = toIsoDate(el.getAttribute('datetime'));
    if (!value) continue;
    if (el.hasAttribute('pubdate') || /datePublished/i.test(el.getAttribute('itemprop') ?? '')) return value;
    first ??= value;
  }
  return first;
}

/** Where to stop looking for a date after the title: the first paragraph of body text. */
const BODY_TEXT_LENGTH = 120;
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT; NodeFilter is not a global in every DOM library.

/**
 * A date written near the article's heading ("By Jane Doe · Nov. 19, 2019"): the text just before the heading and
 * between it and the first paragraph of body text.
 */
export function visibleDate(doc: Document, title: string | null): string | null {
  const headings = select(doc, 'h1');
  if (!headings.length || !doc.body) return null;
  const wanted = title ? squash(title) : '';
  const heading =
    headings.find((h) => wanted && squash(h.textContent ?? '') === wanted) ??
    headings.find((h) => wanted && squash(h.textContent ?? '').includes(wanted.slice(0, 40))) ??
    headings[0]!;
  const skip = (node: Node): boolean => /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/i.test(node.parentNode?.nodeName ?? '');
  const walker = doc.createTreeWalker(doc.body, SHOW_TEXT);
  walker.currentNode = heading;
  const after: string[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node && length < 400; node = walker.nextNode()) {
    if (skip(node) || heading.contains(node)) continue;
    const parent = node.parentNode as Element | null;
    if (parent?.nodeName === 'P' && (parent.textContent?.length ?? 0) >= BODY_TEXT_LENGTH) break;
    const value = (node as Text).data.replace(/\s+/g, ' ').trim();
    if (!value) continue;
    after.push(value);
    length += value.length;
  }
  walker.currentNode = heading;
  const before: string[] = [];
  length = 0;
  for (let node = walker.previousNode(); node && length < 200; node = walker.previousNode()) {
    if (node.nodeType !== 3 || skip(node)) continue;
    const value = (node as Text).data.replace(/\s+/g, ' ').trim();
    before.unshift(value);
    length += value.length;
  }
  return findDateInText(after.join(' | ')) ?? findDateInText(before.join(' | '));
}

/** Reads a page's metadata. Pure: only reads `doc`. */
export function readMetadata(doc: Document, url: string): PageMetadata {
  const objects = jsonLdObjects(doc);
  const ld = jsonLdArticle(objects);
  const tags = metaTags(doc);
  const host = hostName(url);
  const website = objects.find((o) => /WebSite/.test(typeOf(o)));
  const rawTitle = text(ld?.['headline']) ?? meta(tags, 'og:title', 'twitter:title') ?? (doc.title || null);
  const siteName =
    text(ld?.['publisher']) ??
    meta(tags, 'og:site_name', 'application-name', 'twitter:site:name') ??
    text(website?.['name']) ??
    siteFromTitle(doc.title, host) ??
    host;
  const byline = cleanByline(
    authorNames(ld?.['author']) ??
      meta(tags, 'author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator'),
  );
  const title = cleanTitle(rawTitle, siteName, host);
  const published =
    toIsoDate(text(ld?.['datePublished'])) ??
    toIsoDate(
      meta(
        tags,
        'article:published_time',
        'og:published_time',
        'datepublished',
        'date',
        'pubdate',
        'publishdate',
        'publish-date',
        'dc.date.issued',
        'dc.date',
        'dcterms.created',
        'sailthru.date',
        'parsely-pub-date',
      ),
    ) ??
    toIsoDate(text(ld?.['dateCreated'])) ??
    timeElementDate(doc) ??
    visibleDate(doc, title);
  const excerpt = text(ld?.['description']) ?? meta(tags, 'og:description', 'twitter:description', 'description');
  const image = webAddress(
    meta(tags, 'og:image:secure_url', 'og:image:url', 'og:image', 'twitter:image', 'twitter:image:src') ??
      jsonLdImage(ld?.['image']) ??
      linkHref(doc, 'image_src', url),
    url,
  );
  const imageAlt = image
    ? (meta(tags, 'og:image:alt', 'twitter:image:alt') ??
      jsonLdImageCaption(ld?.['image']) ??
      altOfImage(doc, image, url))
    : null;
  return {
    title,
    byline,
    siteName,
    published,
    ...langAndDir(doc, tags, ld),
    canonical: linkHref(doc, 'canonical', url),
    excerpt: excerpt?.replace(/\s+/g, ' ').trim() || null,
    image,
    imageAlt: imageAlt?.replace(/\s+/g, ' ').trim() || null,
  };
}
