import type * as GeneratorModule from 'text-fragments-polyfill/dist/fragment-generation-utils.js';
import type * as FinderModule from 'text-fragments-polyfill/text-fragment-utils';
import { passageUrl, type TextFragment } from '@/utils/share';

/**
 * Links to a passage (`#:~:text=`), made by text-fragments-polyfill's generator, the one Chrome's "copy link to
 * highlight" runs. It needs a laid-out document (it reads computed styles and the window's own `document`), so it runs
 * on the reader's article, where the passage is a real Range; what it makes is then checked against the ORIGINAL
 * page, the snapshot the reader was opened from, with the polyfill's own finder: the link must find exactly that one
 * passage there, since that is where it opens. Otherwise (the original's other text makes it ambiguous, the reader's
 * text differs from the page's, the generator gave up) there is no passage link and the caller gives the clean one.
 * Loaded only when a link is first asked for.
 */

type Generator = typeof GeneratorModule;
type Finder = typeof FinderModule;

let modules: Promise<[Generator, Finder]> | null = null;
function load(): Promise<[Generator, Finder]> {
  modules ??= Promise.all([
    import('text-fragments-polyfill/dist/fragment-generation-utils.js'),
    import('text-fragments-polyfill/text-fragment-utils'),
  ]).then((loaded) => {
    // Chrome gives it 500 ms; a busy machine (or a long page) deserves longer before the plain link is given instead.
    loaded[0].setTimeout(3000);
    return loaded;
  });
  modules.catch(() => (modules = null));
  return modules;
}

/** What a browser matches a text directive against: the rendered text, so no script, style or hidden element. */
const UNRENDERED = 'script, style, noscript, template, [hidden]';

/** The original page as parsed for checking: its markup without what the browser doesn't render as text. */
export function renderedCopy(html: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const element of doc.querySelectorAll(UNRENDERED)) element.remove();
  for (const element of doc.querySelectorAll<HTMLElement>('[style]')) {
    if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(element.getAttribute('style') ?? '')) element.remove();
  }
  return doc;
}

/** The block (paragraph, list item, heading…) a point of the article is in: a text directive's context stays inside it. */
const BLOCK = 'p, li, dd, dt, h1, h2, h3, h4, h5, h6, blockquote, figcaption, td, th, pre';

/** The words of the passage's own block before it (`before`) or after it, as the reader shows them. */
function contextWords(range: Range, before: boolean): string[] {
  const node = before ? range.startContainer : range.endContainer;
  const block = (node instanceof Element ? node : node.parentElement)?.closest(BLOCK);
  if (!block) return [];
  const side = document.createRange();
  side.selectNodeContents(block);
  if (before) side.setEnd(range.startContainer, range.startOffset);
  else side.setStart(range.endContainer, range.endOffset);
  // Punctuation standing alone (", written") goes with the word next to it: context is counted in words.
  const words: string[] = [];
  for (const token of side.toString().split(/\s+/).filter(Boolean)) {
    const wordy = /[\p{L}\p{N}]/u.test(token);
    if (before) {
      if (!wordy && words.length) words[words.length - 1] += ` ${token}`;
      else words.push(token);
    } else if (words.length && !/[\p{L}\p{N}]/u.test(words.at(-1)!)) words[words.length - 1] += ` ${token}`;
    else words.push(token);
  }
  return words;
}

/** Whether `fragment` finds exactly one passage in `doc`. */
function unique(finder: Finder, fragment: TextFragment, doc: Document): boolean {
  try {
    return finder.processTextFragmentDirective(fragment, doc, doc.body).length === 1;
  } catch {
    return false;
  }
}

/** Words of context tried on each side before giving up (Chrome's generator also stops at a few words). */
const MAX_CONTEXT_WORDS = 8;

/**
 * The fragment for `range` (in the reader's article) when it finds that passage, once, in `original`; else null. When
 * the generator's fragment, unique in the reader, is ambiguous on the original (its words also stand in a sidebar or a
 * teaser the reader left out), the words around the passage are added, one more on each side at a time, until it is
 * unique there. `range` is left as it was.
 */
export async function passageFragment(range: Range, original: Document | null): Promise<TextFragment | null> {
  if (!original?.body) return null;
  const [generator, finder] = await load().catch(() => [null, null] as const);
  if (!generator || !finder) return null;
  // The generator moves the range's edges to whole words: it works on a copy, whose edges then give the context.
  const copy = range.cloneRange();
  if (!generator.isValidRangeForFragmentGeneration(copy)) return null;
  const made = generator.generateFragmentFromRange(copy);
  if (made.status !== generator.GenerateFragmentStatus.SUCCESS || !made.fragment) return null;
  const fragment = made.fragment;
  if (unique(finder, fragment, original)) return fragment;
  const before = contextWords(copy, true);
  const after = contextWords(copy, false);
  for (let n = 1; n <= MAX_CONTEXT_WORDS && (n <= before.length || n <= after.length); n++) {
    const prefix = before.slice(-n).join(' ');
    const suffix = after.slice(0, n).join(' ');
    const wider: TextFragment = {
      ...fragment,
      ...(prefix ? { prefix } : {}),
      ...(suffix ? { suffix } : {}),
    };
    if (unique(finder, wider, original)) return wider;
  }
  return null;
}

/** The link to the passage on the page at `cleanUrl`, or null when none can be made (see passageFragment). */
export async function passageLink(
  cleanUrl: string,
  range: Range | null,
  original: Document | null,
): Promise<string | null> {
  const fragment = range ? await passageFragment(range, original) : null;
  return fragment ? passageUrl(cleanUrl, fragment) : null;
}
