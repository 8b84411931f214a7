/**
 * Small DOM helpers for extraction. They walk with firstElementChild/nextElementSibling rather than `children[i]`,
 * `querySelectorAll` or array-like collections, which some DOM libraries (jsdom) serve through slow proxies.
 */

/** The elements under `root` (not `root` itself) in document order; `keep` filters without stopping the walk. */
export function descendants(root: Element, keep?: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  let el = root.firstElementChild;
  while (el) {
    if (!keep || keep(el)) out.push(el);
    if (el.firstElementChild) {
      el = el.firstElementChild;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) el = el.parentElement;
    if (!el || el === root) break;
    el = el.nextElementSibling;
  }
  return out;
}

/** The element children of `el`. */
export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) out.push(c);
  return out;
}

/** Whether `root` has a descendant named one of `names` (lower-case local names) outside `except`. */
export function hasDescendant(root: Element, names: Set<string>, except?: Element): boolean {
  let el = root.firstElementChild;
  while (el) {
    if (el === except) {
      // skip this subtree
    } else if (names.has(el.localName)) {
      return true;
    } else if (el.firstElementChild) {
      el = el.firstElementChild;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) el = el.parentElement;
    if (!el || el === root) return false;
    el = el.nextElementSibling;
  }
  return false;
}

/** Collapsed text length of a node: what a reader sees, give or take. */
export function textLength(node: Node): number {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

/**
 * The elements under `root` matching `selector`, as an array. A static query: enumerating a live
 * `getElementsByTagName` collection costs jsdom far more (it re-checks the tree on every access).
 */
export function select(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector));
}
