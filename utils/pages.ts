/** Which pages Lectern can read, and why not when it can't. Pure. */

export type Unavailable = 'browser-page' | 'store-page' | 'not-web' | 'no-content-script' | 'not-article';

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
