/** Share targets and the URLs that open them. Pure: the page to share in, the share page URL out. */

export const SHARE_TARGETS = ['x', 'facebook', 'telegram', 'whatsapp', 'email'] as const;
export type ShareTarget = (typeof SHARE_TARGETS)[number];

export interface SharedPage {
  url: string;
  title: string;
}

const enc = encodeURIComponent;

/** The address that shares `page` on `target`; every part is percent-encoded. */
export function shareUrl(target: ShareTarget, page: SharedPage): string {
  const { url, title } = page;
  switch (target) {
    case 'x':
      return `https://x.com/intent/post?text=${enc(title)}&url=${enc(url)}`;
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${enc(url)}`;
    case 'telegram':
      return `https://t.me/share/url?url=${enc(url)}&text=${enc(title)}`;
    case 'whatsapp':
      return `https://wa.me/?text=${enc(title ? `${title} ${url}` : url)}`;
    case 'email':
      return `mailto:?subject=${enc(title)}&body=${enc(url)}`;
  }
}
