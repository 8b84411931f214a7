/** Images kept with a saved article: which ones fit under the per-article cap. Pure: sizes in, a choice out. */

/** At most this many bytes of images per article (a long photo essay keeps its first pictures, and says so). */
export const IMAGE_BYTES_PER_ARTICLE = 8 * 1024 * 1024;
/** And at most this many images. */
export const IMAGES_PER_ARTICLE = 60;
/** Wider images are scaled down to this width before they are kept (the reader's column is far narrower). */
export const IMAGE_MAX_WIDTH = 1600;

export interface ImageCandidate<T> {
  src: string;
  /** The image's bytes, or null when it couldn't be read (offline, refused, not an image). */
  data: T | null;
  bytes: number;
}

/**
 * In the article's order, the images kept until the cap is reached; the rest (too big for what is left, unreadable,
 * or over the count) are left out and counted, so the library can say so.
 */
export function chooseImages<T>(
  candidates: ReadonlyArray<ImageCandidate<T>>,
  capBytes = IMAGE_BYTES_PER_ARTICLE,
  capCount = IMAGES_PER_ARTICLE,
): { kept: Array<{ src: string; data: T }>; left: number } {
  const kept: Array<{ src: string; data: T }> = [];
  let used = 0;
  let left = 0;
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate.src)) continue;
    seen.add(candidate.src);
    if (candidate.data === null || kept.length >= capCount || used + candidate.bytes > capBytes) {
      left++;
      continue;
    }
    used += candidate.bytes;
    kept.push({ src: candidate.src, data: candidate.data });
  }
  return { kept, left };
}

/** The image addresses an article's HTML shows (img src, in order, http(s) only: data: images are already inside). */
export function imageSources(doc: Pick<Document, 'querySelectorAll'>): string[] {
  const out: string[] = [];
  for (const img of doc.querySelectorAll('img[src]')) {
    const src = img.getAttribute('src') ?? '';
    if (/^https?:/i.test(src) && !out.includes(src)) out.push(src);
  }
  return out;
}

/**
 * Points the article's images at the kept copies (`urls`: original address → local address) so it reads offline;
 * srcset and <source> are dropped where a kept copy stands in, since they would ask the network for another size.
 */
export function pointAtKeptImages(doc: Pick<Document, 'querySelectorAll'>, urls: ReadonlyMap<string, string>): number {
  let replaced = 0;
  for (const img of doc.querySelectorAll('img[src]')) {
    const local = urls.get(img.getAttribute('src') ?? '');
    if (!local) continue;
    img.setAttribute('src', local);
    img.removeAttribute('srcset');
    img.removeAttribute('sizes');
    const picture = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : null;
    for (const source of picture?.querySelectorAll('source') ?? []) source.remove();
    replaced++;
  }
  return replaced;
}
