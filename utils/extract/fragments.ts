import { select } from './dom';

/**
 * The places in `root` a link may point to: its ids and old-style anchor names (`<a name="fn1">`). `adopt`: such an
 * anchor gets the id the link will look for.
 */
export function placesIn(root: Element, adopt = false): Set<string> {
  const places = new Set<string>();
  for (const el of select(root, '[id], a[name]')) {
    const id = el.getAttribute('id');
    const name = el.getAttribute('name');
    if (adopt && !id && name && el.localName === 'a') el.setAttribute('id', name);
    const place = id || name;
    if (place) places.add(place);
  }
  return places;
}

/**
 * Links to a place inside the article (footnote marks, their back-links, a table of contents) stay in the reader.
 * Readability makes every link absolute, so `#fn1` has become the page's own address plus `#fn1`, which would open the
 * original page; a link whose address is the page's and whose fragment names an element of the article is written
 * back as the bare fragment. The sanitizer then prefixes it like the ids (see sanitize.ts), so article ids can never
 * collide with the reader's own. `elsewhere`: ids of the article's other parts (a very large article is extracted a part
 * at a time), which its links may point to as well.
 */
export function keepInPageLinks(article: Element, base: string, elsewhere?: ReadonlySet<string>): void {
  const targets = placesIn(article, true);
  for (const place of elsewhere ?? []) targets.add(place);
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
