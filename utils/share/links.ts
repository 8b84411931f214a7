/** The link and quote formats Lectern copies. Pure: page facts in, clipboard text (and HTML) out. */

export interface LinkSource {
  /** The address in the tab. */
  url: string;
  /** The address the page declares as canonical, if any. */
  canonical?: string | null;
  title: string;
  siteName?: string | null;
}

/** What goes on the clipboard: plain text always, HTML too for rich pastes. */
export interface ClipboardPayload {
  text: string;
  html?: string;
}

export const LINK_FORMATS = ['link', 'clean-link', 'title-link', 'markdown', 'rich-link'] as const;
export type LinkFormat = (typeof LINK_FORMATS)[number];

export const QUOTE_FORMATS = ['quote', 'quote-markdown'] as const;
export type QuoteFormat = (typeof QUOTE_FORMATS)[number];

/** Query parameters that only track where a click came from. */
const TRACKING_PARAM =
  /^(utm_[a-z_]+|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|yclid|ysclid|msclkid|twclid|ttclid|li_fat_id|igshid|igsh|mc_eid|mc_cid|_ga|_gl|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|wickedid|rb_clickid|s_cid|ref_src|ref_url)$/i;

function parseHttp(url: string | null | undefined): URL | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

const bareHost = (url: URL): string => url.hostname.toLowerCase().replace(/^www\./, '');

/** The same site: the same host, or one a subdomain of the other (m.example.com and example.com). */
function sameSite(a: URL, b: URL): boolean {
  const [x, y] = [bareHost(a), bareHost(b)];
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}

/**
 * The link without tracking parameters, preferring the page's canonical address when it declares a valid one on the
 * web of the same site (a canonical on another site, another protocol or a relative junk value is ignored).
 */
export function cleanUrl(source: Pick<LinkSource, 'url' | 'canonical'>): string {
  const url = parseHttp(source.url);
  const canonical = parseHttp(source.canonical);
  const parsed = canonical && (!url || sameSite(canonical, url)) ? canonical : url;
  if (!parsed) return source.url;
  for (const key of [...parsed.searchParams.keys()]) {
    if (TRACKING_PARAM.test(key)) parsed.searchParams.delete(key);
  }
  if ([...parsed.searchParams.keys()].length === 0) parsed.search = '';
  return parsed.href;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}

