import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';

/**
 * What may reach the reader: text, structure, media and links. Scripts, forms, frames, plugins and page styles never do;
 * DOMPurify's defaults already drop event handlers and script URLs.
 */
const CONFIG: Config = {
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'iframe',
    'frame',
    'object',
    'embed',
    'link',
    'meta',
    'base',
    'dialog',
  ],
  FORBID_ATTR: ['style', 'srcdoc', 'formaction', 'action', 'ping', 'background'],
  ALLOW_DATA_ATTR: false,
  // alttext: a formula's TeX source (see math.ts), plain text.
  ADD_ATTR: ['target', 'alttext'],
  // Ids and names of the article get a prefix ("user-content-"), so none can clobber the reader's own elements or
  // globals; in-page links are prefixed to match below.
  SANITIZE_NAMED_PROPS: true,
  RETURN_TRUSTED_TYPE: false,
};

const instances = new WeakMap<object, DOMPurify>();

/** What DOMPurify puts before every id and name under SANITIZE_NAMED_PROPS. */
const ID_PREFIX = 'user-content-';

// eslint-disable-next-line no-control-regex -- browsers ignore these in and around a URL's scheme
const URL_IGNORED = /[\u0000-\u0020]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * The candidates of a srcset (as the HTML standard splits them: an address, then descriptors up to a comma) whose
 * addresses are relative or http(s), or null when none is. DOMPurify only checks the attribute's start.
 */
export function safeSrcset(srcset: string): string | null {
  const kept: string[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i]!)) i++;
    let end = i;
    while (end < srcset.length && !/\s/.test(srcset[end]!)) end++;
    if (end === i) break;
    let address = srcset.slice(i, end);
    let descriptors = '';
    if (/,$/.test(address)) {
      address = address.replace(/,+$/, '');
      i = end;
    } else {
      const comma = srcset.indexOf(',', end);
      descriptors = srcset.slice(end, comma < 0 ? srcset.length : comma).trim();
      i = comma < 0 ? srcset.length : comma + 1;
    }
    const scheme = SCHEME.exec(address.replace(URL_IGNORED, ''))?.[1]?.toLowerCase();
    if (address && (!scheme || scheme === 'http' || scheme === 'https'))
      kept.push(descriptors ? `${address} ${descriptors}` : address);
  }
  return kept.length ? kept.join(', ') : null;
}

function purifierFor(win: Window & typeof globalThis): DOMPurify {
  let purify = instances.get(win);
  if (!purify) {
    purify = createDOMPurify(win);
    purify.addHook('afterSanitizeAttributes', (node) => {
      const href = node.nodeName === 'A' ? node.getAttribute('href') : null;
      if (href?.startsWith('#')) {
        // A place in the article (extraction keeps only those as bare fragments): it stays in the reader.
        if (!href.startsWith(`#${ID_PREFIX}`)) node.setAttribute('href', `#${ID_PREFIX}${href.slice(1)}`);
        node.removeAttribute('target');
      } else if (href !== null) {
        // Links leave the reader in a new tab, and never tell the target where they came from.
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      } else if (node.hasAttribute('target')) {
        node.removeAttribute('target');
      }
      if (node.nodeName === 'IMG') node.setAttribute('loading', 'lazy');
      // DOMPurify checks a srcset's first address only; every candidate must be a web address.
      const srcset = node.getAttribute('srcset');
      if (srcset !== null) {
        const safe = safeSrcset(srcset);
        if (safe) node.setAttribute('srcset', safe);
        else node.removeAttribute('srcset');
      }
    });
    instances.set(win, purify);
  }
  return purify;
}

/** Sanitizes untrusted article HTML with the window that owns the document (jsdom in Node, the page in a browser). */
export function sanitizeHtml(html: string, win: Window & typeof globalThis): string {
  return purifierFor(win).sanitize(html, CONFIG) as string;
}

/**
 * Sanitizes the subtree of `root` (same rules as {@link sanitizeHtml}): its children are replaced by their sanitized
 * copy, sparing a serialize-and-parse round trip. `root` must be a `<div>` of a document that `win` can handle. Returns
 * false when that failed, in which case `root` must not be used. (DOMPurify's own IN_PLACE mode walks the whole tree
 * several more times to make sure it didn't change meanwhile: on a 5 MB article that took twice as long as sanitizing
 * a copy.)
 */
export function sanitizeInPlace(root: Element, win: Window & typeof globalThis): boolean {
  try {
    const clean = purifierFor(win).sanitize(root, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
    // The fragment holds the sanitized copy of `root` itself.
    const copy = clean.firstChild;
    if (clean.childNodes.length !== 1 || !copy || copy.nodeName !== root.nodeName) return false;
    const children = root.ownerDocument.createDocumentFragment();
    while (copy.firstChild) children.appendChild(copy.firstChild);
    root.replaceChildren(children);
    return true;
  } catch {
    return false;
  }
}
