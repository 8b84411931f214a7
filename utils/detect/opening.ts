// A very large article's opening, found by reading the DOM once (no parser, no clean-up): the container holding most
// of the page's paragraph text and its first blocks. The reader shows it while the whole is extracted; the page's
// opening.js sends it ahead of the page's full markup.

/** Characters of text that fill more than a screen at any reading width. */
const SCREEN_TEXT = 3_000;
/** Blocks at most: a screen of short lines. */
const SCREEN_BLOCKS = 40;
/** A paragraph counts this much of its text at most: one huge block shouldn't outweigh a run of ordinary ones. */
const PARAGRAPH_CAP = 1_000;
/** Below this much paragraph text the page has no article body worth showing early. */
const MIN_TEXT = 500;
/** Body text beyond which extraction takes seconds: only then does a page send its opening ahead. */
export const LARGE_TEXT = 400_000;
/** A child that makes its parent a wrapper of blocks rather than a block of its own. */
export const BLOCK_CHILD =
  ':scope > :is(p, div, section, article, main, header, h1, h2, h3, h4, ul, ol, figure, blockquote)';
/** What of the page's head the reader reads for the header: the title, meta tags and JSON-LD. */
const HEAD_PARTS = 'title, meta, link[rel="canonical"], base[href], script[type="application/ld+json"]';

/** Length of an element's text, without building the collapsed string (whitespace counts, which is close enough). */
const rawLength = (el: Element): number => el.textContent?.length ?? 0;

/** Text inside links over all text: a menu or a list of headlines is mostly links. */
function linkDensity(el: Element, length: number): number {
  if (!length) return 0;
  let linked = 0;
  // A live collection: no list is built for the many paragraphs without links.
  const links = el.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) linked += rawLength(links[i]!);
  return linked / length;
}

/** Paragraphs scored between two chances to pause (see {@link mainContainerInSteps}). */
const PARAGRAPHS_PER_STEP = 2_000;

/**
 * The element whose paragraphs hold the most text: each paragraph (with little of its text in links) scores its
 * parent with its length and its grandparent with half of it, so a body split into sections still wins as a whole.
 * Yields between runs of paragraphs, where the caller may pause.
 */
function* containerSteps(body: Element): Generator<void, Element | null> {
  const scores = new Map<Element, number>();
  const root = body.ownerDocument.documentElement;
  const add = (el: Element | null, score: number): void => {
    if (el && el !== root) scores.set(el, (scores.get(el) ?? 0) + score);
  };
  // A live collection: no list of every paragraph is built up front.
  const paragraphs = body.getElementsByTagName('p');
  for (let i = 0; i < paragraphs.length; i++) {
    if (i && i % PARAGRAPHS_PER_STEP === 0) yield;
    const p = paragraphs[i]!;
    const length = Math.min(rawLength(p), PARAGRAPH_CAP);
    if (length < 25 || linkDensity(p, length) > 0.5) continue;
    add(p.parentElement, length);
    add(p.parentElement?.parentElement ?? null, length / 2);
  }
  let best: Element | null = null;
  let top = 0;
  for (const [el, score] of scores) {
    if (score > top) [best, top] = [el, score];
  }
  return top >= MIN_TEXT ? best : null;
}

/** The element whose paragraphs hold the most text (see containerSteps), found in one go. */
export function mainContainer(body: Element): Element | null {
  const steps = containerSteps(body);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** {@link mainContainer}, awaiting `pause` between runs of paragraphs: for the reader, which must stay responsive. */
export async function mainContainerInSteps(body: Element, pause: () => Promise<void>): Promise<Element | null> {
  const steps = containerSteps(body);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/**
 * The article's opening blocks: the main container's first children, descending into wrappers of the whole body, up
 * to a screen's worth of text; blocks that are mostly links (a share bar, related stories) are left out. Null when no
 * container of paragraphs stands out. Only reads `doc`.
 */
export function openingBlocks(doc: Document): Element[] | null {
  const container = doc.body && mainContainer(doc.body);
  if (!container) return null;
  const blocks: Element[] = [];
  let text = 0;
  for (let el = container.firstElementChild; el && text < SCREEN_TEXT && blocks.length < SCREEN_BLOCKS;) {
    const length = rawLength(el);
    if (length > SCREEN_TEXT * 2 && el.querySelector(BLOCK_CHILD)) {
      // A wrapper of the whole body (or a long section): its opening blocks, not all of it.
      el = el.firstElementChild;
      continue;
    }
    if (length && linkDensity(el, length) <= 0.5) {
      blocks.push(el);
      text += length;
    }
    while (el && !el.nextElementSibling && el.parentElement !== container) el = el.parentElement;
    el = el?.nextElementSibling ?? null;
  }
  return blocks.length ? blocks : null;
}

/**
 * For a page with more than {@link LARGE_TEXT} characters of text: a small document of its head's metadata and its
 * article's opening blocks, as markup (the reader parses and sanitizes it like any page); otherwise null, at the cost
 * of reading the body's text length. Only reads `doc`.
 */
export function openingMarkup(doc: Document): string | null {
  if (!doc.body || (doc.body.textContent?.length ?? 0) <= LARGE_TEXT) return null;
  const blocks = openingBlocks(doc);
  if (!blocks) return null;
  const root = doc.documentElement;
  const attrs = ['lang', 'dir']
    .map((name) => [name, root.getAttribute(name)] as const)
    .filter(([, value]) => value !== null)
    .map(([name, value]) => ` ${name}="${value!.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join('');
  const head = Array.from(doc.head?.querySelectorAll(HEAD_PARTS) ?? [], (el) => el.outerHTML).join('');
  return `<!doctype html><html${attrs}><head>${head}</head><body>${blocks.map((b) => b.outerHTML).join('')}</body></html>`;
}
