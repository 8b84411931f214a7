// The opening of a very large article, found in a fraction of the full extraction's time, so that the reader can
// show it while the whole is extracted: the container holding most of the page's paragraph text, its first blocks.
import { readMetadata } from './metadata';
import { sanitizeHtml } from './sanitize';
import { dropTitleHeading } from './title-heading';
import { windowOf } from './extract';
import { baseUrlOf } from './prepare';
import { select } from './dom';

/** The opening of an article: enough for a screen, sanitized. */
export interface FirstScreen {
  title: string;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  /** Sanitized HTML of the article's first blocks. */
  html: string;
}

/** Characters of text that fill more than a screen at any reading width. */
const SCREEN_TEXT = 3_000;
/** Blocks at most: a screen of short lines. */
const SCREEN_BLOCKS = 40;
/** A paragraph counts this much of its text at most: one huge block shouldn't outweigh a run of ordinary ones. */
const PARAGRAPH_CAP = 1_000;
/** Below this much paragraph text the page has no article body worth showing early. */
const MIN_TEXT = 500;

/** A child that makes its parent a wrapper of blocks rather than a block of its own. */
const BLOCK_CHILD = ':scope > :is(p, div, section, article, main, header, h1, h2, h3, h4, ul, ol, figure, blockquote)';

/** Length of an element's text, without building the collapsed string (whitespace counts, which is close enough). */
const rawLength = (el: Element): number => el.textContent?.length ?? 0;

/** Text inside links over all text: a menu or a list of headlines is mostly links. */
function linkDensity(el: Element, length: number): number {
  if (!length) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += rawLength(a);
  return linked / length;
}

/**
 * The element whose paragraphs hold the most text: each paragraph (with little of its text in links) scores its
 * parent with its length and its grandparent with half of it, so a body split into sections still wins as a whole.
 */
function mainContainer(body: Element): Element | null {
  const scores = new Map<Element, number>();
  const add = (el: Element | null, score: number): void => {
    if (el && el !== body.ownerDocument.documentElement) scores.set(el, (scores.get(el) ?? 0) + score);
  };
  for (const p of select(body, 'p')) {
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

/**
 * The first blocks of the article's container, copied up to a screen's worth of text; blocks that are mostly links
 * (a share bar, a list of related stories) are left out.
 */
function openingBlocks(container: Element): Element[] {
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
  return blocks;
}

/**
 * The opening of `doc`'s article (its title, byline and first blocks, sanitized), or null when no container of
 * paragraphs stands out. A quick estimate, not the article: the full extraction may keep or drop other blocks. Pure:
 * `doc` is only read. Never throws.
 */
export function firstScreen(doc: Document, url: string): FirstScreen | null {
  try {
    const win = windowOf(doc);
    if (!win || !doc.body) return null;
    const container = mainContainer(doc.body);
    if (!container) return null;
    const meta = readMetadata(doc, url);
    const base = baseUrlOf(doc, url);
    const holder = doc.createElement('div');
    for (const block of openingBlocks(container)) holder.append(block.cloneNode(true));
    // Links and images resolve against the article's address, as in the full extraction; a srcset's candidates would
    // resolve against the reader's, so the preview's images keep their src alone.
    for (const el of holder.querySelectorAll('[srcset]')) el.removeAttribute('srcset');
    for (const el of holder.querySelectorAll('[href], [src]')) {
      for (const attr of ['href', 'src']) {
        const value = el.getAttribute(attr);
        if (value === null) continue;
        try {
          el.setAttribute(attr, new URL(value, base).href);
        } catch {
          el.removeAttribute(attr);
        }
      }
    }
    const title = meta.title ?? container.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (title) dropTitleHeading(holder, title);
    const html = sanitizeHtml(holder.innerHTML, win);
    if (!html.trim()) return null;
    return { title, byline: meta.byline, siteName: meta.siteName, lang: meta.lang, dir: meta.dir, html };
  } catch {
    return null;
  }
}
