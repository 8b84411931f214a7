/** Share targets and the URLs that open them. Pure: the page to share in, the share page's address out. */

export const SHARE_TARGETS = [
  'x',
  'facebook',
  'telegram',
  'whatsapp',
  'linkedin',
  'reddit',
  'vk',
  'bluesky',
  'mastodon',
  'email',
] as const;
export type ShareTarget = (typeof SHARE_TARGETS)[number];

export interface SharedPage {
  url: string;
  title: string;
  /** A quote to share with the link (the user's selection), if any. */
  quote?: string;
}

export interface ShareOptions {
  /** The Mastodon server the user's account is on, e.g. "mastodon.social". */
  mastodonInstance: string;
}

const enc = encodeURIComponent;

/** The words shared before the link: “quote” — title, or just the title. */
function message(page: SharedPage): string {
  const quote = page.quote?.replace(/\s+/g, ' ').trim();
  return quote ? `“${quote}” — ${page.title}` : page.title;
}

/** message + link, for networks that take a single text field. */
function messageWithUrl(page: SharedPage): string {
  const text = message(page);
  return text ? `${text} ${page.url}` : page.url;
}

/** The address that shares `page` on `target`; every part is percent-encoded. */
export function shareUrl(target: ShareTarget, page: SharedPage, options: ShareOptions): string {
  const { url } = page;
  switch (target) {
    case 'x':
      return `https://x.com/intent/post?text=${enc(message(page))}&url=${enc(url)}`;
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${enc(url)}`;
    case 'telegram':
      return `https://t.me/share/url?url=${enc(url)}&text=${enc(message(page))}`;
    case 'whatsapp':
      return `https://wa.me/?text=${enc(messageWithUrl(page))}`;
    case 'linkedin':
      return `https://www.linkedin.com/sharing/share-offsite/?url=${enc(url)}`;
    case 'reddit':
      return `https://www.reddit.com/submit?url=${enc(url)}&title=${enc(page.title)}`;
    case 'vk':
      return `https://vk.com/share.php?url=${enc(url)}&title=${enc(page.title)}`;
    case 'bluesky':
      return `https://bsky.app/intent/compose?text=${enc(messageWithUrl(page))}`;
    case 'mastodon':
      return `https://${options.mastodonInstance}/share?text=${enc(messageWithUrl(page))}`;
    case 'email':
      return `mailto:?subject=${enc(page.title)}&body=${enc(page.quote ? `${message(page)}\n\n${url}` : url)}`;
  }
}

/** A Mastodon server name as typed by a user ("https://Mastodon.Social/" → "mastodon.social"), or null if it isn't one. */
export function normalizeInstance(value: string): string | null {
  const host = value
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^@?[^@/]*@/, '')
    .replace(/\/.*$/, '');
  return /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(host) ? host : null;
}
