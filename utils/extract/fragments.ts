import { select } from './dom';

/**
 * Links to a place inside the article (footnote marks, their back-links, a table of contents) stay in the reader.
 * Readability makes every link absolute, so `#fn1` has become the page's own address plus `#fn1`, which would open the
 * original page; a link whose address is the page's and whose fragment names an element of the article is written
 * back as the bare fragment. The sanitizer then prefixes it like the ids (see sanitize.ts), so article ids can never
 * collide with the reader's own. `elsewhere`: ids of the article's other parts (a very large article is extracted a part
 * at a time), which its links may point to as well.
 */
export function keepInPageLinks(article: Element, base: string, elsewhere?: ReadonlySet<string>): void {
  const targets = new Set<string>(elsewhere);
  for (const el of select(article, '[id], a[name]')) {
    const id = el.getAttribute('id');
    const name = el.getAttribute('name');
    // An old-style anchor (`<a name="fn1">`) gets the id the link will look for.
    if (!id && name && el.localName === 'a') el.setAttribute('id', name);
    targets.add(id || name!);
  }
  if (!targets.size) return;
  let page: string;
  try {
    const parsed = new URL(base);
    parsed.hash = '';
    page = parsed.href;
  } catch {
    return;
  }
  for (const link of select(article, 'a[href*="#"]')) {
    let url: URL;
    try {
      url = new URL(link.getAttribute('href')!, base);
    } catch {
      continue;
    }
    const fragment = url.hash.slice(1);
    url.hash = '';
    if (!fragment || url.href !== page) continue;
    let id = fragment;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      // A fragment that isn't valid percent-encoding is compared as written.
    }
    if (targets.has(id)) link.setAttribute('href', `#${id}`);
  }
}
