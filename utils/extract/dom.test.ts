/**
 * textLength counts what `(textContent ?? '').replace(/\s+/g, ' ').trim().length` measures without building the
 * string; these property tests hold it to that definition on generated trees (fixed seeds: every run checks the same).
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { textLength } from './dom';

const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;

/** The definition textLength keeps to. */
const reference = (node: Node): number => (node.textContent ?? '').replace(/\s+/g, ' ').trim().length;

/** Every whitespace character of `\s`, and characters that look like space but are not (zero-width, U+180E). */
const SPACES = [
  ...'\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff',
  ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
];
const CHARS = [...SPACES, ...SPACES, 'a', 'b', 'é', '日', '\u200b', '\u180e', '\u{1f600}', '.', '<'];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((cs) => cs.join(''));
const TAGS = ['div', 'p', 'em', 'span', 'section', 'a', 'pre', 'li', 'script'];

type Tree =
  { kind: 'text'; data: string } | { kind: 'comment'; data: string } | { kind: 'el'; tag: string; children: Tree[] };

const { tree } = fc.letrec<{ tree: Tree; node: Tree }>((tie) => ({
  tree: fc.record({
    kind: fc.constant('el' as const),
    tag: fc.constantFrom(...TAGS),
    children: fc.array(tie('node'), { maxLength: 5 }),
  }),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('text' as const), data: text }),
    fc.record({ kind: fc.constant('comment' as const), data: text }),
    tie('tree'),
  ),
}));

function build(t: Tree): Node {
  if (t.kind === 'text') return document.createTextNode(t.data);
  if (t.kind === 'comment') return document.createComment(t.data);
  const el = document.createElement(t.tag);
  for (const c of t.children) el.appendChild(build(c));
  return el;
}

/** textLength(node, max) is the exact length when that is at most `max`, and above `max` otherwise. */
function expectCapped(node: Node, max: number): void {
  const exact = reference(node);
  if (exact <= max) expect(textLength(node, max)).toBe(exact);
  else expect(textLength(node, max)).toBeGreaterThan(max);
}

const runs = { numRuns: 300, seed: 20_261_204 };

describe('textLength', () => {
  it('is the collapsed, trimmed length of textContent on every generated tree', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const el = build(t);
        expect(textLength(el)).toBe(reference(el));
        const fragment = document.createDocumentFragment();
        fragment.appendChild(el);
        expect(textLength(fragment)).toBe(reference(fragment));
      }),
      runs,
    );
  });

  it('with a cap: exact up to the cap, above it past the cap', () => {
    fc.assert(
      fc.property(tree, fc.nat(40), (t, max) => {
        expectCapped(build(t), max);
      }),
      runs,
    );
  });

  it('treats exactly the characters of \\s as whitespace', () => {
    for (let c = 0; c < 0x10000; c++) {
      const node = document.createTextNode(`a${String.fromCharCode(c)}${String.fromCharCode(c)}a`);
      if (textLength(node) !== reference(node)) expect(c.toString(16)).toBe('a character where they agree');
      const el = document.createElement('p');
      el.append(` ${String.fromCharCode(c)}`, document.createElement('b'), 'a ');
      if (textLength(el, 5) !== reference(el)) expect(c.toString(16)).toBe('a character where they agree');
    }
  });

  it('measures text, comment, CDATA and document nodes as textContent has them', () => {
    const xml = new JSDOM('<r/>', { contentType: 'application/xml' }).window.document;
    const root = xml.documentElement;
    root.append(xml.createCDATASection('  one \n two '), xml.createComment(' not text '), ' three  ');
    for (const node of [root, root.firstChild!, root.childNodes[1]!, document, document.doctype!]) {
      expect(textLength(node)).toBe(reference(node));
      expectCapped(node, 3);
    }
    expect(textLength(root)).toBe('one two three'.length);
    expect(textLength(root, 3)).toBeGreaterThan(3);
  });
});
