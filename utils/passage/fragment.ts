import {
  GenerateFragmentStatus,
  generateFragmentFromRange,
  isValidRangeForFragmentGeneration,
  setTimeout as setGeneratorTimeout,
} from 'text-fragments-polyfill/dist/fragment-generation-utils.js';
import { processTextFragmentDirective } from 'text-fragments-polyfill/text-fragment-utils';
import type { TextFragment } from '@/utils/share';

/**
 * Links to a passage (`#:~:text=`), made by text-fragments-polyfill's generator, the one Chrome's "copy link to
 * highlight" runs. It needs a laid-out document (it reads computed styles and the window's own `document`): the reader's
 * article, or the live page itself (`passage.js`). What it makes is then checked against the page the link opens,
 * with the polyfill's own finder: the link must find exactly that one passage there. Otherwise (ambiguous there, the
 * text differs, the generator gave up) there is no fragment and the caller gives the clean link.
 */

/** The block (paragraph, list item, heading…) a point of the text is in: a text directive's context stays inside it. */
const BLOCK = 'p, li, dd, dt, h1, h2, h3, h4, h5, h6, blockquote, figcaption, td, th, pre';

/** The words of the passage's own block before it (`before`) or after it, as its document shows them. */
function contextWords(range: Range, before: boolean): string[] {
  const node = before ? range.startContainer : range.endContainer;
  const block = (node instanceof Element ? node : node.parentElement)?.closest(BLOCK);
  if (!block) return [];
  const side = block.ownerDocument.createRange();
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
function unique(fragment: TextFragment, doc: Document): boolean {
  try {
    return processTextFragmentDirective(fragment, doc, doc.body).length === 1;
  } catch {
    return false;
  }
}

/** Words of context tried on each side before giving up (Chrome's generator also stops at a few words). */
const MAX_CONTEXT_WORDS = 8;

/**
 * The fragment for `range` when it finds that passage, once, in `target` (the page the link opens: the range's own
 * document, or the original page of a reader's article); else null. When the generator's fragment, unique in the
 * range's document, is ambiguous on `target` (its words also stand in a sidebar the reader left out), the words around
 * the passage are added, one more on each side at a time, until it is unique there. `range` is left as it was.
 */
export function passageFragment(range: Range, target: Document | null): TextFragment | null {
  if (!target?.body) return null;
  // Chrome gives it 500 ms; a busy machine (or a long page) deserves longer before the plain link is given instead.
  setGeneratorTimeout(3000);
  // The generator moves the range's edges to whole words: it works on a copy, whose edges then give the context.
  const copy = range.cloneRange();
  if (!isValidRangeForFragmentGeneration(copy)) return null;
  const made = generateFragmentFromRange(copy);
  if (made.status !== GenerateFragmentStatus.SUCCESS || !made.fragment) return null;
  const fragment = made.fragment;
  if (unique(fragment, target)) return fragment;
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
    if (unique(wider, target)) return wider;
  }
  return null;
}