/** Markdown link text with the characters that would end or break it escaped. */
function markdownText(text: string): string {
  return text.replace(/([\\[\]*_`])/g, '\\$1').replace(/\s+/g, ' ');
}

/** A URL that can stand inside Markdown's (…): spaces and parentheses encoded. */
function markdownUrl(url: string): string {
  return url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Letters and digits only, lower case: "The Guardian", "theguardian.com" and "THE-GUARDIAN" compare alike. */
const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The name in a host: "theguardian" in www.theguardian.com, "bbc" in news.bbc.co.uk. */
function hostName(url: string): string {
  const labels = (
    parseHttp(url)
      ?.hostname.toLowerCase()
      .replace(/^www\./, '') ?? ''
  ).split('.');
  labels.pop();
  if (labels.length > 1 && labels.at(-1)!.length <= 3) labels.pop();
  return labels.at(-1) ?? '';
}

/** Separators pages put between a title and their name: " | ", " - ", " — ", " · ", " :: "… */
const TITLE_SEPARATOR = /\s+(?:[|–—·•»/\\]|-{1,2}|::)\s+/;

/**
 * The page's title without the site's name that pages add to it ("Storm hits the coast | Daily Planet" → "Storm hits
 * the coast"): an end segment goes when it is the site's name (og:site_name or the host's), or a few words starting
 * with it ("BBC News" on bbc.co.uk). The title itself is never emptied.
 */
export function cleanTitle(source: Pick<LinkSource, 'title' | 'url' | 'siteName'>): string {
  const title = source.title.replace(/\s+/g, ' ').trim();
  const parts = title.split(TITLE_SEPARATOR);
  const site = squash(source.siteName ?? '');
  const host = hostName(source.url);
  const isSiteName = (part: string): boolean => {
    const name = squash(part);
    if (!name) return true;
    if (name === site || name === host || name === squash(parseHttp(source.url)?.hostname ?? '')) return true;
    return !!host && host.length >= 3 && name.startsWith(host) && part.split(' ').length <= 3;
  };
  while (parts.length > 1 && isSiteName(parts.at(-1)!)) parts.pop();
  while (parts.length > 1 && isSiteName(parts[0]!)) parts.shift();
  return rejoin(title, parts);
}

/** The kept segments as the title wrote them (with its own separators between them). */
function rejoin(title: string, parts: string[]): string {
  const start = title.indexOf(parts[0]!);
  const last = parts.at(-1)!;
  const end = title.lastIndexOf(last) + last.length;
  return start >= 0 && end > start ? title.slice(start, end) : title;
}

/** The page's clean title, or its address when it has none. */
function titleOf(source: LinkSource): string {
  return cleanTitle(source) || source.url;
}

export interface LinkOptions {
  /** "Copy link" gives the address exactly as in the tab (the user's setting) instead of the clean one. */
  exact?: boolean;
}

export function formatLink(format: LinkFormat, source: LinkSource, options: LinkOptions = {}): ClipboardPayload {
  const clean = cleanUrl(source);
  const title = titleOf(source);
  switch (format) {
    case 'link':
      return { text: options.exact ? source.url : clean };
    case 'clean-link':
      return { text: clean };
    case 'title-link':
      return { text: `${title}\n${clean}` };
    case 'markdown':
      return { text: `[${markdownText(title)}](${markdownUrl(clean)})` };
    case 'rich-link':
      return { text: `${title} ${clean}`, html: `<a href="${escapeHtml(clean)}">${escapeHtml(title)}</a>` };
  }
}

/** "Title — Site", or just the title when the site is unknown or already in it. */
function attribution(source: LinkSource): string {
  const title = titleOf(source);
  const site = source.siteName?.trim();
  return site && !title.toLowerCase().includes(site.toLowerCase()) ? `${title} — ${site}` : title;
}

/** Collapses the selection's whitespace but keeps its paragraphs. */
function normalizeQuote(quote: string): string {
  return quote
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/**
 * A quote that carries its source: the selected text, then title, site and link. `quote` gives plain text
 * and HTML (a <blockquote> with a cite link); `quote-markdown` gives Markdown.
 */
export function formatQuote(
  format: QuoteFormat,
  quoteText: string,
  source: LinkSource,
  /** A link to the passage itself (passageUrl), given instead of the page's clean address when one could be made. */
  link?: string | null,
): ClipboardPayload {
  const quote = normalizeQuote(quoteText);
  const clean = link || cleanUrl(source);
  const credit = attribution(source);
  if (format === 'quote-markdown') {
    const body = quote
      .split('\n\n')
      .map((p) => `> ${p}`)
      .join('\n>\n');
    return { text: `${body}\n\n— [${markdownText(credit)}](${markdownUrl(clean)})` };
  }
  const paragraphs = quote
    .split('\n\n')
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');
  return {
    text: `“${quote}”\n— ${credit}\n${clean}`,
    html: `<blockquote cite="${escapeHtml(clean)}">${paragraphs}</blockquote><p>— <a href="${escapeHtml(clean)}">${escapeHtml(credit)}</a></p>`,
  };
}

/** A text fragment (the `text=` directive's four parts), as text-fragments-polyfill's generator gives it. */
export interface TextFragment {
  textStart: string;
  textEnd?: string;
  prefix?: string;
  suffix?: string;
}

/** Percent-encoded as a text directive needs: `-`, `,` and `&` are its own syntax, so they are encoded too. */
const directivePart = (text: string): string =>
  encodeURIComponent(text).replace(/[-,&]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The address that opens `url` scrolled to the passage (`#:~:text=prefix-,start,end,-suffix`, the URL Fragment Text
 * Directive). A fragment directive already in the address is replaced; the page's own fragment (`#section`) is kept
 * before it, as the directive allows.
 */
export function passageUrl(url: string, fragment: TextFragment): string {
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  const own = hash < 0 ? '' : url.slice(hash + 1).split(':~:')[0]!;
  const parts = [
    fragment.prefix ? `${directivePart(fragment.prefix)}-` : null,
    directivePart(fragment.textStart),
    fragment.textEnd ? directivePart(fragment.textEnd) : null,
    fragment.suffix ? `-${directivePart(fragment.suffix)}` : null,
  ].filter((part) => part !== null);
  return `${base}#${own}:~:text=${parts.join(',')}`;
}

/** Words kept around a quote in a link made without its page (each side), and words of a long quote's start and end. */
const CONTEXT_WORDS = 3;
const EDGE_WORDS = 5;

/**
 * A text fragment for a kept quote when its page isn't at hand (the exports): the quote (its first and last words when
 * it is long), with the whole words its selector kept around it. Not checked unique: the browser takes the first match.
 */
export function quoteFragment(quote: { exact: string; prefix?: string; suffix?: string }): TextFragment {
  const words = quote.exact.trim().split(/\s+/);
  const fragment: TextFragment =
    words.length > EDGE_WORDS * 2 + 2
      ? { textStart: words.slice(0, EDGE_WORDS).join(' '), textEnd: words.slice(-EDGE_WORDS).join(' ') }
      : { textStart: words.join(' ') };
  // The kept context may start or end inside a word: only the words it has whole count, and only if the quote starts
  // (ends) at a word's edge, since the browser matches context by whole words.
  const before = (quote.prefix ?? '').split(/\s+/);
  if (/\s$/.test(quote.prefix ?? '')) {
    const whole = before.slice(1).filter(Boolean).slice(-CONTEXT_WORDS);
    if (whole.length) fragment.prefix = whole.join(' ');
  }
  const after = (quote.suffix ?? '').split(/\s+/);
  if (/^\s/.test(quote.suffix ?? '')) {
    const whole = after.slice(0, -1).filter(Boolean).slice(0, CONTEXT_WORDS);
    if (whole.length) fragment.suffix = whole.join(' ');
  }
  return fragment;
}
