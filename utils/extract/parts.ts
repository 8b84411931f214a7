// A very large article, extracted a part at a time: its main container's blocks are cut into parts of a few tens of
// thousands of characters, and each part goes through the whole extraction on a small document of its own, with a
// pause between parts. Each step is then tens of milliseconds instead of one task of seconds, so the reader stays
// scrollable and its keys answer while the rest arrives; and Readability, which walks its whole document several
// times, walks small ones.
import { BLOCK_CHILD, LARGE_TEXT, mainContainerInSteps } from '@/utils/detect';
import type { Article } from './article';
import { BODY_MEDIA, extractArticle, findArticle, windowOf } from './extract';
import { readMetadata, type PageMetadata } from './metadata';
import { baseUrlOf } from './prepare';
import { measureText, minutesFor } from './reading-time';
import { finishArticle } from './cleanup';
import { placesIn } from './fragments';
import { sanitizeInPlace } from './sanitize';
import { textOf } from './text';
import { textLength } from './dom';

/** Text of a part: enough for Readability to see an article in it, little enough to take tens of milliseconds. */
const PART_TEXT = 20_000;

/** Time parts run back to back before a pause: well under the 100 ms that a person notices as a stall. */
const SLICE_MS = 50;

export interface PartOptions {
  /** Resolves when the next part may run (the reader yields to its event loop here). */
  pause: () => Promise<void>;
  /**
   * Each part's sanitized HTML as it is ready, in order; their concatenation is the article's `html`. Not called for
   * an article extracted in one go.
   */
  onPart?: (html: string, index: number) => void;
  /**
   * `doc` is the caller's own copy, which it needs no more whole: the blocks of the parts after the first are moved out
   * of it into their parts' documents instead of copied (those with links stay, so a pager can still be found). A copy
   * less per part, and fewer nodes for the garbage collector to mark, whose pauses land in the reader's steps.
   */
  consume?: boolean;
}

/**
 * The main container's blocks in order, with their text lengths (up to a part's): its child nodes, descending into any
 * child longer than a part that wraps blocks of its own (a body in one wrapper, long sections), so that no block is
 * much longer than a part.
 */
function* containerBlocks(parent: Element): Generator<[Node, number]> {
  // The next node is taken before a block is given: a block may have been moved away by the time the walk resumes.
  let next = parent.firstChild;
  while (next) {
    const node = next;
    next = node.nextSibling;
    if (node.nodeType === 3 && !(node as Text).data.trim()) continue;
    if (node.nodeType !== 1 && node.nodeType !== 3) continue;
    const length = textLength(node, PART_TEXT + 1);
    const wrapper = node.nodeType === 1 && length > PART_TEXT && (node as Element).querySelector(BLOCK_CHILD);
    if (wrapper) yield* containerBlocks(node as Element);
    else yield [node, length];
  }
}

/** Consecutive blocks of about {@link PART_TEXT} characters each, made as they are asked for. */
function* groupBlocks(blocks: Iterable<[Node, number]>): Generator<Node[]> {
  let part: Node[] = [];
  let text = 0;
  for (const [block, length] of blocks) {
    part.push(block);
    text += length;
    if (text >= PART_TEXT) {
      yield part;
      part = [];
      text = 0;
    }
  }
  if (part.length) yield part;
}

/** Whether a block may leave the page's document: none with a link does (a pager, which the reader looks for next). */
const movable = (block: Node): boolean =>
  block.nodeType !== 1 ||
  ((block as Element).localName !== 'a' && !(block as Element).getElementsByTagName('a').length);

/**
 * A document holding copies of `blocks` under shallow copies of their ancestors (with their attributes, which
 * Readability scores by). `first`: the first part's document, which is the whole page (its head's metadata, and the
 * header, byline and lead image around the article, as the full extraction sees them) with only these blocks in the
 * main container; the other parts' documents have no head, so no heading of theirs is taken for the title.
 */
function partDocument(doc: Document, container: Element, blocks: Node[], first: boolean, move = false): Document {
  const out = doc.implementation.createHTMLDocument('');
  const root = out.importNode(doc.documentElement, false);
  out.replaceChild(root, out.documentElement);
  const copies = new Map<Node, Node>([[doc.documentElement, root]]);
  if (first) {
    // Everything but the container's content: the container and its ancestors shallow, the rest whole.
    const copy = (node: Node, into: Node): void => {
      const around = node.nodeType === 1 && (node as Element).contains(container);
      const made = out.importNode(node, !around);
      into.appendChild(made);
      if (!around) return;
      copies.set(node, made);
      if (node !== container) for (let c = node.firstChild; c; c = c.nextSibling) copy(c, made);
    };
    for (let c = doc.documentElement.firstChild; c; c = c.nextSibling) copy(c, root);
  } else {
    root.appendChild(out.createElement('head'));
  }
  const copyOf = (el: Element): Node => {
    let made = copies.get(el);
    if (!made) {
      made = out.importNode(el, false);
      copyOf(el.parentElement!).appendChild(made);
      copies.set(el, made);
    }
    return made;
  };
  for (const block of blocks)
    copyOf(block.parentElement!).appendChild(
      move && movable(block) ? out.adoptNode(block) : out.importNode(block, true),
    );
  return out;
}

