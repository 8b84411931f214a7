/** Page metadata beyond what Readability reports: structured data first, then meta tags, then the visible page. */

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  published: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  canonical: string | null;
}

const ARTICLE_TYPES = /Article|BlogPosting|Report|NewsArticle|WebPage/;
const RTL_LANGS = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb']);

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return text(value[0]);
  if (isObject(value)) return text(value['name']);
  return null;
}

/** Every JSON-LD object on the page, with @graph arrays flattened. Malformed blocks are skipped. */
export function jsonLdObjects(doc: Document): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isObject(node)) {
      out.push(node);
      if (Array.isArray(node['@graph'])) node['@graph'].forEach(visit);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken block on the page is not our error; other sources still count.
    }
  }
  return out;
}

function jsonLdArticle(doc: Document): JsonObject | null {
  const objects = jsonLdObjects(doc);
  const typed = (o: JsonObject): string => [o['@type']].flat().join(' ');
  return (
    objects.find((o) => /Article|BlogPosting|Report/.test(typed(o))) ??
    objects.find((o) => ARTICLE_TYPES.test(typed(o))) ??
    null
  );
}

function meta(doc: Document, ...names: string[]): string | null {
  for (const name of names) {
    const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const content = el?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

function authorNames(value: unknown): string | null {
  const list = [value]
    .flat()
    .map(text)
    .filter((name): name is string => !!name);
  return list.length ? [...new Set(list)].join(', ') : null;
}

/** "By Jane Doe" → "Jane Doe"; also "Автор: …", trailing separators and whitespace runs. */
export function cleanByline(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const cleaned = raw
    .replace(/\s+/g, ' ')
    .replace(/^\s*(by|from|written by|posted by|автор|авторы|текст)\s*[:\-–—]?\s+/i, '')
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

/** Drops a " | Site" style suffix (or "Site: " prefix) from a title when that part names the site. */
export function cleanTitle(raw: string | null | undefined, siteName: string | null): string | null {
  const title = raw?.replace(/\s+/g, ' ').trim();
  if (!title) return null;
  const site = siteName ? squash(siteName) : '';
  const namesSite = (part: string): boolean => {
    const p = squash(part);
    return p.length >= 3 && (p === site || site.includes(p) || p.includes(site));
  };
  if (!site) return title;
  const last = LAST_PART.exec(title);
  if (last && namesSite(last[2]!)) return last[1]!;
  const first = FIRST_PART.exec(title);
  if (first && namesSite(first[1]!)) return first[2]!;
  return title;
}

/** A date string in any common form → ISO 8601, or null when it is not a plausible date. */
export function toIsoDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = raw.trim();
  if (!value) return null;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  const year = new Date(time).getUTCFullYear();
  if (year < 1990 || year > 2100) return null;
  return dateOnly ? value : new Date(time).toISOString();
}

/** Language and direction from the page, with the direction inferred from the language when unstated. */
function langAndDir(doc: Document): Pick<PageMetadata, 'lang' | 'dir'> {
  const root = doc.documentElement;
  const lang =
    root?.getAttribute('lang')?.trim() ||
    root?.getAttribute('xml:lang')?.trim() ||
    meta(doc, 'og:locale')?.replace('_', '-') ||
    doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')?.trim() ||
    null;
  const stated = (root?.getAttribute('dir') ?? doc.body?.getAttribute('dir'))?.toLowerCase();
  const primary = lang?.split(/[-_]/)[0]?.toLowerCase() ?? '';
  const dir = stated === 'rtl' || stated === 'ltr' ? stated : lang ? (RTL_LANGS.has(primary) ? 'rtl' : 'ltr') : null;
  return { lang, dir };
}

function hostName(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** The page's declared canonical address, resolved against `url`; only http(s) addresses count. */
function canonicalOf(doc: Document, url: string): string | null {
  const href = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href');
  if (!href) return null;
  try {
    const resolved = new URL(href, url);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
  } catch {
    return null;
  }
}

/** Reads a page's metadata. Pure: only reads `doc`. */
export function readMetadata(doc: Document, url: string): PageMetadata {
  const ld = jsonLdArticle(doc);
  const siteName =
    text(ld?.['publisher']) ?? meta(doc, 'og:site_name', 'application-name', 'twitter:site:name') ?? hostName(url);
  const rawTitle = text(ld?.['headline']) ?? meta(doc, 'og:title', 'twitter:title') ?? doc.title;
  const byline = cleanByline(
    authorNames(ld?.['author']) ?? meta(doc, 'author', 'article:author', 'byl', 'parsely-author', 'sailthru.author'),
  );
  const timeEl = doc.querySelector('article time[datetime], time[datetime][pubdate], time[datetime]');
  const published = toIsoDate(
    text(ld?.['datePublished']) ??
      meta(
        doc,
        'article:published_time',
        'datePublished',
        'date',
        'pubdate',
        'publishdate',
        'DC.date.issued',
        'sailthru.date',
      ) ??
      timeEl?.getAttribute('datetime'),
  );
  return {
    title: cleanTitle(rawTitle, siteName),
    byline,
    siteName,
    published,
    ...langAndDir(doc),
    canonical: canonicalOf(doc, url),
  };
}
