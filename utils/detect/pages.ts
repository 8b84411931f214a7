/** Which pages Lectern can read, and why not when it can't. Pure. */
import type { MessageKey } from '@/utils/browser';

export type Unavailable =
  'browser-page' | 'store-page' | 'not-web' | 'load-failed' | 'not-article' | 'page-loading' | 'pdf';

const STORE_HOSTS = [
  'chromewebstore.google.com',
  'chrome.google.com',
  'addons.mozilla.org',
  'microsoftedge.microsoft.com',
];

/** Why extensions can't run on `url` at all, or null when they can. */
export function restrictedReason(url: string | undefined): Unavailable | null {
  if (!url) return 'browser-page';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'browser-page';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return parsed.protocol === 'file:' ? 'not-web' : 'browser-page';
  }
  if (
    STORE_HOSTS.includes(parsed.hostname) &&
    !(parsed.hostname === 'chrome.google.com' && !parsed.pathname.startsWith('/webstore'))
  ) {
    return 'store-page';
  }
  return null;
}

/** The host name without "www.", for display. */
export function displayHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** A PDF document, by its type (what the page script reports) or, where no page script runs, by its address. */
export function isPdf(contentType: string | null, url: string | undefined): boolean {
  if (contentType) return contentType.toLowerCase() === 'application/pdf';
  try {
    return !!url && /\.pdf$/i.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** Why the reader can't show a tab it got no snapshot of. */
export type Unreachable = 'page-loading' | 'pdf' | 'browser-page' | 'store-page' | 'not-web' | 'load-failed' | 'closed';

/**
 * The reason for a tab that didn't answer the reader (`null`: the tab is gone). A web page that has loaded and still
 * can't run Lectern's script is, in practice, the browser's error page shown at that address (no connection, no
 * answer): both browsers refuse scripts there.
 */
export function unreachableReason(tab: { url?: string; status?: string } | null): Unreachable {
  if (!tab) return 'closed';
  const restricted = restrictedReason(tab.url);
  if (restricted === 'browser-page' || restricted === 'store-page' || restricted === 'not-web') return restricted;
  if (isPdf(null, tab.url)) return 'pdf';
  if (tab.status === 'loading') return 'page-loading';
  return 'load-failed';
}

/** The reader's message (title and text) for each reason. */
export const UNREACHABLE_MESSAGES: Record<Unreachable, { title: MessageKey; body: MessageKey }> = {
  'page-loading': { title: 'pageLoadingTitle', body: 'pageLoadingBody' },
  pdf: { title: 'pdfTitle', body: 'pdfBody' },
  'browser-page': { title: 'pageUnreachableTitle', body: 'reasonBrowserPage' },
  'store-page': { title: 'pageUnreachableTitle', body: 'reasonStorePage' },
  'not-web': { title: 'pageUnreachableTitle', body: 'reasonNotWeb' },
  'load-failed': { title: 'loadFailedTitle', body: 'loadFailedBody' },
  closed: { title: 'pageUnreachableTitle', body: 'pageClosedBody' },
};
