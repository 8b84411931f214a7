// The opening of a very large article, found in a fraction of the full extraction's time, so that the reader can
// show it while the whole is extracted: the blocks utils/detect finds (the container of most paragraph text, its
// first blocks), with the page's metadata, sanitized.
import { openingBlocks } from '@/utils/detect';
import { readMetadata } from './metadata';
import { sanitizeHtml } from './sanitize';
import { dropTitleHeading } from './title-heading';
import { windowOf } from './extract';
import { baseUrlOf } from './prepare';

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

/**
 * The opening of `doc`'s article (its title, byline and first blocks, sanitized), or null when no container of
 * paragraphs stands out. A quick estimate, not the article: the full extraction may keep or drop other blocks. Pure:
 * `doc` is only read. Never throws.
 */
export function firstScreen(doc: Document, url: string): FirstScreen | null {
  try {
    const win = windowOf(doc);
    if (!win || !doc.body) return null;
    const blocks = openingBlocks(doc);
    if (!blocks) return null;
    const meta = readMetadata(doc, url);
    const base = baseUrlOf(doc, url);
    const holder = doc.createElement('div');
    for (const block of blocks) holder.append(block.cloneNode(true));
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
    const title = meta.title ?? holder.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (title) dropTitleHeading(holder, title);
    const html = sanitizeHtml(holder.innerHTML, win);
    if (!html.trim()) return null;
    return { title, byline: meta.byline, siteName: meta.siteName, lang: meta.lang, dir: meta.dir, html };
  } catch {
    return null;
  }
}
