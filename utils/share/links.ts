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

/**
 * The link without tracking parameters, preferring the page's canonical address when it declares a valid
 * one on the web (a canonical on another protocol or a relative junk value is ignored).
 */
export function cleanUrl(source: Pick<LinkSource, 'url' | 'canonical'>): string {
  const parsed = parseHttp(source.canonical) ?? parseHttp(source.url);
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

/** The page's title, or its address when it has none. */
function titleOf(source: LinkSource): string {
  return source.title.trim() || source.url;
}

export function formatLink(format: LinkFormat, source: LinkSource): ClipboardPayload {
  const clean = cleanUrl(source);
  const title = titleOf(source);
  switch (format) {
    case 'link':
      return { text: source.url };
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
export function formatQuote(format: QuoteFormat, quoteText: string, source: LinkSource): ClipboardPayload {
  const quote = normalizeQuote(quoteText);
  const clean = cleanUrl(source);
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
