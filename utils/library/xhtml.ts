/**
 * A saved article's sanitized HTML rewritten as well-formed XHTML that EPUB 3 accepts. Not a serializer of whatever the
 * HTML holds: the body is walked and only what an e-book may carry is written (an allowlist of elements and attributes,
 * every text and attribute escaped for XML), so entities, `<br>`, `&nbsp;` or a stray control character can't make a
 * chapter unreadable, and nothing remote (a frame, a video, an image not kept) ends up in the book. Pure: the caller
 * hands in the parsed body.
 */

import { mathml } from './mathml';
import { xmlAttr, xmlText } from './xml';

export { xmlAttr, xmlText } from './xml';

/** Elements written as they are (their content model permitting, see below). */
const KEEP = new Set(
  (
    'p h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre code em strong b i u s sub sup small mark abbr cite q dfn ' +
    'kbd samp var br hr a img figure figcaption table caption thead tbody tfoot tr th td colgroup col span div ' +
    'section article aside header footer del ins bdi ruby rt rp wbr address'
  ).split(' '),
);
/** Elements left out with everything in them: scripts, media and frames (remote), forms, what has no reading value. */
const DROP = new Set(
  (
    'script style noscript iframe frame frameset object embed video audio source track form input button select ' +
    'textarea option optgroup datalist output canvas template svg link meta base dialog map area param head title ' +
    'menu nav progress meter'
  ).split(' '),
);
/** Elements whose content is phrasing only: a block inside one (which HTML parsers let through) becomes a span. */
const PHRASING_ONLY = new Set(
  (
    'p h1 h2 h3 h4 h5 h6 span em strong b i u s small sub sup mark abbr cite q dfn kbd samp var code bdi pre ' +
    'rt rp ruby'
  ).split(' '),
);
/** Phrasing elements: what may stand in a phrasing context as itself. */
const PHRASING = new Set([...PHRASING_ONLY, 'a', 'br', 'img', 'wbr', 'del', 'ins'].filter((tag) => tag !== 'p'));
/**
 * Written as a div: a header or footer may hold neither (so a page's nesting of them can't), and an address no
 * heading.
 */
const AS_DIV = new Set(['header', 'footer', 'address']);
/** Void elements, written self-closed. */
const VOID = new Set(['br', 'hr', 'img', 'col', 'wbr']);

