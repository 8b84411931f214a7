import { describe, expect, it } from 'vitest';
import { htmlDocument } from '@/tests/unit/dom';
import { textOf } from './text';

const text = (html: string): string => textOf(htmlDocument(`<body>${html}</body>`).body);

describe('textOf', () => {
  it('collapses whitespace inside blocks as a browser does', () => {
    expect(text('<p>one\n   two\tthree</p>')).toBe('one two three');
  });

  it('separates blocks by a blank line and keeps inline elements inline', () => {
    expect(text('<h2>Title</h2><p>First <b>bold</b> <a href="#">link</a>.</p><ul><li>a</li><li>b</li></ul>')).toBe(
      'Title\n\nFirst bold link.\n\na\n\nb',
    );
  });

  it('keeps preformatted text exactly', () => {
    expect(text('<pre>if (x) {\n    y();\n}</pre>')).toBe('if (x) {\n    y();\n}');
  });

  it('handles very deep nesting without recursion', () => {
    const doc = htmlDocument('');
    // Built from the inside out: jsdom itself recurses when a node is added under a deep chain.
    let root: Node = doc.createTextNode('deep');
    for (let i = 0; i < 30_000; i++) {
      const wrapper = doc.createElement(i % 2 ? 'div' : 'span');
      wrapper.append(root);
      root = wrapper;
    }
    expect(textOf(root)).toBe('deep');
    // A generous limit: building 30,000 nested nodes in jsdom is slow on a busy machine.
  }, 30_000);
});
