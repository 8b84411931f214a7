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

/**
 * The elements under `root` named in `names` that hold no other such element, in document order: one pass from the
 * last element back (a selector query per element costs a big page seconds in jsdom).
 */
export function innermost(root: Element, names: ReadonlySet<string>): Element[] {
  const all = descendants(root);
  const holds = new Set<Element>();
  const out: Element[] = [];
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!;
    const named = names.has(el.localName);
    if (named && !holds.has(el)) out.push(el);
    if ((named || holds.has(el)) && el.parentElement) holds.add(el.parentElement);
  }
  return out.reverse();
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

/** Whether the UTF-16 code unit `c` is whitespace as a regular expression's `\s` has it. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Collapsed text length of a node: what a reader sees, give or take. The length of its `textContent` with each run of
 * whitespace made one space and the ends trimmed, counted without building that string. Past `max` it stops counting
 * and returns a number above `max` (not the length): for a comparison with a threshold, a big container costs no more
 * than a small one.
 */
export function textLength(node: Node, max = Infinity): number {
  let length = 0;
  // Whitespace seen after some text: one space, if more text follows.
  let space = false;
  const count = (text: string): boolean => {
    for (let i = 0; i < text.length; i++) {
      if (isSpace(text.charCodeAt(i))) {
        space = length > 0;
      } else {
        length += space ? 2 : 1;
        space = false;
        if (length > max) return false;
      }
    }
    return true;
  };
  const type = node.nodeType;
  // Without a cap, the DOM's own textContent is quicker than a walk. With one, a walk: an element's or a fragment's
  // textContent is its descendant text nodes' (CDATA sections included), in order, and the walk stops at the cap.
  if (max === Infinity || (type !== 1 && type !== 11)) {
    count(node.textContent ?? '');
    return length;
  }
  let n: Node | null = node.firstChild;
  while (n) {
    if (n.nodeType === 3 || n.nodeType === 4) {
      if (!count((n as CharacterData).data)) return length;
    } else if (n.firstChild) {
      n = n.firstChild;
      continue;
    }
    while (n && n !== node && !n.nextSibling) n = n.parentNode;
    if (!n || n === node) break;
    n = n.nextSibling;
  }
  return length;
}

/**
 * The elements under `root` matching `selector`, as an array. A static query: enumerating a live
 * `getElementsByTagName` collection costs jsdom far more (it re-checks the tree on every access).
 */
export function select(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector));
}