const GLOBAL_ATTRS = ['id', 'lang', 'dir', 'title'];
const ATTRS: Record<string, string[]> = {
  a: ['href'],
  img: ['src', 'alt', 'width', 'height'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
  ol: ['start', 'reversed'],
  li: ['value'],
  col: ['span'],
  colgroup: ['span'],
};
const NUMERIC = new Set(['width', 'height', 'colspan', 'rowspan', 'start', 'value', 'span']);

/** A language tag a book may declare (BCP 47's shape), or null: "en_US" → "en-US", junk → null. */
export function languageTag(value: string | null | undefined): string | null {
  const tag = (value ?? '').trim().replace(/_/g, '-');
  return /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(tag) ? tag : null;
}

export interface XhtmlOptions {
  /** The address in the book of an image by its address in the article; an image without one is left out. */
  imageHref: (src: string) => string | null;
}

/** A web or mail link, normalized; null for anything else (javascript:, blob:, a relative path that leads nowhere). */
function webHref(href: string): string | null {
  try {
    const url = new URL(href);
    return /^(https?|mailto):$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The children of `root` (a parsed article body) as XHTML: allowed elements and attributes only, blocks inside
 * phrasing turned into spans, lists' and definition lists' stray children wrapped, links kept only when they lead
 * somewhere (the web, or an id of this chapter), images only when the book holds them.
 */
export function toXhtml(root: Element, options: XhtmlOptions): string {
  const ids = new Set<string>();
  for (const el of root.querySelectorAll('[id]')) ids.add(el.getAttribute('id') ?? '');
  const written = new Set<string>();
  const out: string[] = [];

  function attrs(el: Element, tag: string): string {
    let text = '';
    for (const name of [...GLOBAL_ATTRS, ...(ATTRS[tag] ?? [])]) {
      let value = el.getAttribute(name);
      if (value === null) continue;
      if (name === 'id') {
        if (!/^\S+$/.test(value) || written.has(value)) continue;
        written.add(value);
      } else if (name === 'dir') {
        if (!/^(ltr|rtl|auto)$/.test(value)) continue;
      } else if (name === 'lang') {
        const tag = languageTag(value);
        if (!tag) continue;
        value = tag;
      } else if (name === 'scope') {
        if (!/^(row|col|rowgroup|colgroup)$/.test(value)) continue;
      } else if (name === 'reversed') {
        value = 'reversed';
      } else if (name === 'href' || name === 'src' || name === 'alt') {
        continue; // written by the element's own rule
      } else if (NUMERIC.has(name)) {
        if (!/^\d{1,5}$/.test(value.trim()) || (name !== 'start' && name !== 'value' && Number(value) === 0)) continue;
        value = String(Number(value));
      }
      text += ` ${name}="${xmlAttr(value)}"`;
    }
    return text;
  }

  function element(el: Element, tag: string, phrasing: boolean): void {
    if (tag === 'img') {
      const href = options.imageHref(el.getAttribute('src') ?? '');
      if (!href) return;
      out.push(`<img src="${xmlAttr(href)}" alt="${xmlAttr(el.getAttribute('alt') ?? '')}"${attrs(el, tag)}/>`);
      return;
    }
    if (tag === 'a') {
      const raw = el.getAttribute('href') ?? '';
      const href = raw.startsWith('#') ? (ids.has(decodeFragment(raw.slice(1))) ? raw : null) : webHref(raw);
      if (!href) return children(el, phrasing, tag);
      out.push(`<a href="${xmlAttr(href)}"${attrs(el, tag)}>`);
      children(el, phrasing, tag);
      out.push('</a>');
      return;
    }
    // A block where only phrasing may stand: its words are kept, in a span.
    const name = phrasing && !PHRASING.has(tag) ? 'span' : AS_DIV.has(tag) ? 'div' : tag;
    if (name === 'hr' && phrasing) return;
    if (VOID.has(name)) {
      out.push(`<${name}${attrs(el, name)}/>`);
      return;
    }
    out.push(`<${name}${attrs(el, name)}>`);
    children(el, phrasing || PHRASING_ONLY.has(name), name);
    out.push(`</${name}>`);
  }

  function children(parent: Element, phrasing: boolean, parentTag: string): void {
    // Lists hold items only (definition lists: terms and definitions): anything else goes into one.
    const wrapper = phrasing
      ? null
      : parentTag === 'ul' || parentTag === 'ol'
        ? 'li'
        : parentTag === 'dl'
          ? 'dd'
          : null;
    for (const node of parent.childNodes) {
      if (node.nodeType === 3) {
        const text = node.nodeValue ?? '';
        if (wrapper && text.trim()) out.push(`<${wrapper}>${xmlText(text)}</${wrapper}>`);
        else if (!wrapper || !text.trim()) out.push(xmlText(text));
        continue;
      }
      if (node.nodeType !== 1) continue;
      const el = node as Element;
      const tag = el.localName.toLowerCase();
      if (DROP.has(tag)) continue;
      if (tag === 'math') {
        // A formula as MathML that EPUB's schema takes, else as its TeX source (kept as alttext) or its text.
        const tex = el.getAttribute('alttext')?.trim();
        out.push(
          mathml(el) ??
            `<span class="math">${xmlText(tex || (el.textContent ?? '').replace(/\s+/g, ' ').trim())}</span>`,
        );
        continue;
      }
      // Unknown (picture, details, time, font…): its content stays, the element goes.
      if (!KEEP.has(tag)) {
        children(el, phrasing, parentTag);
        continue;
      }
      const fits = !wrapper || (wrapper === 'li' ? tag === 'li' : tag === 'dt' || tag === 'dd');
      if (!fits) out.push(`<${wrapper}>`);
      element(el, strayItem(tag, wrapper ? parentTag : ''), phrasing);
      if (!fits) out.push(`</${wrapper}>`);
    }
  }

  /** A list item outside a list, or a term outside a definition list, is written as a div. */
  function strayItem(tag: string, listParent: string): string {
    if (tag === 'li' && listParent !== 'ul' && listParent !== 'ol') return 'div';
    if ((tag === 'dt' || tag === 'dd') && listParent !== 'dl') return 'div';
    return tag;
  }

  children(root, false, root.localName.toLowerCase());
  return out.join('');
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
