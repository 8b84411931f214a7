/** Images, sources and frames as pages really write them: lazy-loading attributes, placeholders, tracking pixels. */

/** Attributes that lazy-loading scripts read the real image address from, most specific first. */
const LAZY_SRC = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-orig-src',
  'data-hi-res-src',
  'data-full-src',
  'data-lazyload',
  'data-lazy',
  'data-url',
  'data-echo',
  'data-img-src',
  'data-image',
];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset', 'data-original-set', 'data-original-srcset'];
const LAZY_SIZES = ['data-sizes'];

/** Looks like an image address (or a srcset of them), not a JSON blob or a word. */
const URL_LIKE = /^\s*(?:https?:)?\/{0,2}[^\s"'<>{}]+\s*$/i;
const SRCSET_LIKE = /^\s*[^\s"'<>{}]+(?:\s+[\d.]+[wx])?\s*(?:,\s*[^\s"'<>{}]+(?:\s+[\d.]+[wx])?\s*)*,?\s*$/i;
const IMAGE_FILE = /\.(?:jpe?g|png|webp|gif|avif|svg)(?:$|[?#])/i;

/** A stand-in that lazy loading swaps out: a data: URI, or a blank/spacer/placeholder file. */
export function isPlaceholderSrc(src: string | null): boolean {
  if (!src?.trim()) return true;
  const value = src.trim();
  if (/^data:/i.test(value)) return true;
  if (/^about:blank$/i.test(value)) return true;
  return /(?:^|[/_.-])(?:blank|spacer|placeholder|transparent|pixel|grey|gray|loading|loader|lazy[\w-]*|empty|dummy|1x1)(?:[\w-]*)?\.(?:gif|png|svg|jpe?g|webp)(?:$|[?#])/i.test(
    value,
  );
}

function numberAttr(el: Element, name: string): number | null {
  const raw = el.getAttribute(name);
  if (raw === null) return null;
  const n = parseFloat(raw);
  return Number.isFinite(n) ? n : null;
}

/** A 1×1 tracker or spacer: tiny stated size, or a file named for it. */
export function isTrackingPixel(img: Element): boolean {
  const w = numberAttr(img, 'width');
  const h = numberAttr(img, 'height');
  if ((w !== null && w <= 2) || (h !== null && h <= 2)) return true;
  const src = img.getAttribute('src') ?? '';
  return /(?:^|[/_.-])(?:pixel|spacer|beacon|tracking|tracker|1x1|clear|blank)\.(?:gif|png)(?:$|[?#])/i.test(src);
}

function firstAttr(el: Element, names: string[], test: RegExp): string | null {
  for (const name of names) {
    const value = el.getAttribute(name);
    if (value && test.test(value) && !/^data:/i.test(value.trim())) return value.trim();
  }
  return null;
}

/**
 * Makes a lazily loaded image (or `<source>`, `<video>`) real on `out`, reading `src`'s attributes: the address the
 * loading script would have put in place replaces a placeholder. Returns false when `out` is an image with nothing
 * to show (no address at all, or a tracking pixel), which the caller drops.
 */
export function resolveLazyMedia(src: Element, out: Element, tag: string): boolean {
  if (tag === 'img' || tag === 'source' || tag === 'video') {
    const current = src.getAttribute('src');
    const lazy = firstAttr(src, LAZY_SRC, URL_LIKE);
    if (lazy && isPlaceholderSrc(current)) out.setAttribute('src', lazy);
    const lazySet = firstAttr(src, LAZY_SRCSET, SRCSET_LIKE);
    if (lazySet && (isPlaceholderSrc(src.getAttribute('srcset')) || !src.getAttribute('srcset'))) {
      out.setAttribute('srcset', lazySet);
    }
    const sizes = firstAttr(src, LAZY_SIZES, /\S/);
    if (sizes && !src.hasAttribute('sizes')) out.setAttribute('sizes', sizes);
    if (tag === 'video') {
      const poster = firstAttr(src, ['data-poster'], URL_LIKE);
      if (poster && isPlaceholderSrc(src.getAttribute('poster'))) out.setAttribute('poster', poster);
    }
  }
  if (tag !== 'img') return true;
  let finalSrc = out.getAttribute('src');
  const srcset = out.getAttribute('srcset');
  if (isPlaceholderSrc(finalSrc) && isPlaceholderSrc(srcset)) {
    // Some scripts use attribute names of their own: take any attribute that holds an image file.
    for (const attr of Array.from(src.attributes)) {
      if (attr.name === 'src' || attr.name === 'alt' || attr.name === 'srcset') continue;
      if (IMAGE_FILE.test(attr.value) && URL_LIKE.test(attr.value)) {
        out.setAttribute('src', attr.value.trim());
        finalSrc = attr.value.trim();
        break;
      }
    }
  }
  if (finalSrc && /^data:/i.test(finalSrc) && !/^data:image\/svg/i.test(finalSrc) && finalSrc.length < 200) {
    // A tiny inline placeholder that nothing replaced.
    out.removeAttribute('src');
    finalSrc = null;
  }
  if (!finalSrc?.trim() && isPlaceholderSrc(srcset)) return false;
  if (srcset && !isPlaceholderSrc(srcset) && isPlaceholderSrc(finalSrc)) {
    // The fallback address of a responsive image: its first candidate, not the placeholder.
    const first = srcset.trim().split(/\s+/)[0]?.replace(/,$/, '');
    if (first) out.setAttribute('src', first);
  }
  return !isTrackingPixel(out);
}

/** The address a (possibly lazy) frame shows. */
export function frameSrc(el: Element): string | null {
  const src = el.getAttribute('src');
  if (src && !isPlaceholderSrc(src)) return src.trim();
  return firstAttr(el, ['data-src', 'data-lazy-src', 'data-url', 'data-original'], URL_LIKE);
}

const CAPTION_WORDS = /^(?:caption|captions|figcaption|cutline|credit|credits|photocredit|imagecredit|copyright)$/;
/** A caption is short; a longer block named so is something else. */
export const MAX_CAPTION = 400;

/** A `<figcaption>`, or an element whose class or id calls it a caption or credit ("photo-caption", "imageCredit"). */
export function isCaptionLike(el: Element): boolean {
  if (el.localName === 'figcaption') return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
  if (!/cap|cred|cutl|copy/i.test(names)) return false;
  return names
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((w) => CAPTION_WORDS.test(w));
}
