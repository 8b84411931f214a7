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
  ADD_ATTR: ['target'],
  RETURN_TRUSTED_TYPE: false,
};

const instances = new WeakMap<object, DOMPurify>();

function purifierFor(win: Window & typeof globalThis): DOMPurify {
  let purify = instances.get(win);
  if (!purify) {
    purify = createDOMPurify(win);
    purify.addHook('afterSanitizeAttributes', (node) => {
      // Links leave the reader in a new tab, and never tell the target where they came from.
      if (node.nodeName === 'A' && node.hasAttribute('href')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      } else if (node.hasAttribute('target')) {
        node.removeAttribute('target');
      }
      if (node.nodeName === 'IMG') node.setAttribute('loading', 'lazy');
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
 * Sanitizes `root` and its subtree in place (same rules as {@link sanitizeHtml}), sparing a serialize-and-parse round
 * trip. `root` must be a `<div>` of a document that `win` can handle. Returns false when DOMPurify did not sanitize it
 * in place (e.g. a node of another realm), in which case `root` must not be used.
 */
export function sanitizeInPlace(root: Element, win: Window & typeof globalThis): boolean {
  try {
    return purifierFor(win).sanitize(root, { ...CONFIG, IN_PLACE: true }) === root;
  } catch {
    return false;
  }
}