/** What every part after the first is read with. */
interface PartContext {
  base: string;
  /** No title, byline or summary (those belong to the first part): only the page's canonical address. */
  meta: PageMetadata;
  win: Window & typeof globalThis;
  elsewhere: ReadonlySet<string>;
  /** Whether the blocks are moved out of the page's document (see {@link PartOptions.consume}). */
  move: boolean;
}

/** One part after the first: its sanitized HTML and running text, and whether it holds a picture of its own. */
interface Part {
  html: string;
  text: string;
  media: boolean;
}

/**
 * A part after the first through the whole extraction; when Readability finds no article in it (a run of pictures, a
 * table), its blocks are finished and sanitized as they are, so nothing of the article is lost between parts.
 */
function restPart(
  doc: Document,
  container: Element,
  blocks: Node[],
  { base, meta, win, elsewhere, move }: PartContext,
): Part {
  const part = partDocument(doc, container, blocks, false, move);
  let article = findArticle(part, base, meta, win, elsewhere)?.article ?? null;
  if (!article) {
    const box = part.createElement('div');
    // Moved blocks are in the part's document already, which Readability's working copy left as it was.
    for (const block of blocks) box.appendChild(block.ownerDocument === part ? block : part.importNode(block, true));
    finishArticle(box, base, meta.canonical, elsewhere);
    article = sanitizeInPlace(box, win) ? box : null;
  }
  if (!article) return { html: '', text: '', media: false };
  // Readability's wrapper of its page: the first part's stands for the article's, so the others' go.
  const page = article.childElementCount === 1 ? article.firstElementChild : null;
  const inner = page?.localName === 'div' && page.id.endsWith('readability-page-1') ? page : article;
  return {
    html: inner.innerHTML,
    text: textOf(article, { skipCaptions: true }),
    media: !!article.querySelector(BODY_MEDIA),
  };
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Whether `text` holds the start of the longest paragraph among `blocks` (one no clean-up rule drops). */
function opensWith(text: string, blocks: Node[]): boolean {
  let longest = '';
  for (const block of blocks) {
    if (block.nodeType !== 1) continue;
    const el = block as Element;
    for (const p of el.localName === 'p' ? [el] : Array.from(el.getElementsByTagName('p'))) {
      const value = collapse(p.textContent ?? '');
      if (value.length > longest.length) longest = value;
    }
  }
  return !longest || collapse(text).includes(longest.slice(0, 60));
}

/**
 * Extracts `doc`'s article like {@link extractArticle}; a page with more than {@link LARGE_TEXT} characters of text and
 * a container of paragraphs is extracted a part at a time, awaiting `pause` between parts and handing each part to
 * `onPart`. The article's header data (title, byline, language, verdict…) come from the first part, which is read in
 * the whole page's context. Only reads `doc`, unless `options.consume` says it may take its blocks. Never throws.
 */
export async function extractInParts(doc: Document, url: string, options: PartOptions): Promise<Article | null> {
  const win = windowOf(doc);
  try {
    const container =
      win && doc.body && textLength(doc.body, LARGE_TEXT + 1) > LARGE_TEXT
        ? await mainContainerInSteps(doc.body, options.pause)
        : null;
    // Only a container that holds a large article itself is cut; otherwise Readability looks at the page whole.
    if (!win || !container || textLength(container, LARGE_TEXT / 2 + 1) <= LARGE_TEXT / 2)
      return extractArticle(doc, url);
    // The parts are cut as they are read.
    await options.pause();
    const parts = groupBlocks(containerBlocks(container));
    const head = parts.next();
    if (head.done) return extractArticle(doc, url);
    // The places links in any part may point to.
    const elsewhere = placesIn(container);
    const first = extractArticle(partDocument(doc, container, head.value, true), url, win, elsewhere);
    // The first part must be the container's opening: when Readability took its article from elsewhere on the page (a
    // thread that outweighs one part), the page is read whole, as it would have been.
    if (!first || !opensWith(first.text, head.value)) return extractArticle(doc, url);
    const meta = { ...readMetadata(doc.implementation.createHTMLDocument(''), url), canonical: first.canonical };
    const context: PartContext = { base: baseUrlOf(doc, url), meta, win, elsewhere, move: !!options.consume };
    options.onPart?.(first.html, 0);
    const html = [first.html];
    const texts = [first.text];
    // Counted part by part: counting the whole text at the end took a step of 100 ms or more.
    const length = measureText(first.text);
    const add = (text: string): void => {
      const { words, cjkChars } = measureText(text);
      length.words += words;
      length.cjkChars += cjkChars;
    };
    let media = false;
    // The first part is shown in a step of its own; each later step starts its slice afresh.
    await options.pause();
    let slice = performance.now();
    let i = 0;
    for (const blocks of parts) {
      i++;
      // Parts run back to back for up to a slice; each pause may wait for a frame to be drawn.
      if (performance.now() - slice >= SLICE_MS) {
        await options.pause();
        slice = performance.now();
      }
      const part = restPart(doc, container, blocks, context);
      html.push(part.html);
      if (part.text) {
        texts.push(part.text);
        add(part.text);
      }
      media ||= part.media;
      options.onPart?.(part.html, i);
    }
    const text = texts.join('\n\n');
    return {
      ...first,
      html: html.join(''),
      text,
      wordCount: length.words + length.cjkChars,
      readingMinutes: minutesFor(length),
      leadImage: media ? null : first.leadImage,
    };
  } catch {
    return null;
  }
}
