/** The sites where the reader opens by itself: host names as the user types them, normalized, and the matching rule. */

/** How many sites the list keeps (it syncs, and storage.sync items are small). */
export const MAX_AUTO_OPEN_SITES = 100;

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * A site's host name from whatever the user typed or storage holds ("https://www.Example.com/news", "example.com."),
 * lower-cased, without scheme, port, path or a leading "www."; null when it isn't a host name.
 */
export function normalizeHost(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim().toLowerCase();
  if (!trimmed || /\s/.test(trimmed)) return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `http://${trimmed}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.$/, '').replace(/^www\./, '');
  const ip = IPV4.exec(host);
  if (ip) return ip.slice(1).every((part) => Number(part) <= 255) ? host : null;
  // A single label is only a site when it is localhost; "news" alone is a typo, not a host.
  if (host === 'localhost') return host;
  return DOMAIN.test(host) && host.includes('.') ? host : null;
}

/** The list as stored: valid hosts only, each once, in the user's order, at most MAX_AUTO_OPEN_SITES. */
export function normalizeHostList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const hosts = value.map(normalizeHost).filter((h): h is string => h !== null);
  return [...new Set(hosts)].slice(0, MAX_AUTO_OPEN_SITES);
}

/** Whether a page at `url` is on a listed site: the host itself or any of its subdomains. */
export function isListedSite(url: string, sites: readonly string[]): boolean {
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
    host = parsed.hostname.replace(/\.$/, '');
  } catch {
    return false;
  }
  return sites.some((site) => host === site || host.endsWith(`.${site}`));
}

/**
 * Whether the background opens the reader by itself for a detection report: an article, on a listed site, and
 * not already opened automatically since this tab last started loading a page (once per page load).
 */
export function shouldAutoOpen(report: {
  readerable: boolean;
  url: string | undefined;
  sites: readonly string[];
  openedThisLoad: boolean;
}): boolean {
  return report.readerable && !report.openedThisLoad && !!report.url && isListedSite(report.url, report.sites);
}
